"""Wire datelines ("GOMA, Congo (Reuters) -", "VELL, Oct 3 -"): where one ends, for the quote stage (a
dateline the parser made the subject is not the speaker) and the actor stage (its place is no actor that
speaks). Text structure both stages share, so it lives apart from either."""
from __future__ import annotations

from bisect import bisect_right
from weakref import WeakKeyDictionary

from spacy.tokens import Doc

# A place in capitals opening the paragraph, then place, date and agency words, then a dash.
MIN_DATELINE_LETTERS = 3
MAX_DATELINE_TOKENS = 14
# Dashes as text sets them: hyphen-minus, double hyphen, en and em dash.
DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
_DATELINES: WeakKeyDictionary = WeakKeyDictionary()  # doc -> (paragraph start tokens, their dateline ranges)


def dateline(doc: Doc, index: int) -> range:
    """The token indices of the dateline opening the paragraph of token ``index``, dash included; empty
    when there is none. Found once per document."""
    found = _DATELINES.get(doc)
    if found is None:
        starts = [0] + [token.i + 1 for token in doc[:-1] if "\n" in token.text]
        found = _DATELINES[doc] = (starts, [_dateline_at(doc, start) for start in starts])
    starts, ranges = found
    return ranges[bisect_right(starts, index) - 1]


def dateline_end(doc: Doc, index: int) -> int:
    """The index of the first token after the dateline of token ``index``'s paragraph (its first token
    when there is none)."""
    return dateline(doc, index).stop


def _dateline_at(doc: Doc, first: int) -> range:
    while first < len(doc) and doc[first].is_space:
        first += 1
    if first >= len(doc) or not (doc[first].is_alpha and doc[first].is_upper and len(doc[first]) >= MIN_DATELINE_LETTERS):
        return range(first, first)
    for position in range(first + 1, min(first + MAX_DATELINE_TOKENS, len(doc))):
        word = doc[position]
        if "\n" in word.text:
            break
        if word.text in DASHES:
            return range(first, position + 1)
        if not (word.is_punct or word.like_num or word.is_upper or word.text[:1].isupper()):
            break
    return range(first, first)
