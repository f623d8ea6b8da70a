"""A Doc's text and sentence bounds, built once: spaCy rebuilds ``doc.text`` from its tokens on every
access, and ``Span.sent`` scans for the sentence start each time (slow in a long sentence)."""
from __future__ import annotations

from bisect import bisect_right
from weakref import WeakKeyDictionary

from spacy.tokens import Doc

_TEXTS: WeakKeyDictionary = WeakKeyDictionary()
_SENTENCE_STARTS: WeakKeyDictionary = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def sentence_of(doc: Doc, index: int) -> tuple[int, int]:
    """Token bounds [start, end) of the sentence holding token ``index``."""
    starts = _SENTENCE_STARTS.get(doc)
    if starts is None:
        starts = _SENTENCE_STARTS[doc] = [sent.start for sent in doc.sents] + [len(doc)]
    position = bisect_right(starts, index) - 1
    return starts[position], starts[position + 1]
