"""Where the seed article(s) live: the checkout's ``seeds/`` folder, else one in the working directory."""
from __future__ import annotations

from pathlib import Path

_CHECKOUT_SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seeds_dir() -> Path:
    return _CHECKOUT_SEEDS if _CHECKOUT_SEEDS.is_dir() else Path("seeds")
