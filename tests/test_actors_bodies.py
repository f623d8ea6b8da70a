"""Bodies as speakers: a state body's country from the article, the movement a description stands for,
a presidential palace as its presidency, a named document that is not the one before it, and words
that are no one's name."""
import pytest
from spacy.tokens import Span

from actor_credit import credited, nlp, speaker  # noqa: F401 (nlp is a fixture)
from data_prep.actors import resolve_article_actors


@pytest.mark.parametrize("text, words, expected", [
    # the country written right before the body
    ("Ruiz met Tanaka on Monday. Peru’s Commerce Ministry confirmed Lima would “review the quotas” "
     "it set last year.", "review the quotas", ("Peruvian Commerce Ministry", "organization")),
    # the same body with its country elsewhere in the article
    ("Japan's Foreign Ministry summoned the envoy. Later the Foreign Ministry said the talks would go on.",
     "talks would go on", ("Japanese Foreign Ministry", "organization")),
    # in the title of a person whose country the article gives
    ("Foreign Ministry spokesperson Rui Matos, a Portuguese diplomat, spoke on Monday. The Foreign Ministry "
     "said it regretted the move.", "regretted the move", ("Portuguese Foreign Ministry", "organization")),
    # nothing says which state: as written
    ("The talks ended on Monday. The Foreign Ministry said it regretted the move.", "regretted the move",
     ("Foreign Ministry", "organization")),
])
def test_state_body_takes_the_country_the_article_gives(nlp, text, words, expected):
    assert speaker(nlp, text, words) == expected


@pytest.mark.parametrize("text, words, expected", [
    ("Israel and the Popular Front traded accusations on Monday. The militant movement said the strikes broke "
     "the truce.", "broke the truce", ("Popular Front", "organization")),
])
def test_the_group_is_the_movement_named_just_before(nlp, text, words, expected):
    assert speaker(nlp, text, words) == expected


def test_the_group_in_a_leaders_announcement_is_the_leaders_movement(nlp):
    text = ("Popular Front leader in Tarvo Omar Saleh announced on Thursday that the militant group had issued "
            "a statement confirming the release of all prisoners.")
    quotes, _ = credited(nlp, text)
    by_source = {q.speaker_text: actor["name"] if actor else None for q, actor in quotes}
    assert by_source["the militant group"] == "Popular Front"


def test_a_ministry_is_not_the_group(nlp):
    text = "The Foreign Ministry of Peru met on Monday. The rebel group said the strikes broke the truce."
    assert speaker(nlp, text, "broke the truce") == ("rebel group", "organization")


def test_a_presidential_palace_speaks_as_the_presidency(nlp):
    text = "The ferry route to the islands will reopen in spring, according to an Ittihadiya statement."
    assert speaker(nlp, text, "ferry route") == ("Egyptian presidency", "organization")


def test_a_named_declaration_is_not_the_announcement_before_it(nlp):
    text = ("Norway’s announcement was welcomed. The scheme builds on the Bergen Declaration, signed by a group of "
            "states including Iceland and Denmark. The declaration calls for a ban on deep-sea mining.")
    # nor the unnamed "group of states" that signed it: the declaration speaks as itself
    assert speaker(nlp, text, "deep-sea mining") == ("Bergen Declaration", "anonymous")


def test_an_adjective_the_recogniser_tagged_a_person_is_no_person(nlp):
    doc = nlp("Rich and poor states will argue about money for the coasts.")
    assert doc[0].tag_ == "JJ"
    doc.ents = [Span(doc, 0, 1, label="PERSON")]  # the recogniser's mistake, as seen at a sentence start
    assert resolve_article_actors(doc, [])["actors"] == []


def test_a_ministry_of_a_country_named_after_it(nlp):
    text = "The ministry of foreign affairs of Peru said in a statement that it rejected the claims."
    assert speaker(nlp, text, "rejected the claims") == ("Peruvian Foreign Ministry", "organization")


@pytest.mark.parametrize("text, words, expected", [
    ("The Peruvian military said it had struck the camps. The army said the strikes answered an attack.",
     "answered an attack", ("Peruvian military", "organization")),
    ("The Guardian reported on Monday that the talks had stalled. Citing unnamed officials, the newspaper said "
     "a deal was unlikely.", "a deal was unlikely", ("The Guardian", "media")),
])
def test_a_description_of_a_body_or_outlet_is_the_one_named_before(nlp, text, words, expected):
    assert speaker(nlp, text, words) == expected
