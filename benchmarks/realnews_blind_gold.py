"""Write the blind real-news quote gold (benchmarks/gold/realnews_blind_quotes.json: article ids, body
offsets, types and speakers only) as the realnews scorer's gold JSONL, with the texts read from ../shared,
into files OUTSIDE the repository:

    python benchmarks/realnews_blind_gold.py /tmp/blind
    newsvoices prep ../shared/eval/realnews/articles.jsonl --data /tmp/rn --stance none
    python ../shared/eval/realnews/score_real.py /tmp/blind/gold_quotes.jsonl /tmp/blind/aliases.json /tmp/rn

The gold covers 10 of the 54 realnews articles that have no gold in ../shared (78 quotes, 2-3 articles a
story). It was written on 2 Dec 2026 by one annotator from the article text alone, following the
conventions of ../shared's gold, without seeing any output of newsvoices; nothing was tuned on it since.
``realnews_blind_aliases.json`` adds the speaker spellings of those articles to ../shared's aliases.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
QUOTES = GOLD / "realnews_blind_quotes.json"
ALIASES = GOLD / "realnews_blind_aliases.json"
REALNEWS = Path("../shared/eval/realnews")  # from the project root, as in ../shared/README


def gold_records(articles_path: Path, quotes_path: Path = QUOTES) -> list[dict]:
    articles = {}
    for line in articles_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            articles[record["id"]] = record
    records = []
    for article in json.loads(quotes_path.read_text(encoding="utf-8"))["articles"]:
        body = articles[article["id"]]["text"]
        quotes = []
        for quote in article["quotes"]:
            start, end = quote["span"]
            item = {"text": body[start:end], "type": quote["type"], "speaker": quote["speaker"]}
            if quote.get("parts"):
                item["parts"] = [body[s:e] for s, e in quote["parts"]]
            if quote.get("occ"):
                item["occ"] = quote["occ"]
            quotes.append(item)
        records.append({"id": article["id"], "url": articles[article["id"]]["url"],
                        "outlet": articles[article["id"]]["outlet"], "quotes": quotes})
    return records


def merged_aliases(shared_aliases: Path, extra_path: Path = ALIASES) -> dict[str, list[str]]:
    aliases = json.loads(shared_aliases.read_text(encoding="utf-8"))
    for name, variants in json.loads(extra_path.read_text(encoding="utf-8")).items():
        aliases[name] = aliases.get(name, []) + [v for v in variants if v not in aliases.get(name, [])]
    return aliases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="a folder outside the repository")
    parser.add_argument("--realnews", type=Path, default=REALNEWS, help="../shared/eval/realnews")
    parser.add_argument("--set", default="blind", dest="gold_set",
                        help="which gold set: blind (default), or NAME for gold/realnews_NAME_*.json")
    args = parser.parse_args()
    quotes_path = GOLD / f"realnews_{args.gold_set}_quotes.json"
    aliases_path = GOLD / f"realnews_{args.gold_set}_aliases.json"
    args.out.mkdir(parents=True, exist_ok=True)
    records = gold_records(args.realnews / "articles.jsonl", quotes_path)
    with open(args.out / "gold_quotes.jsonl", "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    aliases = merged_aliases(args.realnews / "aliases.json", aliases_path) if aliases_path.exists() \
        else json.loads((args.realnews / "aliases.json").read_text(encoding="utf-8"))
    (args.out / "aliases.json").write_text(json.dumps(aliases, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(records)} articles, {sum(len(r['quotes']) for r in records)} gold quotes -> {args.out}")


if __name__ == "__main__":
    main()
