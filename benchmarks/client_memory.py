"""The build client's peak memory, by phase, at corpus sizes too large to parse on a small shared machine.

Parsing 200k articles takes hours on two busy cores, but the client's memory does not depend on who
parsed them: this script primes a dataset folder's build cache with real analyses (those of a dataset
built normally, ``--pool``: an article the pool holds gets its own analysis, every other one a pool
analysis handed round-robin), then runs the unmodified ``newsvoices prep`` as a fresh process under
``/usr/bin/time -v`` and reports its peak RSS, and the peak of each build phase (sampled every 50 ms
in the process, phases marked by ``data_prep.progress.phase``). Every article is then "unchanged,
analysis reused": the build reads all inputs, copies the cache, merges the actors of every article,
writes every table a row group at a time, links shared copy and statements and swaps the folder in,
and ``prep`` prepares the dashboard's views, exactly as a real build; only the parse is skipped. With
round-robin analyses the tables are for measuring only (quote offsets belong to the pool's texts).

Priming needs every article's id (its content hash), so it reads every input once; ``--ids FILE``
keeps them (file name -> id) for the next run, and ``--gold`` takes them from the gold file of
``newsvoices synth articles`` (its texts are the articles as ingest reads them; 200 files are
ingested to check), so priming 200k articles takes seconds instead of a pass over every file.

    python benchmarks/client_memory.py --pool DATA_DIR --articles FOLDER --data OUT [--ids FILE] [--gold FILE]
        [--without-statements]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from data_prep import build_cache  # noqa: E402
from data_prep.ingest import iter_ingest  # noqa: E402
from data_prep.ingest.article import article_id_for  # noqa: E402
from data_prep.nlp import resolve_model_name  # noqa: E402
from data_prep.parquet_stream import read_rows  # noqa: E402


def pool_analyses(pool_dir: Path) -> list[dict]:
    return [json.loads(row["analysis"]) for rows in read_rows(pool_dir / build_cache.CACHE_FILE, ["analysis"])
            for row in rows]


CHECKED_FROM_GOLD = 200  # files ingested to check the ids taken from a gold file


def gold_ids(gold: Path, articles: Path) -> dict[str, str]:
    """File name -> article id from ``newsvoices synth articles``' gold file, whose ``text`` is each
    article exactly as ingest reads it; a sample of files is ingested to check."""
    known = {}
    with gold.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            known[record["id"].split("/", 1)[1] + ".txt"] = article_id_for(record["text"])
    sample = random.Random(0).sample(sorted(known), min(CHECKED_FROM_GOLD, len(known)))
    for article in iter_ingest([articles / name for name in sample if (articles / name).is_file()]):
        if known[Path(article.source).name] != article.article_id:
            raise SystemExit(f"{gold} does not give the id ingest gives {article.source}; prime without --gold")
    return known


def article_ids(articles: Path, ids_file: Path | None, gold: Path | None = None) -> list[tuple[str, str]]:
    """(file name, article id) of every article file in ``articles``, in the order a build reads them."""
    known: dict[str, str] = gold_ids(gold, articles) if gold else {}
    if ids_file and ids_file.is_file():
        known.update(line.rstrip("\n").split("\t") for line in ids_file.open(encoding="utf-8"))
    names = sorted(path.name for path in articles.iterdir() if path.is_file())
    missing = [articles / name for name in names if name not in known]
    for article in iter_ingest(missing):
        known[Path(article.source).name] = article.article_id
    if ids_file and missing:
        ids_file.write_text("".join(f"{name}\t{known[name]}\n" for name in sorted(known)), encoding="utf-8")
    return [(name, known[name]) for name in names if name in known]


def prime(articles: Path, data_dir: Path, pool: list[dict], ids_file: Path | None,
          gold: Path | None) -> tuple[int, int]:
    """Write ``data_dir``'s build cache: each article's own pool analysis, else one handed round-robin.
    Returns (articles primed, how many got their own analysis)."""
    fingerprint = build_cache.analysis_fingerprint(resolve_model_name(None))
    own = {analysis["article_id"]: json.dumps(analysis) for analysis in pool}
    templates = [json.dumps(dict(analysis, article_id="\0")) for analysis in pool]
    data_dir.mkdir(parents=True, exist_ok=True)
    count = matched = 0
    with build_cache.new_writer(data_dir) as writer:
        for _, article_id in article_ids(articles, ids_file, gold):
            text = own.get(article_id)
            matched += text is not None
            if text is None:
                text = templates[count % len(templates)].replace('"\\u0000"', json.dumps(article_id), 1)
            writer.add({"article_id": article_id, "fingerprint": fingerprint, "analysis": text})
            count += 1
    return count, matched


# Run in the measured process: newsvoices prep as the command line runs it, plus a thread that samples
# this process's RSS and the phase the build is in.
CHILD = r"""
import logging, os, re, sys, threading, time
from data_prep.cli import main

if os.environ.get("NV_BENCH_NO_STATEMENTS"):  # --without-statements: no quote is linked to another
    import data_prep.corpus_links as links
    links.link_inputs = lambda inputs, encode=None: [None] * len(inputs)

state = {"phase": "start", "started": time.perf_counter()}
phases = []  # [name, peak KiB, seconds]

