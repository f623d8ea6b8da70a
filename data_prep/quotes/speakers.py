"""Who is the source of a cue: its grammatical subject, as a full noun phrase."""
from __future__ import annotations

from spacy.tokens import Span, Token

from data_prep.datelines import DASHES, dateline_end
from data_prep.labels import (ACTIVE_SUBJECT_DEPS, AGENT_DEPS, PERSONAL_PRONOUNS, RELATIVE_PRONOUNS, SUBJECT_DEPS,
                              TIME_ENTITY_LABELS)
from data_prep.quotes.doctext import doc_text, sentence_of
from data_prep.quotes.lexicon import NON_AGENT_NOUNS, RECEIVING_LEMMAS, UTTERANCE_NOUNS

# The passive subject is the source only for "X was quoted as saying"; elsewhere it is what is
# talked about ("14 people were admitted", "X is expected to win").
QUOTED_PASSIVE_LEMMAS = frozenset({"quote"})
# Clauses that share the subject of the clause they hang from ("..., telling reporters that ...").
# "Voters were more likely to say ...", "The mayor was quick to add ...": an infinitive of a predicate
# adjective (acomp) shares the clause's subject too, unless that subject is the "it" of "it is hard to say".
SUBJECT_SHARING_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "prep", "acomp"})
# Subjects that cannot be a source ("There are signs ...", "that said"); "it" can ("it said", of a paper).
NON_SOURCES = frozenset({"there", "this", "that", "what", "which", "you"})
MENTION_CUTTING_DEPS = frozenset({"relcl", "acl", "appos", "punct", "cc", "prep", "advmod"})
MAX_CLIMB = 4
MAX_INITIAL_SUBJECT_TOKENS = 8
NOUN_PHRASE_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PUNCT", "PART"})
# Verbs of a report passing words on, and the people a report can cite as having said them.
RELAYING_LEMMAS = frozenset({"report"})
CITED_SPEAKER_NOUNS = frozenset({"official", "source", "people", "person", "diplomat", "aide", "witness",
                                 "resident", "officer", "spokesperson", "spokesman", "spokeswoman", "insider",
                                 "negotiator", "delegate", "minister", "lawmaker", "analyst", "expert"})


# Punctuation that ends quoted words before the closing mark ("“We will rebuild,” stated ...").
QUOTE_END_PUNCT = frozenset({",", "?", "!", ".", "\u2026"})


def inverted_subject(cue: Token) -> Token | None:
    """ '“We must act,” urged the president of the council.', '“Is this fair?” questioned the minister.':
    a verb right after the closing mark of quoted words, with no subject of its own and a noun phrase
    after it that ends the clause, is a cue with its subject after it, which the parser reads as an
    object (it parses "stated the head of the agency" right, "urged the president" not)."""
    doc = cue.doc
    # finite and no conjunct: '“...,” answering questions about ...' and 'She called it “a farce,” then
    # thanked the hosts' share the sentence's subject
    if cue.tag_ not in FINITE_TAGS or cue.dep_ == "conj" or cue.i < 2 or not doc[cue.i - 1].is_quote \
            or doc[cue.i - 2].text not in QUOTE_END_PUNCT \
            or any(child.dep_ in AGENT_DEPS or child.dep_ == "expl" for child in cue.children):
        return None
    objects = [child for child in cue.rights if child.dep_ == "dobj"]
    if len(objects) != 1 or objects[0].pos_ not in ("NOUN", "PROPN") or objects[0].left_edge.i != cue.i + 1:
        return None
    after = objects[0].right_edge.i + 1
    ends_clause = after >= cue.sent.end or doc[after].is_punct and doc[after].text in (".", ",", ";", "!", "?")
    return objects[0] if ends_clause else None


