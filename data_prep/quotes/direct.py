"""Quoted passages: typing content by its quote marks, and giving every passage reported speech did
not cover its cue and source (same sentence, a colon before it, a dash credit, a framing verb), or
joining it to the quote it continues (split quotes, continued paragraphs)."""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from data_prep.quotes.attribution import Attribution, MarkIndex, merge_spans, overlaps, same_paragraph, source_of
from data_prep.quotes.doctext import doc_text, sentence_of
from data_prep.quotes.kinds import is_speech_with_speaker
from data_prep.quotes.lexicon import NAMING_LEMMAS, Cue
from data_prep.quotes.marks import MarkedSpan, names_a_title, starts_paragraph
from data_prep.quotes.speakers import is_pronoun, mention_span, subject_of

# Content with at most this many letters outside quote marks ("that") is a direct quote.
MAX_FRAME_LETTERS_OF_DIRECT = 6
# Text between two parts of one split quote: ', she said. ' and the like.
MAX_SPLIT_GAP_CHARS = 60
# A verb framing a quote without a lexicon cue: at most this far before it, or these words after it.
MAX_FRAMING_GAP = 3
MAX_FRAMING_WORDS_AFTER = 3
MIN_WORDS_OF_FRAMED = 3
# Shorter quoted passages near a cue must read as speech to be quotes of its source.
MIN_WORDS_OF_QUOTE_NEAR_CUE = 6
# “…” ― Jane Doe: a dash (or a spaced hyphen) and a name ending the line, possibly on the next line.
DASH_CREDIT = re.compile(r"[^\S\n]*(?:\n[^\S\n]*){0,2}(?:[\u2015\u2014\u2013]|-(?=[^\S\n]))[^\S\n]*"
                         r"([A-Z][^\n,;(]{1,60}?)[.]?(?:\n|$)")
# A quoted passage with no cue anywhere near is kept (speaker unknown) only when it reads as speech.
MIN_WORDS_OF_UNATTRIBUTED = 8
CLOSING_MARK_CHARS = "\"'\u201d\u00bb\u201c\u2019 "
# A short sentence right after a quote can hold its cue (“…” she said.).
MAX_TOKENS_OF_CUE_SENTENCE = 8
# What lies between a sentence's last word and the next sentence in the same paragraph.
SENTENCE_BOUNDARY = re.compile(r"[.!?][^\S\n]+")
# How far (tokens) from a quoted passage its cue is looked for inside the sentences around it.
MAX_CUE_REACH = 120


def _more_letters_outside(text: str, spans: list[list[int]], marked: list[list[int]], limit: int) -> bool:
    """Whether the spans hold more than ``limit`` letters or digits outside the marked spans. Walks
    the gaps between sorted marks and stops at the limit, so it stays linear in the covered text
    however many marks there are (10 KB of '"a," said "b," said ...' has a thousand)."""
    count = 0
    inside = merge_spans(marked)
    starts = [start for start, _ in inside]
    for start, end in merge_spans(spans):
        at = start
        index = max(bisect_right(starts, start) - 1, 0)
        while at < end:
            if index < len(inside) and inside[index][0] <= at:
                at = max(at, inside[index][1])
                index += 1
                continue
            gap_end = min(end, inside[index][0]) if index < len(inside) else end
            count += sum(map(str.isalnum, text[at:gap_end]))
            if count > limit:
                return True
            at = gap_end
    return False


def with_quote_marks(text: str, spans: list[list[int]], marks: MarkIndex, names_count: bool = True):
    """Type the content by its quote marks; direct quotes become exactly their quoted passages. Unless
    ``names_count`` (the cue names something: "called it “Project Dawn”"), quoted titles and names are
    no quote marks ("unveiled his “Moonfall,” a retelling ...": indirect)."""
    touched = {marks.chain_of[position] for start, end in spans for position in marks.overlapping(start, end)}
    if not names_count:
        titles = {index for index in touched if names_a_title(text, marks.chains[index])}
        if titles and not _more_letters_outside(text, spans, [[mark.start, mark.end] for index in titles
                                                             for mark in marks.chains[index]],
                                                MAX_FRAME_LETTERS_OF_DIRECT):
            return [], "indirect", set()  # only a title ("On “Morning Show,”"): nothing said
        touched -= titles
    if not touched:
        return spans, "indirect", touched
    marked = [[mark.start, mark.end] for index in sorted(touched) for mark in marks.chains[index]]
    if not _more_letters_outside(text, spans, marked, MAX_FRAME_LETTERS_OF_DIRECT):
        return marked, "direct", touched
    overlapping = [mark for mark in marked if any(overlaps(mark, span) for span in spans)]
    return merge_spans(spans + overlapping), "mixed", touched


