"""Unquoted continuations of reported speech: sentences with no cue that carry on what a speaker said.

Wire and state-media copy reports an official's remarks as a run of reported speech: "The envoy said
that the move violated the accord. Such steps must never be repeated." The second sentence has no cue,
yet it is the envoy's words (the realnews gold counts such a run of sentences, up to the paragraph's
end, as one indirect quote of the same speaker). A reporter's own sentences follow reported speech just
as often ("The levy funds most of the port's budget.", "Smith could not be reached."), and crediting
them to the speaker is worse than missing a continuation. So a run of sentences carries the speech on
only when

- it starts right after a sentence that ends in someone's reported speech (indirect or mixed, a speech
  cue before its content, a known source), in the same paragraph;
- each of its sentences could be the speaker's: no attribution, quote marks, question or bracket of its
  own, no date, time or number (narration places and counts events), a subject that is not a named
  person or "he"/"she" (the reporter describing someone), and a present tense, a modal, or an additive
  connective ("Moreover, ...", "In addition, ...") opening a further point;
- and at least one of them is in the speaker's voice beyond doubt: an obligation or a negated
  prediction ("must never", "should", "will not", "we cannot"; not a procedure or rule such as "must
  still be approved" or "cannot be appealed") or a judgment ("is a blatant challenge",
  "a grave mistake"), which news reporting leaves to the people it quotes.

The continuation is credited to the same source mention and cue as the speech it continues, as a
quoted paragraph running on from the previous speaker is (``direct.attach_quoted``). PolNeAR annotates
no attribution without a cue of its own, so continuations belong to the quotes table only
(``extract_quotes``).
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

from spacy.tokens import Doc, Span, Token

from data_prep.labels import ACTIVE_SUBJECT_DEPS, AGENT_DEPS, AUX_DEPS
from data_prep.quote_record import SPEECH
from data_prep.quotes.attribution import Attribution, MarkIndex
from data_prep.quotes.doctext import doc_text
from data_prep.quotes.kinds import attribution_kind
from data_prep.quotes.lexicon import JUDGING_ADJECTIVES, JUDGING_NOUNS, JUDGING_VERBS, cue_for

# Words opening a further point of the same argument. "However", "But", "Meanwhile" are left out:
# reporters open their own contrast or next topic with them as often as speakers do.
ADDITIVE_CONNECTIVES = frozenset({"moreover", "furthermore", "besides", "additionally"})
ADDITIVE_PHRASES = (("in", "addition"), ("what", "is", "more"), ("what", "'s", "more"))
# A paragraph opening with a contrast is more often the reporter's turn than the speaker's.
CONTRASTIVE_OPENERS = frozenset({"however", "but", "yet", "still", "meanwhile", "nevertheless", "nonetheless"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
OBLIGATION_MODALS = frozenset({"must", "should", "shall", "ought"})
# A negated prediction ("will not go unanswered") is the speaker's; a negated ability is the speaker's
# only with a party as subject ("we cannot accept it"): "cannot be appealed", "the bridge cannot carry
# lorries" state rules and facts, "could not be reached" is the reporter's account of a call.
WILL_MODALS = frozenset({"will", "wo"})
PAST_MODALS = frozenset({"would", "could"})
ABILITY_MODALS = frozenset({"can", "ca"})
PARTY_PRONOUNS = frozenset({"we", "they", "you"})
PARTY_ENTITIES = frozenset({"ORG", "GPE", "NORP"})
NEGATING_ADVERBS = frozenset({"never"})
CONDITION_MARKS = frozenset({"if", "unless", "once", "when"})
# Narration places events in time and counts: dates, times, numbers of people, money, shares.
NARRATION_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
# Subjects that make a sentence the reporter's account of someone rather than the speaker's claim.
PERSONAL_SUBJECTS = frozenset({"he", "she", "i", "you"})
# Quote marks, a question and brackets: none is a continuation of reported speech.
NOT_CONTINUING_CHARS = "\"“”«»„?()"
# The reported speech must reach the end of its sentence: at most this many letters of the sentence
# may follow its content.
MAX_LETTERS_AFTER_CONTENT = 0


def _paragraph_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _letters(text: str) -> int:
    return sum(map(str.isalnum, text))


def _opens_with_addition(sentence: Span) -> bool:
    words = [token.lower_ for token in sentence[:3]]
    return (bool(words) and words[0] in ADDITIVE_CONNECTIVES) or any(
        tuple(words[:len(phrase)]) == phrase for phrase in ADDITIVE_PHRASES)


def _verbs(sentence: Span) -> list[Token]:
    """The main verb and the verbs coordinated with it ("must be and will be respected")."""
    root = sentence.root
    return [root] + [child for child in root.children if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")]


def _is_party(subject: Token | None) -> bool:
    """A subject that can act on what the speaker says: "we", "they", "you", or a named body, country
    or people."""
    return subject is not None and (subject.lower_ in PARTY_PRONOUNS or subject.ent_type_ in PARTY_ENTITIES)


def _is_strong_modal(modal: Token) -> bool:
    """The speaker's normative voice: an active "must", "should" ("the states must lift it"), a passive
    obligation only when negated ("must never be repeated"), a negated "will" ("will not go
    unanswered") and "cannot" with a party as subject ("we cannot accept it"). Not the reporter's
    account of a procedure, a rule or a fact: "must still be approved by parliament", "cannot be
    appealed", "the bridge cannot carry lorries", "could not be reached"."""
    if modal.tag_ != "MD" or modal.dep_ != "aux":
        return False
    verb = modal.head
    passive = any(child.dep_ == "auxpass" for child in verb.children)
    negated = any(child.dep_ == "neg" or child.lower_ in NEGATING_ADVERBS for child in verb.children)
    subject = next((child for child in verb.children if child.dep_ in ACTIVE_SUBJECT_DEPS), None)
    word = modal.lower_
    if word in OBLIGATION_MODALS:
        return negated or not passive
    if word in WILL_MODALS:
        return negated
    if word in PAST_MODALS:
        return negated and not passive
    if word in ABILITY_MODALS:
        return negated and not passive and _is_party(subject)
    return False


def _judges(sentence: Span) -> bool:
    """ "It is a grave mistake", "The move is a blatant challenge": a judging predicate noun;
    "They have ignored the warnings": a verb of accusation."""
    for verb in _verbs(sentence):
        if verb.lemma_.lower() in JUDGING_VERBS:
            return True
        for child in verb.children:
            if child.dep_ in ("attr", "dobj") and (child.lemma_.lower() in JUDGING_NOUNS or any(
                    grand.dep_ == "amod" and grand.lower_ in JUDGING_ADJECTIVES for grand in child.children)):
                return True
            if child.dep_ == "acomp" and child.lower_ in JUDGING_ADJECTIVES:
                return True
    return False


def _stipulates(verb: Token) -> bool:
    """ "that would only be possible if the blockade ended": a modal restricted to a condition."""
    children = list(verb.children)
    return any(child.tag_ == "MD" for child in children) and any(child.lower_ == "only" for child in children) \
        and any(child.dep_ == "advcl" and any(grand.dep_ == "mark" and grand.lower_ in CONDITION_MARKS
                                              for grand in child.children) for child in children)


def _in_speakers_voice(sentence: Span) -> bool:
    return _judges(sentence) or any(_stipulates(verb) or any(_is_strong_modal(child) for child in verb.children)
                                    for verb in _verbs(sentence))


def _could_be_speakers(sentence: Span, text: str) -> bool:
    """No marks of its own, no narration entities, an impersonal subject, a present tense, a modal or
    an additive opening."""
    words = text[sentence.start_char:sentence.end_char]
    if any(char in words for char in NOT_CONTINUING_CHARS) or "\n" in words.strip():
        return False
    if any(token.ent_type_ in NARRATION_ENTITIES for token in sentence):
        return False
    root = sentence.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    subject = next((child for child in root.children if child.dep_ in AGENT_DEPS), None)
    if subject is None or subject.ent_type_ == "PERSON" or (
            subject.lower_ in PERSONAL_SUBJECTS and not _opens_with_addition(sentence)):
        return False  # "He is expected to ...", "Smith heads the delegation": the reporter describing someone
    # a cue verb with a subject of its own is an attribution of its own, found or not
    if any(token.pos_ == "VERB" and (cue := cue_for(token)) is not None
           and attribution_kind(token, cue, "indirect") == SPEECH
           and any(child.dep_ in ACTIVE_SUBJECT_DEPS for child in token.children) for token in sentence):
        return False
    first = [child for child in root.children if child.dep_ in AUX_DEPS and child.i < root.i]
    tense = (first[0] if first else root).tag_
    return tense in PRESENT_TAGS or tense == "MD" or _opens_with_addition(sentence)


def _is_speech(attribution: Attribution) -> bool:
    cue = attribution.cue
    return cue is None or attribution_kind(cue, cue_for(cue), attribution.kind) == SPEECH


def _ends_with_speech(attribution: Attribution, sentence: Span, text: str) -> bool:
    """Reported speech whose content follows its cue ("X said that ...") to the end of the sentence."""
    cue = attribution.cue
    if attribution.kind == "direct" or cue is None or attribution.speaker is None:
        return False
    if not (sentence.start_char <= cue.idx < sentence.end_char) or attribution.start <= cue.idx:
        return False
    if cue.dep_ != "ROOT" and cue.left_edge.i != sentence.start:
        return False  # the main clause is the reporter's ("erred in saying that ...", "..., citing ...")
    return _letters(text[attribution.end:sentence.end_char]) <= MAX_LETTERS_AFTER_CONTENT


def _opens_with_contrast(sentence: Span) -> bool:
    return sentence[0].lower_ in CONTRASTIVE_OPENERS


def _by_sentence(sentences: list[Span], attributions: list[Attribution]):
    """Which attributions have their cue in each sentence, and which sentences any attribution touches
    (its cue or its words), found by bisection so that a long text costs one pass."""
    starts = [sentence.start_char for sentence in sentences]

    def index_of(offset: int) -> int:
        return max(0, bisect_right(starts, offset) - 1)

    cued: dict[int, list[Attribution]] = defaultdict(list)
    touched: set[int] = set()
    for attribution in attributions:
        if attribution.cue is not None:
            cued[index_of(attribution.cue.idx)].append(attribution)
            touched.add(index_of(attribution.cue.idx))
        for start, end in attribution.spans:
            touched.update(range(index_of(start), index_of(max(start, end - 1)) + 1))
    return cued, touched


def _runs(doc: Doc, attributions: list[Attribution], marks: MarkIndex) -> list[tuple[Attribution, list[Span]]]:
    """Each anchor's runs of sentences that could be its speaker's: in the anchor's paragraph, and in
    the next paragraph when the anchor's paragraph ends in its speech and the new paragraph opens in
    the speaker's voice."""
    text = doc_text(doc)
    sentences = list(doc.sents)
    cued, touched = _by_sentence(sentences, attributions)
    runs: list[tuple[Attribution, list[Span]]] = []
    current: list[Span] | None = None
    anchor: Attribution | None = None
    whole_paragraph = False  # the paragraph so far is the anchor's speech and its continuation
    previous_start = -1
    for position, sentence in enumerate(sentences):
        new_paragraph = _paragraph_start(text, sentence.start_char) > previous_start
        previous_start = sentence.start_char
        found = next((a for a in cued.get(position, ()) if _ends_with_speech(a, sentence, text)), None)
        if found is not None:
            anchor, current = found, []
            whole_paragraph = new_paragraph
            runs.append((anchor, current))
            continue
        could = anchor is not None and position not in touched \
            and not marks.covers(sentence.start_char) and _could_be_speakers(sentence, text)
        if new_paragraph and could and current is not None and whole_paragraph \
                and _in_speakers_voice(sentence) and not _opens_with_contrast(sentence):
            current = [sentence]
            runs.append((anchor, current))
        elif could and current is not None and not new_paragraph:
            current.append(sentence)
        else:
            anchor = current = None
    return [(anchor, run) for anchor, run in runs if run]


def _credits_its_sentence(attribution: Attribution, sentence: Span, text: str) -> bool:
    """ "It will isolate the port for months, the envoy added.": reported speech before a trailing
    cue, from the sentence's start."""
    cue = attribution.cue
    if attribution.kind == "direct" or cue is None or attribution.speaker is None or attribution.end > cue.idx:
        return False
    return _letters(text[sentence.start_char:attribution.start]) == 0


def _leading_runs(doc: Doc, attributions: list[Attribution], marks: MarkIndex) -> list[tuple[Attribution, list[Span]]]:
    """Sentences that open a paragraph in the speaker's voice right before a sentence whose trailing cue
    credits its words ("X is a blatant challenge. It is tying ..., said the ambassador."), when the
    paragraph before ends in reported speech: the wire's speech running on over the paragraph break,
    its cue at the end."""
    text = doc_text(doc)
    sentences = list(doc.sents)
    cued, touched = _by_sentence(sentences, attributions)
    runs = []
    for position, sentence in enumerate(sentences):
        credit = next((a for a in cued.get(position, ()) if _credits_its_sentence(a, sentence, text)), None)
        if credit is None:
            continue
        first = position
        while first > 0 and _paragraph_start(text, sentences[first].start_char) <= sentences[first - 1].start_char \
                and first - 1 not in touched and _could_be_speakers(sentences[first - 1], text) \
                and not marks.covers(sentences[first - 1].start_char):
            first -= 1
        run = sentences[first:position]
        opens = run and _paragraph_start(text, run[0].start_char) == run[0].start_char
        before_is_speech = first > 0 and first - 1 in touched and any(
            a.kind != "direct" for a in cued.get(first - 1, ()))
        if opens and before_is_speech and not _opens_with_contrast(run[0]):
            runs.append((credit, run))
    return runs


def continued_speech(doc: Doc, attributions: list[Attribution], marks: MarkIndex) -> list[Attribution]:
    """Continuations of the attributions' reported speech, one per run of sentences."""
    text = doc_text(doc)
    # beliefs and acts ("she refused to retract it") are part of what a speaker can go on to claim
    speech = [attribution for attribution in attributions if _is_speech(attribution)]
    found = []
    for anchor, run in _runs(doc, speech, marks) + _leading_runs(doc, speech, marks):
        if not any(_in_speakers_voice(sentence) for sentence in run):
            continue
        end = run[-1].end_char
        while end > run[0].start_char and text[end - 1].isspace():
            end -= 1
        found.append(Attribution([[run[0].start_char, end]], "indirect", anchor.cue, anchor.speaker))
    return found
