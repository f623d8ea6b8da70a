"""Spans of text between quotation marks, as character offsets.

Double marks of every common convention are recognised: straight "…", curly “…”, guillemets «…»,
the low-high „…“ and two apostrophes ''…''. A quote that runs over several paragraphs follows the newsroom convention of an
opening mark without a closing one at each paragraph end; those paragraphs form one chain. Single
marks inside a double-quoted span are nested quotes and are ignored; top-level single marks (common
in headlines and in some papers' house style) open a span only between word boundaries, and an apostrophe between
letters stays inside the span, so apostrophes are never taken for quotes.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

TWO_APOSTROPHES = "''"  # a double mark typed as two single ones, house style at some papers
CLOSERS_FOR_OPENER = {"\u201c": "\u201d\"", "\u00ab": "\u00bb", "\u201e": "\u201c\u201d", '"': "\"\u201d",
                      TWO_APOSTROPHES: TWO_APOSTROPHES}
STRAIGHT_MARKS = ('"', TWO_APOSTROPHES)
DOUBLE_MARKS = re.compile('\'\'|[\u201c\u201d\u00ab\u00bb\u201e"\n]')
# An apostrophe between letters ("it's", "we've", "didn’t") is inside the quoted words, not its closing mark.
SINGLE_QUOTED = re.compile(r"(?<![\w\u2019'])[\u2018'](?=\w)((?:[^\n\u2018\u2019']|(?<=\w)[\u2019'](?=\w)){3,}?[\w.,!?])"
                           r"[\u2019'](?!\w)")


@dataclass(frozen=True)
class MarkedSpan:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark, or the paragraph end when left open
    open_ended: bool = False


def _paragraph_end(text: str, newline_at: int, opened_at: int) -> int:
    end = newline_at
    while end > opened_at + 1 and text[end - 1].isspace():
        end -= 1
    return end


def double_quoted_spans(text: str) -> list[MarkedSpan]:
    spans: list[MarkedSpan] = []
    opened_at, opener, closers, depth = None, "", "", 0
    markup_value_end = -1
    for match in DOUBLE_MARKS.finditer(text):
        at, mark = match.start(), match.group()
        if at <= markup_value_end:
            continue
        if mark == "\n":
            if opened_at is not None:
                spans.append(MarkedSpan(opened_at, _paragraph_end(text, at, opened_at), True))
                opened_at, depth = None, 0
            continue
        if opened_at is not None and mark in closers:
            if depth:
                depth -= 1
            else:
                spans.append(MarkedSpan(opened_at, at + len(mark)))
                opened_at = None
        elif opened_at is not None and mark == opener and mark not in STRAIGHT_MARKS:
            if not depth and _closes_like_a_closer(text, at, len(mark)):
                spans.append(MarkedSpan(opened_at, at + len(mark)))  # “words,“ she said: a wrong-way closer
                opened_at = None
                continue
            depth += 1  # “a “nested” quote” written with the same marks
        elif mark == "\u201d" and starts_paragraph(text, at):
            opened_at, opener, closers, depth = at, mark, "\u201d\"", 0  # a paragraph opened with the wrong mark
        elif mark in CLOSERS_FOR_OPENER:
            followed_by_space = at + len(mark) >= len(text) or text[at + len(mark)].isspace()
            if mark in STRAIGHT_MARKS and followed_by_space:
                continue  # a stray closing straight mark
            if mark == '"' and text[at - 1:at] == "=":
                markup_value_end = text.find('"', at + 1)  # markup: author="..."
                continue
            opened_at, opener, closers, depth = at, mark, CLOSERS_FOR_OPENER[mark], 0
    if opened_at is not None:
        spans.append(MarkedSpan(opened_at, _paragraph_end(text, len(text), opened_at), True))
    return spans


def _closes_like_a_closer(text: str, at: int, width: int) -> bool:
    """An opening mark placed as a closer: glued to the word or punctuation before it and followed by
    a space, punctuation or the end ("de-escalated,“ he said"); a real nested opener is the reverse."""
    before = text[at - 1:at]
    after = text[at + width:at + width + 1]
    return bool(before) and not before.isspace() and (not after or after.isspace() or after in ",.;:!?)")


def single_quoted_spans(text: str, outside: list[MarkedSpan]) -> list[MarkedSpan]:
    starts = [span.start for span in outside]
    found = []
    for match in SINGLE_QUOTED.finditer(text):
        index = bisect_right(starts, match.start()) - 1
        if index >= 0 and outside[index].start <= match.start() < outside[index].end:
            continue  # nested inside a double-quoted span
        if " " in match.group(1).strip():
            found.append(MarkedSpan(match.start(), match.end()))
    return found


def quote_mark_spans(text: str) -> list[MarkedSpan]:
    """Quoted spans with some words in them, in text order."""
    doubles = double_quoted_spans(text)
    spans = doubles + single_quoted_spans(text, doubles)
    return sorted((span for span in spans if any(char.isalnum() for char in text[span.start:span.end])),
                  key=lambda span: span.start)


def starts_paragraph(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return not text[line_start:offset].strip()


def quote_mark_chains(text: str) -> list[list[MarkedSpan]]:
    """Spans grouped into quotes: an open-ended span continues into a span opening the next paragraph."""
    chains: list[list[MarkedSpan]] = []
    for span in quote_mark_spans(text):
        previous = chains[-1][-1] if chains else None
        if (previous is not None and previous.open_ended and starts_paragraph(text, span.start)
                and not text[previous.end:span.start].strip()):
            chains[-1].append(span)
        else:
            chains.append([span])
    return chains


# A quoted title or name ("unveiled his “Moonfall,”", "named best actress for “The Quiet Shore,”", "known
# as “El Tigre”"): a few words, each capitalised but for these small words, in a sentence-case sentence,
# right after a word that introduces a name (a possessive, an article, a preposition of where or what for,
# a naming participle). After a verb or "as" ("called him “Little Marco”", "hailed as “The Comeback Kid”")
# a capitalised phrase is the speaker's words.
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with",
                               "from", "de", "del", "la", "le", "el", "y", "di", "da", "von", "van", "der"})
TITLE_LEAD_WORDS = frozenset({"his", "her", "their", "its", "our", "my", "your", "a", "an", "the", "for", "on", "in",
                              "at", "from", "with", "by", "about", "called", "titled", "entitled", "named",
                              "nicknamed", "dubbed"})
MAX_TITLE_WORDS = 6
MAX_TITLE_CHARS = 120
TITLE_CONTEXT_CHARS = 200
WORD = re.compile(r"[^\W_][\w\u2019'-]*")
TITLE_STRIP = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e ,.;:"


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit() or word.lower() in TITLE_SMALL_WORDS


def _introduces_a_name(words_before: list[str]) -> bool:
    if not words_before:
        return False
    last = words_before[-1].lower()
    return last in TITLE_LEAD_WORDS or (last == "as" and len(words_before) > 1 and words_before[-2].lower() == "known")


def names_a_title(text: str, chain: list[MarkedSpan]) -> bool:
    """Whether a quoted passage is a title or a name, not someone's words: one span of at most
    MAX_TITLE_WORDS words, all capitalised (small words aside), either a paragraph by itself (a
    subheading) or after a word that introduces a name inside a paragraph that is not capitalised word by
    word as headlines are."""
    if len(chain) != 1:
        return False
    span = chain[0]
    if span.end - span.start > MAX_TITLE_CHARS:
        return False
    inner = text[span.start:span.end].strip(TITLE_STRIP)
    words = WORD.findall(inner)
    if not words or len(words) > MAX_TITLE_WORDS or not words[0][0].isupper() or inner.endswith(("?", "!")) \
            or not all(map(_is_capitalised, words)):
        return False
    # the words around, at most TITLE_CONTEXT_CHARS each side inside the paragraph (a bounded look, so a
    # paragraph of thousands of quoted names costs each one the same)
    paragraph_start = text.rfind("\n", max(0, span.start - TITLE_CONTEXT_CHARS), span.start) + 1
    paragraph_end = text.find("\n", span.end, span.end + TITLE_CONTEXT_CHARS)
    before = text[max(paragraph_start, span.start - TITLE_CONTEXT_CHARS):span.start]
    after = text[span.end:paragraph_end if paragraph_end >= 0 else span.end + TITLE_CONTEXT_CHARS]
    if not before.strip() and not after.strip(TITLE_STRIP):
        return True  # a quoted subheading: 'Coal Is Not the Villain.' on a line of its own
    words_before = WORD.findall(before)
    outside = words_before + WORD.findall(after)
    return _introduces_a_name(words_before) and sum(1 for word in outside if word[0].islower()) >= 2
