"""The ``none`` backend: stance is skipped, so there is nothing to return."""
from __future__ import annotations

from data_prep.stance.base import StanceItem, StancePrediction


class NoStanceBackend:
    name = "none"
    version = "0"
    unclear_below = 1.0

    def predict(self, items: list[StanceItem], allow_unclear: bool = True) -> list[StancePrediction]:
        return []
