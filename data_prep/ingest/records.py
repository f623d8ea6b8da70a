"""Articles as records: JSON Lines, JSON (one object or a list) and CSV, one article per record.

Field names are matched case-insensitively: ``text`` is required; ``title``, ``date``, ``url``,
``outlet``, ``author`` and ``id`` are optional (a few common synonyms are accepted too).
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass

from data_prep.ingest.article import Article, make_article, with_title
from data_prep.ingest.decoding import UnreadableInput, normalize_text

MAX_CSV_FIELD_CHARS = 50_000_000
FIELD_SYNONYMS = {
    "text": ("text", "body", "content", "article", "article_text", "maintext"),
    "title": ("title", "headline"),
    "date": ("date", "published", "publication_date", "pub_date", "date_publish", "datetime"),
    "url": ("url", "link", "canonical_url"),
    "outlet": ("outlet", "source", "publisher", "site", "sitename", "site_name", "media"),
    "author": ("author", "authors", "byline"),
    "id": ("id", "article_id", "doc_id", "uid"),
}


@dataclass
class RecordOutcome:
    """A parsed article, or the reason one record could not be read (``record`` names it for the log)."""
    record: str
    article: Article | None = None
    error: str | None = None


def _field(record: dict, name: str):
    lowered = {str(key).strip().lower(): value for key, value in record.items()}
    for synonym in FIELD_SYNONYMS[name]:
        value = lowered.get(synonym)
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        if value not in (None, ""):
            return value
    return None


def article_from_record(record: dict, source: str, label: str) -> RecordOutcome:
    if not isinstance(record, dict):
        return RecordOutcome(label, error="record is not an object with fields")
    text = _field(record, "text")
    if not isinstance(text, str) or not text.strip():
        return RecordOutcome(label, error="record has no text (expected a 'text' field)")
    title = _field(record, "title")
    title = normalize_text(str(title)).strip() if title else None
    record_id = _field(record, "id")
    label = f"{label} (id {record_id})" if record_id is not None else label
    article = make_article(with_title(title, normalize_text(text)), title=title, outlet=_field(record, "outlet"),
                           url=_field(record, "url"), date=_field(record, "date"), author=_field(record, "author"),
                           source=source, record=label)
    return RecordOutcome(label, article=article)


def read_jsonl(text: str, source: str) -> Iterator[RecordOutcome]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield RecordOutcome(f"line {number}", error=f"malformed JSON: {error.msg} (column {error.colno})")
            continue
        yield article_from_record(record, source, f"line {number}")


def read_json(text: str, source: str) -> Iterator[RecordOutcome]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if text.lstrip().startswith("{") and "\n{" in text:
            yield from read_jsonl(text, source)
            return
        raise UnreadableInput(f"malformed JSON: {error.msg} (line {error.lineno})") from None
    if isinstance(data, dict):
        data = data.get("articles", data.get("items", [data])) if "text" not in {k.lower() for k in data} else [data]
    if not isinstance(data, list):
        raise UnreadableInput("JSON must be an article object or a list of them")
    for number, record in enumerate(data, start=1):
        yield article_from_record(record, source, f"item {number}")


def read_csv(text: str, source: str) -> Iterator[RecordOutcome]:
    csv.field_size_limit(MAX_CSV_FIELD_CHARS)
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    if not any(name in FIELD_SYNONYMS["text"] for name in header):
        raise UnreadableInput(f"CSV has no text column (found: {', '.join(header) or 'nothing'}; expected 'text')")
    for number, row in enumerate(reader, start=2):
        yield article_from_record(row, source, f"row {number}")
