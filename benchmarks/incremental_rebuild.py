#!/usr/bin/env python3
"""Incremental rebuild: one changed article in an N-article synthetic dataset, against the full build.

Steps, all with ``stance_backend="none"`` (stance speed has its own benchmark):
  full        ``build_dataset(folder, data, full=True, workers=W)``: every article parsed
  unchanged   the same call without ``full``: every analysis comes from the build cache
  one edit    one article file gets an extra paragraph, then the same call: one article parsed
The unchanged build must reuse all N analyses and the one-edit build N-1; editing the quote or actor
code during the run changes the cache fingerprint, so on a shared tree run it from a copy
(``git archive HEAD | tar -x -C DIR``). With --profile, the functions that dominate the
one-edit rebuild are printed (cProfile, cumulative time). Usage:
  nice python benchmarks/incremental_rebuild.py [--articles 2000] [--workers 2] [--profile] [--json OUT]
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prep_throughput import machine, peak_rss_mib, timed  # noqa: E402

from data_prep.build_cache import analysis_fingerprint  # noqa: E402
from data_prep.nlp import resolve_model_name  # noqa: E402
from data_prep.pipeline import build_dataset  # noqa: E402
from data_prep.synth.articles import ARTICLES_FOLDER, write_articles  # noqa: E402

ADDED_PARAGRAPH = "Late in the evening the regional council published a short statement on its website."


def edit_one_article(folder: Path) -> Path:
    """Add a paragraph before the URL footer of the middle article file."""
    files = sorted(folder.glob("*.txt"))
    target = files[len(files) // 2]
    body, footer = target.read_text(encoding="utf-8").rsplit("\n\nOriginal url:", 1)
    target.write_text(f"{body}\n\n{ADDED_PARAGRAPH}\n\nOriginal url:{footer}", encoding="utf-8")
    return target


def top_functions(profile: cProfile.Profile, count: int = 25) -> str:
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(count)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="synthetic articles (default: 2000)")
    parser.add_argument("--workers", type=int, default=2, help="processes for parsing (default: 2)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", action="store_true", help="profile the one-edit rebuild")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)

    before = machine()
    fingerprint = analysis_fingerprint(resolve_model_name())
    with tempfile.TemporaryDirectory(prefix="newsvoices-incremental-") as folder:
        scratch = Path(folder)
        write_articles(args.articles, scratch, seed=args.seed)
        articles, data = scratch / ARTICLES_FOLDER, scratch / "data"
        build = dict(stance_backend="none", workers=args.workers)
        full_seconds, full = timed(build_dataset, [articles], data, full=True, **build)
        unchanged_seconds, unchanged = timed(build_dataset, [articles], data, **build)
        edited = edit_one_article(articles)
        profile = cProfile.Profile() if args.profile else None
        if profile:
            profile.enable()
        edit_seconds, after_edit = timed(build_dataset, [articles], data, **build)
        if profile:
            profile.disable()
    if analysis_fingerprint(resolve_model_name()) != fingerprint:
        print("error: the quote or actor code changed during the run, so the build cache was (rightly) "
              "ignored; run it from a copy of the code nobody edits, e.g. "
              "git archive HEAD | tar -x -C DIR, then python DIR/benchmarks/incremental_rebuild.py", file=sys.stderr)
        return 1
    if unchanged.reused != args.articles or after_edit.reused != args.articles - 1:
        print(f"error: expected {args.articles} reused analyses without changes and {args.articles - 1} after "
              f"editing {edited.name}; got {unchanged.reused} and {after_edit.reused}", file=sys.stderr)
        return 1
    result = {"machine": before, "articles": args.articles, "workers": args.workers, "quotes": full.quotes,
              "full_seconds": round(full_seconds, 2), "unchanged_seconds": round(unchanged_seconds, 2),
              "one_edit_seconds": round(edit_seconds, 2),
              "one_edit_share_of_full": round(edit_seconds / full_seconds, 3),
              "reused_after_edit": after_edit.reused, "unchanged_reused": unchanged.reused,
              "peak_rss_mib": peak_rss_mib()}
    print(f"machine: {before['nproc']} cores ({before['cpu']}), {before.get('ram_gib')} GiB RAM; "
          f"load average {before['load_average_1min']}")
    print("| articles | quotes | workers | full build | rebuild, nothing changed | rebuild, one article changed "
          "| one-edit / full |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {args.articles:,} | {full.quotes:,} | {args.workers} | {full_seconds:.1f} s | {unchanged_seconds:.1f} s "
          f"| {edit_seconds:.1f} s | {edit_seconds / full_seconds:.1%} |")
    if profile:
        print(top_functions(profile))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
