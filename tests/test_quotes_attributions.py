"""PolNeAR's wider attributions (beliefs, hedges, plans), one construction per test, on short texts
written for these tests. None of them is a quote: the quotes table keeps speech only."""
from quote_found import attributions, nlp, only, quotes  # noqa: F401  (nlp is a fixture)


def spans_text(text, found):
    return [text[start:end] for start, end in found["quote_spans"]]


def test_a_hedge_with_seem_has_no_source_and_its_subject_is_content(nlp):
    text = "The old ferry seems to be losing money every winter."
    found = only(attributions(nlp, text))
    assert found["cue"] == "seems" and found["speaker_text"] is None
    assert "The old ferry" in " ".join(spans_text(text, found)) and found["attribution"] == "belief"
    assert quotes(nlp, text) == []


def test_a_passive_expectation_has_no_source(nlp):
    text = "The new bridge is expected to open in early spring."
    found = only(attributions(nlp, text))
    assert found["cue"] == "expected" and found["speaker_text"] is None
    assert "to open in early spring" in " ".join(spans_text(text, found))
    assert quotes(nlp, text) == []


def test_seeming_to_make_a_claim_keeps_the_claimant(nlp):
    text = "The mayor seemed to blame the harbour board for the delays."
    found = [q for q in attributions(nlp, text) if q["speaker_text"]]
    assert found and all(q["speaker_text"] == "The mayor" for q in found)


def test_a_question_put_to_the_subject_is_nobodys_and_no_quote(nlp):
    text = "When asked about the closed harbour, the mayor said the repairs would take a year."
    question = only([q for q in attributions(nlp, text) if q["cue"] == "asked"])
    assert question["speaker_text"] is None and "the closed harbour" in " ".join(spans_text(text, question))
    assert [q["cue"] for q in quotes(nlp, text)] == ["said"]


def test_an_infinitive_after_a_predicate_adjective_shares_the_subject(nlp):
    text = "Older riders were more likely to say that the ferry was too slow."
    quote = only(quotes(nlp, text))
    assert quote["cue"] == "say" and quote["speaker_text"] == "Older riders"


def test_it_is_hard_to_say_has_no_source(nlp):
    text = "It is hard to say whether the ferry will run next winter."
    assert [q["speaker_text"] for q in attributions(nlp, text)] == [None] and quotes(nlp, text) == []


def test_a_participle_naming_a_thing_is_no_ones_words(nlp):
    text = "Volunteers set up a website called “Harbour Watch” last spring."
    assert attributions(nlp, text) == [] and quotes(nlp, text) == []


def test_continuing_is_no_attribution_unless_what_continues_is_a_cue(nlp):
    assert attributions(nlp, "The ferry company continues to lose money every winter.") == []
    text = "The mayor continued to insist that the bridge was safe."
    assert [q["speaker_text"] for q in attributions(nlp, text)] == ["The mayor"]


def test_showing_up_is_arriving_not_showing(nlp):
    assert attributions(nlp, "Hundreds of fishermen showed up at the harbour meeting on Friday.") == []


def test_a_predicate_adjective_of_attitude_is_a_belief_of_its_subject(nlp):
    text = "The fishermen were hopeful that the harbour would reopen by June."
    found = only(attributions(nlp, text))
    assert found["cue"] == "hopeful" and found["speaker_text"] == "The fishermen"
    assert "the harbour would reopen" in " ".join(spans_text(text, found)) and found["attribution"] == "belief"
    assert quotes(nlp, text) == []


def test_an_adjective_of_readiness_reports_no_stance(nlp):
    text = "The ferry crew was willing to work through the holiday."
    assert attributions(nlp, text) == []


def test_calling_someone_is_no_attribution(nlp):
    text = "The mayor called the fire chief on Monday."
    assert attributions(nlp, text) == []
    named = only(quotes(nlp, "The mayor called the new toll a disgrace."))
    assert named["cue"] == "called" and named["speaker_text"] == "The mayor"


def test_an_attitude_inside_reported_speech_stays_part_of_it(nlp):
    text = "The skipper says he is confident that the harbour “will be open by June”."
    found = only(attributions(nlp, text))
    assert found["cue"] == "says" and "he is confident" in found["quote_text"]


def test_seeing_what_happens_is_no_belief(nlp):
    assert attributions(nlp, "The campaign will see what happens in Ohio.") == []
    assert attributions(nlp, "The farmers have seen their incomes fall.") == []
    found = only(attributions(nlp, "Residents saw that the ferry could not run in winter."))
    assert found["cue"] == "saw" and found["attribution"] == "belief"


def test_what_a_thing_is_designed_for_is_no_attribution(nlp):
    assert attributions(nlp, "The council passed rules intended to curb payday lending.") == []
    assert attributions(nlp, "The new tax, which is designed to offset the credit, starts in May.") == []
    plan = only(attributions(nlp, "The mayor intends to run again."))
    assert plan["cue"] == "intends" and plan["speaker_text"] == "The mayor"
