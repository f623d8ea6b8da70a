"""Write the realnews stance gold (benchmarks/stance_gold_realnews.jsonl: ids, offsets, targets and
labels only) as a stance JSONL with the quote texts, read from ../shared, into a file OUTSIDE the
repository, for `newsvoices evaluate stance`:

    python benchmarks/realnews_stance_jsonl.py /tmp/realnews_stance.jsonl
    newsvoices evaluate stance /tmp/realnews_stance.jsonl --backend finetuned

Each gold line is one (quote, target) pair from ../shared/eval/realnews/articles.jsonl (offsets into
the dataset text, headline + blank line + body), labelled by hand for the speaker's stance toward the
target: the speaker of a quote is read from its attribution in the article. ``source`` says how the
quote was found: text in quotation marks ("quoted"), a gold quote of that set ("gold-quote", mostly
reported speech) or a clause after a speech verb ("reported").
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "stance_gold_realnews.jsonl"
ARTICLES = Path("../shared/eval/realnews/articles.jsonl")  # from the project root, as in ../shared/README


def dataset_text(article: dict) -> str:
    return (article["title"] + "\n\n" if article.get("title") else "") + article["text"]


def gold_items(gold: Path = GOLD, articles: Path = ARTICLES) -> list[dict]:
    texts = {}
    for line in articles.read_text(encoding="utf-8").splitlines():
        if line.strip():
            article = json.loads(line)
            texts[article["id"]] = dataset_text(article)
    items = []
    for number, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), start=1):
        row = json.loads(line)
        text = texts[row["article_id"]]
        quote = text[row["quote_start"]:row["quote_end"]]
        start, end = row["target_start"] - row["quote_start"], row["target_end"] - row["quote_start"]
        if quote[start:end] != row["target"]:
            raise SystemExit(f"{gold}:{number}: target {row['target']!r} not at its offsets")
        items.append({"id": f"{row['article_id']}:{row['quote_start']}:{row['target_start']}", "text": quote,
                      "target": row["target"], "target_span": [start, end], "label": row["label"],
                      "source": row["source"]})
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    args = parser.parse_args(argv)
    if args.out.resolve().is_relative_to(HERE.parent):
        raise SystemExit("write it outside the repository: the quote texts are third-party")
    items = gold_items(articles=args.articles)
    args.out.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    print(f"{len(items)} pairs -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
