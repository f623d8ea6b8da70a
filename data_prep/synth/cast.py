"""The people of the synthetic world, and how articles refer to them."""
from __future__ import annotations

import random
from dataclasses import dataclass

from data_prep.synth import vocabulary as vocab


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    gender: str  # "f" or "m": picks the pronoun of later mentions
    country: str
    title: str
    role: str
    affiliation: str
    city: str
    region: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def demonym(self) -> str:
        return vocab.DEMONYMS[self.country]

    @property
    def pronoun(self) -> str:
        return "she" if self.gender == "f" else "he"


def surnames() -> list[str]:
    return [head + tail for head in vocab.SURNAME_HEADS for tail in vocab.SURNAME_TAILS]


def make_person(rng: random.Random, first: str, last: str, gender: str) -> Person:
    country = rng.choice(vocab.COUNTRIES)
    city = rng.choice(vocab.CITIES[country])
    region = rng.choice(vocab.REGIONS)
    title, role, affiliation = rng.choice(vocab.PERSON_ROLES)
    slots = {"demonym": vocab.DEMONYMS[country], "city": city, "region": region}
    return Person(first=first, last=last, gender=gender, country=country, title=title,
                  role=role.format(**slots), affiliation=affiliation.format(**slots), city=city, region=region)


def make_people(rng: random.Random, count: int) -> list[Person]:
    """``count`` people with distinct full names (up to every first/last combination)."""
    firsts = [(name, "f") for name in vocab.FIRST_NAMES_FEMALE] + [(name, "m") for name in vocab.FIRST_NAMES_MALE]
    pairs = [(first, gender, last) for first, gender in firsts for last in surnames()]
    chosen = rng.sample(pairs, min(count, len(pairs)))
    return [make_person(rng, first, last, gender) for first, gender, last in chosen]


def zipf_weights(count: int, exponent: float = 1.1) -> list[float]:
    """Rank-frequency weights: the first few people are quoted often, most only now and then."""
    return [1.0 / (rank ** exponent) for rank in range(1, count + 1)]


@dataclass
class Mention:
    """A reference to a speaker as written, and the extra words that introduce them."""
    text: str
    appositive: str = ""  # e.g. "an analyst at ...", written between commas after the name
    is_pronoun: bool = False


def mention_of(person: Person, already_named: bool, same_as_previous: bool, rng: random.Random) -> Mention:
    """First mention: title and full name, or full name and role; later: surname or pronoun."""
    if same_as_previous and rng.random() < 0.6:
        return Mention(person.pronoun, is_pronoun=True)
    if already_named:
        return Mention(person.last)
    if person.title:
        return Mention(f"{person.title} {person.name}")
    return Mention(person.name, appositive=person.role)
