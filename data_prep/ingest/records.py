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
CSV_DELIMITERS = ",;\t|"
_TOO_DEEP = "JSON nested too deeply"
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


def _as_text(value, name: str) -> str | None:
    """A field value as text: an object gives its "name" (as NewsAPI's ``source``), a list is joined.

    Walked with a stack, not recursion: a value nested thousands of levels deep costs time in
    proportion to its size and never the interpreter's recursion limit.
    """
    if value is None or isinstance(value, str):
        return value
    if not isinstance(value, (dict, list, tuple)):
        return str(value)
    parts: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        while isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, (list, tuple)):
            stack.extend(reversed(item))
        elif item is not None:
            text = item if isinstance(item, str) else str(item)
            if text.strip():
                parts.append(text)
    if isinstance(value, dict) and not parts:
        return None
    return ("\n\n" if name == "text" else ", ").join(parts)


def _field(fields: dict, name: str) -> str | None:
    """The first non-blank synonym of ``name`` in ``fields`` (keys already lower-cased), as text."""
    for synonym in FIELD_SYNONYMS[name]:
        value = _as_text(fields.get(synonym), name)
        if value and value.strip():
            return value
    return None


def article_from_record(record: dict, source: str, label: str) -> RecordOutcome:
    """The record's article, or its reason for the log; never raises, so one bad record costs only itself."""
    try:
        return _article_from_record(record, source, label)
    except RecursionError:
        return RecordOutcome(label, error=_TOO_DEEP)
    except Exception as error:  # last resort for one record
        return RecordOutcome(label, error=f"could not read the record: {type(error).__name__}: {error}")


def _article_from_record(record: dict, source: str, label: str) -> RecordOutcome:
    if not isinstance(record, dict):
        return RecordOutcome(label, error="record is not an object with fields")
    fields = {str(key).strip().lower(): value for key, value in record.items()}
    text = _field(fields, "text")
    if text is None:
        return RecordOutcome(label, error="record has no text (expected a 'text' field)")
    title = _field(fields, "title")
    title = normalize_text(title).strip() if title else None
    record_id = _field(fields, "id")
    label = f"{label} (id {record_id})" if record_id is not None else label
    article = make_article(with_title(title, normalize_text(text)), title=title, outlet=_field(fields, "outlet"),
                           url=_field(fields, "url"), date=_field(fields, "date"), author=_field(fields, "author"),
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
        except RecursionError:
            yield RecordOutcome(f"line {number}", error=_TOO_DEEP)
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
    except RecursionError:
        raise UnreadableInput(_TOO_DEEP) from None
    if isinstance(data, dict):
        data = data.get("articles", data.get("items", [data])) if "text" not in {k.lower() for k in data} else [data]
    if not isinstance(data, list):
        raise UnreadableInput("JSON must be an article object or a list of them")
    for number, record in enumerate(data, start=1):
        yield article_from_record(record, source, f"item {number}")


def _csv_format(text: str) -> dict:
    """The delimiter most frequent in the header line (column names rarely contain one), else sniffed."""
    header = text.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in CSV_DELIMITERS}
    delimiter = max(counts, key=counts.get)
    if counts[delimiter]:
        return {"delimiter": delimiter}
    try:
        return {"dialect": csv.Sniffer().sniff(text[:8192], delimiters=CSV_DELIMITERS)}
    except csv.Error:
        return {"dialect": csv.excel}


def read_csv(text: str, source: str) -> Iterator[RecordOutcome]:
    csv.field_size_limit(MAX_CSV_FIELD_CHARS)
    reader = csv.DictReader(io.StringIO(text), **_csv_format(text))
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    if not any(name in FIELD_SYNONYMS["text"] for name in header):
        raise UnreadableInput(f"CSV has no text column (found: {', '.join(header) or 'nothing'}; expected 'text')")
    rows = enumerate(reader, start=2)
    while True:
        try:
            number, row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            raise UnreadableInput(f"malformed CSV: {error} (line {reader.line_num})") from None
        yield article_from_record(row, source, f"row {number}")
