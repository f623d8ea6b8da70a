"""The words that drove a label.

For the MiniLM head the attribution is exact rather than sampled: the window embedding is the mean of
its token states divided by a norm, and the head is linear in it, so the chosen label's logit margin
splits into one additive share per token. Word pieces are summed back into the words they came from.
"""
from __future__ import annotations

import re

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from data_prep.stance.features import WORD

MAX_EVIDENCE_WORDS = 3


def is_content_word(word: str, excluded: set[str]) -> bool:
    lowered = word.lower()
    # Single letters are mostly clitics the word pattern cuts off ("X’ s", "don' t").
    return (len(lowered) > 1 and bool(re.search(r"[a-z]", lowered)) and lowered not in STOP_WORDS
            and lowered not in excluded)


def words_excluded_for(target: str) -> set[str]:
    return {w.lower() for w in WORD.findall(target)}


def top_token_words(text: str, token_states: np.ndarray, token_offsets: list[tuple[int, int]],
                    pooled_norm: float, class_weights: np.ndarray, label_index: int,
                    exclude: str = "", limit: int = MAX_EVIDENCE_WORDS) -> list[str]:
    """Up to ``limit`` words of ``text`` whose tokens push hardest towards ``label_index``."""
    if len(token_states) == 0:
        return []
    margin_direction = class_weights[label_index] - np.delete(class_weights, label_index, axis=0).mean(axis=0)
    shares = token_states @ margin_direction / (len(token_states) * pooled_norm)
    word_spans = [(m.start(), m.end()) for m in WORD.finditer(text)]
    excluded = words_excluded_for(exclude)
    per_word: dict[int, float] = {}
    for share, (start, end) in zip(shares, token_offsets):
        if end <= start:
            continue  # [CLS], [SEP]
        for index, (word_start, word_end) in enumerate(word_spans):
            if word_start <= start < word_end:
                per_word[index] = per_word.get(index, 0.0) + float(share)
                break
    ranked = sorted(per_word.items(), key=lambda item: -item[1])
    chosen: list[str] = []
    for index, share in ranked:
        word = text[word_spans[index][0]:word_spans[index][1]]
        if share <= 0 or len(chosen) >= limit:
            break
        if is_content_word(word, excluded) and word.lower() not in (w.lower() for w in chosen):
            chosen.append(word)
    return chosen
