"""Names that are not people: bare titles, places, facilities and capitalised common nouns never become
person actors, and a title or nickname in front of a name is the same person."""
import pytest

from actor_credit import credited
from data_prep.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def build(nlp, text):
    quotes, actors = credited(nlp, text)
    people = sorted(a["name"] for a in actors if a["kind"] == "person")
    return people, [(q.text, actor["name"] if actor else None) for q, actor in quotes]


def test_country_and_title_before_a_name_are_not_part_of_it(nlp):
    text = ("Egyptian President Omar Fathy, Qatar Emir Faisal bin Khalid Al Nasr and Turkish President Ali "
            "Demir signed the deal on Monday. Sheikh Faisal bin Khalid Al Nasr said the deal was historic.")
    people, _ = build(nlp, text)
    assert "Faisal bin Khalid Al Nasr" in people
    assert not any(name.startswith(("Qatar", "Emir")) for name in people)


def test_a_bare_title_is_no_person(nlp):
    text = ("The summit was attended by President Omar Fathy and Emir of Qatar Sheikh Faisal bin Khalid Al Nasr. "
            "Besides Presidents Fathy and Demir, the gathering drew twenty leaders.")
    people, _ = build(nlp, text)
    assert not any(name in ("Emir", "Emir Sheikh") or name.startswith("Presidents") for name in people), people


def test_nickname_is_the_named_person(nlp):
    text = ("US President Donald Keller announced new tariffs on Friday. "
            "The Don said: \"Starting soon, we will charge a Tariff of 50% on all imports.\"")
    people, speakers = build(nlp, text)
    assert people == ["Donald Keller"]
    assert [name for words, name in speakers if "Starting soon" in words] == ["Donald Keller"]


def test_capitalised_common_nouns_are_no_people(nlp):
    text = ("Delegates argued over fossil fuels and tariffs. \"We will put a Tariff on every import,\" the "
            "minister said. Phasing Out Fossil Fuels is the hardest part, the envoy said.")
    people, _ = build(nlp, text)
    assert "Tariff" not in people and "Fossil Fuels" not in people


def test_towns_territories_and_island_states_are_no_people(nlp):
    text = ("Power cuts hit Gaza City and Khan Younis overnight. Vanuatu and Micronesia "
            "pressed for cheaper shipping for small island states. Khan Younis had no water by noon, medics said.")
    people, _ = build(nlp, text)
    assert "Khan Younis" not in people and "Vanuatu" not in people and "Micronesia" not in people, people


def test_a_name_before_a_facility_noun_is_that_place(nlp):
    text = ("Buses queued at the Rafah crossing until dusk. Inspectors toured the Fukushima "
            "Dai-ichi nuclear power plant on Tuesday.")
    people, _ = build(nlp, text)
    assert not any(name.startswith(("Rafah", "Fukushima")) for name in people), people


def test_events_agreements_and_open_brackets_are_no_organisations(nlp):
    text = ("Delegates at the Peace Summit praised the Paris Agreement. The United Nations Framework Convention on "
            "Climate Change (COP30 talks) met on Monday.")
    _, actors = credited(nlp, text)
    names = {actor["name"] for actor in actors}
    assert not names & {"Peace Summit", "Paris Agreement"}
    assert not any("(" in name for name in names)
