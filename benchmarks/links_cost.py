"""What the corpus-wide steps (shared copy, statements) cost on a built dataset.

    python benchmarks/links_cost.py DATA_DIR [--repeat 1]

Copies the dataset's tables to a scratch folder and times ``link_tables`` there (the build's own step),
split into its parts: finding shared copy, grouping statements (with the sentence encoder), rewriting the
quotes table. The dataset itself is not changed.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from data_prep import corpus_links, schema, store
from data_prep.shared_copy import ARTICLE_COLUMNS, find_shared_copy_in_batches, wire_outlets
from data_prep.statements import link_quotes


def timed(step, *args):
    started, cpu = time.perf_counter(), time.process_time()
    result = step(*args)
    return result, time.perf_counter() - started, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="links-cost-") as scratch:
        folder = Path(scratch)
        for table in (schema.ARTICLES, schema.QUOTES, schema.ACTORS):
            shutil.copy(store.table_path(args.data, table), store.table_path(folder, table))
        _add_missing_columns(folder)
        articles_path = store.table_path(folder, schema.ARTICLES)
        light = pq.read_table(articles_path, columns=["article_id", "outlet", "outlet_type", "published"]).to_pandas()
        wires = wire_outlets(dict(zip(light["outlet"], light["outlet_type"])))

        def batches():
            from data_prep.parquet_stream import read_batches
            for batch in read_batches(articles_path, columns=ARTICLE_COLUMNS):
                yield batch.to_pandas()

        shared, shared_s, shared_cpu = timed(find_shared_copy_in_batches, batches, wires)
        print(f"articles {len(light):,}", flush=True)
        print(f"shared copy: {len(shared) // 2:,} pairs in {shared_s:.1f} s wall / {shared_cpu:.1f} s CPU", flush=True)
        quotes = corpus_links.statement_inputs(
            pq.read_table(store.table_path(folder, schema.QUOTES), columns=corpus_links.QUOTE_COLUMNS).to_pandas(),
            store.read_table(folder, schema.ACTORS, columns=["actor_id", "name", "kind"]), light)
        encoder = corpus_links.sentence_encoder()
        counted = _counting(encoder)
        ids, statements_s, statements_cpu = timed(link_quotes, quotes, counted)
        print(f"statements: {len(set(i for i in ids if i)):,} statements over {sum(i is not None for i in ids):,} "
              f"of {len(quotes):,} quotes in {statements_s:.1f} s wall / {statements_cpu:.1f} s CPU "
              f"({counted.texts:,} texts encoded)", flush=True)
        _, whole_s, whole_cpu = timed(corpus_links.link_tables, folder)
    print(f"link_tables (both, plus the quotes rewrite): {whole_s:.1f} s wall / {whole_cpu:.1f} s CPU")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


def _counting(encode):
    """The encoder, counting the texts it is given."""
    def counted(texts):
        counted.texts += len(texts)
        return encode(texts)
    counted.texts = 0
    return counted if encode is not None else None


def _add_missing_columns(folder: Path) -> None:
    """A dataset built before a quotes column was added gets it empty in the copy, so the rewrite runs."""
    path = store.table_path(folder, schema.QUOTES)
    table = pq.read_table(path)
    wanted = schema.TABLE_SCHEMAS[schema.QUOTES]
    for field in wanted:
        if field.name not in table.column_names:
            table = table.append_column(field, pa.nulls(len(table), type=field.type))
    pq.write_table(table, path)


if __name__ == "__main__":
    main()
