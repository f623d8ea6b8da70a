"""The fast backend: VADER on the clause around the target plus target-directed cue verbs, combined by
a small calibrated logistic head (nine numbers in, three probabilities out; no neural model)."""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from data_prep.stance.base import HEADS_DIR, LinearHead, StanceItem, StancePrediction, decide, not_discussed
from data_prep.stance.evidence import MAX_EVIDENCE_WORDS, is_content_word, words_excluded_for
from data_prep.stance.features import WORD, Span, context_window, lexicon_features, locate_target

HEAD_NAME = "lexicon"
EVIDENCE_WINDOW_WORDS = 8


@lru_cache(maxsize=1)
def load_head() -> LinearHead:
    return LinearHead.load(HEADS_DIR, HEAD_NAME)


def without_word(text: str, span: Span, word_start: int, word_end: int) -> tuple[str, Span]:
    """The text with one word blanked out (same length, so the target span stays valid)."""
    return text[:word_start] + " " * (word_end - word_start) + text[word_end:], span


def leave_one_word_out(head: LinearHead, text: str, span: Span, label_index: int, target: str) -> list[str]:
    """Words of the window whose removal lowers the chosen label's probability most."""
    base = head.probabilities(lexicon_features(text, span)[None, :])[0, label_index]
    window = context_window(text, span, EVIDENCE_WINDOW_WORDS)
    excluded = words_excluded_for(target)
    drops = []
    for match in WORD.finditer(text, window.start, window.end):
        if span.start <= match.start() < span.end or not is_content_word(match.group(), excluded):
            continue
        changed_text, changed_span = without_word(text, span, match.start(), match.end())
        probability = head.probabilities(lexicon_features(changed_text, changed_span)[None, :])[0, label_index]
        if base - probability > 1e-4:
            drops.append((base - probability, match.group()))
    drops.sort(key=lambda drop: -drop[0])
    return [word for _, word in drops[:MAX_EVIDENCE_WORDS]]


class LexiconBackend:
    name = "lexicon"

    def __init__(self, head: LinearHead | None = None):
        self.head = head or load_head()
        self.version = str(self.head.metadata["version"])
        self.unclear_below = float(self.head.metadata["unclear_below"])

    def predict(self, items: list[StanceItem], allow_unclear: bool = True) -> list[StancePrediction]:
        predictions = []
        for item in items:
            span = locate_target(item.text, item.target, item.target_span)
            if span is None:
                predictions.append(not_discussed())
                continue
            features = lexicon_features(item.text, span)[None, :]
            probabilities = self.head.label_probabilities(features)[0]
            best_index = int(np.argmax([probabilities[label] for label in self.head.labels]))
            evidence = leave_one_word_out(self.head, item.text, span, best_index, item.target)
            predictions.append(decide(probabilities, evidence, self.unclear_below, allow_unclear))
        return predictions
