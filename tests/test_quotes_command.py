"""The extract-quotes command and predict_records, on small files written here."""
import json

from data_prep.cli import main
from data_prep.nlp import load_pipeline
from data_prep.quotes import extract_attributions, predict_records

ARTICLE = "The ministry said this week that exports had fallen sharply."
PREDICTION_KEYS = {"quote_text", "quote_start", "quote_end", "quote_spans", "type", "cue", "cue_start", "cue_end",
                   "speaker", "speaker_start", "speaker_end", "speaker_is_pronoun", "speaker_name", "attribution"}


def test_predict_records_uses_the_polnear_prediction_format():
    records = [{"id": "a", "text": ARTICLE, "meta": {"ignored": True}},
               {"id": "b", "text": "Anna Berg arrived. “We are ready,” she said."}]
    predictions = list(predict_records(records, nlp=load_pipeline(), batch_size=1))
    assert [p["id"] for p in predictions] == ["a", "b"]
    first = predictions[0]["quotes"][0]
    assert set(first) == PREDICTION_KEYS
    assert first["speaker"] == "The ministry" and ARTICLE[first["speaker_start"]:first["speaker_end"]] == "The ministry"
    pronoun = predictions[1]["quotes"][0]
    assert pronoun["speaker"] == "she" and pronoun["speaker_name"] == "Anna Berg"


def test_command_writes_one_line_per_article_and_skips_bad_lines(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "good", "text": ARTICLE}) + "\n"
                      + "{not json\n"
                      + json.dumps({"id": "no-text"}) + "\n"
                      + json.dumps({"id": "second", "text": "The talks failed, the minister said."}) + "\n",
                      encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract-quotes", str(source), "-o", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["good", "second"]
    assert lines[1]["quotes"][0]["speaker"] == "the minister"
    err = capsys.readouterr().err
    assert "in.jsonl:2" in err and "not valid JSON" in err
    assert "in.jsonl:3" in err and '"text"' in err


def test_command_missing_input_is_a_clear_error(tmp_path, capsys):
    code = main(["extract-quotes", str(tmp_path / "absent.jsonl"), "-o", str(tmp_path / "out.jsonl")])
    assert code == 1
    err = capsys.readouterr().err
    assert "input file not found" in err and "Traceback" not in err
    assert not (tmp_path / "out.jsonl").exists()


def test_predict_records_survives_a_record_without_text():
    records = [{"id": "broken", "text": None}, {"id": "fine", "text": ARTICLE}]
    predictions = list(predict_records(records, nlp=load_pipeline()))
    assert predictions[0] == {"id": "broken", "quotes": []}
    assert predictions[1]["quotes"][0]["speaker"] == "The ministry"


def test_a_quoted_passage_no_cue_introduces_and_no_one_is_credited_with_is_no_prediction():
    text = "Mayor Anna Berg spoke to the crowd for an hour.\n\n“We will rebuild the harbour. It will take years.”"
    nlp = load_pipeline()
    assert [quote.cue for quote in extract_attributions(nlp(text))] == [None]  # the passage is found
    assert list(predict_records([{"id": "a", "text": text}], nlp=nlp)) == [{"id": "a", "quotes": []}]
