"""A person called by nationality ("the Spaniard", "the Dutchman") is the one person it fits, or no one; never
a group or an organisation named after the demonym (fresh sports and politics coverage, issue #12)."""
from actor_credit import credited, nlp, speaker  # noqa: F401 (nlp is a fixture)


def test_demonym_epithet_is_the_person_spoken_of(nlp):
    text = ("Veteran coach Ruud Jansen praised his squad on Sunday. The Dutchman also highlighted the "
            "importance of rest, citing last year's injuries.")
    assert speaker(nlp, text, "injuries") == ("Ruud Jansen", "person")
    _, actors = credited(nlp, text)
    assert [a["name"] for a in actors] == ["Ruud Jansen"]


def test_demonym_epithet_picks_the_person_of_that_country(nlp):
    text = "Spanish coach Luis Ortega met Italian coach Marco Bellini. The Spaniard said the pitch was poor."
    assert speaker(nlp, text, "pitch was poor") == ("Luis Ortega", "person")


def test_demonym_epithet_that_fits_no_one_stays_unresolved(nlp):
    text = "Marco Bellini of Italy spoke first. The Spaniard said the pitch was poor."
    quotes, actors = credited(nlp, text)
    assert [actor for q, actor in quotes if "pitch" in q.text] == [None]
    assert "Spaniard" not in [a["name"] for a in actors]


def test_indefinite_demonym_is_one_unnamed_person(nlp):
    assert speaker(nlp, "\"We were unlucky,\" a Spaniard said.", "unlucky") == ("a Spaniard", "anonymous")
