#!/usr/bin/env python3
"""Prep throughput against its floor: bare spaCy ``nlp.pipe`` over the same texts, in the same run.

For each corpus (synthetic articles, and the PolNeAR dev texts when ../shared is present; those are
read at run time into a temporary folder and deleted afterwards), this measures:
  floor        tokens/s of ``nlp.pipe`` with ``data_prep.nlp.load_pipeline()`` over the ingested texts
  prep         tokens/s of ``build_dataset(..., stance_backend="none", full=True, workers=1)``
               (ingest, parse, quotes, actors, tables, Parquet write)
  prep ratio   prep / floor (target >= 0.85)
  workers=N    tokens/s of the same build with N worker processes, its speed-up over one worker
               (target >= 1.7 on 2 cores) and the peak resident memory of the largest worker
Floor and one-worker prep alternate for --rounds rounds; the best round of each is reported, since
on a shared machine the slowest rounds measure the neighbours. Usage:
  nice python benchmarks/prep_throughput.py [--articles 300] [--workers 2] [--rounds 2] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
# spaCy and the pipeline are imported inside the functions that need them: dashboard_scale.py
# imports machine() and peak_rss_mib() from here, and must not carry spaCy in its memory figures.

WARM_UP_TEXTS = 20
POLNEAR_DEV = REPO.parent / "shared" / "eval" / "quotes" / "polnear_dev.jsonl"


def machine() -> dict:
    """nproc, RAM, CPU model and the load average: the context every number needs."""
    info = {"nproc": len(os.sched_getaffinity(0)), "python": platform.python_version()}
    try:
        meminfo = Path("/proc/meminfo").read_text()
        info["ram_gib"] = round(int(meminfo.split("MemTotal:")[1].split()[0]) / 1024 ** 2, 1)
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next(line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                           if line.startswith("model name"))
    except (OSError, IndexError, StopIteration):
        info.setdefault("cpu", platform.processor() or "unknown")
    info["load_average_1min"] = round(os.getloadavg()[0], 2)
    return info


def peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory (Linux reports kilobytes); for RUSAGE_CHILDREN, the largest finished child."""
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def timed(function, *args, **kwargs) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def floor_tokens(texts: list[str]) -> int:
    """Bare ``nlp.pipe``: what parsing alone costs, with prep's pipeline and batch size."""
    from data_prep.nlp import DEFAULT_BATCH_SIZE, load_pipeline

    return sum(len(doc) for doc in load_pipeline().pipe(texts, batch_size=DEFAULT_BATCH_SIZE))


def ingested_texts(inputs: list[Path]) -> list[str]:
    """The texts prep analyses: ingested, duplicates dropped."""
    from data_prep.ingest import ingest

    return list(dict.fromkeys(article.text for article in ingest(inputs).articles))


def polnear_inputs(folder: Path, source: Path = POLNEAR_DEV) -> list[Path]:
    """The dev texts as a temporary JSONL file for prep (id and text only); none when ../shared is absent."""
    if not source.is_file():
        return []
    target = folder / "polnear_dev_texts.jsonl"
    with source.open(encoding="utf-8") as records, target.open("w", encoding="utf-8") as out:
        for line in records:
            record = json.loads(line)
            out.write(json.dumps({"id": record["id"], "text": record["text"]}) + "\n")
    return [target]


def measure_corpus(name: str, inputs: list[Path], scratch: Path, workers: int, rounds: int) -> dict:
    from data_prep.pipeline import build_dataset

    texts = ingested_texts(inputs)
    floor_tokens(texts[:WARM_UP_TEXTS])  # first calls pay for lazy initialisation inside spaCy
    floor_seconds, prep_seconds, tokens = [], [], 0
    for _ in range(rounds):
        seconds, tokens = timed(floor_tokens, texts)
        floor_seconds.append(seconds)
        seconds, _ = timed(build_dataset, inputs, scratch / "one-worker", stance_backend="none", full=True)
        prep_seconds.append(seconds)
    row = {"corpus": name, "articles": len(texts), "tokens": tokens,
           "floor_tokens_per_s": round(tokens / min(floor_seconds)),
           "prep_tokens_per_s": round(tokens / min(prep_seconds)),
           "prep_vs_floor": round(min(floor_seconds) / min(prep_seconds), 2),
           "floor_seconds": [round(s, 2) for s in floor_seconds], "prep_seconds": [round(s, 2) for s in prep_seconds]}
    if workers > 1:
        seconds, summary = timed(build_dataset, inputs, scratch / "workers", stance_backend="none", full=True,
                                 workers=workers)
        row.update({"workers": workers, "parallel_seconds": round(seconds, 2),
                    "parallel_tokens_per_s": round(tokens / seconds),
                    "parallel_speedup": round(min(prep_seconds) / seconds, 2),
                    "worker_peak_rss_mib": peak_rss_mib(resource.RUSAGE_CHILDREN)})
    row["main_peak_rss_mib"] = peak_rss_mib()
    return row


def markdown(rows: list[dict]) -> str:
    lines = ["| corpus | articles | tokens | floor tok/s | prep tok/s | prep / floor | workers | "
             "parallel tok/s | speed-up | worker peak RSS | main peak RSS |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        lines.append(
            f"| {row['corpus']} | {row['articles']} | {row['tokens']:,} | {row['floor_tokens_per_s']:,} | "
            f"{row['prep_tokens_per_s']:,} | {row['prep_vs_floor']:.2f}x | {row.get('workers', 1)} | "
            f"{row.get('parallel_tokens_per_s', 0):,} | {row.get('parallel_speedup', 0):.2f}x | "
            f"{row.get('worker_peak_rss_mib', '-')} MiB | {row['main_peak_rss_mib']} MiB |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="synthetic articles (default: 300)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2, help="processes for the parallel build (default: 2)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating floor/prep rounds (default: 2)")
    parser.add_argument("--no-polnear", action="store_true", help="skip the PolNeAR dev texts")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    from data_prep.nlp import load_pipeline
    from data_prep.synth.articles import ARTICLES_FOLDER, write_articles

    load_pipeline()
    before = machine()
    rows = []
    with tempfile.TemporaryDirectory(prefix="newsvoices-prep-bench-") as folder:
        scratch = Path(folder)
        write_articles(args.articles, scratch / "synthetic", seed=args.seed)
        corpora = [(f"synthetic (seed {args.seed})", [scratch / "synthetic" / ARTICLES_FOLDER])]
        if not args.no_polnear and (polnear := polnear_inputs(scratch)):
            corpora.append(("PolNeAR dev", polnear))
        for name, inputs in corpora:
            rows.append(measure_corpus(name, inputs, scratch / "data", args.workers, args.rounds))
            print(json.dumps(rows[-1]), file=sys.stderr)
    result = {"machine": before, "load_average_1min_after": round(os.getloadavg()[0], 2), "rows": rows}
    print(f"machine: {before['nproc']} cores ({before['cpu']}), {before.get('ram_gib')} GiB RAM; "
          f"load average {before['load_average_1min']} before, {result['load_average_1min_after']} after")
    print(markdown(rows))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
