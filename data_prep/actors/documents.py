"""Documents as sources: a statement, communiqué or readout speaks for whoever issued it.

"The ministry's statement said", "a statement from the embassy", "according to a statement published on
the ministry's website", "the agency issued a statement ... The statement added", "It said" after such a
statement: these functions find, in the parse, the words naming the issuer, or the earlier document a
definite "the statement" (or a pronoun) points back to. Turning those words into an actor is the
speaker resolver's job.
"""
from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Token

from data_prep.labels import SUBJECT_DEPS

# Head nouns of documents that "say" things.
DOCUMENT_HEADS = frozenset({
    "statement", "communique", "communiqué", "readout", "report", "letter", "post", "release", "notice",
    "memo", "memorandum", "document", "transcript", "announcement", "tweet", "message", "bulletin",
    "circular", "note", "filing", "editorial", "press release", "white paper", "declaration", "draft",
    "proposal", "update",
})
# Verbs by which a body puts a document out ("the ministry issued a statement").
ISSUING_LEMMAS = frozenset({"issue", "release", "publish", "post", "put", "send", "circulate", "publicize",
                            "publicise", "distribute", "sign", "deliver", "share", "tweet"})
# "... published on the ministry's website": where a document appears names who published it.
OUTLET_NOUNS = frozenset({"website", "site", "account", "page", "channel", "feed", "portal", "handle",
                          "homepage", "platform"})
# Platforms an account or channel is on, not its owner.
PLATFORM_NAMES = frozenset({"telegram", "x", "twitter", "facebook", "instagram", "youtube", "tiktok", "wechat",
                            "weibo", "whatsapp", "linkedin"})
ISSUER_PREPOSITIONS = frozenset({"from", "by", "of"})
CARRYING_PREPOSITIONS = frozenset({"in", "via", "through"})  # "the ministry said in a statement"
MAX_BACK_SENTENCES = 3


class Issuer(NamedTuple):
    head: Token  # the issuer's head word
    start: int  # token index where its phrase starts ("Beijing" of "Beijing's foreign ministry website")


def is_document(token: Token) -> bool:
    return token.lemma_.casefold() in DOCUMENT_HEADS and token.pos_ in ("NOUN", "PROPN")


def issuer(document: Token) -> Issuer | None:
    """Whoever issued the document named by ``document``, when the words around it say."""
    head = _issuer_head(document)
    if head is None:
        return None
    if isinstance(head, Issuer):
        return head
    return Issuer(head, head.left_edge.i)


def _issuer_head(document: Token) -> Token | Issuer | None:
    for child in document.children:
        if child.dep_ == "poss":  # "the ministry's statement", "its statement"
            return child
    for child in document.children:  # "a Kremlin statement", "a White House readout"; not "the Lima Declaration",
        # a document's own name, which gives where it was signed
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i < document.i and document.pos_ != "PROPN":
            return Issuer(child, child.left_edge.i)
    for child in document.children:
        if child.dep_ == "prep" and child.lower_ in ISSUER_PREPOSITIONS:
            found = next((g for g in child.children if g.dep_ == "pobj"), None)
            if found is not None and not is_document(found):
                return found
    for child in document.children:  # "a post on the ministry's Telegram channel"
        if child.dep_ == "prep" and child.lower_ == "on" and (owner := _outlet_owner(child)) is not None:
            return owner
    for child in document.children:
        if child.dep_ == "acl" and child.lemma_ in ISSUING_LEMMAS:
            if found := _issuer_of_publishing(child):
                return found
    verb = document.head
    if document.dep_ == "dobj" and verb.lemma_ in ISSUING_LEMMAS:
        return _subject(verb)
    if document.dep_ == "pobj" and verb.lower_ in CARRYING_PREPOSITIONS and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    if document.dep_ == "compound" and document.head.i > document.i:
        return _issuer_head(document.head)  # "a draft agreement put forward by Brazil"
    return None


def _issuer_of_publishing(verb: Token) -> Token | Issuer | None:
    """"published by the ministry", "posted on the embassy's account", "posted on Ruritania's interior
    ministry site" (the owner of the website: its compound, else its possessor)."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in ("on", "in", "at"):
            continue
        if (owner := _outlet_owner(child)) is not None:
            return owner
    return None


def _outlet_owner(preposition: Token) -> Issuer | None:
    """The owner of the website or account a preposition's object is ("on the embassy's account", "on
    Ruritania's interior ministry site": its compound, else its possessor; a platform's name, as in "the
    ministry's Telegram channel", is no owner)."""
    place = next((g for g in preposition.children if g.dep_ == "pobj"), None)
    if place is None or place.lemma_.casefold() not in OUTLET_NOUNS:
        return None
    owners = [g for g in place.children if g.dep_ == "compound" and g.pos_ in ("NOUN", "PROPN")
              and g.lower_ not in PLATFORM_NAMES]
    owners = owners or [g for g in place.children if g.dep_ == "poss"]
    return Issuer(owners[-1], place.left_edge.i) if owners else None


def _subject(verb: Token) -> Token | None:
    return next((child for child in verb.children if child.dep_ in SUBJECT_DEPS
                 and child.lower_ not in ("there", "this", "that", "what", "which")), None)


def earlier_document(doc: Doc, before: int, sentence_starts: list[int],
                     sentences_back: int = MAX_BACK_SENTENCES) -> Token | None:
    """The nearest document noun before token ``before`` in its sentence or the few before it: what a
    definite "the statement" or a pronoun source ("It added") points back to."""
    here = max((n for n, start in enumerate(sentence_starts) if start <= before), default=0)
    first = sentence_starts[max(here - sentences_back, 0)] if sentence_starts else 0
    for index in range(before - 1, first - 1, -1):
        if is_document(doc[index]):
            return doc[index]
    return None


def same_document_before(doc: Doc, document: Token) -> Token | None:
    """The nearest earlier mention of a document with the same head word anywhere before it: what a
    definite "the rejected draft" names when the draft was introduced further back."""
    lemma = document.lemma_.casefold()
    return next((doc[index] for index in range(document.i - 1, -1, -1)
                 if is_document(doc[index]) and doc[index].lemma_.casefold() == lemma), None)


def is_definite(document: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in ("the", "this", "that") for child in document.children)
