"""Headline speakers: a title-only speaker is the holder the body names with that title, or nobody; a
place never speaks, a capital speaks for its country."""
import pytest

from actor_credit import credited
from data_prep.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def headline_speaker(nlp, text):
    """(name, kind) of the actor credited with the headline's quote."""
    quotes, _ = credited(nlp, text)
    found = [(actor["name"], actor["kind"]) if actor else (None, None) for q, actor in quotes if q.headline]
    assert found, f"no headline quote in {[q.text for q, _ in quotes]}"
    return found[0]


@pytest.mark.parametrize("text, expected", [
    ("Brazilian leader calls out slow land reform\n\nColombian President Ana Ruiz and Brazilian President Carlos "
     "Mendes opened the fair on Thursday.", ("Carlos Mendes", "person")),
    ("Port plan a 'half measure' - EU transport chief\n\nEU transport chief Jan Vries has rejected new subsidies. "
     "\"This is a half measure,\" Mr Vries said.", ("Jan Vries", "person")),
    ("Japanese envoy warns of 'consequences'\n\nJapan's ambassador Kenji Sato met officials on Monday. Prime "
     "Minister Yui Mori said the talks would go on.", ("Kenji Sato", "person")),
    # the body gives the ambassador no country, but the country's prime minister one
    ("Japanese envoy warns of 'consequences'\n\nPrime Minister Yui Mori of Japan spoke on Monday. Vice Foreign "
     "Minister Li Wen called in Ambassador Kenji Sato on Thursday.", ("Kenji Sato", "person")),
])
def test_headline_title_is_the_holder_the_body_names(nlp, text, expected):
    assert headline_speaker(nlp, text) == expected


def test_headline_title_the_body_names_no_one_for_is_unresolved(nlp):
    text = ("Brazilian leader calls out slow land reform\n\nThe fair opened under grey skies on Thursday with "
            "about forty stalls.")
    assert headline_speaker(nlp, text) == (None, None)


def test_headline_unnamed_aide_stays_an_unnamed_source(nlp):
    text = "Kremlin aide says visit 'productive'\n\nThe visit to Minsk ended on Monday without a deal."
    assert headline_speaker(nlp, text) == ("Kremlin aide", "anonymous")


@pytest.mark.parametrize("text, expected", [
    ("Oslo says talks with Lima were 'useful'\n\nThe talks in Geneva ended on Monday without a deal.",
     ("Norway", "country")),
    ("Gaza says strikes broke the 'truce'\n\nThe strikes hit the south on Monday.", (None, None)),
])
def test_headline_capital_is_its_country_and_a_region_no_one(nlp, text, expected):
    assert headline_speaker(nlp, text) == expected
