"""Resolving a pronoun source ("he said") to the named person or group it stands for.

A salience heuristic, not full coreference: the most recent person named as a grammatical subject
within the last few sentences (speakers of earlier quotes are subjects of their cue), else the most
recent person named at all. "They" goes to the most recent organisation, nationality or plural noun
phrase in subject position, "it" to the most recent organisation in subject position. Nothing is
guessed beyond that window.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from data_prep.quotes.speakers import is_relative_pronoun, mention_span

SINGULAR_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
PLURAL_PRONOUNS = frozenset({"they", "them", "we", "their"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
GROUP_ENTITY_LABELS = frozenset({"ORG", "NORP", "GPE"})
WINDOW_SENTENCES = 6


def proper_name(root: Token) -> Span:
    """The name a proper noun ends: its person entity, else its run of proper nouns."""
    if root.ent_type_ == "PERSON":
        return next(ent for ent in root.doc.ents if ent.start <= root.i < ent.end)
    start = root.i
    while start > 0 and root.doc[start - 1].pos_ == "PROPN" and root.doc[start - 1].head.i == root.i:
        start -= 1
    return root.doc[start:root.i + 1]


@dataclass
class Antecedents:
    """Candidate antecedents of a document, indexed by the position of their head token."""
    person_subjects: list[tuple[int, Span]]
    persons: list[tuple[int, Span]]
    group_subjects: list[tuple[int, Span]]
    organisation_subjects: list[tuple[int, Span]]
    sentence_starts: list[int]

    @classmethod
    def of(cls, doc: Doc) -> "Antecedents":
        person_subjects, persons, group_subjects, organisation_subjects = [], [], [], []
        for ent in doc.ents:
            root = ent.root
            if ent.label_ == "PERSON":
                persons.append((root.i, ent))
                if root.dep_ in SUBJECT_DEPS:
                    person_subjects.append((root.i, ent))
            elif ent.label_ in GROUP_ENTITY_LABELS and root.dep_ in SUBJECT_DEPS:
                group_subjects.append((root.i, mention_span(root)))
                if ent.label_ == "ORG":
                    organisation_subjects.append((root.i, mention_span(root)))
        for token in doc:
            if token.dep_ not in SUBJECT_DEPS or token.ent_type_ != "":
                continue
            if token.tag_ == "NNS":
                group_subjects.append((token.i, mention_span(token)))
            elif token.pos_ == "PROPN":  # a surname the NER missed ("Trump repeated ...")
                person_subjects.append((token.i, proper_name(token)))
        person_subjects.sort(key=lambda item: item[0])
        group_subjects.sort(key=lambda item: item[0])
        return cls(person_subjects, persons, group_subjects, organisation_subjects,
                   [sent.start for sent in doc.sents])

    def add_speakers(self, speakers: list[Span]) -> None:
        """Named sources of the article's quotes are antecedents too, whatever the NER made of them."""
        for speaker in speakers:
            root = speaker.root
            if root.pos_ == "PROPN" and root.ent_type_ in ("PERSON", ""):
                self.person_subjects.append((root.i, proper_name(root)))
            elif root.ent_type_ in GROUP_ENTITY_LABELS or root.tag_ == "NNS":
                self.group_subjects.append((root.i, speaker))
                if root.ent_type_ == "ORG":
                    self.organisation_subjects.append((root.i, speaker))
        self.person_subjects.sort(key=lambda item: item[0])
        self.group_subjects.sort(key=lambda item: item[0])
        self.organisation_subjects.sort(key=lambda item: item[0])

    def window_start(self, token: Token) -> int:
        sentence = bisect_left(self.sentence_starts, token.i + 1) - 1
        return self.sentence_starts[max(0, sentence - WINDOW_SENTENCES)]

    @staticmethod
    def _latest_before(candidates: list[tuple[int, Span]], before: int, not_before: int) -> Span | None:
        index = bisect_left(candidates, before, key=lambda item: item[0]) - 1
        if index >= 0 and candidates[index][0] >= not_before:
            return candidates[index][1]
        return None

    def resolve(self, pronoun: Token) -> Span | None:
        if is_relative_pronoun(pronoun):
            antecedent = pronoun.head.head  # who -> said (relcl) -> officials
            return None if antecedent.pos_ == "PRON" else mention_span(antecedent)
        word = pronoun.lower_
        floor = self.window_start(pronoun)
        if word in SINGULAR_PERSON_PRONOUNS:
            return (self._latest_before(self.person_subjects, pronoun.i, floor)
                    or self._latest_before(self.persons, pronoun.i, floor))
        if word in PLURAL_PRONOUNS:
            return self._latest_before(self.group_subjects, pronoun.i, floor)
        if word in ("it", "its"):
            return self._latest_before(self.organisation_subjects, pronoun.i, floor)
        return None
