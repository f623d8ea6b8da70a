"""Score a realnews dataset on every gold set at once: one line per set (quote F1, quote+speaker F1, the
same for reported speech and for quote-mark quotes, speaker accuracy on matched quotes).

    newsvoices prep ../shared/eval/realnews/articles.jsonl --data /tmp/rn --stance none --full
    python benchmarks/realnews_sets.py /tmp/rn                 # dev sets: dev, dev2, dev3, dev+ (pooled)
    python benchmarks/realnews_sets.py /tmp/rn blind blind2 blind3 held-out

Sets: ``dev`` is ../shared's gold; ``dev2``, ``dev3``, ``blind``, ``blind2``, ``blind3`` are the
repository's gold (benchmarks/gold/, see docs/benchmarks.md); ``dev+`` pools the three dev sets and
``held-out`` the three blind ones (gold concatenated, aliases merged). The scorer's files are written to
a temporary folder outside the repository, since they carry third-party text.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from realnews_blind_gold import GOLD, REALNEWS, gold_records, merged_aliases

POOLS = {"dev+": ("dev", "dev2", "dev3"), "held-out": ("blind", "blind2", "blind3")}
DEV_SETS = ("dev", "dev2", "dev3", "dev+")


def set_gold(name: str, realnews: Path) -> tuple[list[dict], dict[str, list[str]]]:
    """The gold records and aliases of one set or pool, as the realnews scorer reads them."""
    if name in POOLS:
        records, aliases = [], {}
        for part in POOLS[name]:
            part_records, part_aliases = set_gold(part, realnews)
            records += part_records
            for canonical, variants in part_aliases.items():
                aliases[canonical] = aliases.get(canonical, []) + [v for v in variants if v not in aliases.get(canonical, [])]
        return records, aliases
    shared_aliases = realnews / "aliases.json"
    if name == "dev":
        records = [json.loads(line) for line in (realnews / "gold_quotes.jsonl").read_text(encoding="utf-8").splitlines()
                   if line.strip()]
        return records, json.loads(shared_aliases.read_text(encoding="utf-8"))
    quotes, extra_aliases = GOLD / f"realnews_{name}_quotes.json", GOLD / f"realnews_{name}_aliases.json"
    if not quotes.exists():
        raise SystemExit(f"no gold set {name!r}: {quotes} is missing")
    aliases = merged_aliases(shared_aliases, extra_aliases) if extra_aliases.exists() \
        else json.loads(shared_aliases.read_text(encoding="utf-8"))
    return gold_records(realnews / "articles.jsonl", quotes), aliases


def score(dataset: Path, name: str, realnews: Path, folder: Path) -> dict:
    records, aliases = set_gold(name, realnews)
    gold, alias_file, result = folder / f"{name}.jsonl", folder / f"{name}.aliases.json", folder / f"{name}.result.json"
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    alias_file.write_text(json.dumps(aliases, ensure_ascii=False), encoding="utf-8")
    subprocess.run([sys.executable, str(realnews / "score_real.py"), str(gold), str(alias_file), str(dataset),
                    "--json", str(result)], check=True, stdout=subprocess.DEVNULL)
    return json.loads(result.read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", type=Path, help="a folder `newsvoices prep` wrote from the realnews articles")
    parser.add_argument("sets", nargs="*", default=list(DEV_SETS), help=f"default: {' '.join(DEV_SETS)}")
    parser.add_argument("--realnews", type=Path, default=REALNEWS, help="../shared/eval/realnews")
    args = parser.parse_intermixed_args()
    print(f"{'set':10s} {'gold':>4s} {'pred':>4s}  quoteF1  q+sF1  reported-q+s  direct+mixed-q+s  spk-acc")
    with tempfile.TemporaryDirectory() as folder:
        for name in args.sets:
            result = score(args.dataset, name, args.realnews, Path(folder))
            rows = result["rows"]
            every, reported, marked = rows["all"], rows["indirect"], rows["direct+mixed (quote marks)"]
            print(f"{name:10s} {result['n_gold']:4d} {result['n_pred']:4d}  {every['quote']['F1']:7.1f}  "
                  f"{every['quote_speaker']['F1']:5.1f}  {reported['quote_speaker']['F1']:12.1f}  "
                  f"{marked['quote_speaker']['F1']:16.1f}  {every['speaker_acc']}")


if __name__ == "__main__":
    main()