def quoted_name_only(attribution: Attribution, marks: MarkIndex) -> None:
    """ "called the ceasefire agreement “historic”": the object is the reporter's, the quoted name for it
    the speaker's words, so in the quotes table the quote is the quoted words alone (direct), as the
    realnews gold has it; PolNeAR keeps the object with the quoted predicate (mixed)."""
    cue = attribution.cue
    if attribution.kind != "mixed" or cue is None or cue.lemma_.lower() not in NAMING_LEMMAS:
        return
    if not any(child.dep_ in ("dobj", "oprd") for child in cue.children):
        return
    text = doc_text(cue.doc)
    marked = [[mark.start, mark.end] for index in sorted(attribution.chains) for mark in marks.chains[index]]
    inside = sorted(mark for mark in marked if any(overlaps(mark, span) for span in attribution.spans))
    cue_end = cue.idx + len(cue)
    # nothing but the object between the cue and the quoted words, and nothing after them (a frame
    # before the cue, "In a statement, the union calls ...", is the reporter's)
    if inside and inside[0][0] > cue_end and "\n" not in text[cue_end:inside[0][0]] \
            and not _more_letters_outside(text, [span for span in attribution.spans if span[0] >= cue_end],
                                          inside + [[cue_end, inside[0][0]]], 0):
        attribution.kind, attribution.spans = "direct", inside


def quoted_side(text: str, spans: list[list[int]], cue_at: int, marks: MarkIndex) -> list[list[int]]:
    """Content parsed on both sides of a cue, quoted on one side only: the quote is what was said
    ("Pressed on ..., Trump told reporters: “…”"); not when the cue stands between two halves of the
    words ("X was driven by “demand”, he added, and travel is expected to ...")."""
    before = [span for span in spans if span[1] <= cue_at]
    after = [span for span in spans if span[0] > cue_at]
    if not before or not after or ", and " in text[cue_at:after[0][0]]:
        return spans
    quoted_before = any(marks.covers(span[0]) or marks.covers(span[1] - 1) for span in before)
    quoted_after = any(marks.covers(span[0]) or marks.covers(span[1] - 1) for span in after)
    if quoted_before != quoted_after:
        return before if quoted_before else after
    return spans


def _sentences_around(doc: Doc, chain: list[MarkedSpan]) -> list[Span]:
    """Sentences where a quoted passage's cue can be: those it touches, a short one right after it
    (“…” she said.) and the one before it when that ends in a colon (told reporters: “…”); each cut
    to MAX_CUE_REACH tokens either side of the passage, so a text parsed as one endless sentence
    costs each passage a bounded scan."""
    text = doc_text(doc)
    first = doc.char_span(chain[0].start, chain[0].end, alignment_mode="expand")
    last = doc.char_span(chain[-1].start, chain[-1].end, alignment_mode="expand")
    sentences = set()
    if first is not None:
        opening = sentence_of(doc, first.start)
        sentences.add(opening)
        if opening[0] > 0 and text[:chain[0].start].rstrip().endswith(":"):
            sentences.add(sentence_of(doc, opening[0] - 1))
    if last is not None:
        closing = sentence_of(doc, last.end - 1)
        sentences.add(closing)
        after_end = closing[1]
        if after_end < len(doc) and "\n" not in text[chain[-1].end:doc[after_end].idx]:
            after = sentence_of(doc, after_end)
            if after[1] - after[0] <= MAX_TOKENS_OF_CUE_SENTENCE:
                sentences.add(after)
    low = (first.start if first is not None else 0) - MAX_CUE_REACH
    high = (last.end if last is not None else len(doc)) + MAX_CUE_REACH
    return [doc[max(start, low):min(end, high)] for start, end in sorted(sentences)]


