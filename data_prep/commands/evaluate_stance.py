"""``newsvoices evaluate stance``: score a stance backend against gold (text, target, label) JSONL."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "evaluate stance"
HELP = ("Score a stance backend on gold JSONL (text, target, target_span, label): forced-choice "
        "macro-F1, per-class F1, calibration error and the accuracy/coverage curve.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from data_prep.stance import DEFAULT_BACKEND, SCORING_BACKENDS
    parser.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    parser.add_argument("--backend", choices=SCORING_BACKENDS, default=DEFAULT_BACKEND)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def format_report(report: dict, backend_label: str) -> str:
    lines = [f"stance, backend {backend_label}, {report['n']} items (forced choice)",
             f"  macro-F1 {report['macro_f1']:.3f}   accuracy {report['accuracy']:.3f}   "
             f"ECE {report['ece']:.3f}"]
    for label, scores in report["per_class"].items():
        lines.append(f"  {label:<8} F1 {scores['f1']:.3f}  P {scores['precision']:.3f}  "
                     f"R {scores['recall']:.3f}  n {scores['support']}")
    lines.append("  confusion (rows gold, columns predicted): " + "  ".join(report["confusion"]))
    for label, row in report["confusion"].items():
        lines.append(f"  {label:<8} " + "  ".join(f"{count:>7}" for count in row.values()))
    lines.append("  confidence >=  coverage  accuracy  macro-F1")
    for row in report["coverage"]:
        lines.append(f"  {row['threshold']:>12.2f}  {row['coverage']:>8.3f}  {row['accuracy']:>8.3f}  "
                     f"{row['macro_f1']:>8.3f}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from data_prep.stance import StanceModelError, get_backend
    from data_prep.stance.evaluate import DEFAULT_THRESHOLDS, stance_report
    from data_prep.stance.jsonl import read_stance_jsonl
    try:
        records, problems = read_stance_jsonl(args.gold, require_label=True)
    except OSError as error:
        print(f"error: cannot read {args.gold}: {error.strerror or error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem, file=sys.stderr)
    if not records:
        print(f"error: no usable gold lines in {args.gold}", file=sys.stderr)
        return 2
    try:
        backend = get_backend(args.backend)
    except (StanceModelError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    predictions = backend.predict([r.item for r in records], allow_unclear=False)
    report = stance_report([r.record["label"] for r in records], [p.label for p in predictions],
                           [p.confidence for p in predictions],
                           sorted({*DEFAULT_THRESHOLDS, round(backend.unclear_below, 2)}))
    report.update(backend=backend.name, version=backend.version, unclear_below=backend.unclear_below,
                  skipped_lines=len(problems))
    print(json.dumps(report, indent=2) if args.json else format_report(
        report, f"{backend.name} {backend.version}"))
    return 0
