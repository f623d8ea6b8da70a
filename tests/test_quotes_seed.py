"""Every quote of the seed article, checked against the hand annotation in tests/gold/seed_quotes.json."""
import json
import re
from pathlib import Path

import pytest

from data_prep.actors import resolve_article_actors
from data_prep.nlp import load_pipeline
from data_prep.quotes import extract_quotes

REPO = Path(__file__).resolve().parents[1]
GOLD = json.loads((REPO / "tests" / "gold" / "seed_quotes.json").read_text(encoding="utf-8"))
TERMINAL = (".", "!", "?", "”", '"')


def cleaned_seed_text(raw: str) -> str:
    """Minimal stand-in for ingest: links to text, headline + prose paragraphs, broken sentence joined."""
    raw = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", raw)
    paragraphs = [paragraph.strip() for paragraph in raw.split("\n\n") if paragraph.strip()]
    title = next(paragraph[2:] for paragraph in paragraphs if paragraph.startswith("# "))
    body: list[str] = []
    for paragraph in paragraphs:
        if paragraph.startswith(("#", "*", "<", "Original url")) or len(paragraph.split()) < 12 and body \
                and body[-1].endswith(TERMINAL):
            continue
        if body and not body[-1].endswith(TERMINAL):
            body[-1] += " " + paragraph
        elif len(paragraph.split()) >= 12:
            body.append(paragraph)
    return "\n\n".join([title] + body)


@pytest.fixture(scope="module")
def seed():
    raw = (REPO / GOLD["article"]).read_text(encoding="utf-8")
    text = cleaned_seed_text(raw)
    doc = load_pipeline()(text)
    records = extract_quotes(doc)
    actors = resolve_article_actors(doc, records)  # pronoun sources are named by the actor stage
    names = {actor["key"]: actor["name"] for actor in actors["actors"]}
    quotes = [record.as_dict() for record in records]
    for quote, key in zip(quotes, actors["quote_keys"]):
        if quote["speaker_is_pronoun"]:
            quote["speaker_name"] = names.get(key)
    return text, quotes


def test_cleaning_joins_the_broken_sentence_and_drops_furniture(seed):
    text, _ = seed
    assert "the American delegation" in text
    assert "Related article" not in text and "Original url" not in text and "**" not in text


def covering(quotes, text, passage):
    start = text.index(passage)
    end = start + len(passage)
    return [q for q in quotes if any(s <= start and end <= e for s, e in q["quote_spans"])
            or (q["quote_start"] <= start and end <= q["quote_end"] and q["quote_type"] != "direct")]


@pytest.mark.parametrize("gold", GOLD["quotes"], ids=[g["text"][:40] for g in GOLD["quotes"]])
def test_seed_quote_found_with_its_speaker(seed, gold):
    text, quotes = seed
    found = covering(quotes, text, gold["text"])
    assert found, f"no quote covers {gold['text']!r}"
    quote = min(found, key=lambda q: q["quote_end"] - q["quote_start"])
    assert gold["speaker_name"] in (quote["speaker_name"] or ""), quote
    assert quote["speaker_text"] == gold["speaker_text"]
    assert quote["quote_type"] == gold["type"]


def test_agency_is_never_a_speaker(seed):
    _, quotes = seed
    assert not any("AFP" in (q["speaker_text"] or "") for q in quotes)


def test_every_gold_quote_and_few_others(seed):
    """Precision on the seed: at most a few extra attributions beyond the annotated ones."""
    text, quotes = seed
    matched = {id(q) for gold in GOLD["quotes"] for q in covering(quotes, text, gold["text"])}
    extra = [q for q in quotes if id(q) not in matched]
    assert len(extra) <= 2, [q["quote_text"] for q in extra]


def test_reporters_contrast_is_not_part_of_trumps_words(seed):
    text, quotes = seed
    first = next(q for q in quotes if q["speaker_text"] == "U.S. President Donald Trump")
    assert first["quote_text"].endswith("wants to end the war in Ukraine")
    assert "even as" not in first["quote_text"]


def test_headline_gives_no_quote_the_body_carries(seed):
    text, quotes = seed
    assert not any(q["headline"] for q in quotes)
    assert not any("Putin Vows" in q["quote_text"] for q in quotes)
