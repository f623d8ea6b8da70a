#!/usr/bin/env python3
"""List places in the repository that copy a run of N+ consecutive words of the evaluation texts.

The realnews articles and gold, PolNeAR and NewsMTSC in ``../shared/eval`` are third-party text for
research use: no sentence or long distinctive phrase of them may appear in the project. This check
reads every string of those files (JSON strings of the ``.jsonl``/``.json`` files, the plain text of
the ``.txt``/``.tsv`` files), then every tracked text file of the repository (``git ls-files``), and
prints each ``file:line``, run length and run that shares N or more consecutive words with them
(words lower-cased, curly apostrophes made straight, punctuation ignored). ``benchmarks/gold/`` is
skipped (its notes are checked by the coordinator). Exit status 1 when a hit is not an official
name in ``ALLOWED_NAMES``, 2 when there is no evaluation folder. ``-n 6`` shows near-copies by eye.

Usage: python benchmarks/check_copied_text.py [REPO] [--eval DIR] [-n 8]
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

REPO = Path(__file__).resolve().parents[1]
TEXT_SUFFIXES = (".py", ".md", ".csv", ".json", ".jsonl", ".toml", ".txt", ".tsv")
EVAL_SUFFIXES = (".jsonl", ".json", ".txt", ".tsv")
SKIPPED_FOLDERS = ("benchmarks/gold/",)
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Official names any text may use in full. Proper names only, never a sentence or a phrase.
ALLOWED_NAMES = (
    "United Nations Framework Convention on Climate Change",
)


class Hit(NamedTuple):
    path: str
    line: int
    run: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.path}:{self.line}\t{len(self.run)} words\t{' '.join(self.run)}"


def words(text: str) -> list[str]:
    return WORD.findall(_normalise(text))


def _normalise(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


def default_eval_dir(repo: Path) -> Path:
    """``../shared/eval`` beside the repository; for a git worktree, beside its main checkout too."""
    beside = repo.parent / "shared" / "eval"
    if beside.is_dir():
        return beside
    done = subprocess.run(["git", "-C", str(repo), "rev-parse", "--path-format=absolute", "--git-common-dir"],
                          capture_output=True, text=True)
    if done.returncode == 0 and done.stdout.strip():
        main_checkout = Path(done.stdout.strip()).parent
        candidate = main_checkout.parent / "shared" / "eval"
        if candidate.is_dir():
            return candidate
    return beside


def _json_strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def eval_strings(eval_dir: Path) -> Iterator[str]:
    for path in sorted(eval_dir.rglob("*")):
        if not path.is_file() or path.suffix not in EVAL_SUFFIXES:
            continue
        text = path.read_text(encoding="utf8", errors="replace")
        if path.suffix == ".jsonl":
            for line in text.splitlines():
                try:
                    yield from _json_strings(json.loads(line))
                except json.JSONDecodeError:
                    yield line
        elif path.suffix == ".json":
            try:
                yield from _json_strings(json.loads(text))
            except json.JSONDecodeError:
                yield text
        else:
            yield text


def eval_ngrams(eval_dir: Path, n: int) -> set[int]:
    """Hashes of every run of ``n`` words of the evaluation strings (hashes keep the set small)."""
    grams: set[int] = set()
    for text in eval_strings(eval_dir):
        tokens = words(text)
        for start in range(len(tokens) - n + 1):
            grams.add(hash(tuple(tokens[start:start + n])))
    return grams


def tracked_text_files(repo: Path) -> list[str]:
    done = subprocess.run(["git", "-C", str(repo), "ls-files", "-z"], capture_output=True, text=True, check=True)
    return [path for path in done.stdout.split("\0")
            if path.endswith(TEXT_SUFFIXES) and not path.startswith(SKIPPED_FOLDERS)]


def file_hits(path: str, text: str, grams: set[int], n: int) -> Iterator[Hit]:
    """Maximal runs of the file's words whose every ``n``-word window is in ``grams``."""
    normalised = _normalise(text)
    matches = list(WORD.finditer(normalised))
    tokens = [match.group(0) for match in matches]
    start = 0
    while start <= len(tokens) - n:
        if hash(tuple(tokens[start:start + n])) not in grams:
            start += 1
            continue
        end = start + 1
        while end <= len(tokens) - n and hash(tuple(tokens[end:end + n])) in grams:
            end += 1
        line = normalised.count("\n", 0, matches[start].start()) + 1
        yield Hit(path, line, tuple(tokens[start:end + n - 1]))
        start = end + n - 1


def is_allowed(hit: Hit, allowed_names: Iterable[str] = ALLOWED_NAMES) -> bool:
    """A run that is an allowed name, with at most one word either side (an article, a possessive)."""
    run = " ".join(hit.run)
    for name in allowed_names:
        name_words = " ".join(words(name))
        if name_words in run:
            before, _, after = run.partition(name_words)
            if len(before.split()) <= 1 and len(after.split()) <= 1:
                return True
    return False


def find_hits(repo: Path, eval_dir: Path, n: int = 8) -> list[Hit]:
    grams = eval_ngrams(eval_dir, n)
    hits: list[Hit] = []
    for path in tracked_text_files(repo):
        try:
            text = (repo / path).read_text(encoding="utf8")
        except (OSError, UnicodeDecodeError):
            continue
        hits.extend(file_hits(path, text, grams, n))
    return hits


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", nargs="?", type=Path, default=REPO)
    parser.add_argument("--eval", type=Path, default=None, help="the evaluation folder (default ../shared/eval)")
    parser.add_argument("-n", "--words", type=int, default=8, help="shortest run reported (default 8)")
    args = parser.parse_args(argv)
    repo = args.repo.resolve()
    eval_dir = args.eval or default_eval_dir(repo)
    if not eval_dir.is_dir():
        print(f"no evaluation folder at {eval_dir}", file=sys.stderr)
        return 2
    hits = find_hits(repo, eval_dir, args.words)
    refused = [hit for hit in hits if not is_allowed(hit)]
    for hit in hits:
        print(("allowed name\t" if hit not in refused else "") + str(hit))
    print(f"{len(refused)} copied runs of {args.words}+ words ({len(hits) - len(refused)} allowed names)",
          file=sys.stderr)
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
