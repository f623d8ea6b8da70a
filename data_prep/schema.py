"""Every table newsvoices writes, and every column in it.

Character offsets always index into ``articles.text``. Ids are derived from content, so a rebuild
of the same inputs gives the same ids. docs/data-model.md explains each column for users.
"""
from __future__ import annotations

import pandas as pd
import pyarrow as pa

ARTICLES = "articles"
QUOTES = "quotes"
ACTORS = "actors"
MENTIONS = "mentions"
STANCES = "stances"
INGEST_LOG = "ingest_log"
SHARED_COPY = "shared_copy"
STATEMENTS = "statements"

QUOTE_TYPES = ("direct", "indirect", "mixed")
ACTOR_KINDS = ("person", "organization", "anonymous", "media", "group", "country", "unknown")
STANCE_LABELS = ("favor", "against", "neutral", "unclear")
INGEST_STATUSES = ("built", "duplicate", "failed", "unchanged", "warning")

_SPANS = pa.list_(pa.list_(pa.int64()))

TABLE_SCHEMAS: dict[str, pa.Schema] = {
    ARTICLES: pa.schema([
        ("article_id", pa.string()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("url", pa.string()),
        ("published", pa.date32()),
        ("author", pa.string()),
        ("agency", pa.string()),
        ("outlet_country", pa.string()),
        ("outlet_type", pa.string()),
        ("outlet_group", pa.string()),
        ("source", pa.string()),
        ("text", pa.string()),
        ("n_words", pa.int64()),
    ]),
    QUOTES: pa.schema([
        ("quote_id", pa.string()),
        ("article_id", pa.string()),
        ("quote_text", pa.string()),
        ("quote_start", pa.int64()),
        ("quote_end", pa.int64()),
        ("quote_spans", _SPANS),
        ("quote_type", pa.string()),
        ("cue", pa.string()),
        ("cue_start", pa.int64()),
        ("cue_end", pa.int64()),
        ("speaker_text", pa.string()),
        ("speaker_start", pa.int64()),
        ("speaker_end", pa.int64()),
        ("actor_id", pa.string()),
        ("shared_copy", pa.bool_()),
        ("statement_id", pa.string()),
        ("headline", pa.bool_()),
        ("co_speaker_ids", pa.list_(pa.string())),
    ]),
    ACTORS: pa.schema([
        ("actor_id", pa.string()),
        ("name", pa.string()),
        ("kind", pa.string()),
        ("role", pa.string()),
        ("affiliation", pa.string()),
        ("n_quotes", pa.int64()),
        ("n_mentions", pa.int64()),
    ]),
    MENTIONS: pa.schema([
        ("article_id", pa.string()),
        ("actor_id", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
    ]),
    STANCES: pa.schema([
        ("quote_id", pa.string()),
        ("target", pa.string()),
        ("target_kind", pa.string()),
        ("label", pa.string()),
        ("confidence", pa.float64()),
        ("evidence", pa.string()),
        ("backend", pa.string()),
    ]),
    INGEST_LOG: pa.schema([
        ("source", pa.string()),
        ("record", pa.string()),
        ("status", pa.string()),
        ("message", pa.string()),
        ("article_id", pa.string()),
    ]),
    SHARED_COPY: pa.schema([
        ("article_id", pa.string()),
        ("other_article_id", pa.string()),
        ("shared_chars", pa.int64()),
        ("spans", _SPANS),
        ("agency", pa.string()),
    ]),
    STATEMENTS: pa.schema([
        ("statement_id", pa.string()),
        ("speaker", pa.string()),
        ("actor_id", pa.string()),
        ("first_seen", pa.date32()),
        ("first_outlet", pa.string()),
        ("first_article_id", pa.string()),
        ("first_quote_id", pa.string()),
        ("text", pa.string()),
        ("n_quotes", pa.int64()),
        ("n_articles", pa.int64()),
        ("n_outlets", pa.int64()),
    ]),
}

TABLES = tuple(TABLE_SCHEMAS)
# Tables added after the first release: a dataset built before them still opens, and reads them as empty.
LATER_TABLES = (SHARED_COPY, STATEMENTS)
REQUIRED_TABLES = tuple(table for table in TABLES if table not in LATER_TABLES)


def columns(table: str) -> list[str]:
    return TABLE_SCHEMAS[table].names


def empty_frame(table: str) -> pd.DataFrame:
    return TABLE_SCHEMAS[table].empty_table().to_pandas()


def frame_from_rows(table: str, rows: list[dict]) -> pd.DataFrame:
    """Rows (dicts) to a frame with exactly the table's columns, in order; missing keys become null."""
    schema = TABLE_SCHEMAS[table]
    arrow = pa.Table.from_pylist([{name: row.get(name) for name in schema.names} for row in rows],
                                 schema=schema)
    return arrow.to_pandas()


def to_arrow(table: str, frame: pd.DataFrame) -> pa.Table:
    """A frame to an Arrow table with the table's schema (extra columns dropped, order fixed)."""
    schema = TABLE_SCHEMAS[table]
    missing = [name for name in schema.names if name not in frame.columns]
    if missing:
        raise ValueError(f"table {table!r} is missing columns: {', '.join(missing)}")
    return pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False)
