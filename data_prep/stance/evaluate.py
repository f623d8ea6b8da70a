"""Scores for stance predictions against gold labels: forced-choice macro-F1, coverage curve, ECE."""
from __future__ import annotations

import numpy as np

from data_prep.stance.base import FORCED_LABELS

DEFAULT_THRESHOLDS = (0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
ECE_BINS = 10


def per_class_scores(gold: list[str], predicted: list[str]) -> dict[str, dict[str, float]]:
    scores = {}
    for label in FORCED_LABELS:
        true_positive = sum(g == label and p == label for g, p in zip(gold, predicted))
        predicted_count = sum(p == label for p in predicted)
        gold_count = sum(g == label for g in gold)
        precision = true_positive / predicted_count if predicted_count else 0.0
        recall = true_positive / gold_count if gold_count else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = {"precision": precision, "recall": recall, "f1": f1, "support": gold_count}
    return scores


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    return float(np.mean([s["f1"] for s in per_class_scores(gold, predicted).values()]))


def accuracy(gold: list[str], predicted: list[str]) -> float:
    return sum(g == p for g, p in zip(gold, predicted)) / len(gold) if gold else 0.0


def expected_calibration_error(confidences: list[float], correct: list[bool], bins: int = ECE_BINS) -> float:
    """Mean |accuracy - confidence| over equal-width confidence bins, weighted by bin size."""
    if not confidences:
        return 0.0
    confidence = np.asarray(confidences, dtype=float)
    hits = np.asarray(correct, dtype=float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    bin_of = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, bins - 1)
    error = 0.0
    for b in range(bins):
        members = bin_of == b
        if members.any():
            error += members.mean() * abs(hits[members].mean() - confidence[members].mean())
    return float(error)


def fit_temperature(logits: np.ndarray, gold: np.ndarray) -> float:
    """The softmax temperature (0.5 to 3, step 0.02) with the lowest negative log-likelihood of ``gold``
    (class indices) on held-out ``logits``."""
    best = (np.inf, 1.0)
    for temperature in np.arange(0.5, 3.01, 0.02):
        scaled = logits / temperature
        scaled = scaled - scaled.max(axis=1, keepdims=True)
        log_probabilities = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
        nll = -log_probabilities[np.arange(len(gold)), gold].mean()
        best = min(best, (float(nll), round(float(temperature), 2)))
    return best[1]


def coverage_curve(gold: list[str], predicted: list[str], confidences: list[float],
                   thresholds=DEFAULT_THRESHOLDS) -> list[dict[str, float]]:
    """At each threshold: share of items kept (confidence >= threshold), and their accuracy/macro-F1."""
    rows = []
    for threshold in thresholds:
        kept = [i for i, c in enumerate(confidences) if c >= threshold]
        kept_gold = [gold[i] for i in kept]
        kept_predicted = [predicted[i] for i in kept]
        rows.append({
            "threshold": float(threshold),
            "coverage": len(kept) / len(gold) if gold else 0.0,
            "accuracy": accuracy(kept_gold, kept_predicted) if kept else 0.0,
            "macro_f1": macro_f1(kept_gold, kept_predicted) if kept else 0.0,
        })
    return rows


def confusion(gold: list[str], predicted: list[str]) -> dict[str, dict[str, int]]:
    """gold label -> predicted label -> count, over FORCED_LABELS."""
    return {g: {p: sum(1 for x, y in zip(gold, predicted) if x == g and y == p) for p in FORCED_LABELS}
            for g in FORCED_LABELS}


def stance_report(gold: list[str], predicted: list[str], confidences: list[float],
                  thresholds=DEFAULT_THRESHOLDS) -> dict:
    """Everything ``newsvoices evaluate stance`` prints; ``predicted`` must be forced-choice labels."""
    correct = [g == p for g, p in zip(gold, predicted)]
    return {
        "n": len(gold),
        "macro_f1": macro_f1(gold, predicted),
        "accuracy": accuracy(gold, predicted),
        "per_class": per_class_scores(gold, predicted),
        "confusion": confusion(gold, predicted),
        "ece": expected_calibration_error(confidences, correct),
        "coverage": coverage_curve(gold, predicted, confidences, thresholds),
    }
