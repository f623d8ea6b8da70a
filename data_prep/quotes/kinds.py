"""What an attribution reports: someone's words (speech), what they think, feel, want or plan (belief),
or what they did (act).

PolNeAR counts all three as attributions; a journalist counts only the first as a quote. Quoted words
are always speech ("hopes “to be home by May”": those are her words). Otherwise the cue word decides:
the mined lexicon's speech share comes from PolNeAR's short list of speech verbs, so the verbs of
communication it leaves out ("stressed", "demanded", "denounced") are listed here; acts are a short list
of verbs of doing ("refused to", "voted", "signed"); every other cue reports a belief, a feeling or a plan.
"""
from __future__ import annotations

from spacy.tokens import Token

from data_prep.quote_record import SPEECH
from data_prep.quotes.lexicon import (CLAIMED_PRIZE_NOUNS, DEED_OBJECT_NOUNS, EVIDENCE_NOUNS, RESULT_NOUNS, Cue,
                                     american, cue_for)

BELIEF = "belief"
ACT = "act"
ATTRIBUTION_KINDS = (SPEECH, BELIEF, ACT)

# Verbs of communication (saying, asserting, asking, praising or blaming in words) whose PolNeAR speech
# share is low only because its speech-verb list is short.
SPEECH_LEMMAS = frozenset({
    "point", "talk", "speak", "cite", "refer", "express", "question", "reveal", "defend", "propose", "praise",
    "attack", "indicate", "reject", "denounce", "blame", "dismiss", "echo", "complain", "tout", "threaten",
    "repeat", "assure", "remind", "assert", "emphasize", "concede", "boast", "reiterate", "portray",
    "thank", "allege", "advocate", "stress", "decry", "rail", "demand", "lament", "disclose", "quote",
    "reference", "condemn", "applaud", "chant", "imply", "request", "plead", "apologize", "voice",
    "caution", "underscore", "hint", "recommend", "email", "label", "outline", "attribute", "credit", "invoke",
    "retweet", "retweete", "congratulate", "recount", "contend", "chide", "assail", "speculate", "vouch",
    "bemoan", "interject", "liken", "allude", "brag", "lash", "observe", "reaffirm", "dub", "lambast",
    "articulate", "recite", "rebuke", "proclaim", "inform", "forecast", "project", "characterize", "characterise",
    "clarify", "rebut", "press", "muse", "coin", "trumpet", "preach", "herald", "opine", "posit", "pronounce", "utter",
    "elaborate", "highlight", "mock", "deride", "welcome", "hail", "issue", "publish",
    "release", "list", "compare", "challenge", "counter", "contradict", "dispute", "deny",
    "summarize", "mention", "describe", "call", "brief", "signal", "appeal", "insist", "affirm",
    "maintain", "advise", "instruct", "invite", "exhort", "implore", "beg", "pledge", "vow", "swear", "promise",
    "acknowledge", "admit", "confess", "say", "tell", "ask", "write", "add", "note", "announce", "state",
    "declare", "explain", "respond", "reply", "answer", "remark", "comment", "testify", "tweet", "post",
})
# Verbs of doing: what an attribution with one of these reports is an act, not words.
ACT_LEMMAS = frozenset({
    "refuse", "decline", "vote", "sign", "veto", "sue", "push", "seek", "try", "attempt", "move", "nominate",
    "appoint", "fire", "approve", "pass", "launch", "file", "adopt", "introduce", "lobby", "pressure",
    "restrict", "prohibit", "authorize", "mandate", "withhold", "sentence", "resist", "balk",
    "acquiesce", "celebrate", "unveil", "campaign", "boycott", "summon", "lodge", "sanction", "ban", "block",
    "spend", "donate", "fund", "hire", "order", "continue", "strive", "opt", "act", "work", "fight", "join",
})
# Speech with a clause ("agreed that talks should resume"), an act otherwise ("agreed to a truce").
CLAUSE_OR_ACT_LEMMAS = frozenset({"agree", "accept"})
# Speech unless their only content is an object that makes them a deed: "The flood claimed five lives",
# "the country declares disaster", "declared a state of emergency", "the airline posted a rise in profit"
# are acts; "claimed that the vote was rigged", "declared her support for the bill", "posted a video" are
# words. Each verb with the nouns that make it a deed.
DEED_OBJECTS_BY_LEMMA = {"claim": DEED_OBJECT_NOUNS | CLAIMED_PRIZE_NOUNS, "declare": DEED_OBJECT_NOUNS,
                         "post": RESULT_NOUNS}
