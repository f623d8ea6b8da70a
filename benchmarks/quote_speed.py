#!/usr/bin/env python3
"""What quote extraction adds to parsing: spaCy parse time vs extract_quotes time on PolNeAR dev.

Parses every dev text once (nlp.pipe, batches of 32), then times ``extract_quotes`` over the parsed
Docs (best of --repeat runs). Prints both times, tokens per second and extraction as a share of parse.
Usage: nice python benchmarks/quote_speed.py [--gold PATH] [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from data_prep.nlp import load_pipeline, parse  # noqa: E402
from data_prep.quotes import extract_quotes  # noqa: E402

DEFAULT_GOLD = REPO.parent / "shared" / "eval" / "quotes" / "polnear_dev.jsonl"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    texts = [json.loads(line)["text"] for line in args.gold.open(encoding="utf-8") if line.strip()]
    nlp = load_pipeline()
    extract_quotes(nlp("Warm-up, she said."))
    started = time.perf_counter()
    docs = list(parse(texts, nlp=nlp))
    parse_seconds = time.perf_counter() - started
    extract_seconds = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        n_quotes = sum(len(extract_quotes(doc)) for doc in docs)
        extract_seconds = min(extract_seconds, time.perf_counter() - started)
    tokens = sum(len(doc) for doc in docs)
    print(f"{len(docs)} articles, {tokens} tokens, {n_quotes} quotes ({nlp.meta['name']} {nlp.meta['version']})")
    print(f"parse      {parse_seconds:7.2f} s  {tokens / parse_seconds:9.0f} tokens/s")
    print(f"extraction {extract_seconds:7.2f} s  {tokens / extract_seconds:9.0f} tokens/s")
    print(f"extraction adds {100 * extract_seconds / parse_seconds:.1f}% to parse time (budget: 20%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
