"""Hand corrections: stored apart from the tables, applied on load, surviving a rebuild."""
from __future__ import annotations

import pytest

from data_prep import schema, store
from data_prep.corrections import (SPEAKER, STANCE, Correction, apply_corrections, corrections_path,
                                   load_corrections, save_correction, typed_actor_id)
from dashboard_fixture import MAYOR, MINISTER, fixture_tables, write_fixture


def test_save_and_load_round_trip(tmp_path):
    save_correction(tmp_path, Correction("q-b2", SPEAKER, actor_id=MAYOR, note="wrong person"))
    save_correction(tmp_path, Correction("q-b2", STANCE, target="harbour expansion", label="favor"))
    loaded = load_corrections(tmp_path)
    assert [(c.quote_id, c.field) for c in loaded] == [("q-b2", SPEAKER), ("q-b2", STANCE)]
    assert loaded[0].note == "wrong person" and loaded[0].created_at
    assert not list(tmp_path.glob(".corrections-*")), "temporary files are renamed away"


@pytest.mark.parametrize("bad, message", [
    (Correction("", SPEAKER, actor_id=MAYOR), "id of the quote"),
    (Correction("q-b2", SPEAKER), "actor or a speaker name"),
    (Correction("q-b2", STANCE, target="x", label="angry"), "stance label must be one of"),
    (Correction("q-b2", STANCE, label="favor"), "needs the stance target"),
    (Correction("q-b2", "outlet"), "not 'outlet'"),
])
def test_invalid_corrections_are_refused_with_a_reason(tmp_path, bad, message):
    with pytest.raises(ValueError, match=message):
        save_correction(tmp_path, bad)
    assert not corrections_path(tmp_path).exists()


def test_malformed_rows_in_the_file_are_skipped(tmp_path):
    corrections_path(tmp_path).write_text(
        "quote_id,field,actor_id,speaker_name,target,label,note,created_at\n"
        "q-b2,speaker,act-mayor,,,,,2025-01-01T00:00:00+00:00\n"
        "q-b1,stance,,,harbour expansion,maybe,,\n"
        ",speaker,act-mayor,,,,,\n")
    assert [c.quote_id for c in load_corrections(tmp_path)] == ["q-b2"]


def test_speaker_fix_to_existing_actor_moves_the_quote_and_recounts():
    tables = fixture_tables()
    fixed = apply_corrections(tables, [Correction("q-b2", SPEAKER, actor_id=MAYOR)])
    quotes = fixed[schema.QUOTES].set_index("quote_id")
    assert quotes.loc["q-b2", "actor_id"] == MAYOR and quotes.loc["q-b2", "corrected"]
    assert not quotes.loc["q-b1", "corrected"]
    counts = fixed[schema.ACTORS].set_index("actor_id")["n_quotes"]
    assert counts[MAYOR] == 3 and counts[MINISTER] == 2
    assert tables[schema.QUOTES].set_index("quote_id").loc["q-b2", "actor_id"] == MINISTER, "input unchanged"


def test_typed_name_becomes_an_actor_or_reuses_one_with_that_name():
    tables = fixture_tables()
    fixed = apply_corrections(tables, [Correction("q-h3", SPEAKER, speaker_name="Maria Chen"),
                                       Correction("q-h2", SPEAKER, speaker_name="tom berg")])
    quotes = fixed[schema.QUOTES].set_index("quote_id")
    assert quotes.loc["q-h3", "actor_id"] == typed_actor_id("Maria Chen")
    assert quotes.loc["q-h2", "actor_id"] == MINISTER
    names = set(fixed[schema.ACTORS]["name"])
    assert "Maria Chen" in names and len(fixed[schema.ACTORS]) == len(tables[schema.ACTORS]) + 1


def test_stance_fix_relabels_or_adds_and_latest_wins():
    fixed = apply_corrections(fixture_tables(), [
        Correction("q-b2", STANCE, target="harbour expansion", label="neutral", created_at="1"),
        Correction("q-b2", STANCE, target="harbour expansion", label="favor", created_at="2"),
        Correction("q-h3", STANCE, target="city budget", label="against"),
    ])
    stances = fixed[schema.STANCES]
    relabelled = stances[(stances["quote_id"] == "q-b2") & (stances["target"] == "harbour expansion")]
    assert relabelled["label"].tolist() == ["favor"] and relabelled["corrected"].all()
    added = stances[(stances["quote_id"] == "q-h3") & (stances["target"] == "city budget")]
    assert added["label"].tolist() == ["against"] and added["corrected"].all()
    assert not stances[stances["quote_id"] == "q-h1"]["corrected"].any()


def test_corrections_for_unknown_quotes_are_ignored():
    tables = fixture_tables()
    fixed = apply_corrections(tables, [Correction("q-gone", SPEAKER, actor_id=MAYOR)])
    assert fixed[schema.QUOTES]["actor_id"].tolist() == tables[schema.QUOTES]["actor_id"].tolist()


def test_corrections_survive_a_rebuild_of_the_dataset(tmp_path):
    data_dir = write_fixture(tmp_path / "data")
    save_correction(data_dir, Correction("q-b2", SPEAKER, actor_id=MAYOR))
    store.write_dataset(data_dir, fixture_tables())
    fixed = apply_corrections(store.read_dataset(data_dir), load_corrections(data_dir))
    assert fixed[schema.QUOTES].set_index("quote_id").loc["q-b2", "actor_id"] == MAYOR


def test_speaker_fix_follows_the_name_when_a_rebuild_changed_the_actor_id():
    tables = fixture_tables()
    renamed = tables[schema.ACTORS].copy()
    renamed.loc[renamed["actor_id"] == MAYOR, "actor_id"] = "act-mayor-rebuilt"
    tables = {**tables, schema.ACTORS: renamed}
    fixed = apply_corrections(tables, [Correction("q-b2", SPEAKER, actor_id=MAYOR, speaker_name="Ana Lopez")])
    quote = fixed[schema.QUOTES].set_index("quote_id").loc["q-b2"]
    assert quote["actor_id"] == "act-mayor-rebuilt" and quote["corrected"]
