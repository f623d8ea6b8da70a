"""The pronoun resolver, the only one: which actor a pronoun stands for: "who" by the parse, "he"/"she"
by a recency-and-subject search back through the article that respects what the text says about each
person's pronoun, the owner of "his office" by the one person of that pronoun named just before, and
the document an "It said" takes up. Every stage that needs a pronoun's antecedent asks this class."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from data_prep.actors import documents, kinds
from data_prep.actors.book import QUOTED, ArticleActor, Mention, MentionBook
from data_prep.actors.naming import GENDERED_WORDS
from data_prep.labels import SUBJECT_DEPS, pronoun_kind
from data_prep.non_agents import NON_AGENT_NOUNS

SENTENCES_BACK = 4
# Nouns for one person that a he/she can stand for ("The woman said she ..."); the pronoun a noun takes
# is in ``naming.GENDERED_WORDS`` (none there: either).
PERSON_NOUNS = frozenset({
    "woman", "girl", "mother", "wife", "daughter", "sister", "lady", "grandmother", "widow", "spokeswoman",
    "businesswoman", "congresswoman", "man", "boy", "father", "husband", "son", "brother", "gentleman",
    "grandfather", "widower", "spokesman", "businessman", "congressman", "official", "officer", "spokesperson",
    "person", "resident", "voter", "worker", "witness", "lawyer", "doctor", "teacher", "student", "source", "aide",
    "adviser", "advisor", "diplomat"})
MAX_CLIMB = 4
PLURAL_KINDS = {"anonymous", "group"}
NEUTER_KINDS = {"organization", "country", "media"}


def gendered_pronoun_indices(doc: Doc) -> list[int]:
    """Indices of the tokens whose ``pronoun_kind`` is male or female, from the document's array of token
    texts (hashes), each distinct text looked up once: found once per article for the pronoun scans of the
    actor stage, which otherwise read every token's text, three times."""
    if not len(doc):
        return []
    texts = doc.to_array(ORTH).tolist()
    strings = doc.vocab.strings
    wanted = {orth for orth in set(texts) if pronoun_kind(strings[orth]) in ("male", "female")}
    return [i for i, orth in enumerate(texts) if orth in wanted] if wanted else []


