"""Across articles: the same person is one actor in the whole dataset, namesakes stay apart, and the
user's aliases are applied. Actor ids come from the canonical name and kind, never from build order."""
from __future__ import annotations

import hashlib
import logging
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from data_prep import schema
from data_prep.actors import kinds
from data_prep.actors.affiliations import decide_affiliations
from data_prep.actors.aliases import Aliases, load_aliases
from data_prep.actors.bodies import is_bare_state_body
from data_prep.actors.gazetteer import gazetteer
from data_prep.actors.naming import can_be_same_person, fold, name_parts, surname_block, surnames_match
from data_prep.actors.organisation_names import country_prefix, organisation_key
from data_prep.key_index import KeyIndex

# A bare surname goes to the best-known namesake only when it is this many times better known.
WELL_KNOWN_RATIO = 2
ARTICLE_SCOPED_KINDS = {"anonymous", "unknown"}
ACRONYM_KINDS = {"organization", "media"}
ACRONYM_SKIPPED = {"of", "the", "and", "for", "on", "in", "&"}
# A country before a body's name joins the bare name only when the name is this specific: "U.S. National
# Hurricane Center" is the "National Hurricane Center", but "Chinese Foreign Ministry" is not every
# "Foreign Ministry" written bare.
MIN_COUNTRY_FREE_WORDS = 3

log = logging.getLogger(__name__)


@dataclass
class CorpusActors:
    actors: pd.DataFrame
    mentions: pd.DataFrame
    quote_actor_ids: dict[str, list[str | None]]
    quote_co_speaker_ids: dict[str, list[list[str]]] = field(default_factory=dict)


@dataclass(slots=True)
class _Record:
    """One actor of one article. A corpus holds millions: slots, and strings shared across articles."""
    article_id: str
    key: str
    name: str
    kind: str
    role: str | None
    affiliation: str | None
    variants: list[str]
    local_bearer: str | None = None  # the article's namesake for a surname used before any full name


@dataclass
class _Cluster:
    records: list[_Record] = field(default_factory=list)
    pinned_name: str | None = None
    seed_name: str = ""  # the name the cluster was started from: what candidates are compared against

    @property
    def seed_given(self) -> str:
        return name_parts(self.seed_name)[0]

    @property
    def articles(self) -> set[str]:
        return {record.article_id for record in self.records}

    def top(self, attribute: str) -> str | None:
        counts = Counter(getattr(r, attribute) for r in self.records if getattr(r, attribute))
        return max(counts, key=lambda value: (counts[value], value)) if counts else None

    @property
    def name(self) -> str:
        if self.pinned_name:
            return self.pinned_name
        counts = Counter(record.name for record in self.records)
        if self.kind == "person":  # "Donald Trump" over a bare "Trump", however often that was written
            return max(counts, key=lambda name: (len(name.split()) > 1, counts[name], len(name), name))
        return max(counts, key=lambda name: (counts[name], len(name), name))

    @property
    def kind(self) -> str:
        if any(record.kind == "person" for record in self.records):
            return "person"  # a person cluster holds a name the recogniser once filed as an organisation
        counts = Counter(record.kind for record in self.records)
        return max(counts, key=lambda kind: (counts[kind], kind))


def actor_id(name: str, kind: str, scope: str | None = None) -> str:
    """Stable id from what the actor is: the same canonical name and kind give the same id in every build."""
    seed = "|".join([kind, fold(name), *([scope] if scope else [])])
    return "act_" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12]


def _is_article_scoped(record: _Record) -> bool:
    """Anonymous sources and common-noun groups and bodies ("protesters", "police") are different
    people in each article; so is a state body whose state the article does not say ("Foreign Ministry"):
    one country's in one article, another's in the next."""
    return record.kind in ARTICLE_SCOPED_KINDS or (record.kind in ("group", "organization")
                                                   and not record.name[:1].isupper()) \
        or (record.kind == "organization" and is_bare_state_body(record.name))


def _shared(value):
    """One copy of each repeated name, kind, role and key across the whole corpus."""
    return sys.intern(value) if isinstance(value, str) else value


def _records(per_article: Iterable[tuple[str, dict]], aliases: Aliases) -> list[_Record]:
    records = []
    for article_id, result in per_article:
        try:
            for actor in result["actors"]:
                # A bare-surname spelling ("Trump") may have been any namesake's: rules match the name
                # and the full-name spellings only.
                names = [actor["name"], *(v for v in actor.get("variants", []) if len(v.split()) > 1)]
                if any(aliases.dropped(name) for name in names):
                    continue
                record = _Record(article_id, _shared(actor["key"]), _shared(actor["name"]), _shared(actor["kind"]),
                                 _shared(actor.get("role")), _shared(actor.get("affiliation")),
                                 [_shared(variant) for variant in actor.get("variants", [])],
                                 actor.get("local_bearer"))
                renamed = next((aliases.canonical(name) for name in names if aliases.canonical(name)), None)
                if renamed:
                    record.name = renamed
                records.append(record)
        except (KeyError, TypeError) as error:
            log.warning("actors of article %s are malformed (%s); skipped", article_id, error)
    return records


