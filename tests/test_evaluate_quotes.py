"""Quote scoring: hand-checked numbers on tiny articles, the same numbers as the reference scorer on the
fixture articles, and clear messages for bad input."""
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from data_prep.cli import main
from data_prep.evaluation.quotes import (
    MATCH_RULES, SUBSETS, check_gold, check_predictions, format_report, read_jsonl, score_quotes, speaker_verdict)

GOLD_DIR = Path(__file__).parent / "gold"
FIXTURE_GOLD = GOLD_DIR / "eval_fixture_gold.jsonl"
FIXTURE_PRED = GOLD_DIR / "eval_fixture_pred.jsonl"
REFERENCE_SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "quotes" / "eval_quotes.py"
REFERENCE_FLAGS = {"all": [], "direct": ["--gold-types", "direct,mixed", "--pred-require-quotemarks"],
                   "speech": ["--speech-only"]}


def span(text, piece, after=0):
    start = text.index(piece, after)
    return {"quote_start": start, "quote_end": start + len(piece)}


def speaker(text, name, after=0):
    start = text.index(name, after)
    return {"speaker": name, "speaker_start": start, "speaker_end": start + len(name)}


def prf(scores):
    return scores["precision"], scores["recall"], scores["f1"]


def quote_speaker_prf(rule_scores):
    return (rule_scores["quote_speaker_precision"], rule_scores["quote_speaker_recall"],
            rule_scores["quote_speaker_f1"])


# ---------------------------------------------------------------- numbers worked out by hand

THRESHOLD_TEXT = 'Ann said "yes we can" and Bob said "no".'


def threshold_case():
    text = THRESHOLD_TEXT
    gold = [{"id": "a", "text": text, "quotes": [
        {**span(text, '"yes we can"'), **speaker(text, "Ann")},
        {**span(text, '"no"'), **speaker(text, "Bob")},
    ]}]
    pred = [{"id": "a", "quotes": [
        {**span(text, "yes we"), **speaker(text, "Ann")},  # 6 of the 10 quoted characters
        {**span(text, "Ann said"), "speaker": None},       # touches no gold quote
    ]}]
    return gold, pred


def test_partial_overlap_counts_at_0_3_and_jaccard_0_5_but_not_at_0_8_or_exact():
    scores = score_quotes(*threshold_case())
    rules = scores["rules"]
    assert (scores["gold_quotes"], scores["predicted_quotes"]) == (2, 2)
    assert prf(rules["overlap@0.3"]) == (50.0, 50.0, 50.0)   # 6/10 = 0.6 >= 0.3
    assert prf(rules["jaccard@0.5"]) == (50.0, 50.0, 50.0)   # 6 / (10 ∪ 6) = 0.6 >= 0.5
    assert prf(rules["overlap@0.8"]) == (0.0, 0.0, 0.0)
    assert prf(rules["exact"]) == (0.0, 0.0, 0.0)
    assert rules["overlap@0.3"]["speaker_accuracy_lenient"] == 100.0
    assert quote_speaker_prf(rules["overlap@0.3"]) == (50.0, 50.0, 50.0)
    assert rules["exact"]["speaker_accuracy_lenient"] is None  # nothing matched: no accuracy to give
    assert scores["headline_quote_speaker_f1"] == 50.0
    # characters: gold "yes we can" + "no" = 12, predicted "yes we" + "Ann said" = 14, shared 6
    assert prf(scores["characters"]) == (42.9, 50.0, 46.2)


SUBSET_TEXT = 'Lee said "rates will fall". Lee thinks growth will return. Kim wrote that the plan failed.'


def subset_case():
    text = SUBSET_TEXT
    gold = [{"id": "b", "text": text, "quotes": [
        {**span(text, '"rates will fall"'), **speaker(text, "Lee"), "type": "direct", "speech_cue": True},
        {**span(text, "growth will return"), **speaker(text, "Lee", 20), "type": "indirect", "speech_cue": False},
        {**span(text, "the plan failed"), **speaker(text, "Kim"), "type": "indirect", "speech_cue": True},
    ]}]
    pred = [{"id": "b", "quotes": [
        {**span(text, '"rates will fall"'), **speaker(text, "Kim")},       # wrong speaker
        {**span(text, "growth will return"), **speaker(text, "Lee", 20)},
        {**span(text, "the plan failed"), **speaker(text, "Kim")},
        {**span(text, "Kim wrote"), "speaker": None},                      # false positive, no quote marks
    ]}]
    return gold, pred


