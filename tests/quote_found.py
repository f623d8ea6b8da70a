"""What the quote stage finds in a short text, for the quote tests: the quotes (speech only) and every
attribution (speech, beliefs and acts), as dicts."""
import pytest

from data_prep.nlp import load_pipeline
from data_prep.quotes import extract_attributions, extract_quotes


@pytest.fixture(scope="module")
def nlp():
    """The pipeline, loaded once per test module (import this fixture with the helpers)."""
    return load_pipeline()


def quotes(nlp, text):
    return [quote.as_dict() for quote in extract_quotes(nlp(text))]


def attributions(nlp, text):
    return [quote.as_dict() for quote in extract_attributions(nlp(text))]


def only(found):
    assert len(found) == 1, found
    return found[0]
