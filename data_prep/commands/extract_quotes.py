"""``newsvoices extract-quotes IN.jsonl -o OUT.jsonl``: quotes and speakers for a JSONL of articles."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

NAME = "extract-quotes"
HELP = ("Find the quotes and their speakers in a JSONL of articles ({\"id\", \"text\"} per line); "
        "writes {\"id\", \"quotes\"} per line in the PolNeAR prediction format, with every attribution: "
        "speech, and beliefs and acts (field \"attribution\"), as PolNeAR counts them.")


def add_arguments(parser) -> None:
    parser.add_argument("input", type=Path, help="JSONL file, one article per line with \"id\" and \"text\"")
    parser.add_argument("-o", "--output", type=Path, required=True, help="JSONL file to write")
    parser.add_argument("--batch-size", type=int, default=32, help="texts per spaCy batch (default 32)")
    parser.add_argument("--model", default=None, help="spaCy pipeline to use (default: the installed English one)")


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def read_articles(path: Path) -> Iterator[dict]:
    """Valid records of a JSONL file; a malformed line is reported and skipped."""
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                _warn(f"{path}:{number}: not UTF-8 text; line skipped")
                continue
            except json.JSONDecodeError as error:
                _warn(f"{path}:{number}: not valid JSON ({error.msg}); line skipped")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                _warn(f"{path}:{number}: expected an object with a \"text\" string; line skipped")
                continue
            yield {"id": record.get("id", f"line-{number}"), "text": record["text"]}


def run(args) -> int:
    from data_prep.nlp import ModelNotFound, load_pipeline
    from data_prep.quotes import predict_records

    if not args.input.is_file():
        print(f"error: input file not found: {args.input}", file=sys.stderr)
        return 1
    try:
        nlp = load_pipeline(args.model)
    except ModelNotFound as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    articles = quotes = 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        for prediction in predict_records(read_articles(args.input), nlp=nlp, batch_size=args.batch_size):
            out.write(json.dumps(prediction, ensure_ascii=False) + "\n")
            articles += 1
            quotes += len(prediction["quotes"])
    print(f"{quotes} quotes in {articles} articles -> {args.output}", file=sys.stderr)
    return 0
