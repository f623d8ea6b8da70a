"""A whole build: tables from articles, accounting for every input, incremental and fault-tolerant."""
from pathlib import Path

import pytest

from data_prep import analysis, schema, store
from data_prep.cli import main
from data_prep.pipeline import build_dataset

SEEDS = Path(__file__).parent.parent / "seeds"

STORIES = {
    "harbour.txt": "Harbour vote\n\n“The ferry will run by June,” council chair Tomas Berg said on Monday.",
    "school.txt": "School budget\n\nPrincipal Ana Ruiz said that the new roof would be paid for by the district.",
    "bridge.txt": "Bridge closure\n\nEngineer Lena Park told reporters: “The bridge is not safe for trucks.”",
}


def _write_stories(folder: Path, stories=STORIES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def analysed_texts(monkeypatch):
    """The texts each build actually parses and analyses."""
    seen: list[str] = []
    original = analysis.analyse_doc

    def counting(article_id, doc):
        seen.append(doc.text)
        return original(article_id, doc)

    monkeypatch.setattr(analysis, "analyse_doc", counting)
    return seen


def test_seed_build_names_the_speakers(tmp_path):
    summary = build_dataset([SEEDS], tmp_path / "data", stance_backend="lexicon")
    assert (summary.inputs, summary.built, summary.failed) == (1, 1, 0)
    dataset = store.read_dataset(tmp_path / "data")
    quotes = dataset[schema.QUOTES].merge(dataset[schema.ACTORS], on="actor_id", how="left")
    speakers = set(quotes["name"].dropna())
    assert {"Donald Trump", "Vladimir Putin", "Volodymyr Zelensky", "Yury Ushakov"} <= speakers
    assert quotes["article_id"].eq(dataset[schema.ARTICLES]["article_id"].iloc[0]).all()
    text = dataset[schema.ARTICLES]["text"].iloc[0]
    for quote in dataset[schema.QUOTES].itertuples():
        assert text[quote.quote_start:quote.quote_end].strip()
    assert set(dataset[schema.STANCES]["label"]) <= set(schema.STANCE_LABELS)


def test_every_input_is_accounted_for(tmp_path):
    folder = _write_stories(tmp_path / "in")
    (folder / "copy.txt").write_text(STORIES["harbour.txt"], encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "records.jsonl").write_text('{"text": "Officials said the port reopened."}\n{"text": \n',
                                          encoding="utf-8")
    summary = build_dataset([folder, tmp_path / "missing.md"], tmp_path / "data", stance_backend="none")
    assert (summary.built, summary.duplicates, summary.failed) == (4, 1, 3)
    assert summary.inputs == summary.built + summary.duplicates + summary.failed
    log = store.read_table(tmp_path / "data", schema.INGEST_LOG)
    assert len(log) == summary.inputs
    assert set(log.loc[log["status"] == "failed", "message"]) == {
        "empty file", "no such file or folder", "malformed JSON: Expecting value (column 10)"}


def test_unchanged_articles_are_not_parsed_again(tmp_path, analysed_texts):
    folder = _write_stories(tmp_path / "in")
    build_dataset([folder], tmp_path / "data", stance_backend="none")
    assert len(analysed_texts) == 3

    analysed_texts.clear()
    summary = build_dataset([folder], tmp_path / "data", stance_backend="none")
    assert analysed_texts == [] and summary.reused == 3

    (folder / "school.txt").write_text(STORIES["school.txt"] + " She said work starts in May.", encoding="utf-8")
    (folder / "bridge.txt").unlink()
    summary = build_dataset([folder], tmp_path / "data", stance_backend="none")
    assert len(analysed_texts) == 1 and "work starts in May" in analysed_texts[0]
    titles = set(store.read_table(tmp_path / "data", schema.ARTICLES)["title"])
    assert titles == {"Harbour vote", "School budget"}

    analysed_texts.clear()
    build_dataset([folder], tmp_path / "data", stance_backend="none", full=True)
    assert len(analysed_texts) == 2


def test_one_failing_article_does_not_cost_the_others(tmp_path, monkeypatch):
    from data_prep import quotes as quotes_module
    original = quotes_module.extract_quotes

    def fragile(doc):
        if "Principal" in doc.text:
            raise IndexError("simulated extractor bug")
        return original(doc)

    monkeypatch.setattr(quotes_module, "extract_quotes", fragile)
    summary = build_dataset([_write_stories(tmp_path / "in")], tmp_path / "data", stance_backend="none")
    assert (summary.built, summary.failed) == (2, 1)
    log = store.read_table(tmp_path / "data", schema.INGEST_LOG)
    failed = log[log["status"] == "failed"].iloc[0]
    assert Path(failed["source"]).name == "school.txt"
    assert "simulated extractor bug" in failed["message"]


def test_prep_command_reports_and_exit_codes(tmp_path, capsys):
    folder = _write_stories(tmp_path / "in")
    (folder / "broken.csv").write_text("headline\nno text column here\n", encoding="utf-8")
    data = str(tmp_path / "data")
    assert main(["prep", str(folder), "--data", data, "--stance", "none"]) == 0
    output = capsys.readouterr()
    assert "4 inputs = 3 built" in output.out and "1 failed" in output.out
    assert "Traceback" not in output.err
    assert main(["prep", str(folder), "--data", data, "--stance", "none", "--strict"]) == 1
    assert main(["prep", str(tmp_path / "nothing-here"), "--data", str(tmp_path / "d2"), "--stance", "none"]) == 1


def test_keep_existing_adds_to_the_dataset_without_reanalysing(tmp_path, analysed_texts):
    build_dataset([_write_stories(tmp_path / "in")], tmp_path / "data", stance_backend="none")
    upload = tmp_path / "upload" / "new.txt"
    upload.parent.mkdir()
    upload.write_text("Ferry strike\n\nUnion leader Sam Okafor said the crews would strike on Friday.", encoding="utf-8")
    analysed_texts.clear()
    summary = build_dataset([upload], tmp_path / "data", stance_backend="none", keep_existing=True)
    assert summary.built == 4 and summary.reused == 3
    assert len(analysed_texts) == 1 and "Sam Okafor" in analysed_texts[0]
    articles = store.read_table(tmp_path / "data", schema.ARTICLES)
    assert {Path(source).name for source in articles["source"]} == {*STORIES, "new.txt"}


def test_a_build_with_nothing_to_build_leaves_the_dataset_alone(tmp_path, capsys):
    build_dataset([_write_stories(tmp_path / "in")], tmp_path / "data", stance_backend="none")
    before = store.dataset_version(tmp_path / "data")
    assert main(["prep", str(tmp_path / "typo"), "--data", str(tmp_path / "data"), "--stance", "none"]) == 1
    output = capsys.readouterr()
    assert "nothing built" in output.out and "failed: " in output.err and "no such file or folder" in output.err
    assert store.dataset_version(tmp_path / "data") == before
    assert len(store.read_table(tmp_path / "data", schema.ARTICLES)) == 3


def test_an_article_too_long_to_parse_fails_alone(tmp_path, monkeypatch):
    from data_prep import pipeline
    monkeypatch.setattr(pipeline, "MAX_ARTICLE_CHARS", 120)
    folder = _write_stories(tmp_path / "in", {**STORIES, "long.txt": "Long read\n\n" + "The council met again. " * 20})
    summary = build_dataset([folder], tmp_path / "data", stance_backend="none")
    assert (summary.built, summary.failed) == (3, 1)
    assert "article too long" in summary.failures[0]["message"]


def test_app_never_builds_the_seed_over_an_incomplete_dataset(tmp_path):
    from data_prep.commands.app import ensure_dataset
    from data_prep.pipeline import BuildError
    data = tmp_path / "data"
    build_dataset([_write_stories(tmp_path / "in")], data, stance_backend="none")
    (data / "stances.parquet").unlink()
    with pytest.raises(BuildError, match="not a complete newsvoices dataset"):
        ensure_dataset(data, "none")
    assert len(store.read_table(data, schema.ARTICLES)) == 3


def test_prep_leaves_the_dashboard_views_ready(tmp_path, monkeypatch):
    from dashboard import frame_cache
    from data_prep.corrections import corrections_stamp
    monkeypatch.setenv(frame_cache.CACHE_ENV, str(tmp_path / "cache"))
    data = tmp_path / "data"
    assert main(["prep", str(_write_stories(tmp_path / "in")), "--data", str(data), "--stance", "none"]) == 0
    entry = frame_cache.entry_path(data.resolve(), store.dataset_version(data), corrections_stamp(data))
    views = frame_cache.read(entry)
    assert views is not None and len(views.quotes) == len(store.read_table(data, schema.QUOTES))
