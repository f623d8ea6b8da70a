"""The build's corpus-wide steps, after the tables are written: passages shared between outlets
(``shared_copy`` table, ``quotes.shared_copy``) and one statement across outlets (``statements`` table,
``quotes.statement_id``). Article texts are read a batch at a time; the quotes table is rewritten with
the new columns."""
from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from data_prep import build_cache, memory, schema, store
from data_prep.parquet_stream import RowWriter, read_batches
from data_prep.progress import phase
from data_prep.shared_copy import (ARTICLE_COLUMNS, find_shared_copy_in_batches, quotes_in_shared_copy,
                                   shared_spans, wire_outlets)
from data_prep.statements import LinkInputs, link_inputs, speaker_keys, statements_table

QUOTE_COLUMNS = ["quote_id", "article_id", "quote_text", "quote_type", "quote_start", "actor_id"]

log = logging.getLogger(__name__)


def link_tables(folder: Path, previous: Path | None = None) -> None:
    """Add shared copy and statements to the tables in ``folder``. ``previous``: the dataset folder this
    build replaces, whose sentence vectors are reused for the texts they cover (so an unchanged rebuild
    encodes nothing)."""
    phase("shared copy")
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

    del shared
    phase("statements")
    actors = store.read_table(folder, schema.ACTORS, columns=["actor_id", "name", "kind"])
    quotes_path = store.table_path(folder, schema.QUOTES)
    # The quotes go in compact (numbers, each distinct text once), a batch at a time; their rows in the
    # quotes table are kept, so that the few that are linked are read again, whole, for the table.
    inputs, rows, looked_up = LinkInputs(), [], _Lookups(actors, light)
    for positions, batch in _linkable_batches(quotes_path, actors):
        inputs.add(looked_up.inputs(batch))
        rows.append(positions)
    inputs.finish()
    rows = np.concatenate(rows) if rows else np.empty(0, dtype=np.int64)
    encoder = sentence_encoder()
    if encoder is None:
        statement_ids = link_inputs(inputs, None)
    else:
        with build_cache.new_vector_writer(folder) as vectors:
            statement_ids = link_inputs(inputs, CachedEncoder(encoder, previous, vectors))
        # The encoder's ~190 MB would otherwise stay through the steps after the build (the dashboard's
        # views, the largest); loading it again for the next build costs under a second.
        del encoder
        _statement_encoder.cache_clear()
    del inputs
    memory.release()  # the linking's freed pages (~200 MB at 200k articles) back before the table is made
    linked = [row for row, statement_id in enumerate(statement_ids) if statement_id is not None]
    linked_ids = [statement_ids[row] for row in linked]
    quotes = looked_up.inputs(_rows_of(quotes_path, rows[linked]))
    del statement_ids, rows, linked
    store.write_table(folder, schema.STATEMENTS, statements_table(quotes, linked_ids))
    phase("quotes rewrite")
    # Only the linked quotes: a dict of every quote's id would hold a Python string per quote.
    statement_of = dict(zip(quotes["quote_id"].tolist(), linked_ids))
    del quotes, linked_ids
    _rewrite_quotes(folder, spans, statement_of)


def _linkable_speakers(path: Path, actors: pd.DataFrame) -> pa.Array:
    """The actors whose quotes can share a statement: those whose speaker shares a key (``speaker_keys``)
    with another quote's. The others' quotes can never be paired, and leaving them out changes no block
    ``link_quotes`` compares, so its statement ids are the same."""
    speakers = dict(zip(actors["actor_id"], zip(actors["name"], actors["kind"])))
    quotes_of: Counter = Counter()
    for batch in read_batches(path, columns=["actor_id"]):
        quotes_of.update(actor_id for actor_id in batch.column("actor_id").to_pylist() if actor_id)
    keys_of = {actor_id: speaker_keys(*speakers.get(actor_id, (None, None)), actor_id) for actor_id in quotes_of}
    block_size: Counter = Counter()
    for actor_id, keys in keys_of.items():
        block_size.update({key: quotes_of[actor_id] for key in keys})
    return pa.array(sorted(actor_id for actor_id, keys in keys_of.items() if any(block_size[key] > 1 for key in keys)),
                    type=pa.string())


def _linkable_batches(path: Path, actors: pd.DataFrame) -> Iterator[tuple[np.ndarray, pd.DataFrame]]:
    """The quotes (``QUOTE_COLUMNS``) that can share a statement, a batch at a time, with their rows in
    the table."""
    wanted, start = _linkable_speakers(path, actors), 0
    for batch in read_batches(path, columns=QUOTE_COLUMNS):
        keep = pc.fill_null(pc.is_in(batch.column("actor_id"), value_set=wanted), False)
        positions = np.flatnonzero(keep.to_numpy(zero_copy_only=False)) + start
        start += batch.num_rows
        yield positions, batch.filter(keep).to_pandas()


