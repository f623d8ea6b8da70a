"""Milliseconds per (quote, target) of each stance backend, predicting a batch of real items.

    python benchmarks/stance_speed.py --items ../shared/eval/stance/newsmtsc_rw_dev.jsonl

Model loading is timed apart from prediction; prediction is run --repeats times and the median kept
(the machine is shared, so single runs are noisy). Encoder threads: 2. CPU time (all threads) is
printed too: on a busy machine wall time mostly measures the other jobs, CPU time much less so.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from data_prep.stance import get_backend
from data_prep.stance.jsonl import read_stance_jsonl


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=Path, default=Path("../shared/eval/stance/newsmtsc_rw_dev.jsonl"))
    parser.add_argument("--backends", nargs="+", default=["minilm", "lexicon"])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    records, problems = read_stance_jsonl(args.items)
    items = [record.item for record in records]
    for backend_name in args.backends:
        started = time.perf_counter()
        backend = get_backend(backend_name)
        load_seconds = time.perf_counter() - started
        backend.predict(items[:8])  # warm-up: first onnxruntime call allocates
        timings, cpu_timings = [], []
        for _ in range(args.repeats):
            started, cpu_started = time.perf_counter(), time.process_time()
            backend.predict(items)
            timings.append(time.perf_counter() - started)
            cpu_timings.append(time.process_time() - cpu_started)
        print(json.dumps({"backend": f"{backend.name} {backend.version}", "items": len(items),
                          "load_s": round(load_seconds, 2),
                          "ms_per_item_median": round(1000 * statistics.median(timings) / len(items), 2),
                          "ms_per_item_best": round(1000 * min(timings) / len(items), 2),
                          "cpu_ms_per_item_median": round(1000 * statistics.median(cpu_timings) / len(items), 2),
                          "load_average_1min": round(os.getloadavg()[0], 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
