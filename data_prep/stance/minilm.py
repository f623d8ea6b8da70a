"""The default backend: frozen MiniLM embeddings of the marked text and of a window around the target,
plus lexicon features, into a calibrated logistic-regression head (numpy only at run time)."""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from data_prep.stance.base import (HEADS_DIR, LinearHead, StanceItem, StancePrediction, decide,
                                   not_discussed)
from data_prep.stance.evidence import top_token_words
from data_prep.stance.features import Span, context_window, lexicon_features, locate_target, marked_text

HEAD_NAME = "minilm"
WINDOW_WORDS = 6


def model_texts(text: str, span: Span) -> tuple[str, str]:
    """What the encoder reads for one target: the whole marked text, and the marked window."""
    window = context_window(text, span, WINDOW_WORDS, within_clause=False)
    local = Span(span.start - window.start, span.end - window.start)
    return marked_text(text, span), marked_text(text[window.start:window.end], local)


def feature_matrix(text_embeddings: np.ndarray, window_embeddings: np.ndarray,
                   lexicon: np.ndarray) -> np.ndarray:
    return np.hstack([text_embeddings, window_embeddings, lexicon]).astype(np.float32)


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
        pairs = [model_texts(items[i].text, spans[i]) for i in scored]
        texts = self.encoder.encode([pair[0] for pair in pairs])
        windows = self.encoder.encode([pair[1] for pair in pairs], keep_tokens=True)
        lexicon = np.vstack([lexicon_features(items[i].text, spans[i]) for i in scored])
        features = feature_matrix(texts.embeddings, windows.embeddings, lexicon)
        probabilities = self.head.label_probabilities(features)
        window_weights = self._window_weights()
        for row, index in enumerate(scored):
            best = max(probabilities[row], key=probabilities[row].get)
            evidence = top_token_words(
                pairs[row][1], windows.token_states[row], windows.token_offsets[row],
                windows.pooled_norms[row], window_weights, self.head.labels.index(best),
                exclude=items[index].target)
            predictions[index] = decide(probabilities[row], evidence, self.unclear_below, allow_unclear)
        return predictions

    def _window_weights(self) -> np.ndarray:
        """Head weights on the window embedding, in unstandardised units: (n_classes, 384)."""
        columns = slice(384, 768)
        return self.head.weights[:, columns] / self.head.scale[columns]
