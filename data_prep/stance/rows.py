"""The ``stances`` table: one row per (quote, target) for actors mentioned inside a quote and topics the
quote names. The speaker is never a target of their own quote, nor is the speaker's own side: the
country the speaker speaks for, or its seat of power ("Russia intends to ..." from a Russian official)."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from data_prep import schema
from data_prep.actors.gazetteer import gazetteer
from data_prep.stance.base import FORCED_LABELS, StanceBackend, StanceItem, StancePrediction, decide
from data_prep.stance.evidence import words_excluded_for
from data_prep.stance.targets import Topic

EVIDENCE_SEPARATOR = ", "
# Actor kinds worth a stance; unnamed sources ("officials") and unknowns are not positions to chart.
TARGET_KINDS = frozenset({"person", "organization", "country", "media", "group"})
# A name right after one of these is where something happens ("talks in Moscow", "met at the White
# House", "in Florida"), a setting rather than someone the speaker takes a position on.
# A country or body named as part of a person's description: "Russia's Vladimir Putin", "Ukrainian
# President Volodymyr Zelensky" (the possessive or demonym, then at most three capitalised title words).
# What the speaker says there is about the person, not a second position on the country.
BEFORE_PERSON = re.compile(r"(?:['’]s)?(?:\s+[A-Z][\w.\-]*){0,3}\s+")
SETTING_BEFORE = re.compile(r"(?<!\w)(?:in|at|inside|outside|near|across|throughout|within|around)\s+(?:the\s+)?$",
                            re.IGNORECASE)


@dataclass(frozen=True)
class TargetOccurrence:
    quote_id: str
    target: str
    target_kind: str     # actor | topic
    item: StanceItem


def _present(value) -> bool:
    return value is not None and not (isinstance(value, float) and pd.isna(value)) and value is not pd.NA


def quote_spans(quote) -> list[tuple[int, int]]:
    """The quote's [start, end) stretches of article text; malformed entries are dropped."""
    spans = quote.get("quote_spans")
    if spans is not None and len(spans):
        return [(int(s[0]), int(s[1])) for s in spans
                if s is not None and len(s) == 2 and _present(s[0]) and _present(s[1])]
    if _present(quote.get("quote_start")) and _present(quote.get("quote_end")):
        return [(int(quote["quote_start"]), int(quote["quote_end"]))]
    return []


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def span_in_quote_text(quote_text: str, spans: list[tuple[int, int]], start: int, end: int,
                       surface: str) -> tuple[int, int] | None:
    """Article offsets of a mention, as offsets into ``quote_text``.

    ``quote_text`` holds the quote's spans in order (joined by some separator for discontinuous
    quotes), so the mention is looked for where the spans' lengths put it, then anywhere nearest."""
    expected = 0
    for span_start, span_end in spans:
        if span_start <= start and end <= span_end:
            expected += start - span_start
            break
        expected += span_end - span_start + 1
    length = end - start
    if quote_text[expected:expected + length].lower() == surface.lower():
        return expected, expected + length
    found = [m.start() for m in re.finditer(re.escape(surface), quote_text, flags=re.IGNORECASE)]
    if not found:
        return None
    best = min(found, key=lambda i: abs(i - expected))
    return best, best + length


def is_setting(text: str, start: int, kind: str) -> bool:
    """Whether the mention at ``start`` names a place where things happen rather than a party to them."""
    return kind != "person" and bool(SETTING_BEFORE.search(text[max(0, start - 20):start]))


def _own_sides(actors: pd.DataFrame) -> dict[str, frozenset[str]]:
    """Per actor, the country it speaks for: its affiliation, or itself when it is a country."""
    sides = {}
    for row in actors.itertuples():
        side = {row.affiliation} if _present(getattr(row, "affiliation", None)) else set()
        if getattr(row, "kind", None) == "country" and _present(row.name):
            side.add(row.name)
        sides[row.actor_id] = frozenset(side)
    return sides


def is_own_side(target, speaker_side: frozenset[str]) -> bool:
    """Whether a target actor is the speaker's own country, or that country's seat of power (Kremlin,
    White House): a speaker describing their own country's intent ("Russia intends to take ...") takes
    no position on it, and the model, reading the words without knowing who says them, would chart one."""
    if target.name in speaker_side:
        return True
    affiliation = getattr(target, "affiliation", None)
    return bool(_present(affiliation) and affiliation in speaker_side and gazetteer().seat_of_power(target.name))


def describes_person(mention, text: str, local_end: int, people: list) -> bool:
    """Whether a non-person mention is a modifier in a person's description: inside a person's mention
    ("the Kremlin leader") or right before one ("Russia's Vladimir Putin")."""
    if any(p.start <= mention.start and mention.end <= p.end and p.actor_id != mention.actor_id for p in people):
        return True
    return any(0 < p.start - mention.end <= 60
               and BEFORE_PERSON.fullmatch(text, local_end, local_end + p.start - mention.end) for p in people)


