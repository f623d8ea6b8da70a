"""The dataset folder: atomic replacement (even under kill -9), carried-over user files, pruned reads."""
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from data_prep import schema, store


def _tables(generation: int, n_rows: int = 10) -> dict:
    articles = [{"article_id": f"art_{generation}_{i}", "title": f"generation {generation}", "text": "x " * 50,
                 "n_words": 50} for i in range(n_rows)]
    quotes = [{"quote_id": f"q_{generation}_{i}", "article_id": f"art_{generation}_{i}", "quote_text": "words",
               "quote_start": 0, "quote_end": 5, "quote_spans": [[0, 5]], "quote_type": "direct"}
              for i in range(n_rows)]
    return {schema.ARTICLES: schema.frame_from_rows(schema.ARTICLES, articles),
            schema.QUOTES: schema.frame_from_rows(schema.QUOTES, quotes)}


def test_write_then_read_round_trips_every_table(tmp_path):
    store.write_dataset(tmp_path / "data", _tables(1))
    dataset = store.read_dataset(tmp_path / "data")
    assert set(dataset) == set(schema.TABLES)
    assert list(dataset[schema.QUOTES].columns) == schema.columns(schema.QUOTES)
    assert dataset[schema.QUOTES]["quote_spans"].iloc[0].tolist()[0].tolist() == [0, 5]
    assert dataset[schema.STANCES].empty
    assert store.has_dataset(tmp_path / "data")


def test_columns_asked_as_categories_read_as_sorted_categories_with_or_without_a_column_list(tmp_path):
    store.write_dataset(tmp_path / "data", _tables(1, n_rows=3))
    for columns in (None, ["quote_id", "article_id"]):
        quotes = store.read_table(tmp_path / "data", schema.QUOTES, columns=columns, categories=["article_id"])
        assert list(quotes["article_id"].cat.categories) == ["art_1_0", "art_1_1", "art_1_2"]
        assert quotes["quote_id"].tolist() == ["q_1_0", "q_1_1", "q_1_2"]


def test_rebuild_changes_version_and_keeps_user_files(tmp_path):
    data = tmp_path / "data"
    store.write_dataset(data, _tables(1))
    (data / "corrections.csv").write_text("quote_id,field,value\n")
    before = store.dataset_version(data)
    store.write_dataset(data, _tables(2))
    assert store.dataset_version(data) != before
    assert (data / "corrections.csv").read_text() == "quote_id,field,value\n"
    assert store.read_table(data, schema.ARTICLES, columns=["title"])["title"].unique().tolist() == ["generation 2"]
    assert not [p for p in tmp_path.iterdir() if p.is_dir() and p.name.startswith(".")], "no staging folders left"


def test_missing_dataset_reads_as_empty_tables(tmp_path):
    assert store.read_table(tmp_path / "none", schema.ACTORS).empty
    assert store.dataset_version(tmp_path / "none") == "none"


WRITER = textwrap.dedent("""
    import sys
    from data_prep import store
    sys.path.insert(0, sys.argv[2])
    from test_store import _tables
    generation = 2
    while True:
        store.write_dataset(sys.argv[1], _tables(generation, n_rows=20000))
        generation += 1
""")


@pytest.mark.parametrize("delay", [0.05, 0.3, 0.7, 1.1, 1.6])
def test_kill_9_during_rebuild_leaves_a_complete_dataset(tmp_path, delay):
    data = tmp_path / "data"
    store.write_dataset(data, _tables(1, n_rows=20000))
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(data), os.path.dirname(__file__)])
    time.sleep(delay)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    dataset = store.read_dataset(data)
    generations = {title for title in dataset[schema.ARTICLES]["title"]}
    assert len(generations) == 1, "tables from two builds mixed"
    assert len(dataset[schema.ARTICLES]) == len(dataset[schema.QUOTES]) == 20000
    assert dataset[schema.QUOTES]["article_id"].str.split("_").str[1].unique().tolist() == [
        next(iter(generations)).split()[-1]]
    assert not list(tmp_path.glob(".data.building-*")), "a killed build's half-written copy is tidied away"


def test_build_that_died_between_the_two_renames_is_recovered(tmp_path):
    data = tmp_path / "data"
    store.write_dataset(data, _tables(1))
    os.replace(data, tmp_path / ".data.old-abc123")  # the moment after the old copy was moved aside
    assert store.read_dataset(data)[schema.ARTICLES]["title"].unique().tolist() == ["generation 1"]
    assert store.has_dataset(data)


def test_a_file_is_not_taken_for_a_dataset_folder(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    with pytest.raises(store.DatasetFolderError, match="is a file"):
        store.write_dataset(notes, _tables(1))
    assert notes.read_text() == "my notes"