def _own_subject(token: Token) -> Token | None:
    """The token's subject in its own paragraph, the nearest one when the parse gives several; a dateline
    the parser made the subject gives way to the name in apposition after it."""
    text = doc_text(token.doc)
    subject_deps = AGENT_DEPS if token.lemma_ in QUOTED_PASSIVE_LEMMAS else ACTIVE_SUBJECT_DEPS
    subjects = [child for child in token.children if child.dep_ in subject_deps
                and "\n" not in text[min(child.idx, token.idx):max(child.idx, token.idx)]]
    if any(child.is_upper for child in subjects):  # "GOMA, Congo (Reuters) -" parsed as the subject
        dated = dateline_end(token.doc, token.i)
        subjects = [child if child.i >= dated else next((name for name in child.rights if name.dep_ == "appos"
                                                         and name.i >= dated), None) for child in subjects]
        subjects = [child for child in subjects if child is not None]
    if subjects:
        return min(subjects, key=lambda child: abs(child.i - token.i))
    inverted = inverted_subject(token)
    if inverted is not None:
        return inverted
    if token.i > 0 and token.doc[token.i - 1].dep_ == "compound" and token.doc[token.i - 1].head.i == token.i \
            and token.doc[token.i - 1].pos_ == "PROPN":
        return token.doc[token.i - 1]  # headline case misparsed as a compound: "Putin Vows to ..."
    if (name := _name_misread_as_apposition(token)) is not None:
        return name
    if (interrupted := interrupted_subject(token)) is not None:
        return interrupted[0]
    for child in token.children:
        if child.dep_ == "agent":  # "... was announced by the campaign"
            return next((grand for grand in child.children if grand.dep_ == "pobj"), None)
    return None


def interrupted_subject(cue: Token) -> tuple[Token, Token] | None:
    """ "NAME, speaking to the media moments after the president announced a truce, said both sides ...": the
    parser read the long aside as a clause of its own, with NAME its subject, and hung it on the cue. Returns
    (NAME, that misread clause) when the cue has no subject, the clause lies before it up to a comma, NAME
    opens an aside set off by a comma, and the cue has its content after it."""
    doc = cue.doc
    if cue.i == 0 or doc[cue.i - 1].text != "," or any(child.dep_ in SUBJECT_DEPS for child in cue.children) \
            or not any(child.dep_ == "ccomp" and child.i > cue.i for child in cue.children):
        return None
    clause = next((child for child in cue.children if child.dep_ == "ccomp" and child.i < cue.i), None)
    if clause is None:
        return None
    subjects = sorted((child for child in clause.children if child.dep_ in SUBJECT_DEPS), key=lambda t: t.i)
    for subject in subjects[:1]:
        if any(aside.dep_ in ("acl", "appos", "relcl") and aside.i > subject.i and doc[aside.left_edge.i - 1].text == ","
               for aside in subject.children):
            return subject, clause
    # "According to the agency, NAME, speaking to the media, moments after ...": a name set off by commas before
    # a participle, wherever the parse put it in the clause
    for token in doc[clause.left_edge.i:cue.i - 2]:
        if token.ent_type_ == "PERSON" and doc[token.i + 1].text == "," \
                and doc[token.i + 2].tag_ in ("VBG", "VBN"):
            return token, clause
    return None


def _set_off_with_a_clause(verb: Token) -> bool:
    """A past form right after a comma that closes a name, with a content clause: a finite verb the parser
    tagged a participle ("..., NAME, announced on X that ...")."""
    doc = verb.doc
    return verb.tag_ == "VBN" and verb.i > 0 and doc[verb.i - 1].text == "," and any(
        child.dep_ == "ccomp" or (child.dep_ == "advcl" and any(grand.lower_ == "that" for grand in child.children))
        for child in verb.children)


def _name_misread_as_apposition(cue: Token) -> Token | None:
    """ "During an address at the summit in Port Vell, Ruritanian President NAME praised ...": a name right
    before a finite cue with no subject, set off by a comma after a fronted phrase, which the parser hung on
    that phrase as an apposition."""
    doc = cue.doc
    if cue.i == 0 or cue.tag_ not in FINITE_TAGS:
        return None
    name = doc[cue.i - 1]
    if name.dep_ != "appos" or name.ent_type_ not in ("PERSON", "ORG") or name.head.i >= name.i:
        return None
    start = name.left_edge.i
    return name if start > 0 and doc[start - 1].text == "," and name.head.i < start else None


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Participles: "while adding that ...", "after stressing ...", "before calling for ..." have no subject of
# their own and share the main clause's, conjunction or not.
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})


