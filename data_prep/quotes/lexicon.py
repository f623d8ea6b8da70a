"""Attribution cues: the lexicon mined from PolNeAR train (benchmarks/mine_quote_cues.py)."""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from data_prep.labels import CLAUSE_COMPLEMENT_DEPS, SUBJECT_DEPS
from data_prep.non_agents import NON_AGENT_SOURCE_NOUNS

LEXICON_PATH = Path(__file__).with_name("cue_lexicon.json")
FRAMES_PATH = Path(__file__).with_name("cue_frames.json")
JUDGING_WORDS_PATH = Path(__file__).with_name("judging_words.csv")
# A prepositional frame ("talk about", "push for") whose occurrences in train were attributions with the
# phrase as content at least this often makes a weak or rare cue word count with that phrase.
MIN_FRAME_PRECISION = 0.6
OBJECT_FRAME = "(object)"  # the key benchmarks/mine_quote_cues.py gives the object frame
# A mined lemma is used when at least this share of its occurrences in train were attribution cues;
# cues of beliefs and plans ("wants", "hopes") need more evidence than speech verbs.
MIN_PRECISION = 0.3
MIN_PRECISION_NON_SPEECH = 0.45
# Below those, down to this share, a lemma is a cue only with a source and either a clause complement
# ("analysts believe that ...", "the campaign hopes to ...") or a partial quote in what it governs
# ("condemned the test as “provocative”").
MIN_PRECISION_WITH_CLAUSE = 0.16
MIN_SUPPORT = 3
# Objects that make "claim" or "declare" a deed: lives taken, a state or a war proclaimed ("the storm
# claimed five lives", "declared a state of emergency", "declares disaster").
DEED_OBJECT_NOUNS = frozenset({"life", "victim", "casualty", "toll", "emergency", "disaster", "war", "curfew",
                               "holiday", "independence", "bankruptcy", "ceasefire", "truce", "mourning",
                               "martial", "law", "quarantine", "lockdown"})
# Objects that make "claim" a deed too: power or a prize taken ("the rebels claimed control of the town",
# "claimed the title"). "claimed victory" and "claimed responsibility for" stay claims: they are said (PolNeAR
# train counts one of three "claimed responsibility" and none of eight "claim the nomination").
CLAIMED_PRIZE_NOUNS = frozenset({"control", "title", "nomination", "seat", "crown", "throne", "medal", "prize",
                                 "trophy", "cup", "championship", "lead"})
# Objects that make "post" a deed: a company's results ("posted a 12% rise in profit", "posted a loss"),
# not a message posted ("posted a video", "posted on X").
RESULT_NOUNS = frozenset({"profit", "profits", "loss", "losses", "rise", "increase", "gain", "growth", "decline",
                          "drop", "fall", "surplus", "deficit", "revenue", "revenues", "earnings", "turnover",
                          "result", "results", "record", "margin", "sales", "jump", "slump", "dip", "income"})
# Nouns of evidence: what "suggest", "indicate" or "show" report when one of them is the subject is an
# inference from it, not someone's words ("signals suggest", "the figures indicate").
EVIDENCE_NOUNS = frozenset({"sign", "signal", "indicator", "indication", "data", "figure", "number",
                            "statistic", "evidence", "trend", "reading", "forecast", "projection", "model",
                            "price", "market"})
MIN_CONTENT_DEP_SHARE = 0.15
# Children that can carry content; a mined share for any other label (punct for the quote marks,
# nsubj of "seems") describes the source or the layout, not what is attributed. Whom something is
# told to (dative: "told AFP") is the recipient and never appears here.
CONTENT_CAPABLE_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "prep", "acl", "attr", "advcl", "pcomp"})

# Predicate adjectives of ability, readiness, speed or likelihood: "was willing to", "were quick to condemn",
# "is likely to win" say nothing of a stance; the verb after them may (PolNeAR train: 7 of 20 "willing"
# predictions were attributions, and "quick to" takes the attribution of its verb).
MODAL_ADJECTIVES = frozenset({"willing", "unwilling", "quick", "slow", "able", "unable", "ready", "likely",
                              "unlikely", "free", "eligible", "prepared", "due", "set", "bound", "sure",
                              "certain", "careful", "poised", "apt"})

# Verbs whose participle tells what a thing is for: "rules intended to curb lending", "a tax designed to ...".
PURPOSE_LEMMAS = frozenset({"design", "intend", "mean", "aim"})

