#!/usr/bin/env python3
"""Quote extraction + speaker attribution on PolNeAR dev, scored with the shared reference scorer.

Runs ``newsvoices extract-quotes`` on the dev split, then ``eval_quotes.py`` in its three headline
settings, and prints quote+speaker F1 at overlap 0.3 with quote P/R/F1 and speaker accuracy.
PolNeAR: Newell, Margolin & Ruths, "An attribution relations corpus for political news", LREC 2018.

Usage: python benchmarks/evaluate_quotes_polnear.py [--gold PATH] [--pred PATH] [--skip-extract]
                                                    [--paragraph-sentences]
--paragraph-sentences measures a possible pipeline change: sentences forced to start after a newline.
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


def extract_with_paragraph_sentences(gold: Path, pred: Path) -> None:
    """Extraction in-process with a pipeline whose sentences never run across a paragraph break."""
    from spacy.language import Language

    sys.path.insert(0, str(REPO))
    from data_prep.nlp import load_pipeline
    from data_prep.quotes import predict_records

    @Language.component("newsvoices_paragraph_sentences")
    def paragraph_sentences(doc):
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
        return doc

    nlp = load_pipeline()
    if "newsvoices_paragraph_sentences" not in nlp.pipe_names:
        nlp.add_pipe("newsvoices_paragraph_sentences", before="parser")
    records = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    with pred.open("w", encoding="utf-8") as out:
        for prediction in predict_records(records, nlp=nlp):
            out.write(json.dumps(prediction, ensure_ascii=False) + "\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=EVAL_DIR / "polnear_dev.jsonl")
    parser.add_argument("--scorer", type=Path, default=EVAL_DIR / "eval_quotes.py")
    parser.add_argument("--pred", type=Path, default=Path("/tmp/newsvoices_polnear_dev_quotes.jsonl"))
    parser.add_argument("--skip-extract", action="store_true", help="score an existing --pred file")
    parser.add_argument("--paragraph-sentences", action="store_true",
                        help="parse with sentence starts forced after newlines (a candidate pipeline change)")
    args = parser.parse_args(argv)
    if args.paragraph_sentences:
        extract_with_paragraph_sentences(args.gold, args.pred)
    elif not args.skip_extract:
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