def _is_finite_subordinate(token: Token) -> bool:
    """ "even as Putin vows ...": a finite clause with its own conjunction does not borrow the main
    subject; a participle after one ("while adding that ...") does."""
    if token.dep_ != "advcl" or not any(child.dep_ == "mark" for child in token.children):
        return False
    bare_participle = token.tag_ in PARTICIPLE_TAGS and not any(
        child.dep_ in ("aux", "auxpass", "nsubjpass", "expl") for child in token.children)
    return not bare_participle  # "because the witness was never put under oath": finite, with its own (passive) subject


def _paragraph_initial_subject(cue: Token) -> Token | None:
    """ "U.S. President Donald Trump said ..." opening a paragraph the parser glued to the one before."""
    doc, text = cue.doc, doc_text(cue.doc)
    paragraph_start = text.rfind("\n", 0, cue.idx) + 1
    before = [token for token in doc[max(0, cue.i - MAX_INITIAL_SUBJECT_TOKENS):cue.i]
              if token.idx >= paragraph_start]
    if before and before[0].i > 0 and doc[before[0].i - 1].idx >= paragraph_start:
        return None  # the paragraph starts earlier than the window
    while before and before[-1].ent_type_ in TIME_ENTITY_LABELS:
        before.pop()  # "Prime Minister Given Surname Sunday said": the day is when, not who
    misparsed = [token for token in before if _is_misparsed_plural_title(token)]
    if before and all(token.pos_ in NOUN_PHRASE_POS or token in misparsed or token.lower_ == "and" for token in before) \
            and before[-1].pos_ in ("PROPN", "NOUN"):
        return misparsed[0] if misparsed else before[-1]
    return None


def _is_misparsed_plural_title(token: Token) -> bool:
    """"envoys" of "US envoys Mark Holloway and Daniel Kessler said", tagged a verb: a lower-case plural
    right before a person's name."""
    doc = token.doc
    return token.tag_ == "VBZ" and token.is_lower and token.i + 1 < len(doc) \
        and doc[token.i + 1].ent_type_ == "PERSON" and doc[token.i + 1].ent_iob_ == "B"


def _source_of_document(noun: Token) -> Token | None:
    """ "Her office issued a statement saying ...": whoever issued the statement, else the statement; not
    whoever received it ("the group had received guarantees confirming the end of the war")."""
    verb = noun.head
    if noun.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB" and verb.lemma_.lower() not in RECEIVING_LEMMAS:
        issuer = _own_subject(verb)
        if issuer is not None and issuer.lower_ not in NON_SOURCES:
            return issuer
    return noun


def subject_of(cue: Token) -> Token | None:
    """The subject of the cue's clause, climbing through clauses that borrow their subject."""
    found = _subject_before_dashes(cue) or _subject_by_parse(cue)
    return found if found is not None else _paragraph_initial_subject(cue)


def _is_spaced_dash(token: Token) -> bool:
    """A dash set off by spaces ("NAME — aside —"), not the hyphen inside a word ("US-backed")."""
    return token.text in DASHES and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def _subject_before_dashes(cue: Token) -> Token | None:
    """ "NAME — represented by its foreign minister after the president stayed away — said ...": a cue right
    after an aside set off by dashes has the subject the aside interrupts (the parse loses it inside)."""
    doc = cue.doc
    if cue.i < 3 or not _is_spaced_dash(doc[cue.i - 1]):
        return None
    start, _ = sentence_of(doc, cue.i)
    opening = next((i for i in range(cue.i - 2, start, -1) if _is_spaced_dash(doc[i])), None)
    if opening is None:
        return None
    subject = doc[opening - 1]
    # the parse may hang the interrupted subject on the clause before as an apposition
    return subject if (subject.pos_ == "PROPN" and subject.dep_ == "appos") or (
        subject.pos_ in ("PROPN", "NOUN") and subject.dep_ in SUBJECT_DEPS) else None


