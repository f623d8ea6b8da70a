"""Entity spans the recogniser cut or labelled wrongly, repaired by the words around them (issue #12): a
sentence-opening -ing verb glued to a name ("Delivering Fiji"), a name after a place noun ("the town of
NAME": a place), a name after a business noun ("carmaker NAME": a company), a name set off after a job
title ("The Governor of the Central Bank, NAME, said": a person)."""
from __future__ import annotations

from spacy.tokens import Span

from data_prep.actors import kinds
from data_prep.actors.gazetteer import gazetteer
from data_prep.actors.naming import fold, given_name_forms, is_title_word

MIN_GERUND_LENGTH = 6  # "Ding", "Ming", "Qing", "Ying": short -ing words are names, not verbs
# Nouns of a settlement or area whose "of" names it: "the town of NAME", "the district of NAME".
PLACE_OF_NOUNS = {"town", "village", "city", "district", "region", "province", "county", "island", "municipality",
                  "settlement", "suburb", "neighbourhood", "neighborhood", "community", "commune", "area",
                  "governorate", "prefecture", "state", "port", "capital", "outskirts", "kingdom", "emirate"}
# Military strikes whose "on"/"in" names where they fall: "air strikes on NAME", "shelling of NAME".
STRIKE_NOUNS = {"airstrike", "strike", "raid", "bombing", "shelling", "bombardment", "attack", "offensive",
                "incursion", "invasion"}
STRIKE_PREPOSITIONS = {"on", "in", "of", "against", "near"}
# Prepositions after which a name is where something is ("in NAME", "near NAME").
LOCATIVE_PREPOSITIONS = {"in", "near", "outside", "around", "across", "inside"}
MAX_OF_PHRASES = 2  # "of"/"for" phrases between a title and the name set off after them
MAX_PERSON_WORDS = 3  # name words of a person the recogniser took for a body or a building
NAME_LABELS = ("PERSON", "ORG", "FAC", "NORP")


def is_business_noun(token) -> bool:
    """"lender", "carmakers": a word of ``business_nouns.csv``, as written or as its lemma."""
    nouns = kinds.business_nouns()
    return token.lower_ in nouns or token.lemma_.lower() in nouns


def _opens_clause(token) -> bool:
    """The first word of a sentence, a line or a clause after a comma, dash or quotation mark."""
    if token.i == 0 or token.is_sent_start:
        return True
    before = token.doc[token.i - 1]
    return before.is_punct or before.is_quote or "\n" in before.text_with_ws or before.is_space


def _is_opening_gerund(token, rest: Span, place_names: frozenset[str]) -> bool:
    """"Delivering" of "Delivering Fiji", "Welcoming" of "Welcoming NAME": a capitalised -ing word opening a
    clause, which the parse makes a verb or whose rest is a place; not a given name ("Sterling NAME")."""
    text = token.text
    if not (text.endswith("ing") and len(text) >= MIN_GERUND_LENGTH and text[:1].isupper() and text[1:].islower()):
        return False
    if not _opens_clause(token) or fold(text) in given_name_forms():
        return False
    places = gazetteer()
    rest_text = rest.text
    return token.tag_ == "VBG" or token.pos_ == "VERB" or bool(
        places.affiliation(rest_text) or places.place(rest_text) or rest_text in place_names)


def without_leading_gerund(span: Span, place_names: frozenset[str]) -> Span:
    """The entity without the -ing verbs the recogniser glued before it: "Launching Kenya" -> "Kenya", a
    place when the gazetteer or the article knows it as one."""
    start = span.start
    doc = span.doc
    while start < span.end - 1 and _is_opening_gerund(doc[start], doc[start + 1:span.end], place_names):
        start += 1
    if start == span.start:
        return span
    rest = doc[start:span.end]
    places = gazetteer()
    is_place = places.place(rest.text) or places.country(rest.text) or rest.text in place_names
    return Span(doc, start, span.end, label="GPE" if is_place else span.label_)


def _object_context(span: Span) -> tuple[str, object] | None:
    """(preposition, the noun it hangs on) when the span is that preposition's object: "of" and "town" of
    "the town of NAME"."""
    root = span.root
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return None
    preposition = root.head
    noun = preposition.head
    if noun.i >= span.start or not noun.is_lower or noun.pos_ != "NOUN":
        return None
    return preposition.lower_, noun


def names_place_by_its_noun(span: Span) -> bool:
    """"the town of NAME", "the village of NAME": the object of a settlement noun's "of" is a place."""
    context = _object_context(span)
    return context is not None and context[0] == "of" and context[1].lemma_.lower() in PLACE_OF_NOUNS


def is_struck_place(span: Span) -> bool:
    """"air strikes on NAME", "the shelling of NAME": the object of a military strike noun (a place, a
    group or a body: the caller asks for other evidence that it is a place)."""
    context = _object_context(span)
    return context is not None and context[0] in STRIKE_PREPOSITIONS and context[1].lemma_.lower() in STRIKE_NOUNS


