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
Floor and prep are measured in wall time and in CPU time: on a machine shared with other jobs, wall
time also counts the wait for a core, so CPU time is the fairer comparison there. The worker speed-up
runs ``newsvoices prep --workers 1`` and ``--workers N`` as fresh processes, as a user would (each
worker loads its own pipeline), and reads every process's peak memory (VmHWM) from /proc.
Floor and one-worker prep alternate for --rounds rounds; the best round of each is reported, since
on a shared machine the slowest rounds measure the neighbours. For the best prep round it also gives the
CPU seconds of each build phase (the ``build phase`` marks of ``data_prep/progress.py``): "analyse" holds
the parse, so "analyse" less the floor is what quotes and actors cost. Usage:
  nice python benchmarks/prep_throughput.py [--articles 300] [--workers 2] [--rounds 2] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import resource
import subprocess
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
# Build phases in the order a build runs them (data_prep/pipeline.py, data_prep/corpus_links.py).
PHASES = ("start", "ingest", "analyse", "actor merge", "quotes, mentions, stances", "articles", "ingest log",
          "shared copy", "statements", "quotes rewrite", "swap")


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


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_timed(function, *args, **kwargs) -> tuple[float, float, float, object]:
    """Wall seconds, CPU seconds of this process, CPU seconds of finished child processes, result.

    CPU time is what a busy shared machine distorts least: wall time also counts waiting for a core.
    """
    own, children = time.process_time(), children_cpu_seconds()
    seconds, result = timed(function, *args, **kwargs)
    return seconds, time.process_time() - own, children_cpu_seconds() - children, result


class PhaseCpu(logging.Handler):
    """CPU seconds (this process) of each build phase, from the phase marks a build logs as it goes."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.marks: list[tuple[str, float]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("build phase: "):
            self.marks.append((str(record.args[0]), time.process_time()))

    def __enter__(self) -> PhaseCpu:
        self.marks.clear()
        self.logger = logging.getLogger("data_prep.build")
        self.level, self.logger.level = self.logger.level, logging.INFO
        self.logger.addHandler(self)
        self.marks.append(("start", time.process_time()))
        return self

    def __exit__(self, *exc) -> None:
        self.marks.append(("end", time.process_time()))
        self.logger.removeHandler(self)
        self.logger.setLevel(self.level)

    def seconds(self) -> dict[str, float]:
        """Phase -> CPU s; "start" is what comes before the first mark (opening the staging folder)."""
        spent: dict[str, float] = {}
        for (name, begun), (_, ended) in zip(self.marks, self.marks[1:]):
            spent[name] = round(spent.get(name, 0.0) + ended - begun, 2)
        return spent


def floor_tokens(texts: list[str]) -> int:
    """Bare ``nlp.pipe``: what parsing alone costs, with prep's pipeline and batch size."""
    from data_prep.nlp import DEFAULT_BATCH_SIZE, load_pipeline, resolve_model_name

    # The same cached pipeline object that build_dataset's one-worker path uses.
    return sum(len(doc) for doc in load_pipeline(resolve_model_name()).pipe(texts, batch_size=DEFAULT_BATCH_SIZE))


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
    from data_prep.memory import keep_loaded_objects_out_of_collections
    from data_prep.pipeline import build_dataset

    texts = ingested_texts(inputs)
    floor_tokens(texts[:WARM_UP_TEXTS])  # first calls pay for lazy initialisation inside spaCy
    keep_loaded_objects_out_of_collections()  # as ``newsvoices prep`` does at its start
    floor, prep, phases, tokens = [], [], [], 0
    for _ in range(rounds):
        *costs, tokens = cpu_timed(floor_tokens, texts)
        floor.append(costs)
        with PhaseCpu() as marks:
            *costs, _ = cpu_timed(build_dataset, inputs, scratch / "one-worker", stance_backend="none", full=True)
        prep.append(costs)
        phases.append(marks.seconds())
    floor_wall, floor_cpu = min(c[0] for c in floor), min(c[1] for c in floor)
    prep_wall, prep_cpu = min(c[0] for c in prep), min(c[1] for c in prep)
    best_phases = phases[min(range(rounds), key=lambda index: prep[index][1])]
    row = {"corpus": name, "articles": len(texts), "tokens": tokens,
           "floor_tokens_per_s": round(tokens / floor_wall), "prep_tokens_per_s": round(tokens / prep_wall),
           "prep_vs_floor": round(floor_wall / prep_wall, 2),
           "floor_tokens_per_cpu_s": round(tokens / floor_cpu), "prep_tokens_per_cpu_s": round(tokens / prep_cpu),
           "prep_vs_floor_cpu": round(floor_cpu / prep_cpu, 2),
           "floor_rounds_wall_cpu": [[round(wall, 2), round(cpu, 2)] for wall, cpu, _ in floor],
           "prep_rounds_wall_cpu": [[round(wall, 2), round(cpu, 2)] for wall, cpu, _ in prep],
           "prep_phase_cpu_s": best_phases}
    if workers > 1:
        one, many = (run_prep_command(inputs, scratch / f"cli-{count}", count) for count in (1, workers))
        row.update({"workers": workers, "cli_one_worker_s": one["seconds"], "cli_workers_s": many["seconds"],
                    "parallel_tokens_per_s": round(tokens / many["seconds"]),
                    "parallel_speedup": round(one["seconds"] / many["seconds"], 2),
                    "cli_one_worker_cpu_s": one["cpu_seconds"], "cli_workers_cpu_s": many["cpu_seconds"],
                    "cli_one_worker_peak_rss_mib": one["peak_rss_mib"].get("parent"),
                    "parent_peak_rss_mib": many["peak_rss_mib"].get("parent"),
                    "worker_peak_rss_mib": max(many["peak_rss_mib"].get("children") or [0])})
    row["main_peak_rss_mib"] = peak_rss_mib()
    return row


