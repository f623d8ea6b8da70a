"""Ingested articles waiting on disk for their analyses: each distinct article's row goes to the staging
folder's spool file as it is read, and memory keeps only a small entry per article (enough for the
ingest log); a second copy of a text is logged as a duplicate of the first."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from data_prep import schema
from data_prep.ingest import log_row
from data_prep.ingest.article import Article
from data_prep.parquet_stream import RowWriter


@dataclass(slots=True)
class Entry:
    source: str
    record: str
    warnings: tuple[str, ...]
    chars: int


class Spool:
    def __init__(self, path: Path, log: list[dict]):
        self.entries: dict[str, Entry] = {}
        self.log = log
        self._writer = RowWriter(path, schema.TABLE_SCHEMAS[schema.ARTICLES])

    def add(self, article: Article) -> bool:
        """Spool ``article``; False (and a log row) when its text was already read."""
        earlier = self.entries.get(article.article_id)
        if earlier is not None:
            self.log.append(log_row(article.source, article.record, "duplicate",
                                    f"same text as {earlier.source} ({earlier.record})", article.article_id))
            return False
        self.entries[article.article_id] = Entry(article.source, article.record, tuple(article.warnings),
                                                 len(article.text))
        self._writer.add(article.as_row())
        return True

    def close(self) -> None:
        self._writer.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
