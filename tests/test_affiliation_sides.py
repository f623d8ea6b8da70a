"""Which side an actor speaks for, decided once per actor across the dataset: a country or body the
articles give it, else an organisation that belongs to no country is its own side, an outlet is itself,
and a region word or a state body without its country is no side at all."""
import pandas as pd

from data_prep.actors import merge_corpus_actors
from data_prep.actors.affiliation_facts import canonical_affiliation
from data_prep.actors.affiliations import own_side


def article(*actors):
    """An article result as resolve_article_actors returns it; each actor gets one mention."""
    entries, mentions = [], []
    for number, (name, kind, affiliation) in enumerate(actors):
        key = f"a{number}"
        entries.append({"key": key, "name": name, "kind": kind, "role": None, "affiliation": affiliation,
                        "variants": [name]})
        mentions.append({"key": key, "start": number * 10, "end": number * 10 + len(name), "text": name})
    return {"actors": entries, "mentions": mentions, "quote_keys": []}


def affiliation_of(result, name):
    rows = result.actors.loc[result.actors["name"] == name, "affiliation"]
    assert len(rows) == 1, name
    return None if pd.isna(rows.iloc[0]) else rows.iloc[0]


def test_an_organisation_of_no_country_is_its_own_side_like_its_leader():
    result = merge_corpus_actors({
        "one": article(("Harbour Front", "organization", None), ("Omar Vell", "person", "Harbour Front")),
        "two": article(("Harbour Front", "organization", None)),
    })
    assert affiliation_of(result, "Harbour Front") == "Harbour Front"
    assert affiliation_of(result, "Omar Vell") == "Harbour Front"


def test_a_country_found_in_any_article_wins_over_the_organisation_itself():
    result = merge_corpus_actors({
        "one": article(("Tarvian Rail Union", "organization", None)),
        "two": article(("Tarvian Rail Union", "organization", "Portugal")),
    })
    assert affiliation_of(result, "Tarvian Rail Union") == "Portugal"


def test_a_state_body_without_its_country_is_no_side_of_its_own():
    result = merge_corpus_actors({"one": article(("Fisheries Ministry", "organization", None),
                                                 ("Senate", "organization", None),
                                                 ("Chinese Fisheries Ministry", "organization", "China"))})
    assert affiliation_of(result, "Fisheries Ministry") is None
    assert affiliation_of(result, "Senate") is None
    assert affiliation_of(result, "Chinese Fisheries Ministry") == "China"


def test_descriptions_events_and_common_nouns_are_not_sides():
    assert own_side("organization", "His office") is None
    assert own_side("organization", "terror group") is None
    assert own_side("group", "Many countries") is None
    assert own_side("organization", "Lisbon Climate Summit") is None
    assert own_side("organization", "Vell Agreement") is None
    assert own_side("anonymous", "two officials") is None
    assert own_side("person", "Omar Vell") is None


def test_a_country_in_the_organisation_name_or_a_seat_of_power_is_its_side():
    assert own_side("organization", "Kenyan Fishers Party") == "Kenya"
    assert own_side("organization", "Workers Party of Chile") == "Chile"
    assert own_side("organization", "Vell’s White House") == "United States"


def test_international_bodies_have_one_spelling_in_every_form():
    result = merge_corpus_actors({
        "one": article(("U.N.", "organization", None), ("Lia Dorn", "person", "UN")),
        "two": article(("Ana Pell", "person", "United Nations"), ("EU", "organization", None)),
    })
    assert affiliation_of(result, "U.N.") == "United Nations"
    assert affiliation_of(result, "Lia Dorn") == affiliation_of(result, "Ana Pell") == "United Nations"
    assert affiliation_of(result, "EU") == "European Union"
    assert own_side("organization", "AOSIS") == "Alliance of Small Island States"


def test_short_forms_of_bodies_are_upper_case_only():
    assert canonical_affiliation("WHO") == "World Health Organization"
    assert canonical_affiliation("who") == "who"


def test_region_words_are_no_side():
    """"two Arab officials", "a European delegate": a region names no country and no body."""
    result = merge_corpus_actors({"one": article(("two Arab officials", "anonymous", "Arab"),
                                                 ("a European delegate", "anonymous", "European"),
                                                 ("a Kenyan delegate", "anonymous", "Kenya"))})
    assert affiliation_of(result, "two Arab officials") is None
    assert affiliation_of(result, "a European delegate") is None
    assert affiliation_of(result, "a Kenyan delegate") == "Kenya"


