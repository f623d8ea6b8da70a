"""Unquoted continuations of reported speech (data_prep/quotes/continued.py), on texts written for these
tests: sentences with no cue that carry on a speaker's reported speech are that speaker's quotes, and
the reporter's own sentences after reported speech are not."""
import pytest

from actor_credit import credited
from data_prep.nlp import load_pipeline
from data_prep.quotes import extract_attributions, extract_quotes


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def continuations(nlp, text):
    """The quotes whose cue lies in an earlier sentence than their words."""
    doc = nlp(text)
    found = []
    for quote in extract_quotes(doc):
        cue = doc.char_span(*quote.cue, alignment_mode="expand") if quote.cue else None
        if cue is not None and cue.sent.end_char <= quote.spans[0][0]:
            found.append(quote)
    return found


def test_normative_sentence_after_reported_speech_is_the_speakers(nlp):
    text = ("Envoy Lars Odegaard said that the blockade violated the river treaty. "
            "Such steps must never be repeated by any neighbour.")
    found = continuations(nlp, text)
    assert [quote.text for quote in found] == ["Such steps must never be repeated by any neighbour."]
    assert found[0].speaker_text == "Envoy Lars Odegaard" and found[0].quote_type == "indirect"


def test_a_run_of_continuing_sentences_is_one_quote(nlp):
    text = ("The minister said that the dam project served the whole valley. How to share its water is a "
            "matter for the valley's towns to decide. The project will not be stopped by outside pressure.")
    found = continuations(nlp, text)
    assert [quote.text for quote in found] == [
        "How to share its water is a matter for the valley's towns to decide. "
        "The project will not be stopped by outside pressure."]


def test_judgment_after_an_additive_connective_continues(nlp):
    text = ("Ambassador Mira Holt said that the mayor's remarks broke the harbour accord. Moreover, the council "
            "refused to correct them. It is a blatant provocation against the fishing towns.")
    found = continuations(nlp, text)
    assert len(found) == 1 and found[0].text.startswith("Moreover, the council refused")
    assert found[0].text.endswith("against the fishing towns.")


def test_reporters_narration_after_reported_speech_is_no_quote(nlp):
    for text in [
        "The mayor said that the bridge would reopen soon. The bridge was closed after a flood on Monday.",
        "The mayor said that the bridge would reopen soon. Repairs have cost 4 million euros so far.",
        "The mayor said that the bridge would reopen soon. Engineer Tom Berg could not be reached by phone.",
        "The mayor said that the bridge would reopen soon. He is expected to visit the site this week.",
        "The mayor said that the bridge would reopen soon. The bridge is also a key route for lorries.",
    ]:
        assert continuations(nlp, text) == [], text


def test_continuation_needs_the_speakers_voice(nlp):
    # a present-tense sentence alone could be the reporter's background
    text = "The union said that the strike would go on. The dispute concerns night shifts at the depot."
    assert continuations(nlp, text) == []


def test_no_continuation_after_a_direct_quote_or_a_trailing_cue(nlp):
    for text in [
        "“The strike goes on,” the union said. Such stoppages must never become routine.",
        "The strike will go on, the union said. Such stoppages must never become routine.",
    ]:
        assert continuations(nlp, text) == [], text


def test_next_paragraph_continues_only_a_paragraph_of_speech(nlp):
    carried = ("The envoy said that the blockade broke the river treaty.\n\n"
               "Such a blockade must never be imposed on a neighbour again.")
    assert [quote.text for quote in continuations(nlp, carried)] == [
        "Such a blockade must never be imposed on a neighbour again."]
    reporter = ("The envoy said that the blockade broke the river treaty.\n\n"
                "However, the treaty will not be reviewed before the spring.")
    assert continuations(nlp, reporter) == []


