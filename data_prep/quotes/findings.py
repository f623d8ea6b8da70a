"""Findings framed by the study that reports them: "In a new poll, 50 percent of voters chose Smith."

The sentence opens with "In" and a poll, survey or study; the rest of the sentence is what it found, and
the study is its source (PolNeAR annotates the preposition as the cue: 17 of 20 such sentence openings in
train). Later in a sentence the phrase is more often a place than a frame ("she trails him in the
polls": 24%), so only the opening counts. A finding is no one's words: its kind is a belief, so it is an
attribution (``extract_attributions``) and not a quote.
"""
from __future__ import annotations

from spacy.tokens import Doc

from data_prep.quotes.attribution import Attribution, MarkIndex
from data_prep.quotes.direct import with_quote_marks
from data_prep.quotes.doctext import doc_text
from data_prep.quotes.reported import MAX_CONTENT_REACH, indices_to_spans, paragraph_of
from data_prep.quotes.speakers import mention_span

FINDING_SOURCES = frozenset({"poll", "survey", "study"})


def framed_findings(doc: Doc, marks: MarkIndex, found: list[Attribution]) -> list[Attribution]:
    """Attributions of "In <a poll>, <finding>" sentences whose finding no other cue attributes."""
    text = doc_text(doc)
    cues_at = {attribution.cue.i for attribution in found if attribution.cue is not None}
    made = []
    for sentence in doc.sents:
        opener = sentence[0]
        if opener.lower_ != "in" or opener.dep_ != "prep" or marks.covers(opener.idx):
            continue
        study = next((child for child in opener.children if child.dep_ == "pobj"), None)
        clause = opener.head
        if study is None or study.lemma_.lower() not in FINDING_SOURCES or clause.i in cues_at:
            continue
        frame = set(range(opener.left_edge.i, opener.right_edge.i + 1))
        content = {index for index in range(clause.left_edge.i, min(clause.right_edge.i, clause.i + MAX_CONTENT_REACH) + 1)
                   if index not in frame and not doc[index].is_punct}
        if not content or any(index in cues_at for index in content):
            continue  # "In a poll released Monday, analysts said ...": the cue inside owns it
        spans = indices_to_spans(doc, content, paragraph_of(text, opener.idx))
        spans, kind, touched = with_quote_marks(text, spans, marks)
        if spans:
            made.append(Attribution(spans, kind, opener, mention_span(study), touched))
    return made
