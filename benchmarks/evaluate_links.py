"""Shared copy and statements on the real-news set against hand-made gold.

    newsvoices prep ../shared/eval/realnews/articles.jsonl --data DIR --stance none
    python benchmarks/evaluate_links.py ../shared/eval/realnews/articles.jsonl DIR

Gold lives in ``benchmarks/gold/`` as record ids (and quote offsets), never article text.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd

from data_prep import schema, store
from data_prep.corpus_links import statement_inputs

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


def quote_frame(data_dir: Path) -> pd.DataFrame:
    """Quotes with what statement grouping reads: speaker name and kind, the article's date and outlet."""
    return statement_inputs(store.read_table(data_dir, schema.QUOTES),
                            store.read_table(data_dir, schema.ACTORS, columns=["actor_id", "name", "kind"]),
                            store.read_table(data_dir, schema.ARTICLES, columns=["article_id", "outlet", "published"]))


def _match(gold_quote: list, by_article: dict, ids: dict[str, str]) -> int | None:
    """The predicted quote (row) that covers most of a gold quote, if it covers at least half of it."""
    record, start, end = gold_quote
    best, best_overlap = None, 0
    for row, (quote_start, quote_end) in by_article.get(ids.get(record), []):
        overlap = min(end, quote_end) - max(start, quote_start)
        if overlap > best_overlap:
            best, best_overlap = row, overlap
    return best if best_overlap >= 0.5 * (end - start) else None


def score_statements(ids: dict[str, str], quotes: pd.DataFrame, statement_ids: list) -> dict:
    """Pairwise precision and recall over the gold statements' quotes; near misses are pairs of one
    speaker's quotes in different gold statements."""
    gold = json.loads((GOLD / "realnews_statements.json").read_text(encoding="utf-8"))["statements"]
    by_article: dict[str, list] = {}
    for row, (article_id, start, end) in enumerate(zip(quotes["article_id"], quotes["quote_start"], quotes["quote_end"])):
        by_article.setdefault(article_id, []).append((row, (int(start), int(end))))
    members = [(number, _match(quote, by_article, ids)) for number, statement in enumerate(gold)
               for quote in statement["quotes"]]
    matched = [(number, row) for number, row in members if row is not None]
    true_positive = predicted = gold_pairs = near = near_merged = 0
    for x in range(len(matched)):
        for y in range(x + 1, len(matched)):
            (number_a, row_a), (number_b, row_b) = matched[x], matched[y]
            same_gold = number_a == number_b
            same_predicted = statement_ids[row_a] is not None and statement_ids[row_a] == statement_ids[row_b]
            gold_pairs += same_gold
            predicted += same_predicted
            true_positive += same_gold and same_predicted
            if not same_gold and _same_speaker(gold[number_a], gold[number_b]):
                near += 1
                near_merged += same_predicted
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / gold_pairs if gold_pairs else 1.0
    return {"gold_statements": len(gold), "gold_quotes": len(members), "gold_quotes_extracted": len(matched),
            "gold_pairs": gold_pairs, "predicted_pairs": predicted, "precision": round(precision, 3),
            "recall": round(recall, 3), "f1": round(2 * precision * recall / (precision + recall or 1), 3),
            "near_miss_pairs": near, "near_misses_merged": near_merged,
            "statements_found": len({s for s in statement_ids if s})}


def _same_speaker(first: dict, second: dict) -> bool:
    return first["speaker"] == second["speaker"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("data", type=Path)
    args = parser.parse_args()
    ids = record_articles(args.records, args.data)
    print("shared copy:", json.dumps(score_shared_copy(ids, args.data)))
    quotes = store.read_table(args.data, schema.QUOTES, columns=["statement_id"])
    print("statements:", json.dumps(score_statements(ids, quote_frame(args.data), quotes["statement_id"].tolist())))


if __name__ == "__main__":
    main()
