"""``newsvoices prep``: build the dataset tables from articles."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from data_prep import store
from data_prep.ingest import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES
from data_prep.ingest.web import read_url_list
from data_prep.memory import keep_loaded_objects_out_of_collections, return_freed_arrow_memory
from data_prep.pipeline import BuildError, build_dataset
from data_prep.progress import cli_progress, phase
from data_prep.seeds import seeds_dir
from data_prep.stance.registry import BACKENDS, DEFAULT_BACKEND, backend_help

NAME = "prep"
HELP = "Build the dataset (Parquet tables) from article files and folders."


def add_arguments(parser) -> None:
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help=f"files or folders ({' '.join(SUPPORTED_SUFFIXES)}); default: the seed article(s)")
    parser.add_argument("--data", type=Path, default=None,
                        help=f"dataset folder (default: ${store.DATA_ENV} or ./{store.DEFAULT_DATA_DIR})")
    parser.add_argument("--model", default=None, help="spaCy pipeline name or path (default: see README)")
    parser.add_argument("--stance", default=DEFAULT_BACKEND, choices=BACKENDS, help=backend_help())
    parser.add_argument("--targets", type=Path, default=None, help="topics file for stance (CSV, docs/stance.md)")
    parser.add_argument("--workers", type=int, default=1,
                        help="processes for parsing on this machine, or of the cluster --scheduler local starts "
                             "(default: 1)")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help="run the per-article work on a Dask cluster: its scheduler's tcp://HOST:PORT, or "
                             "'local' to start one of --workers processes (needs the dask extra; "
                             "docs/scale-out.md)")
    parser.add_argument("--urls", type=Path, default=None,
                        help="file with one URL per line: fetch each page and extract its article")
    parser.add_argument("--full", action="store_true", help="re-analyse every article, ignoring the build cache")
    parser.add_argument("--strict", action="store_true", help="exit non-zero if any input failed")
    parser.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1024 / 1024,
                        help="skip files larger than this many MiB (default: %(default).0f)")
    parser.add_argument("--follow-links", action="store_true",
                        help="follow links that lead out of the input folders (default: skip and log them)")


def run(args) -> int:
    data_dir = args.data or store.default_data_dir()
    urls = []
    if args.urls:
        try:
            urls = read_url_list(args.urls)
        except (OSError, UnicodeDecodeError) as error:
            print(f"error: cannot read URL list {args.urls}: {error}", file=sys.stderr)
            return 2
    inputs = args.inputs or ([] if urls else [seeds_dir()])
    if args.targets and not args.targets.is_file():
        print(f"error: targets file {args.targets} not found", file=sys.stderr)
        return 2
    return_freed_arrow_memory()
    keep_loaded_objects_out_of_collections()  # the modules: a build's nine collections skip them
    try:
        with cli_progress("analysing articles", "stance of quotes") as (progress, stance_progress):
            summary = build_dataset(inputs, data_dir, model=args.model, stance_backend=args.stance,
                                    targets_file=args.targets, workers=max(1, args.workers),
                                    scheduler=args.scheduler, full=args.full,
                                    max_bytes=int(args.max_mb * 1024 * 1024), urls=urls,
                                    follow_links=args.follow_links, progress=progress,
                                    stance_progress=stance_progress)
    except (BuildError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(summary.message)
    report_failures(summary.failures)
    report_user_files(Path(data_dir))
    if not summary.written:
        return 1
    print(f"dataset written to {Path(data_dir).resolve()}")
    phase("dashboard views")
    prepare_dashboard_views(Path(data_dir))
    return 1 if (args.strict and summary.failed) else 0


def prepare_dashboard_views(data_dir: Path) -> None:
    """Best effort: a dashboard opened after the build then starts in about a second, even at a million quotes."""
    logging.disable(logging.WARNING)  # Streamlit warns that it runs without a server, as it does here
    try:
        from dashboard.loading import prepare_views
        prepare_views(data_dir)
    except Exception as error:  # the dataset is built; a cold dashboard cache only costs its first open
        print(f"note: the dashboard's views were not prepared ({error}); the first page open builds them",
              file=sys.stderr)
    finally:
        logging.disable(logging.NOTSET)


def report_user_files(data_dir: Path, shown: int = 20) -> None:
    """Lines of corrections.csv, aliases.csv or outlets.csv that were not used; they stay in the files."""
    from data_prep.user_files import user_file_problems
    problems = user_file_problems(data_dir)
    for problem in problems[:shown]:
        print(f"  not used: {problem}", file=sys.stderr)
    if len(problems) > shown:
        print(f"  ... and {len(problems) - shown} more (Data page, Corrections)", file=sys.stderr)


def report_failures(failures: list[dict], shown: int = 20) -> None:
    for row in failures[:shown]:
        where = row["source"] if row["record"] in ("file", "url") else f"{row['source']} ({row['record']})"
        print(f"  failed: {where}: {row['message']}", file=sys.stderr)
    if len(failures) > shown:
        print(f"  ... and {len(failures) - shown} more; all are in the ingest log (Data page, ingest_log.parquet)",
              file=sys.stderr)