def _near_paragraphs(text: str, offset: int, chain: list[MarkedSpan]) -> bool:
    """A cue is in the quote's paragraph, or ends the paragraph just before it with a colon."""
    if same_paragraph(text, offset, chain[0].start) or same_paragraph(text, offset, chain[-1].start):
        return True
    before = text[:chain[0].start].rstrip()
    if offset >= chain[0].start or not before.endswith(":"):
        return False
    colon = len(before) - 1
    return same_paragraph(text, offset, colon) and text[colon:chain[0].start].count("\n") <= 2


def _extend(text: str, attribution: Attribution, spans: list[list[int]], chain_index: int) -> None:
    """Add a quoted passage to a cue's attribution: a split quote, or a partial quote (mixed)."""
    cue = attribution.cue
    if attribution.kind == "indirect" and cue is not None and \
            (attribution.end <= cue.idx) != (spans[0][0] <= cue.idx):
        # reported content on one side of the cue, the quote on the other: the quote marks win
        attribution.kind, attribution.spans = "direct", list(spans)
    elif attribution.kind == "indirect":
        attribution.kind = "mixed"
        merged = [min(attribution.start, spans[0][0]), max(attribution.end, spans[-1][1])]
        # one stretch, unless it would take in the cue and its source ("In a statement, the union
        # calls the plan “a good start”": the leading phrase and the quote stay apart)
        attribution.spans = sorted(attribution.spans + spans) if cue is not None and \
            merged[0] <= cue.idx < merged[1] else [merged]
    else:
        attribution.spans = sorted(attribution.spans + spans)
    attribution.chains.add(chain_index)


def _previous_quoted(attributions: list[Attribution], before: int) -> Attribution | None:
    earlier = [a for a in attributions if a.end <= before and a.kind != "indirect"]
    return max(earlier, key=lambda a: a.end) if earlier else None


def _reported_sentence_before(text: str, attributions: list[Attribution], start: int) -> Attribution | None:
    """ "X identified rising costs as the cause. “Prices have doubled.”": a quoted sentence right after a
    sentence that ends in someone's reported words (nothing but the full stop between) goes on with them."""
    earlier = [a for a in attributions if a.end <= start]
    last = max(earlier, key=lambda a: a.end, default=None)
    if last is None or last.kind != "indirect" or last.speaker is None:
        return None
    return last if SENTENCE_BOUNDARY.fullmatch(text[last.end:start]) else None


def _last_inner_char(text: str, span: MarkedSpan) -> str:
    inner = text[span.start:span.end].rstrip(CLOSING_MARK_CHARS)
    return inner[-1:] if inner else ""


def _reads_as_speech(text: str, chain: list[MarkedSpan]) -> bool:
    """Quoted words that end a clause inside the marks (“…,” “….”) or are set off by a colon."""
    return _last_inner_char(text, chain[-1]) in tuple(",.?!") or text[:chain[0].start].rstrip().endswith(":")


def _reads_as_title(doc: Doc, chain: list[MarkedSpan]) -> bool:
    """A short quoted name after a preposition or article: 'in an interview with “Harbour Mornings,”'."""
    inside = doc.char_span(chain[0].start, chain[0].end, alignment_mode="expand")
    if inside is None or inside.start == 0:
        return False
    return doc[inside.start - 1].pos_ in ("ADP", "DET")


def _governs(doc: Doc, token: Token, chain: list[MarkedSpan]) -> bool:
    """The quoted words hang from ``token`` in the parse."""
    inside = doc.char_span(chain[0].start, chain[0].end, alignment_mode="expand")
    return inside is not None and any(token in word.ancestors for word in inside)


def _lexicon_cue_near(doc: Doc, chain: list[MarkedSpan], cue_at: set[int], marks: MarkIndex) -> Token | None:
    text = doc_text(doc)
    anchors = (chain[0].start, chain[-1].end)
    nearby = [doc[i] for sent in _sentences_around(doc, chain) for i in range(sent.start, sent.end)
              if i in cue_at and not marks.covers(doc[i].idx) and _near_paragraphs(text, doc[i].idx, chain)]
    # a cue the quoted words hang from beats a nearer one ("calls it “A,” despite describing it as ...")
    governing = [tok for tok in nearby if _governs(doc, tok, chain)]
    return min(governing or nearby, key=lambda tok: min(abs(tok.idx - anchors[0]), abs(tok.idx - anchors[1])),
               default=None)


