"""He/she never goes to a person of the other gender the text shows (#12): the gender votes read a
pronoun that belongs to the subject, and reported words, not only sentences naming one person."""
from actor_credit import credited, nlp, speaker  # noqa: F401  (nlp is a fixture)


def test_she_is_not_the_man_whose_supporters_were_addressed(nlp):
    text = ("Governor Dan Kemp addressed his supporters accompanied by Laura Ortiz, who came fifth.\n\n"
            "She promptly conceded and said that the party must now unite behind him.")
    assert speaker(nlp, text, "party must now unite") == ("Laura Ortiz", "person")


def test_a_she_in_reported_words_does_not_make_the_lawyer_a_woman(nlp):
    text = ("The lawyer for the driver, Paul Verne, told reporters his client is \u201cshocked\u201d because "
            "she denies the charges.\n\n"
            "\u201cShe does not understand any of it,\u201d he said.")
    assert speaker(nlp, text, "does not understand") == ("Paul Verne", "person")


def test_a_pronoun_after_a_second_person_in_the_sentence_gives_the_subject_no_vote(nlp):
    text = ("Governor Dan Kemp met Laura Ortiz and her aides on Monday.\n\n"
            "He said that the talks had gone well.")
    assert speaker(nlp, text, "talks had gone well") == ("Dan Kemp", "person")


def test_a_name_taken_for_a_company_is_a_person_when_his_owns_its_object(nlp):
    _, actors = credited(nlp, "Enrico Fiat opened his doors to neighbours on Monday.")
    assert {actor["name"]: actor["kind"] for actor in actors}.get("Enrico Fiat") == "person"
