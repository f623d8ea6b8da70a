"""The build's corpus-wide steps, after the tables are written: passages shared between outlets
(``shared_copy`` table, ``quotes.shared_copy``) and one statement across outlets (``statements`` table,
``quotes.statement_id``). Article texts are read a batch at a time; the quotes table is rewritten with
the new columns."""
from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from data_prep import schema, store
from data_prep.parquet_stream import RowWriter, read_batches
from data_prep.shared_copy import (ARTICLE_COLUMNS, find_shared_copy_in_batches, quotes_in_shared_copy,
                                   shared_spans, wire_outlets)
from data_prep.statements import link_quotes, statements_table

QUOTE_COLUMNS = ["quote_id", "article_id", "quote_text", "quote_type", "quote_start", "actor_id"]

log = logging.getLogger(__name__)


def link_tables(folder: Path) -> None:
    """Add shared copy and statements to the tables in ``folder``."""
    articles_path = store.table_path(folder, schema.ARTICLES)
    light = pq.read_table(articles_path, columns=["article_id", "outlet", "outlet_type", "published"]).to_pandas()
    wires = wire_outlets(dict(zip(light["outlet"], light["outlet_type"])))

    def batches() -> Iterator[pd.DataFrame]:
        for batch in read_batches(articles_path, columns=ARTICLE_COLUMNS):
            yield batch.to_pandas()

    shared = find_shared_copy_in_batches(batches, wires)
    store.write_table(folder, schema.SHARED_COPY, shared)
    spans = shared_spans(shared, {article_id: outlet for article_id, outlet in zip(light["article_id"], light["outlet"])
                                  if outlet in wires})

    quotes = statement_inputs(pq.read_table(store.table_path(folder, schema.QUOTES), columns=QUOTE_COLUMNS).to_pandas(),
                              store.read_table(folder, schema.ACTORS, columns=["actor_id", "name", "kind"]), light)
    statement_ids = link_quotes(quotes, sentence_encoder())
    store.write_table(folder, schema.STATEMENTS, statements_table(quotes, statement_ids))
    _rewrite_quotes(folder, spans, dict(zip(quotes["quote_id"], statement_ids)))


def statement_inputs(quotes: pd.DataFrame, actors: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Quotes with their speaker's name and kind and their article's outlet and date."""
    speakers = actors.rename(columns={"name": "speaker_name", "kind": "speaker_kind"})
    return (quotes.merge(speakers, on="actor_id", how="left")
            .merge(articles[["article_id", "outlet", "published"]], on="article_id", how="left"))


def sentence_encoder():
    """The shipped MiniLM encoder as texts -> unit vectors, or None (then only matching wording links)."""
    try:
        from data_prep.stance.encoder import StanceModelError, shared_encoder
        encoder = shared_encoder()
    except (ImportError, StanceModelError, OSError) as error:
        log.warning("statements: sentence encoder unavailable (%s); grouping by wording only", error)
        return None
    return lambda texts: encoder.encode(list(texts)).embeddings


def _rewrite_quotes(folder: Path, spans: dict, statement_ids: dict[str, str | None]) -> None:
    path = store.table_path(folder, schema.QUOTES)
    linked = path.with_name(path.name + ".linking")
    with RowWriter(linked, schema.TABLE_SCHEMAS[schema.QUOTES]) as writer:
        for batch in read_batches(path):
            quotes = batch.to_pandas()
            quotes["shared_copy"] = quotes_in_shared_copy(quotes, spans)
            quotes["statement_id"] = np.array([statement_ids.get(quote_id) for quote_id in quotes["quote_id"]],
                                              dtype=object)
            writer.add_batch(schema.to_arrow(schema.QUOTES, quotes))
    os.replace(linked, path)
