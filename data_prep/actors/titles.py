"""Role, affiliation and gender evidence from the words around a name: the titles before it
("Kremlin foreign policy adviser Yury Ushakov", "UN Secretary-General Ana Ruiz"), a possessive ("Russia's
Vladimir Putin", "Trump's special envoy"), an appositive ("Anna Smith, a city councillor,", "Ana Ruiz,
president of AOSIS,"), a title set off before the name ("France's foreign minister, Ana Ruiz,") and the
body after it ("Ana Ruiz of the Green Party")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from data_prep.actors.affiliation_facts import facts
from data_prep.actors.bodies import STATE_BODY_HEADS
from data_prep.actors.entity_repairs import title_of_set_off_name
from data_prep.actors.gazetteer import gazetteer
from data_prep.actors.kinds import ROLE_HEADS
from data_prep.actors.naming import GENDERED_WORDS, HONORIFICS, TITLE_WORDS, fold, is_title_word, normalise_role
from data_prep.actors.textual import FIELD_WORDS, is_title_before_name

MAX_PREFIX_WORDS = 6
MAX_APPOSITIVE_TOKENS = 10
PREFIX_POS = {"NOUN", "PROPN", "ADJ"}
ROLE_FILLER = {"the", "a", "an"}
# An appositive keeps "head of the office", "spokesman for the ministry", "professor at Harvard" but not
# "adviser in Eau Claire" or "lawyer who ...".
KEPT_PREPOSITIONS = {"of", "for", "at", "to"}
TITLE_PREPOSITIONS = {"to", "of", "for"}
MAX_BODY_WORDS = 6  # "Alliance of Small Island States", "United Nations (UN)"
MAX_FOLLOWING_BODY_TOKENS = 10  # "of the leading opposition Green Party of Norway"
MAX_PARENTHESIS_TOKENS = 8  # "(King of Jordan)", "(United Kingdom)"
TITLE_CONJUNCTIONS = {"and", "&"}  # "Minister of Mining and Energy"
# Appositive heads that hold a post in the body after them ("a member of the Harbour Front", "a lawyer
# for the union"), unlike a stance towards it ("a critic of the EU", "an opponent of the deal").
POST_HEADS = ROLE_HEADS | {
    "member", "professor", "fellow", "lecturer", "researcher", "scholar", "scientist", "economist", "analyst",
    "expert", "employee", "staffer", "official", "officer", "representative", "delegate", "lawyer", "attorney",
    "editor", "reporter", "journalist", "correspondent", "executive", "aide", "adviser", "advisor",
    "strategist", "negotiator", "chair", "co-founder", "partner", "owner", "manager", "coordinator", "veteran"}


@dataclass
class Description:
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    genders: list[str] = field(default_factory=list)
    # Token indices of a person or organisation whose affiliation this one shares ("Trump's envoy").
    affiliated_with: list[int] = field(default_factory=list)


def _words_left_of(doc, start: int) -> list[list[Token]]:
    """Whitespace-delimited words ending right before token ``start``, nearest first, so "son-in-law"
    and "Russia's" are one word each."""
    words: list[list[Token]] = []
    index = start - 1
    while index >= 0 and len(words) < MAX_PREFIX_WORDS + 2:
        if doc[index].is_space:
            break  # a line break ends the phrase: a caption is not a title
        word = [doc[index]]
        while index - 1 >= 0 and not doc[index - 1].whitespace_ and not doc[index - 1].is_space:
            index -= 1
            word.insert(0, doc[index])
        words.append(word)
        index -= 1
    return words


def _word_text(word: list[Token]) -> str:
    return "".join(token.text_with_ws for token in word).strip()


def _is_prefix_word(word: list[Token]) -> bool:
    if len(word) > 1 and any(token.text == "-" for token in word):
        return True
    token = word[-1]
    if token.ent_type_ in ("GPE", "NORP", "ORG", "FAC", "PERSON"):
        return True
    return token.pos_ in PREFIX_POS or fold(token.text) in HONORIFICS


def _is_title_text(folded: str) -> bool:
    """A title word, hyphenated ones included ("secretary general" of "Secretary-General")."""
    return folded in TITLE_WORDS or bool(folded) and all(part in TITLE_WORDS for part in folded.split())


def _looks_like_missed_name(token: Token, folded: str) -> bool:
    return (token.pos_ == "PROPN" and token.text[:1].isupper() and not token.ent_type_
            and not _is_title_text(folded) and folded not in HONORIFICS and not token.text.endswith(".")
            and gazetteer().affiliation(token.text) is None)


def _is_role_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") or fold(token.text) in TITLE_WORDS


def _is_lone_portfolio(token: Token) -> bool:
    """"Commerce" or "Cabinet" tagged as an entity on its own (not the "Trade" of "World Trade
    Organization"): a portfolio or a state body's word, part of a job ("cabinet secretary")."""
    doc = token.doc
    return (token.lower_ in FIELD_WORDS or token.lower_ in STATE_BODY_HEADS) and token.ent_iob_ == "B" \
        and (token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I")


def _role_text(tokens: list[Token]) -> str:
    """Role words in lower case, except named entities inside them ("lawyer at Bailey Glasser"), a lone
    portfolio word apart ("commerce secretary")."""
    return "".join((t.text if t.ent_type_ and t.text[:1].isupper() and not _is_lone_portfolio(t)
                    and not _in_title_entity(t) else t.lower_)
                   + t.whitespace_ for t in tokens).strip()


# A role's words stop before "of"/"for"/"at" and a name: "executive secretary of the X Convention" is an
# executive secretary, the Convention its affiliation (recorded from the words themselves, else dropped).
_BODY_AFTER_JOB = re.compile(r"\s*\b(?:of|for|at)\s+(?:the\s+)?(?P<name>[A-Z][\w.’'-]*)")


def job_words(role: str) -> str:
    """The job of a role string: "executive secretary" of "executive secretary of the X Convention",
    "president" of "president of AOSIS"; "" for "of the X Convention" (no job word). A title word after
    the preposition belongs to the job ("secretary of State"); "ambassador to Japan" keeps its "to"."""
    for match in _BODY_AFTER_JOB.finditer(role):
        if not _is_title_text(fold(match.group("name"))):
            return role[:match.start()].strip(" ,;:")
    return role


def describe_name(doc, name_start: int, name_end: int) -> Description:
    """Everything the text says about the person named by tokens [name_start, name_end)."""
    description = Description()
    _describe_prefix(doc, name_start, description)
    _describe_appositive(doc, name_start, name_end, description)
    _describe_title_set_off(doc, name_start, name_end, description)
    _describe_following_body(doc, name_start, name_end, description)
    _describe_parenthesised(doc, name_end, description)
    return description


def _add_affiliation(description: Description, affiliation: str) -> None:
    if affiliation not in description.affiliations:
        description.affiliations.append(affiliation)


def _body_in_words(texts: list[str], position: int) -> tuple[str, int] | None:
    """An international body of the facts table ending at the word ``texts[position]`` (word texts nearest
    first), as written, and how many words it takes: "United Nations" of "United Nations Secretary-General",
    "(UN)"."""
    for size in range(min(MAX_BODY_WORDS, len(texts) - position), 0, -1):
        if size > 1 and not texts[position + size - 1][:1].isupper():
            continue  # a body's name starts with a capital: skip joining words that cannot be one
        text = " ".join(reversed(texts[position:position + size]))
        if size == 1 and text.startswith("(") and text.endswith(")"):
            text = text[1:-1]  # "United Nations (UN) Secretary-General"
        if text[:1].isupper() and facts().body(text):
            return text, size
    return None


def is_title_portfolio(span: Span) -> bool:
    """"Commerce" of "Commerce Secretary NAME", "Trade" of "Trade Minister NAME": one portfolio word right
    before a title word is part of the job, whatever the recogniser tagged it; the body it stands for is
    the ministry of a country the words may or may not name, never an organisation called "Commerce"."""
    doc = span.doc
    return len(span) == 1 and span[0].lower_ in FIELD_WORDS and span.end < len(doc) \
        and is_title_word(doc[span.end].text)


def _add_affiliation_source(word: list[Token], description: Description) -> bool:
    """A country, demonym, seat of power or named body in a title: record it; True if it was one."""
    text = _word_text(word)
    places = gazetteer()
    if len(word) == 1 and word[0].lower_ in FIELD_WORDS:
        return False  # "Commerce Secretary": the portfolio is the role's ("commerce secretary"), no side
    if text[:1].isupper() and facts().body(text):
        # "UN", "U.N.", "NATO" as written: the article's stages compare it with the other titles there; the
        # dataset gives each body one spelling (affiliation_facts.canonical_affiliation)
        _add_affiliation(description, text)
        return True
    if text[:1].isupper() and (country := places.affiliation(text)):
        description.affiliations.append(country)
        return True
    if word[-1].ent_type_ in ("ORG", "PERSON"):
        description.affiliated_with.append(word[-1].i)
        return True
    if word[-1].ent_type_ == "NORP" and text[:1].isupper():
        description.affiliations.append(text)  # a party or faith: "Republican", "Labour"; regions drop later
        return True
    return word[-1].ent_type_ == "GPE"


def _is_title_preposition(words: list[list[Token]], texts: list[str], position: int) -> bool:
    """ "to"/"of"/"for" between a title word and the words before a name ("Minister of Foreign Affairs")."""
    if texts[position].lower() not in TITLE_PREPOSITIONS or position + 1 >= len(words):
        return False
    left = words[position + 1]
    return fold(texts[position + 1]) in TITLE_WORDS or (left[-1].pos_ in ("NOUN", "PROPN") and left[-1].text[:1].isupper()
                                                    and not left[-1].ent_type_)


def _describe_prefix(doc, name_start: int, description: Description) -> None:
    _describe_prefix_words(doc, name_start, description, share_with_conjunct=True)


def _describe_prefix_words(doc, name_start: int, description: Description, share_with_conjunct: bool = False) -> None:
    role_words: list[list[Token]] = []
    words = _words_left_of(doc, name_start)
    texts = [_word_text(word) for word in words]  # each word's text once: the tests below read it many times
    position = 0
    passed: list[list[Token]] = []  # every word taken so far, nearest last
    while position < len(words) and position < MAX_PREFIX_WORDS:
        word = words[position]
        if word[-1].text == ",":
            break  # "Executive Secretary of the X Convention, NAME": a title set off by a comma, not a prefix
        if body := _body_in_words(texts, position):
            _add_affiliation(description, body[0])
            passed[:0] = words[position:position + body[1]][::-1]
            position += body[1]
            continue
        if _is_title_conjunction(words, texts, position, passed):
            passed.insert(0, word)
            role_words.insert(0, word)
            position += 1
            continue
        if len(word) > 1 and word[-1].text in ("'s", "’s", "'", "’"):
            _add_affiliation_source(word[:-1], description)
            break
        if _is_title_preposition(words, texts, position) and passed:
            # "Ambassador to Japan Wu": Japan is where the post is, and the words belong to the title
            if texts[position].lower() == "to":
                description.affiliations = description.affiliations[:len(description.affiliations) - sum(
                    1 for w in passed if w not in role_words and _word_text(w)[:1].isupper())]
            role_words = [word, *passed]
            position += 1
            continue
        if not _is_prefix_word(word):
            break
        passed.insert(0, word)
        folded = fold(texts[position])
        if position == 0 and _looks_like_missed_name(word[-1], folded) and not _in_title_of(words, texts):
            break  # "Ivanka Trump" with only "Trump" recognised: "Ivanka" is no title
        if folded in GENDERED_WORDS:
            description.genders.append(GENDERED_WORDS[folded])
        if folded in HONORIFICS:
            position += 1
            continue
        if _in_title_entity(word[-1]) or not _add_affiliation_source(word, description):
            role_words.insert(0, word)
        position += 1
    if role_words and any(_is_role_noun(word[-1]) for word in role_words):
        description.roles.append(normalise_role(" ".join(_role_text(word) for word in role_words)))
        if share_with_conjunct and not description.affiliations and not description.affiliated_with:
            _share_conjunct_qualifier(doc, words, texts, position, description)


def _in_title_entity(token: Token) -> bool:
    """A word of an organisation-tagged title before a name ("Air Force Group Captain NAME"): a role word."""
    return token.ent_type_ == "ORG" and is_title_before_name(_entity_of(token))


def _in_title_of(words: list[list[Token]], texts: list[str]) -> bool:
    """The nearest words end a "Minister of Mining and Energy" title: an "of"/"for" after a title word
    within three words."""
    return any(_is_title_preposition(words, texts, later) for later in range(1, min(4, len(words))))


def _is_title_conjunction(words: list[list[Token]], texts: list[str], position: int,
                          passed: list[list[Token]]) -> bool:
    """"and" between two capitalised portfolio words of one title, with the title's "of"/"for" further
    left: "Minister of Mining and Energy", "Secretary for Trade and Industry"."""
    if not passed or texts[position].lower() not in TITLE_CONJUNCTIONS or position + 1 >= len(words):
        return False
    left, right = words[position + 1][-1], passed[0][0]
    if not (left.text[:1].isupper() and right.text[:1].isupper()) or "PERSON" in (left.ent_type_, right.ent_type_):
        return False
    return any(_is_title_preposition(words, texts, later)
               for later in range(position + 2, min(position + 4, len(words))))


def _share_conjunct_qualifier(doc, words: list[list[Token]], texts: list[str], stop: int,
                              description: Description) -> None:
    """"Trump's envoy Steve Witkoff and son-in-law Jared Kushner": the possessive scopes over both."""
    if stop + 1 >= len(words) or texts[stop].lower() != "and":
        return
    left_name = words[stop + 1][-1]
    if left_name.ent_type_ != "PERSON":
        return
    start = left_name.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    left = Description()
    _describe_prefix_words(doc, start, left)
    description.affiliations.extend(left.affiliations)
    description.affiliated_with.extend(left.affiliated_with)


def _describe_appositive(doc, name_start: int, name_end: int, description: Description) -> None:
    """", a city councillor," / ", head of the presidential office," after the name."""
    if name_end >= len(doc) or doc[name_end].text != ",":
        return
    name_tokens = set(range(name_start, name_end))
    for token in doc[name_end + 1: name_end + 1 + MAX_APPOSITIVE_TOKENS]:
        if token.dep_ == "appos" and token.head.i in name_tokens and token.pos_ in ("NOUN", "PROPN"):
            subtree = [t for t in token.subtree if t.i > name_end and t.dep_ != "relcl"
                       and not any(a.dep_ == "relcl" for a in t.ancestors if a.i > name_end and a != token)]
            subtree = [t for t in subtree if t.i >= doc[name_end + 1].i]
            if not subtree or len(subtree) > MAX_APPOSITIVE_TOKENS or token.ent_type_ == "PERSON":
                return
            dropped = {t.i for item in subtree if item.dep_ == "prep" and item.lower_ not in KEPT_PREPOSITIONS
                       and item.i > token.i for t in item.subtree}
            # "NAME, the governor, and OTHER, the mayor,": the next person, joined to the title by the
            # parse, and the "and" before them are no part of this person's job
            others = {t.i for child in token.rights if child.dep_ == "conj"
                      and any(t.ent_type_ == "PERSON" for t in child.subtree) for t in child.subtree}
            if others:
                dropped |= others | {child.i for child in token.rights if child.dep_ == "cc" and child.i < max(others)}
            role_tokens = []
            # A post in a body ("president of AOSIS"), not a stance towards it ("a critic of the EU")
            holds_post = _is_title_noun(token) or token.lemma_.lower() in POST_HEADS
            for item in subtree:
                if item.i in dropped or (item.is_punct and item.text != "-"):
                    continue
                if item.lower_ in ROLE_FILLER and item.i == subtree[0].i:
                    continue
                if item.dep_ == "cc" and item.head.i < item.i and item.head not in role_tokens:
                    continue  # "former Germany and U.S. national team coach": the countries' "and" goes with them
                if item.dep_ == "poss" or item.text in ("'s", "’s"):
                    _add_affiliation_source([item], description) if item.dep_ == "poss" else None
                    continue
                if item.i < token.i and _add_affiliation_source([item], description):
                    continue
                if item.i > token.i and not holds_post:
                    pass
                elif item.i > token.i and (country := gazetteer().affiliation(item.text)) and item.text[:1].isupper():
                    description.affiliations.append(country)
                elif item.i > token.i and _is_entity_root(item, "ORG"):
                    _add_body(item, description)  # "president of AOSIS", "head of the Harbour Front"
                role_tokens.append(item)
            role = normalise_role(_role_text(role_tokens))
            if fold(token.text) in GENDERED_WORDS:
                description.genders.append(GENDERED_WORDS[fold(token.text)])
            if role:
                description.roles.append(role)
            return


def _entity_of(token: Token) -> Span:
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _is_entity_root(token: Token, label: str) -> bool:
    return token.ent_type_ == label and _entity_of(token).root == token


def _add_body(token: Token, description: Description) -> None:
    """The organisation entity headed by ``token``: an international body as written, else the organisation
    itself, whose own affiliation is settled once the article's actors are known."""
    text = _entity_of(token).text
    text = text[4:] if text.lower().startswith("the ") else text
    if facts().body(text):
        _add_affiliation(description, text)
    else:
        description.affiliated_with.append(token.i)


def _is_title_noun(token: Token) -> bool:
    folded = fold(token.text)
    return token.pos_ in ("NOUN", "PROPN") and (_is_title_text(folded) or token.lemma_.lower() in ROLE_HEADS)


def _describe_title_set_off(doc, name_start: int, name_end: int, description: Description) -> None:
    """"France's foreign minister, Ana Ruiz, said", "Kenya's Cabinet Secretary for Water, Sanitation and
    Irrigation, Dr. Ana Ruiz,": a title set off by commas before the name, the name its apposition. Its
    possessive, its modifiers and its "of"/"for" body are the person's; "With China's foreign minister,
    Bob Smith said" (Smith the subject, no apposition) is not."""
    root = doc[name_start:name_end].root
    if root.dep_ != "appos":
        return
    # the parse may hang the name on the title's "of" body ("The Governor of the Central Bank, NAME")
    head = root.head if _is_title_noun(root.head) else title_of_set_off_name(root)
    if head is None or head.i >= name_start or not _is_title_noun(head):
        return
    between = doc[head.i + 1:name_start]
    if not any(t.text == "," for t in between) or (name_end < len(doc) and doc[name_end].text not in (",", ")")
                                                   and doc[name_end].pos_ not in ("VERB", "AUX")):
        return
    added: set[Token] = set()
    for child in head.children:
        if child.i >= head.i:
            if child.dep_ == "prep" and child.lower_ in ("of", "for"):
                for item in child.subtree:
                    if item.i < name_start and _is_entity_root(item, "ORG"):
                        _add_body(item, description)
                    elif item.i < name_start and item.text[:1].isupper() and item.ent_type_ in ("GPE", "NORP") \
                            and (country := gazetteer().country(item.text)):
                        _add_affiliation(description, country)
            continue
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            if child.ent_type_ == "ORG":  # "RT America host": the outlet, never its word "America"
                if (entity := _entity_of(child)).root.i < head.i and entity.root not in added:
                    added.add(entity.root)
                    _add_body(entity.root, description)
                continue
            run = _capitalised_run(child)  # "South Korean" is a country; "RT America" is no America
            if len(run) == 1 or gazetteer().affiliation(" ".join(t.text for t in run)):
                _add_affiliation_source([child] if len(run) == 1 else run, description)
    if role := _set_off_role(head):
        description.roles.append(role)


def _set_off_role(head: Token) -> str:
    """The job of a title set off before a name: the title noun and the words right before it that
    qualify the job ("executive secretary" of "the Executive Secretary of the X Convention"), not its
    possessive, article, country or body (they are the affiliation) nor its "of"/"for" phrase."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].dep_ in ("compound", "amod") and doc[start - 1].head.i <= head.i \
            and doc[start - 1].head.i >= start - 1 and not gazetteer().affiliation(doc[start - 1].text) \
            and (doc[start - 1].ent_type_ not in ("GPE", "NORP", "ORG", "PERSON") or _is_lone_portfolio(doc[start - 1])):
        start -= 1
    return normalise_role(_role_text(list(doc[start:head.i + 1])))


def _capitalised_run(token: Token) -> list[Token]:
    """The capitalised words right before ``token`` and ``token`` itself: one name."""
    doc, start = token.doc, token.i
    while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN"):
        start -= 1
    return list(doc[start:token.i + 1])


def _describe_following_body(doc, name_start: int, name_end: int, description: Description) -> None:
    """"Ana Ruiz of the leading opposition Green Party", "Ana Ruiz of Chile", "Ana Ruiz from Greenpeace":
    the body or country named right after the name by "of" or "from", hanging from the name, is hers."""
    if name_end >= len(doc) or doc[name_end].lower_ not in ("of", "from") or doc[name_end].dep_ != "prep":
        return
    head = doc[name_end].head.i
    inverted = head == name_start - 1 and doc[head].pos_ == "VERB"  # '"...," said Ana Ruiz from Greenpeace'
    if doc[name_end].lower_ == "from" and not (name_start <= head < name_end or inverted):
        return  # "Ana Ruiz returned from Chile": the verb's, not the name's
    for token in doc[name_end + 1: name_end + 1 + MAX_FOLLOWING_BODY_TOKENS]:
        if token.is_punct or token.pos_ in ("AUX", "ADP") or (token.pos_ == "VERB" and token.dep_ != "amod"):
            return  # "of the leading opposition ...": a participle modifying the body is part of it
        if token.ent_type_ == "ORG":
            _add_body(_entity_of(token).root, description)
            return
        if token.ent_type_ == "GPE" and token.text[:1].isupper() and (country := gazetteer().country(token.text)):
            _add_affiliation(description, country)
            return
        if token.ent_type_:
            return


def _describe_parenthesised(doc, name_end: int, description: Description) -> None:
    """"Pedro Lagos (Chile)", "Abdul Hamid (King of Jordan)", "Ana Ruiz (UNICEF)": a country or body in
    brackets right after the name, alone or after "of" in a title."""
    if name_end >= len(doc) or doc[name_end].text != "(":
        return
    close = next((t.i for t in doc[name_end + 1: name_end + 2 + MAX_PARENTHESIS_TOKENS] if t.text == ")"), None)
    if close is None or close == name_end + 1:
        return
    inside = doc[name_end + 1:close]
    words = inside.text.split()
    tail = " ".join(words[len(words) - words[::-1].index("of"):]) if "of" in words[:-1] else None
    if inside.text[:1].isupper() and (country := gazetteer().country(inside.text)):
        _add_affiliation(description, country)
    elif inside.text[:1].isupper() and facts().body(inside.text):
        _add_affiliation(description, inside.text)
    elif tail and _is_title_text(fold(words[0])) and (country := gazetteer().country(tail)):
        _add_affiliation(description, country)


def span_affiliation(span: Span) -> tuple[str | None, list[int]]:
    """The country named inside a phrase ("two U.S. officials" -> United States), else a party or faith
    ("the Republican nominee" -> Republican), and possessor tokens."""
    places = gazetteer()
    possessors = []
    for token in span:
        if token.dep_ == "poss" and token.ent_type_ in ("PERSON", "ORG"):
            possessors.append(token.i)
        if token.text[:1].isupper() and (country := places.affiliation(token.text)):
            return country, possessors
    for entity in span.ents:
        if country := places.affiliation(entity.text):
            return country, possessors
    for entity in span.ents:
        if entity.label_ == "NORP":
            return entity.text, possessors
    return None, possessors
