"""One name for a state's body however the article writes it: "Beijing's Foreign Ministry", "China's
Ministry of Foreign Affairs" and "the Chinese foreign ministry" are all "Chinese Foreign Ministry",
affiliated with China; a trailing date the recogniser glued on ("... on Nov 13") is cut off."""
from __future__ import annotations

import re

from data_prep.actors.gazetteer import gazetteer
from data_prep.actors.kinds import EntityKind

# Heads of a state's bodies whose name is written in title case ("Foreign Ministry").
TITLED_HEADS = {"ministry", "embassy", "consulate", "department", "office", "agency", "council", "commission"}
STATE_BODY_HEADS = TITLED_HEADS | {"government", "cabinet", "administration", "parliament", "military", "army",
                                   "navy", "police", "presidency", "mission", "delegation", "coast guard"}
# "Ministry of Foreign Affairs" is the Foreign Ministry; "Ministry of Commerce" the Commerce Ministry.
PORTFOLIOS = {"foreign affairs": "Foreign", "external affairs": "External Affairs", "home affairs": "Home"}
MINISTRY_OF = re.compile(r"ministry of (?:the )?([a-z]+(?: affairs)?)", re.IGNORECASE)
POSSESSOR = re.compile(r"(.+?)['’]s? (.+)")
GLUED_DATE = re.compile(
    r"\s+(?:on|in|at)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|\d)\w*\.?(?:\s+\d+)?$", re.IGNORECASE)


def body_name(name: str) -> tuple[str, str | None]:
    """The canonical name of an organisation and the country it belongs to, when its name says."""
    name = GLUED_DATE.sub("", name.strip())
    text = name[4:] if name.lower().startswith("the ") else name
    country, rest = _owner(text)
    if country is not None and (seat := gazetteer().seat_of_power(rest)):
        return seat, country  # "the US State Department": a seat of power has its own name
    if country is None or not rest or rest.split()[-1].lower() not in STATE_BODY_HEADS | {"affairs"} \
            and not MINISTRY_OF.fullmatch(rest):
        return _ministry_form(name), None
    rest = _ministry_form(rest)
    if rest.split()[-1].lower() in TITLED_HEADS:
        rest = " ".join(word[:1].upper() + word[1:] for word in rest.split())
    return f"{gazetteer().demonym_of(country) or country} {rest}", country


MAX_BARE_BODY_WORDS = 3


def is_bare_state_body(name: str) -> bool:
    """"Foreign Ministry", "Commerce Ministry": a state's body named without its state, which the article
    (or nothing) must say; not a seat of power ("State Department") and not a one-word body ("Parliament")."""
    words = name.split()
    if not 2 <= len(words) <= MAX_BARE_BODY_WORDS or words[-1].lower() not in TITLED_HEADS \
            or any(mark in name for mark in ("'", "’")):
        return False
    places = gazetteer()
    return not (places.seat_of_power(name) or places.affiliation(words[0]) or body_name(name)[1])


def _owner(text: str) -> tuple[str | None, str]:
    """("China", "Foreign Ministry") from "Beijing's Foreign Ministry", "Chinese Foreign Ministry" or
    "the Ministry of Foreign Affairs of China"."""
    places = gazetteer()
    pieces = text.split(" of ")
    for cut in range(1, len(pieces)):
        rest, owner = " of ".join(pieces[:cut]), " of ".join(pieces[cut:])
        owner = owner[4:] if owner.lower().startswith("the ") else owner
        if rest.split()[-1].lower() in STATE_BODY_HEADS | {"affairs"} and (country := places.country(owner)):
            return country, rest
    if match := POSSESSOR.fullmatch(text):
        owner, rest = match.groups()
        if country := places.country(owner) or places.capital_of(owner):
            return country, rest
    first, _, rest = text.partition(" ")
    if first[:1].isupper() and (country := places.country(first)):
        return country, rest
    return None, text


def _ministry_form(text: str) -> str:
    match = MINISTRY_OF.fullmatch(text)
    if not match:
        return text
    portfolio = match.group(1).lower()
    if portfolio in PORTFOLIOS:
        return f"{PORTFOLIOS[portfolio]} Ministry"
    if " " in portfolio:
        return text
    return f"{portfolio.capitalize()} Ministry"


def body_kind(found: EntityKind) -> EntityKind:
    """An organisation's kind record under its canonical body name; other kinds unchanged."""
    if found.kind != "organization":
        return found
    name, country = body_name(found.name)
    return EntityKind(found.kind, name, found.affiliation or country)
