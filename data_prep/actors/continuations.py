"""Continuation paragraphs: a paragraph that is nothing but a quotation, with no attribution of its own,
goes on with the speaker of the paragraph before it when that paragraph quotes one speaker only, or when
it ends with a quotation of its own (the news convention of a long quote running over several
paragraphs: the one who spoke last goes on). And a speaker who "added" something, named for the first time,
is the one a job title stood for just before ("The finance minister said ... NAME, who took office in
January, added ...")."""
from __future__ import annotations

from data_prep.actors import kinds
from data_prep.actors.book import MentionBook
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


# Cue words that say the speaker spoke just before.
ADDING_CUES = frozenset({"added", "adds", "continued"})
# How far back (characters) the title-only quote an adding speaker continues may lie: the paragraph before.
MAX_ADDED_GAP_CHARS = 600


def added_speakers(book: MentionBook, quotes: list[QuoteRecord], keys: list[str | None]) -> list[str | None]:
    """``keys`` with an unresolved job-title speaker given the person named for the first time as the one
    who "added" the next quote, when that person's known jobs fit the title."""
    keys = list(keys)
    order = sorted((q.start, n) for n, q in enumerate(quotes) if q.spans and not q.headline)
    for (_, previous), (_, index) in zip(order, order[1:]):
        quote, before = quotes[index], quotes[previous]
        key = keys[index]
        if key is None or keys[previous] is not None or before.speaker is None or before.speaker_is_pronoun \
                or quote.cue is None or (quote.cue_word or "").lower() not in ADDING_CUES:
            continue
        actor = book.actors[key]
        title = kinds.role_head(before.speaker_text.replace("'s", " ").replace("’s", " "))
        if actor.kind != "person" or title not in kinds.ROLE_HEADS or quote.start - before.end > MAX_ADDED_GAP_CHARS:
            continue
        first = min((m.start for m in book.mentions if m.key == key), default=None)
        if first is None or first < before.end or not all(kinds.roles_compatible(title, role) for role in actor.roles):
            continue  # named before the title-only quote, or holding another job: someone else (a person
            # whose job the article never gives may hold the title: "NAME, who took office in January, added")
        keys[previous] = key
    return keys
