"""The default backend: the frozen MiniLM embedding of a window of words centred on the target, plus the
lexicon features, into a calibrated logistic-regression head (numpy only at run time).

Only the window is encoded, without target markers: on NewsMTSC-rw dev, adding the embedding of the
whole marked text did not score better and tripled the encoder time, and marking the target inside
the window scored lower than leaving it plain (docs/benchmarks.md). The window being centred on the
target is what tells the head which mention it is about."""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from data_prep.stance.base import (HEADS_DIR, LinearHead, StanceItem, StancePrediction, decide,
                                   not_discussed)
from data_prep.stance.evidence import top_token_words
from data_prep.stance.features import Span, context_window, lexicon_features, locate_target

HEAD_NAME = "minilm"
WINDOW_WORDS = 6


def window_text(text: str, span: Span) -> str:
    """What the encoder reads for one target: the target and up to WINDOW_WORDS words either side."""
    window = context_window(text, span, WINDOW_WORDS, within_clause=False)
    return text[window.start:window.end]


def feature_matrix(window_embeddings: np.ndarray, lexicon: np.ndarray) -> np.ndarray:
    return np.hstack([window_embeddings, lexicon]).astype(np.float32)


@lru_cache(maxsize=1)
def load_head() -> LinearHead:
    return LinearHead.load(HEADS_DIR, HEAD_NAME)


class MiniLMBackend:
    name = "minilm"

    def __init__(self, head: LinearHead | None = None, encoder=None):
        from data_prep.stance.encoder import shared_encoder
        self.head = head or load_head()
        self.encoder = encoder or shared_encoder()
        self.version = str(self.head.metadata["version"])
        self.unclear_below = float(self.head.metadata["unclear_below"])

    def predict(self, items: list[StanceItem], allow_unclear: bool = True) -> list[StancePrediction]:
        spans = [locate_target(item.text, item.target, item.target_span) for item in items]
        scored = [i for i, span in enumerate(spans) if span is not None]
        predictions: list[StancePrediction] = [not_discussed() for _ in items]
        if not scored:
            return predictions
        window_texts = [window_text(items[i].text, spans[i]) for i in scored]
        windows = self.encoder.encode(window_texts, keep_tokens=True)
        lexicon = np.vstack([lexicon_features(items[i].text, spans[i]) for i in scored])
        features = feature_matrix(windows.embeddings, lexicon)
        probabilities = self.head.label_probabilities(features)
        window_weights = self._window_weights()
        for row, index in enumerate(scored):
            best = max(probabilities[row], key=probabilities[row].get)
            evidence = top_token_words(
                window_texts[row], windows.token_states[row], windows.token_offsets[row],
                windows.pooled_norms[row], window_weights, self.head.labels.index(best),
                exclude=items[index].target)
            predictions[index] = decide(probabilities[row], evidence, self.unclear_below, allow_unclear)
        return predictions

    def _window_weights(self) -> np.ndarray:
        """Head weights on the window embedding, in unstandardised units: (n_classes, 384)."""
        columns = slice(0, 384)
        return self.head.weights[:, columns] / self.head.scale[columns]
