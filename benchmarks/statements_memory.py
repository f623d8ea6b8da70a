"""Peak memory and time of the statements step alone (``link_tables``'s second part), on a built dataset:

    python benchmarks/statements_memory.py DATA_DIR [--no-encoder]

Reads the quotes that can share a statement as a build does (``corpus_links.linkable_quotes``, a batch
at a time), links them (``statements.link_quotes``, with the MiniLM sentence encoder unless
``--no-encoder``) and builds the statements table. Prints the quotes read, the texts encoded, the
statements found, CPU and wall seconds, and the process's peak RSS (VmHWM) before the step (imports and
the encoder loaded) and after it. The dataset is not changed. Run each size in a fresh process: the
peak of one process never goes down.
"""
from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

import pyarrow.parquet as pq

from data_prep import corpus_links, schema, store
from data_prep.statements import link_quotes, statements_table


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="a dataset folder (quotes, actors and articles tables)")
    parser.add_argument("--no-encoder", action="store_true", help="link by wording only")
    args = parser.parse_args()
    encoder = None if args.no_encoder else corpus_links.sentence_encoder()
    encoded = 0

    def counted(texts):
        nonlocal encoded
        encoded += len(texts)
        return encoder(texts)

    if encoder is not None:
        encoder(["warm up"])  # the model's first run allocates its buffers: count them before the step
    before = _peak_mib()
    started, cpu = time.perf_counter(), time.process_time()
    light = pq.read_table(store.table_path(args.data, schema.ARTICLES),
                          columns=["article_id", "outlet", "published"]).to_pandas()
    actors = store.read_table(args.data, schema.ACTORS, columns=["actor_id", "name", "kind"])
    quotes = corpus_links.statement_inputs(
        corpus_links.linkable_quotes(store.table_path(args.data, schema.QUOTES), actors), actors, light)
    ids = link_quotes(quotes, counted if encoder is not None else None)
    table = statements_table(quotes, ids)
    result = {"articles": len(light), "quotes": pq.ParquetFile(store.table_path(args.data, schema.QUOTES)).metadata.num_rows,
              "linkable_quotes": len(quotes), "texts_encoded": encoded, "statements": len(table),
              "quotes_in_statements": sum(i is not None for i in ids),
              "cpu_s": round(time.process_time() - cpu, 1), "wall_s": round(time.perf_counter() - started, 1),
              "peak_rss_before_mib": round(before), "peak_rss_after_mib": round(_peak_mib())}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