class PronounResolver:
    """Over one article's mention book. Before the speakers are resolved it also reads what the pronouns
    say about the people named (``name_people_by_pronouns``, ``collect_gender_votes``)."""

    def __init__(self, book: MentionBook):
        self.book = book
        self.doc = book.doc
        self.sentence_starts = [sentence.start for sentence in self.doc.sents]
        self._gendered = gendered_pronoun_indices(self.doc)
        # where quotes name their speakers: a speaker the parse did not make a subject ("According to X, NAME,
        # speaking ..., said") is one all the same
        self._speaker_spans = [quote.speaker_name for quote in book.quotes if quote.speaker_name]

    def _names_a_speaker(self, mention: Mention) -> bool:
        return any(start <= mention.start and mention.end == end for start, end in self._speaker_spans)  # not a possessor

    def gendered_pronouns(self, start: int, end: int) -> list[Token]:
        """The he/his/she/her... tokens (``pronoun_kind`` male or female) among tokens [start, end), in order."""
        found = self._gendered
        return [self.doc[i] for i in found[bisect_left(found, start):bisect_left(found, end)]]

    def name_people_by_pronouns(self) -> None:
        """"Trump said ... He also confirmed ...": an organisation-labelled name that a he or she takes up
        as the subject of the next clause, or as the owner of its own verb's object ("NAME opened his
        doors"), is a person's name (he and she never stand for a body). Only
        names that could be a person's (one or two title-case words, no institution word, not a place or
        outlet)."""
        book = self.book
        sentences = list(book.doc.sents)
        for number, sentence in enumerate(sentences):
            pronouns = [t for t in self.gendered_pronouns(sentence.start, sentence.end)
                        if (t.dep_ in SUBJECT_DEPS or self._owned_by_subject(t))
                        and t.pos_ == "PRON" and not book.is_quoted(t.idx, t.idx + len(t))]
            if not pronouns:
                continue
            pronoun = pronouns[0]
            window_start = sentences[number - 1].start_char if number and pronoun.dep_ in SUBJECT_DEPS \
                else sentence.start_char
            # a person named in words a report relays ("NAME said ..., the Courier reported") is one the
            # pronoun can stand for, as in ``_search_back``: then the name it takes up is no one's to rename
            before = sorted((m for m in book.mentions if window_start <= m.start and m.end <= pronoun.idx
                             and not book.is_in_persons_words(m.start, m.end)), key=lambda m: m.start)
            if not before or any(book.actors[m.key].kind == "person" for m in before):
                continue
            subject = next((m for m in before if book.doc[m.root].dep_ in SUBJECT_DEPS), None)
            actor = book.actors[subject.key] if subject else None
            if actor is not None and actor.kind == "organization" and kinds.could_be_person_name_text(actor.name) \
                    and not self._described_as_body(subject):
                actor.kind = "person"
                actor.genders[pronoun_kind(pronoun.text)] += 1

    def _described_as_body(self, mention: Mention) -> bool:
        """"The company Voltra said ... She said": a name that a noun for a body describes (inside the
        name, in front of it or in apposition: "Voltra, the company,") is that body's; the she is someone
        else, never the company."""
        root = self.doc[mention.root]
        name = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        words = [*(name if name is not None else [root]),
                 *(child for child in root.children if child.dep_ in ("compound", "appos"))]
        if root.dep_ in ("appos", "compound"):
            words.append(root.head)  # "the company Voltra": the name in apposition to the noun
        return any(t.i != root.i and t.pos_ in ("NOUN", "PROPN")
                   and kinds.common_noun_kind(t.lemma_, False, False) == "organization" for t in words)

    @staticmethod
    def _owned_by_subject(pronoun: Token) -> bool:
        """"NAME opened his doors": a his/her on the object of a verb whose subject comes before it, the
        owner a body's "its" would be."""
        if pronoun.dep_ != "poss" or pronoun.head.dep_ not in ("dobj", "pobj"):
            return False
        verb = pronoun.head.head
        return any(child.dep_ in SUBJECT_DEPS and child.i < pronoun.i for child in verb.children)

    def collect_gender_votes(self) -> None:
        """A sentence naming exactly one person and using he/his or she/her after the name, outside
        quotation marks (reported words count), is a vote for that person's pronoun; so is one between a
        subject person and the next person the sentence names."""
        book = self.book
        marks = [(m.start(), m.end()) for m in QUOTED.finditer(book.text)]
        for sentence in book.doc.sents:
            named = sorted((m for m in book.mentions
                            if sentence.start_char <= m.start < sentence.end_char and book.actors[m.key].kind == "person"
                            and not book.is_quoted(m.start, m.end)), key=lambda m: m.start)
            people = {m.key for m in named}
            if not people:
                continue
            if len(people) == 1:
                # only pronouns after the name: "Speaking after him, Ana Berg said" points to someone else;
                # reported words count ("NAME told reporters his client ... because she"), quotation marks not
                stop = sentence.end_char
            elif self.doc[named[0].root].dep_ in SUBJECT_DEPS:
                # "Kemp addressed his supporters beside Laura Ortiz": a pronoun between the subject and the
                # next person named is the subject's
                stop = next(m.start for m in named if m.key != named[0].key)
            else:
                continue
            first = min(m.end for m in named if m.key == named[0].key)
            genders = {pronoun_kind(t.text) for t in self.gendered_pronouns(sentence.start, sentence.end)
                       if t.pos_ == "PRON" and first <= t.idx < stop
                       and not any(start <= t.idx < end for start, end in marks)}
            if len(genders) == 1:
                book.actors[named[0].key].genders[genders.pop()] += 1
        for token in self.gendered_pronouns(0, len(book.doc)):
            if token.dep_ in SUBJECT_DEPS:
                gender = pronoun_kind(token.text)
                if speaker := self._reporting_subject(token):
                    speaker.genders[gender] += 1

    def _reporting_subject(self, pronoun) -> ArticleActor | None:
        """"Clinton said she would ..." names Clinton's pronoun even with other people in the sentence."""
        book = self.book
        clause = pronoun.head
        if clause.dep_ != "ccomp" or book.is_quoted(pronoun.idx, pronoun.idx + len(pronoun)):
            return None
        subjects = [child for child in clause.head.children if child.dep_ in SUBJECT_DEPS]
        actor = book.actor_of_token(subjects[0].i) if subjects else None
        return actor if actor and actor.kind == "person" else None

    def resolve(self, token_index: int, exclude: str | None = None) -> ArticleActor | None:
        """``exclude``: an actor key the pronoun cannot stand for (a quote's speaker, for a "he" inside
        the speaker's own quoted words), passed over in the search back."""
        token = self.doc[token_index]
        kind = pronoun_kind(token.text)
        if kind == "relative":
            return self._relative(token_index)
        if kind in ("male", "female"):
            return self._search_back(token_index, {"person"}, kind, exclude)
        if kind == "plural":
            return self._search_back(token_index, PLURAL_KINDS, None)
        if kind == "neuter":
            return self._search_back(token_index, NEUTER_KINDS, None)
        return None

    def person_antecedent(self, token_index: int, gender: str | None) -> ArticleActor | None:
        """The person a "he" or "she" (``gender``; None for either) at ``token_index`` would stand for: what
        an epithet in a pronoun's place ("The Spaniard also said") points back to."""
        return self._search_back(token_index, {"person"}, gender)

    def possessive_owner(self, token_index: int) -> ArticleActor | None:
        """The person a possessive he/she in front of a body stands for ("his office", "her ministry"): the
        one person of that pronoun named in this sentence or the one before, also inside reported words
        ("Prime Minister Ana Berg has ordered strikes, her office said"; not inside quotation marks), else
        the antecedent ``resolve`` finds; None when that is no person."""
        token = self.doc[token_index]
        gender = pronoun_kind(token.text)
        sentence = token.sent
        window_start = self.doc[sentence.start - 1].sent.start_char if sentence.start else sentence.start_char
        marks = [(m.start(), m.end()) for m in QUOTED.finditer(self.book.text, window_start, token.idx)]
        people = {m.key for m in self.book.mentions if window_start <= m.start and m.end <= token.idx
                  and self.book.actors[m.key].kind == "person"
                  and self.book.actors[m.key].gender in (None, gender)
                  and not any(s <= m.start < e for s, e in marks)}
        if len(people) == 1:
            return self.book.actors[people.pop()]
        owner = self.resolve(token_index)
        return owner if owner is not None and owner.kind == "person" else None

    def document_antecedent(self, token_index: int) -> Token | None:
        """"... according to a statement from the ministry. It said ...": the document noun a neuter
        pronoun takes up from its own sentence or the one before; whoever issued it is the speaker
        (the speaker resolver turns the document into its issuer), before any actor ``resolve`` finds."""
        if pronoun_kind(self.doc[token_index].text) != "neuter":
            return None
        return documents.earlier_document(self.doc, token_index, self.sentence_starts, sentences_back=1)

    def _relative(self, token_index: int) -> ArticleActor | None:
        """"Smith, who said ..." -> Smith: the noun the relative clause hangs from. "who" wants a person, so
        from a title or a place ("Smith, a staffer at the State Department, who") it climbs to the name."""
        token = self.doc[token_index]
        clause = token.head
        wants_person = token.lower_ in ("who", "whom", "whose")
        if clause.dep_ == "relcl":
            antecedent = clause.head
            found = self.book.actor_of_token(antecedent.i)
            if wants_person and (found is None or found.kind != "person"):
                if (above := self._person_noun_above(antecedent)) is not None:
                    # "a spokesperson for the ministry, who": the unnamed spokesperson (an actor already
                    # when a quote's source; else ``noun_antecedent`` gives the phrase)
                    return self.book.actor_of_token(above.i)
                found = self._person_above(antecedent) or found
            if found or antecedent.pos_ == "NOUN":
                # "ESPN cited officials who said ...": the officials, never the outlet named before them
                # (``noun_antecedent`` gives the unnamed noun phrase)
                return found
        for index in range(token_index - 1, max(token_index - 4, -1), -1):
            if actor := self.book.actor_of_token(index):
                return actor
        return None

    def _person_noun_above(self, token):
        """"a spokesperson for the ministry, who ...": the unnamed person noun a "who" attached to a body
        climbs to through "for"/"of", when no named person is on the way."""
        for _ in range(MAX_CLIMB):
            if token.dep_ not in ("pobj", "prep") or token.head.i == token.i:
                return None
            token = token.head
            actor = self.book.actor_of_token(token.i)
            if actor is not None and actor.kind != "anonymous":
                return None
            if token.pos_ == "NOUN" and token.lemma_.lower() in kinds.ANONYMOUS_HEADS:
                # "Tom Ray, a spokesman for the ministry, who": the named person, not an unnamed one
                return None if self._person_above(token) is not None else token
        return None

    def _person_above(self, token) -> ArticleActor | None:
        """Climb appositions, prepositions and copulas ("Kaine is a lawyer who") to a named person."""
        for _ in range(MAX_CLIMB):
            if token.dep_ == "attr" and token.head.lemma_ == "be":
                subjects = [child for child in token.head.children if child.dep_ in SUBJECT_DEPS]
                token = subjects[0] if subjects else token.head
            elif token.dep_ in ("appos", "pobj", "prep", "compound", "conj") and token.head.i != token.i:
                token = token.head
            else:
                return None
            actor = self.book.actor_of_token(token.i)
            if actor and actor.kind == "person":
                return actor
        return None

    def sentence_index(self, token_index: int) -> int:
        """The number of the sentence holding ``token_index`` (0 before the first)."""
        return max(bisect_right(self.sentence_starts, token_index) - 1, 0)

    def _candidates(self, sentence_number: int, before_char: int, allowed_kinds: set[str],
                    gender: str | None, exclude: str | None = None) -> list[Mention]:
        doc = self.doc
        start = self.sentence_starts[sentence_number]
        end = self.sentence_starts[sentence_number + 1] if sentence_number + 1 < len(self.sentence_starts) \
            else len(doc)
        start_char, end_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        found = []
        for mention in self.book.mentions:
            actor = self.book.actors[mention.key]
            if not (start_char <= mention.start < end_char and mention.end <= before_char):
                continue
            quoted = self.book.is_in_persons_words(mention.start, mention.end) if allowed_kinds == {"person"} \
                else self.book.is_quoted(mention.start, mention.end)
            if actor.kind not in allowed_kinds or quoted or mention.key == exclude:
                continue
            if gender and actor.gender and actor.gender != gender:
                continue
            if actor.kind == "anonymous" and doc[mention.root].tag_ in ("NN", "NNP"):
                continue  # "they" is not "a ministry spokesperson" (he or she never looks for anonymous)
            found.append(mention)
        return found

    def _search_back(self, token_index: int, allowed_kinds: set[str], gender: str | None,
                     exclude: str | None = None) -> ArticleActor | None:
        """Nearest subject in the pronoun's own sentence, else the first subject (then the first mention)
        of each earlier sentence, going back a few sentences. An unnamed person in that place ("The woman
        said she ...") wins too, and then the pronoun has no named actor."""
        here = self.sentence_index(token_index)
        pronoun_char = self.doc[token_index].idx
        for number in range(here, max(here - SENTENCES_BACK - 1, -1), -1):
            candidates = self._candidates(number, pronoun_char, allowed_kinds, gender, exclude)
            unnamed = self._unnamed_people(number, pronoun_char, gender) if "person" in allowed_kinds else []
            if not candidates and not unnamed:
                continue
            subjects = [m for m in candidates if _is_subject(self.doc[m.root]) or self._names_a_speaker(m)]
            # in an earlier sentence a subject wins over a name that is none, an unnamed one too ("an aide to
            # Governor NAME confirmed. He added ..."); in the pronoun's own clause the subject is seldom "him"
            if subjects or not candidates or (unnamed and number != here):
                # Positions of subjects, named (a mention) or not (a token index).
                named = [(m.start, m) for m in subjects]
                # an unnamed person the article made an unnamed source of ("A negotiator ... was quoted as
                # saying ... He added") is that source; else the pronoun has no named actor
                others = [(self.doc[i].idx, self._unnamed_source(i)) for i in unnamed]
                pool = named + others
                chosen = max(pool, key=lambda item: item[0]) if number == here else min(pool, key=lambda item: item[0])
                found = chosen[1]
                if isinstance(found, ArticleActor):
                    return found
                return self.book.actors[found.key] if found else None
            chosen = max(candidates, key=lambda m: m.start) if number == here else min(candidates, key=lambda m: m.start)
            return self.book.actors[chosen.key]
        return None

    def noun_antecedent(self, token_index: int) -> Span | None:
        """The unnamed noun phrase a pronoun with no named antecedent stands for, to make an actor of:
        "officials who said" -> officials (the noun the relative clause hangs from); "The workers left
        early. They said ..." -> The workers (the unnamed plural subject before a "they")."""
        token = self.doc[token_index]
        kind = pronoun_kind(token.text)
        if kind == "relative":
            antecedent = token.head.head if token.head.dep_ == "relcl" else None
            if antecedent is not None and token.lower_ in ("who", "whom") \
                    and (above := self._person_noun_above(antecedent)) is not None:
                antecedent = above  # "a spokesperson for the ministry, who": the spokesperson
            if antecedent is None or antecedent.pos_ != "NOUN" or antecedent.ent_type_ \
                    or self.book.actor_of_token(antecedent.i) is not None \
                    or kinds.common_noun_kind(antecedent.lemma_, antecedent.tag_ == "NNS", False) is None:
                return None
            end = token.i  # the phrase up to the relative pronoun: "a spokesman for the ministry, who"
            while end > antecedent.i + 1 and self.doc[end - 1].is_punct:
                end -= 1
            return self.doc[antecedent.left_edge.i: max(end, antecedent.i + 1)]
        if kind != "plural":
            return None
        here = self.sentence_index(token_index)
        for number in range(here, max(here - SENTENCES_BACK - 1, -1), -1):
            start = self.sentence_starts[number]
            end = self.sentence_starts[number + 1] if number + 1 < len(self.sentence_starts) else len(self.doc)
            nouns = [t for t in self.doc[start:min(end, token_index)]
                     if t.dep_ in SUBJECT_DEPS and t.tag_ == "NNS" and not t.ent_type_
                     and t.lemma_.casefold() not in NON_AGENT_NOUNS  # "Protests erupted ... They accused": not the protests
                     and kinds.common_noun_kind(t.lemma_, True, False) in PLURAL_KINDS
                     and not self.book.is_quoted(t.idx, t.idx + len(t)) and self.book.actor_of_token(t.i) is None]
            if nouns:
                noun = nouns[-1] if number == here else nouns[0]
                return self.doc[noun.left_edge.i: noun.i + 1]
        return None

    def _unnamed_people(self, sentence_number: int, before_char: int, gender: str | None) -> list[int]:
        """Subjects such as "the woman", "a senior official" that no actor stands for."""
        start = self.sentence_starts[sentence_number]
        end = self.sentence_starts[sentence_number + 1] if sentence_number + 1 < len(self.sentence_starts) \
            else len(self.doc)
        found = []
        for token in self.doc[start:end]:
            if token.idx >= before_char or token.dep_ not in SUBJECT_DEPS or token.pos_ != "NOUN":
                continue
            lemma = token.lemma_.lower()
            # a person noun, or any noun that is already a quote's unnamed source ("A negotiator ... said")
            if any(child.dep_ == "appos" and (actor := self.book.actor_of_token(child.i)) is not None
                   and actor.kind == "person" for child in token.children):
                continue  # "NAME's aide Given Surname said": the aide is the person named
            if lemma in PERSON_NOUNS:
                noun_gender = GENDERED_WORDS.get(lemma)
            else:
                noun_gender = None if self._unnamed_source(token.i) else "absent"
            if noun_gender == "absent" or (gender and noun_gender and noun_gender != gender):
                continue
            if token.tag_ == "NN" and not self.book.is_quoted(token.idx, token.idx + len(token)) \
                    and (self.book.actor_of_token(token.i) is None or self._unnamed_source(token.i)):
                found.append(token.i)
        return found

    def _unnamed_source(self, token_index: int) -> ArticleActor | None:
        """The anonymous source a speaker phrase headed by this noun became ("A negotiator"), if any."""
        actor = self.book.actor_of_token(token_index)
        return actor if actor is not None and actor.kind == "anonymous" else None


def _is_subject(token: Token) -> bool:
    """A subject, or a name in apposition to one ("NAME's aide Given Surname said", parsed "aide" + appos)."""
    return token.dep_ in SUBJECT_DEPS or (token.dep_ == "appos" and token.head.dep_ in SUBJECT_DEPS)
