"""Quotes for many articles at once, in the PolNeAR prediction format (shared/eval/quotes/README.md)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from data_prep.actors import resolve_article_actors
from data_prep.nlp import DEFAULT_BATCH_SIZE, parse
from data_prep.quote_record import QuoteRecord
from data_prep.quotes.extract import extract_attributions


def as_prediction(quote: QuoteRecord, speaker_actor: dict | None = None) -> dict:
    """One attribution in the prediction format, with its kind (speech, belief or act); a pronoun source
    is named by the actor it was resolved to."""
    plain = quote.as_dict()
    name = plain["speaker_name"]
    if quote.speaker_is_pronoun and speaker_actor is not None:
        name = speaker_actor["name"]
    keys = ("quote_text", "quote_start", "quote_end", "quote_spans", "cue", "cue_start", "cue_end",
            "speaker_start", "speaker_end", "speaker_is_pronoun", "attribution")
    return {**{key: plain[key] for key in keys}, "type": plain["quote_type"], "speaker": plain["speaker_text"],
            "speaker_name": name}


def predict_records(records: Iterable[dict], nlp: Language | None = None,
                    batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[dict]:
    """For each {"id", "text", ...} record, {"id", "quotes": [...]}; every text is parsed once.
    A record without a text string counts as an empty article (no quotes) rather than stopping the rest."""
    records = list(records)
    texts = (record.get("text") if isinstance(record.get("text"), str) else "" for record in records)
    for record, doc in zip(records, parse(texts, nlp=nlp, batch_size=batch_size)):
        yield {"id": record.get("id"), "quotes": article_predictions(doc)}


def article_predictions(doc: Doc) -> list[dict]:
    """One parsed article's attributions in the prediction format. PolNeAR annotates beliefs and acts
    too, and a headline attribution apart from the body's. A quoted passage that no cue introduces and
    no one is credited with (a title, a scare quote, words the article never attributes) is no
    attribution: PolNeAR annotates none without a cue (on its train split 4 of 168 such passages
    overlapped a gold attribution with the right source)."""
    quotes = extract_attributions(doc, keep_repeated_headlines=True)
    actors = resolve_article_actors(doc, quotes)
    by_key = {actor["key"]: actor for actor in actors["actors"]}
    credited = [(quote, by_key.get(key)) for quote, key in zip(quotes, actors["quote_keys"])]
    return [as_prediction(quote, actor) for quote, actor in credited
            if quote.cue is not None or quote.speaker is not None or actor is not None]
