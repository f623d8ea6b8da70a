"""One article's quotes: reported speech from cue verbs, then quoted passages attached to their cues."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from data_prep.datelines import dateline
from data_prep.labels import AUX_DEPS, CLAUSE_COMPLEMENT_DEPS, PASSIVE_MARK_DEPS, SUBJECT_DEPS
from data_prep.quote_record import SPEECH, QuoteRecord
from data_prep.quotes.attribution import Attribution, MarkIndex, name_part, source_of
from data_prep.quotes.claims import carries_claim
from data_prep.quotes.continued import continued_speech
from data_prep.quotes.evidential import hedged_subject, is_sourceless_evidential
from data_prep.quotes.direct import attach_quoted, quoted_name_only, quoted_side, with_quote_marks
from data_prep.quotes.doctext import doc_text
from data_prep.quotes.findings import framed_findings
from data_prep.quotes.headline import mark_headline
from data_prep.quotes.kinds import attribution_kind, describes_as, is_speech_with_speaker
from data_prep.quotes.labelled import labelled_speech
from data_prep.quotes.lexicon import (ANAPHORIC_DETERMINERS, ANAPHORIC_PRONOUNS, ANONYMITY_ASKING_LEMMAS,
                                     ASPECTUAL_LEMMAS, DELIVERING_VERBS, IDENTIFYING_LEMMAS, MEDIA_NOUNS,
                                     MEDIUM_CUE_LEMMAS, MODAL_ADJECTIVES, NAME_GIVING_PARTICIPLE_LEMMAS, NAMING_LEMMAS,
                                     NON_CUE_PHRASAL_VERBS, OBJECT_FRAME, PLACE_PREPOSITIONS, PURPOSE_LEMMAS,
                                     QUESTION_LEMMAS, RELAYING_CUE_LEMMAS, SOURCE_NAMING_LEMMAS, SOURCE_NOUNS,
                                     STATEMENT_NOUNS, THING_NOUNS, Cue, cue_for)
from data_prep.quotes.marks import quote_mark_chains
from data_prep.quotes.predicates import speaker_predicates, without_predicates
from data_prep.quotes.reported import (MAX_CONTENT_REACH, according_to_content, content_indices, forecast_infinitive,
                                      indices_to_spans, is_time_phrase, listed_after_colon, names_what,
                                      paragraph_of, without_reporter_additions)
from data_prep.quotes.speakers import (QUOTED_PASSIVE_LEMMAS, agent_of, inverted_subject, is_pronoun, mention_span,
                                      relayed_origin)

CUE_POS = frozenset({"VERB"})
# What "call" needs besides an object to report words: what the object is called, or a clause.
CALL_CONTENT_DEPS = CLAUSE_COMPLEMENT_DEPS | {"oprd"}
# Sources that do not make an ambiguous cue an attribution ("I think", "you know", "we want").
WEAK_CUE_NON_SOURCES = frozenset({"i", "you", "we", "it", "that", "which", "who"})
PERSONAL_SOURCES = frozenset({"he", "she", "they"})
MAX_ANAPHORIC_OBJECT_TOKENS = 4
# Words that may stand between "as" and the quoted words it introduces ("as a “dangerous runaway”").
PARTIAL_QUOTE_LEAD_WORDS = frozenset({"as", "a", "an", "the"})
PUNCTUATION_INSIDE_MARKS = ",.;:!?\"'\u201d\u2019"


def _passes_to_participle(token: Token) -> bool:
    """In "X was quoted as saying ...", "saying" is the cue; "quoted" only passes the source on."""
    return token.lemma_ in QUOTED_PASSIVE_LEMMAS and any(
        child.lower_ == "as" and any(grand.dep_ == "pcomp" for grand in child.children)
        for child in token.children)


def _is_anaphoric_object(cue: Token, indices: set[int]) -> bool:
    """The content is only an object pointing back at words reported before: "echoed that sentiment",
    "repeated it", "made the same point"."""
    objects = [child for child in cue.children if child.dep_ == "dobj"]
    if len(objects) != 1:
        return False
    head = objects[0]
    if indices != set(range(head.left_edge.i, head.right_edge.i + 1)) or len(indices) > MAX_ANAPHORIC_OBJECT_TOKENS:
        return False
    if head.pos_ == "PRON":
        return head.lower_ in ANAPHORIC_PRONOUNS
    return any(child.lower_ in ANAPHORIC_DETERMINERS for child in head.children if child.dep_ in ("det", "amod"))


def _is_question_put_to_subject(cue: Token) -> bool:
    """ "Asked whether ..., Putin said", "When asked about the port, she said ...": the question is the
    interviewer's, not the subject's, so it has no source of its own in the text (PolNeAR train annotates
    74 "asked" attributions with no source; before this rule 72 of them were missed or given the subject). A request, "asked to describe ...", stays the one
    asked's (PolNeAR counts it for them)."""
    passive = any(child.dep_ in PASSIVE_MARK_DEPS for child in cue.children)
    bare_participle = cue.tag_ == "VBN" and not any(child.dep_ == "nsubj" for child in cue.children)
    request = any(child.dep_ == "xcomp" for child in cue.children)
    by_someone = any(child.dep_ == "agent" for child in cue.children)
    # '“Is this fair?” questioned the minister': the parser took the question's "Is" for a passive
    asker_after = inverted_subject(cue) is not None
    return cue.lemma_ in QUESTION_LEMMAS and (passive or bare_participle) and not request and not by_someone \
        and not asker_after


