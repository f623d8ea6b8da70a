"""The seed article's clearest stances, as a reader of the article would label them, from a build with
the default backend: the speaker's stance toward each target, never reversed."""
from __future__ import annotations

import pandas as pd
import pytest

from data_prep import schema, store
from data_prep.pipeline import build_dataset
from data_prep.seeds import seeds_dir
from data_prep.stance import DEFAULT_BACKEND

# (words of the quote, target, the label a reader gives, the label that would be reversed)
CLEAREST = [
    # Trump: he believes Putin wants to end the war -- a favourable view of Putin.
    ("Putin wants to end the war", "Vladimir Putin", "favor", "against"),
    # Ushakov calls the meeting with Witkoff and Kushner "useful" and "constructive".
    ("useful", "Steve Witkoff", "favor", "against"),
    ("useful", "Jared Kushner", "favor", "against"),
    # Trump: Zelensky should have agreed to a ceasefire -- blame.
    ("should have agreed", "Volodymyr Zelensky", "against", "favor"),
    # Trump, of Putin: "He would like to end the war." -- the pronoun's antecedent is the target.
    ("He would like to end the war", "Vladimir Putin", "favor", "against"),
    # Putin: Russia will take the Donbas in eastern Ukraine by force if need be -- a threat.
    ("by force", "Ukraine", "against", "favor"),
    # Zelensky: negotiations must be supported by pressure on Russia.
    ("pressure on Russia", "Russia", "against", "favor"),
]
PAIRS = CLEAREST


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory):
    data = tmp_path_factory.mktemp("seed")
    build_dataset([seeds_dir()], data, stance_backend=DEFAULT_BACKEND)
    quotes = store.read_table(data, schema.QUOTES)
    stances = store.read_table(data, schema.STANCES)
    return quotes, stances


def stance_of(quotes: pd.DataFrame, stances: pd.DataFrame, words: str, target: str) -> pd.Series:
    quote_ids = quotes.loc[quotes["quote_text"].str.contains(words, regex=False), "quote_id"]
    rows = stances[stances["quote_id"].isin(quote_ids) & (stances["target"] == target)]
    assert len(rows) >= 1, f"no stance toward {target} in the quote with {words!r}"
    return rows.iloc[0]


@pytest.mark.parametrize("words,target,expected,reversed_", CLEAREST)
def test_clearest_seed_stances(seed_tables, words, target, expected, reversed_):
    row = stance_of(*seed_tables, words, target)
    assert row["label"] == expected, (row["label"], row["confidence"], row["evidence"])


def test_no_seed_stance_is_reversed(seed_tables):
    reversed_ = [(target, stance_of(*seed_tables, words, target)["label"])
                 for words, target, _, opposite in PAIRS
                 if stance_of(*seed_tables, words, target)["label"] == opposite]
    assert not reversed_


def test_a_speakers_own_country_and_a_persons_description_are_not_targets(seed_tables):
    quotes, stances = seed_tables
    # Putin on what Russia intends; Trump on "Russia's Vladimir Putin": no position on Russia in either.
    for words in ("Russia intends to take full control", "Russia's Vladimir Putin"):
        quote_ids = quotes.loc[quotes["quote_text"].str.contains(words, regex=False), "quote_id"]
        assert len(quote_ids)
        assert "Russia" not in set(stances.loc[stances["quote_id"].isin(quote_ids), "target"]), words


def test_places_in_the_seed_are_not_targets(seed_tables):
    _, stances = seed_tables
    assert not set(stances["target"]) & {"White House", "Oval Office", "Florida"}


def test_evidence_never_names_the_target(seed_tables):
    _, stances = seed_tables
    for row in stances.itertuples():
        words = {w.lower() for w in row.evidence.split(", ") if w}
        assert not words & {part.lower() for part in row.target.split()}, (row.target, row.evidence)
