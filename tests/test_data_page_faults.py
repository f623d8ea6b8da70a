"""The dashboard facing a damaged, read-only or half-swapped dataset: it says what is wrong and loses nothing."""
from __future__ import annotations

import os

import pytest
from streamlit.testing.v1 import AppTest

from data_prep import schema, store
from data_prep.corrections import CORRECTION_COLUMNS, corrections_path
from dashboard import loading
from dashboard_fixture import write_fixture
from test_dashboard_pages import APP, data_dir, texts  # noqa: F401 (data_dir is a fixture)


def _data_page() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.switch_page("pages/data.py").run()
    assert not app.exception, [item.value for item in app.exception]
    return app


def _crash_between_renames(data) -> None:
    os.replace(data, data.parent / f".{data.name}.old-killed")


def test_a_half_finished_swap_is_recovered_before_the_app_decides_there_is_no_dataset(data_dir):
    _crash_between_renames(data_dir)
    assert loading.has_data(data_dir)
    assert len(loading.load_views(data_dir).quotes) == 9


def test_an_upload_after_a_half_finished_swap_keeps_the_dataset(data_dir, tmp_path):
    pytest.importorskip("spacy")
    from dashboard import uploads
    _crash_between_renames(data_dir)
    story = tmp_path / "story.txt"
    story.write_text("Port strike ends\n\n\"We have a fair deal,\" union leader Maria Chen said on Friday.\n")
    # The page saw no dataset in that moment, yet the box stays ticked: the build looks for itself.
    result = uploads.build_uploads([story], data_dir, keep_existing=True)
    assert result.error is None, result.error
    titles = set(store.read_table(data_dir, schema.ARTICLES, columns=["title"])["title"])
    assert "Port strike ends" in titles and "Budget talks stall over harbour money" in titles


def test_the_data_page_lists_lines_of_user_files_it_could_not_use(data_dir):
    corrections_path(data_dir).write_text(",".join(CORRECTION_COLUMNS) + "\n"
                                          "q-b2,speaker,act-mayor,,,,,\n"
                                          "q-b1,speaker,x" + "," * len(CORRECTION_COLUMNS) + "too,many\n")
    (data_dir / "aliases.csv").write_text("alias,canonical,action\nTom,Tom Berg,explode\n")
    app = _data_page()
    problems = "\n".join(app.dataframe[-2].value["problem"])
    assert "corrections.csv line 3" in problems and "aliases.csv:2" in problems
    assert "could not be used" in texts(app)
    assert "No corrections yet" not in texts(app)


def test_a_truncated_table_names_itself_and_the_rebuild_command_and_the_data_page_still_works(data_dir):
    path = store.table_path(data_dir, schema.QUOTES)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    app = _data_page()
    errors = "\n".join(error.value for error in app.error)
    assert "quotes table" in errors and "newsvoices prep" in errors
    assert "Ingest log" in texts(app) or "Add articles" in texts(app)
    overview = AppTest.from_file(APP, default_timeout=60)
    overview.run()
    assert not overview.exception, [item.value for item in overview.exception]
    assert any("quotes table" in error.value for error in overview.error)


def test_a_read_only_dataset_opens_for_reading_with_writing_switched_off(data_dir, monkeypatch):
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if mode & os.W_OK else real_access(path, mode))
    real_open = open

    def read_only_open(file, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wa+x"):
            raise OSError(30, "Read-only file system", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", read_only_open)
    assert len(loading.load_views(data_dir).quotes) == 9
    app = _data_page()
    assert "read-only" in texts(app)
    [build] = [button for button in app.button if button.label == "Build the dataset"]
    assert build.disabled
