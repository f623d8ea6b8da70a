"""Whether reported speech carries a claim a reader can quote, or only names what was talked about.

PolNeAR annotates every attribution ("criticised the plan", "responded to a question", "the deal calls
for ..."); a quote in the dataset is someone's words. Reported speech (no quote marks) whose content is
only a noun-phrase object of a verb of judging or taking up ("criticised the plan", "discussed the
tariffs"), only a phrase of topic, address or manner ("spoke about the talks", "responded to a
question", "said with a smile"), an embedded question not answered ("avoided stating whether ..."), or
a document's provisions ("the plan calls for ..."), a negated speech verb ("has not suggested it will
...", "did not confirm the figures": the words were not said) or a sourceless infinitive ("was sworn in to
tell the jury his story") is left out of the quotes; the attributions keep it.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from data_prep.labels import CLAUSE_COMPLEMENT_DEPS
from data_prep.quotes.kinds import AS_IDIOM_NOUNS, describes_as
from data_prep.quotes.lexicon import (ANAPHORIC_DETERMINERS, AVOIDING_LEMMAS, CLAIM_PREPOSITIONS,
                                     CLAIMLESS_OBJECT_LEMMAS, CONTENT_OBJECT_LEMMAS, EVIDENCE_NOUNS, EXPRESSING_LEMMAS,
                                     FEELING_NOUNS, GREETING_LEMMAS, GREETING_NOUNS, PROVISION_NOUNS,
                                     QUESTION_CLAUSE_OPENERS, american, is_own_claim_phrase)
from data_prep.quotes.reported import names_what

# Children that hold a claim whatever the cue: clauses, "as" descriptions, predicates of the object.
CLAIM_DEPS = CLAUSE_COMPLEMENT_DEPS | {"oprd", "advcl", "acomp", "attr"}


def _inside(spans, token: Token) -> bool:
    return any(start <= token.idx < end for start, end in spans)


def _is_claim_phrase(cue: Token, phrase: Token) -> bool:
    """ "called for a truce", "warned of consequences", "pointed to rising costs": a phrase that holds the
    claim. The cue's own preposition needs a noun phrase or a gerund ("admitted to lying"; "pointed to me",
    "pointing to one": whom or which, not what)."""
    return phrase.lower_ in CLAIM_PREPOSITIONS or is_own_claim_phrase(cue, phrase)


# Modifiers that give a noun phrase content of its own: "deep frustration", "the delays in the rollout". A
# participle or relative clause mostly identifies the thing ("acknowledging the policy recognised by many
# countries": a recognition, realnews dev gold has no quote there).
CONTENT_MODIFIER_DEPS = frozenset({"amod", "prep"})


def _has_content_of_its_own(obj: Token) -> bool:
    """ "described deep frustration among the delegations": an object with a modifier says what the
    speaker reported; a bare one ("described the scene"), a pronoun, a question word or a pointer back
    ("acknowledged that sentiment") only what the words were about."""
    return obj.pos_ in ("NOUN", "PROPN") and not any(
        child.dep_ == "det" and child.lower_ in ANAPHORIC_DETERMINERS for child in obj.children) and any(
        child.dep_ in CONTENT_MODIFIER_DEPS for child in obj.children)


def _is_shown_feeling(cue: Token, obj: Token) -> bool:
    """ "expressed gratitude to the hosts", "expressed disappointment at the ruling", "voiced frustration over
    the delays": a greeting, or a feeling its subject shows, with no clause of its own ("expressed dismay that
    the talks failed" is a claim)."""
    shown = GREETING_NOUNS | (FEELING_NOUNS if american(cue.lemma_.lower()) in EXPRESSING_LEMMAS else frozenset())
    return obj.lemma_.lower() in shown and not any(child.dep_ in CLAIM_DEPS | {"acl", "relcl"}
                                                   for child in obj.children)


def _is_unanswered_question(cue: Token, content: list[Token], source: Span | None) -> bool:
    """ "did not say whether ...", "avoided stating clearly whether ...", "time will tell whether ..."
    (no one to ask): a question left open."""
    clauses = [child for child in content if child.dep_ == "ccomp"]
    if not clauses or not all(clause.left_edge.lower_ in QUESTION_CLAUSE_OPENERS for clause in clauses):
        return False
    negated = any(child.dep_ == "neg" for child in cue.children)
    avoided = cue.dep_ == "xcomp" and cue.head.lemma_.lower() in AVOIDING_LEMMAS
    return negated or avoided or source is None


def _is_unsaid(cue: Token) -> bool:
    """A speech verb that reports no words when no one is its source: an infinitive ("was sworn in to
    tell the truth": a purpose) or a negated verb ("was never called to tell the court ..."): nothing
    was said."""
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in cue.children) \
        or any(child.dep_ == "neg" for child in cue.children)