def _rows_of(path: Path, rows: np.ndarray) -> pd.DataFrame:
    """The quotes (``QUOTE_COLUMNS``) at these rows of the table (ascending), read a batch at a time."""
    frames, start = [], 0
    for batch in read_batches(path, columns=QUOTE_COLUMNS):
        wanted = rows[(rows >= start) & (rows < start + batch.num_rows)] - start
        start += batch.num_rows
        if len(wanted):
            frames.append(batch.take(pa.array(wanted, type=pa.int64())).to_pandas())
    return (pd.concat(frames, ignore_index=True) if frames
            else pd.DataFrame({name: pd.Series(dtype=object) for name in QUOTE_COLUMNS}))


def linkable_quotes(path: Path, actors: pd.DataFrame) -> pd.DataFrame:
    """The quotes (``QUOTE_COLUMNS``) that can share a statement (``_linkable_speakers``), in one frame."""
    frames = [batch for _, batch in _linkable_batches(path, actors)]
    return (pd.concat(frames, ignore_index=True) if frames
            else pd.DataFrame({name: pd.Series(dtype=object) for name in QUOTE_COLUMNS}))


class _Lookups:
    """``statement_inputs`` for many batches: the actors and articles indexed once."""

    def __init__(self, actors: pd.DataFrame, articles: pd.DataFrame):
        self.by_actor, self.by_article = actors.set_index("actor_id"), articles.set_index("article_id")

    def inputs(self, quotes: pd.DataFrame) -> pd.DataFrame:
        by_actor, by_article = self.by_actor, self.by_article
        return quotes.assign(speaker_name=quotes["actor_id"].map(by_actor["name"]),
                             speaker_kind=quotes["actor_id"].map(by_actor["kind"]),
                             outlet=quotes["article_id"].map(by_article["outlet"]),
                             published=quotes["article_id"].map(by_article["published"]))


def statement_inputs(quotes: pd.DataFrame, actors: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Quotes with their speaker's name and kind and their article's outlet and date."""
    # Columns looked up in place: a merge would copy every quote twice.
    return _Lookups(actors, articles).inputs(quotes)


# Small batches: a batch is padded to its longest text, and with 64 quotes a batch of long ones cost
# twice the CPU (and hundreds of MiB) of the same texts 8 at a time; the vectors are the same.
ENCODER_BATCH = 8


def sentence_encoder():
    """The shipped MiniLM encoder as texts -> unit vectors, or None (then only matching wording links).
    The model is checked here but loaded on the first texts to encode: a rebuild whose texts all have
    vectors in the previous dataset does not load it (0.2-0.4 s of CPU)."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
        from data_prep.stance.encoder import StanceModelError, verified_model_path
        verified_model_path()
    except (ImportError, StanceModelError, OSError) as error:
        log.warning("statements: sentence encoder unavailable (%s); grouping by wording only", error)
        return None
    return lambda texts: _statement_encoder().encode(list(texts), batch_size=ENCODER_BATCH).embeddings


class CachedEncoder:
    """``encode`` through the vectors of a previous build (``previous``'s ``statement_vectors.parquet``):
    only texts it lacks are encoded. Every vector handed out is written to ``writer``, so the new
    dataset keeps the vectors of the texts it compared, and no others."""

    def __init__(self, encode, previous: Path | None, writer, model: str | None = None):
        if model is None:
            from data_prep.stance.encoder import MODEL_SHA256 as model
        self.encode, self.previous, self.writer, self.model = encode, previous, writer, model
        self.written: set[str] = set()
        self.encoded = 0  # texts the encoder was run on

    def __call__(self, texts) -> np.ndarray:
        texts = list(texts)
        keys = [build_cache.vector_key(self.model, text) for text in texts]
        known = build_cache.load_vectors(self.previous, set(keys)) if self.previous is not None else {}
        todo = [text for text, key in zip(texts, keys) if key not in known]
        fresh = iter(np.asarray(self.encode(todo), dtype=np.float32) if todo else ())
        self.encoded += len(todo)
        vectors = [known[key] if key in known else next(fresh) for key in keys]
        for key, vector in zip(keys, vectors):
            if key not in self.written:
                self.written.add(key)
                self.writer.add({"text_hash": key, "vector": vector.tobytes()})
        return np.stack(vectors) if vectors else np.zeros((0, 0), dtype=np.float32)


@lru_cache(maxsize=1)
def _statement_encoder():
    """One per process, as the spaCy pipeline is: loading and checking the model costs a good part of a
    second. One thread: a few thousand short texts, and onnxruntime's second thread mostly spins (CPU
    spent waiting, about a third more per text on two cores). No memory arena: it is loaded during the
    build's largest step, and its arena kept growing with the batches' shapes."""
    from data_prep.stance.encoder import MiniLMEncoder
    return MiniLMEncoder(threads=1, memory_arena=False)


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