@dataclass(frozen=True)
class _Profile:
    """Every country and job the articles gave a cluster: people change jobs, so any of them may match."""
    affiliations: frozenset[str]
    roles: frozenset[str]

    @classmethod
    def of(cls, cluster: _Cluster) -> _Profile:
        return cls(frozenset(r.affiliation for r in cluster.records if gazetteer().is_country(r.affiliation)),
                   frozenset(r.role for r in cluster.records if r.role))


def _other_country(record: _Record, profile: _Profile) -> bool:
    return bool(gazetteer().is_country(record.affiliation) and profile.affiliations
                and record.affiliation not in profile.affiliations)


def _contradicts(record: _Record, profile: _Profile) -> bool:
    """A different country, or a job that cannot be any of theirs (councillor vs. senator), keeps a bare
    surname away from a namesake."""
    if _other_country(record, profile):
        return True
    return bool(record.role and profile.roles
                and not any(kinds.roles_compatible(record.role, role) for role in profile.roles))


class _PersonMerger:
    def __init__(self, aliases: Aliases):
        self.aliases = aliases
        self.clusters: list[_Cluster] = []

    def _apart(self, name: str, cluster: _Cluster) -> bool:
        if not self.aliases.separate:
            return False
        return any(self.aliases.kept_apart(name, record.name) for record in cluster.records)

    def add_full_names(self, records: list[_Record]) -> None:
        by_name: dict[str, _Cluster] = {}
        for record in records:
            cluster = by_name.setdefault(fold(record.name), _Cluster(seed_name=record.name))
            cluster.records.append(record)
            if self.aliases.canonical(record.name):
                cluster.pinned_name = record.name
        # Spelling variants (Zelensky / Zelenskyy): join name clusters whose surnames and given names match.
        blocks: dict[str, dict[str, list[_Cluster]]] = defaultdict(lambda: defaultdict(list))
        for name, cluster in sorted(by_name.items(), key=lambda item: (-len(item[1].records), item[0])):
            given, surname = name_parts(name)
            block = blocks[surname_block(surname)]
            target = next((other for other_surname, clusters in block.items()
                           if surnames_match(surname, other_surname) for other in clusters
                           if can_be_same_person(name, other.seed_name)
                           and not self._apart(name, other)
                           and not _other_country(cluster.records[0], _Profile.of(other))), None)
            if target:
                target.records.extend(cluster.records)
                target.pinned_name = target.pinned_name or cluster.pinned_name
            else:
                block[surname].append(cluster)
                self.clusters.append(cluster)

    def add_surnames(self, records: list[_Record]) -> None:
        by_surname: dict[str, list[_Cluster]] = defaultdict(list)
        by_block: dict[str, list[str]] = defaultdict(list)
        profiles, known = {}, {}
        for cluster in self.clusters:
            surname = name_parts(cluster.seed_name)[1]
            if surname not in by_surname:
                by_block[surname_block(surname)].append(surname)
            by_surname[surname].append(cluster)
            profiles[id(cluster)] = _Profile.of(cluster)
            known[id(cluster)] = len(cluster.articles)
        alone: dict[str, _Cluster] = {}
        early = any(record.local_bearer for record in records)
        cluster_of = {(r.article_id, r.key): c for c in self.clusters for r in c.records} if early else {}
        for record in records:
            surname = name_parts(record.name)[1]
            similar = [other for other in by_block.get(surname_block(surname), []) if surnames_match(surname, other)]
            candidates = [c for other in similar for c in by_surname[other]
                          if not self._apart(record.name, c) and not _contradicts(record, profiles[id(c)])]
            chosen = _well_known(candidates, known) or cluster_of.get((record.article_id, record.local_bearer))
            if chosen:
                chosen.records.append(record)
            else:
                cluster = alone.setdefault(fold(record.name), _Cluster(seed_name=record.name))
                if not cluster.records:
                    self.clusters.append(cluster)
                cluster.records.append(record)

def _well_known(candidates: list[_Cluster], n_articles: dict[int, int]) -> _Cluster | None:
    """The one candidate, or the one in at least WELL_KNOWN_RATIO times as many articles as the next."""
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    ranked = sorted(candidates, key=lambda c: -n_articles[id(c)])
    return ranked[0] if n_articles[id(ranked[0])] >= WELL_KNOWN_RATIO * n_articles[id(ranked[1])] else None


