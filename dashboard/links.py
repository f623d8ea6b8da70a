"""Filters to and from URL query parameters, so a copied link reproduces the view."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from urllib.parse import urlencode

from data_prep import schema
from dashboard.filters import Filters

LIST_PARAMS = {"speaker": "speakers", "affiliation": "affiliations", "outlet": "outlets",
               "target": "targets", "stance": "stances", "type": "quote_types"}
DATE_PARAMS = {"from": "date_from", "to": "date_to"}
TEXT_PARAM = "q"
CONFIDENCE_PARAM = "minconf"
FILTER_PARAMS = (*LIST_PARAMS, *DATE_PARAMS, TEXT_PARAM, CONFIDENCE_PARAM)

# Parameters that belong to one page only: other pages drop them.
PAGE_PARAMS = {"articles": ("article", "quote"), "speakers": ("actor",), "quotes": ("quote",),
               "stances": ("about",), "outlets": ("by", "item", "own"), "statement": ("statement",)}


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def filters_from_params(params: Mapping[str, str | list[str]]) -> Filters:
    """Unknown or malformed values are dropped rather than failing: a hand-edited link still opens."""
    values: dict = {}
    for param, attribute in LIST_PARAMS.items():
        items = [raw.strip() for raw in _as_list(params.get(param)) if raw.strip()]
        if param == "stance":
            items = [item for item in items if item in schema.STANCE_LABELS]
        values[attribute] = tuple(dict.fromkeys(items))
    for param, attribute in DATE_PARAMS.items():
        raw = _as_list(params.get(param))
        values[attribute] = _parse_date(raw[-1]) if raw else None
    if values["date_from"] and values["date_to"] and values["date_from"] > values["date_to"]:
        values["date_from"], values["date_to"] = values["date_to"], values["date_from"]
    text = _as_list(params.get(TEXT_PARAM))
    values["text"] = text[-1].strip() if text else ""
    confidence = _as_list(params.get(CONFIDENCE_PARAM))
    try:
        values["min_confidence"] = min(1.0, max(0.0, float(confidence[-1]))) if confidence else 0.0
    except ValueError:
        values["min_confidence"] = 0.0
    return Filters(**values)


def filters_to_params(filters: Filters) -> dict[str, list[str] | str]:
    """Only what differs from the defaults, so links stay short."""
    params: dict[str, list[str] | str] = {}
    for param, attribute in LIST_PARAMS.items():
        items = list(getattr(filters, attribute))
        if items:
            params[param] = items if len(items) > 1 else items[0]
    for param, attribute in DATE_PARAMS.items():
        value = getattr(filters, attribute)
        if value is not None:
            params[param] = value.isoformat()
    if filters.text.strip():
        params[TEXT_PARAM] = filters.text.strip()
    if filters.min_confidence > 0:
        params[CONFIDENCE_PARAM] = f"{filters.min_confidence:g}"
    return params


def page_url(page: str, filters: Filters | None = None, **extra: str) -> str:
    """A relative link to a page with the filters and page parameters, e.g. ``articles?article=ID``."""
    params = filters_to_params(filters) if filters is not None else {}
    params.update({key: value for key, value in extra.items() if value not in (None, "")})
    query = urlencode(params, doseq=True)
    return f"{page}?{query}" if query else page


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def name_matches(value: str, choices: list[str]) -> list[str]:
    """The choices a hand-typed link value means: itself; else the ones equal ignoring case; else the
    ones holding its words as whole words, in order (``Putin`` -> ``Vladimir Putin``; ``Ana`` is not ``Banana``).

    One match resolves the link; several are offered to choose from; none leaves the value unknown.
    """
    if value in choices:
        return [value]
    folded = value.casefold()
    same = [choice for choice in choices if choice.casefold() == folded]
    if same:
        return same
    wanted = _words(value)
    if not wanted:
        return []
    found = []
    for choice in choices:
        words = _words(choice)
        if any(words[i:i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1)):
            found.append(choice)
    return found


def params_to_keep(page: str) -> set[str]:
    return set(FILTER_PARAMS) | set(PAGE_PARAMS.get(page, ()))