def _is_raising_passive(cue: Token) -> bool:
    """ "He is said to be ill", "The ministers were reported to have met": a passive whose subject is the
    one talked about and whose infinitive is what is said of it, with no one saying it; PolNeAR keeps
    it as a sourceless attribution, a quote needs a speaker."""
    children = list(cue.children)
    return any(child.dep_ == "nsubjpass" for child in children) and not any(child.dep_ == "agent" for child in children) \
        and any(child.dep_ == "xcomp" and any(grand.dep_ == "aux" and grand.lower_ == "to" for grand in child.children)
                for child in children)


def _is_purpose(verb: Token) -> bool:
    """An infinitive of purpose: "observed Unity Day to honour the soldiers", "The students, to express
    their anger, blocked the road": what someone acts for, not words."""
    # after "Subject, to ..." the parser may make the infinitive a relative clause or even the root
    return verb.dep_ in ("advcl", "relcl", "acl", "ROOT") and any(child.dep_ == "aux" and child.lower_ == "to"
                                                                  for child in verb.children) \
        and (verb.dep_ == "advcl" or (verb.i >= 2 and verb.doc[verb.i - 2].text == ","))


def _is_provision(source: Span | None) -> bool:
    return source is not None and source.root.pos_ == "NOUN" and source.root.lemma_.lower() in PROVISION_NOUNS


# Entities that make a cited source someone: "according to figures from the health ministry" is the
# ministry's; "according to provisional figures" is no one's.
ISSUER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _is_data_citation(cue: Token, source: Span | None) -> bool:
    """ "Nine cases were confirmed, according to provisional figures": the figure's source is data with
    no issuer named, so there are no words to quote (the attributions keep it)."""
    return cue.lower_ == "according" and source is not None and source.root.lemma_.lower() in EVIDENCE_NOUNS \
        and not any(token.ent_type_ in ISSUER_ENTITIES for token in source.root.subtree)


def carries_claim(cue: Token | None, spans, quote_type: str, source: Span | None) -> bool:
    """Whether an attribution of this type, cue, content spans and source holds words to quote."""
    if quote_type != "indirect" or cue is None or cue.pos_ != "VERB":
        return True
    if all(len(cue.doc.char_span(start, end, alignment_mode="expand") or ()) <= 1 for start, end in spans):
        return False  # "endorsed Trump": whom, not words
    if _is_provision(source) or _is_data_citation(cue, source):
        return False
    if any(child.dep_ == "neg" for child in cue.children):
        return False  # "Ottawa has not suggested it will close the border": words not said (the polarity would flip)
    if source is None and (_is_unsaid(cue) or _is_raising_passive(cue)):
        return False
    if _is_purpose(cue):
        return False
    if names_what(cue):
        # "marched against what critics describe as a rigged vote": without quote marks the name is the
        # reporter's phrase for the thing (realnews gold has no quote there; "what critics call “a sham”" is
        # a quote, typed mixed or direct by its marks before this point); the attributions keep it
        return False
    content = [child for child in cue.children if _inside(spans, child)]
    if _is_unanswered_question(cue, content, source):
        return False
    if not content or any(child.dep_ in CLAIM_DEPS and not _is_purpose(child) for child in content) \
            or describes_as(cue):
        return True
    objects = [child for child in content if child.dep_ == "dobj"]
    if objects and all(_is_shown_feeling(cue, obj) for obj in objects):
        return False  # "expressed gratitude to the hosts", "expressed disappointment at the ruling"
    lemma = american(cue.lemma_.lower())
    if lemma in GREETING_LEMMAS:
        return False  # "thanked the mediators for their efforts": the occasion of the thanks
    # "criticised the plan for its cost": the parser often hangs the reason on the object
    phrases = [child for child in content if child.dep_ == "prep"] + [
        grand for obj in objects for grand in obj.children if grand.dep_ == "prep" and grand.lower_ in CLAIM_PREPOSITIONS]
    if any(_is_claim_phrase(cue, phrase) for phrase in phrases):
        return True  # "criticised the plan for its cost": the reproach is the claim
    if objects and any(phrase.lower_ == "as" and not any(grand.lemma_.lower() in AS_IDIOM_NOUNS for grand in phrase.children)
                       for phrase in phrases):
        return True  # "described the scene as chaotic": what it was called (an adjective, not a noun)
    if objects and lemma in CONTENT_OBJECT_LEMMAS:
        return any(_has_content_of_its_own(obj) for obj in objects)
    if objects:
        return lemma not in CLAIMLESS_OBJECT_LEMMAS
    return not phrases
