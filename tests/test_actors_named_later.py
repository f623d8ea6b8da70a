"""Title-only references whose one holder the article names later, and the name set off after a title
(#12): the title is that person, not a separate anonymous or organisation actor."""
from actor_credit import nlp, speaker  # noqa: F401  (nlp is a fixture)


def test_title_named_in_a_later_paragraph_is_that_person(nlp):
    text = ("The museum's director said Monday that the accounts were incomplete.\n\n"
            "Maria Lopez, the director, said two ledgers were missing from the archive.")
    assert speaker(nlp, text, "accounts were incomplete") == ("Maria Lopez", "person")


def test_title_with_a_place_named_later_is_that_person(nlp):
    text = ("The Lyon prosecutor said Friday that three men were detained after the raid.\n\n"
            "Anne Morel, the prosecutor, said a fourth suspect was still sought by police.")
    assert speaker(nlp, text, "three men were detained") == ("Anne Morel", "person")


def test_title_with_two_later_holders_stays_unresolved(nlp):
    text = ("The prosecutor said Friday that three men were detained after the raid.\n\n"
            "Anne Morel, a prosecutor, and Luc Bernard, another prosecutor, said the case was complex.")
    name, _ = speaker(nlp, text, "three men were detained")
    assert name not in ("Anne Morel", "Luc Bernard")


def test_name_set_off_after_a_title_with_a_phrase_is_the_speaker(nlp):
    text = ("The spokesman for the club, John Smithers, told reporters that the coach would stay "
            "until the end of the season.")
    assert speaker(nlp, text, "coach would stay") == ("John Smithers", "person")


def test_name_set_off_after_a_lawyer_for_someone_is_the_lawyer(nlp):
    text = ("Two drivers were charged on Friday.\n\n"
            "The lawyer for the older driver, Paul Verne, told reporters his client is \u201cshocked\u201d because "
            "he denies the charges.")
    assert speaker(nlp, text, "shocked") == ("Paul Verne", "person")
