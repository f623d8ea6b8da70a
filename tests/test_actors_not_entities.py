"""Actors a journalist would see as wrong: capitalised common nouns, portfolio words, venues named as
places, and roles that carry their body's name instead of the job."""
import pytest

from actor_credit import credited
from data_prep.actors import resolve_article_actors
from data_prep.nlp import load_pipeline
from data_prep.quotes import extract_quotes


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def actors_of(nlp, text):
    _, actors = credited(nlp, text)
    return {actor["name"]: actor for actor in actors}


def test_emphatic_capitals_on_a_plural_common_noun_are_no_organisation(nlp):
    text = ('The governor wrote on Sunday: "Next week we will impose Import Controls on all foreign chips. '
            'The import rules were too weak."')
    assert "Import Controls" not in actors_of(nlp, text)


def test_a_portfolio_word_before_a_title_is_part_of_the_job(nlp):
    actors = actors_of(nlp, "The delegation included Finance Secretary Paul Dorn and Commerce Secretary Mia Ekberg.")
    assert "Commerce" not in actors
    assert actors["Mia Ekberg"]["role"] == "commerce secretary"
    assert actors["Mia Ekberg"]["affiliation"] is None
    assert actors["Paul Dorn"]["role"] == "finance secretary"


def test_a_title_set_off_by_commas_gives_the_job_not_its_body(nlp):
    actors = actors_of(nlp, "The Executive Secretary of the UN Ocean Treaty, Karl Venn, said he understood "
                            "the anger of some nations.")
    assert actors["Karl Venn"]["role"] == "executive secretary"


def test_a_seat_of_power_named_as_a_venue_is_no_actor_mention(nlp):
    text = ("The Norwegian leader met reporters in the Oval Office on Monday. Later she spoke at the White House. "
            "The White House said the visit went well.")
    doc = nlp(text)
    result = resolve_article_actors(doc, extract_quotes(doc))
    names = {actor["key"]: actor["name"] for actor in result["actors"]}
    mentioned = [text[m["start"]:m["end"]] for m in result["mentions"] if names[m["key"]] == "White House"]
    assert "Oval Office" not in names.values()
    assert mentioned == ["The White House"]


def test_a_vehicle_a_region_and_a_time_zone_are_no_organisations(nlp):
    text = ("The premier spoke to reporters aboard Air Force Two on Friday. Tension is rising in the "
            "Indo-Pacific, she said. The vote closed at 6 pm (2200 GMT).")
    actors = actors_of(nlp, text)
    assert not {"Air Force Two", "Indo-Pacific", "GMT"} & set(actors), actors


def test_sheikh_is_an_honorific_and_a_country_before_a_title_is_no_role_word(nlp):
    actors = actors_of(nlp, "US President Omar Fathy, Qatar Emir Sheikh Faisal bin Khalid Al Nasr and others "
                            "signed the accord on Monday.")
    assert actors["Faisal bin Khalid Al Nasr"]["role"] == "emir"