@pytest.mark.parametrize("subset, counts, quotes_prf, quote_speaker", [
    # every quote found, 2 of 3 speakers right, one false positive
    ("all", (3, 4), (75.0, 100.0, 85.7), (50.0, 66.7, 57.1)),
    # only the direct quote counts; predictions over the indirect ones are "don't care", and the
    # false positive has no quotation mark
    ("direct", (1, 1), (100.0, 100.0, 100.0), (0.0, 0.0, 0.0)),
    # the belief ("thinks") is not speech: its prediction is "don't care"
    ("speech", (2, 3), (66.7, 100.0, 80.0), (33.3, 50.0, 40.0)),
])
def test_subsets_leave_out_gold_quotes_and_the_predictions_over_them(subset, counts, quotes_prf, quote_speaker):
    scores = score_quotes(*subset_case(), subset=subset)
    assert (scores["gold_quotes"], scores["predicted_quotes"]) == counts
    assert scores["predictions_left_out_by_subset"] == 4 - counts[1]
    assert prf(scores["rules"]["overlap@0.3"]) == quotes_prf
    assert quote_speaker_prf(scores["rules"]["overlap@0.3"]) == quote_speaker


def test_every_subset_gives_the_same_keys():
    gold, pred = subset_case()
    key_sets = {json.dumps(sorted(_keys(score_quotes(gold, pred, subset)))) for subset in SUBSETS}
    assert len(key_sets) == 1
    assert set(score_quotes(gold, pred)["rules"]) == {rule.name for rule in MATCH_RULES}


def _keys(tree, prefix=""):
    for key, value in tree.items():
        yield prefix + key
        if isinstance(value, dict):
            yield from _keys(value, prefix + key + ".")


def test_matching_is_one_to_one():
    text = 'She said "we will win this race" today.'
    gold = [{"id": "c", "text": text, "quotes": [span(text, '"we will win this race"')]}]
    twice = [{"id": "c", "quotes": [span(text, "we will win"), span(text, "win this race")]}]
    rules = score_quotes(gold, twice)["rules"]
    assert rules["overlap@0.3"]["matched"] == 1
    assert prf(rules["overlap@0.3"]) == (50.0, 100.0, 66.7)


def test_equally_good_predictions_tie_towards_the_later_one_as_in_the_reference():
    text = 'Ann told Bob "the vote is on Friday" twice.'
    gold = [{"id": "t", "text": text, "quotes": [{**span(text, '"the vote is on Friday"'), **speaker(text, "Ann")}]}]
    same_span = span(text, "the vote is on Friday")
    pred = [{"id": "t", "quotes": [{**same_span, **speaker(text, "Bob")}, {**same_span, **speaker(text, "Ann")}]}]
    assert score_quotes(gold, pred)["rules"]["exact"]["speaker_right_lenient"] == 1


def test_split_quote_is_one_gold_quote_covered_by_its_parts():
    text = '"We tried," he said, "and we failed."'
    parts = [[text.index('"We'), text.index(" he")], [text.index('"and'), len(text)]]
    gold = [{"id": "d", "text": text, "quotes": [{"quote_spans": parts, **speaker(text, "he")}]}]
    first_part_only = [{"id": "d", "quotes": [{**span(text, '"We tried,"'), **speaker(text, "he")}]}]
    both_parts = [{"id": "d", "quotes": [{"quote_spans": parts, "quote_start": 0, "quote_end": 0,
                                          **speaker(text, "he")}]}]
    partial = score_quotes(gold, first_part_only)["rules"]
    assert partial["overlap@0.3"]["matched"] == 1 and partial["overlap@0.8"]["matched"] == 0  # 8 of 21 characters
    assert score_quotes(gold, both_parts)["rules"]["exact"]["matched"] == 1


