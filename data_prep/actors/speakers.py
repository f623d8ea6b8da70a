"""The speaker resolver: the actor behind each quote's source phrase. A pronoun goes to the pronoun
resolver; otherwise a named mention at the head of the phrase, a job title linked to its holder, or a new
anonymous source, group, organisation or person named by the phrase (made by ``phrase_actors``)."""
from __future__ import annotations

from spacy.tokens import Span

from data_prep.actors import documents, kinds, titles
from data_prep.actors.book import PLACE_LABELS, ArticleActor, MentionBook
from data_prep.actors.descriptions import headline_title_holder, link_description, named_body, title_phrase_holder
from data_prep.actors.gazetteer import gazetteer
from data_prep.actors.entities import EntityCollector
from data_prep.actors.entity_repairs import is_business_noun, title_of_set_off_name
from data_prep.actors.naming import clean_person_name, fold, is_title_word
from data_prep.actors.phrase_actors import PhraseActors
from data_prep.actors.pronouns import PronounResolver
from data_prep.actors.textual import (could_be_personal_name, demonym_gender, glued_web_name, is_title_phrase,
                                      is_title_reference, person_demonym)
from data_prep.labels import pronoun_kind
from data_prep.quote_record import QuoteRecord

# "One of them", "one of the officials": a member of an unnamed source.
MEMBER_WORDS = {"one", "two", "three", "some", "several", "many", "most", "another", "none"}
# Kinds that speak jointly ("Germany and France said", "Witkoff and Kushner said").
JOINT_SPEAKER_KINDS = {"person", "organization", "country", "media"}
# Kinds a common noun right before a name can describe ("her rival NAME", "carmaker NAME", "the broadcaster NAME").
DESCRIBED_KINDS = {"person", "organization", "media", "country"}
# Kinds of source that relay what another said ("the Courier reported ..., citing NAME").
RELAYING_KINDS = {"media", "organization"}
CITABLE_KINDS = JOINT_SPEAKER_KINDS  # whoever can speak can be the source an outlet cites
ORDINAL_REFERENCES = {"former", "latter"}  # "the former said": the first of a pair just named
OTHER_ONE_WORDS = {"another"}  # "One official said ... Another said": a second unnamed source of that kind
MAX_SENTENCES_TO_OTHER_ONE = 2
MAX_TITLE_TO_NAME = 60  # characters between a bare title and the cue that may hold the name
MAX_DOCUMENT_CHAIN = 3  # "the statement" -> "a statement" before it -> ...


def _indefinite(span: Span) -> bool:
    """"a senior diplomat", "two envoys", "some ministers": an unnamed source, not a reference to a holder."""
    return span.root.tag_ in ("NNS", "NNPS") or any(
        t.lower_ in ("a", "an", "one", "some", "several", "another", "many") or t.dep_ == "nummod"
        for t in span if t.i < span.root.i)


def _is_age_epithet(span: Span, root) -> bool:
    """"the 24-year-old" (heading the phrase, no noun after it): one person called by age, whom the
    article named before; "a 24-year-old" is someone new, "the 24-year-old striker" a title."""
    return root.lower_ == "old" and span[0].lower_ == "the" and any(
        child.lower_ in ("year", "years") and any(grand.like_num for grand in child.children) for child in root.children)


