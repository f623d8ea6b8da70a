"""The mention book of one article: its actors, every mention of them in the text, and which parts of
the text are someone's quoted words. Every later stage reads and writes it; it imports no stage."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from data_prep.actors import titles
from data_prep.actors.documents import DOCUMENT_HEADS
from data_prep.actors.gazetteer import gazetteer, preferred_affiliation
from data_prep.actors.kinds import ORGANIZATION_HEADS, place_preposition
from data_prep.actors.naming import GENDERED_WORDS, fold, normalise_role, surname_word
from data_prep.quote_record import QuoteRecord

# Quoted passages within one paragraph; a wrong-way closing mark (“...“) closes too, so one stray mark
# does not turn the rest of the article into a quotation.
PLACE_LABELS = ("GPE", "LOC", "FAC")
# Prepositions of going somewhere or coming from it ("flew to NAME"): their object is a place.
MOTION_PREPOSITIONS = frozenset({"to", "from", "into", "near", "toward", "towards"})
QUOTED = re.compile(r"“[^”“\n]*[”“]|\"[^\"\n]*\"")
# Heads of sources that are no single person: documents, bodies and unnamed sources relaying words ("a
# statement", "the ministry", "diplomatic sources").
NOT_ONE_PERSON_HEADS = DOCUMENT_HEADS | ORGANIZATION_HEADS | {"media", "medium", "source", "sources"}
# Cues of a report passing on someone else's words ("NAME said ..., the Courier reported"): the name inside
# is the report's subject, whom a later "He added" takes up. The quote stage's relaying verbs
# (quotes.speakers.RELAYING_LEMMAS; not imported: the quote stage imports the actor package).
RELAYING_CUE_LEMMAS = frozenset({"report"})


@dataclass
class ArticleActor:
    key: str
    name: str
    kind: str
    roles: Counter = field(default_factory=Counter)
    affiliations: Counter = field(default_factory=Counter)
    genders: Counter = field(default_factory=Counter)
    variants: dict[str, None] = field(default_factory=dict)
    head_lemma: str | None = None
    local_bearer: str | None = None  # a surname used before its full name: the article's namesake's key

    @property
    def role(self) -> str | None:
        return self.roles.most_common(1)[0][0] if self.roles else None

    @property
    def affiliation(self) -> str | None:
        return preferred_affiliation(self.affiliations)

    @property
    def gender(self) -> str | None:
        if not self.genders:
            return None
        (top, count), *rest = self.genders.most_common(2)
        return top if not rest or count > rest[0][1] else None

    def as_dict(self) -> dict:
        found = {"key": self.key, "name": self.name, "kind": self.kind, "role": self.role,
                 "affiliation": self.affiliation, "variants": list(self.variants)}
        if self.local_bearer:
            found["local_bearer"] = self.local_bearer
        return found


@dataclass
class Mention:
    key: str
    start: int
    end: int
    text: str
    root: int  # token index of the mention's head

    def as_dict(self) -> dict:
        return {"key": self.key, "start": self.start, "end": self.end, "text": self.text}


class MentionBook:
    def __init__(self, doc: Doc, quotes: list[QuoteRecord]):
        self.doc = doc
        self.text = doc.text  # Doc.text rebuilds the string on every access
        self.quotes = quotes
        self.actors: dict[str, ArticleActor] = {}
        self.mentions: list[Mention] = []
        self.quoted_regions = self._quoted_regions()
        # Words written in lower case somewhere, with their dictionary forms ("tariffs" -> tariff): a
        # capitalised "Tariff" or "Fossil Fuels" elsewhere is the common noun, not a name.
        self.lower_case_words = frozenset(form for token in doc if token.is_lower
                                          for form in (token.text, token.lemma_.lower()))
        # Names the recogniser tags as a place somewhere in the article: the same word tagged an
        # organisation or person elsewhere is still that place; but not the surname of a person the article
        # names in full ("according to Hoekstra" tagged a place, after "Wopke Hoekstra"), unless the
        # gazetteer knows it as a place.
        self.person_surnames = frozenset(surname_word(entity.text) for entity in doc.ents
                                         if entity.label_ == "PERSON" and len(entity.text.split()) > 1)
        places = gazetteer()
        self.speaking_unplaced_names = self._speaking_unplaced_names()
        self.place_names = frozenset(
            entity.text for entity in doc.ents if entity.label_ in PLACE_LABELS
            and entity.text not in self.speaking_unplaced_names and (
                entity.text not in self.person_surnames or places.affiliation(entity.text) or places.place(entity.text)))
        self._pending_affiliations: list[tuple[str, int]] = []
        self._person_regions: list[tuple[int, int]] | None = None

    def _speaking_unplaced_names(self) -> frozenset[str]:
        """One-word names tagged a place that the gazetteer does not know, that speak (a quote's whole speaker
        name), that the recogniser tags a person elsewhere in the article and that the article never puts
        anyone in, at or near ("NAME said ... NAME added", tagged a place once): a misread surname."""
        places = gazetteer()
        speakers = {quote.speaker_name for quote in self.quotes if quote.speaker_name}
        tagged = [entity for entity in self.doc.ents if entity.label_ == "GPE"]
        speaking = {entity.text for entity in tagged if (entity.start_char, entity.end_char) in speakers
                    and len(entity) == 1 and entity.text.isalpha() and entity.text[:1].isupper()
                    and not entity.text.isupper()
                    and not (places.affiliation(entity.text) or places.place(entity.text) or places.media_outlet(entity.text))}
        located = {entity.text for entity in tagged if place_preposition(entity) is not None
                   or (entity.root.dep_ == "pobj" and entity.root.head.lower_ in MOTION_PREPOSITIONS)}
        people = {entity.text for entity in self.doc.ents if entity.label_ == "PERSON"}
        return frozenset((speaking & people) - located)

    def _quoted_regions(self) -> list[tuple[int, int]]:
        """Quotation marks and every quote's span, reported speech included: names inside what someone
        said are rarely what a later pronoun points back to (measured on PolNeAR dev)."""
        regions = [(m.start(), m.end()) for m in QUOTED.finditer(self.text)]
        regions.extend(span for quote in self.quotes for span in quote.spans)
        return regions

    def is_quoted(self, start: int, end: int) -> bool:
        return any(region_start <= start and end <= region_end for region_start, region_end in self.quoted_regions)

    def is_in_persons_words(self, start: int, end: int) -> bool:
        """Inside quotation marks, or inside the words of a quote whose source could be one person: a name
        there is not what a later he/she points back to ("Trump said Xi would visit. He added ..."); but in
        words relayed from unnamed sources, a body or a document ("Ray did not attend, according to
        diplomatic sources. He said ...") the name is the reporter's subject, which a he/she can take up."""
        return any(region_start <= start and end <= region_end for region_start, region_end in self._persons_words)

    @property
    def _persons_words(self) -> list[tuple[int, int]]:
        if self._person_regions is None:
            regions = [(m.start(), m.end()) for m in QUOTED.finditer(self.text)]
            regions.extend(span for quote in self.quotes if self._could_be_one_person(quote) for span in quote.spans)
            self._person_regions = regions
        return self._person_regions

    def _could_be_one_person(self, quote: QuoteRecord) -> bool:
        if quote.speaker is None:
            return True
        cue = self.doc.char_span(*quote.cue, alignment_mode="expand") if quote.cue else None
        if cue is not None and cue.root.lemma_.lower() in RELAYING_CUE_LEMMAS:
            return False
        span = self.doc.char_span(*quote.speaker, alignment_mode="expand")
        if span is None:
            return True
        root = span.root
        # a lower-case plural ("diplomatic sources", "police"), not a capitalised name the tagger took for
        # a plural ("Wines believes")
        return not ((root.tag_ == "NNS" and root.is_lower) or root.tag_ == "NNPS"
                    or root.lower_ in ("they", "it", "we") or root.lemma_.lower() in NOT_ONE_PERSON_HEADS)

    def people(self) -> list[ArticleActor]:
        return [actor for actor in self.actors.values() if actor.kind == "person"]

    def new_actor(self, name: str, kind: str, affiliation: str | None = None) -> ArticleActor:
        actor = ArticleActor(key=f"a{len(self.actors)}", name=name, kind=kind)
        if affiliation:
            actor.affiliations[affiliation] += 1
        self.actors[actor.key] = actor
        return actor

    def named(self, kind: str, name: str) -> ArticleActor | None:
        """The actor of this kind and name already in the book, if any."""
        return next((a for a in self.actors.values() if a.kind == kind and fold(a.name) == fold(name)), None)

    def add_mention(self, actor: ArticleActor, start: int, end: int, root: int) -> Mention:
        text = self.text[start:end]
        for mention in self.mentions:
            if mention.start == start and mention.end == end:
                return mention
        mention = Mention(actor.key, start, end, text, root)
        self.mentions.append(mention)
        actor.variants.setdefault(" ".join(text.split()), None)
        return mention

    def add_person_mention(self, actor: ArticleActor, span: Span, title_words: list[str]) -> None:
        """A mention of a person, with what its titles, possessive and apposition say about them."""
        self.add_mention(actor, span.start_char, span.end_char, span.root.i)
        description = titles.describe_name(self.doc, span.start - len(title_words), span.end)
        # "Qatar Emir NAME": the country is the affiliation, the job is "emir"
        title = normalise_role(" ".join(w for w in title_words if fold(w) not in titles.HONORIFICS
                                        and not gazetteer().affiliation(w)))
        for role in [*description.roles, *([title] if title else [])]:
            if role := titles.job_words(role):
                actor.roles[role] += 1
        for affiliation in description.affiliations:
            actor.affiliations[affiliation] += 1
        for gender in description.genders:
            actor.genders[gender] += 1
        for word in title_words:
            if fold(word) in GENDERED_WORDS:
                actor.genders[GENDERED_WORDS[fold(word)]] += 1
        self._pending_affiliations.extend((actor.key, token) for token in description.affiliated_with)

    def settle_affiliations(self) -> None:
        """"Trump's envoy" shares Trump's affiliation; "Wells Fargo chief" is affiliated with the company."""
        for key, token_index in self._pending_affiliations:
            owner = self.actor_of_token(token_index)
            if owner is None or owner.key == key:
                continue
            affiliation = owner.affiliation or (owner.name if owner.kind in ("organization", "media") else None)
            if affiliation:
                self.actors[key].affiliations[affiliation] += 1

    def mention_at(self, token_index: int) -> Mention | None:
        token = self.doc[token_index]
        found = [m for m in self.mentions if m.start <= token.idx < m.end]
        return min(found, key=lambda m: m.end - m.start) if found else None

    def actor_of_token(self, token_index: int) -> ArticleActor | None:
        mention = self.mention_at(token_index)
        return self.actors[mention.key] if mention else None

    def result(self, quote_keys: list[str | None], co_speaker_keys: list[list[str]]) -> dict:
        """The JSON-ready result: actors that are mentioned or speak, mentions in text order, each quote's
        speaker key and the keys of those who said it with them."""
        used = {m.key for m in self.mentions} | {key for key in quote_keys if key}
        for actor in self.actors.values():
            if actor.kind == "country":
                actor.affiliations = Counter({actor.name: 1})
        return {
            "actors": [actor.as_dict() for actor in self.actors.values() if actor.key in used],
            "mentions": [m.as_dict() for m in sorted(self.mentions, key=lambda m: (m.start, m.end))],
            "quote_keys": quote_keys,
            "co_speaker_keys": co_speaker_keys,
        }
