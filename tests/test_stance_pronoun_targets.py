"""A pronoun inside a quote is a stance target through the pronoun resolver's antecedent: "He wants
peace," said of someone named before, is charted toward that person, never toward the speaker."""
from __future__ import annotations

from data_prep import schema, store
from data_prep.pipeline import build_dataset

STORY = ("Border talks\n\n"
         "Adam Kell met Ben Ortiz in the capital on Monday. Asked whether Ortiz was serious about the talks, "
         "Kell told reporters: “He wants peace, and I respect him for it.”\n\n"
         "Later Kell said he would return next week.")


def build(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talks.txt").write_text(STORY, encoding="utf-8")
    data = tmp_path / "data"
    build_dataset([folder], data, stance_backend="lexicon")
    return {name: store.read_table(data, name) for name in (schema.QUOTES, schema.STANCES, schema.ACTORS,
                                                             schema.MENTIONS)}


def test_a_quoted_pronoun_is_a_target_through_its_antecedent(tmp_path):
    tables = build(tmp_path)
    names = dict(zip(tables[schema.ACTORS]["actor_id"], tables[schema.ACTORS]["name"]))
    quote = tables[schema.QUOTES][tables[schema.QUOTES]["quote_text"].str.contains("He wants peace")]
    assert len(quote) == 1 and names[quote["actor_id"].iloc[0]] == "Adam Kell"
    stances = tables[schema.STANCES][tables[schema.STANCES]["quote_id"].isin(quote["quote_id"])]
    assert list(stances["target"]) == ["Ben Ortiz"]
    pronouns = tables[schema.MENTIONS][tables[schema.MENTIONS]["text"].isin(["He", "him"])]
    assert {names[a] for a in pronouns["actor_id"]} == {"Ben Ortiz"}


def test_a_reported_he_that_is_the_speaker_is_no_target(tmp_path):
    tables = build(tmp_path)
    quote = tables[schema.QUOTES][tables[schema.QUOTES]["quote_text"].str.contains("return next week")]
    assert len(quote) == 1
    stances = tables[schema.STANCES][tables[schema.STANCES]["quote_id"].isin(quote["quote_id"])]
    assert stances.empty
