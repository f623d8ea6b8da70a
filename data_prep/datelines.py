"""Wire datelines ("GOMA, Congo (Reuters) -", "VELL, Oct 3 -"): where one ends, for the quote stage (a
dateline the parser made the subject is not the speaker) and the actor stage (its place is no actor that
speaks). Text structure both stages share, so it lives apart from either."""
from __future__ import annotations

from spacy.tokens import Doc

# A place in capitals opening the paragraph, then place, date and agency words, then a dash.
MIN_DATELINE_LETTERS = 3
MAX_DATELINE_TOKENS = 14
DATELINE_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def dateline(doc: Doc, index: int, text: str) -> range:
    """The token indices of a dateline opening the paragraph of token ``index`` (``text`` is the doc's text,
    passed in since rebuilding it is slow), dash included; empty when there is none."""
    paragraph = text.rfind("\n", 0, doc[index].idx) + 1
    first = index
    while first > 0 and doc[first - 1].idx >= paragraph:
        first -= 1
    if not (doc[first].is_alpha and doc[first].is_upper and len(doc[first]) >= MIN_DATELINE_LETTERS):
        return range(first, first)
    for position in range(first + 1, min(first + MAX_DATELINE_TOKENS, len(doc))):
        word = doc[position]
        if word.text in DATELINE_DASHES:
            return range(first, position + 1)
        if not (word.is_punct or word.like_num or word.is_upper or word.text[:1].isupper()):
            break
    return range(first, first)


def dateline_end(doc: Doc, index: int, text: str) -> int:
    """The index of the first token after the dateline of token ``index``'s paragraph (its first token
    when there is none)."""
    return dateline(doc, index, text).stop