def _children(pid: int) -> list[int]:
    try:
        found = [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except (OSError, ValueError):
        return []
    return found + [grandchild for child in found for grandchild in _children(child)]


def _high_water_mib(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    line = next((line for line in status.splitlines() if line.startswith("VmHWM:")), None)
    return round(int(line.split()[1]) / 1024, 1) if line else None


def run_prep_command(inputs: list[Path], data_dir: Path, workers: int, poll_seconds: float = 0.2) -> dict:
    """``newsvoices prep --workers N`` as a user runs it, in a fresh process: wall and CPU time, and the
    peak resident memory of the parent and of each worker (VmHWM from /proc, polled while it runs)."""
    command = [sys.executable, "-m", "data_prep.cli", "prep", *map(str, inputs), "--data", str(data_dir),
               "--stance", "none", "--full", "--workers", str(workers)]
    cpu_before = children_cpu_seconds()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, float] = {}
    while process.poll() is None:
        for pid in [process.pid, *_children(process.pid)]:
            if (peak := _high_water_mib(pid)) is not None:
                peaks[pid] = max(peak, peaks.get(pid, 0.0))
        time.sleep(poll_seconds)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {process.stderr.read()[-1000:]}")
    return {"seconds": round(seconds, 2), "cpu_seconds": round(children_cpu_seconds() - cpu_before, 2),
            "peak_rss_mib": {"parent": peaks.get(process.pid),
                             "children": sorted(peak for pid, peak in peaks.items() if pid != process.pid)}}


def markdown(rows: list[dict]) -> str:
    lines = ["| corpus | articles | tokens | floor tok/s (wall / CPU) | prep tok/s (wall / CPU) "
             "| prep / floor (wall / CPU) | CLI, 1 worker (s) | CLI, N workers (s) | speed-up "
             "| peak RSS: parent / largest worker |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        lines.append(
            f"| {row['corpus']} | {row['articles']} | {row['tokens']:,} "
            f"| {row['floor_tokens_per_s']:,} / {row['floor_tokens_per_cpu_s']:,} "
            f"| {row['prep_tokens_per_s']:,} / {row['prep_tokens_per_cpu_s']:,} "
            f"| {row['prep_vs_floor']:.2f}x / {row['prep_vs_floor_cpu']:.2f}x "
            f"| {row.get('cli_one_worker_s', '-')} | {row.get('cli_workers_s', '-')} (N={row.get('workers', 1)}) "
            f"| {row.get('parallel_speedup', 0):.2f}x "
            f"| {row.get('parent_peak_rss_mib', '-')} / {row.get('worker_peak_rss_mib', '-')} MiB |")
    lines += ["", "CPU s of each build phase, best prep round (analyse includes the parse; floor beside it):", "",
              "| corpus | floor | " + " | ".join(PHASES) + " | total |", "|---|" + "---:|" * (len(PHASES) + 2)]
    for row in rows:
        spent = row["prep_phase_cpu_s"]
        floor_cpu = row["tokens"] / row["floor_tokens_per_cpu_s"]
        lines.append(f"| {row['corpus']} | {floor_cpu:.2f} | "
                     + " | ".join(f"{spent.get(name, 0.0):.2f}" for name in PHASES)
                     + f" | {sum(spent.values()):.2f} |")
    return "\n".join(lines)



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="synthetic articles (default: 300)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2, help="processes for the parallel build (default: 2)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating floor/prep rounds (default: 2)")
    parser.add_argument("--no-polnear", action="store_true", help="skip the PolNeAR dev texts")
    parser.add_argument("--polnear", type=Path,
                        help="PolNeAR dev file (default: ../shared/eval/quotes/polnear_dev.jsonl beside the "
                             "repository, skipped if absent; a file given here must exist)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if args.polnear is not None and not args.polnear.is_file():
        parser.error(f"--polnear {args.polnear}: no such file")  # silently measuring one corpus misleads
    from data_prep.synth.articles import ARTICLES_FOLDER, write_articles

    before = machine()
    rows = []
    with tempfile.TemporaryDirectory(prefix="newsvoices-prep-bench-") as folder:
        scratch = Path(folder)
        write_articles(args.articles, scratch / "synthetic", seed=args.seed)
        corpora = [(f"synthetic (seed {args.seed})", [scratch / "synthetic" / ARTICLES_FOLDER])]
        if not args.no_polnear and (polnear := polnear_inputs(scratch, args.polnear or POLNEAR_DEV)):
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
