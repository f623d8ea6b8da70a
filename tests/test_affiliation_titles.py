"""Affiliations from the titles around a name: the body inside a hyphenated or abbreviated title, a
portfolio title with "and", a title set off by commas before the name, the body after "of"."""
import pytest

import pandas as pd

from data_prep.actors import merge_corpus_actors, resolve_article_actors
from data_prep.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def person(nlp, text, name):
    """The actor row of ``name`` in a dataset of this one article: its role and affiliation."""
    actors = merge_corpus_actors({"one": resolve_article_actors(nlp(text), [])}).actors
    rows = actors[actors["name"] == name]
    assert len(rows) == 1, f"expected one actor {name!r}"
    return {key: None if pd.isna(value) else value for key, value in rows.iloc[0].items()}


@pytest.mark.parametrize("text", [
    "UN Secretary-General Mara Ostrow said the deal was weak.",
    "U.N. Secretary-General Mara Ostrow said the deal was weak.",
    "The summit was attended by United Nations (UN) Secretary-General Mara Ostrow.",
])
def test_an_international_body_in_a_hyphenated_title_is_the_holders_side(nlp, text):
    ostrow = person(nlp, text, "Mara Ostrow")
    assert (ostrow["role"], ostrow["affiliation"]) == ("secretary-general", "United Nations")


def test_a_body_short_form_in_a_title_has_the_bodys_one_spelling(nlp):
    assert person(nlp, "EU fisheries commissioner Piet Vos called the quota plan weak.", "Piet Vos")["affiliation"] \
        == "European Union"
    assert person(nlp, "NATO Secretary-General Piet Vos spoke.", "Piet Vos")["affiliation"] == "NATO"


def test_a_portfolio_title_with_and_keeps_the_country_before_it(nlp):
    lagos = person(nlp, "Chile's Minister of Mining and Energy Pedro Lagos said the plan was late.", "Pedro Lagos")
    assert (lagos["role"], lagos["affiliation"]) == ("minister of mining and energy", "Chile")


@pytest.mark.parametrize("text, name, country", [
    ("France’s housing and transport minister, Claire Duval, said the plan was late.", "Claire Duval", "France"),
    ("Kenya's Cabinet Secretary for Water, Sanitation and Irrigation, Dr. Jane Wekesa, said the plan was late.",
     "Jane Wekesa", "Kenya"),
])
def test_a_title_set_off_before_the_name_gives_its_country(nlp, text, name, country):
    assert person(nlp, text, name)["affiliation"] == country


def test_a_country_before_a_comma_that_is_no_apposition_is_not_the_next_subjects(nlp):
    smith = person(nlp, "In a meeting with China's foreign minister, Bob Smith said the plan was late.", "Bob Smith")
    assert smith["affiliation"] is None


def test_a_body_in_the_appositive_after_the_name(nlp):
    text = "“We are happy,” says Lina Sorr, president of AOSIS."
    assert person(nlp, text, "Lina Sorr")["affiliation"] == "Alliance of Small Island States"
    text = "“We are happy,” says Lina Sorr, president of the Harbour Front."
    assert person(nlp, text, "Lina Sorr")["affiliation"] == "Harbour Front"


@pytest.mark.parametrize("text, side", [
    ("Lawmaker Anna Berg of the Green Party said the budget was late.", "Green Party"),
    ("Anna Berg of Chile said the budget was late.", "Chile"),
])
def test_the_body_or_country_after_of_is_the_persons(nlp, text, side):
    assert person(nlp, text, "Anna Berg")["affiliation"] == side


def test_a_region_word_in_a_title_is_no_side(nlp):
    assert person(nlp, "Arab envoy Omar Vell said the talks had stalled.", "Omar Vell")["affiliation"] is None
    assert person(nlp, "Kenyan envoy Omar Vell said the talks had stalled.", "Omar Vell")["affiliation"] == "Kenya"


def test_a_country_word_inside_an_outlet_name_is_not_the_persons_country(nlp):
    text = "Another Radio Peru host, Lena Cruz, said the vote was close."
    assert person(nlp, text, "Lena Cruz")["affiliation"] == "Radio Peru"
    text = "The South Korean trade minister, Kim Dae-ho, said so."
    assert person(nlp, text, "Kim Dae-ho")["affiliation"] == "South Korea"


def test_a_country_or_body_in_brackets_after_the_name(nlp):
    text = "The summit was attended by Pedro Lagos (Chile), Ana Ruiz (Peru) and Abdul Hamid (King of Jordan)."
    assert person(nlp, text, "Pedro Lagos")["affiliation"] == "Chile"
    assert person(nlp, text, "Abdul Hamid")["affiliation"] == "Jordan"
    text = "Officials included Mara Ostrow (UNICEF) and Wu Lin (吳林)."
    assert person(nlp, text, "Mara Ostrow")["affiliation"] == "UNICEF"
    assert person(nlp, text, "Wu Lin")["affiliation"] is None


@pytest.mark.parametrize("text, side", [
    ("“We are happy,” says Lina Sorr, a lawyer for the Harbour Front.", "Harbour Front"),
    ("“We are happy,” says Lina Sorr, ambassador of Chile.", "Chile"),
    ("“We are happy,” says Lina Sorr, a fierce critic of the Harbour Front.", None),
    ("“We are happy,” says Lina Sorr, a fierce critic of Chile.", None),
])
def test_a_post_in_a_body_is_a_side_a_stance_towards_it_is_not(nlp, text, side):
    assert person(nlp, text, "Lina Sorr")["affiliation"] == side


@pytest.mark.parametrize("text, side", [
    ("“The talks failed,” said Lena Cruz from Greenpeace.", "Greenpeace"),
    ("“The talks failed,” said Lena Cruz from the Harbour Front.", "Harbour Front"),
    ("Lena Cruz returned from Chile on Monday.", None),
    ("“The talks failed,” said Lena Cruz from Geneva.", None),
])
def test_the_body_after_from_is_the_persons_where_she_went_is_not(nlp, text, side):
    assert person(nlp, text, "Lena Cruz")["affiliation"] == side
