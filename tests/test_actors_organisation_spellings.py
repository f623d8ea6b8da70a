"""Across articles: British and American spellings and a country before a body's name are one
organisation (#12); bodies of two countries and generic names stay apart."""
from data_prep.actors import merge_corpus_actors
from test_actors_corpus import article, names_of


def body(name, affiliation=None):
    return (name, "organization", None, affiliation)


def test_british_and_american_spellings_are_one_organisation():
    result = merge_corpus_actors({
        "one": article(body("National Storm Centre")),
        "two": article(body("National Storm Center")),
        "three": article(body("Ministry of Defence")),
        "four": article(body("Ministry of Defense")),
    })
    assert len(names_of(result, "organization")) == 2


def test_a_country_or_its_possessive_before_a_specific_body_name_is_that_body():
    result = merge_corpus_actors({
        "one": article(body("National Storm Center")),
        "two": article(body("U.S. National Storm Center", "United States")),
        "three": article(body("Portugal's Weather Office")),
        "four": article(body("Portugal Weather Office")),
    })
    assert len(names_of(result, "organization")) == 2


def test_bodies_of_two_countries_and_generic_names_stay_apart():
    result = merge_corpus_actors({
        "one": article(body("National Storm Center")),
        "two": article(body("Chilean National Storm Center", "Chile")),
        "three": article(body("Peruvian National Storm Center", "Peru")),
        "four": article(body("Foreign Ministry")),
        "five": article(body("Chinese Foreign Ministry", "China")),
        "six": article(body("Ministry of Trade")),
        "seven": article(body("Ministry of Trader")),
    })
    assert len(names_of(result, "organization")) == 7
