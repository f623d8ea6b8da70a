"""Who speaks across sentences: a title that stands for its named holder, a "He added" after words a
report relays, a participle's speaker and the quoted paragraphs that run on from it, and a he/she that
never becomes a company. Invented sentences, one construction each."""
import pytest

from actor_credit import credited, nlp, speaker  # noqa: F401 (nlp is a fixture)


@pytest.mark.parametrize("text, words, expected", [
    # the holder of the title, not the opposition leader named between her and the title
    ("Prime Minister Lena Okafor visited the port on Monday. Opposition leader Tom Baker criticised the trip. "
     "The Prime Minister said the deal was fair. She added that talks would go on.", "talks would go on",
     "Lena Okafor"),
    # the same with two men, where the pronoun's gender cannot tell them apart
    ("Prime Minister Tom Ruiz visited the port on Monday. Opposition leader Dan Baker criticised the trip. "
     "The prime minister said the deal was fair. He added that talks would go on.", "talks would go on",
     "Tom Ruiz"),
    # a paragraph about someone else in between
    ("Prime Minister Lena Okafor visited the port on Monday.\n\nThe union leader Tom Baker said the deal was "
     "poor.\n\nThe Prime Minister said the deal was fair. She added that talks would go on.",
     "talks would go on", "Lena Okafor"),
])
def test_pronoun_after_a_title_that_resolves_to_its_holder_is_the_holder(nlp, text, words, expected):
    assert speaker(nlp, text, "deal was fair") == (expected, "person")
    assert speaker(nlp, text, words) == (expected, "person")


@pytest.mark.parametrize("outlet", ["Reuters", "the Daily Courier"])
def test_he_added_after_words_a_report_relays_is_the_one_the_report_quotes(nlp, outlet):
    text = (f"Minister Tomas Reyes said in a statement that prices would fall, {outlet} reported. "
            "He added that wages would rise.")
    assert speaker(nlp, text, "wages would rise") == ("Tomas Reyes", "person")


def test_an_outlet_that_relays_a_minister_is_not_made_a_person_by_the_he_after_it(nlp):
    text = ("Minister Tomas Reyes said in a statement that prices would fall, the Daily Courier reported. "
            "He added that wages would rise.")
    _, actors = credited(nlp, text)
    kinds = {actor["name"]: actor["kind"] for actor in actors}
    assert kinds.get("Daily Courier") != "person"


def test_participle_speaker_and_the_quoted_paragraph_running_on_from_it(nlp):
    text = ("Coach Arjun Mehta remains calm before the final, noting that the team had trained well.\n\n"
            "\"We are ready for anything. The players know exactly what to do on the day.\"")
    assert speaker(nlp, text, "trained well") == ("Arjun Mehta", "person")
    assert speaker(nlp, text, "ready for anything") == ("Arjun Mehta", "person")


@pytest.mark.parametrize("text, expected", [
    # no person before: the she stays unresolved, and the firm stays a firm
    ("Energy firm Voltra said demand rose. She said prices would stay flat.", None),
    # the nearest person the she can stand for
    ("Plant manager Ana Ruiz toured the site on Monday. Energy firm Voltra said demand rose. "
     "She said prices would stay flat.", "Ana Ruiz"),
])
def test_she_never_stands_for_a_company_a_noun_describes(nlp, text, expected):
    name, _ = speaker(nlp, text, "stay flat")
    assert name == expected
    assert speaker(nlp, text, "demand rose")[1] != "person"


def test_an_age_epithet_stands_for_the_person_named_before_and_the_he_after_it_follows(nlp):
    text = ("Midfielder Leo Marsh scored twice on Sunday. The 24-year-old said the team deserved the win. "
            "He added that the coach had been right.")
    name, kind = speaker(nlp, text, "deserved the win")
    assert kind == "person" and name.endswith("Leo Marsh")
    assert speaker(nlp, text, "coach had been right") == (name, kind)


def test_an_age_epithet_after_an_unnamed_person_is_no_named_actor(nlp):
    text = "A man was hurt in the crash. The 30-year-old said the driver had been speeding."
    assert speaker(nlp, text, "driver had been speeding") == (None, None)


@pytest.mark.parametrize("title, pronoun, expected", [("The mayor", "He", "Tom Baker"),
                                                      ("The governor", "She", "Lena Okafor")])
def test_two_people_each_set_off_with_a_title_keep_their_own_job(nlp, title, pronoun, expected):
    text = (f"Lena Okafor, the governor, and Tom Baker, the mayor, met on Monday. {title} said the talks were "
            f"useful. {pronoun} said a deal was near.")
    assert speaker(nlp, text, "talks were useful") == (expected, "person")
    assert speaker(nlp, text, "deal was near") == (expected, "person")
