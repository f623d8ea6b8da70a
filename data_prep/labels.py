"""Dependency labels and pronoun lists that the quote and actor stages share: one definition each."""
from __future__ import annotations

# Grammatical subjects: active and passive nominal subjects.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Subjects that can be an agent, clausal subjects included ("What he said was ...").
AGENT_DEPS = SUBJECT_DEPS | {"csubj"}
# Subjects of an active verb: the passive subject is what is talked about ("14 people were admitted").
ACTIVE_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Anything in the subject slot, an expletive "there"/"it" included: a clause with one of these has a subject
# of its own and borrows none ("there is no deal", "it is clear that ...").
SUBJECT_OR_EXPLETIVE_DEPS = AGENT_DEPS | {"expl"}
# Marks of a passive clause: its subject or its "be" ("was criticised", "the plan was hailed").
PASSIVE_MARK_DEPS = frozenset({"nsubjpass", "auxpass"})
# Auxiliaries, active and passive ("has said", "was told").
AUX_DEPS = frozenset({"aux", "auxpass"})
# Clause complements of a verb: what a cue reports ("said that ...", "vowed to ...").
CLAUSE_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp"})

# What each pronoun can stand for: a man, a woman, a group, a thing or body, the speaker, or (relative)
# the noun its clause hangs from.
PRONOUN_KINDS = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
    "they": "plural", "them": "plural", "their": "plural", "we": "plural", "us": "plural", "our": "plural",
    "it": "neuter", "its": "neuter", "i": "speaker", "me": "speaker", "my": "speaker",
    "who": "relative", "which": "relative", "that": "relative", "whom": "relative", "whose": "relative",
}
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# Pronouns that can stand as a quote's source ("he said", "it said" of a paper).
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "him", "her", "them", "it",
                               "his", "their", "its"})


def pronoun_kind(text: str) -> str | None:
    return PRONOUN_KINDS.get(text.strip().casefold())


# Named-entity labels of a when ("on Sunday", "at noon"): a time phrase, never a who or a what.
TIME_ENTITY_LABELS = frozenset({"DATE", "TIME"})
