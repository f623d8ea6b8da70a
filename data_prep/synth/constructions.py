"""Quote constructions: each writes one paragraph and returns the gold attributions inside it.

Offsets are taken while the text is written, so the gold spans are exact by construction. Span
conventions follow PolNeAR: a direct quote's span includes its quotation marks, a reported clause's
span starts at "that" when there is one, a split quote has one span per quoted part.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from data_prep.synth import statements
from data_prep.synth import vocabulary as vocab
from data_prep.synth.cast import Mention

Span = tuple[int, int]
OPEN, CLOSE = "\u201c", "\u201d"


class TextBuilder:
    """Appends text and reports where each piece landed."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.length = 0

    def put(self, text: str) -> Span:
        start = self.length
        self._parts.append(text)
        self.length += len(text)
        return start, self.length

    def text(self) -> str:
        return "".join(self._parts)


@dataclass
class GoldQuote:
    spans: list[Span]
    quote_type: str
    cue: str
    cue_span: Span
    speaker: str | None = None
    speaker_span: Span | None = None
    speaker_is_pronoun: bool = False
    speaker_kind: str = "person"

    def as_record(self, text: str) -> dict:
        start, end = self.spans[0][0], self.spans[-1][1]
        speaker_start, speaker_end = self.speaker_span or (None, None)
        return {
            "quote_text": text[start:end], "quote_start": start, "quote_end": end,
            "quote_spans": [list(span) for span in self.spans],
            "speaker": self.speaker, "speaker_start": speaker_start, "speaker_end": speaker_end,
            "speaker_spans": [list(self.speaker_span)] if self.speaker_span else [],
            "speaker_is_pronoun": self.speaker_is_pronoun,
            "cue": self.cue, "cue_start": self.cue_span[0], "cue_end": self.cue_span[1],
            "type": self.quote_type, "speech_cue": True, "has_source": self.speaker is not None,
            "speaker_kind": self.speaker_kind,
        }


@dataclass
class Source:
    """Who is speaking in one construction, and how the sentence refers to them."""
    mention: Mention
    kind: str  # "person", "anonymous" or "organization"
    slots: dict = field(default_factory=dict)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _write_source(builder: TextBuilder, source: Source, sentence_start: bool,
                  before_verb: bool = True) -> tuple[Span, str]:
    """The mention (its span is the speaker span), then its appositive, if any, set off by commas."""
    written = capitalised(source.mention.text) if sentence_start else source.mention.text
    span = builder.put(written)
    if source.mention.appositive:
        builder.put(f", {source.mention.appositive}{',' if before_verb else ''}")
    return span, written


def _gold(spans: list[Span], quote_type: str, cue: str, cue_span: Span, speaker_span: Span, written: str,
          source: Source) -> GoldQuote:
    return GoldQuote(spans=spans, quote_type=quote_type, cue=cue, cue_span=cue_span, speaker=written,
                     speaker_span=speaker_span, speaker_is_pronoun=source.mention.is_pronoun,
                     speaker_kind=source.kind)


def _when(rng: random.Random) -> str:
    return f" {rng.choice(vocab.DAYS)}" if rng.random() < 0.3 else ""


def _fill(template: str, slots: dict) -> str:
    return template.format(**slots)


def quote_then_speaker(builder: TextBuilder, rng: random.Random, source: Source) -> list[GoldQuote]:
    """“…,” Halvard Brannek said. / “…,” said Halvard Brannek, an analyst at …."""
    quote = builder.put(f"{OPEN}{_fill(rng.choice(statements.DIRECT), source.slots)},{CLOSE}")
    builder.put(" ")
    if source.mention.is_pronoun or source.kind != "person" or rng.random() < 0.6:
        speaker, written = _write_source(builder, source, sentence_start=False)
        builder.put(" ")
        cue_word = "added" if source.mention.is_pronoun and rng.random() < 0.4 else "said"
        cue = builder.put(cue_word)
        builder.put(f"{_when(rng)}.")
    else:
        cue_word = "said"
        cue = builder.put(cue_word)
        builder.put(" ")
        speaker, written = _write_source(builder, source, sentence_start=False, before_verb=False)
        builder.put(".")
    return [_gold([quote], "direct", cue_word, cue, speaker, written, source)]