def test_gold_article_without_predictions_counts_as_missed():
    gold, _ = threshold_case()
    scores = score_quotes(gold, [])
    assert (scores["gold_quotes"], scores["predicted_quotes"]) == (2, 0)
    assert prf(scores["rules"]["overlap@0.3"]) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize("gold_speaker, predicted_speaker, verdict", [
    ({"speaker": "she", "speaker_start": 10, "speaker_end": 13},
     {"speaker": "Maria Lopez", "speaker_start": 10, "speaker_end": 13}, (True, True)),    # resolved pronoun
    ({"speaker": "Sen. Elizabeth Warren", "speaker_start": 0, "speaker_end": 21},
     {"speaker": "Warren", "speaker_start": 80, "speaker_end": 86}, (False, True)),        # same surname, other mention
    ({"speaker": "Mr. Smith"}, {"speaker": "Smith"}, (False, True)),                         # title dropped
    ({"speaker": "the union"}, {"speaker": "the mayor"}, (False, False)),
    ({"speaker": None}, {"speaker": None}, (True, True)),                                    # no source, none given
    ({"speaker": None}, {"speaker": "the mayor"}, (False, False)),
    ({"speaker": "the mayor"}, {"speaker": None}, (False, False)),
])
def test_speaker_verdicts(gold_speaker, predicted_speaker, verdict):
    assert speaker_verdict(gold_speaker, predicted_speaker) == verdict


def test_unknown_subset_is_refused():
    with pytest.raises(ValueError, match="unknown subset"):
        score_quotes(*threshold_case(), subset="indirect")


def test_report_shows_the_headline_and_every_rule():
    report = format_report(score_quotes(*threshold_case()))
    assert "quote+speaker F1 at overlap@0.3 = 50.0" in report
    for rule in MATCH_RULES:
        assert rule.name in report
    assert "n/a" in report  # speaker accuracy where nothing matched


# ---------------------------------------------------------------- agreement with the reference scorer

def fixture_records():
    gold, gold_problems = check_gold(read_jsonl(FIXTURE_GOLD)[0])
    pred, pred_problems = check_predictions(read_jsonl(FIXTURE_PRED)[0], gold)
    assert not gold_problems
    assert pred_problems == [
        "predictions line 4: prediction id 'fixture/not-in-gold' is not in the gold file; ignored"]
    return gold, pred


def in_reference_layout(scores):
    def triple(row, prefix=""):
        return {"P": row[prefix + "precision"], "R": row[prefix + "recall"], "F1": row[prefix + "f1"]}
    layout = {"n_gold": scores["gold_quotes"], "n_pred": scores["predicted_quotes"],
              "char_soft": triple(scores["characters"])}
    for name, row in scores["rules"].items():
        layout[name] = {"quote": triple(row), "speaker_acc_span": row["speaker_accuracy_span"],
                        "speaker_acc_lenient": row["speaker_accuracy_lenient"],
                        "quote+speaker(lenient)": triple(row, "quote_speaker_")}
    return layout


@pytest.mark.parametrize("subset", SUBSETS)
def test_same_numbers_as_the_reference_scorer(subset):
    if not REFERENCE_SCORER.exists():
        pytest.skip(f"reference scorer not found at {REFERENCE_SCORER} (the shared evaluation kit sits beside "
                    "the repository in CI, not in every clone)")
    completed = subprocess.run(
        [sys.executable, str(REFERENCE_SCORER), str(FIXTURE_GOLD), str(FIXTURE_PRED), *REFERENCE_FLAGS[subset],
         "--json"], capture_output=True, text=True, check=True)
    scores = score_quotes(*fixture_records(), subset=subset)
    assert in_reference_layout(scores) == json.loads(completed.stdout)


def test_fixture_covers_the_cases_it_claims():
    rules = score_quotes(*fixture_records())["rules"]
    # exact after trimming: the mayor's quote, the indirect quote, the one with the wrong speaker, the banner and
    # Okafor's quote; overlap@0.3 adds the start of the captain's quote and the first half of the split quote
    assert rules["exact"]["matched"] == 5 and rules["overlap@0.3"]["matched"] == 7
    assert rules["overlap@0.3"]["speaker_right_lenient"] == 6 and rules["overlap@0.3"]["speaker_right_by_span"] == 4


# ---------------------------------------------------------------- the command

