"""Nothing a user saves is lost: damaged or Excel-saved user files, concurrent saves, saves during a build."""
from __future__ import annotations

import multiprocessing
import os
import threading
import time

from data_prep import store, user_csv
from data_prep.actors.aliases import load_aliases
from data_prep.corrections import (CORRECTION_COLUMNS, SPEAKER, STANCE, Correction, corrections_path,
                                   load_corrections, read_corrections, save_correction)
from data_prep.user_files import user_file_problems
from test_store import _tables

HEADER = ",".join(CORRECTION_COLUMNS)


def _row(quote_id: str, actor: str = "act-mayor") -> str:
    return f"{quote_id},speaker,{actor},,,,,2025-01-01T00:00:00+00:00"


def _ids(folder) -> list[str]:
    return [c.quote_id for c in load_corrections(folder)]


def test_one_malformed_row_costs_only_itself_and_survives_the_next_save(tmp_path):
    bad = "q-2,speaker,act-mayor,,,,,2025-01-01," + ",".join(["surplus"] * len(CORRECTION_COLUMNS))  # too many fields
    corrections_path(tmp_path).write_text("\n".join([HEADER, _row("q-1"), bad, _row("q-3")]) + "\n")
    read = read_corrections(tmp_path)
    assert [c.quote_id for c in read.corrections] == ["q-1", "q-3"]
    assert any("line 3" in problem for problem in read.problems)
    save_correction(tmp_path, Correction("q-4", SPEAKER, actor_id="act-chair"))
    assert _ids(tmp_path) == ["q-1", "q-3", "q-4"]
    assert bad in corrections_path(tmp_path).read_text(), "the line not understood is kept as it was"


def test_an_unclosed_quotation_mark_does_not_swallow_the_rows_after_it(tmp_path):
    corrections_path(tmp_path).write_text("\n".join(
        [HEADER, _row("q-1"), 'q-2,speaker,,"Maria Chen,,,,', _row("q-3"), _row("q-4")]) + "\n")
    read = read_corrections(tmp_path)
    assert [c.quote_id for c in read.corrections] == ["q-1", "q-3", "q-4"]
    assert any("line 3" in problem and "not closed" in problem for problem in read.problems)


def test_an_invalid_byte_keeps_the_row_and_says_so(tmp_path):
    content = "\n".join([HEADER, _row("q-1"), "q-2,speaker,,Zoë Ruiz\xff,,,,"]).encode("utf-8")
    corrections_path(tmp_path).write_bytes(content.replace("\xff".encode("utf-8"), b"\xff"))
    read = read_corrections(tmp_path)
    assert [c.quote_id for c in read.corrections] == ["q-1", "q-2"]
    assert read.corrections[1].speaker_name.startswith("Zoë Ruiz")
    assert any("line 3" in problem and "replaced" in problem for problem in read.problems)


def test_an_excel_save_cp1252_with_semicolons_is_read_and_backed_up_before_a_rewrite(tmp_path):
    excel = ";".join(CORRECTION_COLUMNS) + "\r\nq-1;speaker;;José Núñez;;;“checked”;\r\n" \
        "q-2;stance;;;harbour expansion;against;;\r\n"
    original = excel.encode("cp1252")
    corrections_path(tmp_path).write_bytes(original)
    loaded = load_corrections(tmp_path)
    assert [(c.quote_id, c.field) for c in loaded] == [("q-1", SPEAKER), ("q-2", STANCE)]
    assert loaded[0].speaker_name == "José Núñez" and loaded[0].note == "“checked”"
    save_correction(tmp_path, Correction("q-3", SPEAKER, actor_id="act-chair"))
    assert _ids(tmp_path) == ["q-1", "q-2", "q-3"]
    [backup] = tmp_path.glob("corrections.csv.*.bak")
    assert backup.read_bytes() == original


def test_utf16_tab_separated_excel_unicode_text_is_read(tmp_path):
    text = "\t".join(CORRECTION_COLUMNS) + "\r\n" + "\t".join(["q-1", "speaker", "", "Ана Петрова", "", "", "", ""])
    corrections_path(tmp_path).write_bytes(text.encode("utf-16"))
    assert [c.speaker_name for c in load_corrections(tmp_path)] == ["Ана Петрова"]