OBJECT_ACT_LEMMAS = frozenset(DEED_OBJECTS_BY_LEMMA)
# Noun children that can hold the deed: "declared Friday a day of mourning" is parsed as an adverbial noun.
DEED_OBJECT_DEPS = frozenset({"dobj", "npadvmod", "oprd"})
# Verbs that report evidence when a thing is their subject: "Early signs suggest a cut may follow" is
# what the signs point to (a belief the reporter draws), not anyone's words; "the minister suggested
# that ..." stays speech.
EVIDENCE_LEMMAS = frozenset({"suggest", "indicate", "show", "point"})
# Nouns of a claim, beside the statement nouns the quote stage reads with their owner.
SPEECH_NOUNS = frozenset({
    "claim", "threat", "warning", "pledge", "vow", "promise", "demand", "assertion", "accusation", "insistence",
    "denial", "call", "ultimatum", "criticism", "suggestion", "complaint", "allegation", "chant", "admission",
    "disclosure", "contention", "rejection", "cry", "statement", "remark", "comment", "announcement",
})
ACT_NOUNS = frozenset({"refusal", "attempt", "effort", "bid", "vote", "decision", "push", "move"})


# Verbs of seeing something as something: "Critics see the law as a gift to insurers" is a belief, while
# "presented the fair as a turning point" describes it in words.
SEEING_AS_LEMMAS = frozenset({"see", "view", "regard", "consider", "perceive", "treat", "think", "imagine",
                              "envision", "recognize", "accept", "know", "take", "count"})


# "as part of", "as a result of": a frame, not what the object is called.
AS_IDIOM_NOUNS = frozenset({"part", "result", "consequence", "means", "way", "well"})


def describes_as(token: Token) -> bool:
    """ "presented the fair as a turning point": an object and what it is called."""
    children = list(token.children)
    # not "what the campaign sees as ...": the object of a relative clause is the noun outside it;
    # in the passive with its agent ("was hailed by the mayor as ..."), the subject is the object
    passive_object = any(child.dep_ == "nsubjpass" for child in children) and any(
        child.dep_ == "agent" for child in children)
    return (passive_object or any(child.dep_ == "dobj" and child.tag_ not in ("WP", "WDT") for child in children)) and any(
        child.dep_ == "prep" and child.lower_ == "as" and any(
            grand.dep_ == "pobj" and grand.lemma_.lower() not in AS_IDIOM_NOUNS for grand in child.children)
        and token.doc[child.i - 1].text != ","  # ", as a dispute threatened ...": a conjunction, not a description
        for child in children)


def _has_evidence_subject(token: Token) -> bool:
    """ "Signals suggest ...", "the data show ...": a subject that is evidence, not someone."""
    return any(child.dep_ == "nsubj" and child.pos_ == "NOUN" and child.lemma_.lower() in EVIDENCE_NOUNS
               for child in token.children)


def is_lead_before_colon(child: Token) -> bool:
    """ "The damage remains vast: the council declared a state of emergency": a clause the parser hung
    on the cue ends in a colon before the cue's own subject; the colon announces the cue's sentence, so the
    clause before it is the reporter's lead, not what the cue reports. A quoted clause before the colon
    ("'We want a new leader': protesters say ...") is the words."""
    doc = child.doc
    after = child.right_edge.i + 1
    quoted = doc[child.left_edge.i].is_quote or doc[after - 1].is_quote or doc[after - 1].text in ("'", "\u2019")
    return child.dep_ == "ccomp" and not quoted and after < child.head.i and doc[after].text == ":" and any(
        sibling.dep_ in ("nsubj", "nsubjpass") and sibling.i > after for sibling in child.head.children)