def _names_a_source(cue: Token) -> bool:
    """ "citing NBC News", "citing people familiar with the talks": a source, not its words."""
    if cue.lemma_ not in SOURCE_NAMING_LEMMAS or any(child.dep_ in CLAUSE_COMPLEMENT_DEPS for child in cue.children):
        return False
    objects = [child for child in cue.children if child.dep_ == "dobj"]
    return bool(objects) and all((obj.pos_ == "PROPN" and obj.ent_type_ in ("ORG", "PERSON", "NORP"))
                                 or obj.lemma_.lower() in SOURCE_NOUNS for obj in objects)


def _asks_anonymity(cue: Token) -> bool:
    """ "who asked not to be named", "They asked not to be identified because ...": the terms of speaking,
    not what was said."""
    return cue.lemma_.lower() in ANONYMITY_ASKING_LEMMAS and any(
        child.dep_ == "xcomp" and child.lemma_.lower() in IDENTIFYING_LEMMAS
        and any(grand.dep_ == "auxpass" for grand in child.children) for child in cue.children)


def _is_not_a_statement(cue: Token, indices: set[int]) -> bool:
    """Cue words whose content is no one's statement: a source cited, an object pointing back at earlier
    words, a request not to be named."""
    return _is_anaphoric_object(cue, indices) or _names_a_source(cue) or _asks_anonymity(cue)


def _partial_quote(doc: Doc, cue: Token, spans, touched: set[int], marks: MarkIndex, quotes_only: bool = False):
    """ "described the meeting as “a great success”": the quoted words are what the speaker said of the
    object, so the quote is those words alone (direct). For the quotes table also when the "as" hangs on the
    object, after an article ("as a “dangerous runaway”"), or before the reporter's phrase after the marks ("as
    “a success” for the region"): PolNeAR's gold keeps those with the object, as it does a quoted predicate
    ("called X “Y”"), so its attributions stay mixed."""
    text = doc_text(doc)
    objects = [child for child in cue.children if child.dep_ == "dobj"] if quotes_only else []
    for complement in (*cue.children, *(grand for obj in objects for grand in obj.children)):
        if complement.dep_ != "prep" or complement.lower_ != "as":
            continue
        last = doc[complement.right_edge.i]
        start, end = doc[complement.left_edge.i].idx, last.idx + len(last)
        while end < len(text) and text[end] in PUNCTUATION_INSIDE_MARKS:
            end += 1  # 'as “great,”': the comma and the closing mark end the quote
        marked = [[mark.start, mark.end] for index in sorted(touched) for mark in marks.chains[index]]
        inside = [mark for mark in marked if start - 1 <= mark[0] and mark[1] <= end + 1]
        if not inside or len(inside) != len(marked):
            continue
        if quotes_only:
            before = text[start:inside[0][0]]
            between = "".join(text[first_end:second_start] for (_, first_end), (second_start, _) in zip(inside, inside[1:]))
            if set(before.lower().split()) <= PARTIAL_QUOTE_LEAD_WORDS and set(between.lower().split()) <= {"and", "or", ","}:
                return inside, "direct"
            continue
        outside = text[start:end]
        for mark_start, mark_end in reversed(inside):
            outside = outside[:max(0, mark_start - start)] + outside[max(0, mark_end - start):]
        if sum(map(str.isalnum, outside)) <= len("as"):
            return inside, "direct"
    return spans, "mixed"


