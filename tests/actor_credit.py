"""The speaker each quote of a short text is credited to, through the whole article stage (parse, quotes,
actors), for the actor tests."""
from data_prep.actors import resolve_article_actors
from data_prep.quotes import extract_quotes


def credited(nlp, text):
    """(every quote found in ``text`` with its credited actor, a dict or None; all the article's actors)."""
    doc = nlp(text)
    quotes = extract_quotes(doc)
    result = resolve_article_actors(doc, quotes)
    actors = {actor["key"]: actor for actor in result["actors"]}
    return [(quote, actors[key] if key else None) for quote, key in zip(quotes, result["quote_keys"])], result["actors"]
