#!/usr/bin/env python3
"""Fault campaign for docs/reliability.md: damaged user files, concurrent saves, saves during builds,
builds killed with kill -9, hostile inputs. Prints what was tried, what was survived, what was lost.

Every correction saved is counted: "lost" is a correction whose save returned but which is not in
corrections.csv afterwards, or a line of a user's file that is neither in the file nor in a dated backup.
Usage:  nice python benchmarks/faults.py [--rounds 20] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from data_prep import schema, store  # noqa: E402
from data_prep.budget import bounded_text  # noqa: E402
from data_prep.corrections import (CORRECTION_COLUMNS, SPEAKER, Correction, corrections_path,  # noqa: E402
                                   load_corrections, save_correction)
from data_prep.ingest import ingest  # noqa: E402
from test_store import _tables  # noqa: E402

HEADER = ",".join(CORRECTION_COLUMNS)
GOOD = 20


def _good_rows(delimiter: str = ",") -> list[str]:
    return [delimiter.join([f"q-{n}", "speaker", "", f"Speaker {n}", "", "", "", ""]) for n in range(GOOD)]


def _damaged_files() -> dict[str, bytes]:
    """Each a corrections.csv with GOOD readable rows and one kind of damage a user or Excel can cause."""
    rows = _good_rows()
    plain = (HEADER + "\n" + "\n".join(rows) + "\n")
    semi = ";".join(CORRECTION_COLUMNS) + "\r\n" + "\r\n".join(_good_rows(";")) + "\r\n"
    tab = "\t".join(CORRECTION_COLUMNS) + "\r\n" + "\r\n".join(_good_rows("\t")) + "\r\n"
    middle = GOOD // 2

    def insert(line: str) -> str:
        return HEADER + "\n" + "\n".join([*rows[:middle], line, *rows[middle:]]) + "\n"

    return {
        "too many fields": insert("q-x,speaker,,X,,,,,surplus,values").encode(),
        "unclosed quotation mark": insert('q-x,speaker,,"Open name,,,,').encode(),
        "invalid byte": insert("q-x,speaker,,Bad\xff name,,,,").encode("latin-1"),
        "stray NUL": insert("q-x,speaker,,Nul\x00 name,,,,").encode(),
        "cp1252 with ;": semi.replace("Speaker 1,", "Speaker 1,").encode("cp1252"),
        "cp1252 accents": plain.replace("Speaker 3", "José Núñez").encode("cp1252"),
        "UTF-8 BOM + CRLF": b"\xef\xbb\xbf" + plain.replace("\n", "\r\n").encode(),
        "UTF-16 tab (Excel Unicode text)": tab.encode("utf-16"),
        "unknown correction kind": insert("q-x,not_a_quote,,,,,,").encode(),
        "extra column": (HEADER + ",reviewer\n" + "\n".join(r + ",ana" for r in rows) + "\n").encode(),
        "truncated last line": (plain + "q-x,spea").encode(),
        "no header": ("\n".join(rows) + "\n").encode(),
        "blank lines": insert("").replace("\n", "\n\n").encode(),
    }


def damaged_user_files(folder: Path) -> dict:
    tried = lost_rows = lost_bytes = 0
    for number, (name, content) in enumerate(_damaged_files().items()):
        data = folder / f"damaged-{number}"
        data.mkdir()
        corrections_path(data).write_bytes(content)
        save_correction(data, Correction("q-new", SPEAKER, actor_id="act-x"))
        loaded = {c.quote_id for c in load_corrections(data)}
        backups = list(data.glob("corrections.csv.*.bak"))
        kept_bytes = corrections_path(data).read_bytes().startswith(content) or any(
            backup.read_bytes() == content for backup in backups)
        tried += 1
        lost_bytes += not kept_bytes
        if name != "no header":  # a headerless file cannot be read; its lines are kept, in the file and a backup
            lost_rows += len({f"q-{n}" for n in range(GOOD)} - loaded) + ("q-new" not in loaded)
    return {"damaged files tried": tried, "readable rows lost": lost_rows, "files whose bytes were lost": lost_bytes}


def _saver(folder: str, prefix: str, count: int) -> None:
    for number in range(count):
        save_correction(folder, Correction(f"{prefix}-{number}", SPEAKER, actor_id="act-x"))


def _builder(folder: str, stop_after: float) -> None:
    generation, ends = 2, time.monotonic() + stop_after
    while time.monotonic() < ends:
        store.write_dataset(folder, _tables(generation, n_rows=2000))
        generation += 1


def concurrent_saves(folder: Path, sessions: int = 4, each: int = 50) -> dict:
    data = folder / "concurrent"
    data.mkdir()
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_saver, args=(str(data), f"s{n}", each)) for n in range(sessions)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    saved = sessions * each
    return {"concurrent saves": saved, "concurrent saves lost": saved - len(load_corrections(data))}


def saves_during_builds(folder: Path, seconds: float = 8.0) -> dict:
    data = folder / "during-builds"
    store.write_dataset(data, _tables(1, n_rows=2000))
    context = multiprocessing.get_context("fork")
    builder = context.Process(target=_builder, args=(str(data), seconds))
    builder.start()
    savers = [context.Process(target=_saver, args=(str(data), f"b{n}", 60)) for n in range(2)]
    for saver in savers:
        saver.start()
    for saver in savers:
        saver.join()
    builder.join()
    builds = int(store.dataset_version(data) != "none")
    return {"saves during builds": 120, "saves during builds lost": 120 - len(load_corrections(data)),
            "dataset complete after": bool(builds and store.has_dataset(data))}


def killed_builds(folder: Path, rounds: int) -> dict:
    """A build loop and a saving session; the build is killed with kill -9 at a random moment each round."""
    data = folder / "killed"
    store.write_dataset(data, _tables(1, n_rows=2000))
    context = multiprocessing.get_context("fork")
    saved = incomplete = mixed = 0
    random.seed(15)
    for number in range(rounds):
        builder = context.Process(target=_builder, args=(str(data), 60.0))
        builder.start()
        saver = context.Process(target=_saver, args=(str(data), f"k{number}", 10))
        saver.start()
        time.sleep(random.uniform(0.05, 1.5))
        os.kill(builder.pid, signal.SIGKILL)
        builder.join()
        saver.join()
        saved += 10
        store.recover(data)
        incomplete += not store.has_dataset(data)
        titles = set(store.read_table(data, schema.ARTICLES, columns=["title"])["title"])
        mixed += len(titles) != 1
    lost = saved - len({c.quote_id for c in load_corrections(data)})
    return {"builds killed (kill -9)": rounds, "saves around them": saved, "saves lost": lost,
            "datasets left incomplete": incomplete, "datasets mixing two builds": mixed}


def hostile_inputs(folder: Path) -> dict:
    inputs = folder / "hostile"
    inputs.mkdir()
    deep = "[" * 5000 + '"x"' + "]" * 5000
    files = {
        "marks.txt": '"' * 500_000,
        "quotes.txt": '"a," said "b," ' * 700,
        "nul.txt": "Title\n\nThe chair\x00 said it was done.\n",
        "deep.jsonl": '{"text": "First line."}\n{"text": ' + deep + '}\n{"text": "Third line."}\n',
        "binary.txt": "%PDF-1.7\n" + "x" * 100,
        "empty.md": "",
        "bad.json": "{not json",
        "no-text.csv": "title\nOnly a title\n",
    }
    for name, content in files.items():
        (inputs / name).write_text(content, encoding="utf-8")
    (inputs / "root-link").symlink_to("/")
    (inputs / "broken.txt").symlink_to(inputs / "nowhere.txt")
    started = time.perf_counter()
    result = ingest([inputs])
    seconds = time.perf_counter() - started
    units = len(result.articles) + len(result.log)
    expected = len(files) + 2 + 2  # two extra JSONL lines, the link out, the broken link
    tokenizer = _tokenizer_seconds()
    return {"hostile inputs": len(files) + 2, "input units accounted for": f"{units} of {expected}",
            "ingest seconds": round(seconds, 2), **tokenizer}


def _tokenizer_seconds() -> dict:
    try:
        from data_prep.nlp import load_pipeline
        tokenizer = load_pipeline(None).tokenizer
    except Exception as error:  # no spaCy model here: nothing to time
        return {"tokenizer": f"not measured ({error})"}
    text = '"' * 500_000
    started = time.perf_counter()
    tokenizer(bounded_text(text))
    return {"tokenizer seconds, 500 KB of quotation marks, bounded": round(time.perf_counter() - started, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="builds killed with kill -9 (default: 20)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsvoices-faults-") as tmp:
        folder = Path(tmp)
        results = {}
        for step in (damaged_user_files, concurrent_saves, saves_during_builds,
                     lambda f: killed_builds(f, args.rounds), hostile_inputs):
            results.update(step(folder))
    for key, value in results.items():
        print(f"{key}: {value}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
