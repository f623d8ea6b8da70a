"""Tests on the surface of a span: could it be a personal name, is it a piece of a web address, is it
a job title standing for a person."""
from __future__ import annotations

import re

from spacy.tokens import Span

from data_prep.actors import kinds
from data_prep.actors.gazetteer import gazetteer
from data_prep.actors.naming import TITLE_ABBREVIATIONS, TITLE_WORDS, fold

# Portfolio words in a title ("Environment Minister", "Trade Representative").
FIELD_WORDS = {"environment", "climate", "trade", "commerce", "finance", "health", "defence", "defense",
               "energy", "justice", "economy", "education", "agriculture", "interior", "executive", "home",
               "european", "labour", "labor", "transport", "industry", "culture"}
WEB_NAME = re.compile(r"[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)+")


def could_be_personal_name(span: Span, lower_case_words: frozenset[str]) -> bool:
    """Not "COP30" (digits), not "Az" of "Caliber.Az" (a piece of a web address), not "Mitigation" (a word
    the article also writes in lower case: ``lower_case_words``, from ``MentionBook``)."""
    if any(ch.isdigit() for ch in span.text) or glued_web_name(span):
        return False
    return len(span) != 1 or span.text.lower() not in lower_case_words


def glued_web_name(span: Span) -> str | None:
    """"Caliber.Az", "News.Az": the whole dotted name a token is glued into, when it is one."""
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and not doc[start - 1].whitespace_ and (doc[start - 1].text == "." or doc[start - 1].is_alpha):
        start -= 1
    while end < len(doc) and not doc[end - 1].whitespace_ and (doc[end].text == "." or doc[end].is_alpha) \
            and not (doc[end].text == "." and (end + 1 >= len(doc) or doc[end].whitespace_)):
        end += 1
    text = doc[start:end].text
    glued = (start, end) != (span.start, span.end)
    return text if glued and WEB_NAME.fullmatch(text) else None


def is_title_reference(chunk: Span) -> bool:
    """"the ambassador", "The PM", "the top Russian diplomat": a job title standing for a person."""
    root = chunk.root
    head = root.lemma_.lower() if root.tag_ == "NN" else root.lower_
    return (head in kinds.ROLE_HEADS and root.tag_ in ("NN", "NNP") and not root.ent_type_
            and (root.tag_ == "NN" or head in TITLE_ABBREVIATIONS))


def is_title_phrase(span: Span) -> bool:
    """"US President", "Environment Minister", "Executive Secretary": a job title and its country or field,
    no name; the recogniser sometimes tags these as organisations."""
    words = [t for t in span if not t.is_punct and t.lower_ != "the"]
    if not words or fold(words[-1].text) not in TITLE_WORDS or fold(words[-1].text) in ("state", "foreign"):
        return False
    return all(fold(t.text) in TITLE_WORDS or gazetteer().affiliation(t.text) or t.pos_ == "NOUN"
               or (t.pos_ == "PROPN" and not t.ent_type_ == "PERSON" and t.i == words[-1].i) or t.text[:1].isupper()
               and t.lower_ in FIELD_WORDS for t in words)
