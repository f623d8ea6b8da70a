"""Relayed statements and one-sentence quoted paragraphs (issue #12), on sentences written for these tests:
a named speaker's words that an outlet reported are the speaker's quote (the outlet only relays them), and
a paragraph that is one quoted sentence after someone's reported speech goes on with their words."""
from actor_credit import credited, nlp  # noqa: F401  (nlp is a fixture)


def quotes_with_speakers(nlp, text):
    """(quote text, speaker as written, credited actor's name) for every quote of ``text``."""
    found, _ = credited(nlp, text)
    return [(quote.text, quote.speaker_text, actor["name"] if actor else None) for quote, actor in found]


def test_named_speakers_words_relayed_by_an_outlet_are_the_speakers(nlp):
    text = "Chief Paulo Nunes told reporters that the strike was over, the Evening Ledger reported."
    assert quotes_with_speakers(nlp, text) == [("that the strike was over", "Chief Paulo Nunes", "Paulo Nunes")]


def test_statement_phrase_before_the_clause_does_not_hide_it(nlp):
    # the parse hangs the clause on "statement"; the trailing credit is no part of the words
    text = "Minister Tomas Reyes said in a statement that the port would reopen, the Daily Courier reported."
    assert quotes_with_speakers(nlp, text) == [("that the port would reopen", "Minister Tomas Reyes", "Tomas Reyes")]


def test_outlet_reporting_what_a_named_speaker_said_leaves_the_quote_to_the_speaker(nlp):
    text = "The Valley Herald reported that Governor Ines Marlow said the ferry would resume on Friday."
    assert quotes_with_speakers(nlp, text) == [("the ferry would resume on Friday", "Governor Ines Marlow",
                                                "Ines Marlow")]


def test_pronoun_speakers_words_relayed_by_an_outlet_are_the_person_it_stands_for(nlp):
    text = ("Mayor Ana Cole said the water was falling. "
            "She said that the levee would be rebuilt, the Evening Ledger reported.")
    found = quotes_with_speakers(nlp, text)
    assert found[-1] == ("that the levee would be rebuilt", "She", "Ana Cole") and len(found) == 2


def test_trailing_media_credit_is_cut_from_the_words(nlp):
    # the parse hangs the clause on "reported"; local media only relay it
    text = "Chief Paulo Nunes said the talks were over. He said that the depot would reopen, local media reported."
    found = quotes_with_speakers(nlp, text)
    assert found[-1] == ("that the depot would reopen", "He", "Paulo Nunes") and len(found) == 2


def test_report_with_no_inner_speaker_stays_the_reports(nlp):
    found = quotes_with_speakers(nlp, "The ferry will resume on Friday, the Valley Herald reported.")
    assert [(quote, speaker) for quote, speaker, _ in found] == [("The ferry will resume on Friday",
                                                                  "the Valley Herald")]
    found = quotes_with_speakers(nlp, "The report said that the ferry would resume on Friday.")
    assert [(quote, speaker) for quote, speaker, _ in found] == [("that the ferry would resume on Friday",
                                                                  "The report")]


def test_one_quoted_sentence_after_reported_speech_is_the_speakers(nlp):
    text = ("Coach Lena Ortiz remains calm before the final, noting that the squad has trained well.\n\n"
            "\u201cWe are ready for anything.\u201d")
    found = quotes_with_speakers(nlp, text)
    assert ("\u201cWe are ready for anything.\u201d", "", "Lena Ortiz") in found


def test_short_quoted_paragraph_after_narration_is_no_quote(nlp):
    text = "The river rose again on Monday and flooded the lower town.\n\n\u201cWe lost everything.\u201d"
    assert quotes_with_speakers(nlp, text) == []


def test_short_quoted_paragraph_after_two_speakers_is_no_quote(nlp):
    text = ("Mayor Ana Cole said the levee would hold. Engineer Tom Berg said it would fail.\n\n"
            "\u201cWe are ready.\u201d")
    assert not any("ready" in quote for quote, _, _ in quotes_with_speakers(nlp, text))
