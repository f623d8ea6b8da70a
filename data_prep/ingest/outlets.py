"""Outlet names from URLs: a known-domain table, else the bare domain."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit


@lru_cache(maxsize=1)
def known_outlets() -> dict[str, str]:
    with resources.files(__package__).joinpath("outlets.csv").open(encoding="utf-8") as handle:
        return {row["domain"].lower(): row["outlet"] for row in csv.DictReader(handle)}


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return None
    if not host or "." not in host:
        return None
    return host.lower().removeprefix("www.").removeprefix("amp.").removeprefix("m.")


def outlet_from_url(url: str | None) -> str | None:
    domain = domain_of(url)
    if not domain:
        return None
    outlets = known_outlets()
    parts = domain.split(".")
    for start in range(len(parts) - 1):
        candidate = ".".join(parts[start:])
        if candidate in outlets:
            return outlets[candidate]
    return domain
