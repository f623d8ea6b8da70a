"""What a cue attributes: the content clause read off the dependency parse, as character spans."""
from __future__ import annotations

import re

from spacy.tokens import Token

from data_prep.labels import CLAUSE_COMPLEMENT_DEPS, SUBJECT_OR_EXPLETIVE_DEPS, TIME_ENTITY_LABELS
from data_prep.quote_record import SPEECH
from data_prep.quotes.doctext import doc_text
from data_prep.quotes.kinds import attribution_kind, describes_as, is_lead_before_colon
from data_prep.quotes.lexicon import (FORECAST_LEMMAS, NAMING_LEMMAS, OBJECT_FRAME, PLACE_PREPOSITIONS, Cue,
                                     cue_for, is_own_claim_phrase, made_clear_clause)
from data_prep.quotes.speakers import interrupted_subject, inverted_subject

# The cue clause comes after what it attributes: "The talks failed, officials said."
TRAILING_CUE_DEPS = frozenset({"parataxis", "ccomp", "advcl"})
# Or sits inside it between commas: "The museum, he said, will open in May."
PARENTHETICAL_CUE_DEPS = frozenset({"parataxis", "ccomp"})
EDGE_CHARS_TO_TRIM = " \t\n,;:\u2014\u2013-("
MIN_CONTENT_TOKENS = 2
NAMED_OBJECT_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# A content clause reaches at most this many tokens either side of its head. Real sentences stay far
# below it; a run of thousands of chained '"a," said "b," said' would otherwise make every cue's
# content the whole text, and extraction quadratic.
MAX_CONTENT_REACH = 200
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
MAX_WORDS_BEFORE_STRANDED_VERB = 4
# Heads of an appraisal the reporter sets after a quote: "..., a clear indication that ...".
APPRAISAL_NOUNS = frozenset({"sign", "signal", "indication", "suggestion", "hint", "reference", "nod",
                             "acknowledgment", "acknowledgement", "admission", "reflection", "testament",
                             "reminder"})

SINGLE_OPENING_MARK, SINGLE_CLOSING_MARK = "\u2018", "\u2019"

CONCESSIVE_WORDS = frozenset({"despite", "although", "though", "notwithstanding"})
# Conjunctions that set a second party's statement against the first: "Smith warned that the deal would
# collapse, while Jones accused the government of stalling".
CONTRASTING_CONJUNCTIONS = frozenset({"while", "whereas"})


def _subtree_indices(token: Token) -> set[int]:
    return set(range(max(token.left_edge.i, token.i - MAX_CONTENT_REACH),
                     min(token.right_edge.i, token.i + MAX_CONTENT_REACH) + 1))


def _previous_sentence_if_bare(cue: Token) -> set[int]:
    """For a cue sentence that is only "X said." the content is the sentence before, same paragraph."""
    sentence = cue.sent
    if cue.dep_ != "ROOT" or any(child.dep_ in ("ccomp", "xcomp", "dobj", "nsubjpass") for child in cue.children):
        return set()  # "The islands are claimed by China": what is claimed is in the sentence itself
    leading = [tok for tok in sentence if tok.i < cue.left_edge.i]
    if leading or sentence.start == 0:
        return set()
    previous = cue.doc[sentence.start - 1].sent
    between = doc_text(cue.doc)[previous.end_char:sentence.start_char]
    if "\n" in between or "\n" in previous.text:
        return set()
    return set(range(max(previous.start, previous.end - MAX_CONTENT_REACH), previous.end))


def _is_parenthetical(cue: Token) -> bool:
    """The cue clause is set off by commas inside the clause it attributes."""
    doc = cue.doc
    left, right = cue.left_edge.i, cue.right_edge.i
    before = doc[left - 1] if left > 0 else None
    after = doc[right + 1] if right + 1 < len(doc) else None
    comma_left = (before is not None and before.text == ",") or doc[left].text == ","
    comma_right = (after is not None and after.text == ",") or doc[right].text == ","
    return comma_left and comma_right