def _is_a_thing(source: Span | None) -> bool:
    """A source that is an event, a text or a thing, not someone who could hold a belief or plan."""
    return source is not None and source.root.pos_ == "NOUN" and source.root.lemma_.lower() in THING_NOUNS


def _only_infinitive(cue: Token, indices: set[int]) -> bool:
    """The content is only a to-infinitive: what a thing risks or promises, not what a text says."""
    clauses = [child for child in cue.children if child.i in indices and child.dep_ in CLAUSE_COMPLEMENT_DEPS]
    return bool(clauses) and all(child.dep_ == "xcomp" for child in clauses)


def _is_deliberated(cue: Token) -> bool:
    """An infinitive cue under "whether": what is being weighed, not said ("whether to mention ...")."""
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in cue.children) and \
        any(word.lower_ == "whether" for word in cue.doc[max(0, cue.i - 3):cue.i])


def _only_prepositional(cue: Token, indices: set[int], prepositions: frozenset[str] | None = None) -> bool:
    """The content is only prepositional phrases of the cue ("on X", "in a video"), headed by one of
    ``prepositions`` when given."""
    phrases = set()
    for child in cue.children:
        if child.dep_ == "prep" and (prepositions is None or child.lower_ in prepositions):
            phrases |= set(range(child.left_edge.i, child.right_edge.i + 1))
    return bool(phrases) and indices <= phrases


def _has_object_frame(token: Token, source: Span) -> bool:
    named = source.root.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or source.root.lower_ in PERSONAL_SOURCES
    return named and any(child.dep_ == "dobj" for child in token.children) \
        and not any(child.dep_ in CLAUSE_COMPLEMENT_DEPS for child in token.children)


def _confirmed(token: Token, source, kind: str) -> bool:
    """An ambiguous cue word counts with a real source and a clause or quote marks in its content."""
    if source is None or source.root.lower_ in WEAK_CUE_NON_SOURCES:
        return False
    cue = cue_for(token)
    if any(child.dep_ == "prep" and child.lower_ in cue.frames for child in token.children):
        return True  # "spoke about the talks", "pushed for a vote": a frame of the cue word
    if OBJECT_FRAME in cue.frames and _has_object_frame(token, source):
        return True  # "Smith defended the plan"
    if cue.frame_only:
        return False
    return kind != "indirect" or any(child.dep_ in CLAUSE_COMPLEMENT_DEPS for child in token.children) \
        or describes_as(token) or forecast_infinitive(token) is not None



def _contents(doc: Doc, cues: list[tuple[Token, Cue]], marks: MarkIndex):
    """Each cue's content, and which cue owns a predicate the parse hung inside another's content."""
    contents, owners = [], {}
    for token, cue in cues:
        if _passes_to_participle(token):
            continue
        indices = according_to_content(token) if token.lower_ == "according" else content_indices(token, cue)
        indices = without_reporter_additions(doc, token, indices, marks.covers)
        if indices and doc[min(indices)].is_upper:  # "MOSCOW, Oct 3 (TASS) - Russia is ready ..."
            indices = indices.difference(dateline(doc, token.i))
        if indices and is_sourceless_evidential(token):
            indices |= hedged_subject(token)  # "The bridge seems to be sinking": what seems so
        predicates = speaker_predicates(token, indices)
        owners.update((predicate.i, token) for predicate in predicates)
        contents.append((token, cue, without_predicates(doc, indices, predicates)))
    return contents, owners


