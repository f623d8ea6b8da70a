"""What the fine-tuned encoder reads for one (text, target): a window of the target's sentence with the
target mention wrapped in marker tokens, paired with the target's own words as the second segment.

Training (benchmarks/train_stance_encoder.py) and run time (data_prep/stance/finetuned.py) both build
their inputs here, so the model never sees a format at run time that it was not trained on."""
from __future__ import annotations

import re
from dataclasses import dataclass

from data_prep.stance.features import WORD, Span, bounds_between

# Two of BERT's reserved vocabulary entries; added to the tokenizer as special tokens so they stay whole.
TARGET_OPEN = "[unused0]"
TARGET_CLOSE = "[unused1]"
MARKERS = (TARGET_OPEN, TARGET_CLOSE)
WINDOW_WORDS = 40          # words kept either side of the mention, inside its sentence
MAX_TOKENS = 128
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n+")
# Journalistic juxtaposition: ", even as the Kremlin renewed threats" after a reported claim is the
# writer's contrast, not more of the speaker's view of the target, so the window stops there.
CONTRAST = re.compile(r",\s+(?:even as|even while|whereas|while)\s", re.IGNORECASE)


@dataclass(frozen=True)
class MarkedInput:
    text: str                   # the window with the mention marked
    target: str                 # the mention's own words (second segment)
    window: Span                # where the window sits in the original text
    mention: Span               # where the mention sits in ``text`` (between the markers)


def sentence_of(text: str, span: Span) -> Span:
    """The sentence holding the mention (a mention that straddles a sentence end keeps both)."""
    return bounds_between(text, span, SENTENCE_END)


def clause_of(text: str, span: Span) -> Span:
    """The mention's sentence, cut at a juxtaposing clause on either side of it."""
    sentence = sentence_of(text, span)
    start, end = sentence.start, sentence.end
    for brk in CONTRAST.finditer(text, sentence.start, span.start):
        start = brk.end()
    brk = CONTRAST.search(text, span.end, sentence.end)
    if brk:
        end = brk.start()
    return Span(start, end)


def window_of(text: str, span: Span, max_words: int = WINDOW_WORDS) -> Span:
    sentence = clause_of(text, span)
    before = list(WORD.finditer(text, sentence.start, span.start))
    after = list(WORD.finditer(text, span.end, sentence.end))
    start = before[-max_words].start() if len(before) > max_words else sentence.start
    end = after[max_words - 1].end() if len(after) > max_words else sentence.end
    return Span(min(start, span.start), max(end, span.end))


def marked_input(text: str, span: Span) -> MarkedInput:
    window = window_of(text, span)
    before = text[window.start:span.start].lstrip()
    mention = text[span.start:span.end]
    after = text[span.end:window.end].rstrip()
    prefix = f"{before}{TARGET_OPEN} "
    marked = f"{prefix}{mention} {TARGET_CLOSE}{after}"
    return MarkedInput(marked, mention, window, Span(len(prefix), len(prefix) + len(mention)))
