"""Titles and ranks in front of a name: the person keeps the whole name, the title is the role, and the title
is never a person or an organisation of its own (fresh international coverage, issue #12)."""
from actor_credit import credited, nlp, speaker  # noqa: F401 (nlp is a fixture)


def test_given_name_the_recogniser_cut_after_a_title_stays_in_the_name(nlp):
    text = ("Health Ministry Spokesperson Nadia Rose Amin said the clinics would reopen. "
            "At her briefing, the spokesperson said: \"We are ready.\"")
    assert speaker(nlp, text, "clinics would reopen") == ("Nadia Rose Amin", "person")
    assert speaker(nlp, text, "We are ready") == ("Nadia Rose Amin", "person")


def test_military_rank_tagged_as_an_organisation_is_the_persons_role(nlp):
    text = "Retired Air Force Group Captain Uttam Kumar Devnath said the pilots had little time to react."
    quotes, actors = credited(nlp, text)
    (_, actor), = quotes
    assert actor["name"] == "Uttam Kumar Devnath"
    assert "group captain" in actor["role"]
    assert not [a for a in actors if a["kind"] == "organization" and "Captain" in a["name"]]


def test_title_set_off_before_a_ranked_name_is_that_person_and_never_a_person_itself(nlp):
    text = ("In a statement released on Sunday, Force Public Relations Officer, ACP Musa Bello, said the raids "
            "were part of a wider effort. According to the statement, two suspects fled.")
    assert speaker(nlp, text, "wider effort") == ("Musa Bello", "person")
    assert speaker(nlp, text, "two suspects fled") == ("Musa Bello", "person")
    _, actors = credited(nlp, text)
    assert not [a for a in actors if a["kind"] == "person" and a["name"].endswith("Officer")]


def test_police_rank_in_capitals_is_no_part_of_the_name(nlp):
    text = ("In a statement on Monday, State Police Public Relations Officer, SP Haruna Kiyawa, said the "
            "suspects had been arrested.")
    assert speaker(nlp, text, "suspects had been arrested") == ("Haruna Kiyawa", "person")


def test_headline_rank_goes_to_the_officer_the_body_names(nlp):
    text = ("Crash probe will look at sabotage and technical factors, says retd Air Force captain\n\n"
            "Retired Air Force Group Captain Uttam Kumar Devnath on Saturday said the committee would look at "
            "every factor.")
    assert speaker(nlp, text, "sabotage") == ("Uttam Kumar Devnath", "person")
