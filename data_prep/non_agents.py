"""Head nouns of source phrases that name no one who can speak, language data the quote stage and the
actor stage share (one definition each): occasions, steps, stretches of time, troubles, and the names
of texts and policies. Texts that speak for their authors ("the statement said") are not here."""
from __future__ import annotations

# Occasions: gatherings and exchanges ("the summit called for ...", "The discussions highlighted ...").
OCCASION_NOUNS = frozenset({
    "discussion", "talk", "talks", "meeting", "summit", "conference", "dialogue", "session", "negotiation",
    "briefing", "forum", "debate", "consultation", "visit", "trip", "tour", "ceremony", "gathering", "hearing",
    "event", "round", "exchange", "roundtable", "rally", "vote", "election", "call", "deliberation", "interview",
    "race", "contest"})
# Occasions the quote stage keeps as the source phrase written (the actor stage gives them no actor): a
# misparsed source headed by one often runs on into the speaker's name ("the election, NAME"), which the
# phrase still marks. Emptying those sources costs 0.2 points of PolNeAR dev q+s F1 (docs/benchmarks.md,
# "#12 actors structure, session 6").
SOURCE_KEPT_OCCASIONS = frozenset({
    "discussion", "talk", "conference", "dialogue", "negotiation", "briefing", "forum", "consultation",
    "hearing", "round", "exchange", "roundtable", "rally", "vote", "election", "call", "deliberation"})
# Steps and ways of acting ("a tactic of delay suggests ...", "the move signals ...").
STEP_NOUNS = frozenset({"tactic", "strategy", "move", "step", "effort", "approach", "decision", "campaigning",
                        "sign"})
# Stretches of time ("the week showed ...").
TIME_NOUNS = frozenset({"time", "day", "week", "month", "year", "moment", "period", "era"})
# Troubles and conflicts ("the war has shown ...", "the dispute suggests ...").
TROUBLE_NOUNS = frozenset({"issue", "problem", "situation", "crisis", "war", "conflict", "attack", "strike",
                           "fight", "dispute", "row", "standoff", "tension", "tensions", "protest", "demonstration",
                           "unrest", "riot", "clash", "violence", "fighting"})
# Every head noun of a phrase that names no one who speaks.
NON_AGENT_NOUNS = OCCASION_NOUNS | STEP_NOUNS | TIME_NOUNS | TROUBLE_NOUNS
# Source heads the quote stage empties (or hands to their possessor: "Trump's tactic" -> Trump).
NON_AGENT_SOURCE_NOUNS = NON_AGENT_NOUNS - SOURCE_KEPT_OCCASIONS

# Last words of the name of a text or policy, not of a body: "the Paris Agreement", "Nationally Determined
# Contributions", "the Carbon Border Adjustment Mechanism".
AGREEMENT_WORDS = frozenset({
    "agreement", "accord", "accords", "treaty", "protocol", "mechanism", "contribution", "contributions", "deal",
    "plan", "roadmap", "declaration", "resolution", "charter", "pact", "framework"})
# Last words of the name of an occasion: "the Sharm el-Sheikh Summit", "COP".
EVENT_NAME_HEADS = frozenset({"summit", "conference", "talks", "forum", "dialogue", "meeting", "cop"})