def is_located(span: Span) -> bool:
    """"in NAME", "near NAME": the object of a locative preposition (no possessive: "in NAME's view")."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS \
        and not any(child.dep_ == "case" for child in root.children)


def business_name(span: Span) -> Span | None:
    """The company a business noun describes, as an organisation span of the name alone: "Carmaker Voltra"
    (the noun glued in at the start of a sentence), "the automaker Voltra", "retailer Brindle", "the
    carrier, Skyrion," (an apposition), "the utility Keldara said" (parsed as two subjects of "said"); None
    when no business noun describes the span."""
    doc = span.doc
    first = span[0]
    nouns = kinds.business_nouns()
    if len(span) > 1 and first.lower_ in nouns and not nouns[first.lower_] and _opens_clause(first) \
            and span[1].text[:1].isupper():
        return Span(doc, span.start + 1, span.end, label="ORG")
    if span.start == 0:
        return None
    before = doc[span.start - 1]
    root = span.root
    described = (before.dep_ in ("compound", "nmod", "amod") and span.start <= before.head.i < span.end) \
        or (root.dep_ == "appos" and root.head.i < span.start and root.head.i >= span.start - 3
            and is_business_noun(root.head)) or root.head.i == span.start - 1 \
        or (before.dep_ == root.dep_ == "nsubj" and before.head.i == root.head.i)  # "The utility NAME said"
    # "the carrier, Skyrion,": set off by a comma after the business noun it is in apposition to
    set_off = before.text == "," and root.dep_ == "appos" and root.head.i == span.start - 2 \
        and root.head.is_lower and is_business_noun(root.head)
    if set_off or (is_business_noun(before) and (before.is_lower or _opens_clause(before)) and described):
        return Span(doc, span.start, span.end, label="ORG")
    return None


def is_named_by_business_noun(span: Span) -> bool:
    """"the carrier Emirates", "airline Emirates": a name right after a lower-case business noun that
    describes it, which the article uses as the company's name (not "Kenya airline": an airline of Kenya)."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.is_lower and is_business_noun(before) \
        and (span.start <= before.head.i < span.end or span.root.head.i == before.i)


def _name_words_shape(span: Span) -> bool:
    """One to three capitalised words, a hyphen inside a word allowed ("Babajide Sanwo-Olu")."""
    words = 0
    for token in span:
        if token.text == "-" and not token.whitespace_ and token.i > span.start \
                and not span.doc[token.i - 1].whitespace_:
            continue
        if not (token.is_alpha and token.text[:1].isupper() and not token.text.isupper()):
            return False
        words += 1
    return 1 < words <= MAX_PERSON_WORDS


def _is_person_title(token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (
        is_title_word(token.text) or token.lemma_.lower() in kinds.PERSON_ROLE_HEADS)


def title_of_set_off_name(name_root):
    """The job title a name set off by commas belongs to, or None: the name's head, else the noun whose
    "of"/"for" phrase holds it, up to two phrases up ("The Governor of the Central Bank, NAME": the parse
    hangs NAME on "Bank", the name is the Governor's). The first title going up is the one; a name past
    the title's own phrase hangs on nothing before it."""
    head = name_root.head
    for _ in range(MAX_OF_PHRASES + 1):
        if head.i >= name_root.i:
            return None
        if _is_person_title(head):
            return head
        if head.dep_ != "pobj" or head.head.lower_ not in ("of", "for"):
            return None
        head = head.head.head
    return None


def is_set_off_after_title(span: Span) -> bool:
    """"The Governor of the Central Bank, NAME, said", "the spokesman, NAME,": a name-shaped span set off by
    commas right after a job title (the parse may hang it on the title's "of" body) is that person, though
    the recogniser called it a body or a building."""
    doc = span.doc
    root = span.root
    if not _name_words_shape(span) or root.dep_ != "appos" or span.start == 0 or doc[span.start - 1].text != ",":
        return False
    if span.end < len(doc) and doc[span.end].text not in (",", ")") and doc[span.end].pos_ not in ("VERB", "AUX"):
        return False
    title = title_of_set_off_name(root)
    if title is None or title.i >= span.start:
        return False
    places = gazetteer()
    return not places.place(span.text) and not any(
        t.lower_ in kinds.ORGANIZATION_HEADS or t.lower_ in kinds.ORGANIZATION_NAME_WORDS
        or places.affiliation(t.text) or places.place(t.text) for t in span)


def untagged_set_off_names(doc) -> list[Span]:
    """Names the recogniser tagged nothing at all, set off after a job title ("The company's chief
    executive, NAME, said"): PERSON spans of the capitalised proper nouns that end in the apposition."""
    found = []
    for token in doc:
        if token.dep_ != "appos" or token.pos_ != "PROPN" or token.ent_type_ or not token.text[:1].isupper():
            continue
        start = token.i
        while start > 0 and doc[start - 1].ent_type_ == "" and (
                (doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper()
                 and doc[start - 1].dep_ == "compound")
                or (doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_)):
            start -= 1
        span = Span(doc, start, token.i + 1, label="PERSON")
        if not any(is_title_word(t.text) for t in span) and is_set_off_after_title(span):
            found.append(span)
    return found
