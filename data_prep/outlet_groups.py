"""Each article's outlet facts (country, type) and the researcher's groups, from the shipped table and
the user's ``outlets.csv`` beside the dataset.

``outlets.csv`` columns: ``outlet`` (required: the outlet as the dashboard shows it, or a domain such as
``tass.com``), then any of ``name`` (show this name instead), ``group`` (a group of the researcher's:
"Russian state", "Western"), ``country`` and ``type`` (wire, public, state, private, aggregator), which
override the shipped table. A bad row is reported and skipped; the others apply.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from data_prep.ingest.outlets import OUTLET_TYPES, domain_of, name_key, outlet_table
from data_prep.user_csv import read_user_csv

OUTLETS_FILE = "outlets.csv"
COLUMNS = ("outlet", "name", "group", "country", "type")

log = logging.getLogger(__name__)


@dataclass
class UserOutlets:
    by_key: dict[str, dict[str, str]] = field(default_factory=dict)  # name_key of outlet or domain -> overrides
    problems: list[str] = field(default_factory=list)

    def lookup(self, outlet: str | None, url: str | None) -> dict[str, str]:
        domain = domain_of(url)
        candidates = [name_key(outlet)] if outlet else []
        if domain:
            parts = domain.split(".")
            candidates += [name_key(".".join(parts[start:])) for start in range(len(parts) - 1)]
        return next((self.by_key[key] for key in candidates if key in self.by_key), {})


def load_user_outlets(path: Path | None) -> UserOutlets:
    found = UserOutlets()
    if path is None or not Path(path).is_file():
        return found
    try:
        read = read_user_csv(Path(path), COLUMNS)  # Excel encodings and delimiters; bad lines named, not fatal
    except OSError as error:
        found.problems.append(f"{path}: cannot read outlets ({error})")
        return _report(found)
    found.problems.extend(f"{path}:{problem.line}: {problem.message}" for problem in read.problems)
    if "outlet" not in read.header:
        found.problems.append(f"{path}: no 'outlet' column; expected a header line 'outlet,name,group,country,type'")
        return _report(found)
    for record in read.rows:
        line, row = record.line, {key: value.strip() for key, value in record.values.items()}
        outlet = row.get("outlet", "")
        if not outlet or outlet.startswith("#"):
            continue
        kind = row.get("type", "").lower()
        if kind and kind not in OUTLET_TYPES:
            found.problems.append(f"{path}:{line}: unknown type {kind!r} (use {', '.join(OUTLET_TYPES)}); "
                                  "the rest of the row applies")
            kind = ""
        overrides = {name: row[name] for name in ("name", "group", "country") if row.get(name)}
        if kind:
            overrides["type"] = kind
        found.by_key[name_key(outlet)] = overrides
    return _report(found)


def _report(found: UserOutlets) -> UserOutlets:
    for problem in found.problems:
        log.warning(problem)
    return found


def describe_outlets(articles: pd.DataFrame, user: UserOutlets | None = None) -> pd.DataFrame:
    """``articles`` with the user's outlet names and each article's outlet country, type and group."""
    user = user or UserOutlets()
    table = outlet_table()
    described = articles.copy()
    names, countries, types, groups = [], [], [], []
    for outlet, url in zip(articles["outlet"], articles["url"]):
        outlet = outlet if isinstance(outlet, str) else None
        facts = table.named(outlet) or table.for_domain(domain_of(url))
        overrides = user.lookup(outlet, url)
        names.append(overrides.get("name") or outlet)
        countries.append(overrides.get("country") or (facts.country if facts else None))
        types.append(overrides.get("type") or (facts.type if facts else None))
        groups.append(overrides.get("group"))
    described["outlet"] = names
    described["outlet_country"] = countries
    described["outlet_type"] = types
    described["outlet_group"] = groups
    return described
