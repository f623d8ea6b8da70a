"""Ingest on the workers, for a cluster that sees the input files (shared storage at the same paths).

The client lists the input files (and logs missing ones), then sends batches of paths: each worker
reads its files with the same readers a one-machine build uses, analyses the new articles, and sends
back the articles and their analyses. Texts no longer go out through the scheduler; only paths do.
A file larger than ``WORKER_FILE_BYTES`` (a JSONL or CSV dump) is read by the client and its texts
sent in batches, so no task result is large. Results come back in input order, so the ingest log,
the spool and the build cache are written in the order a one-machine build writes them.
"""
from __future__ import annotations

import collections
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path

from data_prep.analysis import BATCHES_PER_SLOT, MAX_BATCH_CHARS, ArticleAnalysis, analyse_batch, text_batches
from data_prep.execution import Executor
from data_prep.ingest import iter_ingest
from data_prep.spool import Spool

WORKER_FILE_BYTES = 256 * 1024


def read_events(paths: Sequence[str | Path], max_bytes: int) -> list[tuple]:
    """The ingest of ``paths`` as events in the order a one-machine build meets them:
    ("log", row) or ("article", Article)."""
    log: list[dict] = []
    events: list[tuple] = []
    for article in iter_ingest(paths, max_bytes=max_bytes, log=log):
        events.extend(("log", row) for row in log)
        log.clear()
        events.append(("article", article))
    events.extend(("log", row) for row in log)
    return events


def _to_analyse(events: list[tuple], skip: Collection[str], max_chars: int) -> dict[str, str]:
    todo: dict[str, str] = {}
    for kind, article in events:
        if kind == "article" and article.article_id not in skip and len(article.text) <= max_chars:
            todo.setdefault(article.article_id, article.text)
    return todo


def ingest_batch(model: str | None, paths: Sequence[str], texts: Sequence[tuple[str, str]], max_bytes: int,
                 max_chars: int, skip: Collection[str]) -> tuple[list[tuple], list[ArticleAnalysis]]:
    """The worker's task: read ``paths``, then analyse their articles (except those in ``skip``, whose
    analysis the build cache has, and those over ``max_chars``) and the client's ``texts``
    ((article_id, text) pairs). Returns the ingest events of ``paths`` and the analyses."""
    events = read_events(paths, max_bytes)
    todo = _to_analyse(events, skip, max_chars)
    todo.update((article_id, text) for article_id, text in texts if article_id not in todo)
    return events, (analyse_batch(model, list(todo.items())) if todo else [])


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the worker's read logs why


def _batches(files: Sequence[Path], slots: int, max_bytes: int, max_chars: int, skip: Collection[str],
             local: collections.deque) -> Iterator[tuple[list[str], list[tuple[str, str]]]]:
    """(paths, texts) per task, files in input order; the client's own events of each task to ``local``."""
    sizes = [_size(path) for path in files]
    target = max(1, min(MAX_BATCH_CHARS, sum(sizes) // (max(1, slots) * BATCHES_PER_SLOT)))
    paths: list[str] = []
    size = 0
    for path, file_size in zip(files, sizes):
        if paths and (size + file_size > target or file_size > WORKER_FILE_BYTES):
            local.append([])
            yield paths, []
            paths, size = [], 0
        if file_size <= WORKER_FILE_BYTES:
            paths.append(str(path))
            size += file_size
            continue
        events = read_events([path], max_bytes)  # a large file: read here, its texts sent in batches
        todo = _to_analyse(events, skip, max_chars)
        chunks = list(text_batches(todo.items(), sum(map(len, todo.values())), slots)) or [[]]
        for number, chunk in enumerate(chunks):
            local.append(events if number == 0 else [])
            yield [], chunk
    if paths:
        local.append([])
        yield paths, []


def ingest_on_workers(executor: Executor, model: str | None, files: Sequence[Path], max_bytes: int,
                      max_chars: int, skip, spool: Spool, analyses, on_article) -> set[str]:
    """Ingest ``files`` on the executor's workers into ``spool``; each new article's analysis goes to
    ``analyses`` (a callable) in input order; ``on_article(n)`` as n more articles are in. ``skip``
    (ids whose analysis is reused) is sent to the workers once. Returns the ids analysed."""
    analysed: set[str] = set()
    local: collections.deque = collections.deque()
    shared_skip = executor.share(skip)
    tasks = ((model, paths, texts, max_bytes, max_chars, shared_skip)
             for paths, texts in _batches(files, executor.slots, max_bytes, max_chars, skip, local))
    for events, results in executor.run(ingest_batch, tasks):
        added = 0
        for kind, value in [*local.popleft(), *events]:
            if kind == "log":
                spool.log.append(value)
            else:
                added += spool.add(value)
        for analysis in results:
            if analysis.article_id not in analysed:
                analysed.add(analysis.article_id)
                analyses(analysis)
        on_article(added)
    return analysed
