"""Which side an actor speaks for, decided once per actor from all its mentions: the country or body
the articles give it, else, for an organisation that belongs to no country, the organisation itself
("Hamas", "Greenpeace", "Dock Workers Union"), and for an outlet the outlet. International bodies and
their short forms ("UN", "U.N.", "United Nations") and the region words that name no side ("Arab",
"European") are facts in ``affiliations.csv`` beside this module."""
from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from data_prep.actors.bodies import STATE_BODY_HEADS
from data_prep.actors.kinds import EVENT_HEADS, EVENT_NAME_HEADS
from data_prep.actors.gazetteer import gazetteer, lookup_key, preferred_affiliation

FACTS_FILE = Path(__file__).parent / "affiliations.csv"
# Small words inside a proper name ("Alliance of Small Island States", "Party of Japan").
NAME_CONNECTORS = {"of", "the", "and", "for", "on", "in", "&", "de", "du", "des", "la", "le", "al", "el", "da",
                   "do", "dos", "das", "van", "von", "der"}
# A name opening with these is a description ("His office", "Many countries"), not a proper name.
NOT_NAME_OPENERS = {"his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "the",
                    "a", "an", "some", "many", "several", "both", "all", "other", "most", "few"}
MAX_COUNTRY_WORDS = 3  # "South Korean", "United Arab Emirates"
# Words of a state's bodies besides the ones that name them ("Senate", "Treasury", "Central Committee"):
# such a body speaks for its state, never for itself.
STATE_WORDS = STATE_BODY_HEADS | {"ministries", "senate", "diet", "treasury", "congress", "assembly", "legislature",
                                  "court", "politburo", "bureau", "committee", "authority", "state", "house",
                                  "chamber", "governments", "agencies"}
# An event, a treaty or a plan the recogniser tagged an organisation ("Belem Climate Summit", "Paris
# Agreement") is nobody's side.
NOT_ACTOR_HEADS = EVENT_HEADS | EVENT_NAME_HEADS | {
    "agreement", "accord", "treaty", "deal", "pact", "plan", "mechanism", "declaration", "contribution",
    "contributions", "framework", "roadmap", "protocol", "conference", "summit", "talks"}


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
            if row["kind"] == "region":
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


def is_proper_name(name: str) -> bool:
    """"Dock Workers Union", "Hamas", "Party of Japan": every word capitalised but small connectors;
    "His office", "terror group", "Many countries" are descriptions."""
    words = name.replace("’", "'").split()
    if not words or words[0].lower() in NOT_NAME_OPENERS:
        return False
    return all(word[:1].isupper() or word[:1].isdigit() or word.lower() in NAME_CONNECTORS for word in words) \
        and words[-1].lower() not in NAME_CONNECTORS


def country_in_name(name: str) -> str | None:
    """A country its own name gives an organisation: "Palestinian Authority", "Communist Party of China"."""
    words = name.split()
    places = gazetteer()
    for size in range(min(MAX_COUNTRY_WORDS, len(words) - 1), 0, -1):
        opening = " ".join(words[:size])
        if not facts().is_region(opening) and (country := places.country(opening)):
            return country
    if len(words) >= 3 and "of" in words[:-1]:
        tail = " ".join(words[len(words) - 1 - words[::-1].index("of") + 1:])
        if country := places.country(tail):
            return country
    return None


def is_state_body(name: str) -> bool:
    """A ministry, office, government, senate ...: it speaks for a state, never for itself."""
    return any(word.lower().removesuffix("'s").removesuffix("’s") in STATE_WORDS for word in name.split())


def _seat_in_name(name: str) -> str | None:
    """"Trump's White House", "the Kremlin's press office": the country of a seat of power in the name."""
    owned = name.replace("’", "'").split("'s ", 1)
    return gazetteer().affiliation(owned[-1]) if len(owned) == 2 else None


def own_side(kind: str, name: str) -> str | None:
    """The side an actor is when the articles give it no country or body: an outlet is itself; an
    organisation or named group is itself unless it is a state's body (whose country was not found:
    no side) or its name gives a country; anything else has none."""
    if kind == "media":
        return name
    if kind not in ("organization", "group"):
        return None
    if body := facts().body(name):
        return body
    if not is_proper_name(name) or name.split()[-1].lower() in NOT_ACTOR_HEADS:
        return None
    if country := country_in_name(name) or _seat_in_name(name):
        return country
    return None if is_state_body(name) else name


def decide_affiliation(kind: str, name: str, found: Iterable[str | None]) -> str | None:
    """An actor's affiliation from what its mentions gave ("Kremlin adviser" -> Russia, "Hamas leader" ->
    Hamas; a country wins over a body), else its own side. An outlet quoted as a source is always itself:
    the country of the outlets table is where it publishes, not whose side it speaks for."""
    if kind == "media":
        return name
    counts = Counter(side for side in map(canonical_affiliation, found) if side)
    return preferred_affiliation(counts) or own_side(kind, name)
