"""The quote record between stages: what the quote stage found, as the actor stage and the tables read it.

The quote stage returns ``QuoteRecord``s; the analysis keeps them as plain dicts (``as_dict``: the keys of
the quotes table, cached as JSON), and ``QuoteRecord.of`` reads such a dict back once, checking every
offset, so later stages use typed fields instead of reading the dict defensively.
"""
from __future__ import annotations

import numbers
from dataclasses import dataclass

# What an attribution reports (data_prep/quotes/kinds.py): words said or written, or a belief, feeling,
# wish or plan, or an act. Only speech is a quote in the dataset.
SPEECH = "speech"


def offset(value) -> int | None:
    """A character offset: any non-negative integer (numpy's too), else None."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and value >= 0:
        return int(value)
    return None


def _span(start, end) -> tuple[int, int] | None:
    start, end = offset(start), offset(end)
    return (start, end) if start is not None and end is not None and end > start else None


def _pair(span: tuple[int, int] | None) -> tuple[int | None, int | None]:
    return span if span is not None else (None, None)


@dataclass(frozen=True)
class QuoteRecord:
    text: str
    spans: tuple[tuple[int, int], ...]  # the quoted pieces, in order; empty when the offsets are unusable
    quote_type: str | None
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None  # the source phrase as written ("he", "the ministry")
    speaker_text: str
    speaker_is_pronoun: bool
    speaker_name: tuple[int, int] | None  # the name the quote stage found for a non-pronoun source
    cue_word: str | None = None
    speaker_name_text: str | None = None
    headline: bool = False  # the quote lies in the article's headline
    attribution: str = SPEECH  # speech, belief or act

    @property
    def start(self) -> int | None:
        return self.spans[0][0] if self.spans else None

    @property
    def end(self) -> int | None:
        return max(end for _, end in self.spans) if self.spans else None

    def as_dict(self) -> dict:
        """The plain form: the quotes table's columns as the quote stage knows them, and the kind."""
        cue_start, cue_end = _pair(self.cue)
        speaker_start, speaker_end = _pair(self.speaker)
        name_start, name_end = _pair(self.speaker_name)
        return {
            "quote_text": self.text, "quote_start": self.start, "quote_end": self.end,
            "quote_spans": [list(span) for span in self.spans], "quote_type": self.quote_type,
            "cue": self.cue_word, "cue_start": cue_start, "cue_end": cue_end,
            "speaker_text": self.speaker_text or None, "speaker_start": speaker_start, "speaker_end": speaker_end,
            "speaker_is_pronoun": self.speaker_is_pronoun, "speaker_name": self.speaker_name_text,
            "speaker_name_start": name_start, "speaker_name_end": name_end,
            "headline": self.headline, "attribution": self.attribution,
        }

    @classmethod
    def of(cls, quote: dict | QuoteRecord) -> QuoteRecord:
        """A record as it is, or read from its plain form (a cached or hand-made dict)."""
        if isinstance(quote, QuoteRecord):
            return quote
        raw_spans = quote.get("quote_spans")
        pieces = [tuple(piece) for piece in raw_spans] if raw_spans is not None and len(raw_spans) else \
            [(quote.get("quote_start"), quote.get("quote_end"))]
        spans = tuple(span for piece in pieces if len(piece) == 2 and (span := _span(*piece)))
        return cls(text=quote.get("quote_text") or "", spans=spans, quote_type=quote.get("quote_type"),
                   cue=_span(quote.get("cue_start"), quote.get("cue_end")),
                   speaker=_span(quote.get("speaker_start"), quote.get("speaker_end")),
                   speaker_text=quote.get("speaker_text") or "",
                   speaker_is_pronoun=bool(quote.get("speaker_is_pronoun")),
                   speaker_name=_span(quote.get("speaker_name_start"), quote.get("speaker_name_end")),
                   cue_word=quote.get("cue") or None, speaker_name_text=quote.get("speaker_name") or None,
                   headline=bool(quote.get("headline")), attribution=quote.get("attribution") or SPEECH)
