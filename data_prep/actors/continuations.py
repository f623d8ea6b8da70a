"""Continuation paragraphs: a paragraph that is nothing but a quotation, with no attribution of its own,
goes on with the speaker of the paragraph before it when that paragraph quotes one speaker only, or when
it ends with a quotation of its own (the news convention of a long quote running over several
paragraphs: the one who spoke last goes on)."""
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
        elif before and keys[before[-1]] is not None and _closes_paragraph(text, quotes[before[-1]], previous[1]):
            # 'A said ... "..." B said: "...'": the quote that closes the paragraph is the one running on
            keys[index] = keys[before[-1]]
    return keys


def _closes_paragraph(text: str, quote: QuoteRecord, paragraph_end: int) -> bool:
    """Whether only the quote's own attribution ("..., she said.") follows it in its paragraph: no
    further sentence of the reporter's, which could be about someone else."""
    tail = text[quote.end:paragraph_end].strip(" \t.”\"’'»")
    return quote.quote_type != "indirect" and not any(mark in tail for mark in ".!?“\"")
