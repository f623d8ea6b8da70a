"""Every article gets a bounded share of a build: hostile runs of marks stay cheap, a slow article is cut off."""
from __future__ import annotations

import threading
import time

import pytest

from data_prep import analysis, budget, schema, store
from data_prep.pipeline import build_dataset
from test_pipeline import STORIES, _write_stories


def test_bounded_text_keeps_normal_text_and_every_offset():
    normal = 'The mayor said: "We will open the bridge... soon!!!" -- and left.\n\n' + "https://example.org/a/b?c=d"
    assert budget.bounded_text(normal) == normal
    hostile = "Intro. " + '"' * 50_000 + " middle " + "x" * 5_000 + ' said "fine."'
    bounded = budget.bounded_text(hostile)
    assert len(bounded) == len(hostile)
    assert bounded.endswith(' said "fine."') and bounded.startswith("Intro. ")
    assert max(len(run) for run in bounded.split()) <= budget.MAX_WORD_CHARS
    assert '"' * (budget.MAX_MARK_RUN + 1) not in bounded


def test_an_article_of_marks_is_analysed_alongside_the_others():
    """500 KB of quotation marks used to keep spaCy's tokenizer busy for many minutes."""
    items = [("hostile", '"' * 100_000), ("story", STORIES["harbour.txt"])]
    results = analysis.analyse_batch(None, items)
    assert [result.article_id for result in results] == ["hostile", "story"]
    assert results[1].error is None and results[1].quotes


def test_time_limit_interrupts_python_work_in_any_thread():
    outcome = {}

    def slow():
        try:
            with budget.time_limit(0.3):
                while True:
                    time.sleep(0.01)
        except budget.OverBudget as error:
            outcome["error"] = str(error)

    worker = threading.Thread(target=slow)
    worker.start()
    worker.join(10)
    assert "took longer than 0.3 s" in outcome["error"]
    with budget.time_limit(5):
        total = sum(range(1000))
    time.sleep(0.1)
    assert total == 499500, "work within the limit is not interrupted, nor anything after it"


def test_an_article_past_its_time_budget_is_a_failed_row_and_the_build_goes_on(tmp_path, monkeypatch):
    monkeypatch.setenv(budget.ARTICLE_SECONDS_ENV, "1")
    original = analysis.analyse_doc

    def stuck_on_the_bridge(article_id, doc):
        while "bridge" in doc.text:
            time.sleep(0.01)
        return original(article_id, doc)

    monkeypatch.setattr(analysis, "analyse_doc", stuck_on_the_bridge)
    summary = build_dataset([_write_stories(tmp_path / "in")], tmp_path / "data", stance_backend="none")
    assert (summary.built, summary.failed) == (2, 1)
    log = store.read_table(tmp_path / "data", schema.INGEST_LOG)
    [message] = log.loc[log["status"] == "failed", "message"]
    assert "took longer than 1 s" in message and log.loc[log["status"] == "failed", "source"].iloc[0].endswith(
        "bridge.txt")


@pytest.mark.parametrize("value, seconds", [("", 60.0), ("2.5", 2.5), ("nonsense", 60.0)])
def test_the_budget_is_a_setting(monkeypatch, value, seconds):
    monkeypatch.setenv(budget.ARTICLE_SECONDS_ENV, value)
    assert budget.article_seconds() == seconds
