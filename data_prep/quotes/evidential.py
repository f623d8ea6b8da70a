"""Evidential cues with no source: "The bridge seems to be sinking", "Smith appears unsure", "The vote is
expected to pass", "It seems that ...".

"seem" and "appear" raise their subject out of what seems so, and a passive "expected" has no one
expecting: the subject is part of the content and the source is nobody (the reporter's hedge). PolNeAR
annotates such attributions without a source (train: 107 of 139 "seem" cues, 87 of 111 "appear", 87 of
125 "expect"). When the complement is itself a cue ("seemed to confirm the critiques", "appeared to
blame the network") the attribution is that cue's, with the subject as its source.
"""
from __future__ import annotations

from spacy.tokens import Token

from data_prep.labels import PASSIVE_MARK_DEPS, SUBJECT_DEPS
from data_prep.quotes.lexicon import cue_for

RAISING_LEMMAS = frozenset({"seem", "appear"})
# What "seem" / "appear" take when they raise: "to be sinking", "unsure", "a fine idea", "like a trap".
RAISED_COMPLEMENT_DEPS = frozenset({"xcomp", "acomp", "oprd", "attr", "ccomp"})
UNEXPECTED_BY_AGENT_LEMMAS = frozenset({"expect"})


def _complement(token: Token) -> Token | None:
    return next((child for child in token.children if child.dep_ in RAISED_COMPLEMENT_DEPS
                 or (child.dep_ == "prep" and child.lower_ == "like")), None)


def is_sourceless_evidential(token: Token) -> bool:
    """Whether the cue ``token`` hedges what its subject is or does, with no one as source."""
    lemma = token.lemma_.lower()
    if lemma in RAISING_LEMMAS:
        complement = _complement(token)
        if complement is None:
            return False  # "appeared on television": an appearance, not a hedge
        return complement.pos_ != "VERB" or complement.lemma_ == "be" or cue_for(complement) is None
    if lemma in UNEXPECTED_BY_AGENT_LEMMAS:
        passive = any(child.dep_ in PASSIVE_MARK_DEPS for child in token.children) or (
            token.tag_ == "VBN" and token.dep_ in ("acl", "advcl"))  # "with Smith expected to win"
        return passive and not any(child.dep_ == "agent" for child in token.children) \
            and any(child.dep_ == "xcomp" for child in token.children)
    return False


def hedged_subject(token: Token) -> set[int]:
    """Token indices of the subject of an evidential cue: part of what seems so ("The bridge")."""
    subject = next((child for child in token.children if child.dep_ in SUBJECT_DEPS
                    and child.lower_ not in ("it", "there")), None)  # "It seems that ...": no content
    return set(range(subject.left_edge.i, subject.right_edge.i + 1)) if subject is not None else set()