# Nouns that report a statement by their owner even where PolNeAR's counts are too thin to mine them
# ("renewed threats to seize ...", "his pledge to cut taxes"), and verbs that deliver such a noun, so
# that the verb's subject owns it.
STATEMENT_NOUNS = frozenset({"threat", "warning", "pledge", "vow", "promise", "demand", "claim", "assertion",
                             "accusation", "insistence", "denial", "call", "ultimatum"})
DELIVERING_VERBS = frozenset({"renew", "repeat", "reiterate", "issue", "make", "voice", "restate", "deliver",
                              "level", "escalate", "double", "step"})

# Cues whose object can name a source rather than what it said ("citing NBC News", "citing people
# familiar with the talks"), and the nouns that name a cited source (the actor stage's
# unnamed_source_nouns.csv is another idea: what kind of unnamed speaker a phrase is).
SOURCE_NAMING_LEMMAS = frozenset({"cite"})
SOURCE_NOUNS = frozenset({"source", "official", "people", "person", "report", "reports", "document", "documents",
                          "statement", "diplomat", "aide", "agency", "media", "outlet", "newspaper", "broadcaster",
                          "channel", "network", "tv", "television", "daily", "radio", "wire"})
# "who asked not to be named": verbs of asking, and of identifying a source, that state a source's terms.
ANONYMITY_ASKING_LEMMAS = frozenset({"ask", "request"})
IDENTIFYING_LEMMAS = frozenset({"name", "identify", "quote", "cite"})
# Verbs of getting a text from someone else: "had received guarantees confirming ...": their subject is no
# issuer of it.
RECEIVING_LEMMAS = frozenset({"receive", "get", "obtain", "hear"})
# Media that relay someone's words ("local papers reported that the city told ...").
MEDIA_NOUNS = frozenset({"agency", "media", "medium", "outlet", "newspaper", "paper", "broadcaster", "channel",
                         "network", "television", "daily", "radio", "wire", "report", "press", "tabloid",
                         "magazine", "website", "news"})
# What a prepositional phrase of a speech verb holds when it is all the content: the claim itself
# ("called for a truce", "warned of consequences", "accused of lying"), a topic ("spoke about the
# talks", "commented on the deal"), or someone addressed or answered ("responded to a question",
# "lashed out at Beijing"), a manner ("said with a smile"). Only the first is a quote's words; "against"
# is a claim only after verbs of warning ("warned against travel", not "railed against the ban").
CLAIM_PREPOSITIONS = frozenset({"for", "of"})
# Verbs that judge, greet, take up or let out a thing: with only an object ("criticised the plan",
# "credited the mediators", "discussed the tariffs", "raised the issue of ...") they report no claim.
CLAIMLESS_OBJECT_LEMMAS = frozenset({
    "criticize", "criticise", "praise", "condemn", "welcome", "hail", "thank", "credit", "blame", "slam", "applaud",
    "denounce", "attack", "reject", "dismiss", "mock", "deride", "commend", "laud", "rebuke", "chide", "lambast",
    "lambaste", "assail", "decry", "congratulate", "salute", "discuss", "address", "raise", "broach", "debate",
    "question", "challenge", "dispute", "protest", "lament", "bemoan", "thank", "defend", "blast",
    "release",  # "released the hostages", "released a draft": a thing let out, not words
    "observe", "chant"})  # "observed Unity Day", "chanted slogans": a deed; "observed that ..." stays
# Verbs of telling or admitting how things are: a bare object is what they were about ("described the
# scene", "acknowledged the crowd"), an object with content of its own is what the speaker reported
# ("described deep frustration among the delegations", "acknowledged the delays in the rollout").
CONTENT_OBJECT_LEMMAS = frozenset({"describe", "acknowledge"})
# Verbs whose prepositional phrase beyond CLAIM_PREPOSITIONS is the claim: "warned against travel", "pointed
# to rising costs" (what the speaker holds is the cause or the evidence); "railed against the ban" is not.
LEMMA_CLAIM_PREPOSITIONS = {"warn": "against", "caution": "against", "advise": "against", "counsel": "against",
                            "point": "to"}