def speaker_colon_quote(builder: TextBuilder, rng: random.Random, source: Source) -> list[GoldQuote]:
    """Halvard Brannek told reporters: “….”"""
    speaker, written = _write_source(builder, source, sentence_start=True)
    builder.put(" ")
    cue_word, rest = rng.choice((("told", " reporters"), ("said", " in a statement"), ("told", " journalists")))
    cue = builder.put(cue_word)
    builder.put(f"{rest}{_when(rng)}: ")
    quote = builder.put(f"{OPEN}{_fill(rng.choice(statements.DIRECT), source.slots)}.{CLOSE}")
    return [_gold([quote], "direct", cue_word, cue, speaker, written, source)]


def split_quote(builder: TextBuilder, rng: random.Random, source: Source) -> list[GoldQuote]:
    """“…,” she said. “….”: one attribution with two spans."""
    first = builder.put(f"{OPEN}{_fill(rng.choice(statements.DIRECT), source.slots)},{CLOSE}")
    builder.put(" ")
    speaker, written = _write_source(builder, source, sentence_start=False)
    builder.put(" ")
    cue = builder.put("said")
    builder.put(". ")
    second = builder.put(f"{OPEN}{_fill(rng.choice(statements.CONTINUATIONS), source.slots)}.{CLOSE}")
    return [_gold([first, second], "direct", "said", cue, speaker, written, source)]


def reported_that(builder: TextBuilder, rng: random.Random, source: Source) -> list[GoldQuote]:
    """Halvard Brannek said that …. / Two officials told Frontline Wire that …."""
    speaker, written = _write_source(builder, source, sentence_start=True)
    builder.put(" ")
    if source.kind == "anonymous":
        cue_word, rest = "told", f" {rng.choice(vocab.WIRE_SERVICES)}"
    elif source.kind == "organization":
        cue_word, rest = "said", " in a statement"
    else:
        cue_word, rest = rng.choice((("said", _when(rng)), ("told", " parliament"), ("said", "")))
    cue = builder.put(cue_word)
    builder.put(f"{rest} ")
    quote = builder.put(f"that {_fill(rng.choice(statements.REPORTED), source.slots)}")
    builder.put(".")
    return [_gold([quote], "indirect", cue_word, cue, speaker, written, source)]


def reported_then_speaker(builder: TextBuilder, rng: random.Random, source: Source) -> list[GoldQuote]:
    """The army had pushed back an attack, the ministry said."""
    quote = builder.put(capitalised(_fill(rng.choice(statements.REPORTED), source.slots)))
    builder.put(", ")
    speaker, written = _write_source(builder, source, sentence_start=False)
    builder.put(" ")
    cue = builder.put("said")
    builder.put(f"{_when(rng)}.")
    return [_gold([quote], "indirect", "said", cue, speaker, written, source)]


def mixed_quote(builder: TextBuilder, rng: random.Random, source: Source) -> list[GoldQuote]:
    """Ilse Varnek said the ceasefire was “dead on arrival.”"""
    speaker, written = _write_source(builder, source, sentence_start=True)
    builder.put(" ")
    cue = builder.put("said")
    builder.put(" ")
    quote = builder.put(f"{source.slots['topic']} was {OPEN}{rng.choice(statements.EVALUATIONS)}.{CLOSE}")
    return [_gold([quote], "mixed", "said", cue, speaker, written, source)]


def narration(builder: TextBuilder, rng: random.Random, slots: dict, used: set[str]) -> list[GoldQuote]:
    """A paragraph without any attribution, not one the article already has (``used`` is updated)."""
    template = rng.choice([template for template in statements.NARRATION if template not in used]
                          or statements.NARRATION)
    used.add(template)
    builder.put(capitalised(_fill(template, {**slots, "when": rng.choice(vocab.DAYS)})))
    return []


Construction = Callable[[TextBuilder, random.Random, Source], list[GoldQuote]]
PERSON_CONSTRUCTIONS: tuple[tuple[Construction, float], ...] = (
    (quote_then_speaker, 0.3), (speaker_colon_quote, 0.15), (split_quote, 0.12), (reported_that, 0.2),
    (reported_then_speaker, 0.1), (mixed_quote, 0.13),
)
GROUP_CONSTRUCTIONS: tuple[tuple[Construction, float], ...] = (
    (reported_that, 0.6), (reported_then_speaker, 0.4),
)
