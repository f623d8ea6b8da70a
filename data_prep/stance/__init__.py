"""Stance: what each quote says about each target (an actor it mentions, or a topic it names).

Public API::

    backend = get_backend("minilm")            # or "lexicon", "none"
    backend.predict([StanceItem(text, target, target_span)], allow_unclear=True)
    topics = load_targets()                    # or load_targets(Path("my_targets.csv"))
    stance_rows(quotes, mentions, actors, backend, topics)   # -> frame with schema.STANCES columns
"""
from __future__ import annotations

from data_prep.stance.base import (FORCED_LABELS, UNCLEAR, StanceBackend, StanceItem, StancePrediction)
from data_prep.stance.encoder import StanceModelError
from data_prep.stance.rows import stance_rows
from data_prep.stance.targets import TargetsFileError, Topic, load_targets

BACKENDS = ("minilm", "lexicon", "none")
DEFAULT_BACKEND = "minilm"
_loaded: dict[str, StanceBackend] = {}


def get_backend(name: str = DEFAULT_BACKEND) -> StanceBackend:
    """The named backend, loaded once per process. Raises ValueError for an unknown name and
    StanceModelError when the MiniLM model package is missing or fails its checksum."""
    if name not in BACKENDS:
        raise ValueError(f"unknown stance backend {name!r}; choose one of: {', '.join(BACKENDS)}")
    if name not in _loaded:
        if name == "minilm":
            from data_prep.stance.minilm import MiniLMBackend
            _loaded[name] = MiniLMBackend()
        elif name == "lexicon":
            from data_prep.stance.lexicon import LexiconBackend
            _loaded[name] = LexiconBackend()
        else:
            from data_prep.stance.none import NoStanceBackend
            _loaded[name] = NoStanceBackend()
    return _loaded[name]


__all__ = ["BACKENDS", "DEFAULT_BACKEND", "FORCED_LABELS", "UNCLEAR", "StanceBackend", "StanceItem",
           "StanceModelError", "StancePrediction", "TargetsFileError", "Topic", "get_backend",
           "load_targets", "stance_rows"]
