"""The build client's peak memory at corpus sizes too large to parse on a small shared machine.

Parsing 200k articles takes hours on two busy cores, but the client's memory does not depend on who
parsed them: this script primes a dataset folder's build cache with real analyses (those of a small
dataset built normally, ``--pool``), handed round-robin to every article of ``--articles``, then runs
the unmodified ``newsvoices prep`` as a fresh process under ``/usr/bin/time`` and reports its peak RSS.
Every article is then "unchanged, analysis reused": the build reads all inputs, copies the cache,
merges the actors of every article, writes every table a row group at a time and swaps the folder in,
exactly as a real build; only the parse is skipped. The tables it writes are for measuring only
(quote offsets belong to the pool's texts, not to the articles they are attached to).

    python benchmarks/client_memory.py --pool DATA_DIR --articles FOLDER --data OUT [--stance none]
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from data_prep import build_cache  # noqa: E402
from data_prep.ingest import iter_ingest  # noqa: E402
from data_prep.nlp import resolve_model_name  # noqa: E402
from data_prep.parquet_stream import read_rows  # noqa: E402


def pool_analyses(pool_dir: Path) -> list[dict]:
    return [json.loads(row["analysis"]) for rows in read_rows(pool_dir / build_cache.CACHE_FILE, ["analysis"])
            for row in rows]


def prime(articles: Path, data_dir: Path, pool: list[dict]) -> int:
    """Write ``data_dir``'s build cache: one pool analysis for each article of ``articles``."""
    fingerprint = build_cache.analysis_fingerprint(resolve_model_name(None))
    data_dir.mkdir(parents=True, exist_ok=True)
    count = 0
    with build_cache.new_writer(data_dir) as writer:
        for article in iter_ingest([articles]):
            analysis = dict(pool[count % len(pool)], article_id=article.article_id)
            writer.add(build_cache.cache_row(analysis, fingerprint))
            count += 1
    return count


BUILD_ONLY = ("import sys; from data_prep.pipeline import build_dataset; "
              "print(build_dataset([sys.argv[1]], sys.argv[2], stance_backend=sys.argv[3]).message)")


def measure(articles: Path, data_dir: Path, stance: str, build_only: bool) -> tuple[float, int, str]:
    """Peak RSS of ``newsvoices prep`` (which also prepares the dashboard's views after the build), or of
    ``build_dataset`` alone."""
    run = ["-c", BUILD_ONLY] if build_only else ["-m", "data_prep.cli", "prep"]
    command = ["/usr/bin/time", "-f", "TIME %e s %M KiB", sys.executable, *run,
               str(articles), *([] if build_only else ["--data"]), str(data_dir),
               *([stance] if build_only else ["--stance", stance])]
    finished = subprocess.run(command, capture_output=True, text=True)
    found = re.search(r"TIME ([\d.]+) s (\d+) KiB", finished.stderr)
    if finished.returncode != 0 or not found:
        raise SystemExit(f"prep failed ({finished.returncode}):\n{finished.stderr[-3000:]}")
    summary = next((line for line in finished.stdout.splitlines() if " inputs = " in line), "")
    return float(found.group(1)), int(found.group(2)), summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pool", type=Path, required=True, help="a dataset built normally: its analyses are reused")
    parser.add_argument("--articles", type=Path, required=True, help="folder of articles to build")
    parser.add_argument("--data", type=Path, required=True, help="dataset folder to prime and build (replaced)")
    parser.add_argument("--stance", default="none", help="stance backend for the measured build (default: none)")
    parser.add_argument("--build-only", action="store_true",
                        help="measure build_dataset alone, without the dashboard views prep runs after it")
    parser.add_argument("--no-prime", action="store_true", help="the folder's cache is already primed")
    args = parser.parse_args()
    pool = pool_analyses(args.pool)
    if not pool:
        raise SystemExit(f"no cached analyses in {args.pool}; build it with newsvoices prep first")
    if not args.no_prime:
        started = time.perf_counter()
        count = prime(args.articles, args.data, pool)
        print(f"primed {count:,} articles from a pool of {len(pool):,} real analyses in "
              f"{time.perf_counter() - started:.0f} s")
    seconds, peak_kib, summary = measure(args.articles, args.data, args.stance, args.build_only)
    print(summary)
    what = "build_dataset" if args.build_only else "newsvoices prep"
    print(f"{what} {args.articles} --stance {args.stance}: {seconds:.0f} s wall, "
          f"client peak RSS {peak_kib / 1024:,.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
