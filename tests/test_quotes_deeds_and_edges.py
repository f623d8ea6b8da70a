"""Words that are no one's quote (deeds, evidence, charges) and where a quote's words begin and end, one
construction per test, on short texts written for these tests."""
from quote_found import attributions, nlp, only, quotes  # noqa: F401  (nlp is a fixture)


def test_lives_claimed_by_a_fire_are_a_deed_not_a_quote(nlp):
    text = "The fire claimed three lives in the valley."
    assert quotes(nlp, text) == []
    assert only(attributions(nlp, text))["attribution"] == "act"


def test_declaring_a_state_of_emergency_is_an_act_not_a_quote(nlp):
    text = "The mayor declared a state of emergency."
    assert quotes(nlp, text) == []
    assert only(attributions(nlp, text))["attribution"] == "act"


def test_declaring_support_stays_speech(nlp):
    found = only(quotes(nlp, "She declared her support for the mayor."))
    assert found["cue"] == "declared" and found["quote_text"] == "her support for the mayor"


def test_signs_that_suggest_something_are_evidence_not_a_quote(nlp):
    text = "Early signs suggest a rate cut may follow the budget."
    assert quotes(nlp, text) == []
    assert only(attributions(nlp, text))["attribution"] == "belief"


def test_a_person_who_suggests_something_is_quoted(nlp):
    found = only(quotes(nlp, "The treasurer suggested that a rate cut may follow the budget."))
    assert found["speaker_text"] == "The treasurer"


def test_an_accusation_by_no_one_is_no_quote(nlp):
    text = "The driver, a 40-year-old man, was accused of being an accomplice."
    assert quotes(nlp, text) == []
    found = only(attributions(nlp, text))  # PolNeAR still counts it, with no source
    assert found["cue"] == "accused" and found["speaker_text"] is None


def test_a_second_coordinated_clause_of_what_was_said_stays_in_the_quote(nlp):
    text = ("Ann Lee, the minister, told the audience on Tuesday that the storm had damaged every road "
            "in the county and left most of the island without electricity.")
    found = only(quotes(nlp, text))
    assert found["quote_text"].endswith("left most of the island without electricity")


def test_a_second_statement_after_had_stays_the_speakers(nlp):
    text = "The coach said the team had played badly and denied that he would resign."
    texts = [found["quote_text"] for found in quotes(nlp, text)]
    assert "the team had played badly" in texts and not any("played badly and denied" in t for t in texts)


def test_an_object_before_a_colon_is_the_reporters_lead_in(nlp):
    text = "A farmer, Ann Lee, echoed the feeling: \u201cI just want to stay.\u201d"
    found = only(quotes(nlp, text))
    assert found["quote_text"] == "\u201cI just want to stay.\u201d" and found["quote_type"] == "direct"


def test_a_lead_in_before_a_two_sentence_quote(nlp):
    text = 'The governor emphasized the careful approach: "We kept the rates at 3% today. We still think they will fall."'
    found = only(quotes(nlp, text))
    assert found["quote_text"].startswith('"We kept') and found["quote_type"] == "direct"


def test_where_and_when_the_words_were_said_is_not_part_of_them(nlp):
    text = "The weather office warned in a statement Saturday that in the next few days, \u201cFlash floods are likely.\u201d"
    found = only(quotes(nlp, text))
    assert found["quote_text"] == "that in the next few days, \u201cFlash floods are likely.\u201d"


def test_a_call_on_someone_keeps_whom_it_is_on(nlp):
    found = only(attributions(nlp, "The senator called on the council to cut the fares."))
    assert found["quote_text"].startswith("on the council")


def test_a_one_word_single_quoted_term_keeps_its_closing_mark(nlp):
    text = "A man told the paper his village is \u2018ruined.\u2019"
    found = only(quotes(nlp, text))
    assert found["quote_text"] == "his village is \u2018ruined.\u2019"
