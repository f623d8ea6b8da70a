"""The facts table of sides that are no country (``affiliations.csv``): international bodies and parties
with their other names and short forms ("UN", "U.N.", "United Nations" -> United Nations), and region
words that name no side ("Arab", "European"). Language data below both the words-around-a-name rules
(``titles``) and the corpus-wide decision of each actor's side (``affiliations``)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from data_prep.actors.gazetteer import lookup_key

FACTS_FILE = Path(__file__).parent / "affiliations.csv"


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def _is_initials(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters) and " " not in text.strip()


@dataclass(frozen=True)
class AffiliationFacts:
    body_by_name: dict[str, str]  # a body's name or spelled-out form, folded -> its one spelling
    body_by_initials: dict[str, str]  # "WHO", "U.N." (upper case only: "who" is no body) -> its one spelling
    regions: frozenset[str]  # folded region words: no side

    def body(self, text: str | None) -> str | None:
        """The one spelling of an international body ("U.N." -> United Nations), or None."""
        if not text:
            return None
        if _is_initials(text.strip().removeprefix("the ")):
            return self.body_by_initials.get(lookup_key(text))
        return self.body_by_name.get(lookup_key(text))

    def is_region(self, text: str | None) -> bool:
        return bool(text) and lookup_key(text) in self.regions


@lru_cache(maxsize=1)
def facts() -> AffiliationFacts:
    by_name, by_initials, regions = {}, {}, set()
    with FACTS_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names = [row["name"], *_split(row["other_names"])]
            if row["kind"] == "region":  # the others are bodies and parties: sides
                regions.update(lookup_key(name) for name in names)
                continue
            for name in names:
                table = by_initials if _is_initials(name.removeprefix("the ")) else by_name
                table.setdefault(lookup_key(name), row["name"])
            by_name.setdefault(lookup_key(row["name"]), row["name"])
    return AffiliationFacts(by_name, by_initials, frozenset(regions))


def canonical_affiliation(text: str | None) -> str | None:
    """One spelling per side: a body's ("EU" -> European Union); a region word ("Arab") is no side."""
    if not text or facts().is_region(text):
        return None
    return facts().body(text) or text
