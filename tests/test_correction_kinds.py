"""The quote corrections beyond speaker and stance: not a quote, the quote's span, its type (#11 edge 6)."""
from __future__ import annotations

import pytest

from data_prep import schema, store
from data_prep.corrections import (IS_A_QUOTE, NOT_A_QUOTE, QUOTE_TYPE, SPAN, SPEAKER, Correction,
                                   apply_corrections, corrections_path, load_corrections, save_correction)
from dashboard import loading, reader
from dashboard_fixture import BUDGET_TEXT, MINISTER, fixture_tables, write_fixture


def _views(directory):
    return loading.load_views_uncached(directory)


def test_not_a_quote_leaves_every_table_and_count(tmp_path):
    directory = write_fixture(tmp_path / "data")
    save_correction(directory, Correction("q-b2", NOT_A_QUOTE, note="a statute, not speech"))
    views = _views(directory)
    assert "q-b2" not in set(views.quotes["quote_id"]) and len(views.quotes) == 8
    assert "q-b2" not in set(views.stances["quote_id"])
    assert (views.quotes["speaker"] == "Tom Berg").sum() == 2
    assert int(views.actors.set_index("actor_id").loc[MINISTER, "n_quotes"]) == 2
    [kept] = load_corrections(directory)
    assert (kept.quote_id, kept.field, kept.note) == ("q-b2", NOT_A_QUOTE, "a statute, not speech")


def test_not_a_quote_survives_a_rebuild_and_can_be_taken_back(tmp_path):
    directory = write_fixture(tmp_path / "data")
    save_correction(directory, Correction("q-h3", NOT_A_QUOTE))
    store.write_dataset(directory, fixture_tables())  # a rebuild: new tables, corrections.csv carried over
    assert "q-h3" not in set(_views(directory).quotes["quote_id"])
    save_correction(directory, Correction("q-h3", IS_A_QUOTE))
    assert "q-h3" in set(_views(directory).quotes["quote_id"])
    assert [c.field for c in load_corrections(directory)] == [NOT_A_QUOTE, IS_A_QUOTE]


def test_span_fix_moves_the_quote_and_its_highlight(tmp_path):
    directory = write_fixture(tmp_path / "data")
    words = "We will not sign a blank cheque"
    start, end = reader.find_words(BUDGET_TEXT, words, near=BUDGET_TEXT.index("\"We"))
    save_correction(directory, Correction("q-b2", SPAN, quote_start=str(start), quote_end=str(end),
                                          quote_text=BUDGET_TEXT[start:end]))
    views = _views(directory)
    quote = views.quotes.set_index("quote_id").loc["q-b2"]
    assert (quote["quote_start"], quote["quote_end"], quote["quote_text"]) == (start, end, words)
    assert quote["corrected_fields"] == "span" and not quote["corrected"]
    stale_spans = {"q-b2": [[0, 5]]}  # what the build found: a span fix replaces it
    [mark] = reader.highlights_for(views.quotes[views.quotes["quote_id"] == "q-b2"], views.stances, {}, stale_spans)
    assert (mark.start, mark.end) == (start, end)


def test_type_fix_and_every_fix_named(tmp_path):
    directory = write_fixture(tmp_path / "data")
    save_correction(directory, Correction("q-b2", QUOTE_TYPE, quote_type="indirect"))
    save_correction(directory, Correction("q-b2", SPEAKER, speaker_name="A ministry aide"))
    quote = _views(directory).quotes.set_index("quote_id").loc["q-b2"]
    assert quote["quote_type"] == "indirect" and quote["corrected_fields"] == "speaker, type"


@pytest.mark.parametrize("bad, message", [
    (Correction("q-b2", SPAN, quote_start="10", quote_end="4", quote_text="x"), "quote_start < quote_end"),
    (Correction("q-b2", SPAN, quote_start="a", quote_end="4", quote_text="x"), "whole numbers"),
    (Correction("q-b2", SPAN, quote_start="1", quote_end="4"), "quote's words"),
    (Correction("q-b2", QUOTE_TYPE, quote_type="rumour"), "quote type must be one of"),
])
def test_bad_span_or_type_is_refused(tmp_path, bad, message):
    with pytest.raises(ValueError, match=message):
        save_correction(tmp_path, bad)


def test_a_file_from_before_the_new_kinds_keeps_its_rows(tmp_path):
    corrections_path(tmp_path).write_text(
        "quote_id,field,actor_id,speaker_name,target,label,note,created_at\n"
        "q-b2,speaker,act-mayor,,,,,2025-01-01T00:00:00+00:00\n")
    save_correction(tmp_path, Correction("q-h3", NOT_A_QUOTE))
    assert [(c.quote_id, c.field) for c in load_corrections(tmp_path)] == [("q-b2", SPEAKER), ("q-h3", NOT_A_QUOTE)]


def test_find_words_picks_the_occurrence_nearest_the_old_span():
    text = "yes we can. He said yes we can today."
    assert reader.find_words(text, "yes we can", near=20) == (20, 30)
    assert reader.find_words(text, "yes we can", near=0) == (0, 10)
    assert reader.find_words(text, "no we cannot", near=0) is None


def test_apply_ignores_fixes_for_quotes_gone_in_a_rebuild():
    tables = fixture_tables()
    fixed = apply_corrections(tables, [Correction("q-gone", NOT_A_QUOTE), Correction("q-gone", QUOTE_TYPE,
                                                                                       quote_type="direct")])
    assert len(fixed[schema.QUOTES]) == len(tables[schema.QUOTES])