# And those whose phrase is the claim only when the verb has no object: "admitted to failures in oversight"
# (what is admitted); "admitting Poland to NATO" lets a member in.
OBJECTLESS_CLAIM_PREPOSITIONS = {"admit": "to"}
# Objects that make "expressed ..." a greeting, not a claim ("expressed gratitude to the hosts"); "expressed
# concern over ...", "expressed hope that ..." stay claims.
GREETING_NOUNS = frozenset({"gratitude", "thanks", "appreciation", "condolence", "condolences", "sympathy",
                            "sympathies", "congratulations", "greetings", "welcome"})
# Feelings someone shows ("expressed disappointment at the ruling", "voiced frustration over the delays"): with
# only a phrase of what caused them, a reaction, not a claim; a clause keeps them one ("expressed regret that
# the talks failed"). Feelings that judge their object ("satisfaction with the progress", "pride in the team",
# "regret over the delay": an apology) or hold a view of what is wrong or to come ("concern over", "hope for",
# "fear of") stay claims (realnews dev gold: "expressing concerns over the activities of ...").
FEELING_NOUNS = frozenset({"disappointment", "frustration", "anger", "outrage", "dismay", "sorrow", "sadness", "grief",
                           "shock", "displeasure", "indignation", "anguish", "horror", "fury", "irritation",
                           "annoyance", "disgust", "delight", "pleasure", "joy", "happiness", "relief", "surprise",
                           "astonishment", "excitement"})
# Verbs by which someone shows their own feeling ("expressed", "voiced"); "described deep frustration among the
# delegations" reports others' feelings and stays a quote.
EXPRESSING_LEMMAS = frozenset({"express", "voice", "convey", "register", "vent"})
# Verbs of greeting: what they name with "for" or "on" is the occasion ("thanked the mediators for their
# efforts", "congratulated the team on the win"), not a claim, unlike the reproach of "criticised X for Y".
GREETING_LEMMAS = frozenset({"thank", "congratulate"})
# Openers of an embedded question: "did not say whether ...", "avoided stating when ..." report no claim.
QUESTION_CLAUSE_OPENERS = frozenset({"whether", "if", "what", "why", "how", "when", "who", "which", "where"})
# Verbs under which a cue reports words not said: "avoided stating", "declined to say", "refused to comment".
AVOIDING_LEMMAS = frozenset({"avoid", "decline", "refuse", "fail", "neglect", "evade", "sidestep", "dodge"})
# Texts whose contents a reporter describes ("the plan calls for ...", "the deal includes ..."): a
# document's provisions, not someone's words. Statements, letters and declarations do speak for their
# authors and are not here.
PROVISION_NOUNS = frozenset({"plan", "agreement", "deal", "proposal", "framework", "draft", "text", "document",
                             "bill", "law", "treaty", "accord", "roadmap", "decision", "resolution", "program",
                             "programme", "initiative", "blueprint", "package", "order", "rule", "regulation",
                             "ceasefire", "truce", "arrangement", "mechanism", "budget", "policy"})
# Cues of a question put to the subject: "Asked whether he would go, the minister said ..." is the
# interviewer's question, not the minister's words.
QUESTION_LEMMAS = frozenset({"ask", "question", "press", "quiz", "pose"})
# Objects that only point back at words already reported ("echoed that sentiment").
ANAPHORIC_DETERMINERS = frozenset({"this", "that", "these", "those", "such", "same", "similar"})
ANAPHORIC_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "them", "so", "one"})

# Sources that cannot hold a belief or a plan: events, agreements, processes, things. A belief or plan
# cue with one of them as subject ("Their meeting aims to ...") is no attribution; speech cues keep
# them, since texts speak ("the agreement says").
THING_NOUNS = frozenset({"meeting", "talk", "talks", "agreement", "deal", "accord", "fight", "clock", "initiative",
                         "program", "programme", "effort", "decision", "approach", "system", "issue", "bill",
                         "law", "measure", "proposal", "move", "policy", "summit", "conference", "event",
                         "process", "framework", "treaty", "war", "conflict", "crisis", "situation", "visit",
                         "plan", "project", "reform", "tariff", "ban", "strike", "attack", "election", "vote",
                         "dispute", "row", "standoff", "spat", "feud", "rift", "impasse", "deadlock", "tension",
                         "tensions", "reference", "mention", "wording", "clause", "delay", "failure", "collapse"})