def test_continuation_is_credited_to_the_same_actor(nlp):
    text = ("Foreign Minister Ines Wald said that the border closure was illegal. "
            "The neighbouring states must lift it without delay.")
    quotes, _ = credited(nlp, text)
    actors = [actor["name"] if actor else None for _, actor in quotes]
    assert len(quotes) == 2 and actors[0] == actors[1] == "Ines Wald"


def test_polnear_attributions_have_no_continuations(nlp):
    text = ("Envoy Lars Odegaard said that the blockade violated the river treaty. "
            "Such steps must never be repeated by any neighbour.")
    assert all("must never" not in record.text for record in extract_attributions(nlp(text)))


def test_reported_speech_whose_later_predicates_the_parser_made_the_root(nlp):
    # "said" parsed as the object of "crossed": the content still runs to the end of the sentence
    text = ("Wu Lan said that the mayor's comments on the harbour breached the treaty, went too far, "
            "frightened the sailors, and called for a blockade.")
    quote = next(q for q in extract_quotes(nlp(text)) if q.cue_word == "said")
    assert quote.text.endswith("and called for a blockade")


def test_an_accusation_in_the_speakers_voice_continues(nlp):
    text = ("Spokesman Karl Ide said that the dam had cut the river's flow. "
            "They have ignored repeated warnings from the valley towns.")
    assert [quote.text for quote in continuations(nlp, text)] == [
        "They have ignored repeated warnings from the valley towns."]


def test_paragraph_opening_in_the_speakers_voice_before_its_trailing_cue(nlp):
    text = ("The envoy met the mayor on Monday. He said that the blockade broke the river treaty.\n\n"
            "The blockade is a blatant provocation. It will isolate the port for months, the envoy added.")
    doc = nlp(text)
    found = [quote for quote in extract_quotes(doc) if quote.text == "The blockade is a blatant provocation."]
    assert len(found) == 1 and found[0].speaker_text == "the envoy" and found[0].cue_word == "added"
    # without reported speech ending the paragraph before, the opening sentence is the reporter's
    text = ("The envoy met the mayor on Monday.\n\n"
            "The blockade is a blatant provocation. It will isolate the port for months, the envoy added.")
    assert not any(quote.text.startswith("The blockade is") for quote in extract_quotes(nlp(text)))


def test_a_condition_the_speaker_sets_continues(nlp):
    text = ("The minister said that the tariffs would be lifted. "
            "That would only be possible if the neighbours ended the blockade.")
    assert [quote.text for quote in continuations(nlp, text)] == [
        "That would only be possible if the neighbours ended the blockade."]
    # a conditional without "only" can be the reporter's
    text = ("The minister said that the tariffs would be lifted. "
            "That would help the port if the talks succeed.")
    assert continuations(nlp, text) == []


def test_a_rule_or_procedure_after_reported_speech_is_the_reporters(nlp):
    # a passive obligation and "cannot" with a thing as subject state facts and rules, not the speaker's voice
    for text in [
        "The governor said that the canal would bring trade to the valley. The scheme must first be "
        "cleared by the regional assembly.",
        "The harbour master said that the pier was sound. The pier cannot hold ferries longer than its berth.",
        "The league said that the referee had erred. The ruling cannot be challenged under the club charter.",
        "The union said that the talks had failed. The contract can not be signed without a members' ballot.",
    ]:
        assert continuations(nlp, text) == [], text


def test_a_party_that_cannot_accept_is_the_speakers_voice(nlp):
    text = ("The envoy said that the raid broke the river truce. "
            "We cannot accept such attacks on our fishing villages.")
    found = continuations(nlp, text)
    assert [quote.text for quote in found] == ["We cannot accept such attacks on our fishing villages."]
    assert found[0].speaker_text == "The envoy"


def test_a_noun_of_error_judges_in_the_speakers_voice(nlp):
    text = ("Spokeswoman Ana Reyes said that the levy would ruin the fishing towns. "
            "It is a grave misreading of the harbour accord.")
    assert [quote.text for quote in continuations(nlp, text)] == ["It is a grave misreading of the harbour accord."]
