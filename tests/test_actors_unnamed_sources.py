"""Unnamed sources and the descriptions an article resolves: plural unnamed sources are anonymous, a
spokesperson described by their body is the one the article names, "who" is the noun its clause hangs
from, "his office" is that person's office."""
import pytest

from actor_credit import credited, nlp, speaker  # noqa: F401 (nlp is a fixture)


@pytest.mark.parametrize("text, words, expected", [
    ("Critics noted that the levies are a tax on shoppers.", "a tax on shoppers", ("Critics", "anonymous")),
    ("Analysts said the deal would not last.", "would not last", ("Analysts", "anonymous")),
    ("Some 80 governments said the text was too weak.", "too weak", ("Some 80 governments", "anonymous")),
    ("People familiar with the talks said a deal was close.", "a deal was close", ("People", "anonymous")),
    ("Journalists said the ministry had misled them.", "had misled them", ("Journalists", "anonymous")),
    # a public acting together stays a group; parties the article named before are a group
    ("Protesters said the police had beaten them.", "had beaten them", ("Protesters", "group")),
    ("Norway and Peru met on Monday. Both countries said the talks were useful.", "were useful",
     ("Both countries", "group")),
])
def test_unnamed_plural_sources_are_anonymous(nlp, text, words, expected):
    assert speaker(nlp, text, words) == expected


def test_a_plural_profession_tagged_as_a_name_is_an_unnamed_source(nlp):
    # The recogniser tags a capitalised plural at a paragraph's start as a person; no one is named.
    text = ("The weather office issued a warning on Friday.\n\nForecasters said Sunday that the storm was "
            "likely to weaken within a day, with winds of 90 mph.")
    assert speaker(nlp, text, "storm was likely") == ("Forecasters", "anonymous")


def test_unnamed_source_is_named_up_to_a_dash(nlp):
    text = "Nine nations — a club of mountain states — cautioned that they would veto the new tolls."
    assert speaker(nlp, text, "new tolls") == ("Nine nations", "anonymous")


def test_who_is_the_noun_its_clause_hangs_from_not_the_outlet_before_it(nlp):
    text = "Before the match, ESPN cited officials who said the stadium may stay closed."
    assert speaker(nlp, text, "stay closed") == ("officials", "anonymous")


def test_his_office_is_that_persons_office(nlp):
    text = ("President Tom Ray spoke first. Prime Minister Mark Ruiz skipped the dinner, according to two "
            "aides. His office said he was unwell and would rest at home.")
    assert speaker(nlp, text, "was unwell") == ("Mark Ruiz's office", "organization")


def test_her_office_after_her_reported_order_is_one_actor(nlp):
    text = ("Prime Minister Ana Berg has ordered the army to strike the depots, her office said in a statement. "
            "Later her office said the strikes were over.")
    quotes, actors = credited(nlp, text)
    assert {actor["name"] for _, actor in quotes} == {"Ana Berg's office"}
    assert [a["name"] for a in actors].count("Ana Berg's office") == 1