def _reported(doc: Doc, cues: list[tuple[Token, Cue]], chains, marks: MarkIndex,
              quotes_only: bool = False) -> list[Attribution]:
    found = []
    contents, owners = _contents(doc, cues, marks)
    for token, cue, indices in contents:
        listed = listed_after_colon(token)  # "asked the minister to:" and a paragraph per request
        if not listed and (not indices or _is_not_a_statement(token, indices)):
            continue
        paragraph = paragraph_of(doc_text(doc), token.idx)
        spans = listed or quoted_side(doc_text(doc), indices_to_spans(doc, indices, paragraph), token.idx, marks)
        # PolNeAR types by quote marks whatever they hold; the quotes table does not count a quoted title
        names_count = not quotes_only or token.lemma_.lower() in NAMING_LEMMAS
        spans, kind, touched = with_quote_marks(doc_text(doc), spans, marks, names_count)
        if kind == "mixed":
            spans, kind = _partial_quote(doc, token, spans, touched, marks, quotes_only)
        if kind == "indirect" and _is_seeing_not_believing(token):
            continue  # "will see what happens", "waiting to see if the deal holds", "have seen their incomes fall"
        if kind == "indirect" and _is_a_call(token):
            continue  # "called the governor", "called a meeting": a phone call or a summons, not words
        # a predicate of another cue's subject the parse hung inside its content takes that subject
        source = source_of(owners[token.i]) if token.i in owners else source_of(token)
        evidential = is_sourceless_evidential(token)
        if evidential or _is_question_put_to_subject(token):
            source = None  # the reporter's hedge (no one seems, no one expects), or an interviewer's question
        # without a source, a belief or plan cue ("to predict", "is expected to") is rarely an attribution
        if cue.needs_clause and not evidential and not _confirmed(token, source, kind):
            continue
        if _is_a_thing(source) and (not cue.speech or _only_infinitive(token, indices)):
            continue  # "Their meeting aims to ...", "the fight threatened to upend the talks"
        if _only_prepositional(token, indices, PLACE_PREPOSITIONS if source is None else None) \
                and (source is None or token.lemma_ in MEDIUM_CUE_LEMMAS):
            continue  # "posted on X", "is mentioned in the declaration": where, not what
        if _is_deliberated(token):
            continue  # "a quarrel over whether to name the polluters": no one said it
        source = agent_of(source)
        if spans and (source is not None or cue.speech or evidential):
            found.append(Attribution(spans, kind, token, source, touched, relayed_origin(token)))
    return found


def _claim_owner(noun: Token) -> Span | None:
    """Who makes the claim: the possessor ("her claim that"), or the subject of a verb that delivers
    it ("the minister renewed threats to ...", "repeated his warning that")."""
    owner = next((child for child in noun.children if child.dep_ == "poss"), None)
    if owner is not None:
        return mention_span(owner)
    if noun.dep_ == "dobj" and noun.head.lemma_ in DELIVERING_VERBS:
        return source_of(noun.head)
    return None


