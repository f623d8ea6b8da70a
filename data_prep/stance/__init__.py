"""Stance: what each quote says about each target (an actor it mentions, or a topic it names).

Public API::

    backend = get_backend("finetuned")         # or "minilm", "lexicon"; None for "none"
    backend.predict([StanceItem(text, target, target_span)], allow_unclear=True)
    topics = load_targets()                    # or load_targets(Path("my_targets.csv"))
    stance_rows(quotes, mentions, actors, backend, topics)   # -> frame with schema.STANCES columns
"""
from __future__ import annotations

from data_prep.stance.base import (FORCED_LABELS, UNCLEAR, StanceBackend, StanceItem, StancePrediction)
from data_prep.stance.encoder import StanceModelError
from data_prep.stance.registry import (BACKENDS, DEFAULT_BACKEND, NO_STANCE, SCORING_BACKENDS,
                                       get_backend)
from data_prep.stance.rows import stance_rows
from data_prep.stance.targets import TargetsFileError, Topic, load_targets


__all__ = ["BACKENDS", "DEFAULT_BACKEND", "FORCED_LABELS", "UNCLEAR", "NO_STANCE", "SCORING_BACKENDS", "StanceBackend", "StanceItem",
           "StanceModelError", "StancePrediction", "TargetsFileError", "Topic", "get_backend",
           "load_targets", "stance_rows"]