def test_an_outlet_quoted_as_a_source_is_its_own_side_never_a_guessed_country():
    result = merge_corpus_actors({"one": article(("Reuters", "media", None), ("Xinhua", "media", None))})
    assert affiliation_of(result, "Reuters") == "Reuters"
    assert affiliation_of(result, "Xinhua") == "Xinhua"


def test_a_person_of_an_organisation_takes_the_organisations_side():
    """"Ana Pell of the Workers Party of Chile": the party's side is Chile, so hers is too."""
    result = merge_corpus_actors({"one": article(("Workers Party of Chile", "organization", None),
                                                 ("Ana Pell", "person", "Workers Party of Chile"))})
    assert affiliation_of(result, "Ana Pell") == "Chile"


def test_an_unnamed_source_is_the_side_its_own_words_name():
    result = merge_corpus_actors({"one": article(("Harbour Front", "organization", None),
                                                 ("A senior Harbour Front official", "anonymous", None),
                                                 ("two senior officials", "anonymous", None),
                                                 ("A senior UN official", "anonymous", None))})
    assert affiliation_of(result, "A senior Harbour Front official") == "Harbour Front"
    assert affiliation_of(result, "A senior UN official") == "United Nations"
    assert affiliation_of(result, "two senior officials") is None


def spokesman(name):
    return {"key": "s", "name": name, "kind": "person", "role": "spokesman", "affiliation": None, "variants": [name]}


def test_a_bare_spokesman_speaks_for_the_one_side_the_articles_organisations_belong_to():
    one_side = article(("Chilean Fisheries Ministry", "organization", "Chile"), ("Reuters", "media", None),
                       ("Senate", "organization", None))
    one_side["actors"].append(spokesman("Luis Varga"))
    two_sides = article(("Chilean Fisheries Ministry", "organization", "Chile"), ("Harbour Front", "organization", None))
    two_sides["actors"].append(spokesman("Omar Tell"))
    unknown_body = article(("Chilean Fisheries Ministry", "organization", "Chile"),
                           ("Foreign Ministry", "organization", None))
    unknown_body["actors"].append(spokesman("Rui Mota"))
    result = merge_corpus_actors({"one": one_side, "two": two_sides, "three": unknown_body})
    assert affiliation_of(result, "Luis Varga") == "Chile"
    assert affiliation_of(result, "Omar Tell") is None
    assert affiliation_of(result, "Rui Mota") is None  # the ministry whose state is not said may be his


def test_an_organisation_whose_articles_disagree_lends_no_side():
    result = merge_corpus_actors({
        "one": article(("Harbour Guild", "organization", "Chile"), ("Ana Pell", "person", "Harbour Guild")),
        "two": article(("Harbour Guild", "organization", "Peru")),
    })
    assert affiliation_of(result, "Ana Pell") == "Harbour Guild"


def test_groups_of_people_are_no_side_of_their_own_but_named_blocs_are():
    assert own_side("group", "Protesters") is None
    assert own_side("group", "Finnish Americans") is None
    assert own_side("group", "Arab Group") == "Arab Group"


def test_party_names_have_one_spelling():
    result = merge_corpus_actors({"one": article(("GOP", "organization", None), ("one GOP source", "anonymous", None),
                                                 ("Ann Dale", "person", "Republican"),
                                                 ("Bo Reyes", "person", "Democrat"))})
    assert affiliation_of(result, "GOP") == affiliation_of(result, "one GOP source") == "Republican"
    assert affiliation_of(result, "Ann Dale") == "Republican"
    assert affiliation_of(result, "Bo Reyes") == "Democratic"


def test_a_persons_name_inside_a_group_is_no_organisations_side():
    """"Vell's family": Vell is a person here, even where the recogniser also filed "Vell" an organisation."""
    result = merge_corpus_actors({"one": article(("Vell", "organization", None), ("Omar Vell", "person", None),
                                                 ("Ana Vell", "person", None), ("Vell's family", "group", None))})
    assert affiliation_of(result, "Vell") == "Vell"  # two namesakes: the organisation stays one
    assert affiliation_of(result, "Vell's family") is None
