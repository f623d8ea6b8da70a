"""Entity collection: every named person, organisation, outlet and country of one article into its
mention book, with full names settled before the bare surnames and given names that refer to them."""
from __future__ import annotations

import re

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from data_prep.actors import kinds, titles
from data_prep.actors.bodies import body_kind, body_name, is_bare_state_body
from data_prep.actors.book import ArticleActor, MentionBook
from data_prep.actors.descriptions import title_phrase_holder
from data_prep.actors.entity_repairs import (NAME_LABELS, business_name, is_business_noun, is_located,
                                            is_named_by_business_noun, is_set_off_after_title, is_struck_place,
                                            names_place_by_its_noun, untagged_set_off_names, without_leading_gerund)
from data_prep.actors.gazetteer import gazetteer
from data_prep.actors.naming import (SURNAME_PARTICLES, TITLE_WORDS, can_be_same_person, clean_person_name, fold,
                                     given_name_forms, is_title_word, name_parts, normalise_role, occupation_titles,
                                     strip_titles, surname_word)
from data_prep.actors.textual import (could_be_personal_name, glued_web_name, is_common_noun_phrase, is_facility_name,
                                      is_modifying_adjective, is_title_before_name, is_title_phrase,
                                      person_demonym)
from data_prep.datelines import dateline
from data_prep.labels import AGENT_DEPS, pronoun_kind

HEADLINE_LOWERCASE = {"a", "an", "the", "of", "in", "to", "for", "on", "at", "as", "and", "or", "but", "with",
                      "by", "from", "over", "vs", "is", "s"}
HEADLINE_SHARE = 0.7
HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
HEADLINE_MAX_WORDS = 20
POSSESSIVE_MARKS = ("'s", "’s", "'", "’")
MAX_TITLE_GAP = 30  # characters of title words between a body and the name of the person holding a post in it


def _is_lead_paragraph(line: str) -> bool:
    """A long line of several sentences full of names and titles ("TOKYO (Xinhua) -- Chinese Ambassador
    ... met ...") is body text, not a Title Case headline."""
    return len(line.split()) > HEADLINE_MAX_WORDS and line.rstrip(" \"”'’").endswith(".")


def _tokens_written_as(doc: Doc, words: set[str]) -> list[int]:
    """Indices of the tokens whose text is one of ``words``, in order, found from the document's array of
    token texts (hashes): walking ``doc`` would make a spaCy ``Token`` object for every token."""
    if not words or not len(doc):
        return []
    wanted = {doc.vocab.strings[word] for word in words}
    return [i for i, text in enumerate(doc.to_array(ORTH).tolist()) if text in wanted]


MAX_MISSED_GIVEN_NAMES = 2
PERSON_RELATIVES = {"who", "whom"}  # relative pronouns said of people, never of bodies ("NAME, who leads ...")


def _could_be_missed_given_name(token, lower_case_words: frozenset[str]) -> bool:
    """"Shafqat" of "Spokesperson Shafqat Ali Khan": a capitalised proper noun, not all capitals (a rank:
    "SP", "ACP"), of no entity, compounded into the name after it, and no title, occupation or place."""
    text = token.text
    return token.pos_ == "PROPN" and token.is_alpha and text[:1].isupper() and not text.isupper() \
        and (token.ent_iob_ == "O" or _lone_entity(token)) and token.dep_ == "compound" and token.head.i > token.i \
        and not is_title_word(text) and fold(text) not in occupation_titles() \
        and token.lower_ not in lower_case_words and token.lower_ not in kinds.UNNAMED_SOURCE_NOUNS \
        and not gazetteer().affiliation(text) and not gazetteer().place(text)