def actor_occurrences(quotes: pd.DataFrame, mentions: pd.DataFrame, actors: pd.DataFrame) -> list[TargetOccurrence]:
    """Mentions of actors worth a stance inside each quote; not the speaker or the speaker's own
    country, not a setting."""
    names = {row.actor_id: row.name for row in actors.itertuples() if _present(row.actor_id) and _present(row.name)
             and (not _present(getattr(row, "kind", None)) or row.kind in TARGET_KINDS)}
    kinds = {row.actor_id: row.kind if _present(getattr(row, "kind", None)) else "" for row in actors.itertuples()}
    by_id = {row.actor_id: row for row in actors.itertuples()}
    sides = _own_sides(actors)
    by_article: dict[str, list] = defaultdict(list)
    people: dict[str, list] = defaultdict(list)
    for mention in mentions.itertuples():
        if kinds.get(mention.actor_id) == "person" and _present(mention.start) and _present(mention.end):
            people[mention.article_id].append(mention)
        if (_present(mention.actor_id) and mention.actor_id in names and _present(mention.start)
                and _present(mention.end) and _text(mention.text)):
            by_article[mention.article_id].append(mention)
    occurrences = []
    for quote in quotes.to_dict("records"):
        text = _text(quote.get("quote_text"))
        spans = quote_spans(quote)
        speaker = quote.get("actor_id") if _present(quote.get("actor_id")) else None
        speaker_side = sides.get(speaker, frozenset())
        for mention in by_article.get(quote.get("article_id"), []):
            if mention.actor_id == speaker or is_own_side(by_id[mention.actor_id], speaker_side):
                continue
            if not any(s <= mention.start and mention.end <= e for s, e in spans):
                continue
            local = span_in_quote_text(text, spans, int(mention.start), int(mention.end), mention.text)
            kind = kinds.get(mention.actor_id, "")
            if local is None or is_setting(text, local[0], kind) or (
                    kind != "person" and describes_person(mention, text, local[1], people[mention.article_id])):
                continue
            occurrences.append(TargetOccurrence(quote["quote_id"], names[mention.actor_id], "actor",
                                                StanceItem(text, mention.text, local)))
    return occurrences


def topic_occurrences(quotes: pd.DataFrame, topics: list[Topic], speaker_names: dict[str, str]) -> list[TargetOccurrence]:
    occurrences = []
    for quote in quotes.to_dict("records"):
        text = _text(quote.get("quote_text"))
        speaker_name = (speaker_names.get(quote.get("actor_id")) or "").lower()
        for topic in topics:
            if topic.name.lower() == speaker_name:
                continue
            for start, end in topic.spans_in(text):
                occurrences.append(TargetOccurrence(quote["quote_id"], topic.name, "topic",
                                                    StanceItem(text, text[start:end], (start, end))))
    return occurrences


def combine(predictions: list[StancePrediction], unclear_below: float) -> StancePrediction:
    """One stance for a target named several times in a quote: mean probabilities, then decide."""
    scored = [p for p in predictions if p.probabilities]
    if not scored:
        return predictions[0]
    mean = {label: sum(p.probabilities[label] for p in scored) / len(scored) for label in FORCED_LABELS}
    best = max(FORCED_LABELS, key=mean.get)
    strongest = max(scored, key=lambda p: p.probabilities[best])
    return decide(mean, strongest.evidence, unclear_below, allow_unclear=True)


def stance_rows(quotes: pd.DataFrame, mentions: pd.DataFrame, actors: pd.DataFrame,
                backend: StanceBackend | None, topics: list[Topic]) -> pd.DataFrame:
    """The ``stances`` table (columns of ``schema.STANCES``) for these quotes; empty when stance is
    skipped (``backend`` None, the registry's answer for "none")."""
    if backend is None or quotes.empty:
        return schema.empty_frame(schema.STANCES)
    speaker_names = {row.actor_id: row.name for row in actors.itertuples() if _present(row.actor_id)}
    occurrences = actor_occurrences(quotes, mentions, actors) + topic_occurrences(quotes, topics, speaker_names)
    predictions = backend.predict([o.item for o in occurrences], allow_unclear=False)
    grouped: dict[tuple[str, str, str], list[StancePrediction]] = defaultdict(list)
    for occurrence, prediction in zip(occurrences, predictions):
        grouped[(occurrence.quote_id, occurrence.target, occurrence.target_kind)].append(prediction)
    rows = []
    for (quote_id, target, kind), group in grouped.items():
        decided = combine(group, backend.unclear_below)
        rows.append({"quote_id": quote_id, "target": target, "target_kind": kind, "label": decided.label,
                     "confidence": decided.confidence,
                     "evidence": EVIDENCE_SEPARATOR.join(w for w in decided.evidence
                                                         if w.lower() not in words_excluded_for(target)),
                     "backend": f"{backend.name} {backend.version}"})
    return schema.frame_from_rows(schema.STANCES, rows)
