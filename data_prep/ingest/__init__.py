"""Ingest: files, folders, and URLs in; articles and one log row per input unit out.

``ingest(inputs)`` never raises for a bad input: each file or record that cannot be read becomes an
``ingest_log`` row with a reason, and the rest go on. Readers are chosen by file extension from
``READERS``; a reader turns decoded text into articles (or record outcomes).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from data_prep.ingest.article import Article
from data_prep.ingest.decoding import UnreadableInput, decode_bytes
from data_prep.ingest.html import parse_html
from data_prep.ingest.plaintext import parse_plaintext
from data_prep.ingest.records import RecordOutcome, read_csv, read_json, read_jsonl
from data_prep.ingest.web import fetch_article

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
Reader = Callable[[str, str], Iterable[RecordOutcome]]


def _single(parse: Callable[..., Article]) -> Reader:
    def read(text: str, source: str) -> Iterator[RecordOutcome]:
        yield RecordOutcome("file", article=parse(text, source=source, record="file"))
    return read


READERS: dict[str, Reader] = {
    ".txt": _single(parse_plaintext),
    ".md": _single(parse_plaintext),
    ".markdown": _single(parse_plaintext),
    ".html": _single(parse_html),
    ".htm": _single(parse_html),
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".csv": read_csv,
}
SUPPORTED_SUFFIXES = tuple(READERS)


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    log: list[dict] = field(default_factory=list)

    def failed(self, source: str, message: str, record: str = "file") -> None:
        self.log.append(log_row(source, record, "failed", message))


def log_row(source: str, record: str, status: str, message: str, article_id: str | None = None) -> dict:
    return {"source": source, "record": record, "status": status, "message": message, "article_id": article_id}


def expand_inputs(inputs: Iterable[str | os.PathLike], result: IngestResult) -> list[Path]:
    """Files as given, folders recursively (supported extensions only, hidden files skipped)."""
    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(candidate for candidate in path.rglob("*")
                           if candidate.is_file() and candidate.suffix.lower() in READERS
                           and not any(part.startswith(".") for part in candidate.relative_to(path).parts))
            if not found:
                result.failed(str(path), f"folder has no {', '.join(SUPPORTED_SUFFIXES)} files")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            result.failed(str(path), "not a regular file or folder")
        else:
            result.failed(str(path), "no such file or folder")
    return files


def read_file(path: Path, result: IngestResult, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    source = str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        result.failed(source, f"unsupported file type {path.suffix or '(none)'}; "
                              f"use one of {', '.join(SUPPORTED_SUFFIXES)}")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            result.failed(source, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
            return
        decoded = decode_bytes(path.read_bytes())
        outcomes = list(reader(decoded.text, source))
    except UnreadableInput as error:
        result.failed(source, str(error))
        return
    except OSError as error:
        result.failed(source, f"cannot read: {error.strerror or error}")
        return
    if not outcomes:
        result.failed(source, "no articles in file")
    for outcome in outcomes:
        if outcome.article is None:
            result.failed(source, outcome.error or "unreadable record", outcome.record)
            continue
        if decoded.warning:
            outcome.article.warnings.append(decoded.warning)
        result.articles.append(outcome.article)


def ingest(inputs: Iterable[str | os.PathLike], max_bytes: int = DEFAULT_MAX_BYTES,
           urls: Iterable[str] = ()) -> IngestResult:
    result = IngestResult()
    for path in expand_inputs(inputs, result):
        read_file(path, result, max_bytes)
    for url in urls:
        fetch_article(url, result, max_bytes)
    for article in result.articles:
        if not article.text.strip():
            result.failed(article.source, "article has no text", article.record)
    result.articles = [article for article in result.articles if article.text.strip()]
    return result
