"""The build's corpus-wide step, after the tables are written: passages shared between outlets
(``shared_copy`` table, ``quotes.shared_copy``). Reads the staged tables a batch at a time and rewrites
the quotes table with the new columns."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from data_prep import schema, store
from data_prep.parquet_stream import RowWriter, read_batches
from data_prep.shared_copy import (ARTICLE_COLUMNS, find_shared_copy_in_batches, quotes_in_shared_copy,
                                   shared_spans, wire_outlets)


def link_tables(folder: Path) -> int:
    """Add shared copy to the tables in ``folder``; the number of article pairs that share passages."""
    articles_path = store.table_path(folder, schema.ARTICLES)
    light = pq.read_table(articles_path, columns=["article_id", "outlet", "outlet_type"]).to_pandas()
    wires = wire_outlets(dict(zip(light["outlet"], light["outlet_type"])))

    def batches() -> Iterator[pd.DataFrame]:
        for batch in read_batches(articles_path, columns=ARTICLE_COLUMNS):
            yield batch.to_pandas()

    shared = find_shared_copy_in_batches(batches, wires)
    store.write_table(folder, schema.SHARED_COPY, shared)
    spans = shared_spans(shared, {article_id: outlet for article_id, outlet in zip(light["article_id"], light["outlet"])
                                  if outlet in wires})
    _rewrite_quotes(folder, spans)
    return len(shared) // 2


def _rewrite_quotes(folder: Path, spans: dict) -> None:
    path = store.table_path(folder, schema.QUOTES)
    linked = path.with_name(path.name + ".linking")
    with RowWriter(linked, schema.TABLE_SCHEMAS[schema.QUOTES]) as writer:
        for batch in read_batches(path):
            quotes = batch.to_pandas()
            quotes["shared_copy"] = quotes_in_shared_copy(quotes, spans)
            writer.add_batch(schema.to_arrow(schema.QUOTES, quotes))
    os.replace(linked, path)