# Source phrases that cannot speak: events, gatherings, contests, steps and stretches of time ("the
# gathering called for ...", "a tactic of delay suggests ...", "the race showed ..."): the list the actor
# stage shares, less the occasions a source phrase is kept for (data_prep/non_agents.py).
NON_AGENT_NOUNS = NON_AGENT_SOURCE_NOUNS
# Words of a speaker that stand for the speaker with a possessor ("His remarks suggested that ...").
UTTERANCE_NOUNS = frozenset({"remark", "remarks", "comment", "comments", "speech", "words", "tone", "rhetoric"})

# Verbs of forecasting, whose object and an infinitive after it are one forecast ("projects inflation to
# fall to 4 percent"), though the parser may hang the infinitive on the verb as a clause of purpose.
FORECAST_LEMMAS = frozenset({"project", "forecast", "predict", "expect", "estimate"})
# Verbs that give an object a name ("called the deal “historic”", "labelled it “a farce”").
NAMING_LEMMAS = frozenset({"call", "label", "dub", "term", "brand", "deem", "pronounce"})
# Verbs of aspect or habit: "continues to trail", "tend to vote early" say how long or how often
# something happens, which is no one's act or belief unless what continues is itself a cue ("continued
# to insist that ...").
ASPECTUAL_LEMMAS = frozenset({"continue", "tend"})
# Phrasal verbs that are no cue although their verb is one: "show up at the rally" is arriving, not
# showing (PolNeAR train: 4 of 24 predictions of "show up" were attributions).
NON_CUE_PHRASAL_VERBS = frozenset({("show", "up")})
# Participles that give a thing its name ("a website called ...", "a book titled ...", "a rule known as ..."):
# a name, said by no one.
NAME_GIVING_PARTICIPLE_LEMMAS = NAMING_LEMMAS | {"title", "entitle", "name", "know"}

# Verbs that pass on words someone else said first: in "NAME said that ..., the Daily Courier reported"
# whoever reports is where the words were read, whatever its name, and the quote is the inner speaker's.
RELAYING_CUE_LEMMAS = frozenset({"report"})
# Cues whose prepositional phrase tells where something appeared, not what it says ("posted on X").
MEDIUM_CUE_LEMMAS = frozenset({"post", "publish", "appear", "air", "broadcast"})
# Prepositions of where; a cue with no source and only such a phrase ("is mentioned in the closing
# text") reports nobody's words. "for", "of", "about" phrases stay: PolNeAR counts "was
# criticized for ...", "accused of ...".
PLACE_PREPOSITIONS = frozenset({"in", "on", "at", "during", "inside"})


@dataclass(frozen=True)
class Cue:
    lemma: str
    pos: str
    precision: float
    speech: bool
    content_deps: frozenset[str]
    needs_clause: bool = False
    # prepositions whose phrase is content ("about" of "talk"), and OBJECT_FRAME when an object after
    # a named or personal subject is ("Smith defended the plan")
    frames: frozenset[str] = frozenset()
    frame_only: bool = False  # too rare a cue to count but with one of its frames


def _frames() -> dict[tuple[str, str], frozenset[str]]:
    data = json.loads(FRAMES_PATH.read_text(encoding="utf-8"))["frames"]
    return {(lemma, pos): frozenset(prep for prep, facts in preps.items() if facts["precision"] >= MIN_FRAME_PRECISION)
            for pos, lemmas in data.items() for lemma, preps in lemmas.items()}


# Verbs of assertion that international English uses and PolNeAR's US news too rarely to mine:
# with a clause or an object they report a claim ("affirmed the people's right to ...").
UNMINED_ASSERTION_LEMMAS = frozenset({"affirm", "underline"})


@lru_cache(maxsize=1)
def load_lexicon() -> dict[tuple[str, str], Cue]:
    data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))["cues"]
    frames = _frames()
    lexicon = {}
    for pos, lemmas in data.items():
        for lemma, facts in lemmas.items():
            speech = facts["speech_share"] >= 0.5
            own_frames = frames.get((lemma, pos), frozenset()) if pos == "VERB" else frozenset()
            rare = facts["precision"] < MIN_PRECISION_WITH_CLAUSE or facts["support"] < MIN_SUPPORT
            if rare and not own_frames:
                continue
            needs_clause = facts["precision"] < (MIN_PRECISION if speech else MIN_PRECISION_NON_SPEECH)
            mined_deps = {dep for dep, share in facts["content_deps"].items()
                          if share >= MIN_CONTENT_DEP_SHARE}
            # Clause complements always carry reported content, whatever the counts say.
            content_deps = frozenset() if rare else (mined_deps & CONTENT_CAPABLE_DEPS) | CLAUSE_COMPLEMENT_DEPS
            lexicon[(lemma, pos)] = Cue(lemma, pos, facts["precision"], speech, content_deps,
                                        needs_clause or rare, own_frames, rare)
    for lemma in UNMINED_ASSERTION_LEMMAS:
        lexicon.setdefault((lemma, "VERB"), Cue(lemma, "VERB", MIN_PRECISION, True, CLAUSE_COMPLEMENT_DEPS | {"dobj"}))
    return lexicon


