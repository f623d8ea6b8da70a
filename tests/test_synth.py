"""Synthetic data: deterministic, gold offsets that fit the ingested text, tables that join."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from data_prep import schema, store
from data_prep.cli import main
from data_prep.evaluation.quotes import check_gold
from data_prep.ingest import ingest
from data_prep.synth.articles import ARTICLES_FOLDER, generate_articles, write_articles
from data_prep.synth.tables import synthetic_tables, write_synthetic_dataset


def _folder_contents(folder) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(folder.rglob("*")) if path.is_file()}


def _gold(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth")
    gold_path = write_articles(40, folder, seed=7)
    return folder, _gold(gold_path)


def test_same_seed_writes_identical_files_and_another_seed_does_not(tmp_path):
    write_articles(6, tmp_path / "a", seed=3)
    write_articles(6, tmp_path / "b", seed=3)
    write_articles(6, tmp_path / "c", seed=4)
    assert _folder_contents(tmp_path / "a") == _folder_contents(tmp_path / "b")
    assert _folder_contents(tmp_path / "a")["gold.jsonl"] != _folder_contents(tmp_path / "c")["gold.jsonl"]


def test_a_bigger_run_starts_with_the_articles_of_a_smaller_one():
    small = [article.text for article in generate_articles(4, seed=1)]
    big = [article.text for article in generate_articles(9, seed=1)]
    assert big[:4] == small
    assert len(set(big)) == 9


def test_gold_text_is_exactly_what_ingest_produces(written):
    folder, gold = written
    result = ingest([folder / ARTICLES_FOLDER])
    assert not [row for row in result.log if row["status"] == "failed"]
    by_text = {article.text: article for article in result.articles}
    assert len(result.articles) == len(gold) == 40
    for record in gold:
        article = by_text[record["text"]]
        assert article.title == record["meta"]["title"]
        assert article.published.isoformat() == record["meta"]["publication_date"]
        assert article.url == record["meta"]["url"]


def test_gold_offsets_point_at_the_quote_speaker_and_cue(written):
    _, gold = written
    for record in gold:
        text = record["text"]
        for quote in record["quotes"]:
            assert text[quote["quote_start"]:quote["quote_end"]] == quote["quote_text"]
            assert quote["quote_spans"][0][0] == quote["quote_start"]
            assert quote["quote_spans"][-1][1] == quote["quote_end"]
            assert text[quote["speaker_start"]:quote["speaker_end"]] == quote["speaker"]
            assert text[quote["cue_start"]:quote["cue_end"]] == quote["cue"]
            for start, end in quote["quote_spans"]:
                if quote["type"] == "direct":
                    assert text[start] == "\u201c" and text[end - 1] == "\u201d"


def test_gold_file_passes_the_scorers_input_checks(written):
    _, gold = written
    records, problems = check_gold(list(enumerate(gold, start=1)))
    assert problems == []
    assert len(records) == len(gold)


def test_articles_cover_every_quote_construction(written):
    _, gold = written
    quotes = [quote for record in gold for quote in record["quotes"]]
    assert {quote["type"] for quote in quotes} == {"direct", "indirect", "mixed"}
    assert any(len(quote["quote_spans"]) == 2 for quote in quotes)
    assert any(quote["speaker_is_pronoun"] and quote["speaker"].lower() in {"he", "she"} for quote in quotes)
    assert {"person", "anonymous", "organization"} <= {quote["speaker_kind"] for quote in quotes}
    colon = [record for record in gold for quote in record["quotes"]
             if record["text"][quote["quote_start"] - 2:quote["quote_start"]] == ": "]
    assert colon
    outlets = {record["meta"]["publisher"] for record in gold}
    years = {record["meta"]["publication_date"][:4] for record in gold}
    assert len(outlets) >= 3 and len(years) >= 3


def test_the_file_has_the_seed_layout(written):
    folder, gold = written
    first = sorted((folder / ARTICLES_FOLDER).glob("*.txt"))[0].read_text(encoding="utf-8").split("\n")
    assert first[0].startswith("# ")
    assert first[2].split()[0] in {"January", "February", "March", "April", "May", "June", "July", "August",
                                   "September", "October", "November", "December"}
    assert first[-2].startswith("Original url: https://")


@pytest.fixture(scope="module")
def tables():
    return synthetic_tables(3000, seed=5)


def test_tables_have_the_schema_columns_and_convert_to_arrow(tables):
    assert set(tables) == set(schema.TABLES)
    for name, frame in tables.items():
        assert list(frame.columns) == schema.columns(name)
        assert schema.to_arrow(name, frame).num_rows == len(frame)
    assert len(tables[schema.QUOTES]) == 3000


def test_tables_join_and_ids_are_unique(tables):
    articles, quotes, actors = tables[schema.ARTICLES], tables[schema.QUOTES], tables[schema.ACTORS]
    mentions, stances, log = tables[schema.MENTIONS], tables[schema.STANCES], tables[schema.INGEST_LOG]
    assert articles["article_id"].is_unique and quotes["quote_id"].is_unique and actors["actor_id"].is_unique
    assert quotes["article_id"].isin(articles["article_id"]).all()
    assert quotes["actor_id"].isin(actors["actor_id"]).all()
    assert mentions["actor_id"].isin(actors["actor_id"]).all()
    assert mentions["article_id"].isin(articles["article_id"]).all()
    assert stances["quote_id"].isin(quotes["quote_id"]).all()
    assert log["article_id"].isin(articles["article_id"]).all()
    counted = quotes["actor_id"].value_counts()
    assert (actors.set_index("actor_id")["n_quotes"].reindex(counted.index) == counted).all()
    assert not stances.duplicated(["quote_id", "target"]).any()


def test_every_offset_indexes_into_the_article_text(tables):
    texts = tables[schema.ARTICLES].set_index("article_id")["text"]
    for quote in tables[schema.QUOTES].itertuples():
        text = texts[quote.article_id]
        assert text[quote.quote_start:quote.quote_end] == quote.quote_text
        assert text[quote.speaker_start:quote.speaker_end] == quote.speaker_text
        assert text[quote.cue_start:quote.cue_end] == quote.cue
        assert [list(span) for span in quote.quote_spans] == [[quote.quote_start, quote.quote_end]]


def test_distributions_look_like_a_news_corpus(tables):
    quotes, articles, stances = tables[schema.QUOTES], tables[schema.ARTICLES], tables[schema.STANCES]
    per_speaker = quotes["actor_id"].value_counts()
    assert per_speaker.iloc[0] >= 10 * per_speaker.median()  # a few prolific speakers, a long tail
    assert (per_speaker == 1).sum() > 0
    years = pd.to_datetime(articles["published"]).dt.year
    assert years.nunique() >= 5
    assert articles["outlet"].nunique() >= 5
    assert set(stances["label"]) == set(schema.STANCE_LABELS)
    assert stances["confidence"].between(0, 1).all()
    assert set(quotes["quote_type"]) == set(schema.QUOTE_TYPES)


def test_same_seed_same_tables_other_seed_other_tables():
    first, again, other = synthetic_tables(200, seed=1), synthetic_tables(200, seed=1), synthetic_tables(200, seed=2)
    for name in schema.TABLES:
        pd.testing.assert_frame_equal(first[name], again[name])
    assert not first[schema.ARTICLES]["text"].equals(other[schema.ARTICLES]["text"])


def test_written_dataset_reads_back(tmp_path):
    counts = write_synthetic_dataset(120, tmp_path / "data", seed=0)
    assert store.has_dataset(tmp_path / "data")
    read = store.read_dataset(tmp_path / "data")
    assert {name: len(frame) for name, frame in read.items()} == counts
    assert np.array_equal(read[schema.QUOTES]["quote_spans"].map(len).unique(), [1])


def test_command_writes_articles_and_rejects_bad_counts(tmp_path, capsys):
    assert main(["synth", "articles", "3", str(tmp_path / "out")]) == 0
    assert len(list((tmp_path / "out" / ARTICLES_FOLDER).glob("*.txt"))) == 3
    with pytest.raises(SystemExit) as exit_info:
        main(["synth", "dataset", "--quotes", "0", "--data", str(tmp_path / "d")])
    assert exit_info.value.code == 2
    assert "must be between" in capsys.readouterr().err


def test_command_refuses_a_file_as_output_folder(tmp_path, capsys):
    target = tmp_path / "plain.txt"
    target.write_text("not a folder")
    assert main(["synth", "dataset", "--quotes", "10", "--data", str(target)]) == 2
    assert "not a folder" in capsys.readouterr().err
