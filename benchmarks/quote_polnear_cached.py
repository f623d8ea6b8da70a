#!/usr/bin/env python3
"""PolNeAR quote evaluation on parses kept on disk: parse a split once, then rerun only the quote and
actor stages and the scorer (for tuning rules; the numbers equal `evaluate_quotes_polnear.py`'s).

Usage: python benchmarks/quote_polnear_cached.py --gold ../shared/eval/quotes/polnear_train.jsonl \
           --cache /tmp/me-train.spacy --pred /tmp/me-train-pred.jsonl
The cache is written when missing; delete it after a change of the spaCy model or of the parse.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from spacy.tokens import DocBin

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from evaluate_quotes_polnear import EVAL_DIR, SETTINGS, score  # noqa: E402

from data_prep.commands.extract_quotes import read_articles  # noqa: E402
from data_prep.nlp import load_pipeline, parse  # noqa: E402
from data_prep.quotes.predict import article_predictions  # noqa: E402


def cached_docs(records: list[dict], cache: Path):
    nlp = load_pipeline()
    if not cache.exists():
        store = DocBin(store_user_data=True)
        for doc in parse((record["text"] for record in records), nlp=nlp):
            store.add(doc)
        cache.write_bytes(store.to_bytes())
    return list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=EVAL_DIR / "polnear_dev.jsonl")
    parser.add_argument("--scorer", type=Path, default=EVAL_DIR / "eval_quotes.py")
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--pred", type=Path, required=True)
    args = parser.parse_args(argv)
    records = list(read_articles(args.gold))
    with args.pred.open("w", encoding="utf-8") as out:
        for record, doc in zip(records, cached_docs(records, args.cache)):
            out.write(json.dumps({"id": record["id"], "quotes": article_predictions(doc)}, ensure_ascii=False) + "\n")
    for label, options in SETTINGS:
        at = score(args.scorer, args.gold, args.pred, options)["overlap@0.3"]
        quote, both = at["quote"], at["quote+speaker(lenient)"]
        print(f"{label:40s} quote F1 {quote['F1']:5.1f} | q+s P/R/F1 {both['P']:.1f}/{both['R']:.1f}/{both['F1']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