def _claim_clause(noun: Token) -> Token | None:
    """ "claim that ...", "claim of doing ...", or for a statement noun also "threats to seize ...", "a pledge
    to cut ..."."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            gerund = next((grand for grand in child.children if grand.dep_ == "pcomp" and grand.tag_ == "VBG"), None)
            if gerund is not None:
                return gerund  # "her claim of saving the harbour"
        if child.dep_ not in ("acl", "relcl", "ccomp"):
            continue
        first = child.left_edge.lower_
        if first == "that" or (first == "to" and noun.lemma_ in STATEMENT_NOUNS):
            return child
    return None


def _noun_claims(doc: Doc, claim_nouns: list[Token], marks: MarkIndex) -> list[Attribution]:
    """ "Trump's claim that ...", "the minister renewed threats to ...": a cue noun with an owner and
    a clause."""
    found = []
    for token in claim_nouns:
        clause = _claim_clause(token)
        owner = _claim_owner(token) if clause is not None else None
        if owner is None:
            continue
        content = set(range(clause.left_edge.i, min(clause.right_edge.i, clause.i + MAX_CONTENT_REACH) + 1))
        content = without_reporter_additions(doc, token, content, marks.covers)
        spans = indices_to_spans(doc, content, paragraph_of(doc_text(doc), token.idx))
        spans, kind, touched = with_quote_marks(doc_text(doc), spans, marks)
        if spans:
            found.append(Attribution(spans, kind, token, owner, touched))
    return found


def _is_nested_in_speech(attribution: Attribution) -> bool:
    """ "She said she hopes X", "Putin reiterated that Russia intends ...": the inner cue heads the outer
    content, so the outer attribution carries it; so does "told lawmakers she had spoken “…”", where
    the inner source is the outer one's pronoun. A medium's report leaves the inner words their own, and
    so does any report of someone's speech ("NAME said that ..., the Daily Courier reported")."""
    cue = attribution.cue
    if attribution.kind == "direct" and not (attribution.speaker is not None and is_pronoun(attribution.speaker)):
        return False
    if cue is not None and _is_attitude_adjective(cue):
        cue = cue.head  # "She says she is confident that ...": the copula heads the outer content
    return (cue is not None and cue.dep_ == "ccomp" and cue.head is not cue and not names_what(cue)
            and cue_for(cue.head) is not None and not _is_medium(source_of(cue.head))
            and not (cue.head.lemma_ in RELAYING_CUE_LEMMAS and is_speech_with_speaker(attribution)))


def _is_medium(source: Span | None) -> bool:
    """ "local papers", "the news agency", "reports": a medium that relays someone's words."""
    return source is not None and source.root.lemma_.lower() in MEDIA_NOUNS


def _is_relay(attribution: Attribution) -> bool:
    """A medium ("local papers reported"), any source of "according to" ("according to a statement
    by the presidency"), a report ("..., the Daily Courier reported"), or a report citing its sources: words
    passed on, whoever first said them."""
    cue = attribution.cue
    return _is_medium(attribution.speaker) or attribution.origin is not None \
        or (cue is not None and (cue.lower_ == "according" or cue.lemma_ in RELAYING_CUE_LEMMAS))


def _relays(attribution: Attribution, others: list[Attribution]) -> bool:
    """ "Local papers reported that the city told residents ...", "The mayor told residents that ...,
    according to a statement": a relay passing on someone's reported words; the quote is the inner
    speaker's."""
    if attribution.kind == "direct" or not _is_relay(attribution):
        return False
    return any(other is not attribution and other.cue is not None and other.speaker is not None
               and other.cue.lemma_ not in SOURCE_NAMING_LEMMAS  # "reported, citing records, that ..."
               and not _is_medium(other.speaker) and attribution_kind(other.cue, cue_for(other.cue), other.kind) == SPEECH
               and not _is_quoted_deed_in_report(other, [attribution])  # "..., according to X, agreed to “...”"
               and any(start <= other.cue.idx < end for start, end in attribution.spans) for other in others)


def _deduplicated(attributions: list[Attribution], quotes_only: bool, marks: MarkIndex) -> list[Attribution]:
    best: dict[tuple, Attribution] = {}
    for attribution in attributions:
        if _is_nested_in_speech(attribution):
            continue
        key = tuple(map(tuple, attribution.spans))
        if key not in best or (best[key].speaker is None and attribution.speaker is not None):
            best[key] = attribution
    kept = [attribution for attribution in best.values() if not _is_sourceless_inside_another(attribution, best)
            and not _is_part_of_same_speakers(attribution, best)]
    if quotes_only:
        kept = [attribution for attribution in kept if not _relays(attribution, kept)
                and not _is_quoted_deed_in_report(attribution, kept)
                and not (attribution.cue is not None and _is_question_put_to_subject(attribution.cue))
                and carries_claim(attribution.cue, attribution.spans, attribution.kind, attribution.speaker)]
        for attribution in kept:
            if attribution.origin is not None:  # the report's words are its sources'
                attribution.speaker = attribution.origin
            quoted_name_only(attribution, marks)
    return sorted(kept, key=lambda a: (a.start, a.end))