def test_rows_of_an_unknown_kind_and_unknown_columns_are_kept_by_saves(tmp_path):
    columns = [*CORRECTION_COLUMNS, "reviewer"]

    def line(**values: str) -> str:
        return ",".join(values.get(name, "") for name in columns) + "\n"

    corrections_path(tmp_path).write_text(
        ",".join(columns) + "\n"
        + line(quote_id="q-1", field="outlet", created_at="2025-01-01T00:00:00+00:00", reviewer="ana")
        + line(quote_id="q-2", field="speaker", actor_id="act-mayor", created_at="2025-01-01T00:00:00+00:00",
               reviewer="tom"))
    read = read_corrections(tmp_path)
    assert [c.quote_id for c in read.corrections] == ["q-2"]
    assert any("line 2" in problem and "not applied" in problem for problem in read.problems)
    save_correction(tmp_path, Correction("q-3", SPEAKER, actor_id="act-chair"))
    saved = user_csv.read_user_csv(corrections_path(tmp_path), CORRECTION_COLUMNS)
    assert [(row.values["field"], row.values["reviewer"]) for row in saved.rows] == [
        ("outlet", "ana"), ("speaker", "tom"), ("speaker", "")]


def test_a_file_without_a_header_is_reported_and_kept(tmp_path):
    corrections_path(tmp_path).write_text(_row("q-1") + "\n")
    assert load_corrections(tmp_path) == []
    assert any("no header" in problem for problem in user_file_problems(tmp_path))
    save_correction(tmp_path, Correction("q-2", SPEAKER, actor_id="act-chair"))
    assert _row("q-1") in corrections_path(tmp_path).read_text()
    assert list(tmp_path.glob("corrections.csv.*.bak"))


def test_aliases_saved_by_excel_are_read(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_bytes("alias;canonical;action\r\nJ. Núñez;José Núñez;merge\r\nbroken;\"open;x\r\nA;B;\r\n"
                     .encode("cp1252"))
    aliases = load_aliases(path)
    assert aliases.canonical("j. núñez") == "José Núñez" and aliases.canonical("a") == "B"
    assert any(":4:" in problem or ":3:" in problem for problem in aliases.problems)


def _save_many(folder: str, prefix: str, count: int) -> None:
    for number in range(count):
        save_correction(folder, Correction(f"{prefix}-{number}", SPEAKER, actor_id="act-mayor"))


def test_two_sessions_saving_at_once_keep_every_correction(tmp_path):
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_save_many, args=(str(tmp_path), prefix, 50)) for prefix in "ab"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert sorted(_ids(tmp_path)) == sorted(f"{p}-{n}" for p in "ab" for n in range(50))


def test_a_correction_saved_while_a_build_swaps_the_folder_is_kept(tmp_path, monkeypatch):
    data = tmp_path / "data"
    store.write_dataset(data, _tables(1))
    save_correction(data, Correction("q-before", SPEAKER, actor_id="act-mayor"))
    carry_over = store._carry_over_user_files
    saver = threading.Thread(target=save_correction, args=(data, Correction("q-during", SPEAKER, actor_id="x")))

    def slow_carry_over(*args, **kwargs):
        carry_over(*args, **kwargs)
        saver.start()  # a session saves after the copy was made, before the swap
        time.sleep(0.5)

    monkeypatch.setattr(store, "_carry_over_user_files", slow_carry_over)
    store.write_dataset(data, _tables(2))
    saver.join(10)
    assert _ids(data) == ["q-before", "q-during"]
    assert store.has_dataset(data)


def _crash_between_renames(data) -> os.PathLike:
    """What a build killed between its two renames leaves: the old dataset retired, no folder in its place."""
    retired = data.parent / f".{data.name}.old-killed"
    os.replace(data, retired)
    return retired


def test_recovery_restores_the_only_complete_copy_even_if_a_folder_stands_in_its_place(tmp_path):
    data = tmp_path / "data"
    store.write_dataset(data, _tables(1))
    save_correction(data, Correction("q-1", SPEAKER, actor_id="act-mayor"))
    _crash_between_renames(data)
    data.mkdir()  # what an older save did in that moment: a folder holding only a new corrections file
    (data / "corrections.csv").write_text(HEADER + "\n" + _row("q-2") + "\n")
    store.recover(data)
    assert store.has_dataset(data), "the complete dataset is back"
    assert _ids(data) == ["q-1"]
    [aside] = tmp_path.glob(".data.incomplete-*")
    assert "q-2" in (aside / "corrections.csv").read_text(), "the stray folder is moved aside, not deleted"


def test_a_save_after_a_crashed_swap_restores_the_dataset_first(tmp_path):
    data = tmp_path / "data"
    store.write_dataset(data, _tables(1))
    save_correction(data, Correction("q-1", SPEAKER, actor_id="act-mayor"))
    _crash_between_renames(data)
    save_correction(data, Correction("q-2", SPEAKER, actor_id="act-mayor"))
    assert store.has_dataset(data) and _ids(data) == ["q-1", "q-2"]
    store.write_dataset(data, _tables(2))
    assert _ids(data) == ["q-1", "q-2"]
