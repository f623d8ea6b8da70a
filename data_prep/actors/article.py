"""One article's actors, stage by stage: named entities into the mention book, affiliations, pronoun
evidence, job titles linked to their holders, then the actor behind each quote's speaker."""
from __future__ import annotations

from spacy.tokens import Doc

from data_prep.actors.book import MentionBook
from data_prep.actors.descriptions import link_descriptions
from data_prep.actors.entities import EntityCollector
from data_prep.actors.pronouns import PronounResolver, collect_gender_votes
from data_prep.actors.speakers import SpeakerResolver
from data_prep.quote_record import QuoteRecord


def resolve_article_actors(doc: Doc, quotes: list[dict]) -> dict:
    """Actors, mentions and the actor key of each quote's speaker for one parsed article."""
    records = [QuoteRecord.of(quote) for quote in quotes or []]
    book = MentionBook(doc, records)
    entities = EntityCollector(book)
    entities.collect()
    book.settle_affiliations()
    collect_gender_votes(book)
    link_descriptions(book)
    speakers = SpeakerResolver(book, entities, PronounResolver(book))
    keys = [speakers.speaker_key(quote) for quote in records]
    return book.result(keys, [speakers.co_speaker_keys(quote, key) for quote, key in zip(records, keys)])
