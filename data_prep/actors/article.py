"""One article's actors, stage by stage: named entities into the mention book, affiliations, pronoun
evidence, job titles linked to their holders, then the actor behind each quote's speaker."""
from __future__ import annotations

from spacy.tokens import Doc

from data_prep.actors.book import QUOTED, MentionBook
from data_prep.actors.continuations import added_speakers, continued_speakers
from data_prep.actors.descriptions import link_descriptions
from data_prep.actors.entities import EntityCollector
from data_prep.actors.pronouns import PronounResolver
from data_prep.actors.speakers import SpeakerResolver
from data_prep.labels import pronoun_kind
from data_prep.quote_record import QuoteRecord

# Pronouns inside a quote that can name someone the speaker takes a position on ("He would like to end
# the war" about Putin); possessives and reflexives are left out.
TARGET_PRONOUNS = frozenset({"he", "him", "she", "her"})


def resolve_article_actors(doc: Doc, quotes: list[dict]) -> dict:
    """Actors, mentions and the actor key of each quote's speaker for one parsed article."""
    records = [QuoteRecord.of(quote) for quote in quotes or []]
    book, entities, pronouns = collect_article_mentions(doc, records)
    speakers = SpeakerResolver(book, entities, pronouns)
    keys = continued_speakers(book.text, records, [speakers.speaker_key(quote) for quote in records])
    keys = added_speakers(book, records, keys)
    mention_quoted_pronouns(book, pronouns, records, keys)
    return book.result(keys, [speakers.co_speaker_keys(quote, key) for quote, key in zip(records, keys)])


def collect_article_mentions(doc: Doc, records: list[QuoteRecord]) -> tuple[MentionBook, EntityCollector,
                                                                          PronounResolver]:
    """The stages before any quote's speaker is resolved: named entities into the mention book, their
    affiliations, what pronouns say about who is a person and of which pronoun, job titles linked to
    their holders; and the article's pronoun resolver."""
    book = MentionBook(doc, records)
    entities = EntityCollector(book)
    entities.collect()
    book.settle_affiliations()
    pronouns = PronounResolver(book)
    pronouns.name_people_by_pronouns()
    pronouns.collect_gender_votes()
    link_descriptions(book)
    return book, entities, pronouns


def mention_quoted_pronouns(book: MentionBook, pronouns: PronounResolver, records: list[QuoteRecord],
                            speaker_keys: list[str | None]) -> None:
    """He/she/him/her inside quotation marks, resolved by the pronoun resolver, become mentions of that
    person, so the stance stage can read what the speaker says about them. There the pronoun is never
    the speaker (who would say "I"). In reported speech ("Kell said he would ...") it is mostly the
    speaker, also when the speaker is unresolved, and a wrong antecedent there would chart a stance
    toward the wrong person, so those pronouns are left alone."""
    marks = [(m.start(), m.end()) for m in QUOTED.finditer(book.text)]
    for quote, speaker in zip(records, speaker_keys):
        for start, end in quote.spans:
            span = book.doc.char_span(start, end, alignment_mode="contract")
            for token in pronouns.gendered_pronouns(span.start, span.end) if span is not None else ():
                if token.lower_ in TARGET_PRONOUNS and pronoun_kind(token.text) and book.actor_of_token(token.i) is None \
                        and any(s <= token.idx < e for s, e in marks):
                    actor = pronouns.resolve(token.i, exclude=speaker)
                    if actor is not None and actor.kind == "person":
                        book.add_mention(actor, token.idx, token.idx + len(token), token.i)
