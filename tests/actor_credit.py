"""The speaker each quote of a short text is credited to, through the whole article stage (parse, quotes,
actors), for the actor tests."""
import pytest

from data_prep.actors import resolve_article_actors
from data_prep.nlp import load_pipeline
from data_prep.quotes import extract_quotes


def credited(nlp, text):
    """(every quote found in ``text`` with its credited actor, a dict or None; all the article's actors)."""
    doc = nlp(text)
    quotes = extract_quotes(doc)
    result = resolve_article_actors(doc, quotes)
    actors = {actor["key"]: actor for actor in result["actors"]}
    return [(quote, actors[key] if key else None) for quote, key in zip(quotes, result["quote_keys"])], result["actors"]


@pytest.fixture(scope="module")
def nlp():
    """The pipeline, loaded once per test module (import this fixture with ``credited``)."""
    return load_pipeline()


def speaker(nlp, text, words):
    """(name, kind) of the actor credited with the first quote containing ``words``; (None, None) for no one."""
    quotes, _ = credited(nlp, text)
    found = [(actor["name"], actor["kind"]) if actor else (None, None) for q, actor in quotes if words in q.text]
    assert found, f"no quote containing {words!r} in {[q.text for q, _ in quotes]}"
    return found[0]