def _is_deed_object_only(token: Token) -> bool:
    """ "claimed five lives", "declared a state of emergency", "posted a rise in profit": no clause, and
    an object of a deed; an infinitive after that object is its purpose ("declared a day of mourning to
    honour the victims"), not words."""
    nouns = DEED_OBJECTS_BY_LEMMA[american(token.lemma_.lower())]
    children = list(token.children)
    deeds = [child for child in children if child.dep_ in DEED_OBJECT_DEPS and (child.lemma_.lower() in nouns or any(
        grand.dep_ == "pobj" and grand.lemma_.lower() in nouns
        for preposition in child.children if preposition.dep_ == "prep" and preposition.lower_ in ("of", "in")
        for grand in preposition.children))]  # "a state of emergency", "a rise in profit"
    if any(child.dep_ == "dobj" and (child.pos_ == "NUM" or child.ent_type_ in ("MONEY", "PERCENT")) for child in children):
        # "posts $2.1bn in record profit": a sum, and what it is of hangs on the verb
        deeds += [grand for child in children if child.dep_ == "prep" and child.lower_ in ("of", "in")
                  for grand in child.children if grand.dep_ == "pobj" and grand.lemma_.lower() in nouns]
    return token.pos_ == "VERB" and bool(deeds) and not any(
        (child.dep_ == "ccomp" and not is_lead_before_colon(child)) or (child.dep_ == "xcomp" and child.i < deeds[0].i)
        for child in children)


def _is_participle_of_speech(token: Token) -> bool:
    """ "“...,” the volunteer said, estimating that a fifth of the town had collapsed": a participle with a
    clause set off after a speech cue says how the words went on, so it is speech too, whatever its verb."""
    head = token.head
    return token.tag_ == "VBG" and token.dep_ == "advcl" and head.i < token.i and token.doc[token.i - 1].text == "," \
        and any(child.dep_ == "ccomp" for child in token.children) and head.pos_ == "VERB" \
        and (cue := cue_for(head)) is not None and attribution_kind(head, cue, "indirect") == SPEECH


def attribution_kind(cue_token: Token | None, cue: Cue | None, quote_type: str | None) -> str:
    """Speech, belief or act, for an attribution of this type with this cue word."""
    if quote_type == "direct" or cue_token is None:
        return SPEECH
    lemma = american(cue_token.lemma_.lower())
    if lemma in OBJECT_ACT_LEMMAS and _is_deed_object_only(cue_token):
        return ACT  # a deed even with a quoted word inside ("posted a rise amid “strong” demand")
    if quote_type == "mixed":
        return SPEECH
    if lemma in CLAUSE_OR_ACT_LEMMAS:
        return SPEECH if any(child.dep_ == "ccomp" for child in cue_token.children) else ACT
    if lemma in EVIDENCE_LEMMAS and _has_evidence_subject(cue_token):
        return BELIEF
    if _is_participle_of_speech(cue_token):
        return SPEECH
    if cue_token.pos_ == "NOUN":
        return SPEECH if lemma in SPEECH_NOUNS else ACT if lemma in ACT_NOUNS else BELIEF
    if lemma in SPEECH_LEMMAS - ACT_LEMMAS or (describes_as(cue_token) and lemma not in SEEING_AS_LEMMAS) or (cue is not None and cue.speech and lemma not in ACT_LEMMAS):
        return SPEECH
    return ACT if lemma in ACT_LEMMAS else BELIEF


def is_speech_with_speaker(attribution) -> bool:
    """An attribution of someone's speech: "Minister NAME said that ...", "He told reporters that ..." (the
    actor stage names whom a pronoun stands for)."""
    return attribution.speaker is not None and attribution.cue is not None \
        and attribution_kind(attribution.cue, cue_for(attribution.cue), attribution.kind) == SPEECH
