"""Actors a speaker phrase makes when it names no one the mention book has: an unnamed source, group or
body named as written ("a senior official", "Protesters", "the ministry"), one per phrase head in an
article, with the affiliation its words give; "his office" and "Prime Minister NAME's office" are that
person's office; a kind the phrase's words decide ("the Chinese side" -> China, "Axios" -> an outlet)."""
from __future__ import annotations

from spacy.tokens import Span

from data_prep.actors import kinds, titles
from data_prep.actors.bodies import body_kind, body_name
from data_prep.actors.book import ArticleActor, MentionBook
from data_prep.actors.entity_repairs import is_named_by_business_noun
from data_prep.actors.gazetteer import gazetteer
from data_prep.actors.naming import fold
from data_prep.actors.pronouns import PronounResolver
from data_prep.labels import pronoun_kind

# Words before a plural head that point back to parties the article named: "both countries", "the two leaders".
DEFINITE_PLURAL_WORDS = ("the", "both", "these", "those")
# Marks after which an unnamed source's name stops: "Nine nations — a club of ...".
NAME_ENDING_MARKS = (",", "—", "–", "(", ";", ":")


def _ends_name(token) -> bool:
    spaced_hyphen = token.text == "-" and token.whitespace_ and token.i > 0 and token.doc[token.i - 1].whitespace_
    return token.text in NAME_ENDING_MARKS or spaced_hyphen


