"""Throughput of ``newsvoices prep`` in this process against a LocalCluster of 1 and 2 workers, in one run.

Each build is a fresh ``newsvoices prep --full`` process on the same corpus (as a user runs it, so the
cluster's start-up and the workers' model loading are counted), alternating the three ways for
``--rounds`` rounds; the best wall time of each is reported with tokens/s (spaCy tokens of the corpus)
and the ratio to the in-process build. The load average is printed after each build: on a shared
machine the ratio means something only while the load stays below the number of cores.

    python benchmarks/cluster_throughput.py --articles 300 [--rounds 2] [--stance none]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from data_prep.ingest import iter_ingest  # noqa: E402
from data_prep.nlp import load_pipeline  # noqa: E402
from data_prep.synth.articles import ARTICLES_FOLDER, write_articles  # noqa: E402

WAYS = {
    "in-process": [],
    "LocalCluster, 1 worker": ["--scheduler", "local", "--workers", "1"],
    "LocalCluster, 2 workers": ["--scheduler", "local", "--workers", "2"],
}


def corpus_tokens(folder: Path) -> tuple[int, int]:
    tokenizer = load_pipeline().tokenizer
    articles = list(iter_ingest([folder]))
    return len(articles), sum(len(tokenizer(article.text)) for article in articles)


def timed_build(folder: Path, data: Path, stance: str, extra: list[str]) -> float:
    command = [sys.executable, "-m", "data_prep.cli", "prep", str(folder), "--data", str(data), "--full",
               "--stance", stance, *extra]
    started = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True)
    if finished.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{finished.stderr[-2000:]}")
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300, help="synthetic articles (seed 0)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--stance", default="none")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nv-cluster-bench-") as scratch:
        scratch = Path(scratch)
        write_articles(args.articles, scratch)
        folder = scratch / ARTICLES_FOLDER
        n_articles, tokens = corpus_tokens(folder)
        best = {way: float("inf") for way in WAYS}
        for round_number in range(args.rounds):
            for way, extra in WAYS.items():
                seconds = timed_build(folder, scratch / f"data-{round_number}", args.stance, extra)
                best[way] = min(best[way], seconds)
                load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
                print(f"round {round_number + 1}: {way}: {seconds:.1f} s (load average after it: {load})", flush=True)
    print(f"\n{n_articles} articles, {tokens:,} tokens, --stance {args.stance}, best of {args.rounds}")
    print("| way | wall | tokens/s | vs in-process |")
    print("|---|---|---|---|")
    for way, seconds in best.items():
        print(f"| {way} | {seconds:.1f} s | {tokens / seconds:,.0f} | {best['in-process'] / seconds:.2f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
