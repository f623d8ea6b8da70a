"""The speaker's own predicates that the parse hung inside what they said.

"The council demanded he withdraw the plan and urged residents to stay home": the parser often makes
"urged" a conjunct of "withdraw", so the content runs on and "urged" borrows "he" as its subject. A
conjunct without a subject of its own shares the subject and auxiliaries of the verb it is joined to
only when its verb form fits them ("would go and see", "had met and told"); a finite verb in another
form ("demanded he withdraw ... and urged": a bare verb after "demanded" needs bare verbs beside it;
"had played ... and denied", which the tagger would read as a participle if "had" governed it) cannot,
so it is a second predicate of the cue's subject. Likewise a participle of speech after a comma at the end of the content ("stressed
that parks matter, calling for more trees") describes the speaker, not the content's subject.
"""
from __future__ import annotations

from spacy.tokens import Token

from data_prep.labels import AUX_DEPS, SUBJECT_OR_EXPLETIVE_DEPS
from data_prep.quotes.kinds import SPEECH_LEMMAS
from data_prep.quotes.lexicon import cue_for, made_clear_clause

PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _auxiliaries(verb: Token) -> list[Token]:
    return [child for child in verb.children if child.dep_ in AUX_DEPS and child.i < verb.i]


def _form(verb: Token) -> str:
    """The tag that carries the verb group's tense: its first auxiliary's, else its own."""
    auxiliaries = _auxiliaries(verb)
    return auxiliaries[0].tag_ if auxiliaries else verb.tag_


def _can_share(head: Token, conjunct: Token) -> bool:
    """Whether a subjectless conjunct can take the head's subject (and auxiliaries)."""
    if _auxiliaries(conjunct):
        return True  # its own tense ("is angry and will not tolerate it"): no sign either way
    tag, head_has_aux = conjunct.tag_, bool(_auxiliaries(head))
    if tag == "VB":
        return head_has_aux or head.tag_ == "VB"
    if tag == "VBN":
        return head_has_aux or head.tag_ in ("VBN", "VBD")
    if tag == "VBG":
        return head_has_aux or head.tag_ == "VBG"
    if tag == "VBD":
        # "was arrested and spent": a past tense after "be"; after "had" the tagger reads "denied" as
        # a simple past, not the participle the perfect would need. A past form that is no cue word
        # ("had damaged the roads and left the island without power") is the perfect's second
        # participle (the tagger cannot tell "left" from "left"); a cue word is the speaker's next statement.
        auxiliaries = _auxiliaries(head)
        if _form(head) == "VBD" and auxiliaries and auxiliaries[0].lemma_ == "have" and cue_for(conjunct) is None:
            return True
        return _form(head) in ("VBD", "VBN") and all(aux.lemma_ == "be" for aux in auxiliaries)
    if tag in PRESENT_TAGS:
        return _form(head) in PRESENT_TAGS
    return True


def _is_speech_participle(token: Token, head: Token) -> bool:
    doc = token.doc
    return (token.dep_ == "advcl" and token.tag_ == "VBG" and token.i > head.i and token.i > 0
            and doc[token.left_edge.i - 1].text == "," and cue_for(token) is not None
            and not any(child.dep_ in SUBJECT_OR_EXPLETIVE_DEPS or child.dep_ == "mark" for child in token.children))


def _is_second_speech_cue(verb: Token) -> bool:
    """ "said the talks were useful and stressed that no deal was reached": a conjunct that is itself a
    cue word with its own "that" clause reports a second statement of the same speaker; so does "made
    (it) clear that ..." ("said the door was open but made it clear that ...")."""
    if verb.lemma_.lower() == "make":
        return made_clear_clause(verb) is not None
    return cue_for(verb) is not None and verb.lemma_.lower() in SPEECH_LEMMAS and any(
        child.dep_ == "ccomp" and child.left_edge.lower_ == "that" for child in verb.children)


def speaker_predicates(cue: Token, indices: set[int]) -> list[Token]:
    """Verbs inside the cue's content that are predicates of the cue's subject, not of the content."""
    found = []
    for clause in cue.children:
        if clause.dep_ != "ccomp" or clause.i not in indices \
                or not any(child.dep_ in SUBJECT_OR_EXPLETIVE_DEPS for child in clause.children):
            continue
        for child in clause.children:
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and child.i in indices \
                    and not any(grand.dep_ in SUBJECT_OR_EXPLETIVE_DEPS for grand in child.children) \
                    and (not _can_share(clause, child) or _is_second_speech_cue(child)):
                found.append(child)
            elif _is_speech_participle(child, clause) and child.i in indices:
                found.append(child)
    return found


def without_predicates(doc, indices: set[int], predicates: list[Token]) -> set[int]:
    """The content up to the first such predicate (with the "and" or comma before it)."""
    if not predicates:
        return indices
    start = min(predicate.left_edge.i for predicate in predicates)
    while start > 0 and (doc[start - 1].dep_ == "cc" or doc[start - 1].is_punct):
        start -= 1
    return {index for index in indices if index < start}
