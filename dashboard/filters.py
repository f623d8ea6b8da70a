"""The global filters and how they narrow quotes and stances. Pure pandas: no Streamlit here."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Filters:
    speakers: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    targets: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    min_confidence: float = 0.0
    quote_types: tuple[str, ...] = ()
    text: str = ""

    def with_(self, **changes) -> "Filters":
        return replace(self, **changes)

    @property
    def selects_by_stance(self) -> bool:
        """Target and stance filters keep only quotes that carry a matching stance label."""
        return bool(self.targets or self.stances)

    def is_empty(self) -> bool:
        return self == Filters()


def _in(values: pd.Series, wanted: tuple[str, ...]) -> np.ndarray:
    return values.isin(wanted).to_numpy()


def stance_mask(stances: pd.DataFrame, filters: Filters) -> np.ndarray:
    """Stance rows at or above the minimum confidence, for the chosen targets and labels."""
    mask = np.array(stances["confidence"] >= filters.min_confidence, dtype=bool)
    if filters.targets:
        mask &= _in(stances["target"], filters.targets)
    if filters.stances:
        mask &= _in(stances["label"], filters.stances)
    return mask


def quote_mask(quotes: pd.DataFrame, stances: pd.DataFrame, filters: Filters) -> np.ndarray:
    """Which quotes pass every filter.

    The minimum confidence alone never hides a quote (most quotes carry no stance); with a target
    or stance label chosen, a quote needs a stance that matches all three.
    """
    mask = np.ones(len(quotes), dtype=bool)
    if filters.speakers:
        mask &= _in(quotes["speaker"], filters.speakers)
    if filters.affiliations:
        mask &= _in(quotes["affiliation"], filters.affiliations)
    if filters.outlets:
        mask &= _in(quotes["outlet"], filters.outlets)
    if filters.quote_types:
        mask &= _in(quotes["quote_type"], filters.quote_types)
    if filters.date_from is not None:
        mask &= (quotes["published"] >= pd.Timestamp(filters.date_from)).to_numpy()
    if filters.date_to is not None:
        mask &= (quotes["published"] < pd.Timestamp(filters.date_to) + pd.Timedelta(days=1)).to_numpy()
    if filters.selects_by_stance:
        labelled = np.zeros(len(quotes), dtype=bool)
        labelled[stances["quote_row"].to_numpy()[stance_mask(stances, filters)]] = True
        mask &= labelled
    if filters.text.strip():
        mask &= _text_mask(quotes, filters.text.strip(), mask)
    return mask


def _text_mask(quotes: pd.DataFrame, needle: str, candidates: np.ndarray) -> np.ndarray:
    """Case-insensitive substring search in quote text and speaker, only over rows still in play."""
    found = np.zeros(len(quotes), dtype=bool)
    rows = np.flatnonzero(candidates)
    if len(rows) == 0:
        return found
    found[rows] = _contains(quotes["quote_text"], needle, rows) | _contains(quotes["speaker"], needle, rows)
    return found


def _contains(values: pd.Series, needle: str, rows: np.ndarray) -> np.ndarray:
    """Substring hits for ``rows``; a categorical column is searched once per distinct value."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        categories = pd.Series(values.cat.categories)
        hits = np.append(np.asarray(categories.str.contains(needle, case=False, regex=False, na=False), dtype=bool),
                         False)  # code -1 (missing) looks up this last entry
        return hits[values.cat.codes.to_numpy()[rows]]
    return np.asarray(values.iloc[rows].str.contains(needle, case=False, regex=False, na=False), dtype=bool)


def filter_quotes(quotes: pd.DataFrame, stances: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    return quotes[quote_mask(quotes, stances, filters)]


def filter_stances(stances: pd.DataFrame, kept_quotes: np.ndarray, filters: Filters) -> pd.DataFrame:
    """Stance labels of the kept quotes (``quote_mask`` over the quote view) that pass the stance filters.

    ``stances`` carries ``quote_row``, each label's row in the quote view (see views.build_stance_view).
    """
    mask = stance_mask(stances, filters) & kept_quotes[stances["quote_row"].to_numpy()]
    return stances[mask]


def active_filters(filters: Filters) -> list[tuple[str, str]]:
    """Each filter in use as (what it is, what to do to widen it), in sidebar order, for messages."""
    def listed(values: tuple[str, ...]) -> str:
        return ", ".join(values[:3]) + (f" and {len(values) - 3} more" if len(values) > 3 else "")

    active = []
    if filters.text:
        active.append((f"search “{filters.text}”", "clear the search box"))
    if filters.speakers:
        active.append((f"speaker {listed(filters.speakers)}", "remove a speaker"))
    if filters.affiliations:
        active.append((f"affiliation {listed(filters.affiliations)}", "remove an affiliation"))
    if filters.outlets:
        active.append((f"outlet {listed(filters.outlets)}", "remove an outlet"))
    if filters.date_from or filters.date_to:
        dates = " ".join(part for part in (filters.date_from and f"from {filters.date_from:%Y-%m-%d}",
                                           filters.date_to and f"to {filters.date_to:%Y-%m-%d}") if part)
        active.append((f"dates {dates}", "widen the dates"))
    if filters.quote_types:
        active.append((f"quote type {listed(filters.quote_types)}", "remove a quote type"))
    if filters.targets:
        active.append((f"stance target {listed(filters.targets)}", "remove a stance target"))
    if filters.stances:
        active.append((f"stance label {listed(filters.stances)}", "remove a stance label"))
    if filters.min_confidence > 0:
        active.append((f"minimum confidence {filters.min_confidence:.2f}", "lower the minimum confidence"))
    return active