def _is_that_clause(child: Token) -> bool:
    """A "that" clause the parser hung as an adverbial ("tweeted in the morning that ...")."""
    return child.dep_ == "advcl" and child.i > child.head.i and child.left_edge.lower_ == "that"


def _is_misread_complementizer(child: Token) -> bool:
    """A "that" the parser made the cue's object although it opens a clause (tagged a conjunction)."""
    return child.dep_ in ("dobj", "nsubj", "attr") and child.lower_ == "that" and child.tag_ == "IN" \
        and child.i > child.head.i


def _sentence_end(cue: Token, start: Token) -> int:
    """The last non-punctuation token of the cue's sentence, at most MAX_CONTENT_REACH after start."""
    end = min(cue.sent.end - 1, start.i + MAX_CONTENT_REACH)
    while end > start.i and (cue.doc[end].is_punct or cue.doc[end].is_space):
        end -= 1
    return end


def _clause_misread_as_relative(phrase: Token) -> Token | None:
    """ "said with a smile that the bridge would open": the parser hung the content clause on the
    manner phrase's noun as a relative clause; its "that" is a conjunction, not a relative pronoun."""
    for noun in phrase.children:
        for clause in noun.children if noun.dep_ == "pobj" else ():
            if clause.dep_ in ("relcl", "acl") and clause.left_edge.lower_ == "that" and clause.left_edge.dep_ == "mark":
                return clause
    return None


def _has_conjunction(token: Token) -> bool:
    """ "even as Putin vows": a subordinate clause, not a trailing "..., she said"."""
    return any(child.dep_ == "mark" for child in token.children)


def _infinitive_after(cue: Token) -> set[int]:
    """ "vows to take ..." when the parser hung the infinitive elsewhere (headlines)."""
    doc = cue.doc
    if cue.i + 2 < len(doc) and doc[cue.i + 1].lower_ == "to" and doc[cue.i + 2].pos_ == "VERB":
        verb = doc[cue.i + 2]
        return set(range(cue.i + 1, min(verb.right_edge.i, verb.i + MAX_CONTENT_REACH) + 1))
    return set()


def _owns_content(head: Token) -> bool:
    """A cue word that is an attribution by itself. A weak one that needs a clause ("were mulling a
    boycott, the envoy added") leaves its clause to the trailing cue."""
    cue = cue_for(head)
    return cue is not None and not cue.needs_clause


