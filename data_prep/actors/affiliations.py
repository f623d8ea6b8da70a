"""Which side an actor speaks for, decided once per actor from all its mentions: the country or body
the articles give it, else, for an organisation that belongs to no country, the organisation itself
("Hamas", "Greenpeace", "Dock Workers Union"), and for an outlet the outlet. International bodies and
their short forms ("UN", "U.N.", "United Nations") and the region words that name no side ("Arab",
"European") are facts in ``affiliations.csv`` (read by ``affiliation_facts``)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from data_prep.actors.affiliation_facts import canonical_affiliation, facts
from data_prep.actors.bodies import STATE_BODY_HEADS
from data_prep.actors.kinds import SPOKESPERSON_ROLES
from data_prep.actors.gazetteer import gazetteer, preferred_affiliation
from data_prep.actors.naming import fold
from data_prep.non_agents import AGREEMENT_WORDS, EVENT_NAME_HEADS, OCCASION_NOUNS

# Small words inside a proper name ("Alliance of Small Island States", "Party of Japan").
NAME_CONNECTORS = {"of", "the", "and", "for", "on", "in", "&", "de", "du", "des", "la", "le", "al", "el", "da",
                   "do", "dos", "das", "van", "von", "der"}
# A name opening with these is a description ("His office", "Many countries"), not a proper name.
NOT_NAME_OPENERS = {"his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "the",
                    "a", "an", "some", "many", "several", "both", "all", "other", "most", "few"}
MAX_COUNTRY_WORDS = 3  # "South Korean", "United Arab Emirates"
MAX_BODY_WORDS = 6  # "A senior Alliance of Small Island States negotiator"
BODY_KINDS = ("organization", "media")  # actors whose name can be someone else's affiliation
# Bodies that make laws: their spokespeople are rare, and a bare one ("Parliament") names no side.
LEGISLATURE_WORDS = {"parliament", "senate", "diet", "congress", "assembly", "house", "legislature", "chamber",
                     "court"}
# Words of a state's bodies besides the ones that name them ("Senate", "Treasury", "Central Committee"):
# such a body speaks for its state, never for itself.
STATE_WORDS = STATE_BODY_HEADS | LEGISLATURE_WORDS | {"ministries", "treasury", "politburo", "bureau", "authority",
                                                      "state", "governments", "agencies"}
UNKNOWN_SIDE = "\0unknown"  # the side of a body whose state is not said: no spokesperson is given it
# An event, a treaty or a plan the recogniser tagged an organisation ("Belem Climate Summit", "Paris
# Agreement") is nobody's side.
NOT_ACTOR_HEADS = OCCASION_NOUNS | EVENT_NAME_HEADS | AGREEMENT_WORDS


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
    organisation is itself unless it is a state's body (whose country was not found: no side) or its name
    gives a country; a group only when it is a body of the facts table ("Arab Group", "G77"): "Finnish
    Americans", "Protesters" or "Republicans" name people, not a side of their own; anything else has none."""
    if kind == "media":
        return name
    if kind not in ("organization", "group"):
        return None
    if body := facts().body(name):
        return body
    if kind == "group":
        return None
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


def decide_affiliations(clusters: Sequence) -> list[str | None]:
    """The affiliation of each merged actor (``clusters``: objects with ``kind``, ``name`` and ``records``,
    each record with ``article_id``, ``kind``, ``name``, ``role`` and ``affiliation``), in order.

    Organisations and outlets are decided first, from their own records. Then everyone else, where an
    affiliation that names an organisation of the same article ("Constitutional Democratic Party of
    Japan", "Foreign Ministry") becomes that organisation's side; an unnamed source or group with none is
    the side of an organisation its own words name ("A senior Harbour Front official"); and a bare
    spokesperson ("spokesman X") with none speaks for the one side all of the article's organisations
    belong to, when there is one."""
    sides: list[str | None] = [None] * len(clusters)
    kinds = [cluster.kind for cluster in clusters]  # computed from the records: once
    by_article_name: dict[tuple[str, str], int] = {}
    by_name: dict[str, set[int]] = {}
    for index, cluster in enumerate(clusters):
        if kinds[index] not in BODY_KINDS:
            continue
        sides[index] = decide_affiliation(kinds[index], cluster.name, (r.affiliation for r in cluster.records))
        if not _one_side(cluster):
            continue  # a cluster whose records disagree lends no side to the people it employs
        for record in cluster.records:
            by_article_name.setdefault((record.article_id, fold(record.name)), index)
            by_name.setdefault(fold(record.name), set()).add(index)
    organisations = _article_organisations(clusters, kinds, sides)
    people = {fold(part) for index, cluster in enumerate(clusters) if kinds[index] == "person"
              for record in cluster.records for part in (record.name, record.name.split()[-1])}

    def side_named(article_id: str, text: str) -> str | None:
        index = by_article_name.get((article_id, fold(text)))
        if index is None and len(by_name.get(fold(text), ())) == 1:
            index = next(iter(by_name[fold(text)]))
        return sides[index] if index is not None else facts().body(text)

    for index, cluster in enumerate(clusters):
        if kinds[index] in BODY_KINDS:
            continue
        found = []
        for record in cluster.records:
            if record.affiliation:
                found.append(side_named(record.article_id, record.affiliation) or record.affiliation)
            elif record.kind in ("anonymous", "group", "unknown"):
                found.append(_side_in_words(record, side_named, people))
            elif record.kind == "person" and record.role in SPOKESPERSON_ROLES:
                article_sides = organisations.get(record.article_id, set())
                found.append(next(iter(article_sides)) if article_sides and len(article_sides) == 1
                             and UNKNOWN_SIDE not in article_sides else None)
        sides[index] = decide_affiliation(kinds[index], cluster.name, found)
    return sides


def _one_side(cluster) -> bool:
    return len({canonical_affiliation(r.affiliation) for r in cluster.records if r.affiliation} - {None}) <= 1


def _article_organisations(clusters: Sequence, kinds: list[str], sides: list[str | None]) -> dict[str, set[str]]:
    """Per article, the sides of the organisations it names (outlets are where it read something, not
    whom a spokesperson speaks for). A body with spokespeople whose state the article does not say ("the
    Foreign Ministry") could be anyone's, so it counts as ``UNKNOWN_SIDE``, which no spokesperson gets; a
    legislature without its country does not count ("Parliament")."""
    found: dict[str, set[str]] = {}
    for index, cluster in enumerate(clusters):
        if kinds[index] != "organization":
            continue
        side = sides[index]
        if side is None and is_state_body(cluster.name) and not _is_legislature(cluster.name):
            side = UNKNOWN_SIDE
        if side is not None:
            for record in cluster.records:
                found.setdefault(record.article_id, set()).add(side)
    return found


def _is_legislature(name: str) -> bool:
    return any(word.lower() in LEGISLATURE_WORDS for word in name.split())


def _side_in_words(record, side_named, people: set[str]) -> str | None:
    """"A senior Harbour Front official": the side of an organisation or body named inside the phrase,
    the longest capitalised run first; a person's name ("Scott's family") is no organisation's."""
    words = record.name.replace("’", "'").split()
    for size in range(min(MAX_BODY_WORDS, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            run = words[start:start + size]
            if not all(word[:1].isupper() for word in run) or run[0].lower() in NOT_NAME_OPENERS:
                continue
            text = " ".join(run).removesuffix("'s")
            if fold(text) not in people and (side := side_named(record.article_id, text)):
                return side
    return None