def run_command(capsys, *arguments):
    code = main(["evaluate", "quotes", *map(str, arguments)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_command_prints_the_table_and_json(capsys):
    code, out, err = run_command(capsys, FIXTURE_GOLD, "--pred", FIXTURE_PRED, "--subset", "speech")
    assert code == 0
    assert "subset speech" in out and "quote+speaker F1 at overlap@0.3" in out
    assert "4 articles, 8 gold quotes, 7 predicted quotes (2 more left out by the subset)" in out
    assert "'fixture/not-in-gold' is not in the gold file" in err
    code, out, _ = run_command(capsys, FIXTURE_GOLD, "--pred", FIXTURE_PRED, "--json")
    assert code == 0
    assert json.loads(out) == score_quotes(*fixture_records())


def test_missing_file_is_a_clear_error(capsys, tmp_path):
    code, out, err = run_command(capsys, tmp_path / "absent.jsonl", "--pred", FIXTURE_PRED)
    assert code == 2 and out == ""
    assert err == f"error: {tmp_path / 'absent.jsonl'}: no such file\n"


def test_malformed_lines_are_named_and_the_rest_is_scored(capsys, tmp_path):
    gold_lines = FIXTURE_GOLD.read_text(encoding="utf-8").splitlines()
    broken = tmp_path / "gold.jsonl"
    broken.write_text("\n".join([gold_lines[0], '{"id": "cut off', *gold_lines[1:], "[]"]) + "\n", encoding="utf-8")
    code, out, err = run_command(capsys, broken, "--pred", FIXTURE_PRED, "--json")
    assert code == 0
    assert f"{broken} line 2: not valid JSON" in err
    assert f"{broken} line {len(gold_lines) + 2}: expected a JSON object per line" in err
    assert json.loads(out)["articles"] == len(gold_lines)


def test_unlocatable_predictions_count_as_wrong_and_the_others_are_scored(capsys, tmp_path):
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(json.dumps({"id": "fixture/flood", "quotes": [
        {"quote_start": 40, "quote_end": 10_000, "speaker": "Lena Vogt"},
        {"quote_start": 33, "speaker": "Lena Vogt"},
        {"quote_start": 33, "quote_end": 63, "speaker": "Lena Vogt", "speaker_start": 80}]}) + "\n",
        encoding="utf-8")
    code, out, err = run_command(capsys, FIXTURE_GOLD, "--pred", predictions, "--json")
    assert code == 0
    assert ("line 1: quote 1 of 'fixture/flood' has span [40, 10000], not inside the text (86 characters); "
            "counted as a wrong prediction") in err
    assert "line 1: quote 2 of 'fixture/flood' needs integer quote_start/quote_end" in err
    assert "line 1: quote 3 of 'fixture/flood' has speaker_start/speaker_end [80, None]" in err
    overlap = json.loads(out)["rules"]["overlap@0.3"]
    assert json.loads(out)["predicted_quotes"] == 3
    assert overlap["matched"] == 1 and overlap["speaker_right_lenient"] == 1  # the name still counts


def test_gold_quote_that_cannot_be_located_is_skipped_with_its_line(capsys, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g", "text": "Short.", "quotes": [
        {"quote_start": 0, "quote_end": 50, "speaker": None},
        {"quote_start": 0, "quote_end": 5, "speaker": None}]}) + "\n", encoding="utf-8")
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text('{"id": "g", "quotes": []}\n', encoding="utf-8")
    code, out, err = run_command(capsys, gold, "--pred", predictions, "--json")
    assert code == 0
    assert f"{gold} line 1: quote 1 of 'g' has span [0, 50], not inside the text (6 characters); quote skipped" in err
    assert json.loads(out)["gold_quotes"] == 1


def test_predictions_for_other_articles_only_is_an_error(capsys, tmp_path):
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text('{"id": "elsewhere/1", "quotes": []}\n', encoding="utf-8")
    code, out, err = run_command(capsys, FIXTURE_GOLD, "--pred", predictions)
    assert code == 2 and out == ""
    assert "prediction id 'elsewhere/1' is not in the gold file" in err
    assert "no prediction matches an article id" in err


def test_without_pred_the_extractor_runs_on_the_gold_texts_alone(capsys, monkeypatch):
    seen = []

    def predict_records(records):
        for record in records:
            seen.append(record)
            yield {"id": record["id"], "quotes": []}

    monkeypatch.setitem(sys.modules, "data_prep.quotes", types.SimpleNamespace(predict_records=predict_records))
    code, out, _ = run_command(capsys, FIXTURE_GOLD, "--json")
    assert code == 0
    assert [record["id"] for record in seen] == [json.loads(line)["id"] for line in FIXTURE_GOLD.open()]
    assert all("quotes" not in record and record["text"] for record in seen)
    assert json.loads(out)["predicted_quotes"] == 0


def test_missing_extractor_says_to_use_pred(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "data_prep.quotes", None)
    code, out, err = run_command(capsys, FIXTURE_GOLD)
    assert code == 2 and out == ""
    assert "quote extractor cannot be loaded" in err and "--pred" in err
