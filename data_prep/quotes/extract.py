"""One article's quotes: reported speech from cue verbs, then quoted passages attached to their cues."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from data_prep.quotes.attribution import Attribution, MarkIndex, name_part, source_of
from data_prep.quotes.direct import attach_quoted, quoted_side, with_quote_marks
from data_prep.quotes.doctext import doc_text
from data_prep.quotes.lexicon import CLAUSE_DEPS, Cue, cue_for
from data_prep.quotes.marks import quote_mark_chains
from data_prep.quotes.reported import according_to_content, content_indices, indices_to_spans, paragraph_of
from data_prep.quotes.speakers import QUOTED_PASSIVE_LEMMAS, is_pronoun, mention_span

CUE_POS = frozenset({"VERB"})
# Sources that do not make an ambiguous cue an attribution ("I think", "you know", "we want").
WEAK_CUE_NON_SOURCES = frozenset({"i", "you", "we", "it", "that", "which", "who"})


def _passes_to_participle(token: Token) -> bool:
    """In "X was quoted as saying ...", "saying" is the cue; "quoted" only passes the source on."""
    return token.lemma_ in QUOTED_PASSIVE_LEMMAS and any(
        child.lower_ == "as" and any(grand.dep_ == "pcomp" for grand in child.children)
        for child in token.children)


def _confirmed(token: Token, source, kind: str) -> bool:
    """An ambiguous cue word counts with a real source and a clause or quote marks in its content."""
    if source is None or source.root.lower_ in WEAK_CUE_NON_SOURCES:
        return False
    return kind != "indirect" or any(child.dep_ in CLAUSE_DEPS for child in token.children)


def _reported(doc: Doc, cues: list[tuple[Token, Cue]], chains, marks: MarkIndex) -> list[Attribution]:
    found = []
    for token, cue in cues:
        if _passes_to_participle(token):
            continue
        indices = according_to_content(token) if token.lower_ == "according" else content_indices(token, cue)
        if not indices:
            continue
        paragraph = paragraph_of(doc_text(doc), token.idx)
        spans = quoted_side(indices_to_spans(doc, indices, paragraph), token.idx, marks)
        spans, kind, touched = with_quote_marks(doc_text(doc), spans, marks)
        source = source_of(token)
        # without a source, a belief or plan cue ("to predict", "is expected to") is rarely an attribution
        if cue.needs_clause and not _confirmed(token, source, kind):
            continue
        if spans and (source is not None or cue.speech):
            found.append(Attribution(spans, kind, token, source, touched))
    return found


def _noun_claims(doc: Doc, chains, marks: MarkIndex) -> list[Attribution]:
    """ "Trump's claim that ...", "her assertion that ...": a cue noun with a possessor and a that-clause."""
    found = []
    for token in doc:
        if token.pos_ != "NOUN" or marks.covers(token.idx) or cue_for(token) is None:
            continue
        owner = next((child for child in token.children if child.dep_ == "poss"), None)
        clause = next((child for child in token.children
                       if child.dep_ in ("acl", "ccomp") and child.left_edge.lower_ == "that"), None)
        if owner is None or clause is None:
            continue
        content = set(range(clause.left_edge.i, clause.right_edge.i + 1))
        spans = indices_to_spans(doc, content, paragraph_of(doc_text(doc), token.idx))
        spans, kind, touched = with_quote_marks(doc_text(doc), spans, marks)
        if spans:
            found.append(Attribution(spans, kind, token, mention_span(owner), touched))
    return found


def _is_nested_in_speech(attribution: Attribution) -> bool:
    """ "She said she hopes X", "Putin reiterated that Russia intends ...": the inner cue heads the outer
    content, so the outer attribution carries it."""
    cue = attribution.cue
    return (attribution.kind != "direct" and cue is not None and cue.dep_ == "ccomp" and cue.head is not cue
            and cue_for(cue.head) is not None)


def _deduplicated(attributions: list[Attribution]) -> list[Attribution]:
    best: dict[tuple, Attribution] = {}
    for attribution in attributions:
        if _is_nested_in_speech(attribution):
            continue
        key = tuple(map(tuple, attribution.spans))
        if key not in best or (best[key].speaker is None and attribution.speaker is not None):
            best[key] = attribution
    kept = [attribution for attribution in best.values() if not _is_sourceless_inside_another(attribution, best)]
    return sorted(kept, key=lambda a: (a.start, a.end))


def _is_sourceless_inside_another(attribution: Attribution, others: dict[tuple, Attribution]) -> bool:
    """A sourceless cue inside someone's reported words ("too early to predict the outcome") is theirs."""
    if attribution.speaker is not None or attribution.cue is None:
        return False
    cue_at = attribution.cue.idx
    return any(other is not attribution and other.speaker is not None
               and any(start <= cue_at < end for start, end in other.spans) for other in others.values())


def _as_record(doc: Doc, attribution: Attribution) -> dict:
    text = doc_text(doc)
    spans = sorted(attribution.spans)
    cue, speaker = attribution.cue, attribution.speaker
    pronoun = speaker is not None and is_pronoun(speaker)
    # A pronoun's antecedent is the actor stage's to find (data_prep.actors.pronouns, the one resolver).
    name = name_part(speaker) if speaker is not None and not pronoun else None
    return {
        "quote_text": " ".join(text[start:end] for start, end in spans),
        "quote_start": spans[0][0],
        "quote_end": max(end for _, end in spans),
        "quote_spans": [list(span) for span in spans],
        "quote_type": attribution.kind,
        "cue": cue.text if cue is not None else None,
        "cue_start": cue.idx if cue is not None else None,
        "cue_end": cue.idx + len(cue) if cue is not None else None,
        "speaker_text": speaker.text if speaker is not None else None,
        "speaker_start": speaker.start_char if speaker is not None else None,
        "speaker_end": speaker.end_char if speaker is not None else None,
        "speaker_is_pronoun": bool(pronoun),
        "speaker_name": name.text if name is not None else None,
        "speaker_name_start": name.start_char if name is not None else None,
        "speaker_name_end": name.end_char if name is not None else None,
    }


def extract_quotes(doc: Doc) -> list[dict]:
    """Every attributed statement of a parsed article, with its cue and source, sorted by position."""
    chains = quote_mark_chains(doc_text(doc))
    marks = MarkIndex(chains)
    cues = [(token, cue) for token in doc
            if token.pos_ in CUE_POS and (cue := cue_for(token)) is not None and not marks.covers(token.idx)]
    attributions = _reported(doc, cues, chains, marks) + _noun_claims(doc, chains, marks)
    attach_quoted(doc, chains, [(token, cue) for token, cue in cues if not cue.needs_clause], marks, attributions)
    attributions = _deduplicated(attributions)
    return [_as_record(doc, attribution) for attribution in attributions]
