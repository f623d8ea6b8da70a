"""Shared copy (and, once built, statements) on the real-news set against hand-made gold.

    newsvoices prep ../shared/eval/realnews/articles.jsonl --data DIR --stance none
    python benchmarks/evaluate_links.py ../shared/eval/realnews/articles.jsonl DIR

Gold lives in ``benchmarks/gold/`` as record ids (and quote offsets), never article text.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from data_prep import schema, store

GOLD = Path(__file__).parent / "gold"


def record_articles(records_file: Path, data_dir: Path) -> dict[str, str]:
    """Record id -> the dataset's article_id, through the URL."""
    articles = store.read_table(data_dir, schema.ARTICLES, columns=["article_id", "url"])
    by_url = dict(zip(articles["url"], articles["article_id"]))
    records = [json.loads(line) for line in records_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {record["id"]: by_url[record["url"]] for record in records if record["url"] in by_url}


def score_shared_copy(ids: dict[str, str], data_dir: Path) -> dict:
    gold = json.loads((GOLD / "realnews_shared_copy.json").read_text(encoding="utf-8"))
    shared = store.read_table(data_dir, schema.SHARED_COPY)
    found = {frozenset(pair) for pair in zip(shared["article_id"], shared["other_article_id"])}
    positives = [frozenset((ids[a], ids[b])) for a, b in gold["shared_copy"]]
    negatives = [frozenset((ids[a], ids[b])) for a, b in gold["not_shared_copy"]]
    names = {article_id: record for record, article_id in ids.items()}
    return {"gold_pairs": len(positives), "found": sum(pair in found for pair in positives),
            "recall": round(sum(pair in found for pair in positives) / len(positives), 3),
            "near_misses": len(negatives), "near_misses_found": sum(pair in found for pair in negatives),
            "pairs_found": len(found),
            "pairs_not_in_gold": sorted(sorted(names[i] for i in pair) for pair in found
                                        if pair not in positives and pair not in negatives)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("data", type=Path)
    args = parser.parse_args()
    ids = record_articles(args.records, args.data)
    print("shared copy:", json.dumps(score_shared_copy(ids, args.data)))


if __name__ == "__main__":
    main()