def _inside_quote_marks(token: Token) -> bool:
    """Whether a token sits between quotation marks of its paragraph."""
    text = doc_text(token.doc)
    before = text[text.rfind("\n", 0, token.idx) + 1:token.idx]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _subject_by_parse(cue: Token) -> Token | None:
    token = cue
    cue_quoted = _inside_quote_marks(cue)
    through_adjective = False
    for _ in range(MAX_CLIMB):
        if token is not cue and not cue_quoted and _inside_quote_marks(token) and token.head is not token:
            # '... said, "We will not sign a deal like this one," indicating that ...': the quoted clause the cue hangs
            # from is the speaker's words; its "We" is not the source, the frame's subject is
            token = token.head
            continue
        subject = _own_subject(token)
        if subject is not None and "\n" in doc_text(cue.doc)[min(subject.idx, cue.idx):max(subject.idx, cue.idx)]:
            return None  # borrowed across a paragraph break: a misparse
        if subject is not None:
            if through_adjective and subject.lower_ == "it":
                return None  # "It is hard to say whether ...": no one says
            if is_relative_pronoun(subject):
                return subject  # "officials who said ...": the mention is "who", its name "officials"
            return None if subject.lower_ in NON_SOURCES else subject
        if token.dep_ == "relcl":  # "officials who said ..." without a parsed relative pronoun
            return token.head
        if token.dep_ == "acl" and token.head.pos_ == "NOUN":
            return _source_of_document(token.head)
        if token.dep_ == "acl" and token.head.pos_ == "PROPN" and (token.tag_ in FINITE_TAGS or _set_off_with_a_clause(token)):
            # "Orlova, who became mayor in May, called on ...", "Defence Minister, NAME, announced on X that ...":
            # a main verb misread
            return token.head
        if token.dep_ not in SUBJECT_SHARING_DEPS or token.head is token or _is_finite_subordinate(token):
            return None
        through_adjective = through_adjective or token.dep_ == "acomp" or (
            token.dep_ == "xcomp" and token.head.lemma_ == "be")  # "It is hard to say": "say" hangs on "is"
        token = token.head
    return None


def _appositive_end(head: Token, end: int) -> int:
    """Where an apposition after the name ends ("Tim Hess, a developer in Virginia, said"): before
    its own relative clause or the next comma."""
    appositive = next((t for t in head.rights if t.dep_ == "appos" and t.i >= end), None)
    if appositive is None or not all(t.is_punct for t in head.doc[end:appositive.left_edge.i]):
        return end
    for token in head.doc[appositive.left_edge.i:appositive.right_edge.i + 1]:
        if token.i > appositive.i and (token.text in ",;(" or token.dep_ in ("relcl", "acl")):
            return token.i
    return appositive.right_edge.i + 1


def _names_after_title(head: Token) -> int:
    """"US envoys Steve Witkoff and Jared Kushner said": names right after a title the parse made its
    object or apposition belong to the phrase (with their conjuncts); returns where the phrase ends."""
    doc = head.doc
    if head.ent_type_ == "PERSON" or head.i + 1 >= len(doc) or doc[head.i + 1].ent_type_ != "PERSON" \
            or doc[head.i + 1].ent_iob_ != "B":
        return head.i + 1
    name = next((child for child in head.rights if child.ent_type_ == "PERSON"
                 and child.dep_ in ("dobj", "appos", "npadvmod", "attr")
                 and all(t.ent_type_ == "PERSON" for t in doc[head.i + 1: child.i + 1])), None)
    if name is None:
        return head.i + 1
    end = name.i + 1
    for conjunct in name.conjuncts:
        if conjunct.i > name.i and conjunct.ent_type_ == "PERSON":
            end = max(end, conjunct.i + 1)
    return end


