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


MAX_COMMON_NOUN_NAME = 3  # words of a capitalised common-noun phrase ("Rare Earth Export Controls" is not)


def _written_in_lower_case(word: str, lower_case_words: frozenset[str]) -> bool:
    word = word.lower()
    return word in lower_case_words or (word.endswith("s") and word[:-1] in lower_case_words) \
        or (word.endswith("es") and word[:-2] in lower_case_words)


def could_be_personal_name(span: Span, lower_case_words: frozenset[str]) -> bool:
    """Not "COP30" (digits), not "Az" of "Caliber.Az" (a piece of a web address), not "Rich" of "Rich and
    emerging economies" (an adjective modifying a noun), not "Mitigation",
    "Tariff" or "Fossil Fuels" (words the article also writes in lower case, in any form:
    ``lower_case_words``, from ``MentionBook``)."""
    if any(ch.isdigit() for ch in span.text) or glued_web_name(span):
        return False
    if is_modifying_adjective(span):
        return False
    return not is_common_noun_phrase(span, lower_case_words)


def is_modifying_adjective(span: Span) -> bool:
    """"Rich" of "Rich and emerging economies" at a sentence start: one word the parse makes an adjective
    modifying a noun has no name's structure, whatever the recogniser tagged it."""
    return len(span) == 1 and span[0].tag_ in ("JJ", "JJR", "JJS") and span[0].dep_ == "amod"


def _is_plural_noun(token) -> bool:
    text = token.text
    return token.tag_ in ("NNS", "NNPS") and len(text) > 3 and text.endswith("s") and not text.endswith("ss") \
        and text[:1].isupper() and not text.isupper()


def is_common_noun_phrase(span: Span, lower_case_words: frozenset[str]) -> bool:
    """Capitalised common nouns ("Tariff", "Fossil Fuels" in a headline or a post): every word of the
    span is also written in lower case in the article; or emphatic capitals on a plural noun after such
    words ("we will impose Steel Quotas": "steel" written in lower case, "Quotas" a plural head, no
    determiner), which no name has the shape of."""
    words = [t.text for t in span if t.is_alpha]
    if not words or len(words) > MAX_COMMON_NOUN_NAME:
        return False
    if all(_written_in_lower_case(word, lower_case_words) for word in words):
        return True
    return len(words) > 1 and len(words) == len(span) and _is_plural_noun(span[-1]) \
        and all(_written_in_lower_case(token.text, lower_case_words) for token in span[:-1])


# Places and buildings a name can be the first word of: "the Rafah crossing", "the X nuclear plant".
FACILITY_NOUNS = {"crossing", "centre", "center", "plant", "airport", "port", "camp", "hospital", "border",
                  "checkpoint", "square", "street", "avenue", "bridge", "base", "station", "stadium", "venue",
                  "hotel", "palace", "prison", "province", "region", "district", "city", "town", "village",
                  "island", "islands", "strait", "valley", "river", "corridor", "refinery", "mine", "dam",
                  "terminal", "harbour", "harbor", "neighbourhood", "neighborhood", "governorate", "county"}


def is_facility_name(span: Span) -> bool:
    """"the Rafah crossing", "the Fukushima Dai-ichi nuclear power plant", "the Hangar convention centre":
    a name that modifies a lower-case noun of a place or building is that place's name, not a person."""
    last = span[-1]
    if last.dep_ not in ("compound", "nmod"):
        return False
    head = last.head
    for _ in range(3):  # through "nuclear power" to "plant"
        if head.i <= last.i or not head.is_lower:
            return False
        if head.lemma_.lower() in FACILITY_NOUNS or head.lower_ in FACILITY_NOUNS:
            return True
        if head.dep_ not in ("compound", "nmod", "amod"):
            return False
        head = head.head
    return False


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
    tag = root.tag_
    if tag not in ("NN", "NNP"):  # most noun chunks: tested first, before the head word is looked up
        return False
    head = root.lemma_.lower() if tag == "NN" else root.lower_
    return head in kinds.ROLE_HEADS and not root.ent_type_ and (tag == "NN" or head in TITLE_ABBREVIATIONS)


def is_title_phrase(span: Span) -> bool:
    """"US President", "Environment Minister", "Executive Secretary": a job title and its country or field,
    no name; the recogniser sometimes tags these as organisations."""
    words = [t for t in span if not t.is_punct and t.lower_ != "the"]
    if not words or fold(words[-1].text) not in TITLE_WORDS or fold(words[-1].text) in ("state", "foreign"):
        return False
    return all(fold(t.text) in TITLE_WORDS or gazetteer().affiliation(t.text) or t.pos_ == "NOUN"
               or (t.pos_ == "PROPN" and not t.ent_type_ == "PERSON" and t.i == words[-1].i) or t.text[:1].isupper()
               and t.lower_ in FIELD_WORDS for t in words)


def is_title_before_name(span: Span) -> bool:
    """"Air Force Group Captain" of "Retired Air Force Group Captain NAME", "Public Relations Officer" of
    "Force Public Relations Officer NAME": a capitalised phrase the recogniser tagged as an organisation
    that ends in a title word and modifies the proper name right after it is that person's title, no
    body of its own ("Office of the Prime Minister" followed by no name stays a body)."""
    doc = span.doc
    last = span[-1]
    if span.end >= len(doc) or fold(last.text) not in TITLE_WORDS or fold(last.text) in ("state", "foreign"):
        return False
    following = doc[span.end]
    return last.dep_ == "compound" and last.head.i >= span.end and following.pos_ == "PROPN" \
        and following.text[:1].isupper()


def person_demonym(token) -> str | None:
    """The country of "the Spaniard", "a Frenchman", "the German": one person called by nationality (a
    singular noun heading its phrase, the singular of a plural demonym or a "-man"/"-woman" one), not a
    people ("the French", "the Swiss", "Germans") nor an adjective ("the German coach")."""
    text = token.text
    if token.tag_ not in ("NN", "NNP") or not text[:1].isupper() or any(child.dep_ in ("compound", "amod")
                                                                      for child in token.children):
        return None
    if token.dep_ in ("compound", "amod") or not any(child.dep_ == "det" for child in token.children):
        return None
    places = gazetteer()
    if text.endswith(("man", "woman")):
        return places.country(text)
    return places.country(text + "s")


def demonym_gender(token) -> str | None:
    """"Frenchwoman" -> female, "Dutchman" -> male, "Spaniard" -> either."""
    lower = token.lower_
    return "female" if lower.endswith("woman") else "male" if lower.endswith("man") else None
