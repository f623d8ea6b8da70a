"""Speech labelled by its speaker and a colon, with no cue word: a headline "Lavrov: West Must Choose",
and the turns of an interview transcript ("PENCE: Well, look, ..." paragraph after paragraph)."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from data_prep.quotes.attribution import Attribution, MarkIndex
from data_prep.quotes.direct import with_quote_marks
from data_prep.quotes.doctext import doc_text
from data_prep.quotes.headline import headline_end

# A headline credit: one to four capitalised words and a colon ("Pat Caddell:", "Poll:").
HEADLINE_CREDIT = re.compile(r"((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*):\s+(?=\S)")
# A transcript turn: a paragraph opening (after a quote mark, as some transcripts are printed) with an
# upper-case name and a colon.
TURN = re.compile(r"^[\"“]?([A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,2}):\s+(?=\S)", re.MULTILINE)
# A transcript has several turns; a single "NAME: ..." paragraph is more often a dateline or a kicker.
MIN_TURNS = 2
# Section labels that open headlines the same way ("Analysis: ...", "Live updates: ...").
KICKERS = frozenset({"analysis", "opinion", "comment", "commentary", "editorial", "explainer", "exclusive", "watch",
                     "video", "live", "update", "updates", "breaking", "interview", "review", "factbox", "timeline",
                     "podcast", "photos", "pictures", "profile", "obituary", "fact", "check", "news", "world",
                     "latest", "report", "feature", "view", "column", "letters"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
SOURCE_DOCUMENTS = frozenset({"poll", "survey", "study", "report", "audit", "review"})
TRAILING = " \t\"”’'"


def _attribution(doc: Doc, name: tuple[int, int], content: tuple[int, int], marks: MarkIndex):
    text = doc_text(doc)
    start, end = content
    while end > start and text[end - 1] in TRAILING and not marks.covers(end - 1):
        end -= 1
    speaker = doc.char_span(*name, alignment_mode="expand")
    if speaker is None or end <= start or any(word.lower_ in KICKERS for word in speaker):
        return None
    spans, kind, touched = with_quote_marks(text, [[start, end]], marks)
    return Attribution(spans, kind, None, speaker, touched)


def _names_a_source(doc: Doc, name: tuple[int, int], body_start: int) -> bool:
    """A headline credit names a person or organisation the body names too ("Pat Caddell:" over a body
    quoting Caddell), or a poll or study; not a place ("Gaza: leaders gather ..."), a section label or a
    catchphrase ("Stealth Over Health:"). The body decides because a Title Case headline misleads the
    entity recogniser."""
    words = doc.char_span(*name, alignment_mode="expand")
    if words is None:
        return False
    if words.root.lemma_.lower() in SOURCE_DOCUMENTS:
        return True
    last = words[-1].lower_
    labels = {entity.label_ for entity in doc.ents if entity.start_char >= body_start
              and entity[-1].lower_ == last}
    return bool(labels & SPEAKING_ENTITIES) and not labels & PLACE_ENTITIES


def labelled_speech(doc: Doc, marks: MarkIndex, found: list[Attribution]) -> list[Attribution]:
    """Attributions made by a colon credit, leaving out any whose words another attribution covers."""
    text = doc_text(doc)
    made = []
    end = headline_end(text)
    if end and (match := HEADLINE_CREDIT.match(text, 0, end)) and _names_a_source(doc, match.span(1), end):
        made.append(_attribution(doc, match.span(1), (match.end(), end), marks))
    turns = [match for match in TURN.finditer(text) if match.start() >= end]
    if len(turns) >= MIN_TURNS:
        for match in turns:
            line_end = text.find("\n", match.end())
            made.append(_attribution(doc, match.span(1), (match.end(), len(text) if line_end < 0 else line_end),
                                     marks))
    return [attribution for attribution in made if attribution is not None and not _covered(attribution, found)]


def _covered(attribution: Attribution, others: list[Attribution]) -> bool:
    """Another attribution already holds at least half of these words."""
    length = sum(end - start for start, end in attribution.spans)
    shared = sum(max(0, min(end, other_end) - max(start, other_start))
                 for start, end in attribution.spans for other in others for other_start, other_end in other.spans)
    return shared * 2 >= length
