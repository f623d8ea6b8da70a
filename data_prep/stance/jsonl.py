"""Reading stance items from JSONL, one bad line at a time (it is reported and skipped)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from data_prep.stance.base import FORCED_LABELS, StanceItem


@dataclass(frozen=True)
class JsonlRecord:
    line_number: int
    record: dict
    item: StanceItem


def parse_record(record, require_label: bool = False) -> StanceItem:
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    text, target = record.get("text"), record.get("target")
    if not isinstance(text, str) or not text.strip():
        raise ValueError('"text" must be a non-empty string')
    if not isinstance(target, str) or not target.strip():
        raise ValueError('"target" must be a non-empty string')
    span = record.get("target_span")
    if span is not None:
        if (not isinstance(span, (list, tuple)) or len(span) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in span)):
            raise ValueError('"target_span" must be [start, end] (integers) or null')
        if not 0 <= span[0] < span[1] <= len(text):
            raise ValueError(f'"target_span" {list(span)} lies outside the text ({len(text)} characters)')
    if require_label and record.get("label") not in FORCED_LABELS:
        raise ValueError(f'"label" must be one of {", ".join(FORCED_LABELS)}')
    return StanceItem(text, target, tuple(span) if span is not None else None)


def read_stance_jsonl(path: Path, require_label: bool = False) -> tuple[list[JsonlRecord], list[str]]:
    """Good records, and one message per bad line. Raises OSError when the file cannot be read."""
    records, problems = [], []
    with open(path, encoding="utf-8-sig", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                records.append(JsonlRecord(number, record, parse_record(record, require_label)))
            except (json.JSONDecodeError, ValueError) as error:
                problems.append(f"{path}:{number}: skipped: {error}")
    return records, problems
