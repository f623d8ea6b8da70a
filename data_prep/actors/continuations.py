"""Continuation paragraphs: a paragraph that is nothing but a quotation, with no attribution of its own,
goes on with the speaker of the paragraph before it when that paragraph quotes one speaker only (the
news convention of a long quote running over several paragraphs)."""
from __future__ import annotations

from data_prep.quote_record import QuoteRecord

OPENING_MARKS = "“\"‘'«"


def _paragraph_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end == -1 else end


def _previous_paragraph(text: str, paragraph_start: int) -> tuple[int, int] | None:
    end = paragraph_start - 1
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end <= 0:
        return None
    return text.rfind("\n", 0, end) + 1, end


def continued_speakers(text: str, quotes: list[QuoteRecord], keys: list[str | None]) -> list[str | None]:
    """``keys`` with each unattributed quoted paragraph given its predecessor's single speaker."""
    keys = list(keys)
    order = sorted((q.spans[0][0], n) for n, q in enumerate(quotes) if q.spans)
    for position, index in order:
        quote = quotes[index]
        if keys[index] is not None or quote.speaker is not None or quote.cue is not None:
            continue
        start, end = _paragraph_bounds(text, position)
        if text[start:position].strip(OPENING_MARKS + " \t") or text[quote.spans[-1][1]:end].strip(" \t.”\"’'»"):
            continue  # not the whole paragraph
        previous = _previous_paragraph(text, start)
        if previous is None:
            continue
        before = [n for at, n in order if previous[0] <= at < previous[1]]
        speakers = {keys[n] for n in before}
        if len(speakers) == 1 and None not in speakers:
            keys[index] = speakers.pop()
    return keys
