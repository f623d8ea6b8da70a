"""The stances table built from quotes, mentions and actors."""
from __future__ import annotations

import pandas as pd
import pytest

from data_prep import schema
from data_prep.stance import get_backend, load_targets, stance_rows
from data_prep.stance.targets import parse_targets

ARTICLE = ('Mayor Ortiz said: "We reject the sanctions that Ortiz and Kell demanded, and Kell should '
           'be ashamed." Kell did not reply.')


def span_of(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def frames(quote_spans, speaker="ortiz"):
    quote_text = " ".join(ARTICLE[s:e] for s, e in quote_spans)
    quotes = schema.frame_from_rows(schema.QUOTES, [{
        "quote_id": "q1", "article_id": "a1", "quote_text": quote_text,
        "quote_start": quote_spans[0][0], "quote_end": quote_spans[-1][1],
        "quote_spans": [list(s) for s in quote_spans], "actor_id": speaker}])
    mention_spans = [("ortiz", "Mayor Ortiz", 0), ("ortiz", "Ortiz", 1), ("kell", "Kell", 0),
                     ("kell", "Kell", 1), ("kell", "Kell", 2)]
    mentions = schema.frame_from_rows(schema.MENTIONS, [
        {"article_id": "a1", "actor_id": actor, "start": span_of(ARTICLE, text, nth)[0],
         "end": span_of(ARTICLE, text, nth)[1], "text": text} for actor, text, nth in mention_spans])
    actors = schema.frame_from_rows(schema.ACTORS, [
        {"actor_id": "ortiz", "name": "Ana Ortiz", "kind": "person"},
        {"actor_id": "kell", "name": "Robert Kell", "kind": "person"}])
    return quotes, mentions, actors


QUOTE_SPAN = span_of(ARTICLE, "We reject the sanctions that Ortiz and Kell demanded, and Kell should be ashamed.")


@pytest.fixture(scope="module")
def lexicon():
    return get_backend("lexicon")


def test_rows_have_exactly_the_stances_columns(lexicon):
    table = stance_rows(*frames([QUOTE_SPAN]), lexicon, load_targets())
    assert list(table.columns) == schema.columns(schema.STANCES)
    assert set(table["label"]) <= set(schema.STANCE_LABELS)
    assert table["confidence"].between(0, 1).all()
    assert table["backend"].str.startswith("lexicon ").all()


def test_actor_inside_quote_is_a_target_once_and_speaker_never(lexicon):
    table = stance_rows(*frames([QUOTE_SPAN]), lexicon, load_targets())
    actor_rows = table[table["target_kind"] == "actor"]
    assert actor_rows["target"].tolist() == ["Robert Kell"]   # two mentions, one row; Ortiz is the speaker
    assert actor_rows["label"].iloc[0] == "against"


def test_without_known_speaker_a_mentioned_actor_is_a_target(lexicon):
    table = stance_rows(*frames([QUOTE_SPAN], speaker=None), lexicon, load_targets())
    assert set(table.loc[table["target_kind"] == "actor", "target"]) == {"Ana Ortiz", "Robert Kell"}


def test_mention_outside_the_quote_is_not_a_target(lexicon):
    quote_span = span_of(ARTICLE, "We reject the sanctions that Ortiz")
    table = stance_rows(*frames([quote_span]), lexicon, load_targets())
    assert "Robert Kell" not in set(table["target"])


def test_discontinuous_quote_maps_mentions_into_quote_text(lexicon):
    first = span_of(ARTICLE, "We reject the sanctions")
    second = span_of(ARTICLE, "Kell should be ashamed.")
    table = stance_rows(*frames([first, second]), lexicon, load_targets())
    assert "Robert Kell" in set(table["target"])


def test_topics_come_from_the_targets_file(lexicon):
    topics = parse_targets("target,aliases\nEconomic penalties,sanctions|embargo\nNATO,NATO\n")
    table = stance_rows(*frames([QUOTE_SPAN]), lexicon, topics)
    topic_rows = table[table["target_kind"] == "topic"]
    assert topic_rows["target"].tolist() == ["Economic penalties"]
    assert topic_rows["label"].iloc[0] == "against"
    assert "reject" in topic_rows["evidence"].iloc[0]


def test_no_backend_gives_an_empty_table_with_the_columns():
    table = stance_rows(*frames([QUOTE_SPAN]), None, load_targets())
    assert table.empty and list(table.columns) == schema.columns(schema.STANCES)


def test_no_quotes_no_rows(lexicon):
    _, mentions, actors = frames([QUOTE_SPAN])
    table = stance_rows(schema.empty_frame(schema.QUOTES), mentions, actors, lexicon, load_targets())
    assert table.empty and list(table.columns) == schema.columns(schema.STANCES)


def test_broken_rows_are_skipped_without_losing_the_others(lexicon):
    quotes, mentions, actors = frames([QUOTE_SPAN])
    broken_quote = schema.frame_from_rows(schema.QUOTES, [{"quote_id": "q2", "article_id": "a1"}])
    broken_mention = schema.frame_from_rows(schema.MENTIONS, [
        {"article_id": "a1", "actor_id": "kell", "start": None, "end": None, "text": None}])
    table = stance_rows(pd.concat([quotes, broken_quote], ignore_index=True),
                        pd.concat([mentions, broken_mention], ignore_index=True), actors, lexicon,
                        load_targets())
    assert set(table["quote_id"]) == {"q1"}
    assert "Robert Kell" in set(table["target"])


def _single_quote(text: str, actors: list[tuple[str, str, str]]):
    """One quote that is the whole article text; ``actors`` are (id, mention text, kind)."""
    quotes = schema.frame_from_rows(schema.QUOTES, [{
        "quote_id": "q1", "article_id": "a1", "quote_text": text, "quote_start": 0, "quote_end": len(text),
        "quote_spans": [[0, len(text)]], "actor_id": None}])
    mentions = schema.frame_from_rows(schema.MENTIONS, [
        {"article_id": "a1", "actor_id": actor, "start": text.index(surface),
         "end": text.index(surface) + len(surface), "text": surface} for actor, surface, _ in actors])
    actor_rows = schema.frame_from_rows(schema.ACTORS, [
        {"actor_id": actor, "name": surface, "kind": kind} for actor, surface, kind in actors])
    return quotes, mentions, actor_rows


def test_places_used_as_settings_and_unnamed_sources_are_not_targets(lexicon):
    text = "We met Delmar at the Grand Palace and in Velora, and officials praised Norland for its help."
    table = stance_rows(*_single_quote(text, [
        ("p", "Delmar", "person"), ("g", "Grand Palace", "organization"), ("v", "Velora", "country"),
        ("o", "officials", "anonymous"), ("n", "Norland", "country")]), lexicon, [])
    assert sorted(table["target"]) == ["Delmar", "Norland"]


def test_a_country_as_a_party_is_a_target_even_after_a_preposition(lexicon):
    text = "The pressure on Velora must grow, and we stand with Norland."
    table = stance_rows(*_single_quote(text, [("v", "Velora", "country"), ("n", "Norland", "country")]),
                        lexicon, [])
    assert sorted(table["target"]) == ["Norland", "Velora"]


def test_the_speakers_own_country_and_its_seat_of_power_are_not_targets(lexicon):
    text = "Russia intends to hold the coast, the Kremlin will not yield, and Ukraine must accept it."
    quotes, mentions, actors = _single_quote(text, [
        ("r", "Russia", "country"), ("k", "Kremlin", "organization"), ("u", "Ukraine", "country")])
    actors = schema.frame_from_rows(schema.ACTORS, [
        {"actor_id": "speaker", "name": "Olga Mirny", "kind": "person", "affiliation": "Russia"},
        {"actor_id": "r", "name": "Russia", "kind": "country", "affiliation": "Russia"},
        {"actor_id": "k", "name": "Kremlin", "kind": "organization", "affiliation": "Russia"},
        {"actor_id": "u", "name": "Ukraine", "kind": "country", "affiliation": "Ukraine"}])
    quotes["actor_id"] = "speaker"
    assert sorted(stance_rows(quotes, mentions, actors, lexicon, [])["target"]) == ["Ukraine"]
    # Another country's official takes positions on all three.
    actors.loc[actors["actor_id"] == "speaker", "affiliation"] = "Norway"
    assert sorted(stance_rows(quotes, mentions, actors, lexicon, [])["target"]) == ["Kremlin", "Russia", "Ukraine"]


def test_an_organisation_of_the_speakers_country_is_still_a_target(lexicon):
    text = "The central bank got this badly wrong."
    quotes, mentions, _ = _single_quote(text, [("b", "central bank", "organization")])
    actors = schema.frame_from_rows(schema.ACTORS, [
        {"actor_id": "speaker", "name": "Olga Mirny", "kind": "person", "affiliation": "Norway"},
        {"actor_id": "b", "name": "central bank", "kind": "organization", "affiliation": "Norway"}])
    quotes["actor_id"] = "speaker"
    assert list(stance_rows(quotes, mentions, actors, lexicon, [])["target"]) == ["central bank"]


def test_a_country_in_a_persons_description_is_not_a_second_target(lexicon):
    text = "Velora's Anton Hale wants peace, Norlandic President Ida Berg should have agreed, and Velora must pay."
    quotes, mentions, actors = _single_quote(text, [
        ("v", "Velora", "country"), ("h", "Anton Hale", "person"), ("n", "Norlandic", "country"),
        ("b", "Ida Berg", "person")])
    table = stance_rows(quotes, mentions, actors, lexicon, [])
    assert sorted(table["target"]) == ["Anton Hale", "Ida Berg"]
    # Named again on its own, the country is a party in its own right.
    last = text.rindex("Velora")
    mentions = pd.concat([mentions, schema.frame_from_rows(schema.MENTIONS, [
        {"article_id": "a1", "actor_id": "v", "start": last, "end": last + 6, "text": "Velora"}])])
    table = stance_rows(quotes, mentions, actors, lexicon, [])
    assert sorted(table["target"]) == ["Anton Hale", "Ida Berg", "Velora"]
