"""What kind of actor a mention is: named entities by label and gazetteer, common-noun phrases
("two U.S. officials", "protesters", "the ministry", "the Kremlin leader") by their head noun."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from data_prep.actors.gazetteer import gazetteer
from data_prep.non_agents import AGREEMENT_WORDS, EVENT_NAME_HEADS, NON_AGENT_NOUNS  # noqa: F401 (entities reads one)

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")

UNNAMED_SOURCE_NOUNS_FILE = Path(__file__).parent / "unnamed_source_nouns.csv"
BUSINESS_NOUNS_FILE = Path(__file__).parent / "business_nouns.csv"
# What an unnamed speaker phrase is, by its head noun (``unnamed_source_nouns.csv``; the quote stage's
# ``lexicon.SOURCE_NOUNS`` are another idea: the nouns that name whom a report cites, documents and media
# among them):
#   anonymous     a person who speaks unnamed ("a senior official", "critics", "witnesses")
#   organization  a body ("the ministry"); unnamed bodies in the plural are unnamed sources ("some 80 governments")
#   side          a state, side, office-holder or profession: in the plural unnamed sources ("Many countries",
#                 "ministers", "journalists"), a group when definite ("both countries", "the two leaders"); in
#                 the singular left to the title and description rules ("the leader", "the professor")
#   group         a public acting together in the plural ("protesters", "residents"); one of them is unnamed
#   collective    a group even in the singular ("the crowd", "the delegation")
UNNAMED_SOURCE_KINDS = ("anonymous", "organization", "side", "group", "collective")


def _unnamed_source_nouns() -> dict[str, str]:
    with UNNAMED_SOURCE_NOUNS_FILE.open(encoding="utf-8", newline="") as handle:
        table = {row["noun"].strip(): row["kind"].strip() for row in csv.DictReader(handle)}
    unknown = {kind for kind in table.values() if kind not in UNNAMED_SOURCE_KINDS}
    if unknown:
        raise ValueError(f"{UNNAMED_SOURCE_NOUNS_FILE.name}: unknown kinds {sorted(unknown)}")
    return table


UNNAMED_SOURCE_NOUNS = _unnamed_source_nouns()


@lru_cache(maxsize=1)
def business_nouns() -> dict[str, bool]:
    """Business noun ("lender", "carmaker") -> whether it also begins company names (``business_nouns.csv``)."""
    with BUSINESS_NOUNS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["noun"].strip(): bool((row["starts_names"] or "").strip()) for row in rows}


# Endings of a company's legal name ("Norvik Holdings Ltd"): with a business noun in the name ("Acme
# Bank", "Keldara Airlines"), what makes a named organisation a company that "the lender" can stand for.
COMPANY_NAME_ENDINGS = {"inc", "corp", "corporation", "ltd", "plc", "llc", "ag", "sa", "co", "holdings"}


def is_company_name(name: str) -> bool:
    """A named organisation that is a business by its name: a business noun ("Acme Bank", "Keldara
    Airlines") or a company ending ("Norvik Ltd") among its words."""
    words = [w.strip(".,").casefold() for w in name.split()]
    return len(words) >= 2 and any(w in business_nouns() or w.rstrip("s") in business_nouns()
                                   or w in COMPANY_NAME_ENDINGS for w in words[1:])


ANONYMOUS_HEADS = {noun for noun, kind in UNNAMED_SOURCE_NOUNS.items() if kind == "anonymous"}
ORGANIZATION_HEADS = {noun for noun, kind in UNNAMED_SOURCE_NOUNS.items() if kind == "organization"}
# Military ranks; "general" and "major" are left out, being also the "attorney general" and other words
# (ROLE_HEADS has "general" on its own).
MILITARY_RANKS = {"captain", "colonel", "lieutenant", "admiral", "sergeant", "brigadier", "marshal", "commander"}
ROLE_HEADS = {
    "president", "leader", "minister", "premier", "chancellor", "adviser", "advisor", "spokesman",
    "spokeswoman", "spokesperson", "envoy", "negotiator", "secretary", "senator", "governor", "mayor",
    "candidate", "nominee", "chief", "head", "ambassador", "king", "queen", "director", "chairman",
    "chairwoman", "commander", "general", "billionaire", "businessman", "tycoon", "congressman",
    "congresswoman", "lawmaker", "incumbent", "frontrunner", "challenger", "founder", "ceo", "host",
    "speaker", "prosecutor", "judge", "justice", "mogul", "star", "coach", "prince", "princess", "emperor",
    "dictator", "autocrat", "strongman", "ruler", "monarch", "pope", "pontiff", "patriarch", "nominee", "former",
    "diplomat", "pm", "commissioner", "consul", "secretary-general", "executive",
} | MILITARY_RANKS  # military ranks: "the captain said" is a holder
NUMBERED_CONFERENCE = re.compile(r"(?:the\s+)?cop\s?-?\d+", re.IGNORECASE)  # COP30, COP 30: a UN climate conference


def is_event(span) -> bool:
    """An event or occasion, a step, a stretch of time or a trouble as the grammatical source ("The
    discussions highlighted ...", "the summit called for ...", "COP30 must ..."): not an actor. A proper
    name counts when it is a numbered climate conference ("COP30") or ends in an event word ("the Sharm
    el-Sheikh Summit"); bodies ("Congress", "the General Assembly") are left to the named-entity kinds."""
    root = span.root
    if root.pos_ == "PROPN" or root.ent_type_:
        return bool(NUMBERED_CONFERENCE.fullmatch(span.text.strip())) \
            or (root.lower_ in EVENT_NAME_HEADS and len(span) > 1)
    return root.lemma_.casefold() in NON_AGENT_NOUNS


# Unions of states that "the bloc" stands for: the one of them the article named before.
BLOCS = {"european union", "eu", "association of southeast asian nations", "asean", "african union", "au",
         "brics", "g7", "g20", "g77", "group of 77", "arab league", "nato", "alliance of small island states",
         "aosis", "mercosur", "gulf cooperation council", "gcc", "opec", "opec+", "african group of negotiators",
         "least developed countries", "ldc group", "shanghai cooperation organisation", "sco", "caricom",
         "ecowas", "commonwealth of independent states", "eurasian economic union", "arab group"}

# Words that make a name an institution's, never a person's ("Pacific National University").
ORGANIZATION_NAME_WORDS = {"university", "institute", "news", "times", "post", "group", "corp", "inc", "ltd",
                           "club", "school", "college", "centre", "center", "fund", "association", "league"}
# Jobs only a person holds: a name they describe is a person's, whatever the recogniser says.
PERSON_ROLE_HEADS = (ROLE_HEADS | ANONYMOUS_HEADS | {
    "professor", "fellow", "lecturer", "scholar", "journalist", "reporter", "editor", "author", "writer",
    "activist", "delegate", "actor", "actress", "singer", "player", "minister"}) - {"former", "host", "star"}


# Roles that name the top job of a state or body: "the Kremlin leader" can be its president.
LEADER_ROLES = {"president", "leader", "premier", "prime minister", "chancellor", "king", "queen", "head",
                "ruler", "monarch", "emperor", "dictator", "autocrat", "strongman", "chief", "head of state"}


@dataclass(frozen=True)
class EntityKind:
    kind: str
    name: str
    affiliation: str | None


# Prepositions after which an institution's building is where something happens, not who acts.
LOCATIVE_PREPOSITIONS = {"in", "at", "inside", "outside", "aboard"}


# Time zones the recogniser takes for organisations ("at 6 pm (2100 GMT)").
TIME_ZONES = {"gmt", "utc", "cet", "cest", "bst", "est", "edt", "cst", "cdt", "pst", "pdt", "jst", "kst", "ist"}


def place_preposition(span) -> str | None:
    """"in" of "in the Oval Office", "aboard" of "aboard the Navy One": the locative preposition the
    span is the object of, so the span names a place (None when it is not one's object)."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS:
        return root.head.lower_
    return None


def entity_kind(label: str, text: str, is_agent: bool, place_preposition: str | None = None) -> EntityKind | None:
    """Kind and canonical name of a non-person named entity; None for places and other non-actors.

    A capital stands for its country only as an agent ("Moscow said"); "talks in Moscow" is a place. So
    is a seat of power after a locative preposition ("met in the Oval Office"): a venue is no actor that
    speaks, while "the White House said" is the government speaking. What one is aboard is a vehicle
    ("aboard Air Force One"), and a time zone ("2100 GMT") is no body either.
    """
    places = gazetteer()
    name = text[4:] if text.lower().startswith("the ") else text
    name = name[:-2] if name.endswith(("'s", "’s")) else name
    if outlet := places.media_outlet(text):
        return EntityKind("media", outlet, None)
    if seat := places.seat_of_power(text):
        if place_preposition:
            return None
        return EntityKind("organization", seat, places.affiliation(text))
    if country := places.country(text):
        return EntityKind("country", country, country)
    if is_agent and (country := places.capital_of(text)):
        return EntityKind("country", country, country)
    if label in ("GPE", "NORP"):
        if label == "NORP" and (name.casefold() in NON_AGENT_NOUNS or name.casefold().removesuffix("s") in NON_AGENT_NOUNS):
            return None  # "Protests erupted", tagged as a people: a trouble, not a group
        if label == "NORP" and is_agent and name[:1].isupper():
            return EntityKind("group", name, None)
        return None
    if label == "ORG" and place_preposition != "aboard" and name.casefold() not in TIME_ZONES:
        return EntityKind("organization", name, None)
    return None


def could_be_person_name_text(name: str) -> bool:
    """One or two title-case words that name no institution, place or outlet ("Trump", "Ana Lopes")."""
    words = name.split()
    places = gazetteer()
    return 1 <= len(words) <= 2 and all(w[:1].isupper() and not w.isupper() and w.isalpha() for w in words) \
        and not any(w.lower() in ORGANIZATION_HEADS or w.lower() in ORGANIZATION_NAME_WORDS for w in words) \
        and not (places.affiliation(name) or places.media_outlet(name) or places.seat_of_power(name))


def is_unnamed_source_plural(span) -> bool:
    """One capitalised word that is the plural of an unnamed-source noun ("Forecasters said ...", tagged
    PERSON at a sentence start): a group of unnamed people, no one's name."""
    words = [token for token in span if token.is_alpha]
    if len(words) != 1:
        return False
    word = words[0]
    lemma = word.lemma_.casefold()
    return lemma in UNNAMED_SOURCE_NOUNS and word.lower_ != lemma and word.lower_.endswith("s")


def common_noun_kind(head_lemma: str, is_plural: bool, proper: bool, definite: bool = False) -> str | None:
    """anonymous / group / organization for an unnamed speaker phrase by its head noun, else None.

    Unnamed plural sources are anonymous ("critics", "some 80 governments", "Many countries"); a definite
    plural of bodies or states points back to named ones and is a group ("both countries", "the two
    governments"); a public acting together is a group ("protesters")."""
    lemma = head_lemma.casefold()
    # a kind of business is a body: "the lender said" is an unnamed company, never a person
    kind = UNNAMED_SOURCE_NOUNS.get(lemma) or ("organization" if lemma in business_nouns() else None)
    if kind == "organization":
        if not is_plural:
            return "organization"
        return "group" if definite else "anonymous"
    if kind == "side":
        if not is_plural:
            return None  # "the country said": which one is the article's to say
        return "group" if definite else "anonymous"
    if kind == "collective":
        return "group"
    if kind == "group":
        return "group" if is_plural else "anonymous"  # "a resident said": one unnamed person
    if kind == "anonymous":
        return "anonymous"
    if proper and is_plural:
        return "group"
    return None


# A head of something ("the environment chief") can be its minister, secretary or director.
HEAD_OF_BODY_ROLES = {"chief", "head"}
SENIOR_ROLES = {"minister", "secretary", "commissioner", "director", "chairman", "chairwoman", "chair",
                "president", "governor", "mayor", "leader", "premier", "chancellor", "prime minister", "ceo",
                "secretary-general", "secretary general", "executive secretary"}
# "the top diplomat" is the foreign minister, an ambassador, an envoy or a consul.
DIPLOMAT_ROLES = {"diplomat", "ambassador", "envoy", "consul", "consul general", "secretary of state"}


# Two words for a state's envoy to another state: "the envoy" can be its ambassador.
ENVOY_ROLES = {"envoy", "ambassador"}
PREMIER_ROLES = {"premier", "prime minister", "pm"}  # one job, three words
# Words for one job ("the pontiff" is the pope the article names).
SAME_JOB_WORDS = (PREMIER_ROLES, {"pope", "pontiff"})
# A government's spokesperson speaks for its diplomacy: "the diplomat told reporters" (but "the top
# diplomat" is the minister).
SPOKESPERSON_ROLES = {"spokesman", "spokeswoman", "spokesperson"}


def _is_diplomat(role: str) -> bool:
    folded = role.casefold()
    return role_head(folded) in DIPLOMAT_ROLES or "foreign minister" in folded \
        or "secretary of state" in folded or "foreign affairs" in folded


def role_head(role: str | None) -> str | None:
    if not role:
        return None
    words = re.split(r" (?:of|to|for|at) ", role.casefold())[0].split()
    if len(words) >= 2 and " ".join(words[-2:]) in LEADER_ROLES:
        return " ".join(words[-2:])
    return words[-1] if words else None


def one_job(head: str | None, other_head: str | None) -> bool:
    """Whether two role heads are words for one job ("premier", "prime minister")."""
    return any({head, other_head} <= words for words in SAME_JOB_WORDS)


def roles_compatible(role: str | None, other: str | None) -> bool:
    """Same job, or both the top job of something: a leader can be a president, an adviser cannot."""
    head, other_head = role_head(role), role_head(other)
    if not head or not other_head:
        return True
    if head == other_head or one_job(head, other_head):
        return True
    if {head, other_head} == ENVOY_ROLES:
        return True  # "China summons Japanese envoy" for the ambassador the article names
    if head == "diplomat" or other_head == "diplomat":
        reference, held = (role, other) if head == "diplomat" else (other, role)
        if role_head(held) in SPOKESPERSON_ROLES:
            return "top" not in reference.casefold().split()
        return _is_diplomat(role) and _is_diplomat(other)
    if (head in MILITARY_RANKS or other_head in MILITARY_RANKS) and _is_military(role) and _is_military(other):
        return True  # "the army colonel" for the country's new military ruler
    if head in HEAD_OF_BODY_ROLES or other_head in HEAD_OF_BODY_ROLES:
        return (head in HEAD_OF_BODY_ROLES | SENIOR_ROLES) and (other_head in HEAD_OF_BODY_ROLES | SENIOR_ROLES)
    return head in LEADER_ROLES and other_head in LEADER_ROLES


# Words of military jobs (the ranks are MILITARY_RANKS).
MILITARY_ROLE_WORDS = {"military", "army", "junta", "navy", "naval", "forces", "troops", "militia"}


def _is_military(role: str) -> bool:
    return role_head(role) in MILITARY_RANKS or bool(set(role.casefold().split()) & MILITARY_ROLE_WORDS)
