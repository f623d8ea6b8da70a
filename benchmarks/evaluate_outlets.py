"""Outlet names from the page alone, scored against the real-news set's outlet names.

    python benchmarks/evaluate_outlets.py ../shared/eval/realnews/articles.jsonl [--errors]

Each record's url, title and text go in; its ``outlet`` field is only the answer. The gold name is the
outlet field without its parenthesis ("People's Daily Online (Xinhua)" -> People's Daily Online,
"Global Times (via GlobalSecurity.org)" -> Global Times); a name in parentheses that is a news agency
is the expected agency. Two runs: with the shipped table, and with each page's own outlet taken out of
the table (how an outlet the table lacks fares: the estimate for unseen outlets).
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from data_prep.ingest.outlets import identify_outlet, name_key, outlet_table


def gold_names(field: str) -> tuple[str, str | None]:
    match = re.fullmatch(r"(.*?)\s*\((?:via\s+)?(.*)\)\s*", field)
    if not match:
        return field, None
    main, inside = match.groups()
    agency = outlet_table().named(inside)
    return main, agency.name if agency is not None and agency.type == "wire" else None


def score(records: list[dict], leave_out: bool, show_errors: bool) -> dict:
    table = outlet_table()
    right = agencies_expected = agencies_right = agencies_wrong = 0
    for record in records:
        main, agency = gold_names(record["outlet"])
        used = table
        if leave_out:  # the page's outlet, and the domain's entry unless it is an aggregator the page names
            for own in (table.named(main), table.for_domain(_domain(record["url"]))):
                if own is not None and (own.type != "aggregator" or own.name == main):
                    used = used.without(own)
        found = identify_outlet(record["url"], text=record["text"], title=record.get("title"), table=used)
        # Spacing and case do not count ("PlusNews" = "Plus News"); a place in parentheses may be kept.
        ok = found.outlet is not None and _key(found.outlet) in {_key(main), _key(record["outlet"])}
        right += ok
        if agency:
            agencies_expected += 1
            agencies_right += found.agency == agency
        elif found.agency:
            agencies_wrong += found.agency != main
        if show_errors and (not ok or (agency and found.agency != agency)):
            print(f"  {'leave-out' if leave_out else 'table'}: {record['id']}: gold {main!r} / {agency!r}, "
                  f"got {found.outlet!r} / {found.agency!r}")
    return {"articles": len(records), "outlet_right": right, "outlet_accuracy": round(100 * right / len(records), 1),
            "agency_expected": agencies_expected, "agency_found": agencies_right,
            "agency_credited_without_gold": agencies_wrong}


def _key(name: str) -> str:
    return name_key(name).replace(" ", "")


def _domain(url: str) -> str | None:
    from data_prep.ingest.outlets import domain_of
    return domain_of(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.articles.read_text(encoding="utf-8").splitlines() if line.strip()]
    for leave_out in (False, True):
        result = score(records, leave_out, args.errors)
        print(("own outlet left out of the table: " if leave_out else "shipped table: ") + json.dumps(result))


if __name__ == "__main__":
    main()
