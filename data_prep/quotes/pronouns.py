"""Resolving a pronoun source ("he said") to the named person or group it stands for.

A salience heuristic, not full coreference: the most recent person named as a grammatical subject
within the last few sentences (speakers of earlier quotes are subjects of their cue), else the most
recent person named at all. "They" goes to the most recent organisation, nationality or plural noun
phrase in subject position. Nothing is guessed beyond that window.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from data_prep.quotes.speakers import mention_span

SINGULAR_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them", "we"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
GROUP_ENTITY_LABELS = frozenset({"ORG", "NORP", "GPE"})
WINDOW_SENTENCES = 6


@dataclass
class Antecedents:
    """Candidate antecedents of a document, indexed by the position of their head token."""
    person_subjects: list[tuple[int, Span]]
    persons: list[tuple[int, Span]]
    group_subjects: list[tuple[int, Span]]
    sentence_starts: list[int]

    @classmethod
    def of(cls, doc: Doc) -> "Antecedents":
        person_subjects, persons, group_subjects = [], [], []
        for ent in doc.ents:
            root = ent.root
            if ent.label_ == "PERSON":
                persons.append((root.i, ent))
                if root.dep_ in SUBJECT_DEPS:
                    person_subjects.append((root.i, ent))
            elif ent.label_ in GROUP_ENTITY_LABELS and root.dep_ in SUBJECT_DEPS:
                group_subjects.append((root.i, mention_span(root)))
        for token in doc:
            if token.dep_ in SUBJECT_DEPS and token.tag_ == "NNS" and token.ent_type_ == "":
                group_subjects.append((token.i, mention_span(token)))
        group_subjects.sort(key=lambda item: item[0])
        return cls(person_subjects, persons, group_subjects, [sent.start for sent in doc.sents])

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
        word = pronoun.lower_
        floor = self.window_start(pronoun)
        if word in SINGULAR_PERSON_PRONOUNS:
            return (self._latest_before(self.person_subjects, pronoun.i, floor)
                    or self._latest_before(self.persons, pronoun.i, floor))
        if word in PLURAL_PRONOUNS:
            return self._latest_before(self.group_subjects, pronoun.i, floor)
        return None
