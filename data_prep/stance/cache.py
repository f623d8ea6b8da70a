"""Stance results remembered between builds, keyed by (backend and model version, quote text, target
mention, its span): an unchanged rebuild scores nothing again, and a new model version misses cleanly.

``CachedBackend`` wraps any backend. ``known`` and ``used`` map a key to the prediction as JSON; ``used``
(only the entries this build needed, so the cache never outgrows the dataset) is what the build writes
to the dataset folder, grouped by the quote text's hash (data_prep/build_cache.py) so that a batch of
quotes is handed only the entries of its own quotes."""
from __future__ import annotations

import hashlib
import json

from data_prep.stance.base import StanceItem, StancePrediction


def quote_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def item_key(backend_id: str, item: StanceItem, allow_unclear: bool) -> str:
    span = "" if item.target_span is None else f"{item.target_span[0]}:{item.target_span[1]}"
    raw = "\x00".join((backend_id, item.text, item.target, span, "u" if allow_unclear else "f"))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def to_json(prediction: StancePrediction) -> str:
    return json.dumps({"label": prediction.label, "confidence": prediction.confidence,
                       "evidence": list(prediction.evidence), "probabilities": dict(prediction.probabilities)})


def from_json(text: str) -> StancePrediction:
    record = json.loads(text)
    return StancePrediction(record["label"], float(record["confidence"]), list(record["evidence"]),
                            {k: float(v) for k, v in record["probabilities"].items()})


class CachedBackend:
    """A backend that answers from ``known`` (key -> prediction JSON) and scores only what it lacks."""

    def __init__(self, backend, known: dict[str, str] | None = None):
        self.backend = backend
        self.name = backend.name
        self.version = backend.version
        self.unclear_below = backend.unclear_below
        self.known = dict(known or {})
        self.used: dict[str, tuple[str, str]] = {}   # key -> (quote hash, prediction JSON)
        self.scored = 0

    def predict(self, items: list[StanceItem], allow_unclear: bool = True) -> list[StancePrediction]:
        backend_id = f"{self.name} {self.version}"
        keys = [item_key(backend_id, item, allow_unclear) for item in items]
        missing = {key: i for i, key in enumerate(keys) if key not in self.known}
        if missing:
            fresh = self.backend.predict([items[i] for i in missing.values()], allow_unclear=allow_unclear)
            self.scored += len(missing)
            for key, prediction in zip(missing, fresh):
                self.known[key] = to_json(prediction)
        for key, item in zip(keys, items):
            self.used[key] = (quote_hash(item.text), self.known[key])
        return [from_json(self.known[key]) for key in keys]

    def used_rows(self) -> list[dict]:
        return [{"quote_hash": text_hash, "key": key, "prediction": prediction}
                for key, (text_hash, prediction) in self.used.items()]
