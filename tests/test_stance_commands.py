"""``newsvoices stance-jsonl`` and ``newsvoices evaluate stance`` on small files."""
from __future__ import annotations

import json

from data_prep.cli import main

LINES = [
    {"id": "1", "text": "We condemn Marlow for this shameful and disgraceful attack.", "target": "Marlow",
     "target_span": [11, 17], "label": "against"},
    {"id": "2", "text": "Ellis did a wonderful job, and I admire her courage.", "target": "Ellis",
     "target_span": None, "label": "favor"},
    {"id": "3", "text": "Marlow flew to Denver on Monday.", "target": "Marlow", "target_span": [0, 6],
     "label": "neutral"},
]


def write_jsonl(path, records, extra_lines=()):
    path.write_text("\n".join([json.dumps(r) for r in records] + list(extra_lines)) + "\n", encoding="utf-8")
    return path


def test_stance_jsonl_labels_every_good_line_and_skips_bad_ones(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", LINES, ["{not json", json.dumps({"id": "x", "text": "t"})])
    out = tmp_path / "out.jsonl"
    assert main(["stance-jsonl", str(source), "-o", str(out), "--backend", "lexicon"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    assert rows[0]["label"] == "against" and "condemn" in rows[0]["evidence"]
    assert all(r["label"] in {"favor", "against", "neutral", "unclear"} and 0 <= r["confidence"] <= 1
               for r in rows)
    assert all(r["backend"].startswith("lexicon ") for r in rows)
    errors = capsys.readouterr().err
    assert ":4: skipped" in errors and ':5: skipped: "target"' in errors


def test_stance_jsonl_no_unclear_forces_a_choice(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", LINES)
    out = tmp_path / "out.jsonl"
    assert main(["stance-jsonl", str(source), "-o", str(out), "--backend", "lexicon", "--no-unclear"]) == 0
    labels = {json.loads(line)["label"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert labels <= {"favor", "against", "neutral"}


def test_stance_jsonl_missing_input_is_a_message_not_a_traceback(tmp_path, capsys):
    assert main(["stance-jsonl", str(tmp_path / "absent.jsonl"), "-o", str(tmp_path / "o.jsonl"),
                 "--backend", "lexicon"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_evaluate_stance_json_report(tmp_path, capsys):
    gold = write_jsonl(tmp_path / "gold.jsonl", LINES)
    assert main(["evaluate", "stance", str(gold), "--backend", "lexicon", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["n"] == 3 and report["backend"] == "lexicon"
    assert 0 <= report["macro_f1"] <= 1 and 0 <= report["ece"] <= 1
    assert report["coverage"][0]["coverage"] == 1.0
    assert set(report["per_class"]) == {"favor", "against", "neutral"}


def test_evaluate_stance_text_report_and_bad_gold(tmp_path, capsys):
    gold = write_jsonl(tmp_path / "gold.jsonl", LINES[:2], [json.dumps({**LINES[2], "label": "maybe"})])
    assert main(["evaluate", "stance", str(gold), "--backend", "lexicon"]) == 0
    captured = capsys.readouterr()
    assert "macro-F1" in captured.out and "2 items" in captured.out
    assert '"label" must be one of' in captured.err
