"""What every stance backend takes and returns, and the shared rule for abstaining (``unclear``)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

FORCED_LABELS = ("favor", "against", "neutral")
UNCLEAR = "unclear"
HEADS_DIR = Path(__file__).parent / "heads"


@dataclass(frozen=True)
class StanceItem:
    text: str
    target: str
    target_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class StancePrediction:
    label: str                      # favor | against | neutral | unclear
    confidence: float               # calibrated probability of the best forced-choice label, in [0, 1]
    evidence: list[str] = field(default_factory=list)   # words that drove the label, strongest first
    probabilities: dict[str, float] = field(default_factory=dict)  # over FORCED_LABELS; {} if not scored


class StanceBackend(Protocol):
    name: str
    version: str
    unclear_below: float

    def predict(self, items: list[StanceItem], allow_unclear: bool = True) -> list[StancePrediction]: ...


def not_discussed() -> StancePrediction:
    """For a target the text does not mention: nothing to judge, so no probabilities."""
    return StancePrediction(UNCLEAR, 0.0, [], {})


def decide(probabilities: dict[str, float], evidence: list[str], unclear_below: float,
           allow_unclear: bool) -> StancePrediction:
    best = max(FORCED_LABELS, key=lambda label: probabilities[label])
    confidence = float(probabilities[best])
    label = UNCLEAR if allow_unclear and confidence < unclear_below else best
    return StancePrediction(label, confidence, evidence, dict(probabilities))


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


@dataclass(frozen=True)
class LinearHead:
    """A multinomial logistic regression over standardised features, with a calibration temperature.

    Stored as ``<name>.npz`` (arrays) beside ``<name>.json`` (metadata: version, training command,
    training-data sha256, dev scores, temperature, abstention threshold)."""
    weights: np.ndarray    # (n_classes, n_features)
    bias: np.ndarray       # (n_classes,)
    mean: np.ndarray       # (n_features,)
    scale: np.ndarray      # (n_features,)
    labels: tuple[str, ...]
    metadata: dict

    @property
    def temperature(self) -> float:
        return float(self.metadata.get("temperature", 1.0))

    def standardise(self, features: np.ndarray) -> np.ndarray:
        return (features - self.mean) / self.scale

    def logits(self, features: np.ndarray) -> np.ndarray:
        return self.standardise(features) @ self.weights.T + self.bias

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        return softmax(self.logits(features) / self.temperature)

    def save(self, directory: Path, name: str) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        np.savez(directory / f"{name}.npz", weights=self.weights, bias=self.bias, mean=self.mean,
                 scale=self.scale)
        metadata = {**self.metadata, "labels": list(self.labels)}
        (directory / f"{name}.json").write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: Path, name: str) -> "LinearHead":
        metadata_path, arrays_path = directory / f"{name}.json", directory / f"{name}.npz"
        if not metadata_path.is_file() or not arrays_path.is_file():
            raise FileNotFoundError(
                f"stance head {name!r} is missing from {directory}; it is trained by "
                "benchmarks/train_stance_head.py")
        metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
        with np.load(arrays_path, allow_pickle=False) as arrays:
            return cls(arrays["weights"], arrays["bias"], arrays["mean"], arrays["scale"],
                       tuple(metadata["labels"]), metadata)

    def label_probabilities(self, features: np.ndarray) -> list[dict[str, float]]:
        matrix = self.probabilities(features)
        return [{label: float(row[i]) for i, label in enumerate(self.labels)} for row in matrix]
