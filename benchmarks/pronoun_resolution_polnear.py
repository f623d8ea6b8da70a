"""How many PolNeAR gold quotes whose speaker is a pronoun our actor resolution links to a named person.

PolNeAR marks the speaker as written ("he", "who") and does not resolve coreference, so this counts
links, not correct links; ``--sample`` prints a random sample with context to check by eye (to the
terminal only: the texts are third-party news and stay out of the project).

    nice python benchmarks/pronoun_resolution_polnear.py [GOLD.jsonl] [--sample 20 --seed 1] [--json]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from data_prep.actors import resolve_article_actors
from data_prep.nlp import load_pipeline, parse

DEFAULT_GOLD = Path(__file__).resolve().parents[1].parent / "shared/eval/quotes/polnear_dev.jsonl"
CONTEXT_CHARS = 300


def gold_quotes_as_input(record: dict) -> list[dict]:
    """Gold attributions in the shape data_prep.quotes produces, with no speaker name resolved."""
    quotes = []
    for quote in record["quotes"]:
        quotes.append({
            "quote_text": quote["quote_text"], "quote_start": quote["quote_start"], "quote_end": quote["quote_end"],
            "quote_spans": quote.get("quote_spans"), "quote_type": quote.get("type"), "cue": quote.get("cue"),
            "cue_start": quote.get("cue_start"), "cue_end": quote.get("cue_end"),
            "speaker_text": quote.get("speaker"), "speaker_start": quote.get("speaker_start"),
            "speaker_end": quote.get("speaker_end"), "speaker_is_pronoun": bool(quote.get("speaker_is_pronoun")),
            "speaker_name": None, "speaker_name_start": None, "speaker_name_end": None})
    return quotes


def evaluate(gold_path: Path) -> tuple[dict, list[dict]]:
    records = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    outcomes = Counter()
    by_pronoun: dict[str, Counter] = {}
    cases = []
    started = time.perf_counter()
    resolving = 0.0
    for record, doc in zip(records, parse(record["text"] for record in records)):
        quotes = gold_quotes_as_input(record)
        before = time.perf_counter()
        result = resolve_article_actors(doc, quotes)
        resolving += time.perf_counter() - before
        actors = {actor["key"]: actor for actor in result["actors"]}
        for quote, key in zip(quotes, result["quote_keys"]):
            if not quote["speaker_is_pronoun"]:
                continue
            actor = actors.get(key)
            outcome = "unlinked" if actor is None else ("person" if actor["kind"] == "person" else "other kind")
            outcomes[outcome] += 1
            pronoun = (quote["speaker_text"] or "").lower()
            by_pronoun.setdefault(pronoun, Counter())[outcome] += 1
            cases.append({"id": record["id"], "pronoun": pronoun, "outcome": outcome,
                          "actor": actor["name"] if actor else None, "start": quote["speaker_start"],
                          "text": record["text"]})
    total = sum(outcomes.values())
    summary = {"gold": str(gold_path), "articles": len(records), "pronoun_speaker_quotes": total,
               "linked_to_person": outcomes["person"], "linked_to_other_kind": outcomes["other kind"],
               "unlinked": outcomes["unlinked"],
               "linked_to_person_pct": round(100 * outcomes["person"] / total, 1) if total else 0.0,
               "by_pronoun": {p: dict(c) for p, c in sorted(by_pronoun.items(), key=lambda i: -sum(i[1].values()))},
               "seconds": round(time.perf_counter() - started, 1), "resolution_seconds": round(resolving, 1),
               "words": sum(len(record["text"].split()) for record in records)}
    return summary, cases


def print_sample(cases: list[dict], size: int, seed: int) -> None:
    linked = [case for case in cases if case["outcome"] == "person"]
    for number, case in enumerate(random.Random(seed).sample(linked, min(size, len(linked))), start=1):
        start = case["start"]
        context = case["text"][max(0, start - CONTEXT_CHARS): start + 40].replace("\n", " ")
        print(f"\n[{number}] {case['id']} :: {case['pronoun']!r} -> {case['actor']}\n  ...{context}...")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--sample", type=int, default=0, help="print this many linked cases with context")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.gold.is_file():
        print(f"error: gold file not found: {args.gold}", file=sys.stderr)
        return 2
    load_pipeline()
    summary, cases = evaluate(args.gold)
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"{summary['pronoun_speaker_quotes']} gold quotes with a pronoun speaker in {summary['articles']} "
              f"articles: {summary['linked_to_person']} linked to a named person "
              f"({summary['linked_to_person_pct']}%), {summary['linked_to_other_kind']} to another kind of actor, "
              f"{summary['unlinked']} unlinked")
        print(f"time: {summary['seconds']} s with parsing, {summary['resolution_seconds']} s in actor resolution "
              f"({summary['words']} words)")
        for pronoun, counts in summary["by_pronoun"].items():
            print(f"  {pronoun!r}: {dict(counts)}")
    if args.sample:
        print_sample(cases, args.sample, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
