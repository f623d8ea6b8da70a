"""Facts about places and outlets: one spelling per country, its demonyms, capitals and seats of power,
and the news outlets that appear as sources. Countries from ``countries.csv`` beside this module; outlets
from the one outlets table (``data_prep/ingest/outlets.csv``), with the short forms stories use for them
in ``media_outlets.csv``."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
COUNTRIES_FILE = HERE / "countries.csv"
MEDIA_FILE = HERE / "media_outlets.csv"
PLACES_FILE = HERE / "places.csv"  # territories, regions and towns in the news that are not countries


@lru_cache(maxsize=1 << 16)
def lookup_key(text: str) -> str:
    """Case-, article- and punctuation-insensitive key: "the U.S." and "US" meet; "Élysée" keeps its accent
    and also has an unaccented row in the CSV. Cached: an article asks for the same few names again and
    again (about 100 calls per short article, a character loop each)."""
    text = text.strip().replace("’", "'")
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return "".join(ch for ch in text.casefold() if ch.isalnum() or ch == " ").strip()


@dataclass(frozen=True)
class Gazetteer:
    country_by_name: dict[str, str]
    country_by_demonym: dict[str, str]
    country_by_capital: dict[str, str]
    country_by_seat: dict[str, str]
    seat_names: dict[str, str]
    media_by_name: dict[str, str]
    country_names: frozenset[str]
    demonym_by_country: dict[str, str]
    place_by_name: dict[str, str]  # a place that is not a country -> its one spelling

    def country(self, text: str) -> str | None:
        """The country a name or demonym stands for ("Ukrainian" -> Ukraine), or None."""
        key = lookup_key(text)
        return self.country_by_name.get(key) or self.country_by_demonym.get(key)

    def affiliation(self, text: str) -> str | None:
        """The country behind a name, demonym, capital or seat of power ("Kremlin" -> Russia)."""
        key = lookup_key(text)
        return (self.country_by_name.get(key) or self.country_by_demonym.get(key)
                or self.country_by_seat.get(key) or self.country_by_capital.get(key))

    def seat_of_power(self, text: str) -> str | None:
        """The canonical spelling of a seat of power ("the kremlin" -> Kremlin), or None; a presidential
        palace is its country's presidency ("Ittihadiya" -> Egyptian presidency)."""
        return self.seat_names.get(lookup_key(text))

    def is_country(self, name: str | None) -> bool:
        return name in self.country_names

    def capital_of(self, text: str) -> str | None:
        return self.country_by_capital.get(lookup_key(text))

    def demonym_of(self, country: str) -> str | None:
        """The adjective of a country ("China" -> "Chinese"), the first demonym its row lists."""
        return self.demonym_by_country.get(country)

    def media_outlet(self, text: str) -> str | None:
        return self.media_by_name.get(lookup_key(text))

    def place(self, text: str) -> str | None:
        """A territory, region or town of ``places.csv`` ("Khan Younis", "the Gaza Strip"): somewhere,
        never someone (capitals are ``capital_of``: they can stand for their country)."""
        return self.place_by_name.get(lookup_key(text))


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    by_name, by_demonym, by_capital, by_seat, seat_names, media, adjective = {}, {}, {}, {}, {}, {}, {}
    with COUNTRIES_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            country = row["country"]
            for name in [country, *_split(row["other_names"])]:
                by_name.setdefault(lookup_key(name), country)
            for demonym in _split(row["demonyms"]):
                by_demonym.setdefault(lookup_key(demonym), country)
                adjective.setdefault(country, demonym)
            for capital in _split(row["capitals"]):
                by_capital.setdefault(lookup_key(capital), country)
            for seat in _split(row["seats_of_power"]):
                by_seat.setdefault(lookup_key(seat), country)
                seat_names.setdefault(lookup_key(seat), seat[4:] if seat.startswith("the ") else seat)
            # A statement from a presidential palace is the presidency's: the building is no actor.
            for palace in _split(row.get("presidential_palaces")):
                by_seat.setdefault(lookup_key(palace), country)
                seat_names.setdefault(lookup_key(palace), f"{adjective.get(country, country)} presidency")
    media = _media_names()
    places = {}
    with PLACES_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for name in [row["place"], *_split(row["other_names"])]:
                places.setdefault(lookup_key(name), row["place"])
    return Gazetteer(by_name, by_demonym, by_capital, by_seat, seat_names, media, frozenset(by_name.values()),
                     adjective, places)


def _media_names() -> dict[str, str]:
    """Outlet names as a story writes them -> the outlet, from the one outlets table: the short forms of
    ``media_outlets.csv`` first ("the Times", "Fox"), then every table name distinctive in running text."""
    from data_prep.ingest.outlets import outlet_table

    table, media = outlet_table(), {}
    with MEDIA_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            known = table.named(row["outlet"])
            for name in [row["outlet"], *_split(row["other_names"])]:
                media.setdefault(lookup_key(name), known.name if known else row["outlet"])
    for outlet in table.by_key.values():
        if outlet.type == "aggregator":
            continue
        for name in (outlet.name, *outlet.other_names):
            if _distinctive(name):
                media.setdefault(lookup_key(name), outlet.name)
    return media


def _distinctive(name: str) -> bool:
    """Whether a name is an outlet wherever it appears: two words or more ("Kyiv Post"), a web address or a
    number ("Scroll.in", "9News"), an acronym or a capital inside ("CGTN", "MarketWatch"). Single plain
    words ("Dawn", "Petra", "Time") are also given names or common words: they count only as listed in
    media_outlets.csv."""
    words = name.removeprefix("The ").split()
    if "(" in name or not words:
        return False
    letters = [char for char in name if char.isalpha()]
    acronym = len(letters) >= 3 and all(char.isupper() for char in letters)
    camel = any(char.isupper() for char in words[0][1:]) and any(char.islower() for char in words[0])
    return len(words) > 1 or any(char.isdigit() or char == "." for char in name) or acronym or camel


def preferred_affiliation(counts: dict[str, int]) -> str | None:
    """The most frequent country if there is one, else the most frequent party, faith or body."""
    if not counts:
        return None
    countries = {name: count for name, count in counts.items() if gazetteer().is_country(name)}
    pool = countries or counts
    return max(pool, key=lambda name: (pool[name], name))