def _distance(token: Token, chain: list[MarkedSpan]) -> int:
    return min(abs(token.idx - chain[0].start), abs(token.idx - chain[-1].end))


def _framing_verb(doc: Doc, chain: list[MarkedSpan], marks: MarkIndex) -> Token | None:
    """Any verb with a subject framing the quote in its paragraph: right before it ("She shot back,
    “…”") or right after a quote ending in , ? or ! (“Mexico!” the audience screamed)."""
    text = doc_text(doc)
    words = len(text[chain[0].start:chain[-1].end].split())
    speech_ending = _last_inner_char(text, chain[-1]) in tuple(",?!")
    candidates = []
    for sent in _sentences_around(doc, chain):
        for token in sent:
            if token.pos_ != "VERB" or marks.covers(token.idx):
                continue
            phrase_end = token.i
            while phrase_end + 1 < len(doc) and doc[phrase_end + 1].head.i == token.i \
                    and doc[phrase_end + 1].dep_ in ("prt", "advmod"):
                phrase_end += 1  # "shot back", "spoke up"
            before = text[doc[phrase_end].idx + len(doc[phrase_end]):chain[0].start]
            after = text[chain[-1].end:token.idx]
            framed_before = words >= MIN_WORDS_OF_FRAMED and token.idx < chain[0].start and (
                (0 <= len(before) <= MAX_FRAMING_GAP and before.strip() in (",", ":"))
                or (before.rstrip().endswith(":") and not any(ch in ".!?\n" for ch in before)))
            # the second case: "delivered a snappy retort: “…”"
            framed_after = token.idx > chain[-1].end and speech_ending and "\n" not in after \
                and len(after.split()) <= MAX_FRAMING_WORDS_AFTER
            if (framed_before or framed_after) and subject_of(token) is not None:
                candidates.append(token)
    return min(candidates, key=lambda tok: _distance(tok, chain), default=None)


def _colon_credit(doc: Doc, chain: list[MarkedSpan]) -> Span | None:
    """A name and a colon right before the quote: 'Carl Bialik: “…”'."""
    inside = doc.char_span(chain[0].start, chain[0].end, alignment_mode="expand")
    if inside is None or inside.start < 2 or doc[inside.start - 1].text != ":":
        return None
    name = doc[inside.start - 2]
    if name.pos_ != "PROPN" or not same_paragraph(doc_text(doc), name.idx, chain[0].start):
        return None
    return mention_span(name)


def _dash_credit(doc: Doc, chain: list[MarkedSpan]) -> Span | None:
    """A name credited after a dash at the end of the quote's paragraph: “…” ― Jane Doe."""
    match = DASH_CREDIT.match(doc_text(doc), chain[-1].end)
    if match is None:
        return None
    return doc.char_span(match.start(1), match.end(1), alignment_mode="contract")


def _verbless_credit(doc: Doc, chain: list[MarkedSpan]) -> Span | None:
    """A source named after the quote with no verb, as some copy prints it: '“…,” the National Weather
    Office in Ruritania.' The quote ends in a comma inside its marks and the sentence after it is one
    short noun phrase naming a body or a person."""
    text = doc_text(doc)
    if _last_inner_char(text, chain[-1]) != ",":
        return None
    rest = doc.char_span(chain[-1].end, len(text), alignment_mode="contract")
    if rest is None or not len(rest):
        return None
    start = end = rest.start
    while end < len(doc) and end - start < MAX_TOKENS_OF_CUE_SENTENCE and doc[end].text not in (".", "\n") \
            and "\n" not in doc[end].text:
        end += 1
    credit = doc[start:end]
    if not credit or end >= len(doc) or doc[end].text != "." or any(t.pos_ in ("VERB", "AUX") for t in credit) \
            or not (credit[0].text[:1].isupper() or credit[0].lower_ == "the") \
            or not any(t.ent_type_ in ("ORG", "PERSON") for t in credit) \
            or any(t.is_punct or (t.text[:1].isupper() and not t.ent_type_ and t.i != start) for t in credit):
        return None  # not a headline's title-case words ("NAME Tells Convention") or a citation "(Site, Thursday)"
    return credit


def _is_whole_paragraph(text: str, chain: list[MarkedSpan]) -> bool:
    """The quoted passage is all its paragraph holds, and ends a sentence inside its marks (“We are ready.”)."""
    end = text.find("\n", chain[-1].end)
    after = text[chain[-1].end:end if end >= 0 else len(text)]
    return starts_paragraph(text, chain[0].start) and not after.strip() and _last_inner_char(text, chain[-1]) in tuple(".?!")


