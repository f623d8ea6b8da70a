"""The quote table as shown (and exported): one frame, so the CSV holds exactly what is on screen."""
from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from data_prep.corrections import CORRECTED_FIELDS_COLUMN
from dashboard import aggregate, exports

MAX_TABLE_ROWS = 2000
TABLE_COLUMNS = ["speaker", "affiliation", "outlet", "date", "type", "quote", "stance", "corrected",
                 "quote_id", "article_id"]


# On screen the words come first: who, what, which way; then where and whether fixed by hand, which must be
# in view at 1400 px without scrolling sideways past the text; when and the rest after (the CSV keeps
# TABLE_COLUMNS). Rows are three lines high so the quote and its stance wrap instead of being cut.
SCREEN_COLUMNS = ["speaker", "quote", "stance", "outlet", "corrected", "date", "type", "affiliation"]
ROW_HEIGHT = 72
ROWS_IN_VIEW = 10


def table_height(rows: int) -> int:
    """Up to ten wrapped rows in view (Streamlit's default height would show five); the table scrolls."""
    return 38 + ROW_HEIGHT * max(1, min(rows, ROWS_IN_VIEW))


def quote_table(quotes: pd.DataFrame, stances: pd.DataFrame, full: pd.DataFrame | None = None,
                limit: int = MAX_TABLE_ROWS) -> pd.DataFrame:
    """The first ``limit`` quotes (newest first) with a readable stance summary per quote.

    ``quotes`` and ``stances`` are a selection (indexed by row in the quote view, stances with
    ``quote_row``); ``full`` is the quote view the text columns come from, when the selection lacks them.
    """
    shown = quotes.head(limit)
    if full is not None:
        shown = shown.join(full.loc[shown.index, ["quote_id", "article_id", "quote_text", CORRECTED_FIELDS_COLUMN]])
    rows = shown.index.to_numpy()
    labels = stances[np.isin(stances["quote_row"].to_numpy(), rows)]
    summary = aggregate.stance_summary(labels)
    stance_fixed = set(labels.loc[labels["corrected"], "quote_row"])
    corrected = [", ".join(part for part in (str(fields), "stance" if row in stance_fixed else "") if part)
                 for row, fields in zip(rows, shown[CORRECTED_FIELDS_COLUMN])]
    return pd.DataFrame({
        "speaker": shown["speaker"].astype(str).to_numpy(),
        "affiliation": shown["affiliation"].astype(str).to_numpy(),
        "outlet": shown["outlet"].astype(str).to_numpy(),
        "date": shown["published"].dt.strftime("%Y-%m-%d").fillna("").to_numpy(),
        "type": shown["quote_type"].astype(str).to_numpy(),
        "quote": shown["quote_text"].fillna("").to_numpy(),
        "stance": [summary.get(row, "") for row in rows],  # at most MAX_TABLE_ROWS lookups
        "corrected": corrected,
        "quote_id": shown["quote_id"].to_numpy(),
        "article_id": shown["article_id"].to_numpy(),
    }, columns=TABLE_COLUMNS)


def selection_key(name: str, ids) -> str:
    """A table widget's key that changes with the rows it lists: a row ticked in one list is never taken
    for whatever row sits at the same position after a filter change or a correction."""
    digest = hashlib.sha1("\n".join(map(str, ids)).encode("utf-8")).hexdigest()[:12]
    return f"{name}-{digest}"


def showing_line(shown: int, matching: int, total: int) -> str:
    line = f"Showing {matching:,} of {total:,} quotes"
    if shown < matching:
        line += f" (the table lists the newest {shown:,}; narrow the filters to see the rest)"
    return line


def to_csv(table: pd.DataFrame) -> bytes:
    return exports.csv_bytes(table)
