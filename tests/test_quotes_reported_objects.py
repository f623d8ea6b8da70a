"""Reported speech whose words are a noun-phrase object, cues with their subject after them, and passives
that report no one's words (#12, session 9). One construction per test, on short texts written for these
tests."""
from quote_found import attributions, nlp, only, quotes  # noqa: F401  (nlp is a fixture)


# --- noun-phrase objects that carry what was said ---

def test_what_someone_pointed_to_is_their_claim(nlp):
    found = only(quotes(nlp, "The minister pointed to rising costs as the main cause."))
    assert found["speaker_text"] == "The minister" and "rising costs as the main cause" in found["quote_text"]


def test_pointing_to_a_person_is_no_claim(nlp):
    assert quotes(nlp, "The coach pointed to me and smiled.") == []


def test_railing_against_a_thing_stays_no_claim(nlp):
    assert quotes(nlp, "The mayor railed against the ban.") == []


def test_an_acknowledged_fact_with_content_is_a_quote(nlp):
    found = only(quotes(nlp, "She acknowledged the delays in the rollout."))
    assert found["speaker_text"] == "She" and found["quote_text"] == "the delays in the rollout"


def test_acknowledging_a_crowd_or_a_sentiment_is_no_quote(nlp):
    assert quotes(nlp, "The singer acknowledged the crowd.") == []
    assert quotes(nlp, "He acknowledged that sentiment.") == []


def test_a_described_state_with_content_is_a_quote(nlp):
    found = only(quotes(nlp, "A senior analyst at a think tank described deep frustration among the delegations."))
    assert found["speaker_text"].startswith("A senior analyst") and found["cue"] == "described"
    assert found["quote_text"] == "deep frustration among the delegations"


def test_a_forecast_object_and_its_infinitive_are_the_words(nlp):
    found = only(quotes(nlp, "The bank projects inflation to fall to 4 percent."))
    assert found["speaker_text"] == "The bank" and found["quote_text"] == "inflation to fall to 4 percent"


# --- cues with their subject after them ---

def test_a_title_after_an_inverted_cue_is_the_speaker(nlp):
    found = only(quotes(nlp, "“We must act now,” urged the president of the council."))
    assert found["quote_type"] == "direct" and found["speaker_text"] == "the president of the council"


def test_a_quoted_question_with_an_inverted_cue_is_the_askers(nlp):
    found = only(quotes(nlp, "“Is this fair?” questioned the president."))
    assert found["quote_text"] == "“Is this fair?”" and found["speaker_text"] == "the president"


def test_a_cue_with_its_subject_before_it_keeps_its_object_as_addressee(nlp):
    found = only(quotes(nlp, "“Leave now,” the guard told the visitors."))
    assert found["speaker_text"] == "the guard"


# --- raising passives ---

def test_what_someone_is_said_to_be_is_no_quote(nlp):
    text = "The old general is said to be gravely ill."
    assert quotes(nlp, text) == []
    assert len(attributions(nlp, text)) == 1  # PolNeAR counts it, with no source


def test_a_said_to_passive_with_its_agent_is_the_agents(nlp):
    found = only(quotes(nlp, "He was said by aides to be furious."))
    assert found["speaker_text"] == "aides"


def test_an_expected_event_is_no_quote(nlp):
    assert quotes(nlp, "The talks are expected to resume next week.") == []


# --- naming inside another clause ---

def test_an_unmarked_name_inside_another_clause_is_no_quote(nlp):
    text = "Farmers packed the fair, which honoured what its founders described as a bold vision."
    assert quotes(nlp, text) == []
    assert [found["speaker_text"] for found in attributions(nlp, text)] == ["its founders"]


def test_a_quoted_name_inside_another_clause_is_the_namers(nlp):
    found = only(quotes(nlp, "Thousands marched against what critics describe as “a rigged vote”."))
    assert found["speaker_text"] == "critics" and "a rigged vote" in found["quote_text"]
