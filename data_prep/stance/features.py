"""Text around a target, and the lexicon features both backends share (VADER + target-directed cues)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

WORD = re.compile(r"\w+(?:['’]\w+)*")
SENTENCE_BREAK = re.compile(r"[.!?;:]\s|[\n\u2014]")
CUE_DISTANCE_WORDS = 4

# Stems of verbs/nouns that direct a judgement at what follows them ("condemned X", "backs X").
FAVOR_CUES = (
    "admire", "applaud", "back", "backed", "backing", "backs", "champion", "commend", "congratulat",
    "defend", "endorse", "embrace", "hail", "honor", "honour", "laud", "prais", "salut", "support",
    "thank", "welcom", "urge", "call for", "calls for", "called for", "push for", "pushed for",
    "in favor of", "in favour of", "grateful", "celebrat", "trust",
)
AGAINST_CUES = (
    "accus", "attack", "assail", "blame", "blast", "boycott", "castigat", "censur", "condemn",
    "criticis", "criticiz", "decr", "denounc", "deplor", "derid", "disavow", "dismiss", "distrust",
    "fault", "lambast", "mock", "object", "oppos", "protest", "rebuk", "refus", "reject", "repudiat",
    "ridicul", "scold", "slam", "warn", "against", "impeach",
)
NEGATIONS = frozenset({"not", "no", "never", "nor", "without", "n't", "cannot", "neither", "nobody",
                       "nothing", "hardly", "barely"})

LEXICON_FEATURE_NAMES = (
    "window_compound", "window_positive", "window_negative", "text_compound",
    "favor_cue_before", "against_cue_before", "favor_cue_window", "against_cue_window",
    "negation_window",
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def locate_target(text: str, target: str, span: tuple[int, int] | list[int] | None) -> Span | None:
    """Where the target sits in the text: the given span when it is valid, else its first whole-word
    occurrence (case-insensitive); None when the text does not mention it."""
    if span is not None:
        start, end = int(span[0]), int(span[1])
        if 0 <= start < end <= len(text):
            return Span(start, end)
    if not target or not target.strip():
        return None
    match = re.search(rf"(?<!\w){re.escape(target.strip())}(?!\w)", text, flags=re.IGNORECASE)
    return Span(match.start(), match.end()) if match else None


def bounds_between(text: str, span: Span, breaks: re.Pattern) -> Span:
    """The stretch holding the span between the nearest ``breaks`` either side (one that straddles a
    break keeps both sides)."""
    start = 0
    for brk in breaks.finditer(text, 0, span.start):
        start = brk.end()
    brk = breaks.search(text, span.end)
    end = brk.start() + 1 if brk else len(text)
    return Span(start, max(end, span.end))


def sentence_bounds(text: str, span: Span) -> Span:
    """The clause-level stretch holding the target: cut at sentence ends, semicolons, colons, dashes."""
    return bounds_between(text, span, SENTENCE_BREAK)


def context_window(text: str, span: Span, max_words: int, within_clause: bool = True) -> Span:
    """The target plus up to ``max_words`` words either side (optionally not crossing a clause end)."""
    limits = sentence_bounds(text, span) if within_clause else Span(0, len(text))
    before = [m for m in WORD.finditer(text, limits.start, span.start)]
    after = [m for m in WORD.finditer(text, span.end, limits.end)]
    start = before[-max_words].start() if len(before) >= max_words else (before[0].start() if before else span.start)
    end = after[max_words - 1].end() if len(after) >= max_words else (after[-1].end() if after else span.end)
    return Span(min(start, span.start), max(end, span.end))


@lru_cache(maxsize=1)
def vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer()


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(cue) for cue in cues) + r")", re.IGNORECASE)


FAVOR_CUE_PATTERN = _cue_pattern(FAVOR_CUES)
AGAINST_CUE_PATTERN = _cue_pattern(AGAINST_CUES)


def cue_matches(text: str, start: int, end: int, pattern: re.Pattern) -> list[re.Match]:
    return list(pattern.finditer(text, start, end))


def _count(matches: list, cap: int = 2) -> float:
    return float(min(len(matches), cap))


def lexicon_features(text: str, span: Span, window_words: int = 8) -> np.ndarray:
    """The numbers listed in LEXICON_FEATURE_NAMES, for one target in one text."""
    window = context_window(text, span, window_words)
    window_text = text[window.start:window.end]
    window_scores = vader().polarity_scores(window_text)
    text_scores = vader().polarity_scores(text)
    words_before = [m for m in WORD.finditer(text, window.start, span.start)][-CUE_DISTANCE_WORDS:]
    before_start = words_before[0].start() if words_before else span.start
    lowered_words = {w.lower() for w in WORD.findall(window_text)} | (
        {"n't"} if "n't" in window_text.lower() else set())
    return np.array([
        window_scores["compound"], window_scores["pos"], window_scores["neg"], text_scores["compound"],
        _count(cue_matches(text, before_start, span.start, FAVOR_CUE_PATTERN)),
        _count(cue_matches(text, before_start, span.start, AGAINST_CUE_PATTERN)),
        _count(cue_matches(text, window.start, window.end, FAVOR_CUE_PATTERN)),
        _count(cue_matches(text, window.start, window.end, AGAINST_CUE_PATTERN)),
        float(bool(lowered_words & NEGATIONS)),
    ], dtype=np.float32)
