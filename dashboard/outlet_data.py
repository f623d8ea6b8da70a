"""The outlet and statement columns the main views leave on disk, read for the Outlets and Statement pages.

Datasets built before these columns existed read as "no facts": every article ungrouped, no quote in
shared copy, no statements.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from data_prep import schema, store

ARTICLE_FACTS = ["outlet_group", "outlet_type", "outlet_country", "agency"]
QUOTE_LINKS = ["shared_copy", "statement_id", "speaker_text", "cue"]


def _columns(directory: Path, table: str, wanted: list[str], key: str) -> pd.DataFrame:
    path = store.table_path(directory, table)
    try:
        present = set(pq.read_schema(path).names)
    except (OSError, ValueError):
        present = set()
    columns = [key] + [column for column in wanted if column in present]
    frame = store.read_table(directory, table, columns=columns) if key in present else pd.DataFrame(columns=[key])
    for column in wanted:
        if column not in frame.columns:
            frame[column] = None
    return frame


def article_facts(directory: Path) -> pd.DataFrame:
    """Per article_id: the outlet's group, type and country, and the credited agency."""
    return _columns(directory, schema.ARTICLES, ARTICLE_FACTS, "article_id").drop_duplicates("article_id") \
        .set_index("article_id")


def quote_links(directory: Path) -> pd.DataFrame:
    """Per quote_id: in shared copy or not, its statement, and the speaker and cue as the article wrote them."""
    frame = _columns(directory, schema.QUOTES, QUOTE_LINKS, "quote_id").drop_duplicates("quote_id")
    frame["shared_copy"] = frame["shared_copy"].fillna(False).astype(bool)
    return frame.set_index("quote_id")


def statements(directory: Path) -> pd.DataFrame:
    return store.read_table(directory, schema.STATEMENTS)
