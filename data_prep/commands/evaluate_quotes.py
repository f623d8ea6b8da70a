"""``newsvoices evaluate quotes``: score quote extraction and speaker attribution on annotated articles."""
from __future__ import annotations

import json
import sys

from data_prep.evaluation.quotes import (
    SUBSET_DESCRIPTIONS, SUBSETS, InputProblem, check_gold, check_predictions, format_report, read_jsonl,
    score_quotes)

NAME = "evaluate quotes"
HELP = ("Score quotes and speakers against annotated articles (JSONL), either from a predictions file "
        "or from newsvoices' own extractor. Headline: quote+speaker F1 at overlap 0.3.")
SHOWN_PROBLEMS = 10


def add_arguments(parser) -> None:
    parser.add_argument("gold", metavar="GOLD.jsonl",
                        help="annotated articles, one JSON object per line: id, text, quotes (see docs/evaluation.md)")
    parser.add_argument("--subset", choices=SUBSETS, default="all",
                        help="which gold quotes count: " + "; ".join(
                            f"{name} = {description}" for name, description in SUBSET_DESCRIPTIONS.items())
                        + " (default: all)")
    parser.add_argument("--pred", metavar="PRED.jsonl",
                        help="predictions to score (id + quotes with offsets and speaker); "
                             "without it newsvoices' own extractor runs on the gold texts")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON instead of a table")


def _warn(problems: list[str]) -> None:
    for problem in problems[:SHOWN_PROBLEMS]:
        print(f"warning: {problem}", file=sys.stderr)
    if len(problems) > SHOWN_PROBLEMS:
        print(f"warning: ... and {len(problems) - SHOWN_PROBLEMS} more problems like these", file=sys.stderr)


def _extractor_predictions(gold: list[dict]) -> list[dict]:
    try:
        from data_prep.quotes import predict_records
    except ImportError as error:
        raise InputProblem(f"newsvoices' quote extractor cannot be loaded ({error}); "
                           "score a predictions file with --pred instead") from None
    from tqdm import tqdm

    # The extractor sees only what a user's article would carry, never the gold quotes.
    articles = [{key: record[key] for key in ("id", "text", "meta") if key in record} for record in gold]
    progress = tqdm(predict_records(articles), total=len(articles), desc="extracting quotes", unit="article",
                    file=sys.stderr, disable=None)
    return list(progress)


def _subset_field_warnings(gold: list[dict], subset: str) -> list[str]:
    field = {"direct": "type", "speech": "speech_cue"}.get(subset)
    if field is None:
        return []
    missing = sum(field not in quote for record in gold for quote in record["quotes"])
    if not missing:
        return []
    consequence = ("they count as neither direct nor mixed" if subset == "direct"
                   else "they count as having a speech cue")
    return [f"--subset {subset} reads the gold field \"{field}\", missing on {missing} gold quotes: {consequence}"]


def run(args) -> int:
    try:
        numbered_gold, problems = read_jsonl(args.gold)
        gold, gold_problems = check_gold(numbered_gold, source=args.gold)
        _warn(problems + gold_problems)
        if not gold:
            raise InputProblem(f"{args.gold}: no usable annotated article (each line needs id, text and quotes)")
        if args.pred:
            numbered_predictions, problems = read_jsonl(args.pred)
            source, unit = args.pred, "line"
        else:
            numbered_predictions, problems = list(enumerate(_extractor_predictions(gold), start=1)), []
            source, unit = "extractor output", "record"
        predictions, prediction_problems = check_predictions(numbered_predictions, gold, source=source, unit=unit)
        _warn(problems + prediction_problems + _subset_field_warnings(gold, args.subset))
        if args.pred and numbered_predictions and not predictions:
            raise InputProblem(f"{args.pred}: no prediction matches an article id of {args.gold}")
    except InputProblem as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    scores = score_quotes(gold, predictions, args.subset)
    print(json.dumps(scores, indent=1) if args.json else format_report(scores))
    return 0
