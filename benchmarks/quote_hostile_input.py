#!/usr/bin/env python3
"""Quote extraction time on hostile input (#15 item 5): long runs of short quotes and cues.

Builds texts of each pattern at several sizes, parses them once, and times ``extract_quotes`` alone.
Time that grows faster than the size (4x the text, far more than 4x the time) means a quadratic or
worse path. Usage: nice python benchmarks/quote_hostile_input.py [--sizes 2500 10000 40000]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from data_prep.nlp import load_pipeline  # noqa: E402
from data_prep.quotes import extract_quotes  # noqa: E402

PATTERNS = ('"a," said "b," said ', '"word" ', '"x" said that "y" ', '"We will win," he said. ',
            "Officials said that ")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 10000, 40000])
    args = parser.parse_args(argv)
    nlp = load_pipeline()
    print(f"{'pattern':28s} {'chars':>7s} {'tokens':>7s} {'quotes':>6s} {'extract s':>9s}")
    for pattern in PATTERNS:
        for size in args.sizes:
            text = (pattern * (size // len(pattern) + 1))[:size]
            doc = nlp(text)
            started = time.perf_counter()
            found = extract_quotes(doc)
            seconds = time.perf_counter() - started
            print(f"{pattern!r:28s} {size:7d} {len(doc):7d} {len(found):6d} {seconds:9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