@pytest.mark.parametrize("text, words, expected", [
    # named after the unnamed description
    ("Lisbon asked Oslo to explain the fishing ban, a Portuguese foreign ministry spokesperson said on Monday. "
     "Spokesperson Rui Matos spoke at his weekly press call.", "explain the fishing ban", ("Rui Matos", "person")),
    # named before, with the body written the other way round
    ("Foreign Ministry spokesperson Rui Matos spoke at his weekly briefing. Later a spokesperson of the Portuguese "
     "Foreign Ministry said a visit by the minister was not on the agenda.", "not on the agenda", ("Rui Matos", "person")),
    # in the lead, named in the next paragraph
    ("A Portuguese foreign ministry spokesperson said on Monday that the fishing ban was unfair.\n\n"
     "Spokesperson Rui Matos told a press call that Lisbon would appeal.", "ban was unfair", ("Rui Matos", "person")),
    # a date between them dates what was said about, not the briefing
    ("A Portuguese foreign ministry spokesperson said on Monday that the fishing ban was unfair. The ban was "
     "imposed on 3 November. Spokesperson Rui Matos told a press call on Monday that Lisbon would appeal.",
     "ban was unfair", ("Rui Matos", "person")),
    # a headline's spokesperson, named far down the body
    ("A spokesperson of the Portuguese Foreign Ministry says the fishing ban is unfair\n\nLisbon asked Oslo to "
     "lift the ban on its trawlers.\n\nThe port stayed shut.\n\nFerries waited offshore.\n\nAt a briefing, "
     "Foreign Ministry spokesperson Rui Matos said the ban broke the treaty.", "fishing ban is unfair",
     ("Rui Matos", "person")),
    # another day between them: ministries rotate spokespeople, so maybe someone else
    ("On Tuesday a foreign ministry spokesperson said the trip was off. On Thursday, Foreign Ministry "
     "spokesperson Rui Matos told reporters that the talks with Oslo would restart.", "trip was off",
     ("a foreign ministry spokesperson", "anonymous")),
    ("Foreign Ministry spokesperson Rui Matos spoke on Monday. On Thursday, a spokesperson of the Portuguese "
     "Foreign Ministry said a visit by the minister was not on the agenda.", "not on the agenda",
     ("a spokesperson of the Portuguese Foreign Ministry", "anonymous")),
    # named many paragraphs away: no link
    ("A foreign ministry spokesperson said the trip was off.\n\nThe port stayed shut.\n\nFerries waited "
     "offshore.\n\nSpokesperson Rui Matos later spoke about fish quotas.", "trip was off",
     ("A foreign ministry spokesperson", "anonymous")),
    # another body's spokesperson is not this one
    ("A defence ministry spokesperson said the drills were routine. Foreign Ministry spokesperson Rui Matos said "
     "the talks would go on.", "drills were routine", ("A defence ministry spokesperson", "anonymous")),
    # two spokespeople named: no guess
    ("A government spokesperson said the talks would resume. Spokesman Tom Ray and spokeswoman Ana Lee declined "
     "to comment further.", "talks would resume", ("A government spokesperson", "anonymous")),
    # none named: unnamed
    ("A foreign ministry spokesperson said the visit was cancelled.", "visit was cancelled",
     ("A foreign ministry spokesperson", "anonymous")),
    # a spokesman the words give no body or country: whose, the article does not say
    ("Rui Matos, a spokesman for the dock workers' union, spoke on Monday. Tom Ray did not reply. Through a "
     "spokesman, he said the talks were over.", "talks were over", ("Tom Ray", "person")),
])
def test_unnamed_spokesperson_is_the_one_the_article_names(nlp, text, words, expected):
    assert speaker(nlp, text, words) == expected


def test_he_after_an_unnamed_source_is_that_source(nlp):
    text = ("Talks went on late. A delegate from a small island state was quoted as saying, “Half a deal is no "
            "deal.” He added, “If fishing is on the table, then so is shipping.”")
    assert speaker(nlp, text, "so is shipping") == ("A delegate", "anonymous")


def test_he_after_an_unnamed_source_is_not_the_person_named_before(nlp):
    text = "Mark Ruiz spoke first. A senior official said the talks had stalled. He added that a deal was near."
    assert speaker(nlp, text, "a deal was near") == ("A senior official", "anonymous")


def test_a_named_persons_office_is_named_for_the_person_not_the_title(nlp):
    text = "Israeli Prime Minister Avi Cohen's office said he would not attend."
    assert speaker(nlp, text, "would not attend") == ("Avi Cohen's office", "organization")


@pytest.mark.parametrize("text, words, expected", [
    ("Two U.S. officials told Reuters that the talks had stalled. One of them said a deal was still possible.",
     "still possible", ("Two U.S. officials", "anonymous")),
    ("Hamas members met on Monday. One of the group's leaders said the war was over.", "the war was over",
     ("One of the group's leaders", "anonymous")),
])
def test_one_of_an_unnamed_source_is_that_unnamed_source(nlp, text, words, expected):
    assert speaker(nlp, text, words) == expected


@pytest.mark.parametrize("text, expected", [
    ("The border was closed on Monday, according to a spokesperson for the Peruvian Foreign Ministry, who said the "
     "decision was final.", "anonymous"),
    ("The border was closed, according to Tom Ray, a spokesman for the ministry, who said the decision was final.",
     "person"),
])
def test_who_after_a_body_is_the_person_noun_it_belongs_to(nlp, text, expected):
    assert speaker(nlp, text, "the decision was final")[1] == expected
