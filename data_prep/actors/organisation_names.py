"""How two spellings of one organisation's name meet across articles: British and American spellings
("Centre"/"Center", ``spelling_variants.csv``) are one key, and a country name or possessive before the
name ("U.S. National Hurricane Center", "Portugal's Weather Service") is split off, so the corpus merge can
join it to the bare name when that is the organisation of that one country."""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from data_prep.actors.gazetteer import gazetteer
from data_prep.actors.naming import fold

SPELLING_VARIANTS_FILE = Path(__file__).parent / "spelling_variants.csv"
MAX_COUNTRY_WORDS = 3
# A country word before fewer name words than this is the whole name ("U.S. Army" stays as written).
MIN_REST_WORDS = 2


@lru_cache(maxsize=1)
def _american_spelling() -> dict[str, str]:
    with SPELLING_VARIANTS_FILE.open(encoding="utf-8") as handle:
        return {row["british"].strip(): row["american"].strip() for row in csv.DictReader(handle)}


def organisation_key(name: str) -> str:
    """The folded name with one spelling of each British/American pair: "National Weather Centre" and
    "National Weather Center" have one key; a leading country possessive is the country ("Portugal's")."""
    words = name.replace("’", "'").split()
    if words and words[0].endswith("'s") and gazetteer().country(words[0][:-2]):
        words[0] = words[0][:-2]
    spelling = _american_spelling()
    return " ".join(spelling.get(word, word) for word in fold(" ".join(words)).split())


def country_prefix(name: str) -> tuple[str, str] | None:
    """(country, key of the rest) when the name starts with a country's name, demonym or possessive and
    at least two name words follow ("U.S. National Hurricane Center" -> United States, "national
    hurricane center"); else None."""
    words = name.replace("’", "'").split()
    for size in range(min(MAX_COUNTRY_WORDS, len(words) - MIN_REST_WORDS), 0, -1):
        head = " ".join(words[:size])
        bare = head[:-2] if head.endswith("'s") else head
        if (country := gazetteer().country(bare)) and words[size][:1].isupper():
            return country, organisation_key(" ".join(words[size:]))
    return None
