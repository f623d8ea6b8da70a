"""The headline: where it ends, and whether the body carries a headline's attribution again.

Article texts start with their headline and a blank line (ingest's ``with_title``; the news corpora
do the same). "Trump Says He Believes Russia Wants Peace" over a body where Trump says he believes
Putin wants peace is one statement, not two: the body's quote stands, and a headline quote is kept
(marked as headline) only when the body does not carry it. A headline quote with no speaker ("“We Close
a Sad Chapter”") is carried by a body quote repeating all its content words, whoever said it there.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from data_prep.quote_record import QuoteRecord

# A first paragraph longer than this, or of several sentences, is a lead, not a headline.
MAX_HEADLINE_WORDS = 30
WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Words compared by their first letters, so that "Vows"/"vowed" and "Believes"/"believe" meet.
STEM_LETTERS = 4
LEAD_ENDING = re.compile(r"\b[a-z][\w'’-]*[.]$")
# A Title Case headline has lower-case function words only; a first paragraph ending on a full stop
# with at least this many lower-case words of four letters or more is a sentence, a one-sentence lead.
LOWER_CASE_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]{3,}")
MIN_LOWER_CASE_WORDS_OF_LEAD = 4
# A headline quote with no speaker is the body's quote again only when the body quote repeats at least
# this many of its content words (all of them): one shared word is chance.
MIN_WORDS_CARRIED_WITHOUT_SPEAKER = 2
SAYING_WORDS = frozenset({"say", "says", "said", "saying", "tell", "tells", "told"})


def headline_end(text: str) -> int:
    """Offset where the headline ends, or 0 when the text does not open with one."""
    end = text.find("\n\n")
    if end <= 0:
        return 0
    first = text[:end].strip()
    if not first or "\n" in first or len(first.split()) > MAX_HEADLINE_WORDS:
        return 0
    if re.search(r"[.!?][\"'”’]?\s+[A-Z]", first):
        return 0  # two sentences: a lead paragraph
    if LEAD_ENDING.search(first):
        return 0  # a sentence ending on a full stop after a lower-case word: a one-sentence lead
    if first.endswith(".") and len(LOWER_CASE_WORD.findall(first)) >= MIN_LOWER_CASE_WORDS_OF_LEAD:
        return 0  # "... as the conference opened in the Amazon.": a sentence in sentence case
    return end


def _stems(text: str | None, leave_out: set[str] = frozenset()) -> set[str]:
    words = (word.lower() for word in WORD.findall(text or ""))
    return {word[:STEM_LETTERS] for word in words
            if word not in STOP_WORDS and word not in SAYING_WORDS and word not in leave_out}


def _same_speaker(first: QuoteRecord, second: QuoteRecord) -> bool:
    """Speakers match when one name's words contain the other's ("Trump", "Donald Trump"); a headline's
    country possessive is the country's demonym in the body ("Kenya's Ruto", "Kenyan President William Ruto"),
    so possessive words are left out."""
    one, other = (_name_words(quote.speaker_name_text) for quote in (first, second))
    return bool(one) and bool(other) and (one <= other or other <= one)


def _name_words(name: str | None) -> set[str]:
    return {word for word in WORD.findall((name or "").lower()) if not word.endswith(("'s", "’s"))}


def carried_by_body(headline_quote: QuoteRecord, body_quotes: list[QuoteRecord]) -> bool:
    """A body quote by the same speaker shares a content word with the headline quote; a headline
    quote with no speaker is carried by a body quote holding all its content words ("We Close a Sad
    Chapter" over a body's "would “close a sad chapter”"). Words are compared in lower case, as
    headlines are in Title Case."""
    speaker_words = set(WORD.findall((headline_quote.speaker_name_text or "").lower()))
    words = _stems(headline_quote.text, speaker_words)
    if not headline_quote.speaker_text:
        return len(words) >= MIN_WORDS_CARRIED_WITHOUT_SPEAKER and any(
            words <= _stems(quote.text) for quote in body_quotes)
    return any(_same_speaker(headline_quote, quote) and words & _stems(quote.text, speaker_words)
               for quote in body_quotes)


def mark_headline(quotes: list[QuoteRecord], text: str, keep_repeated: bool) -> list[QuoteRecord]:
    """Every quote gets ``headline`` (whether it lies in the headline); a headline quote the body
    carries is left out unless ``keep_repeated`` (PolNeAR's gold counts headline attributions apart)."""
    end = headline_end(text)
    quotes = [replace(quote, headline=quote.start is not None and quote.start < end) for quote in quotes]
    if keep_repeated or not end:
        return quotes
    body = [quote for quote in quotes if not quote.headline]
    return [quote for quote in quotes if not quote.headline or not carried_by_body(quote, body)]