def forecast_infinitive(cue_token: Token) -> Token | None:
    """ "The bank projects inflation to fall to 4 percent": the infinitive right after the object of a verb
    of forecasting, which the parser hung on the verb as a clause of purpose, is what is forecast of the
    object (an object and its infinitive, as in "expects inflation to ease")."""
    if cue_token.lemma_.lower() not in FORECAST_LEMMAS:
        return None
    objects = [child for child in cue_token.children if child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN")]
    for child in cue_token.children:
        if child.dep_ == "advcl" and any(grand.dep_ == "aux" and grand.lower_ == "to" for grand in child.children) \
                and any(child.left_edge.i == obj.right_edge.i + 1 for obj in objects):
            return child
    return None


def _is_frame(child: Token, cue: Cue) -> bool:
    """A phrase a mined frame of the cue word carries content in ("about" of "spoke about")."""
    return (child.dep_ == "prep" and child.lower_ in cue.frames) or (child.dep_ == "dobj" and OBJECT_FRAME in cue.frames)


def _is_claim_preposition(child: Token, cue: Cue) -> bool:
    """The cue word's own preposition of a claim that its mined frames lack ("admitted to failures")."""
    return is_own_claim_phrase(child.head, child) and child.lower_ not in cue.frames and child.dep_ not in cue.content_deps


def _predicates_misread_as_head(cue_token: Token, indices: set[int]) -> set[int]:
    """ "Wu said that the remarks violated the accord, crossed a red line and called for war": the parser
    made a later predicate of the content ("crossed") the root with the cue clause as its object. A
    head after the content with no subject of its own is the content's predicate; it and its
    dependents (the cue clause aside) carry the content on."""
    head = cue_token.head
    if cue_token.dep_ != "ccomp" or head.i <= cue_token.i or not indices or max(indices) >= head.i \
            or head.pos_ != "VERB" or any(child.dep_ in SUBJECT_OR_EXPLETIVE_DEPS or child.dep_ == "mark" for child in head.children) \
            or not any(child.dep_ == "ccomp" and child.i in indices for child in cue_token.children) \
            or cue_token.left_edge.i != cue_token.sent.start:
        return set()
    carried = _subtree_indices(head) - _subtree_indices(cue_token)
    while carried and (cue_token.doc[max(carried)].is_punct or cue_token.doc[max(carried)].is_space):
        carried.discard(max(carried))
    return carried


def _is_description(child: Token) -> bool:
    """ "acknowledged the mayor as “an amazing man”": what the object is called is content, whichever
    preposition frames the cue word has."""
    return child.dep_ == "prep" and child.lower_ == "as" and describes_as(child.head)


def _is_gapped_object(child: Token) -> bool:
    """ "thanked the firefighters for their courage, and the volunteers for their help": the verb left
    out of the second conjunct ("and [thanked] the volunteers"), so the parser joined the noun to the
    verb; it is a second object of the same cue."""
    return child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN") and child.i > child.head.i


def _is_quoted_as(cue_token: Token) -> bool:
    """ "saying" of "was quoted as saying"."""
    head = cue_token.head
    return cue_token.dep_ == "pcomp" and head.lower_ == "as" and head.head.lemma_ == "quote"


def _is_named_object(cue_token: Token, indices: set[int]) -> bool:
    """ "Christie endorsed Trump", "voters who backed Cruz": a one-word content that names whom the
    cue's subject stands for or against (PolNeAR counts it; the quotes table keeps no one-word
    reported speech, ``claims``)."""
    if len(indices) != 1:
        return False
    token = cue_token.doc[next(iter(indices))]
    return token.dep_ == "dobj" and token.head == cue_token and token.ent_type_ in NAMED_OBJECT_ENTITIES \
        and attribution_kind(cue_token, cue_for(cue_token), "indirect") != SPEECH  # "called Trump": a phone call


def is_time_phrase(preposition: Token) -> bool:
    """ "on Tuesday", "on March 3": when, not what."""
    return any(grand.dep_ == "pobj" and grand.ent_type_ in TIME_ENTITY_LABELS for grand in preposition.children)


def _claim_phrase(phrase: Token) -> set[int]:
    """The cue's claim preposition with its object and the phrases right after it that the parser hung on the
    cue ("admitted to failures in oversight"), not a date ("admitted to the theft on Monday")."""
    indices = _subtree_indices(phrase)
    for sibling in phrase.head.children:
        if sibling.i > phrase.i and sibling.dep_ == "prep" and sibling.left_edge.i == max(indices) + 1 \
                and not is_time_phrase(sibling):
            indices |= _subtree_indices(sibling)
    return indices


def _is_setting_beside_clause(child: Token) -> bool:
    """ "warned in a statement Saturday that ...", "said on Tuesday that ...", "Speaking in Lima, the minister
    said that ...": before a content clause, a phrase of where or when, or a participle opening the
    sentence, is the reporter's frame of the words, not part of them."""
    fronted_participle = child.dep_ == "advcl" and child.tag_ == "VBG" and child.i < child.head.i \
        and child.left_edge.i == child.sent.start
    return (fronted_participle or (child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS)) and any(
        (sibling.dep_ == "ccomp" or _is_that_clause(sibling)) and sibling.left_edge.i > child.right_edge.i
        for sibling in child.head.children)  # not "called on the council to act": whom the call is to


def _is_fronted_setting(child: Token) -> bool:
    """ "In a statement, the ministry called the decision a provocation": a phrase that opens the sentence, set
    off by a comma before the cue's subject, is the reporter's frame of the words, not part of them."""
    doc = child.doc
    after = child.right_edge.i + 1
    return child.dep_ == "prep" and child.i < child.head.i and child.left_edge.i == child.sent.start \
        and after < len(doc) and doc[after].text == "," and any(
            sibling.dep_ in SUBJECT_OR_EXPLETIVE_DEPS and after < sibling.i < child.head.i
            for sibling in child.head.children)


def _without_colon_lead_in(cue_token: Token, indices: set[int]) -> set[int]:
    """ "emphasized the cautious approach: “We held rates ...”", "echoed the sentiment: “...”": an object
    the reporter sets before a colon and a quote names what follows; the words start after the colon."""
    doc = cue_token.doc
    if min(indices) <= cue_token.i:
        return indices
    colon = next((token for token in doc[cue_token.i + 1:max(indices)] if token.text == ":"), None)
    if colon is None or colon.i + 1 >= len(doc) or not doc[colon.i + 1].is_quote:
        return indices
    lead_in = {index for index in indices if index < colon.i}
    objects = [child for child in cue_token.children if child.dep_ == "dobj" and child.i < colon.i]
    if lead_in and len(objects) == 1 and lead_in <= set(range(objects[0].left_edge.i, colon.i)):
        return {index for index in indices if index > colon.i}
    return indices


# Verbs that name or describe a thing: "what X called / described as / termed ...".
NAME_WHAT_LEMMAS = NAMING_LEMMAS | {"describe", "characterize", "characterise"}
PRESENT_OR_MODAL_TAGS = frozenset({"VBZ", "VBP", "MD"})


def _clause_after_trailing_cue(cue_token: Token) -> set[int]:
    """ "Growth was driven by “strong demand”, he added, and travel is expected to stay high": a clause
    in the present or with a modal joined by "and" after a trailing cue goes on with the speaker's
    claim (a past-tense clause, "he said, and the crowd cheered", is the reporter's narration)."""
    for child in cue_token.children:
        if child.dep_ != "conj" or child.i < cue_token.i or child.pos_ not in ("VERB", "AUX") \
                or not any(grand.dep_ in SUBJECT_OR_EXPLETIVE_DEPS for grand in child.children) \
                or not any(word.tag_ in PRESENT_OR_MODAL_TAGS for word in [child, *child.children]
                           if word is child or word.dep_ in ("aux", "auxpass")):
            continue
        if any(word.dep_ == "cc" and word.lower_ == "and" for word in cue_token.doc[cue_token.i + 1:child.left_edge.i]):
            end = min(child.right_edge.i, child.i + MAX_CONTENT_REACH)
            while end > child.i and (cue_token.doc[end].is_punct or cue_token.doc[end].is_space):
                end -= 1
            return set(range(child.left_edge.i, end + 1))
    return set()


def _correlative_second_half(cue_token: Token, indices: set[int]) -> set[int]:
    """ "said the layoffs are not only caused by weak demand, but high prices are ...": the parser hung the
    "but" half of "not only ... but" on the cue; it finishes the speaker's sentence."""
    doc = cue_token.doc
    if not any(doc[index].lower_ == "only" and index > 0 and doc[index - 1].lower_ == "not" for index in indices):
        return set()
    last = max(indices)
    for child in cue_token.children:
        if child.dep_ == "conj" and child.i > last and any(
                word.lower_ == "but" for word in doc[last + 1:child.left_edge.i + 1]):
            return set(range(last + 1, min(child.right_edge.i, child.i + MAX_CONTENT_REACH) + 1))
    return set()


def content_indices(cue_token: Token, cue: Cue) -> set[int]:
    """Token indices of the attributed content of a cue (empty when the parse shows none)."""
    if (clause := made_clear_clause(cue_token)) is not None:
        return _subtree_indices(clause)
    indices = _content_indices(cue_token, cue)
    return _without_colon_lead_in(cue_token, indices) if indices else indices


def names_what(cue_token: Token) -> bool:
    """ "showed what the coach called the most modern style", "what critics describe as a sham": the
    speaker's words are the name (the "what" is the thing outside, named by the reporter); the naming is
    the speaker's own attribution, not part of the outer cue's content."""
    head = cue_token.head
    asked = head is not cue_token and head.pos_ == "VERB" and cue_for(head) is not None \
        and attribution_kind(head, cue_for(head), "indirect") == SPEECH  # "asked what he called the plan": a question
    return cue_token.lemma_.lower() in NAME_WHAT_LEMMAS and not asked and any(
        child.dep_ == "dobj" and child.lower_ == "what" and child.i < cue_token.i for child in cue_token.children)


def _content_indices(cue_token: Token, cue: Cue) -> set[int]:
    indices: set[int] = set()
    what_named = names_what(cue_token)
    speaker = inverted_subject(cue_token)  # '“...,” urged the president': the object is who spoke
    interrupted = interrupted_subject(cue_token)  # "NAME, speaking ... after X announced Y, said Z"
    misread = interrupted[1] if interrupted is not None else None
    forecast = forecast_infinitive(cue_token)
    for child in cue_token.children:
        # "said in a statement that the port would reopen, the paper reported": the phrase holds the content
        # clause the parser misread, so it is no mere setting beside the trailing credit's clause
        clause = _clause_misread_as_relative(child) if child.dep_ == "prep" else None
        if clause is None and (_is_setting_beside_clause(child) or _is_fronted_setting(child)
                               or is_lead_before_colon(child)
                               or (what_named and child.dep_ == "dobj") or (speaker is not None and child.i == speaker.i)
                               or (misread is not None and child.i == misread.i)):
            continue
        if what_named and child.dep_ == "prep" and child.lower_ == "as":
            indices |= _subtree_indices(child) - {child.i}  # "what critics describe as a rigged vote"
            continue
        if _is_misread_complementizer(child):
            # "reaffirmed that X was Y" parsed with "that" as the object: the rest of the sentence
            return set(range(child.i, _sentence_end(cue_token, child) + 1))
        if clause is not None:
            indices |= _subtree_indices(clause)
        elif indices and _is_gapped_object(child):
            start = child.left_edge.i
            while start > 0 and cue_token.doc[start - 1].dep_ in ("cc", "punct"):
                start -= 1  # ", and": one stretch of content
            indices |= _subtree_indices(child) | set(range(start, child.left_edge.i))
        elif _is_claim_preposition(child, cue):
            indices |= _claim_phrase(child)  # "admitted to failures in oversight": what is admitted
        elif child.dep_ in cue.content_deps or _is_that_clause(child) or _is_frame(child, cue) \
                or _is_description(child) or (forecast is not None and child.i == forecast.i):
            indices |= _subtree_indices(child)
    indices |= _predicates_misread_as_head(cue_token, indices)
    if indices:
        indices |= _correlative_second_half(cue_token, indices)
    if not indices and _is_quoted_as(cue_token):
        # "The talks stalled, an official was quoted as saying": the words hang from "quoted"
        quoted = cue_token.head.head
        for child in quoted.children:
            if child.dep_ == "ccomp":
                indices |= _subtree_indices(child)
    if not indices:
        head = cue_token.head
        if cue_token.dep_ in TRAILING_CUE_DEPS and head.i < cue_token.i and not _has_conjunction(cue_token) \
                and not _owns_content(head) and not _is_bare_participle(cue_token):
            # "“…,” Tester said, referring to …": "said" owns the quote; "NAME welcomed the deal, writing on X: …"
            # goes on with the subject's own acts, it does not report them
            indices = set(range(max(head.left_edge.i, cue_token.left_edge.i - MAX_CONTENT_REACH),
                                cue_token.left_edge.i))
        elif cue_token.dep_ in PARENTHETICAL_CUE_DEPS and head.i > cue_token.i and _is_parenthetical(cue_token):
            # "The bridge, Ms. Varga said, would cut the commute in half."
            indices = _subtree_indices(head) - _subtree_indices(cue_token)
        else:
            indices = _infinitive_after(cue_token) or _previous_sentence_if_bare(cue_token)
    if indices and max(indices) < cue_token.i and not cue_token.doc[min(indices)].is_quote:
        indices |= _clause_after_trailing_cue(cue_token)  # "X, he added, and Y is expected to ..."
    return indices if len(indices) >= MIN_CONTENT_TOKENS or _is_named_object(cue_token, indices) else set()


def _is_bare_participle(token: Token) -> bool:
    """An -ing form with no subject of its own ("writing on X"): it goes on with its head clause's subject."""
    return token.tag_ == "VBG" and not any(child.dep_ in SUBJECT_OR_EXPLETIVE_DEPS for child in token.children)


def _opens_reporter_addition(doc, index: int) -> bool:
    """Whether the words at ``index`` start what the reporter adds after someone's words: a contrast
    ("even as the minister renewed threats ...") or an appraisal in apposition ("..., a clear sign
    that ..."). In PolNeAR train such words follow the end of a gold quote about three times as
    often as they fall inside one."""
    words = [token.lower_ for token in doc[index:index + 4]]
    after_comma = index > 0 and doc[index - 1].text == ","
    if words[:2] in (["even", "as"], ["even", "while"]):
        return after_comma or doc[index].text == "Even"  # a headline has no commas
    if not after_comma or words[:1] not in (["a"], ["an"]):
        return False
    return any(word in APPRAISAL_NOUNS for word in words[1:3])


def _without_next_clause_subject(doc, indices: set[int]) -> set[int]:
    """ "... to seize more territory and peace talks failed": the parser took the next clause's subject
    ("peace talks") as a conjunct of the content's last noun; the finite verb right after the content
    shows it is not."""
    last = max(indices)
    verb = next((token for token in doc[last + 1:last + 1 + MAX_WORDS_BEFORE_STRANDED_VERB]
                 if token.tag_ in FINITE_VERB_TAGS), None)
    if verb is None or any(child.dep_ in SUBJECT_OR_EXPLETIVE_DEPS for child in verb.children) \
            or not all(verb in word.ancestors for word in doc[last + 1:verb.i]):
        return indices
    for index in sorted(indices, reverse=True):
        token = doc[index]
        trailing = doc[token.right_edge.i + 1:last + 1]
        # what follows the conjunct ("in Moscow") hangs on the verb but goes with the stranded subject
        if token.dep_ == "conj" and token.pos_ in ("NOUN", "PROPN") and \
                all(word.dep_ in ("prep", "pobj", "det", "amod", "compound") for word in trailing):
            start = token.left_edge.i
            if start > 0 and doc[start - 1].dep_ == "cc":
                start -= 1
            return {kept for kept in indices if kept < start}
    return indices


def _without_concession(cue: Token, indices: set[int]) -> set[int]:
    """ "calls the plan “a good start,” despite describing it as “too timid”": the concession
    is the reporter's frame around a second statement, not part of the first."""
    for child in cue.children:
        conceding = (child.dep_ == "prep" and child.lower_ in CONCESSIVE_WORDS) or (
            child.dep_ == "advcl" and any(grand.dep_ == "mark" and grand.lower_ in CONCESSIVE_WORDS
                                          for grand in child.children))
        if conceding and child.i > cue.i:
            indices = indices - set(range(child.left_edge.i, child.right_edge.i + 1))
    return indices


def _without_absolute_speech(cue: Token, indices: set[int]) -> set[int]:
    """ "The panel focused on the budget, with Dr. Lund stressing ...": the absolute clause is another
    speaker's attribution, not part of this one."""
    for child in cue.children:
        if child.dep_ != "prep" or child.lower_ != "with" or child.i == 0 or cue.doc[child.i - 1].text != ",":
            continue
        if any(grand.dep_ == "pcomp" and cue_for(grand) is not None
               and any(great.dep_ in SUBJECT_OR_EXPLETIVE_DEPS for great in grand.children) for grand in child.children):
            indices = indices - set(range(child.left_edge.i, child.right_edge.i + 1))
    return indices


def _without_contrasted_statement(cue: Token, indices: set[int]) -> set[int]:
    """ "Smith warned that the deal would collapse, while Jones accused the government of stalling": a
    "while"/"whereas" clause set off by a comma, with its own subject and cue, is another attribution (the
    parse hangs it inside the first one's content); "said prices would rise while wages stalled" keeps its
    contrast, and "shows an officer aiming a gun while police shout at him" (no comma: at the same time) its
    scene."""
    doc = cue.doc
    for index in sorted(indices):
        clause = doc[index]
        if clause.i <= cue.i or clause.dep_ not in ("advcl", "conj") or clause.left_edge.i == 0 \
                or doc[clause.left_edge.i - 1].text != "," or clause.left_edge.lower_ not in CONTRASTING_CONJUNCTIONS \
                or not any(child.dep_ in SUBJECT_OR_EXPLETIVE_DEPS for child in clause.children):
            continue
        if _owns_content(clause) or (cue_for(clause) is not None and any(
                child.dep_ in CLAUSE_COMPLEMENT_DEPS for child in clause.children)):
            indices = indices - set(range(clause.left_edge.i, clause.right_edge.i + 1))
    return indices


def _without_trailing_credit(cue: Token, indices: set[int]) -> set[int]:
    """ "The agency announced that it would close the bridge, local papers reported": the parser made
    the trailing credit a second clause of the cue; it is who relays the words, not part of them. The
    parse may also hang the words on the credit ("He said that it would close, local papers reported"
    with the clause under "reported"): the credit then starts at its subject, after the comma."""
    doc = cue.doc
    for child in cue.children:
        subject = next((grand for grand in child.children if grand.dep_ in SUBJECT_OR_EXPLETIVE_DEPS and grand.i < child.i),
                       None)
        if child.dep_ not in PARENTHETICAL_CUE_DEPS or child.i < cue.i or cue_for(child) is None or subject is None:
            continue
        start = child.left_edge.i
        if doc[start].text != "," and start > 0 and doc[start - 1].text != "," and subject.left_edge.i > cue.i + 1 \
                and all(grand.i < child.i or grand.is_punct for grand in child.children):
            # the words the parse hung on a credit that ends the clause ("..., local papers reported.") lie
            # before its subject; "..., the firm could sell its mines" goes on with words of its own
            start = subject.left_edge.i
        comma = doc[start] if doc[start].text == "," else doc[start - 1] if start > 0 else None
        if comma is not None and comma.text == "," and any(cue.i < index < start for index in indices):
            return {index for index in indices if index < comma.i}
    return indices


def _without_according_credit(cue: Token, indices: set[int], covered) -> set[int]:
    """ "described the deal as “historic,” according to a statement": who relays the words is the
    reporter's frame, not part of them."""
    doc = cue.doc
    for index in sorted(indices):
        token = doc[index]
        if token.lower_ == "according" and index > cue.i and not covered(token.idx) \
                and any(child.lower_ == "to" for child in token.children):
            return indices - set(range(token.left_edge.i, token.right_edge.i + 1))
    return indices


def without_reporter_additions(doc, cue: Token, indices: set[int], covered) -> set[int]:
    """Content cut where the speaker's words end: at the first reporter's contrast or appraisal after
    the cue that is not inside quote marks (``covered(offset)`` tells), before a credit to whoever
    relays the words ("..., local papers reported", "according to ..."), and without another speaker's
    absolute clause or contrasted statement ("..., while Jones said ...")."""
    indices = _without_concession(cue, _without_absolute_speech(cue, _without_trailing_credit(cue, indices)))
    indices = _without_contrasted_statement(cue, indices)
    if cue.lower_ != "according":
        indices = _without_according_credit(cue, indices, covered)
    for index in sorted(indices):
        if index > cue.i and _opens_reporter_addition(doc, index) and not covered(doc[index].idx):
            indices = {kept for kept in indices if kept < index}
            break
    return _without_next_clause_subject(doc, indices) if indices else indices


def according_to_content(according: Token) -> set[int]:
    """Content of "X, according to Y": the clause "according" modifies, without the phrase itself."""
    clause = according.head
    while clause.dep_ not in ("ROOT", "ccomp", "conj") and clause.head is not clause:
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.i < clause.head.i and (interrupted := interrupted_subject(clause.head)) \
            and interrupted[1].i == clause.i:
        clause = clause.head  # "According to X, NAME, speaking ..., said Y": the aside misread as a clause
    return _subtree_indices(clause) - _subtree_indices(according)


BULLET_CHARS = "-\u2022*\u2013\u2014\u25cf\u00b7"
MAX_LISTED_PARAGRAPHS = 8
MAX_WORDS_OF_LISTED_ITEM = 60


def _is_request_item(doc, start: int, end: int) -> bool:
    """A paragraph that is one item of a list of requests: it opens (after a bullet) with a bare verb that
    has no subject ("Call an urgent meeting ...", "- Free the prisoners.")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    words = [token for token in span if not token.is_space and token.text not in BULLET_CHARS] if span is not None else []
    return bool(words) and len(words) <= MAX_WORDS_OF_LISTED_ITEM and words[0].tag_ == "VB" \
        and not any(child.dep_ in SUBJECT_OR_EXPLETIVE_DEPS for child in words[0].children)


def listed_after_colon(cue: Token) -> list[list[int]]:
    """ "The union asked the minister to:" and then one paragraph per request: the requests are the
    content (character spans, one per paragraph), not the words before the colon, which the parser
    reads as a dangling "the minister to"."""
    doc = cue.doc
    text = doc_text(doc)
    last = cue.sent.end - 1
    while last > cue.i and doc[last].is_space:
        last -= 1
    if last <= cue.i or doc[last].text != ":" or "\n" not in text[doc[last].idx:doc[last].idx + 3]:
        return []
    spans = []
    at = doc[last].idx + 1
    while len(spans) < MAX_LISTED_PARAGRAPHS:
        while at < len(text) and text[at].isspace():
            at += 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if at >= end or not _is_request_item(doc, at, end):
            break
        start = at + len(text[at:end]) - len(text[at:end].lstrip(BULLET_CHARS + " "))
        spans.append([start, end])
        at = end
    return spans


def paragraph_of(text: str, offset: int) -> tuple[int, int]:
    end = text.find("\n", offset)
    return text.rfind("\n", 0, offset) + 1, end if end >= 0 else len(text)


def _with_closing_single_mark(text: str, start: int, end: int) -> int:
    """ "his town is ‘unrecognisable.’": a one-word single-quoted term is no quote-mark span (apostrophes
    look the same), so the parse may end the content inside the marks; a content that opens a single
    mark it does not close takes the closing mark (and the stop before it) that follow."""
    inside = text[start:end]
    opened = inside.count(SINGLE_OPENING_MARK)
    closed = sum(1 for at, char in enumerate(inside) if char == SINGLE_CLOSING_MARK
                 and not (inside[at - 1:at].isalpha() and inside[at + 1:at + 2].isalpha()))  # "don’t"
    if opened <= closed:
        return end
    closing = re.match(r"[.,!?]?" + SINGLE_CLOSING_MARK, text[end:end + 2])
    return end + closing.end() if closing else end


def indices_to_spans(doc, indices: set[int], paragraph: tuple[int, int]) -> list[list[int]]:
    """Token indices to character spans inside one paragraph; punctuation-only gaps bridged, edges trimmed."""
    spans: list[list[int]] = []
    for index in sorted(indices):
        token = doc[index]
        if spans and (index == spans[-1][2] + 1 or all(t.is_punct or t.is_space
                                                      for t in doc[spans[-1][2] + 1:index])):
            spans[-1][1], spans[-1][2] = token.idx + len(token), index
        else:
            spans.append([token.idx, token.idx + len(token), index])
    text = doc_text(doc)
    trimmed = []
    for start, end, _ in spans:
        start, end = max(start, paragraph[0]), min(end, paragraph[1])
        while start < end and text[start] in EDGE_CHARS_TO_TRIM:
            start += 1
        while end > start and text[end - 1] in EDGE_CHARS_TO_TRIM:
            end -= 1
        end = _with_closing_single_mark(text, start, end)
        if any(char.isalnum() for char in text[start:end]):
            trimmed.append([start, end])
    return trimmed