def _is_quoted_deed_in_report(attribution: Attribution, others: list[Attribution]) -> bool:
    """ "The ministry said the two sides agreed to “continue the dialogue”", "According to NAME, both sides agreed
    not to engage in “hostile actions”": the quoted words after a cue that is no speech by its word (an agreement,
    a plan) lie inside someone's report of it, and are part of that quote;
    "The ministry said Lavrov told him “we are ready”" keeps Lavrov's words."""
    cue = attribution.cue
    if attribution.kind not in ("direct", "mixed") or cue is None or attribution_kind(cue, cue_for(cue), "indirect") == SPEECH:
        return False
    return any(other is not attribution and other.speaker is not None and other.kind != "direct"
               and any(start <= cue.idx < end for start, end in other.spans)
               and all(any(start <= s and e <= end for start, end in other.spans) for s, e in attribution.spans)
               for other in others)


def _is_part_of_same_speakers(attribution: Attribution, others: dict[tuple, Attribution]) -> bool:
    """ "X vowed to impose tariffs and restrict the export of “...”": the second verb's words lie inside
    the first's content and have the same source, so they are part of that one attribution."""
    if attribution.speaker is None or attribution.cue is None:
        return False
    cue_at, speaker = attribution.cue.idx, (attribution.speaker.start, attribution.speaker.end)
    return any(other is not attribution and other.speaker is not None
               and (other.speaker.start, other.speaker.end) == speaker
               and any(start <= cue_at < end for start, end in other.spans)
               and all(any(start <= s and e <= end for start, end in other.spans) for s, e in attribution.spans)
               for other in others.values())


def _is_sourceless_inside_another(attribution: Attribution, others: dict[tuple, Attribution]) -> bool:
    """A sourceless cue inside someone's reported words ("too early to predict the outcome") is theirs."""
    if attribution.speaker is not None or attribution.cue is None:
        return False
    cue_at = attribution.cue.idx
    return any(other is not attribution and other.speaker is not None
               and any(start <= cue_at < end for start, end in other.spans) for other in others.values())


def _as_record(doc: Doc, attribution: Attribution) -> QuoteRecord:
    text = doc_text(doc)
    spans = tuple(tuple(span) for span in sorted(attribution.spans))
    cue, speaker = attribution.cue, attribution.speaker
    pronoun = speaker is not None and is_pronoun(speaker)
    # A pronoun's antecedent is the actor stage's to find (data_prep.actors.pronouns, the one resolver).
    name = name_part(speaker) if speaker is not None and not pronoun else None
    return QuoteRecord(
        text=" ".join(text[start:end] for start, end in spans), spans=spans, quote_type=attribution.kind,
        cue=(cue.idx, cue.idx + len(cue)) if cue is not None else None,
        speaker=(speaker.start_char, speaker.end_char) if speaker is not None else None,
        speaker_text=speaker.text if speaker is not None else "", speaker_is_pronoun=bool(pronoun),
        speaker_name=(name.start_char, name.end_char) if name is not None else None,
        cue_word=cue.text if cue is not None else None, speaker_name_text=name.text if name is not None else None,
        attribution=attribution_kind(cue, cue_for(cue) if cue is not None else None, attribution.kind))


def _names_a_thing(token: Token) -> bool:
    """ "a website called “Main Street Watch”", "a book titled ...", "a rule known as ...": a participle
    naming the noun it hangs from is no one's words (on PolNeAR train 36 of 54 such participles with a
    prediction were no gold attribution at all, and 11 more had no gold source). A finite verb the parse hung on a
    noun keeps its own subject ("charges that Ms. Ruiz called “...”")."""
    return token.tag_ == "VBN" and token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN") \
        and token.lemma_.lower() in NAME_GIVING_PARTICIPLE_LEMMAS \
        and not any(child.dep_ in SUBJECT_DEPS for child in token.children)