def _cluster_records(records: list[_Record], aliases: Aliases) -> list[_Cluster]:
    people = [r for r in records if r.kind == "person"]
    merger = _PersonMerger(aliases)
    merger.add_full_names([r for r in people if len(r.name.split()) > 1])
    merger.add_surnames([r for r in people if len(r.name.split()) <= 1])
    others: dict[tuple, _Cluster] = {}
    person_by_name = _people_by_name(merger.clusters)
    for record in records:
        if record.kind == "person":
            continue
        if person := _person_behind(record, person_by_name):
            person.records.append(record)  # "Trump" filed as an organisation in one article is the person
            continue
        scope = record.article_id if _is_article_scoped(record) else None
        cluster = others.setdefault((record.kind, organisation_key(record.name), scope), _Cluster(seed_name=record.name))
        cluster.records.append(record)
        if aliases.canonical(record.name):
            cluster.pinned_name = record.name
    _join_country_prefixes(others, aliases)
    return merger.clusters + _join_acronyms(others, aliases)


def _join_country_prefixes(clusters: dict[tuple, _Cluster], aliases: Aliases) -> None:
    """"U.S. National Hurricane Center" is the "National Hurricane Center" written bare elsewhere: a body
    name with a country before it joins the bare name when the dataset writes that name after this one
    country only, the name is specific (``MIN_COUNTRY_FREE_WORDS``), and no article gives the bare name
    another country. Namesakes of two countries (the weather services of two countries) stay apart."""
    prefixed: dict[tuple[str, str], list[tuple[str, tuple]]] = defaultdict(list)
    for key, cluster in clusters.items():
        kind, _, scope = key
        if kind in ACRONYM_KINDS and scope is None and (found := country_prefix(cluster.seed_name)) \
                and len(found[1].split()) >= MIN_COUNTRY_FREE_WORDS:
            prefixed[(kind, found[1])].append((found[0], key))
    for (kind, rest), entries in prefixed.items():
        bare_key = (kind, rest, None)
        countries = {country for country, _ in entries}
        if len(countries) != 1 or bare_key not in clusters:
            continue
        bare = clusters[bare_key]
        country = countries.pop()
        if any(gazetteer().is_country(r.affiliation) and r.affiliation != country for r in bare.records):
            continue
        for _, key in entries:
            if key in clusters and not aliases.kept_apart(clusters[key].seed_name, bare.seed_name):
                bare.records.extend(clusters[key].records)
                bare.pinned_name = bare.pinned_name or clusters[key].pinned_name
                del clusters[key]


def _people_by_name(clusters: list[_Cluster]) -> dict[str, list[_Cluster]]:
    """Person clusters by each full name and surname their records were written with."""
    found: dict[str, list[_Cluster]] = defaultdict(list)
    for cluster in clusters:
        keys = {fold(record.name) for record in cluster.records}
        keys |= {name_parts(record.name)[1] for record in cluster.records if len(record.name.split()) > 1}
        for key in keys:
            found[key].append(cluster)
    return found


def _person_behind(record: _Record, person_by_name: dict[str, list[_Cluster]]) -> _Cluster | None:
    """A named organisation or unknown actor whose name is exactly one person's name or surname, and no
    place or outlet: the recogniser's label was wrong, the actor's kind is the person's."""
    if record.kind not in ("organization", "unknown") or not record.name[:1].isupper():
        return None
    places = gazetteer()
    if places.affiliation(record.name) or places.media_outlet(record.name) or places.seat_of_power(record.name):
        return None
    candidates = person_by_name.get(fold(record.name), [])
    return candidates[0] if len(candidates) == 1 else None