def mention_span(head: Token, with_appositive: bool = False) -> Span:
    """The noun phrase of a subject: its determiners, titles and names, without clauses; with the
    apposition that follows it when asked ("Ada Voss, a ferry operator")."""
    doc = head.doc
    start = head.i
    left_tokens = [t for t in head.lefts if t.dep_ not in MENTION_CUTTING_DEPS]
    if left_tokens:
        start = min(t.left_edge.i for t in left_tokens)
    end = head.i + 1
    for token in head.rights:
        if token.dep_ in ("conj", "cc", "flat", "compound", "nummod") or (
                token.dep_ == "prep" and token.lower_ == "of" and head.pos_ != "PROPN"):
            end = token.right_edge.i + 1
        else:
            break
    end = max(end, _names_after_title(head))
    if with_appositive:
        end = _appositive_end(head, end)
    text = doc_text(doc)
    while start < head.i and (doc[start].is_punct or doc[start].is_space
                              or "\n" in text[doc[start].idx:head.idx]):
        start += 1
    while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space
                                or "\n" in text[head.idx:doc[end - 1].idx]):
        end -= 1
    return doc[start:end]


def is_relative_pronoun(token: Token) -> bool:
    return token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl"


def is_pronoun(span: Span) -> bool:
    return len(span) == 1 and (span[0].lower_ in PERSONAL_PRONOUNS or is_relative_pronoun(span[0]))


def _quoted_as_saying(cue: Token) -> Span | None:
    """ "Reuters quoted a senior official as saying ...": the one quoted."""
    head = cue.head
    if cue.dep_ != "pcomp" or head.lower_ != "as" or head.head.lemma_ not in QUOTED_PASSIVE_LEMMAS:
        return None
    quoted = next((child for child in head.head.children if child.dep_ == "dobj"), None)
    return mention_span(quoted, with_appositive=True) if quoted is not None else None


def relayed_origin(cue: Token) -> Span | None:
    """Who first said the words a report passes on: "..., Al Jazeera reported, citing an unnamed
    official", "Citing two diplomats, the paper reported that ...", "Reuters quoted a senior official as
    saying ...". PolNeAR credits the report; a reader of the quotes table wants the one who spoke."""
    quoted = _quoted_as_saying(cue)
    if quoted is not None or cue.lemma_ not in RELAYING_LEMMAS:
        return quoted
    for child in cue.children:
        if child.dep_ != "advcl" or child.lemma_ != "cite" or any(grand.dep_ in AGENT_DEPS for grand in child.children):
            continue
        cited = next((grand for grand in child.children if grand.dep_ == "dobj"), None)
        if cited is not None and (cited.ent_type_ == "PERSON" or cited.lemma_.lower() in CITED_SPEAKER_NOUNS):
            return mention_span(cited)
    return None


def agent_of(mention: Span | None) -> Span | None:
    """The source as someone who can speak: a phrase headed by an event, a step or a stretch of time
    ("the gathering", "a tactic of delay") is no one, and neither are someone's words ("his remarks"):
    their possessor is the agent when there is one ("Trump's tactic", "His remarks" -> "Trump", "His"),
    else the source is left empty."""
    if mention is None:
        return None
    root = mention.root
    lemma = root.lemma_.lower()
    if root.pos_ != "NOUN" or (lemma not in NON_AGENT_NOUNS and lemma not in UTTERANCE_NOUNS) \
            or (root.is_title and not root.is_sent_start):  # a name: "Time" the magazine
        return mention
    owner = next((child for child in root.children if child.dep_ == "poss"), None)
    if owner is not None and owner.pos_ in ("PROPN", "PRON") and owner.lower_ not in ("its",):
        return mention_span(owner)
    return None if lemma in NON_AGENT_NOUNS or owner is not None else mention


def according_to_source(token: Token) -> Token | None:
    """The source in "according to X" when token is "according"."""
    if token.lower_ != "according":
        return None
    to = next((child for child in token.children if child.lower_ == "to"), None)
    if to is None:
        return None
    return next((child for child in to.children if child.dep_ == "pobj"), None)