def _describes_its_noun(token: Token) -> bool:
    """ "the third most intense hurricane observed in the Caribbean": a participle hung on a noun with no one
    doing it says what the thing is, not what anyone said."""
    return token.tag_ == "VBN" and token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN") and not any(
        child.dep_ in SUBJECT_DEPS or child.dep_ in ("agent", "ccomp", "xcomp") for child in token.children)


def _states_a_purpose(token: Token) -> bool:
    """ "rules intended to curb lending", "a tax designed to offset the credit", "the device, which is meant to
    find leaks": a participle or agentless passive of purpose tells what a thing is for, not anyone's
    words or plans (PolNeAR train: 4 of 21 such "designed"/"intended" predictions were attributions);
    "she intends to run" keeps its subject's plan."""
    return token.lemma_.lower() in PURPOSE_LEMMAS and token.tag_ == "VBN" \
        and (token.dep_ == "acl" or any(child.dep_ in PASSIVE_MARK_DEPS for child in token.children)) \
        and not any(child.dep_ == "agent" for child in token.children)


def _is_aspect_only(token: Token) -> bool:
    """ "Sanders continues to trail", "voters tend to stay home": only how long or how often (PolNeAR
    train: 11 of 98 such predictions were attributions); "continued to insist that ..." stays, and
    "he continued." after a quote has no infinitive."""
    return token.lemma_.lower() in ASPECTUAL_LEMMAS and any(
        child.dep_ == "xcomp" and cue_for(child) is None for child in token.children)


def _is_non_cue_phrasal_verb(token: Token) -> bool:
    """ "Supporters showed up at the rally": the particle makes another verb."""
    return any(child.dep_ == "prt" and (token.lemma_.lower(), child.lower_) in NON_CUE_PHRASAL_VERBS
               for child in token.children)


def _is_charge_by_no_one(attribution: Attribution) -> bool:
    """ "She was accused of being an accomplice", "he was criticised for the delay": a passive with no
    agent and no clause tells what someone is charged with, not whose words; no one's quote (PolNeAR
    still counts it as an attribution with no source)."""
    cue = attribution.cue
    return attribution.speaker is None and attribution.kind == "indirect" and cue is not None \
        and any(child.dep_ in PASSIVE_MARK_DEPS for child in cue.children) \
        and not any(child.dep_ in CLAUSE_COMPLEMENT_DEPS or child.dep_ == "agent" for child in cue.children)


def _is_seeing_not_believing(cue: Token) -> bool:
    """ "see" reports a belief with a that-clause or a finite clause ("voters saw that she could win");
    with a question ("see what happens", "see if the deal holds") it is waiting, and with a bare verb or a
    participle ("see the council cut fares", "have seen their incomes fall") it is watching or living
    through (PolNeAR train: 10 of 36 "see" predictions with a clause were attributions, 1 of the 26 in the
    speech-cue setting)."""
    if cue.lemma_.lower() != "see":
        return False
    clause = next((child for child in cue.children if child.dep_ == "ccomp"), None)
    if clause is None:
        return False
    opener = clause.left_edge
    small_clause = clause.tag_ in ("VB", "VBG", "VBN") and not any(
        child.dep_ in AUX_DEPS or child.dep_ == "mark" for child in clause.children)
    return small_clause or opener.lower_ in ("if", "whether") or opener.tag_ in ("WP", "WRB", "WDT")


def _is_a_call(cue: Token) -> bool:
    """ "The mayor called the governor", "the council called a meeting", "called off the talks": "call" with
    only an object reports a telephone call, a summons or a decision, not words; what someone is called
    ("called the plan a disaster"), a clause or a "for"/"on" phrase ("called for a recount") carries them
    (PolNeAR train: 4 of 26 predictions with only an object were attributions)."""
    children = list(cue.children)
    return cue.lemma_.lower() == "call" and any(child.dep_ == "dobj" for child in children) \
        and not any(_names_its_object(child) for child in children if child.dep_ == "dobj") and not any(
        child.dep_ in CALL_CONTENT_DEPS or (child.dep_ == "prt" and child.lower_ == "out")  # "calls out X": blames
        or (child.dep_ == "prep" and child.lower_ in ("for", "on", "as")
                                            and not is_time_phrase(child)) for child in children)