def acronym(name: str) -> str:
    """"Federal Bureau of Investigation" -> FBI; small words do not count."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ACRONYM_SKIPPED]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def _join_acronyms(clusters: dict[tuple, _Cluster], aliases: Aliases) -> list[_Cluster]:
    """An organisation written as its initials (FBI, NATO) is the one whose name they abbreviate, when
    exactly one organisation in the dataset has that name."""
    spelled_out: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for key, cluster in clusters.items():
        kind, _, scope = key
        if kind in ACRONYM_KINDS and scope is None and (letters := acronym(cluster.seed_name)):
            spelled_out[(kind, letters)].append(key)
    for key, cluster in list(clusters.items()):
        kind, _, scope = key
        name = cluster.seed_name
        if scope is not None or not (name.isupper() and len(name) >= 2 and name.isalpha()):
            continue
        targets = spelled_out.get((kind, name), [])
        if len(targets) != 1 or targets[0] not in clusters or aliases.kept_apart(name, clusters[targets[0]].seed_name):
            continue
        target = clusters[targets[0]]
        target.records.extend(cluster.records)
        target.pinned_name = target.pinned_name or cluster.pinned_name
        del clusters[key]
    return list(clusters.values())


@dataclass
class ActorIndex:
    """The merged actors, and which actor each article's local key became: all a build keeps of the
    corpus while it writes the tables one batch of articles at a time."""
    id_of: KeyIndex  # (article_id, the article's actor key) -> actor id
    rows: dict[str, dict]

    def resolve(self, article_id: str, result: dict) -> tuple[list[dict], list[str | None]]:
        """One article's mention rows and its quotes' actor ids; counts them into the actors' rows."""
        mention_rows = []
        try:
            for mention in result.get("mentions", []):
                identifier = self.id_of.get((article_id, mention["key"]))
                if identifier:
                    self.rows[identifier]["n_mentions"] += 1
                    mention_rows.append({"article_id": article_id, "actor_id": identifier, "start": mention["start"],
                                         "end": mention["end"], "text": mention["text"]})
            ids = [self.id_of.get((article_id, key)) if key else None for key in result.get("quote_keys", [])]
        except (KeyError, TypeError, AttributeError) as error:
            log.warning("mentions of article %s are malformed (%s); skipped", article_id, error)
            ids = []
        for identifier in ids:
            if identifier:
                self.rows[identifier]["n_quotes"] += 1
        return mention_rows, ids

    def co_speaker_ids(self, article_id: str, result: dict) -> list[list[str]]:
        """For each quote, the actor ids of those who said it with its speaker ("Witkoff and Kushner
        said"); each of them is credited with the quote. Results cached before joint speakers have none."""
        try:
            keys = result.get("co_speaker_keys") or [[] for _ in result.get("quote_keys", [])]
            ids = [[self.id_of[(article_id, key)] for key in quote_keys if (article_id, key) in self.id_of]
                   for quote_keys in keys]
        except (TypeError, AttributeError) as error:
            log.warning("joint speakers of article %s are malformed (%s); skipped", article_id, error)
            return []
        for identifier in (identifier for quote_ids in ids for identifier in quote_ids):
            self.rows[identifier]["n_quotes"] += 1
        return ids

    def actors_frame(self) -> pd.DataFrame:
        actor_rows = sorted(self.rows.values(), key=lambda row: (-row["n_quotes"], -row["n_mentions"], row["name"]))
        return schema.frame_from_rows(schema.ACTORS, actor_rows)


def actor_index(per_article: Iterable[tuple[str, dict]], aliases_file: Path | None = None) -> ActorIndex:
    """Cluster the actors of (article_id, article actors) pairs; only each result's ``actors`` list is read."""
    aliases = load_aliases(aliases_file)
    clusters = _cluster_records(_records(per_article, aliases), aliases)
    rows: dict[str, dict] = {}
    identifiers = []
    sides = decide_affiliations(clusters)  # once per actor, from all its records (actors/affiliations.py)
    for cluster, side in zip(clusters, sides):
        name, kind = cluster.name, cluster.kind
        scope = cluster.records[0].article_id if _is_article_scoped(cluster.records[0]) else None
        identifier = actor_id(name, kind, scope)
        identifiers.append(rows.setdefault(identifier, {"actor_id": identifier, "name": name, "kind": kind,
                                                        "role": cluster.top("role"),
                                                        "affiliation": side,
                                                        "n_quotes": 0, "n_mentions": 0})["actor_id"])
    # One key per actor per article: compact (data_prep/key_index.py), since a corpus has millions.
    id_of = KeyIndex(lambda: (((record.article_id, record.key), identifier)
                              for cluster, identifier in zip(clusters, identifiers) for record in cluster.records))
    return ActorIndex(id_of, rows)


def merge_corpus_actors(per_article: dict[str, dict], aliases_file: Path | None = None) -> CorpusActors:
    """All articles' actors as one table: one row per real actor, its mentions, and each quote's actor id."""
    index = actor_index(per_article.items(), aliases_file)
    mention_rows, quote_actor_ids, co_speaker_ids = [], {}, {}
    for article_id, result in per_article.items():
        mentions, quote_actor_ids[article_id] = index.resolve(article_id, result)
        co_speaker_ids[article_id] = index.co_speaker_ids(article_id, result)
        mention_rows.extend(mentions)
    return CorpusActors(actors=index.actors_frame(), mentions=schema.frame_from_rows(schema.MENTIONS, mention_rows),
                        quote_actor_ids=quote_actor_ids, quote_co_speaker_ids=co_speaker_ids)