class PhraseActors:
    def __init__(self, book: MentionBook, pronouns: PronounResolver):
        self.book = book
        self.pronouns = pronouns
        self._companies: dict[str, str] | None = None  # folded name -> name, of the names business nouns describe

    def _person_owner(self, span: Span, root) -> tuple[ArticleActor, int] | None:
        """The person whose body a speaker phrase names, and the token index of the possessive: "Prime
        Minister NAME's office" (a named possessor), "his office" (the pronoun resolver's ``possessive_owner``)."""
        possessor = next((child for child in root.children if child.dep_ == "poss" and child.i < root.i), None)
        if possessor is None:
            return self._owner_after_of(span, root)
        if pronoun_kind(possessor.text) in ("male", "female"):
            owner = self.pronouns.possessive_owner(possessor.i)
        else:
            owner = self.book.actor_of_token(possessor.i)
        if owner is None or owner.kind != "person":
            return None
        end = possessor.i + 1 if possessor.i + 1 < len(self.book.doc) and self.book.doc[possessor.i + 1].tag_ == "POS" \
            else possessor.i
        return owner, end

    def _owner_after_of(self, span: Span, root) -> tuple[ArticleActor, int] | None:
        """"a statement from the office of Mayor NAME": the person after "of" owns the office, as in "NAME's
        office" (the words of the phrase after its article name the body)."""
        of = next((child for child in root.children if child.dep_ == "prep" and child.lower_ == "of"), None)
        named = next((child for child in of.children if child.dep_ == "pobj"), None) if of is not None else None
        owner = self.book.actor_of_token(named.i) if named is not None else None
        if owner is None or owner.kind != "person":
            return None
        return owner, span.start if span[0].lower_ in ("the", "a", "an") else span.start - 1

    def _company_named_like_a_country(self, span: Span, root) -> str | None:
        """"An Emirates spokesperson" in an article that names "the carrier Emirates": the word before the
        head that the gazetteer reads as a country is the company a business noun names so elsewhere
        (never "a Kremlin spokesman": no business noun makes the Kremlin a company)."""
        if self._companies is None:
            self._companies = {fold(e.text): e.text for e in self.book.doc.ents if is_named_by_business_noun(e)}
        places = gazetteer()
        return next((self._companies[fold(t.text)] for t in span if t.i < root.i and t.text[:1].isupper()
                     and fold(t.text) in self._companies and places.affiliation(t.text)), None)

    def of_kind(self, found: kinds.EntityKind, span: Span) -> ArticleActor:
        """The actor of that kind and name the article has, else a new one; the phrase is its mention."""
        found = body_kind(found)
        actor = next((a for a in self.book.actors.values() if a.kind == found.kind and fold(a.name) == fold(found.name)),
                     None) or self.book.new_actor(found.name, found.kind, found.affiliation)
        self.book.add_mention(actor, span.start_char, span.end_char, span.root.i)
        return actor

    def unnamed(self, span: Span, root=None, kind: str | None = None) -> ArticleActor:
        """The unnamed source, group or body the phrase names (its kind by the head noun unless given), the
        same actor as an earlier phrase with that head ("the official" after "a senior official")."""
        root = root if root is not None else span.root
        lemma = root.lemma_.lower()
        definite = any(t.lower_ in DEFINITE_PLURAL_WORDS or t.dep_ == "poss" for t in span if t.i < root.i)
        kind = kind or kinds.common_noun_kind(lemma, root.tag_ in ("NNS", "NNPS"), root.pos_ == "PROPN",
                                              definite) or "unknown"
        affiliation, possessors = titles.span_affiliation(span)
        affiliation = self._company_named_like_a_country(span, root) or affiliation
        if not affiliation:
            for token_index in possessors:
                owner = self.book.actor_of_token(token_index)
                affiliation = owner.affiliation if owner else None
        # "Critics of the program, like Senator X," and "leaders who have been ..." are named by the words
        # before the comma or the relative clause.
        clauses = {inner.i for token in span if token.dep_ in ("relcl", "acl", "appos")
                   or (token.dep_ == "prep" and token.lower_ in ("including", "like")) for inner in token.subtree}
        kept = [t for t in span if t.i not in clauses]
        cut = next((n for n, t in enumerate(kept) if _ends_name(t)), len(kept))
        words = "".join(t.text_with_ws for t in kept[:cut]).split()
        if words and words[0].lower() == "the":
            words = words[1:]
        if words and words[0].lower() == "whose" and (owner := _relative_owner(span)):
            words = [*words[1:], "of", owner]  # "Qatar and Turkey, whose foreign ministries said"
        name = " ".join(words) or root.text
        if kind == "organization":
            if owner := self._person_owner(span, root):
                # "his office said", "Prime Minister NAME's office said": that person's office, one actor per
                # person, not a body called "his office" or "Prime Minister NAME's Office"
                name = f"{owner[0].name}'s {' '.join(t.text for t in span if owner[1] < t.i <= root.i)}"
                affiliation = affiliation or owner[0].affiliation
            name, country = body_name(name)
            affiliation = affiliation or country
        existing = None
        if kind in ("anonymous", "group"):
            existing = next((a for a in self.book.actors.values() if a.kind == kind and a.head_lemma == lemma
                             and (span[0].lower_ == "the" or fold(a.name) == fold(name))), None)
        elif kind in ("organization", "unknown"):
            existing = next((a for a in self.book.actors.values() if a.kind == kind and fold(a.name) == fold(name)), None)
        actor = existing or self.book.new_actor(name, kind, affiliation)
        actor.head_lemma = lemma
        if kind == "anonymous" and not actor.roles:
            actor.roles[lemma] += 1
        self.book.add_mention(actor, span.start_char, span.end_char, root.i)
        return actor


def _relative_owner(span: Span) -> str | None:
    """The words a "whose" stands for: the noun its clause hangs from, with that noun's conjuncts ("Qatar and
    Turkey" of "mediated by Qatar and Turkey, whose foreign ministries said")."""
    clause = next((t for t in span[0].ancestors if t.dep_ == "relcl"), None)
    if clause is None:
        return None
    antecedent = clause.head
    names = [t for t in (*antecedent.conjuncts, antecedent) if t.i < span.start]
    if not names:
        return None
    first, last = min(t.left_edge.i for t in names), max(t.i for t in names)
    return span.doc[first:last + 1].text.strip(" ,") or None