def _names_its_object(obj: Token) -> bool:
    """ "called the sanctions economic terrorism", "called the decision politically motivated": what the object
    is called, which the parser read as part of the object (a modifier with a determiner of its own: two noun
    phrases; an adjective after the noun)."""
    return any((child.dep_ in ("nmod", "compound") and any(grand.dep_ == "det" for grand in child.children))
               or (child.dep_ == "acl" and child.pos_ == "ADJ" and child.i > obj.i) for child in obj.children)


def _is_attitude_adjective(token: Token) -> bool:
    """ "The senator was eager to leave", "voters are hopeful that ...", "unions were critical of the deal": a
    predicate adjective reports its subject's stance like a verb (the mined lexicon's adjectives, on PolNeAR
    train 49 of 66 such predictions matched a gold attribution). Adjectives of ability, readiness or
    likelihood ("willing to", "quick to", "likely to") leave the stance to the verb after them."""
    return token.pos_ == "ADJ" and token.dep_ == "acomp" and token.lemma_.lower() not in MODAL_ADJECTIVES


def _cues_and_claim_nouns(doc: Doc, marks: MarkIndex) -> tuple[list[tuple[Token, Cue]], list[Token]]:
    """The cue verbs of a document and its nouns that may carry a claim (a cue noun or a statement noun),
    outside quote marks, found in one walk over its tokens."""
    cues, claim_nouns = [], []
    for token in doc:
        pos = token.pos_
        if pos in CUE_POS or _is_attitude_adjective(token):
            if (cue := cue_for(token)) is not None and not marks.covers(token.idx) and not _names_a_thing(token) \
                    and not _is_aspect_only(token) and not _is_non_cue_phrasal_verb(token) and not _states_a_purpose(token) \
                    and not _describes_its_noun(token):
                cues.append((token, cue))
        if pos == "NOUN" and not marks.covers(token.idx) \
                and (cue_for(token) is not None or token.lemma_ in STATEMENT_NOUNS):
            claim_nouns.append(token)
    return cues, claim_nouns


def _attributions(doc: Doc, quotes_only: bool = False) -> list[QuoteRecord]:
    chains = quote_mark_chains(doc_text(doc))
    marks = MarkIndex(chains)
    cues, claim_nouns = _cues_and_claim_nouns(doc, marks)
    attributions = _reported(doc, cues, chains, marks, quotes_only) + _noun_claims(doc, claim_nouns, marks)
    attributions += labelled_speech(doc, marks, attributions)
    attributions += framed_findings(doc, marks, attributions)
    attach_quoted(doc, chains, [(token, cue) for token, cue in cues if not cue.needs_clause], marks, attributions)
    kept = _deduplicated(attributions, quotes_only, marks)
    if quotes_only:  # PolNeAR annotates no attribution without a cue of its own
        kept = [attribution for attribution in kept if not _is_charge_by_no_one(attribution)]
        kept = sorted(kept + continued_speech(doc, kept, marks), key=lambda a: (a.start, a.end))
    return [_as_record(doc, attribution) for attribution in kept]


def extract_attributions(doc: Doc, keep_repeated_headlines: bool = False) -> list[QuoteRecord]:
    """Every attribution of a parsed article (speech, belief or act: ``attribution``), with its cue and
    source, sorted by position. A headline attribution the body carries again is left out unless
    ``keep_repeated_headlines``. A medium relaying someone's words is an attribution of its own here,
    as PolNeAR counts nested attributions."""
    return mark_headline(_attributions(doc), doc_text(doc), keep_repeated_headlines)


def extract_quotes(doc: Doc) -> list[QuoteRecord]:
    """The quotes of a parsed article: its speech attributions (what someone said or wrote), sorted by
    position. Left out: a headline quote the body carries again, a medium's report of someone's words
    (the quote is theirs), and reported speech with no claim in it (``claims``)."""
    speech = [record for record in _attributions(doc, quotes_only=True) if record.attribution == SPEECH]
    return mark_headline(speech, doc_text(doc), keep_repeated=False)
