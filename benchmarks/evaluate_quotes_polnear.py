#!/usr/bin/env python3
"""Quote extraction + speaker attribution on PolNeAR dev, scored with the shared reference scorer.

Runs ``newsvoices extract-quotes`` on the dev split, then ``eval_quotes.py`` in its three headline
settings, and prints quote+speaker F1 at overlap 0.3 with quote P/R/F1 and speaker accuracy.
PolNeAR: Newell, Margolin & Ruths, "An attribution relations corpus for political news", LREC 2018.

Usage: python benchmarks/evaluate_quotes_polnear.py [--gold PATH] [--pred PATH] [--skip-extract]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL_DIR = REPO.parent / "shared" / "eval" / "quotes"
SETTINGS = (
    ("direct+mixed (quote-mark predictions)", ["--gold-types", "direct,mixed", "--pred-require-quotemarks"]),
    ("speech-cue attributions", ["--speech-only"]),
    ("all attributions", []),
)


def score(scorer: Path, gold: Path, pred: Path, options: list[str]) -> dict:
    done = subprocess.run([sys.executable, str(scorer), str(gold), str(pred), "--json", *options],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=EVAL_DIR / "polnear_dev.jsonl")
    parser.add_argument("--scorer", type=Path, default=EVAL_DIR / "eval_quotes.py")
    parser.add_argument("--pred", type=Path, default=Path("/tmp/newsvoices_polnear_dev_quotes.jsonl"))
    parser.add_argument("--skip-extract", action="store_true", help="score an existing --pred file")
    args = parser.parse_args(argv)
    if not args.skip_extract:
        subprocess.run([sys.executable, "-m", "data_prep.cli", "extract-quotes", str(args.gold),
                        "-o", str(args.pred)], check=True, cwd=REPO)
    print(f"{'setting':40s} {'n_gold':>6s} {'n_pred':>6s} | {'quote P/R/F1':>17s} | {'spk acc':>7s} | "
          f"quote+speaker P/R/F1 @0.3")
    for label, options in SETTINGS:
        result = score(args.scorer, args.gold, args.pred, options)
        at = result["overlap@0.3"]
        quote, both = at["quote"], at["quote+speaker(lenient)"]
        print(f"{label:40s} {result['n_gold']:6d} {result['n_pred']:6d} | "
              f"{quote['P']:5.1f}/{quote['R']:5.1f}/{quote['F1']:5.1f} | {at['speaker_acc_lenient']:7.1f} | "
              f"{both['P']:.1f}/{both['R']:.1f}/{both['F1']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