class SpeakerResolver:
    def __init__(self, book: MentionBook, entities: EntityCollector, pronouns: PronounResolver):
        self.book = book
        self.entities = entities
        self.pronouns = pronouns
        self.phrase_actors = PhraseActors(book, pronouns)
        # The last quote resolved so far (quotes come in text order): its end and its speaker, which a
        # definite "the statement" with nothing else to point back to continues.
        self._previous_quote: tuple[int, ArticleActor | None] | None = None

    def speaker_key(self, quote: QuoteRecord) -> str | None:
        key = self._speaker_key(quote)
        actor = self.book.actors.get(key) if key else None
        if actor is not None and actor.kind in RELAYING_KINDS and (cited := self._cited_source(quote)) is not None:
            key = cited.key  # "the Courier (or: it) reported that ..., citing NAME": NAME's claim
        if quote.spans:
            self._previous_quote = (max(end for _, end in quote.spans), self.book.actors.get(key) if key else None)
        return key

    def _speaker_key(self, quote: QuoteRecord) -> str | None:
        if quote.speaker is None:
            return None
        start, end = quote.speaker
        if quote.speaker_is_pronoun or pronoun_kind(self.book.text[start:end]):
            token = self._token_at(start)
            # "... according to a statement from the ministry. It said ...": the statement's issuer
            document = self.pronouns.document_antecedent(token)
            actor = self._document_source(document) if document is not None else self.pronouns.resolve(token)
            if actor is None and (noun_phrase := self.pronouns.noun_antecedent(token)):
                actor = self.phrase_actors.unnamed(noun_phrase)
            if actor:
                self.book.add_mention(actor, start, end, self._token_at(start))
            return actor.key if actor else None
        if quote.headline and (title := self._headline_title(quote)) is not None:
            holder = headline_title_holder(self.book, title)
            if holder is not None:
                self.book.add_mention(holder, title.start_char, title.end_char, title.root.i)
                return holder.key
            if title.root.lemma_.lower() not in kinds.ANONYMOUS_HEADS:
                return None  # "Brazilian leader" that the body names no one for: unresolved, not a guess
            # "Kremlin aide says ..." with no aide named in the body: the unnamed source it says
        actor = self._named_after_title(quote) or self._named_in_apposition(quote) or self._appositive_person(quote) \
            or self._actor_for_phrase(*(quote.speaker_name or quote.speaker))
        return actor.key if actor else None

    def _cited_source(self, quote: QuoteRecord) -> ArticleActor | None:
        """"The Courier reported that ..., citing NAME": the outlet only relays the claim; its source is
        the one it cites (as the realnews gold credits "X, the agency reported" words to X's source). A
        named actor or an unnamed source ("citing two officials"); a cited thing ("citing costs"), no one."""
        if quote.cue is None:
            return None
        cue = self.book.doc[self._token_at(quote.cue[0])]
        heads = [cue, *(child for child in cue.children if child.dep_ in ("ccomp", "xcomp", "conj"))]
        citing = [child for head in heads for child in head.children
                  if child.lower_ == "citing" and child.dep_ in ("advcl", "xcomp", "conj") and child.i > cue.i]
        cited = [child for verb in citing for child in verb.children if child.dep_ == "dobj"]
        if len(cited) != 1:
            return None
        source = cited[0]
        if (actor := self.book.actor_of_token(source.i)) is not None:
            return actor if actor.kind in CITABLE_KINDS else None
        if source.pos_ != "NOUN" or kinds.common_noun_kind(source.lemma_, source.tag_ == "NNS", False) \
                not in ("anonymous", "organization"):
            return None
        phrase = self.book.doc[source.left_edge.i:source.i + 1]
        return self._actor_of_phrase(phrase, source)

    def _headline_title(self, quote: QuoteRecord) -> Span | None:
        """A headline's source that is a job title and no name ("EU climate chief", "Kremlin aide")."""
        span = self.book.doc.char_span(*quote.speaker, alignment_mode="expand")
        if span is None or any(t.ent_type_ == "PERSON" for t in span) or _indefinite(span):
            return None
        unnamed_title = span.root.tag_ == "NN" and span.root.lemma_.lower() in kinds.ANONYMOUS_HEADS
        return span if is_title_reference(span) or is_title_phrase(span) or unnamed_title else None

    def _named_in_apposition(self, quote: QuoteRecord) -> ArticleActor | None:
        """"the Environment Minister, Anna Berg, said": a job title whose apposition names one person."""
        span = self.book.doc.char_span(*quote.speaker, alignment_mode="expand")
        # a comma token, not one inside a word ("the 1,000-member union")
        comma = next((t.i for t in span if t.text == ","), None) if span is not None else None
        if comma is None:
            return None
        title = self.book.doc[span.start:comma]
        if not len(title) or title.root.ent_type_ == "PERSON" or not (
                title.root.lower_ in kinds.ROLE_HEADS or is_title_word(title.root.text)):
            return None
        people = {m.key for m in self.book.mentions if span[comma - span.start].idx < m.start and m.end <= span.end_char
                  and self.book.actors[m.key].kind == "person"}
        return self.book.actors[people.pop()] if len(people) == 1 else None

    def _appositive_person(self, quote: QuoteRecord) -> ArticleActor | None:
        """"the Director General of the postal union, Hana Kowal, said": a job title whose apposition,
        past the source phrase the quote stage kept, is a named person."""
        span = self.book.doc.char_span(*quote.speaker, alignment_mode="expand")
        if span is None or span.root.lemma_.lower() not in kinds.ROLE_HEADS or span.root.tag_ in ("NNS", "NNPS"):
            return None
        people = [actor for child in span.root.children if child.dep_ == "appos" and child.i >= span.end
                  and (actor := self.book.actor_of_token(child.i)) is not None and actor.kind == "person"]
        return people[0] if len(people) == 1 else None

    def _named_after_title(self, quote: QuoteRecord) -> ArticleActor | None:
        """"the rebel commander in Tarnow Ivo Delacruz announced": a bare job title as the source, the person's
        name between it and the cue (the parse cut the phrase before the name)."""
        start, end = quote.speaker
        span = self.book.doc.char_span(start, end, alignment_mode="expand")
        if quote.cue is None or span is None or span.root.lemma_.lower() not in kinds.ROLE_HEADS \
                or span[0].lower_ in ("the", "a", "an") or not 0 < quote.cue[0] - end <= MAX_TITLE_TO_NAME:
            return None
        between = self.book.text[end:quote.cue[0]]
        if any(mark in between for mark in ",;:\n\"“”"):
            return None
        people = {m.key for m in self.book.mentions if end <= m.start and m.end <= quote.cue[0]
                  and self.book.actors[m.key].kind == "person"}
        return self.book.actors[people.pop()] if len(people) == 1 else None

    def co_speaker_keys(self, quote: QuoteRecord, speaker_key: str | None) -> list[str]:
        """"Witkoff and Kushner said": the actors of the source's other coordinated heads, who said it too."""
        if quote.speaker is None or speaker_key is None or quote.speaker_is_pronoun:
            return []
        span = self.book.doc.char_span(*quote.speaker, alignment_mode="expand")
        if span is None:
            return []
        if people := self._people_after_plural_title(span, span.root):
            return [actor.key for actor in people if actor.key != speaker_key]
        keys = []
        for conjunct in span.root.conjuncts:
            if not span.start <= conjunct.i < span.end:
                continue
            # "his Turkish counterpart Emre Kaya": a description right before the name is that person
            actor = self.book.actor_of_token(conjunct.i) or self._person_after_title(span, conjunct)
            if actor is not None and actor.key != speaker_key and actor.key not in keys \
                    and actor.kind in JOINT_SPEAKER_KINDS:
                keys.append(actor.key)
        split = self._subject_split_off(span)
        if split is not None and split.key != speaker_key and split.key not in keys:
            keys.append(split.key)
        return keys

    def _subject_split_off(self, span: Span) -> ArticleActor | None:
        """"Wenger and Klinsmann said" at a paragraph's start, parsed as "Wenger" on its own and a source
        "Klinsmann": the name before "and" that opens the sentence is a joint speaker too (never an object
        in the middle of a clause: "X met Y and Klinsmann said")."""
        doc = self.book.doc
        if span.start < 2 or doc[span.start - 1].lower_ != "and":
            return None
        before = doc[span.start - 2]
        mention = next((m for m in self.book.mentions if m.end == before.idx + len(before.text)), None)
        if mention is None or self.book.actors[mention.key].kind not in JOINT_SPEAKER_KINDS:
            return None
        opening = self.book.text[:mention.start].rstrip(" ")
        if opening and not opening.endswith(("\n", ".", "!", "?")):
            return None
        return self.book.actors[mention.key]

    def _people_after_plural_title(self, span: Span, root) -> list[ArticleActor]:
        """"Presidents A and B", "US envoys C and D": a plural job title before two or more named people
        is all of them speaking."""
        word = root.lower_
        if not word.endswith("s") or not (root.lemma_.lower() in kinds.ROLE_HEADS or word[:-1] in kinds.ROLE_HEADS):
            return []
        people: list[ArticleActor] = []
        for token in span:
            if token.i > root.i and token.ent_type_ == "PERSON" and (actor := self.book.actor_of_token(token.i)) \
                    and actor.kind == "person" and actor not in people:
                people.append(actor)
        return people if len(people) >= 2 else []

    def _title_apposition(self, root) -> ArticleActor | None:
        """"Force Public Relations Officer, ACP NAME," as a document's issuer or a source phrase: a job
        title whose apposition is one named person is that person; also when the parse hangs the name on
        the title's "of" body ("The Governor of the Central Bank, NAME, said")."""
        if not (root.lemma_.lower() in kinds.ROLE_HEADS or is_title_word(root.text)) or root.tag_ in ("NNS", "NNPS"):
            return None
        apposed = [child for child in root.subtree if child.dep_ == "appos" and child.i > root.i
                   and (child.head.i == root.i or (title := title_of_set_off_name(child)) is not None
                        and title.i == root.i)]
        return self._the_one_actor_of(apposed, ("person",))

    def _apposed_company(self, root) -> ArticleActor | None:
        """"The broadcaster, Kanton, said": a business noun whose apposition is one named body is that body."""
        if not is_business_noun(root) or root.tag_ in ("NNS", "NNPS"):
            return None
        apposed = [child for child in root.children if child.dep_ == "appos" and child.i > root.i]
        return self._the_one_actor_of(apposed, ("organization", "media"))

    def _the_one_actor_of(self, tokens, kinds_wanted: tuple[str, ...]) -> ArticleActor | None:
        """The one actor of ``kinds_wanted`` the tokens are mentions of; none or several: None."""
        found = {actor.key: actor for token in tokens
                 if (actor := self.book.actor_of_token(token.i)) is not None and actor.kind in kinds_wanted}
        return next(iter(found.values())) if len(found) == 1 else None

    def _person_after_title(self, span: Span, root) -> ArticleActor | None:
        """"... spokeswoman Mao Ning (毛寧)" parsed with the title as its head: the one person named after
        the title inside the phrase."""
        doc = self.book.doc
        if root.tag_ in ("NNS", "NNPS") or root.i + 1 >= span.end or not (
                root.lemma_.lower() in kinds.PERSON_ROLE_HEADS or root.pos_ == "NOUN"):
            return None  # "the spokesman for Senator Warren" is not Warren: the name must follow the title
        # any description right before the name ("her rival Mark Ruiz"); a common noun must have the name
        # run to the end of the phrase
        to_end = root.lemma_.lower() not in kinds.PERSON_ROLE_HEADS
        # "aircraft manufacturer Boeing", "rights group Amnesty": a common noun describes a body just as well
        allowed = {"person"} if not to_end else DESCRIBED_KINDS
        people = {m.key for m in self.book.mentions if m.start == doc[root.i + 1].idx and m.end <= span.end_char
                  and (not to_end or m.end >= span[-1].idx + len(span[-1]) - 1)
                  and self.book.actors[m.key].kind in allowed}
        return self.book.actors[people.pop()] if len(people) == 1 else None

    def _token_at(self, char: int) -> int:
        span = self.book.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else 0

    def _actor_for_phrase(self, start: int, end: int) -> ArticleActor | None:
        """The actor a speaker phrase names: a mention at its head, a linked description, a document's
        issuer, or a new anonymous source, group or organisation."""
        span = self.book.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not span.text.strip():
            return None
        return self._actor_of_phrase(span, span.root)

    def _leading_person(self, span: Span) -> ArticleActor | None:
        """"Lula then targeted X and Y, stating ...": a source phrase the parse made a clause, opening with
        a person's name and a verb or adverb; the name is the subject."""
        mention = next((m for m in self.book.mentions if m.start == span.start_char), None)
        actor = self.book.actors[mention.key] if mention is not None else None
        end = self._token_at(mention.end - 1) + 1 if mention is not None else span.start + 1
        if actor is None and span[0].text[:1].isupper() and span[0].is_alpha:
            actor = self.entities.surname_owner(span[:1], span[0].text)
        if actor is None or actor.kind != "person" or end >= span.end:
            return None
        follower = self.book.doc[end]
        return actor if follower.tag_.startswith(("VB", "RB")) and follower.is_lower else None

    def _actor_of_phrase(self, span: Span, root) -> ArticleActor | None:
        if root.pos_ in ("VERB", "AUX") or (len(span) > 3 and root.i > span.start and root.pos_ == "NOUN"
                                            and root.is_lower and span[0].text[:1].isupper()):
            if person := self._leading_person(span):
                return person
        if kinds.is_event(span):
            return None  # "The discussions highlighted ...", "the summit said", "COP30 must": no one in particular
        if (country := person_demonym(root)) is not None:
            return self._called_by_nationality(span, root, country)
        if _is_age_epithet(span, root):
            return self._called_by_age(span, root)
        if root.lower_ in ORDINAL_REFERENCES and len(span) == 2 and span[0].lower_ == "the":
            return self._former_or_latter(span, root)
        if len(span) == 1 and root.lower_ in OTHER_ONE_WORDS:
            return self._another_unnamed(span, root)
        # Only a mention at the head speaks: in "Trump's spokesman" or "the Clinton campaign" Trump and
        # Clinton are not the speaker.
        for mention in sorted(self.book.mentions, key=lambda m: m.end - m.start):
            if mention.start <= root.idx < mention.end:
                return self.book.actors[mention.key]
        if people := self._people_after_plural_title(span, root):
            return people[0]  # the others are co-speakers
        if person := self._title_apposition(root):
            return person
        if company := self._apposed_company(root):
            return company
        if person := self._person_after_title(span, root):
            return person
        if pronoun_kind(span.text):
            return None
        if (member := self._member_of(span, root)) is not None:
            return member
        if root.lemma_.lower() == "side" and root.tag_ == "NN":
            # "the Chinese side said", "the Japanese side": that country, as state media write it
            country, _ = titles.span_affiliation(span)
            if country and gazetteer().is_country(country):
                return self.phrase_actors.of_kind(kinds.EntityKind("country", country, country), span)
            return None
        if (root.ent_type_ in PLACE_LABELS or span.text in self.book.place_names) \
                and not kinds.entity_kind("GPE", span.text, is_agent=True):
            return None  # "Gyeongju, South Korea" (a dateline), "Gaza": places do not speak
        if documents.is_document(root):
            return self._document_source(root, span)
        if linked := link_description(self.book, span) or named_body(self.book, span):
            if linked.kind != "person":
                self.book.add_mention(linked, span.start_char, span.end_char, root.i)
            return linked
        if (is_title_reference(span) or is_title_phrase(span)) and not _indefinite(span) and (
                span[0].lower_ in ("the", "this", "that") or root.lemma_.lower() not in kinds.ANONYMOUS_HEADS):
            # "the president said", "Brazilian leader", "the US President" with no holder named: unresolved,
            # never an actor called "President"; "a senior diplomat", "Trump's spokesman" are anonymous sources
            holder = title_phrase_holder(self.book, span) if is_title_phrase(span) else None
            if holder is None and root.lemma_.lower() in kinds.ANONYMOUS_HEADS and span[0].lower_ == "the" \
                    and root.tag_ == "NN":
                return self.phrase_actors.unnamed(span, root)  # "the US official" after "a US official": unnamed
            if holder is not None:
                # a mention of the holder, so a "She added" after "The Prime Minister said" is her too, not
                # the person named before the title
                self.book.add_mention(holder, span.start_char, span.end_char, root.i)
            return holder
        if root.pos_ == "PROPN" and all(t.text[:1].isupper() or t.is_punct for t in span if t.dep_ != "det"):
            return self._proper_name_speaker(span)
        if span[0].text[:1].isupper() and (outlet := gazetteer().media_outlet(span.text)):
            return self.phrase_actors.of_kind(kinds.EntityKind("media", outlet, None), span)  # "Axios", parsed as a noun
        if kinds.common_noun_kind(root.lemma_, root.tag_ in ("NNS", "NNPS"), False) is None:
            return None  # "peace", "the agreement", "many": no actor the reader could follow
        return self.phrase_actors.unnamed(span, root)

    def _called_by_nationality(self, span: Span, root, country: str) -> ArticleActor | None:
        """"The Spaniard also said", "the Frenchman added": an epithet standing for one person named before.
        The one person the article gives that country, else the person a "he"/"she" here would be when the
        article gives them no other country; else no one, never a group called "Spaniard". "A Spaniard
        said" is one unnamed person."""
        if _indefinite(span):
            return self.phrase_actors.unnamed(span, root, kind="anonymous")
        before = {m.key for m in self.book.mentions if m.end <= span.start_char}
        people = [a for a in self.book.people() if a.key in before]
        of_country = [a for a in people if country in a.affiliations]
        if len(of_country) == 1:
            found = of_country[0]
        else:
            found = self.pronouns.person_antecedent(root.i, demonym_gender(root))
            if found is None or (found.affiliations and country not in found.affiliations) or of_country:
                return None
        self.book.add_mention(found, span.start_char, span.end_char, root.i)
        return found

    def _called_by_age(self, span: Span, root) -> ArticleActor | None:
        """"Striker NAME scored twice. The 24-year-old said ...": the person a "he"/"she" here would stand
        for (the subject the search back finds), recorded as a mention of them so the next pronoun follows;
        an unnamed person there ("A man was hurt. The 30-year-old said"), no one."""
        found = self.pronouns.person_antecedent(root.i, None)
        if found is not None:
            self.book.add_mention(found, span.start_char, span.end_char, root.i)
        return found

    def _another_unnamed(self, span: Span, root) -> ArticleActor | None:
        """"One official said ... Another said": a new unnamed source of the kind the nearest unnamed
        speaker before it (in this sentence or the two before) is; none, no one."""
        doc = self.book.doc
        number = self.pronouns.sentence_index(root.i)
        first = doc[self.pronouns.sentence_starts[max(number - MAX_SENTENCES_TO_OTHER_ONE, 0)]].idx \
            if self.pronouns.sentence_starts else 0
        earlier = [m for m in self.book.mentions if first <= m.start < span.start_char
                   and self.book.actors[m.key].kind == "anonymous" and self.book.actors[m.key].head_lemma]
        if not earlier:
            return None
        lemma = self.book.actors[max(earlier, key=lambda m: m.start).key].head_lemma
        actor = self.book.new_actor(f"another {lemma}", "anonymous")
        actor.head_lemma = lemma
        actor.roles[lemma] += 1
        self.book.add_mention(actor, span.start_char, span.end_char, root.i)
        return actor

    def _former_or_latter(self, span: Span, root) -> ArticleActor | None:
        """"India and Pakistan traded fire as the former blamed ...": the first (or, for "the latter", the
        second) of the last pair of actors joined by "and" in this sentence or the one before; no such
        pair, no one."""
        doc = self.book.doc
        number = self.pronouns.sentence_index(root.i)
        first = doc[self.pronouns.sentence_starts[max(number - 1, 0)]].idx if self.pronouns.sentence_starts else 0
        pairs = []
        for mention in self.book.mentions:
            if not first <= mention.start < span.start_char:
                continue
            for conj in doc[mention.root].conjuncts:
                other = self.book.actor_of_token(conj.i)
                if conj.i > mention.root and conj.idx < span.start_char and other is not None \
                        and other.key != mention.key:
                    pairs.append((conj.i, self.book.actors[mention.key], other))
        if not pairs:
            return None
        _, former, latter = max(pairs, key=lambda pair: pair[0])
        found = former if root.lower_ == "former" else latter
        self.book.add_mention(found, span.start_char, span.end_char, root.i)
        return found

    def _member_of(self, span: Span, root) -> ArticleActor | None:
        """"One of them said", "one of the officials", "one of whom": an unnamed member of the unnamed
        source the phrase after "of" names (the same anonymous source when it is one), else an unnamed
        source of its own named as written; a member of a named body, group or country is unnamed too."""
        if root.lower_ not in MEMBER_WORDS:
            return None
        of = next((child for child in root.children if child.dep_ == "prep" and child.lower_ == "of"), None)
        inner = next((child for child in of.children if child.dep_ == "pobj"), None) if of is not None else None
        if inner is None:
            return None
        if pronoun_kind(inner.text) in ("plural", "relative"):
            whole = self.pronouns.resolve(inner.i)
            if whole is None and (phrase := self.pronouns.noun_antecedent(inner.i)) is not None:
                whole = self.phrase_actors.unnamed(phrase)
        else:
            whole = self._actor_of_phrase(self.book.doc[inner.left_edge.i: inner.i + 1], inner)
        if whole is None or whole.kind == "person":
            return None
        if whole.kind == "anonymous":
            self.book.add_mention(whole, span.start_char, span.end_char, root.i)
            return whole
        return self.phrase_actors.unnamed(span, root, kind="anonymous")

    def _document_source(self, document, span: Span | None = None, depth: int = 0) -> ArticleActor | None:
        """Whoever issued a statement, communiqué or readout; for "the statement" with no issuer of its
        own, the issuer of the document named before it; else the document itself, as an unnamed source."""
        doc = self.book.doc
        found = documents.issuer(document)
        if found and found[0].i != document.i:  # "tweet tweet": a document is not its own issuer
            head, first = found
            if head.pos_ == "PRON":
                actor = self.pronouns.resolve(head.i)
            elif head.pos_ == "NOUN" and any(t.dep_ == "det" and t.lower_ in ("a", "an") for t in head.children):
                actor = None  # "signed by a group of states": no one a reader could check; the document speaks
            else:
                actor = self._actor_of_phrase(doc[first: head.i + 1], head)
            if actor is not None:
                return actor
        # A document with issuer words of its own that name no actor ("the Belem Declaration": a place), or
        # with a name of its own, is not the one before it: the chain back stops there.
        named_document = document.pos_ == "PROPN" or (found is not None and found[0].i != document.i)
        if not named_document and (span is None or documents.is_definite(document)):
            start = span.start if span is not None else document.left_edge.i
            earlier = documents.earlier_document(doc, start, self.pronouns.sentence_starts)
            if earlier is None and documents.is_definite(document):
                earlier = documents.same_document_before(doc, document)
            if earlier is not None and depth < MAX_DOCUMENT_CHAIN:
                return self._document_source(earlier, None, depth + 1)
            if earlier is None and span is not None and (reporter := self._reported_just_before(span)):
                return reporter
        # "reports said", "a statement said" with no issuer named: an unnamed source, like "a source said"
        return self.phrase_actors.unnamed(span if span is not None else doc[document.left_edge.i: document.i + 1], document,
                                   kind="anonymous")

    def _reported_just_before(self, span: Span) -> ArticleActor | None:
        """"NAME said the man was charged. He had two prior convictions, the statement said.": a definite
        document no one was said to issue and no document before it is the statement of the speaker
        whose words the sentence before reports, in the same paragraph; the article named its issuer as
        that speaker. Anyone else, or a paragraph break between, and the document stays unnamed."""
        if self._previous_quote is None:
            return None
        previous_end, actor = self._previous_quote
        if actor is None or actor.kind not in ("person", "organization", "country"):
            return None
        starts = self.pronouns.sentence_starts
        number = self.pronouns.sentence_index(span.start)
        sentence_before_start = self.book.doc[starts[number - 1]].idx if number > 0 else 0
        if not sentence_before_start <= previous_end <= span.start_char:
            return None
        return actor if "\n" not in self.book.text[previous_end:span.start_char] else None

    def _proper_name_speaker(self, span: Span) -> ArticleActor:
        """A capitalised speaker phrase the recogniser missed: an outlet or institution by the gazetteer,
        "the ..." an organisation, otherwise a person when it has at least two words."""
        if web_name := glued_web_name(span):  # "Caliber.Az reported": the outlet, never a person "Az"
            found = kinds.EntityKind("media", web_name, None)
        else:
            found = kinds.entity_kind("ORG", span.text, is_agent=True)
        if found and (found.kind != "organization" or span[0].lower_ == "the"):
            return self.phrase_actors.of_kind(found, span)
        same_name = next((a for a in self.book.actors.values() if fold(a.name) == fold(span.text)), None)
        if same_name:  # "Politifact" for the PolitiFact recognised elsewhere in the article
            self.book.add_mention(same_name, span.start_char, span.end_char, span.root.i)
            return same_name
        named = self.entities.person_name_span(span)
        if named and is_title_word(named[0][-1].text):
            # "Force Public Relations Officer" with no name: a title is its holder or no one, never a person
            return title_phrase_holder(self.book, span)
        if named and len(clean_person_name(named[0].text).split()) >= 2:
            actor = self.entities.person_for_full_name(clean_person_name(named[0].text))
            self.book.add_person_mention(actor, *named)
            return actor
        if named and not span.root.ent_type_ and could_be_personal_name(named[0], self.book.lower_case_words):
            # A lone capitalised word that speaks ("PENCE:", "Trump said") is a person's name.
            name = clean_person_name(named[0].text)
            actor = self.entities.surname_owner(named[0], name, named[1]) \
                or self.entities.untagged_full_name(named[0]) or self.book.new_actor(name, "person")
            self.book.add_person_mention(actor, *named)
            return actor
        root = span.root
        if kinds.common_noun_kind(root.lemma_, root.tag_ in ("NNS", "NNPS"), root.pos_ == "PROPN") is None:
            return None  # "Belem": a capitalised word that is neither a person, a body nor a group
        return self.phrase_actors.unnamed(span)
