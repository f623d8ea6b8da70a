"""Quote-side constructions from a fresh blind check of real news (#12, session 11): feelings shown, thanks,
prizes claimed, a second speaker's contrasted statement, namings the parser misreads, admissions. One
construction per test, on short texts written for these tests."""
import pytest

from quote_found import attributions, nlp, only, quotes  # noqa: F401  (nlp is a fixture)


# --- "expressed" + a feeling: a reaction, not words ---

@pytest.mark.parametrize("text", [
    "The minister expressed disappointment at the ruling.",
    "She expressed frustration over the delays.",
    "The envoy voiced frustration with the slow pace of the talks.",
    "The foreign ministry expressed its disappointment with the verdict.",
    "She expressed gratitude for the support of the donors.",
])
def test_a_feeling_shown_about_something_is_no_quote(nlp, text):
    assert quotes(nlp, text) == []
    assert attributions(nlp, text)  # PolNeAR's attributions keep it


@pytest.mark.parametrize("text, words", [
    ("The envoy expressed hope that talks would resume soon.", "hope that talks would resume soon"),
    ("The ministry expressed concern over the fighting.", "concern over the fighting"),
    ("The minister expressed regret that the talks had failed.", "regret that the talks had failed"),
])
def test_a_feeling_with_a_claim_stays_a_quote(nlp, text, words):
    assert only(quotes(nlp, text))["quote_text"] == words


# --- thanks ---

def test_whom_someone_thanked_for_what_is_no_quote(nlp):
    assert quotes(nlp, "President Ruiz thanked Qatar and Egypt for their mediation.") == []
    assert quotes(nlp, "He thanked the rescuers for their courage and the volunteers for their help.") == []


def test_a_reproach_for_something_stays_a_quote(nlp):
    found = only(quotes(nlp, "The union accused the owners of lying, and the council of hiding the costs."))
    assert found["quote_text"] == "the owners of lying, and the council of hiding the costs"


# --- "claimed control of" ---

@pytest.mark.parametrize("text", ["The rebels claimed control of the town.",
                                  "Rebel fighters claimed full control of the city on Sunday."])
def test_control_claimed_is_a_deed(nlp, text):
    assert quotes(nlp, text) == []
    assert only(attributions(nlp, text))["attribution"] == "act"


def test_responsibility_claimed_stays_a_quote(nlp):
    found = only(quotes(nlp, "The group claimed responsibility for the attack."))
    assert found["quote_text"] == "responsibility for the attack"


# --- a second speaker's "while" clause ---

@pytest.mark.parametrize("conjunction", ["while", "whereas"])
def test_a_second_speakers_contrasted_statement_is_its_own_quote(nlp, conjunction):
    text = f"Smith warned that the deal would collapse, {conjunction} Jones accused the government of stalling."
    found = [(q["speaker_text"], q["quote_text"]) for q in quotes(nlp, text)]
    assert found == [("Smith", "that the deal would collapse"), ("Jones", "the government of stalling")]


def test_a_contrast_without_a_cue_stays_in_the_words(nlp):
    assert only(quotes(nlp, "Smith said prices would rise while wages stalled."))["quote_text"] \
        == "prices would rise while wages stalled"


# --- namings the parser misreads, and a fronted setting ---

@pytest.mark.parametrize("text, words", [
    ("Tehran has called the sanctions economic terrorism.", "the sanctions economic terrorism"),
    ("The ministry called the decision politically motivated.", "the decision politically motivated"),
    ("In a statement, the ministry called the decision a provocation.", "the decision a provocation"),
])
def test_what_someone_called_a_thing_is_a_quote(nlp, text, words):
    assert only(quotes(nlp, text))["quote_text"] == words


def test_calling_someone_on_the_phone_stays_no_quote(nlp):
    assert quotes(nlp, "Residents called the fire brigade.") == []


# --- "admitted to" ---

@pytest.mark.parametrize("text, words", [
    ("The company admitted to failures in oversight.", "to failures in oversight"),
    ("He admitted to lying to investigators.", "to lying to investigators"),
])
def test_what_someone_admitted_to_is_a_quote(nlp, text, words):
    found = only(quotes(nlp, text))
    assert found["quote_text"] == words and found["cue"] == "admitted"


# --- a quoted sentence right after reported speech ---

def test_a_quoted_sentence_after_reported_words_goes_on_with_them(nlp):
    text = ("On “Morning Desk,” the senator identified rising costs as the main reason for the protests. "
            "“People cannot pay their rent anymore.”")
    found = [(q["quote_type"], q["speaker_text"], q["quote_text"]) for q in quotes(nlp, text)]
    assert found == [("indirect", "the senator", "rising costs as the main reason for the protests"),
                     ("direct", "the senator", "“People cannot pay their rent anymore.”")]


# --- a quoted infinitive after "agreed" inside someone's report ---

@pytest.mark.parametrize("text, speaker", [
    ("The foreign ministry said the two sides agreed to “continue the dialogue”.", "The foreign ministry"),
    ("According to the statement, the leaders agreed to “work together for lasting peace”.", "the statement"),
])
def test_a_quoted_agreement_inside_a_report_is_part_of_it(nlp, text, speaker):
    found = only(quotes(nlp, text))
    assert found["quote_type"] == "mixed" and found["speaker_text"] == speaker and "agreed to" in found["quote_text"]


def test_words_told_inside_a_report_stay_their_speakers(nlp):
    text = "The ministry said Lavrov told him “we are ready to talk.”"
    found = [(q["speaker_text"], q["quote_type"]) for q in quotes(nlp, text)]
    assert found == [("The ministry", "mixed"), ("Lavrov", "direct")]