def _one_speaker_in_paragraph_before(text: str, start: int, attributions: list[Attribution]) -> bool:
    """The paragraph right before ``start``'s holds one named speaker's speech ("Coach NAME ..., noting
    that ..."; a pronoun may stand for them): a quoted paragraph after it may go on with their words (the
    actor stage's continuation credits it). With two speakers there, whose words go on is a guess."""
    end = text.rfind("\n", 0, start)
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end <= 0:
        return False
    begin = text.rfind("\n", 0, end) + 1
    speakers = [attribution.speaker for attribution in attributions
                if is_speech_with_speaker(attribution) and begin <= attribution.cue.idx < end]
    named = {speaker.text.lower() for speaker in speakers if not is_pronoun(speaker)}
    return bool(speakers) and len(named) <= 1


def attach_quoted(doc: Doc, chains, cues: list[tuple[Token, Cue]], marks: MarkIndex,
                   attributions: list[Attribution]) -> None:
    """Give every quoted passage that reported speech did not cover a cue and source, or join it to
    the quote it continues."""
    text = doc_text(doc)
    cue_at = {token.i for token, _ in cues}
    used = set().union(*(a.chains for a in attributions)) if attributions else set()
    for index, chain in enumerate(chains):
        if index in used or names_a_title(text, chain):
            continue  # a quoted title or name ("unveiled his “Moonfall,”") is no one's words
        spans = [[mark.start, mark.end] for mark in chain]
        words = len(text[chain[0].start:chain[-1].end].split())
        cue = _lexicon_cue_near(doc, chain, cue_at, marks)
        if cue is not None and words < MIN_WORDS_OF_QUOTE_NEAR_CUE and (
                source_of(cue) is None or not _reads_as_speech(text, chain) or _reads_as_title(doc, chain)):
            continue  # a scare-quoted name or phrase near a cue word ("so-called “reform”")
        verb = _framing_verb(doc, chain, marks)
        if verb is not None and (cue is None or (_distance(verb, chain) < _distance(cue, chain)
                                                 and not _governs(doc, cue, chain))):
            cue = verb  # the verb framing the quote beats a cue word further away that it does not hang from
        if cue is not None:
            same_cue = next((a for a in attributions if a.cue is not None and a.cue.i == cue.i), None)
            if same_cue is not None and same_paragraph(text, same_cue.start, chain[0].start):
                _extend(text, same_cue, spans, index)
            else:
                attributions.append(Attribution(spans, "direct", cue, source_of(cue), {index}))
            continue
        credit = _dash_credit(doc, chain) or _colon_credit(doc, chain) or _verbless_credit(doc, chain)
        if credit is not None:
            attributions.append(Attribution(spans, "direct", None, credit, {index}))
            continue
        previous = _previous_quoted(attributions, chain[0].start)
        gap = text[previous.end:chain[0].start] if previous else ""
        cue_in_gap = previous is not None and previous.cue is not None and \
            previous.end <= previous.cue.idx < chain[0].start
        if previous is not None and "\n" not in gap and (len(gap) <= MAX_SPLIT_GAP_CHARS or cue_in_gap):
            previous.spans = sorted(previous.spans + spans)  # “A,” she said. “B.”
            previous.chains.add(index)
            continue
        reported = _reported_sentence_before(text, attributions, chain[0].start)
        if reported is not None:
            attributions.append(Attribution(spans, "direct", reported.cue, reported.speaker, {index}))
            continue
        if previous is not None and previous.speaker is not None and len(gap) <= MAX_SPLIT_GAP_CHARS \
                and starts_paragraph(text, chain[0].start):
            # a paragraph continuing the previous speaker's quote
            attributions.append(Attribution(spans, "direct", previous.cue, previous.speaker, {index}))
        elif words >= MIN_WORDS_OF_UNATTRIBUTED or (
                _is_whole_paragraph(text, chain) and _one_speaker_in_paragraph_before(text, chain[0].start, attributions)):
            # a short quoted paragraph reads as speech only after someone's speech ("“We are ready.”")
            attributions.append(Attribution(spans, "direct", None, None, {index}))