def rss_kib():
    return int(re.search(r"VmRSS:\s+(\d+)", open("/proc/self/status").read()).group(1))

def report(phase):  # as each phase ends, so a run stopped early still shows the phases it finished
    name, peak, seconds = phase
    print(f"PHASE\t{name}\t{peak}\t{seconds:.1f}", file=sys.stderr, flush=True)

class PhaseMarks(logging.Handler):
    def emit(self, record):
        if record.getMessage().startswith("build phase: "):
            now = time.perf_counter()
            phases[-1][2] = now - state["started"]
            state["started"] = now
            report(phases[-1])
            phases.append([record.args[0], rss_kib(), 0.0])

def sample():
    while True:
        phases[-1][1] = max(phases[-1][1], rss_kib())
        time.sleep(0.05)

phases.append(["start", rss_kib(), 0.0])
logger = logging.getLogger("data_prep")
logger.setLevel(logging.INFO)
logger.addHandler(PhaseMarks())
logger.propagate = False
threading.Thread(target=sample, daemon=True).start()
code = main(["prep", *sys.argv[1:]])
phases[-1][2] = time.perf_counter() - state["started"]
report(phases[-1])
sys.exit(code)
"""


def measure(articles: Path, data_dir: Path, stance: str, without_statements: bool) -> dict:
    cached = next(read_rows(data_dir / build_cache.CACHE_FILE, ["fingerprint"], rows=1), [{}])[0].get("fingerprint")
    if cached != build_cache.analysis_fingerprint(resolve_model_name(None)):
        raise SystemExit(f"{data_dir}'s build cache was primed by other analysis code: prime it again "
                         "(the build would parse every article)")
    command = ["/usr/bin/time", "-v", sys.executable, "-c", CHILD, str(articles), "--data", str(data_dir),
               "--stance", stance]
    environment = {**os.environ, **({"NV_BENCH_NO_STATEMENTS": "1"} if without_statements else {})}
    log_path = data_dir.with_name(data_dir.name + ".prep.log")  # phases appear here as they end
    with log_path.open("w", encoding="utf-8") as log:
        finished = subprocess.run(command, stdout=subprocess.PIPE, stderr=log, text=True, env=environment)
    stderr = log_path.read_text(encoding="utf-8")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", stderr)
    if finished.returncode != 0 or not peak:
        raise SystemExit(f"prep failed ({finished.returncode}):\n{stderr[-3000:]}")
    seconds = sum(float(part) * 60 ** power for power, part in enumerate(reversed(wall.group(1).split(":"))))
    phases = [(name, int(kib), float(secs)) for name, kib, secs in
              re.findall(r"^PHASE\t(.+)\t(\d+)\t([\d.]+)$", stderr, flags=re.M)]
    summary = next((line for line in finished.stdout.splitlines() if " inputs = " in line), "")
    return {"peak_kib": int(peak.group(1)), "seconds": seconds, "phases": phases, "summary": summary}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pool", type=Path, required=True, help="a dataset built normally: its analyses are reused")
    parser.add_argument("--articles", type=Path, required=True, help="folder of article files to build")
    parser.add_argument("--data", type=Path, required=True, help="dataset folder to prime and build (replaced)")
    parser.add_argument("--ids", type=Path, default=None, help="file name -> article id cache (read and written)")
    parser.add_argument("--gold", type=Path, default=None,
                        help="gold.jsonl of newsvoices synth articles: ids from its texts (checked on a sample)")
    parser.add_argument("--stance", default="none", help="stance backend for the measured build (default: none)")
    parser.add_argument("--no-prime", action="store_true", help="the folder's cache is already primed")
    parser.add_argument("--without-statements", action="store_true",
                        help="link no quotes across articles (statements.link_inputs replaced by 'no statement'): "
                             "its time grows faster than the corpus; everything else runs as in prep")
    args = parser.parse_args()
    if not args.no_prime:
        pool = pool_analyses(args.pool)
        if not pool:
            raise SystemExit(f"no cached analyses in {args.pool}; build it with newsvoices prep first")
        started = time.perf_counter()
        count, matched = prime(args.articles, args.data, pool, args.ids, args.gold)
        print(f"primed {count:,} articles ({matched:,} with their own analysis, the rest round-robin from "
              f"{len(pool):,} real analyses) in {time.perf_counter() - started:.0f} s", flush=True)
    result = measure(args.articles, args.data, args.stance, args.without_statements)
    print(result["summary"])
    reused = re.search(r"= (\d+) built \((\d+) unchanged", result["summary"])
    if not reused or reused.group(1) != reused.group(2):
        print("WARNING: the build cache missed (analysis code changed since priming?): this was a real build")
    print(f"newsvoices prep {args.articles} --stance {args.stance}"
          f"{' (statements linking replaced by no statement)' if args.without_statements else ''}: "
          f"{result['seconds']:.0f} s wall, "
          f"client peak RSS {result['peak_kib'] / 1024:,.0f} MiB (/usr/bin/time -v)")
    print("| phase | peak RSS | seconds |")
    print("|---|---|---|")
    for name, kib, seconds in result["phases"]:
        print(f"| {name} | {kib / 1024:,.0f} MiB | {seconds:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