def _lone_entity(token) -> bool:
    """A one-word place or body the gazetteer does not know ("Uttam" tagged a place)."""
    doc = token.doc
    return token.ent_iob_ == "B" and token.ent_type_ in ("GPE", "NORP", "ORG", "LOC") \
        and (token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I")


def _opens_dateline(piece: Span) -> bool:
    """The place in capitals a wire dateline opens with ("VELL" of "VELL, Ruritania -"), not the agency after it."""
    if not piece[0].is_upper:
        return False
    found = dateline(piece.doc, piece.start)
    return len(found) > 0 and piece.start == found.start


def _inside(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in ranges)


class EntityCollector:
    def __init__(self, book: MentionBook):
        self.book = book
        self._early: dict[str, ArticleActor] = {}  # full-name owner's key -> its surname used before it
        self._company_names, self._context_places = self._names_by_context()

    def collect(self) -> None:
        """Every named person, organisation, outlet and country of the article into the book."""
        places = gazetteer()
        person_spans, other_spans = [], []
        for piece in self._entity_pieces():
            text = piece.text  # Span.text joins its tokens again on every read
            if len(piece) == 1 and person_demonym(piece[0]):
                continue  # "the Spaniard": one person called by nationality (the speaker stage resolves it)
            if piece.label_ == "PERSON" and (is_common_noun_phrase(piece, self.book.lower_case_words)
                                             or places.place(text) or is_facility_name(piece)
                                             or is_modifying_adjective(piece) or kinds.is_unnamed_source_plural(piece)):
                continue  # "Tariff", "Fossil Fuels", "Khan Younis", "the Rafah crossing", "Rich ... nations", "Forecasters": no one
            looks_like_institution = places.media_outlet(text) or places.seat_of_power(text) \
                or places.country(text) or places.capital_of(text)  # "Kyiv said": its country
            # People are not "the X": "the Dallas Morning News" tagged PERSON is an organisation.
            # Nor a bare title ("Emir", "Emir Sheikh", "Presidents"): that is its holder or no one.
            if piece.label_ == "PERSON" and not looks_like_institution and piece[0].lower_ != "the" \
                    and could_be_personal_name(piece, self.book.lower_case_words) \
                    and not all(is_title_word(t.text) for t in piece if t.is_alpha):
                person_spans.append(piece)
            else:
                other_spans.append(piece)
        named = [self.person_name_span(span) for span in person_spans]
        headline = self._headline_ranges()
        in_headline = [item for item in named if item and _inside(item[0].start_char, headline)]
        named = [item for item in named if item and not _inside(item[0].start_char, headline)]
        full_names_by_surname: dict[str, set[str]] = {}
        for other, _ in named:
            if len(other) > 1:
                full_names_by_surname.setdefault(name_parts(other.text)[1], set()).add(fold(other.text))
        cleaned = []
        for span, title_words in named:
            first = fold(span[0].text)
            owners = full_names_by_surname.get(first, set()) - {fold(span.text)}
            own_surname_elsewhere = full_names_by_surname.get(name_parts(span.text)[1], set()) - {fold(span.text)}
            if len(span) > 1 and owners and not own_surname_elsewhere:
                span = span[:1]  # a headline's "Putin Vows": the surname and a title-case verb
            cleaned.append((span, title_words))
        # Full names first, so a bare surname finds the person it belongs to wherever it occurs.
        # Two-word names before longer ones, so "Crooked Hillary Clinton" finds Hillary Clinton.
        cleaned.sort(key=lambda item: (len(clean_person_name(item[0].text).split()) < 2,
                                       len(clean_person_name(item[0].text).split()), item[0].start))
        surname_spans = []
        for span, title_words in cleaned:
            name = clean_person_name(span.text)
            if not name_parts(name)[0]:  # "Trump", "El Sisi": a surname alone
                surname_spans.append((span, title_words))
                continue
            actor = self.person_for_full_name(name)
            self.book.add_person_mention(actor, span, title_words)
        in_headline = [item for item in in_headline if not self._add_headline_full_name(*item, headline)]
        other_named = []
        for span in other_spans:
            name = clean_person_name(span.text)
            if len(span) <= 3 and (span.text[:1].isupper() or span[0].lower_.split("-")[0] in SURNAME_PARTICLES) \
                    and self.surname_owner(span, name):
                surname_spans.append((span, []))
            elif span.label_ != "GPE" and len(name.split()) >= 2 and any(
                    a.kind == "person" and fold(a.name) == fold(name) for a in self.book.actors.values()):
                self.book.add_person_mention(self.person_for_full_name(name), span, [])
            elif span.label_ == "ORG" and self._personal_name_tagged_a_body(span, name):
                self.book.add_person_mention(self.person_for_full_name(name), span, [])
            else:
                other_named.append(span)
        for span, _ in sorted(surname_spans, key=lambda item: item[0].start):
            if not self.surname_owner(span, clean_person_name(span.text)):
                self.untagged_full_name(span)
        for span, title_words in sorted(surname_spans, key=lambda item: item[0].start):
            name = clean_person_name(span.text)
            actor = self.surname_owner(span, name, title_words) or self.person_for_full_name(name)
            self.book.add_person_mention(self._before_full_name(actor, span, name), span, title_words)
        for span, title_words in in_headline:
            self._add_headline_person(span, title_words)
        for span in other_named:
            self._add_other_entity(span)
        self._collect_unlabelled_surnames()
        self._settle_state_bodies()

    def untagged_full_name(self, surname: Span) -> ArticleActor | None:
        """"Tomas Reyes met Ana Ruiz. Ruiz said": a surname standing alone whose full name the recogniser
        left untagged before it (two title-case proper nouns, the given name compounded into the surname)
        is that full name's person, not a person called by the surname only. None when there is none."""
        if len(surname) != 1 or not clean_person_name(surname.text):
            return None
        doc = self.book.doc
        for i in _tokens_written_as(doc, {surname.text}):
            given = doc[i - 1] if i else None
            if i >= surname.start or given is None or doc[i].ent_type_ or given.ent_type_ \
                    or given.dep_ != "compound" or given.head.i != i or doc[i].pos_ != "PROPN" \
                    or self.book.mention_at(i) or (i > 1 and doc[i - 2].pos_ == "PROPN"):
                continue
            full = f"{given.text} {doc[i].text}"
            if _could_be_missed_given_name(given, self.book.lower_case_words) and kinds.could_be_person_name_text(full):
                actor = self.person_for_full_name(full)
                self.book.add_person_mention(actor, doc[i - 1:i + 1], [])
                return actor
        return None

    def _personal_name_tagged_a_body(self, span: Span, name: str) -> bool:
        """"Kemal Arslan said ... Arslan added": a Firstname Lastname the recogniser tagged an organisation
        is a person's when its other mentions say so, its surname standing alone as a person's name, or
        when its first word is a known given name (``given_name_forms.csv``). An actor's kind is one, from
        all its mentions: never an organisation "Kemal Arslan" beside a person "Arslan". Names with an
        institution word, places, outlets and companies described as such stay bodies."""
        words = name.split()
        if len(words) != 2 or len(span) != 2 or not kinds.could_be_person_name_text(name) \
                or any(is_title_word(w) or fold(w) in occupation_titles() for w in words):
            return False
        if any(t.dep_ in ("compound", "appos") and kinds.common_noun_kind(t.lemma_, False, False)
               for t in span.root.children if t.i < span.start or t.i >= span.end) \
                or (span.start and is_business_noun(span.doc[span.start - 1])):
            return False  # "the lender Kemal Arslan": a body by its description
        if fold(words[0]) in given_name_forms():
            return True
        if any(child.dep_ == "relcl" and any(t.lower_ in PERSON_RELATIVES and t.i < child.i for t in child.children)
               for child in span.root.children):
            return True  # "NAME, who heads the ministry, said": who is said of people, which of bodies
        doc = span.doc
        return any(not (span.start <= i < span.end) and doc[i].pos_ == "PROPN" and doc[i].ent_type_ in ("", "PERSON")
                   and doc[i].dep_ != "compound" and not any(c.dep_ == "compound" for c in doc[i].children)
                   for i in _tokens_written_as(doc, {words[1]}))  # "Arslan added": the surname alone

    def _settle_state_bodies(self) -> None:
        """A state body named without its country ("the Ministry of Commerce", "Commerce Ministry" of
        "China’s Commerce Ministry") is that country's when the word right before a mention names the
        country, when the article names the body with its country elsewhere, or when it is in the title
        of a person whose country the article gives ("Foreign Ministry spokesperson NAME"); else it stays
        as written, an actor of this article only (which state it is, is not known)."""
        for actor in [a for a in self.book.actors.values() if a.kind == "organization" and is_bare_state_body(a.name)]:
            mentions = [m for m in self.book.mentions if m.key == actor.key]
            country = next((c for m in mentions if (c := self._country_before(m))), None)
            same_body = [a for a in self.book.actors.values() if a.kind == "organization" and a is not actor
                         and fold(a.name).endswith(" " + fold(actor.name)) and body_name(a.name)[1]]
            if country is None and len({a.key for a in same_body}) == 1:
                country = body_name(same_body[0].name)[1]
            if country is None:
                country = self._title_holder_country(mentions)
            if country is None:
                continue
            name = body_name(f"{country}'s {actor.name}")[0]
            target = self.book.named("organization", name)
            if target is None:
                actor.name = name
                actor.affiliations[country] += 1
                continue
            for mention in mentions:
                mention.key = target.key
                target.variants.setdefault(mention.text, None)
            del self.book.actors[actor.key]

    def _country_before(self, mention) -> str | None:
        """"China’s Commerce Ministry", "Beijing's Foreign Ministry", "the Japanese Foreign Ministry", "the
        ministry of foreign affairs of Peru" where the recogniser tagged the country apart: the country of
        the word right before the body, or of the name after its "of"."""
        doc = self.book.doc
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return None
        places = gazetteer()
        if span.end + 1 < len(doc) and doc[span.end].lower_ == "of":  # "the ministry of foreign affairs of Peru"
            start = span.end + 1 + (doc[span.end + 1].lower_ == "the")
            after = next((e for e in doc.ents if e.start == start and e.label_ == "GPE"), None)
            if after is not None and (country := places.country(after.text)):
                return country
        if span.start == 0:
            return None
        last = span.start - 1
        if doc[last].text in POSSESSIVE_MARKS and last > 0:
            last -= 1
        owner = next((e for e in doc.ents if e.end == last + 1 and e.label_ in ("GPE", "NORP")), None)
        text = owner.text if owner is not None else doc[last].text
        return places.country(text) or places.capital_of(text)

    def _title_holder_country(self, mentions) -> str | None:
        """The country of the person whose title holds the body: "Foreign Ministry spokesperson NAME"."""
        doc = self.book.doc
        for mention in mentions:
            after = [m for m in self.book.mentions if self.book.actors[m.key].kind == "person"
                     and mention.end <= m.start <= mention.end + MAX_TITLE_GAP
                     and not any(ch in self.book.text[mention.end:m.start] for ch in ",.;:()\"“”\n")]
            if after:
                country = self.book.actors[after[0].key].affiliation
                if country and gazetteer().is_country(country):
                    return country
        return None

    def _entity_pieces(self) -> list[Span]:
        """Entities of the actor labels, a photo credit "Name / AFP" split at the slash; a name the
        recogniser cut before its particle ("André Corrêa" of "André Corrêa do Lago") made whole; a
        person it took for an organisation ("delegate Ana Aguilar", "Yuriy Pikalov, a professor")
        relabelled."""
        pieces, taken = [], 0  # tokens before ``taken`` belong to an earlier piece
        for entity in self.book.doc.ents:
            if entity.label_ not in kinds.ENTITY_LABELS or entity.start < taken:
                continue
            cut = [t.i for t in entity if t.text == "/"]
            bounds = [entity.start, *[i for c in cut for i in (c, c + 1)], entity.end]
            for start, end in zip(bounds[::2], bounds[1::2]):
                if end > start:
                    end = self._particle_end(end, entity.label_)
                    if entity.label_ == "PERSON" and start == entity.start:
                        start = self._given_names_start(start, taken)
                        # "Uttam" of "Captain Uttam Kumar Devnath" tagged a place: that piece is the
                        # name's first word now, not a place of its own
                        while pieces and pieces[-1].end > start:
                            pieces.pop()
                    pieces.append(self._repaired(Span(self.book.doc, start, end, label=entity.label_)))
                    taken = end
        return sorted(pieces + untagged_set_off_names(self.book.doc), key=lambda piece: piece.start)

    def _repaired(self, piece: Span) -> Span:
        """The piece with its label (and extent) as the words around it say (``entity_repairs``): no -ing
        verb glued before it; a company after a business noun; a place after a settlement noun or named
        as a place elsewhere; a person set off after a job title; a place the article tags as one somewhere, or
        the place opening a dateline; a misread surname the book found speaking (``speaking_unplaced_names``);
        else a body's label."""
        doc = self.book.doc
        piece = without_leading_gerund(piece, self.book.place_names)
        if (company := business_name(piece)) is not None:
            return company
        text = piece.text
        after_the = piece.start > 0 and doc[piece.start - 1].lower_ == "the"  # "the Emirates": the country
        if text in self._company_names and not after_the:
            return Span(doc, piece.start, piece.end, label="ORG")
        if piece.label_ != "GPE" and text in self._context_places:
            return Span(doc, piece.start, piece.end, label="GPE")
        if piece.label_ in ("ORG", "FAC", "GPE", "NORP") and is_set_off_after_title(piece):
            return Span(doc, piece.start, piece.end, label="PERSON")
        if text in self.book.place_names or _opens_dateline(piece):
            return Span(doc, piece.start, piece.end, label="GPE")  # a dateline's place ("VELL, Ruritania -")
        if text in self.book.speaking_unplaced_names:
            return Span(doc, piece.start, piece.end, label="PERSON")
        return self._person_like(piece)

    def _names_by_context(self) -> tuple[frozenset[str], frozenset[str]]:
        """(companies, places) the article names by the words around one mention, for all its mentions:
        "the carrier Emirates" makes "an Emirates statement" the company's; "the town of NAME", or "air
        strikes on NAME" with NAME also somewhere ("in NAME"), make NAME a place; never a surname of a
        person the article names in full."""
        companies, places, struck, located = set(), set(), set(), set()
        for entity in self.book.doc.ents:
            if entity.label_ not in NAME_LABELS and entity.label_ != "GPE":
                continue
            text = entity.text
            if is_named_by_business_noun(entity):
                companies.add(text)
            if entity.label_ == "GPE" or text in self.book.person_surnames:
                continue
            if names_place_by_its_noun(entity):
                places.add(text)
            elif is_struck_place(entity):
                struck.add(text)
            elif is_located(entity):
                located.add(text)
        return frozenset(companies), frozenset(places | (struck & (located | places)))

    def _particle_end(self, end: int, label: str) -> int:
        """Past "do Lago", "van der Berg" after a person's name: lower-case particles, then a capitalised word."""
        doc = self.book.doc
        if label != "PERSON":
            return end
        probe = end
        while probe < len(doc) and doc[probe].lower_ in SURNAME_PARTICLES and doc[probe].is_lower:
            probe += 1
        if probe > end and probe < len(doc) and doc[probe].text[:1].isupper() and doc[probe].pos_ == "PROPN" \
                and doc[probe].ent_type_ in ("", "PERSON", "ORG") and doc[probe].ent_iob_ != "I":
            return probe + 1
        return end

    def _given_names_start(self, start: int, taken: int) -> int:
        """Before "Ali Khan" in "Foreign Office Spokesperson Shafqat Ali Khan", "Kumar Devnath" in "Group
        Captain Uttam Kumar Devnath": the recogniser cut a long name after a title, leaving its first given
        name untagged. Up to two capitalised proper nouns of no entity, right before the name and right
        after a title word, are the name's first words; a word that is a title, an occupation, a place or
        a word the article also writes in lower case is not a name."""
        doc = self.book.doc
        probe = start
        while probe > max(0, start - MAX_MISSED_GIVEN_NAMES) and _could_be_missed_given_name(
                doc[probe - 1], self.book.lower_case_words) and (probe - 1 >= taken or _lone_entity(doc[probe - 1])):
            probe -= 1
        if probe < start and probe > 0 and is_title_word(doc[probe - 1].text) and doc[probe - 1].text[:1].isupper():
            return probe
        return start

    def _person_like(self, piece: Span) -> Span:
        """An organisation-labelled name that the words around it call a person, with a missed given name
        before it: "Panama's delegate Ana Aguilar", "Yuriy Pikalov, a professor at ...", as a PERSON."""
        doc = self.book.doc
        if piece.label_ != "ORG" or len(piece) > 3 or not all(t.text[:1].isupper() for t in piece) \
                or any(t.lower_ in kinds.ORGANIZATION_HEADS or t.lower_ in kinds.ORGANIZATION_NAME_WORDS for t in piece) \
                or gazetteer().media_outlet(piece.text) or gazetteer().affiliation(piece.text):
            return piece
        start = piece.start
        while start > 0 and start > piece.start - 2 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_ \
                and doc[start - 1].text[:1].isupper() and fold(doc[start - 1].text) not in TITLE_WORDS \
                and not gazetteer().affiliation(doc[start - 1].text):
            start -= 1
        description = titles.describe_name(doc, start, piece.end)
        if any(kinds.role_head(role) in kinds.PERSON_ROLE_HEADS for role in description.roles):
            return Span(doc, start, piece.end, label="PERSON")
        return piece

    def person_name_span(self, span: Span) -> tuple[Span, list[str]] | None:
        """The name inside a PERSON span, without leading titles or a trailing possessive."""
        possessives = [t.i for t in span[:-1] if t.text in POSSESSIVE_MARKS]
        if possessives:  # "Fox News' Megyn Kelly": the name follows the owner
            span = self.book.doc[possessives[-1] + 1: span.end]
        cut = next((t.i for t in span if t.is_quote or t.text in ("(", "[")), span.end)
        span = self.book.doc[span.start: cut]
        if len(span) > 1 and span[0].lower_ in ("a", "an"):
            span = span[1:]
        words = [t.text for t in span]
        title_words, _ = strip_titles(words)
        start = span.start + len(title_words)
        end = span.end
        while end > start and (self.book.doc[end - 1].text in POSSESSIVE_MARKS or self.book.doc[end - 1].is_punct):
            end -= 1
        if end <= start or not clean_person_name(self.book.doc[start:end].text):
            return None
        return self.book.doc[start:end], [w.lower() for w in title_words]

    def _before_full_name(self, owner: ArticleActor, span: Span, name: str) -> ArticleActor:
        """A bare surname before the article's first full name with it ("Zelenskyy said ..." above "city
        councillor Oleh Zelenskyy") is its own actor, which the corpus gives to the established bearer of
        the surname, and to the article's namesake only when there is none (``local_bearer``)."""
        if len(owner.name.split()) < 2 or len(name.split()) != 1:
            return owner
        full = [m.start for m in self.book.mentions if m.key == owner.key and len(m.text.split()) > 1]
        if not full or span.start_char > min(full):
            return owner
        early = self._early.get(owner.key)
        if early is None:
            early = self._early[owner.key] = self.book.new_actor(name, "person")
            early.local_bearer = owner.key
        return early

    def _collect_unlabelled_surnames(self) -> None:
        """A surname the entity recogniser missed ("Trump later met ...") still belongs to its person."""
        surnames = {surname_word(a.name) for a in self.book.actors.values() if a.kind == "person" and len(a.name.split()) > 1}
        places = gazetteer()
        doc = self.book.doc
        for i in _tokens_written_as(doc, surnames):
            token = doc[i]
            if self.book.mention_at(i):
                continue
            # "Hoekstra told reporters" tagged a product or a place: the person, unless the word is a place
            if token.ent_type_ in kinds.ENTITY_LABELS or (token.ent_type_ and (
                    places.affiliation(token.text) or places.place(token.text) or token.text in self.book.place_names)):
                continue
            if token.pos_ == "PRON" and pronoun_kind(token.text) and not self._possessive_name(token):
                continue  # "He said" is the pronoun, though He is also the surname of He Lifeng
            span = self.book.doc[token.i: token.i + 1]
            if owner := self.surname_owner(span, token.text):
                self.book.add_person_mention(owner, span, [])

    def _possessive_name(self, token) -> bool:
        """"He’s delegation": a surname that looks like a pronoun, followed by a possessive and a noun."""
        doc = self.book.doc
        return token.i + 2 < len(doc) and doc[token.i + 1].text in POSSESSIVE_MARKS \
            and doc[token.i + 2].pos_ in ("NOUN", "PROPN")

    def _headline_ranges(self) -> list[tuple[int, int]]:
        """Lines in Title Case, where the recogniser glues verbs to names ("Hillary Asking Moderator")."""
        ranges, offset = [], 0
        for line in self.book.text.split("\n"):
            if not _is_lead_paragraph(line):  # checked first: most lines of a body are, and it is cheap
                words = [w for w in HEADLINE_WORD.findall(line) if w.lower() not in HEADLINE_LOWERCASE]
                if len(words) >= 3 and sum(w[0].isupper() for w in words) >= HEADLINE_SHARE * len(words):
                    ranges.append((offset, offset + len(line)))
            offset += len(line) + 1
        return ranges

    def _add_headline_full_name(self, span: Span, title_words: list[str], headline: list[tuple[int, int]]) -> bool:
        """A headline name whose start is a full name of the body, or whose surname the body uses with no
        other full name ("Hillary Clinton" over a body saying "Clinton"; not "Derelict Obama" over a body
        naming Barack Obama), is settled before the body's bare surnames."""
        for end in range(span.end, span.start + 1, -1):
            name = clean_person_name(self.book.doc[span.start:end].text)
            owner = next((a for a in self.book.actors.values() if a.kind == "person" and len(a.name.split()) > 1
                          and can_be_same_person(a.name, name)), None) if len(name.split()) > 1 else None
            if owner:
                self.book.add_person_mention(owner, self.book.doc[span.start:end], title_words)
                return True
        name = clean_person_name(span.text)
        surname = surname_word(name) if name else ""
        in_body = any(not _inside(m.start(), headline)
                      for m in re.finditer(rf"\b{re.escape(surname)}\b", self.book.text)) if surname else False
        namesake_in_body = any(a.kind == "person" and len(a.name.split()) > 1 and name
                               and name_parts(a.name)[1] == name_parts(name)[1] for a in self.book.actors.values())
        if len(name.split()) > 1 and in_body and not namesake_in_body:
            self.book.add_person_mention(self.person_for_full_name(name), span, title_words)
            return True
        return False

    def _add_headline_person(self, span: Span, title_words: list[str]) -> None:
        """The longest part of a headline name that is a person of the article body ("Derelict Obama" ->
        Obama); else a new person."""
        pieces = sorted(((start, end) for start in range(span.start, span.end) for end in range(start + 1, span.end + 1)),
                        key=lambda bounds: (bounds[0] - bounds[1], bounds[0]))
        for start, end in pieces:
            piece = self.book.doc[start:end]
            name = clean_person_name(piece.text)
            words = name.split()
            if len(words) >= 2:
                owner = next((a for a in self.book.actors.values() if a.kind == "person" and len(a.name.split()) > 1
                              and can_be_same_person(a.name, name)), None)
            else:
                owner = self.surname_owner(piece, name) or self._given_name_owner(name)
            if owner:
                self.book.add_person_mention(owner, piece, title_words)
                return
        name = clean_person_name(span.text)
        self.book.add_person_mention(self.person_for_full_name(name) if len(name.split()) > 1
                                 else self.surname_owner(span, name) or self.book.new_actor(name, "person"),
                                 span, title_words)

    def _given_name_owner(self, name: str) -> ArticleActor | None:
        """"Shehbaz" of Shehbaz Sharif, "Lula" of Luiz Inacio Lula da Silva, "Don" of a Donald: a one-word
        name that is a given name, or a form of it (``given_name_forms.csv``), of exactly one full name of
        the article."""
        folded, forms = fold(name), given_name_forms()
        owners = [a for a in self.book.actors.values() if a.kind == "person" and len(a.name.split()) > 1
                  and any(folded == given or (folded in forms and forms.get(given) == forms[folded])
                          for given in name_parts(a.name)[0].split())]
        return owners[0] if len(owners) == 1 else None

    def person_for_full_name(self, name: str) -> ArticleActor:
        given = name_parts(name)[0]
        folded = fold(name)
        for actor in self.book.actors.values():
            if actor.kind == "person" and len(actor.name.split()) > 1 and folded.endswith(" " + fold(actor.name)):
                return actor  # an epithet or first word glued to a known full name
        for actor in self.book.actors.values():
            if actor.kind == "person" and name_parts(actor.name)[0] and given \
                    and can_be_same_person(actor.name, name):
                return actor
        return self.book.new_actor(name, "person")

    def surname_owner(self, span: Span, name: str, title_words: list[str] = ()) -> ArticleActor | None:
        """The person a bare surname refers to: the one with that surname; among namesakes the one its
        title fits ("President Obama", "Mrs. Clinton"), else the one the bare surname last stood for, else
        the nearest before it."""
        if not name or name_parts(name)[0]:
            return None  # a surname is one word, or particles and a word ("El Sisi", "al-Hayya")
        owners = [a for a in self.book.actors.values() if a.kind == "person" and can_be_same_person(a.name, name)]
        if len(owners) <= 1:
            return owners[0] if owners else self._given_name_owner(name)
        owners = self._fitting_title(owners, span, title_words) or owners
        if len(owners) == 1:
            return owners[0]
        keys = {a.key for a in owners}
        before = [m for m in self.book.mentions if m.key in keys and m.start < span.start_char]
        # "Park Min-ho ... Park's term began ... candidate Park Ji-woo ... Park said": a namesake named in
        # full does not take over the bare surname the article already uses for someone
        bare = [m for m in before if fold(self.book.text[m.start:m.end]) == fold(name)]
        if bare or before:
            return self.book.actors[max(bare or before, key=lambda m: m.start).key]
        counts = {a.key: sum(m.key == a.key for m in self.book.mentions) for a in owners}
        return max(owners, key=lambda a: counts[a.key])  # before any namesake: the most mentioned one

    def _fitting_title(self, owners: list[ArticleActor], span: Span, title_words: list[str]) -> list[ArticleActor]:
        """The namesakes a surname's title fits: "President Obama" is not the one only called first lady."""
        description = titles.describe_name(self.book.doc, span.start - len(title_words), span.end)
        genders = {titles.GENDERED_WORDS[fold(w)] for w in title_words if fold(w) in titles.GENDERED_WORDS}
        genders |= set(description.genders)
        title = normalise_role(" ".join(w for w in title_words if fold(w) not in titles.HONORIFICS))
        roles = [role for role in [title, *description.roles] if role]
        fitting = owners
        if genders:
            fitting = [a for a in fitting if a.gender in genders]
        if roles:
            fitting = [a for a in fitting if any(kinds.role_head(r) == kinds.role_head(role)
                                                 for r in a.roles for role in roles)]
        return fitting if len(fitting) < len(owners) else []

    def _could_be_organisation(self, span: Span) -> bool:
        """Not "Export Controls", "Trade" or "Countries" (common nouns the article also writes in lower
        case, none of them a body's word like "parliament"), not an event or an agreement ("the Peace
        Summit", "the Paris Agreement"), not a place of the gazetteer ("Belém"), not a
        headline clause ("X Officially Declares End of ...", with a finite verb), not a person's full name
        with a word glued on ("China Kenji Kanasugi": a mention of that person instead)."""
        words = {t.lower_ for t in span}
        if is_common_noun_phrase(span, self.book.lower_case_words) and not words & kinds.ORGANIZATION_HEADS:
            return False
        if kinds.is_event(span) or span[-1].lower_ in kinds.AGREEMENT_WORDS:
            return False  # "the Peace Summit", "the Paris Agreement": an occasion or a text, no body
        text = span.text
        if gazetteer().place(text) or any(t.pos_ == "VERB" and t.tag_ in ("VBZ", "VBD", "VBP")
                                          for t in span[1:]):
            return False
        for actor in self.book.people():
            if len(actor.name.split()) > 1 and text.endswith(" " + actor.name):
                start = span.end_char - len(actor.name)
                self.book.add_mention(actor, start, span.end_char, span.root.i)
                return False
        return True

    def _without_dangling_words(self, span: Span) -> Span:
        """"Ministry of Commerce and", "Tariff of": a name cut after a connecting word ends before it;
        "Later the Foreign Ministry": a sentence's opening adverb is not part of the name; nor is a bracket
        the recogniser left open ("Framework Convention (COP30")."""
        doc = self.book.doc
        the = next((t.i for t in span[1:4] if t.lower_ == "the"), None)
        if the is not None and all(t.pos_ in ("ADV", "CCONJ", "SCONJ") for t in doc[span.start:the]):
            span = doc[the + 1: span.end]
        opened = next((t.i for t in span[1:] if t.text in ("(", "[") and not any(c.text in (")", "]") for c in span)), None)
        if opened is not None:  # "... Convention on Climate Change (COP30": the name ends before the bracket
            span = doc[span.start:opened]
        end = span.end
        while end > span.start + 1 and self.book.doc[end - 1].lower_ in ("of", "and", "for", "the", "on", "&"):
            end -= 1
        return self.book.doc[span.start:end] if end != span.end else span

    def _add_other_entity(self, span: Span) -> None:
        label = "ORG" if span.label_ == "PERSON" else span.label_
        title_only = span.label_ == "PERSON" and all(is_title_word(t.text) for t in span if t.is_alpha)
        if label == "ORG" and is_title_before_name(span):
            return  # "Air Force Group Captain NAME": the person's title (``titles`` reads it as the role)
        if is_title_phrase(span) or title_only:
            # "US President", "Environment Minister" tagged as an organisation: the person holding the job
            if holder := title_phrase_holder(self.book, span):
                self.book.add_mention(holder, span.start_char, span.end_char, span.root.i)
            return
        if label == "ORG" and (titles.is_title_portfolio(span) or not self._could_be_organisation(span)):
            return
        span = self._without_dangling_words(span)
        if web_name := glued_web_name(span):
            found = kinds.EntityKind("media", web_name, None)
        elif label == "ORG" and span.text in self._company_names:
            found = kinds.EntityKind("organization", span.text, None)  # "Emirates" of "the carrier Emirates"
        else:
            found = kinds.entity_kind(label, span.text, is_agent=span.root.dep_ in AGENT_DEPS,
                                      place_preposition=kinds.place_preposition(span))
        if found is None:
            return
        found = body_kind(found)
        actor = next((a for a in self.book.actors.values() if a.kind == found.kind and fold(a.name) == fold(found.name)),
                     None) or self.book.new_actor(found.name, found.kind)
        if found.affiliation:
            actor.affiliations[found.affiliation] += 1
        start, end = span.start_char, span.end_char
        text = self.book.text[start:end]
        if text.endswith(("'s", "’s")):
            end -= 2
        self.book.add_mention(actor, start, end, span.root.i)
