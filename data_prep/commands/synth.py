"""``newsvoices synth``: deterministic synthetic data, as article files with gold quotes or as tables."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from data_prep import store
from data_prep.commands.prep import prepare_dashboard_views

NAME = "synth"
HELP = ("Make synthetic data (invented people and places): article files with gold quotes, "
        "or the dataset tables directly, for tests and benchmarks at any scale.")
MAX_QUOTES = 50_000_000


def _count(minimum: int, maximum: int):
    def parse(value: str) -> int:
        try:
            number = int(value.replace("_", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
        if not minimum <= number <= maximum:
            raise argparse.ArgumentTypeError(f"must be between {minimum:,} and {maximum:,}, got {number:,}")
        return number
    return parse


def add_arguments(parser) -> None:
    kinds = parser.add_subparsers(dest="synth_kind", metavar="WHAT")
    articles = kinds.add_parser(
        "articles", help="N article files (.txt, seed style) in OUT_DIR/articles/, gold quotes in OUT_DIR/gold.jsonl",
        description="Write N synthetic articles as text files in the seed's style into OUT_DIR/articles/, and "
                    "their quotes and speakers in the PolNeAR format into OUT_DIR/gold.jsonl. Build them with "
                    "'newsvoices prep OUT_DIR/articles'; score with 'newsvoices evaluate quotes OUT_DIR/gold.jsonl'.")
    articles.add_argument("count", type=_count(1, 10_000_000), metavar="N", help="number of articles")
    articles.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="folder to write into (created if missing)")
    articles.add_argument("--seed", type=int, default=0, help="same seed, same articles (default: 0)")
    dataset = kinds.add_parser(
        "dataset", help="the six dataset tables directly (no parsing), with Q quotes",
        description="Write a complete synthetic dataset (all six tables) with Q quotes into a dataset folder, "
                    "for trying the dashboard at scale. Replaces the tables of an existing dataset there.")
    dataset.add_argument("--quotes", type=_count(1, MAX_QUOTES), required=True, metavar="Q", help="number of quotes")
    dataset.add_argument("--data", type=Path, default=None,
                         help=f"dataset folder (default: ${store.DATA_ENV} or ./{store.DEFAULT_DATA_DIR})")
    dataset.add_argument("--seed", type=int, default=0, help="same seed, same tables (default: 0)")
    parser.set_defaults(_synth_parser=parser)


def _refuse_file(path: Path) -> str | None:
    if path.exists() and not path.is_dir():
        return f"{path} exists and is not a folder"
    return None


def _articles(args) -> int:
    from data_prep.synth.articles import ARTICLES_FOLDER, write_articles

    if problem := _refuse_file(args.out_dir):
        print(f"error: {problem}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        gold = write_articles(args.count, args.out_dir, seed=args.seed)
    except OSError as error:
        print(f"error: cannot write to {args.out_dir}: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"{args.count} articles in {args.out_dir / ARTICLES_FOLDER}, gold quotes in {gold} "
          f"({time.perf_counter() - started:.1f} s)")
    print(f"next: newsvoices prep {args.out_dir / ARTICLES_FOLDER} --data DIR; "
          f"newsvoices evaluate quotes {gold}")
    return 0


def _dataset(args) -> int:
    from data_prep.synth.tables import write_synthetic_dataset

    data_dir = args.data or store.default_data_dir()
    if problem := _refuse_file(data_dir):
        print(f"error: {problem}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        counts = write_synthetic_dataset(args.quotes, data_dir, seed=args.seed)
    except OSError as error:
        print(f"error: cannot write the dataset to {data_dir}: {error.strerror or error}", file=sys.stderr)
        return 2
    rows = ", ".join(f"{count:,} {table}" for table, count in counts.items())
    print(f"synthetic dataset written to {Path(data_dir).resolve()}: {rows} ({time.perf_counter() - started:.1f} s)")
    prepare_dashboard_views(Path(data_dir))
    return 0


def run(args) -> int:
    if args.synth_kind == "articles":
        return _articles(args)
    if args.synth_kind == "dataset":
        return _dataset(args)
    args._synth_parser.print_help()
    return 2
