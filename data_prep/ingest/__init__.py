"""Ingest: files, folders, and URLs in; articles and one log row per input unit out.

``ingest(inputs)`` never raises for a bad input: each file or record that cannot be read becomes an
``ingest_log`` row with a reason, and the rest go on. Readers are chosen by file extension from
``READERS``; a reader turns decoded text into articles (or record outcomes).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from data_prep.ingest.article import Article
from data_prep.ingest.decoding import UnreadableInput, decode_bytes, html_charset
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
HTML_SUFFIXES = (".html", ".htm")


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    log: list[dict] = field(default_factory=list)

    def failed(self, source: str, message: str, record: str = "file") -> None:
        self.log.append(log_row(source, record, "failed", message))

    def log_has_source_under(self, folder: Path) -> bool:
        return any(Path(row["source"]).is_relative_to(folder) for row in self.log)


def log_row(source: str, record: str, status: str, message: str, article_id: str | None = None) -> dict:
    return {"source": source, "record": record, "status": status, "message": message, "article_id": article_id}


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _inside(path: Path, roots: Sequence[Path]) -> bool:
    return any(path == root or path.is_relative_to(root) for root in roots)


def _walk_error(error: OSError, result: IngestResult) -> None:
    reason = error.strerror or str(error)
    result.failed(str(error.filename), f"folder cannot be read ({reason}): nothing in it was read")


def _folder_files(folder: Path, result: IngestResult, roots: Sequence[Path], follow_links: bool) -> list[Path]:
    """Supported files under ``folder``, following linked folders once each (a link loop ends there).

    A link that leads out of the input folders (``roots``) is not followed unless ``follow_links``: a
    link to ``/`` would otherwise walk the whole machine. Each skipped link, a link with a supported
    name that leads nowhere, and a folder that cannot be read or searched, gets a row of its own.
    """
    found: list[Path] = []
    seen_folders: set[tuple[int, int]] = set()
    for current, folder_names, file_names in os.walk(folder, followlinks=True,
                                                     onerror=lambda error: _walk_error(error, result)):
        current_path = Path(current)
        try:
            info = os.stat(current)
        except OSError:
            folder_names[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen_folders:
            folder_names[:] = []
            continue
        seen_folders.add((info.st_dev, info.st_ino))
        kept = []
        for name in sorted(name for name in folder_names if not name.startswith(".")):
            if _link_allowed(current_path / name, result, roots, follow_links):
                kept.append(name)
        folder_names[:] = kept
        try:
            found.extend(_supported_files(current_path, sorted(file_names), folder, result, roots, follow_links))
        except OSError as error:
            folder_names[:] = []
            result.failed(str(current_path), f"folder cannot be searched ({error.strerror or error}): "
                                             "its files and subfolders were not read")
    return sorted(found)


def _link_allowed(path: Path, result: IngestResult, roots: Sequence[Path], follow_links: bool) -> bool:
    if follow_links or not path.is_symlink():
        return True
    target = path.resolve()
    if _inside(target, roots):
        return True
    result.failed(str(path), f"link to {target} leads out of the input folders; not followed "
                             "(newsvoices prep --follow-links follows it)")
    return False


def _supported_files(folder: Path, names: list[str], root: Path, result: IngestResult,
                     roots: Sequence[Path], follow_links: bool) -> list[Path]:
    """The readable article files among ``names``; raises OSError when the folder cannot be searched."""
    files = []
    for name in names:
        candidate = folder / name
        if candidate.suffix.lower() not in READERS or _is_hidden(candidate, root):
            continue
        if candidate.is_file():
            if _link_allowed(candidate, result, roots, follow_links):
                files.append(candidate)
        elif candidate.is_symlink() and not candidate.exists():
            result.failed(str(candidate), "broken link: its target is missing or loops back on itself")
    return files


def expand_inputs(inputs: Iterable[str | os.PathLike], result: IngestResult, follow_links: bool = False) -> list[Path]:
    """Files as given, folders recursively (supported extensions only, hidden files skipped)."""
    inputs = [Path(item) for item in inputs]
    roots = [path.resolve() for path in inputs if path.is_dir()]
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found = _folder_files(path, result, roots, follow_links)
            if not found and not result.log_has_source_under(path):
                result.failed(str(path), f"folder has no {', '.join(SUPPORTED_SUFFIXES)} files")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.is_symlink():
            result.failed(str(path), "broken link: its target is missing or loops back on itself")
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
    outcomes: list[RecordOutcome] = []
    warning = failure = None
    try:
        size = path.stat().st_size
        if size > max_bytes:
            result.failed(source, f"file is {size / 2**20:.1f} MiB, over the {max_bytes / 2**20:.0f} MiB limit")
            return
        data = path.read_bytes()
        decoded = decode_bytes(data, declared=html_charset(data) if path.suffix.lower() in HTML_SUFFIXES else None)
        warning = decoded.warning
        for outcome in reader(decoded.text, source):  # records read before an error are kept
            outcomes.append(outcome)
    except UnreadableInput as error:
        failure = str(error)
    except OSError as error:
        failure = f"cannot be read: {error.strerror or error}"
    except Exception as error:  # last resort: one unexpected input must not cost the others
        failure = f"could not parse: {type(error).__name__}: {error}"
    for outcome in outcomes:
        if outcome.article is None:
            result.failed(source, outcome.error or "unreadable record", outcome.record)
            continue
        if warning:
            outcome.article.warnings.append(warning)
        result.articles.append(outcome.article)
    if failure:
        result.failed(source, failure, f"after {outcomes[-1].record}" if outcomes else "file")
    elif not outcomes:
        result.failed(source, "no articles in file")


def iter_ingest(inputs: Iterable[str | os.PathLike], max_bytes: int = DEFAULT_MAX_BYTES, urls: Iterable[str] = (),
                log: list[dict] | None = None, follow_links: bool = False) -> Iterator[Article]:
    """The articles of ``inputs`` one file at a time, so a corpus need not fit in memory; the log rows
    go to ``log`` as they arise. ``follow_links``: follow links that lead out of the input folders too
    (off: they are logged and skipped)."""
    result = IngestResult(log=log if log is not None else [])
    for path in expand_inputs(inputs, result, follow_links):
        read_file(path, result, max_bytes)
        yield from _with_text(result)
    for url in urls:
        fetch_article(url, result, max_bytes)
        yield from _with_text(result)


def _with_text(result: IngestResult) -> Iterator[Article]:
    articles, result.articles = result.articles, []
    for article in articles:
        if article.text.strip():
            yield article
        else:
            result.failed(article.source, "article has no text", article.record)


def ingest(inputs: Iterable[str | os.PathLike], max_bytes: int = DEFAULT_MAX_BYTES,
           urls: Iterable[str] = (), follow_links: bool = False) -> IngestResult:
    result = IngestResult()
    result.articles = list(iter_ingest(inputs, max_bytes, urls, result.log, follow_links))
    return result
