"""The stance backends by name: the one list the CLI choices come from, and the one place that knows
"none" means "skip stance". Importing this module loads no model (the CLI reads it to build --help)."""
from __future__ import annotations

from importlib import import_module

NO_STANCE = "none"
# name -> (module, class, what it is); a backend is imported only when first asked for.
_SCORING = {
    "finetuned": ("data_prep.stance.finetuned", "FineTunedBackend",
                  "MiniLM-L6 fine-tuned on marked targets, int8 ONNX shipped in the package"),
    "minilm": ("data_prep.stance.minilm", "MiniLMBackend", "frozen MiniLM embedding + linear head"),
    "lexicon": ("data_prep.stance.lexicon", "LexiconBackend", "VADER and cue words + linear head, no model"),
}
SCORING_BACKENDS = tuple(_SCORING)
BACKENDS = (*SCORING_BACKENDS, NO_STANCE)
DEFAULT_BACKEND = "finetuned"
_loaded: dict[str, object] = {}


def backend_help() -> str:
    described = "; ".join(f"{name}: {about}" for name, (_, _, about) in _SCORING.items())
    return f"stance backend (default: {DEFAULT_BACKEND}; {described}; {NO_STANCE}: skip stance)"


def get_backend(name: str = DEFAULT_BACKEND):
    """The named backend, loaded once per process, or None for "none" (no stance is computed).

    Raises ValueError for an unknown name and StanceModelError when a model file is missing or fails
    its checksum."""
    if name == NO_STANCE:
        return None
    if name not in _SCORING:
        raise ValueError(f"unknown stance backend {name!r}; choose one of: {', '.join(BACKENDS)}")
    if name not in _loaded:
        module, cls, _ = _SCORING[name]
        _loaded[name] = getattr(import_module(module), cls)()
    return _loaded[name]
