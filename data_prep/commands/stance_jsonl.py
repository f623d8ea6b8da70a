"""``newsvoices stance-jsonl``: stance for (text, target) pairs in a JSONL file."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "stance-jsonl"
HELP = ("Label the stance of each (text, target) line of a JSONL file: favor, against, neutral or "
        "unclear, with a calibrated confidence and the words that drove it.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from data_prep.stance import DEFAULT_BACKEND, SCORING_BACKENDS
    parser.add_argument("input", type=Path, metavar="IN.jsonl",
                        help='lines like {"id": ..., "text": ..., "target": ..., "target_span": [start, end] or null}')
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.jsonl",
                        help="the input lines plus label, confidence, evidence, backend")
    parser.add_argument("--backend", choices=SCORING_BACKENDS, default=DEFAULT_BACKEND,
                        help=f"stance model (default {DEFAULT_BACKEND}; lexicon is fast and needs no model)")
    parser.add_argument("--no-unclear", action="store_true",
                        help="always pick favor/against/neutral, even at low confidence")


def run(args: argparse.Namespace) -> int:
    from data_prep.stance import StanceModelError, get_backend
    from data_prep.stance.jsonl import read_stance_jsonl
    try:
        records, problems = read_stance_jsonl(args.input)
    except OSError as error:
        print(f"error: cannot read {args.input}: {error.strerror or error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem, file=sys.stderr)
    try:
        backend = get_backend(args.backend)
    except (StanceModelError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    predictions = backend.predict([r.item for r in records], allow_unclear=not args.no_unclear)
    try:
        with open(args.output, "w", encoding="utf-8") as out:
            for record, prediction in zip(records, predictions):
                out.write(json.dumps({**record.record, "label": prediction.label,
                                      "confidence": round(prediction.confidence, 4),
                                      "evidence": prediction.evidence,
                                      "backend": f"{backend.name} {backend.version}"},
                                     ensure_ascii=False) + "\n")
    except OSError as error:
        print(f"error: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"{len(records)} lines labelled, {len(problems)} skipped -> {args.output}", file=sys.stderr)
    return 0
