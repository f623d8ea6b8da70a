"""The seed article against its actor table written by hand (tests/gold/seed_actors.json)."""
import json
import re
from pathlib import Path

import pytest

from data_prep.actors import merge_corpus_actors, resolve_article_actors
from data_prep.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
GOLD = json.loads((ROOT / "tests/gold/seed_actors.json").read_text(encoding="utf-8"))


def clean_markdown(text: str) -> str:
    """Minimal cleaning: link targets, emphasis and the trailing URL block go; the wording stays."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\*+", "", text)
    return text.split("Original url:")[0].strip()


def hand_quote(text: str, gold: dict) -> dict:
    start = text.index(gold["quote_starts"])
    end = start + len(gold["quote_starts"])
    pattern = re.compile(rf"\b{re.escape(gold['speaker_text'])}\b")
    if gold["speaker_before"]:
        speaker_start = [m.start() for m in pattern.finditer(text, 0, start)][-1]
    else:
        speaker_start = pattern.search(text, end).start()
    speaker_end = speaker_start + len(gold["speaker_text"])
    return {"quote_text": gold["quote_starts"], "quote_start": start, "quote_end": end,
            "quote_spans": [[start, end]], "quote_type": "direct", "cue": None, "cue_start": None, "cue_end": None,
            "speaker_text": gold["speaker_text"], "speaker_start": speaker_start, "speaker_end": speaker_end,
            "speaker_is_pronoun": gold["speaker_text"].lower() == "he", "speaker_name": None,
            "speaker_name_start": None, "speaker_name_end": None}


@pytest.fixture(scope="module")
def seed():
    text = clean_markdown((ROOT / GOLD["article"]).read_text(encoding="utf-8"))
    quotes = [hand_quote(text, gold) for gold in GOLD["quotes"]]
    result = resolve_article_actors(load_pipeline()(text), quotes)
    return text, result


def test_every_gold_actor_is_found_once_with_kind_role_and_affiliation(seed):
    _, result = seed
    found = {actor["name"]: actor for actor in result["actors"]}
    assert len(found) == len(result["actors"]), "two actors with the same name"
    for gold in GOLD["actors"]:
        assert gold["name"] in found, f"missing {gold['name']}"
        actor = found[gold["name"]]
        assert (actor["kind"], actor["role"], actor["affiliation"]) == \
            (gold["kind"], gold["role"], gold["affiliation"]), gold["name"]


def test_no_duplicates_and_no_invented_actors(seed):
    _, result = seed
    allowed = {gold["name"] for gold in GOLD["actors"]} | set(GOLD["acceptable_extras"])
    assert sorted(a["name"] for a in result["actors"] if a["name"] not in allowed) == []


def test_mentions_of_the_main_people(seed):
    _, result = seed
    key_of = {actor["name"]: actor["key"] for actor in result["actors"]}
    for name, expected in GOLD["mentions"].items():
        texts = {m["text"] for m in result["mentions"] if m["key"] == key_of[name]}
        assert set(expected) <= texts, name


def test_every_quote_goes_to_its_speaker(seed):
    _, result = seed
    name_of = {actor["key"]: actor["name"] for actor in result["actors"]}
    assert [name_of.get(key) for key in result["quote_keys"]] == [gold["speaker"] for gold in GOLD["quotes"]]


def test_seed_as_a_dataset_has_one_row_per_actor(seed):
    _, result = seed
    corpus = merge_corpus_actors({"seed": result})
    assert len(corpus.actors) == len(result["actors"])
    trump = corpus.actors.set_index("name").loc["Donald Trump"]
    assert trump["n_quotes"] == 5