# "made (it) clear that ...": speech whose cue word is the verb "make" only with "clear" and a clause.
MADE_CLEAR_CUE = Cue("make", "VERB", 1.0, True, CLAUSE_COMPLEMENT_DEPS)


def made_clear_clause(verb: Token) -> Token | None:
    """The clause of "made (it) clear (that) ...": what the speaker made clear; None for any other "make"."""
    if verb.lemma_.lower() != "make" or verb.pos_ != "VERB":
        return None
    clear = next((child for child in verb.children if child.lower_ == "clear"), None)
    if clear is None:
        return None
    return next((t for t in (*clear.children, *verb.children) if t.i > clear.i and (
        t.dep_ == "ccomp" or (t.dep_ in ("advcl", "dobj") and (t.left_edge.lower_ == "that" or any(
            child.dep_ in SUBJECT_DEPS for child in t.children))))), None)


def cue_for(token) -> Cue | None:
    """The lexicon entry for a token used as an attribution cue, if any. British spellings meet the
    American ones the lexicon was mined from ("characterised", "emphasised")."""
    lexicon = load_lexicon()
    lemma = token.lemma_.lower()
    if lemma == "make" and made_clear_clause(token) is not None:
        return MADE_CLEAR_CUE
    return lexicon.get((lemma, token.pos_)) or lexicon.get((american(lemma), token.pos_))


def claim_preposition(token) -> str | None:
    """The preposition whose phrase holds what this cue verb claims, beyond CLAIM_PREPOSITIONS, if any."""
    lemma = american(token.lemma_.lower())
    if lemma in OBJECTLESS_CLAIM_PREPOSITIONS and not any(child.dep_ == "dobj" for child in token.children):
        return OBJECTLESS_CLAIM_PREPOSITIONS[lemma]
    return LEMMA_CLAIM_PREPOSITIONS.get(lemma)


def is_own_claim_phrase(cue, phrase) -> bool:
    """Whether ``phrase`` is the cue verb's own claim preposition with a noun phrase or a gerund in it
    ("admitted to failures", "admitted to lying"; "pointed to me", "pointing to one": whom or which, not what)."""
    return phrase.dep_ == "prep" and phrase.lower_ == claim_preposition(cue) and any(
        (child.dep_ == "pobj" and child.pos_ in ("NOUN", "PROPN")) or child.dep_ == "pcomp" for child in phrase.children)


def american(lemma: str) -> str:
    """ "characterise" -> "characterize", "analyse" -> "analyze"; other words unchanged."""
    return lemma[:-2] + "ze" if lemma.endswith(("ise", "yse")) and len(lemma) > 5 else lemma


# Evaluative words that judge what they qualify ("a blatant challenge", "a grave mistake", "they have
# ignored the warnings"), which news reporting leaves to the people it quotes: a table of general
# evaluative English (adjectives and nouns of condemnation and error, verbs of accusation), not of any
# text (``judging_words.csv``, one word and its part of speech a line).
JUDGING_PARTS = ("adjective", "noun", "verb")


def _judging_words() -> dict[str, frozenset[str]]:
    with JUDGING_WORDS_PATH.open(encoding="utf-8", newline="") as handle:
        rows = [(row["word"].strip().lower(), row["part"].strip()) for row in csv.DictReader(handle)]
    unknown = {part for _, part in rows if part not in JUDGING_PARTS}
    if unknown:
        raise ValueError(f"{JUDGING_WORDS_PATH.name}: unknown parts {sorted(unknown)}")
    return {part: frozenset(word for word, word_part in rows if word_part == part) for part in JUDGING_PARTS}


_JUDGING = _judging_words()
JUDGING_ADJECTIVES = _JUDGING["adjective"]
JUDGING_NOUNS = _JUDGING["noun"]
JUDGING_VERBS = _JUDGING["verb"]
