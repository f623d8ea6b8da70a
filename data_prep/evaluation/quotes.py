"""Score quote extraction and speaker attribution against annotated articles.

The rules are those of the PolNeAR evaluation kit (``shared/eval/quotes/README.md``) and give the same
numbers as its reference script ``eval_quotes.py``; docs/evaluation.md explains them for users.

Both inputs are lists of article records ``{"id", "quotes": [...]}``; gold records also carry the
article ``text``, which every offset indexes into. A quote is located by ``quote_spans`` (several
spans for a split quote) or by ``quote_start``/``quote_end``.
"""
from __future__ import annotations

import json
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

SUBSETS = ("all", "direct", "speech")
SUBSET_DESCRIPTIONS = {
    "all": "every gold quote",
    "direct": "gold quotes of type direct or mixed; only predictions containing a quotation mark",
    "speech": "gold quotes with a speech cue (said, told, ...)",
}
DIRECT_TYPES = frozenset({"direct", "mixed"})

# Trimmed from both ends of a span, so that ` “Yes.”` and `Yes` cover the same characters.
TRIMMED_CHARACTERS = frozenset(string.whitespace + string.punctuation + "\u201c\u201d\u2018\u2019\u2014\u2013\u2015")
QUOTATION_MARKS = frozenset('"\u201c\u201d')
# Dropped before names are compared, so "Sen. Warren" and "Warren" agree.
TITLE_WORDS = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "senator", "the", "prof", "gen"})
# A prediction that covers at least this share of its own characters inside a gold quote the subset
# leaves out is neither rewarded nor punished.
DONT_CARE_SHARE = 0.5


@dataclass(frozen=True)
class MatchRule:
    name: str
    measure: str  # "exact", "gold_coverage" (|gold ∩ pred| / |gold|) or "jaccard"
    threshold: float = 1.0

    def score(self, gold_chars: frozenset[int], predicted_chars: frozenset[int]) -> float | None:
        """How well a prediction fits a gold quote, or None when it does not reach the threshold."""
        if self.measure == "exact":
            return 1.0 if gold_chars and gold_chars == predicted_chars else None
        shared = len(gold_chars & predicted_chars)
        if not shared:
            return None
        if self.measure == "gold_coverage":
            value = shared / len(gold_chars)
        else:
            value = shared / len(gold_chars | predicted_chars)
        return value if value >= self.threshold else None


MATCH_RULES = (
    MatchRule("exact", "exact"),
    MatchRule("overlap@0.3", "gold_coverage", 0.3),
    MatchRule("overlap@0.8", "gold_coverage", 0.8),
    MatchRule("jaccard@0.5", "jaccard", 0.5),
)
HEADLINE_RULE = "overlap@0.3"


class InputProblem(ValueError):
    """Input that cannot be scored at all (an unreadable file, no usable article); the message says why."""


# ---------------------------------------------------------------- reading and checking input

def read_jsonl(path: str | Path) -> tuple[list[tuple[int, dict]], list[str]]:
    """(line number, object) for each JSON object line of a file, and a message for each other line.

    Raises InputProblem when the file cannot be read at all.
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            lines = list(handle)
    except FileNotFoundError:
        raise InputProblem(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputProblem(f"{path}: is a folder, not a JSONL file") from None
    except UnicodeDecodeError as error:
        raise InputProblem(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    except OSError as error:
        raise InputProblem(f"{path}: cannot be read ({error.strerror})") from None
    records, problems = [], []
    for line_number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{path} line {line_number}: not valid JSON "
                            f"({error.msg} at column {error.colno}); skipped")
            continue
        if not isinstance(record, dict):
            problems.append(f"{path} line {line_number}: expected a JSON object per line, "
                            f"got {type(record).__name__}; skipped")
            continue
        records.append((line_number, record))
    return records, problems


def _is_offset(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def span_problem(quote, text_length: int) -> str | None:
    """Why the quote's location cannot be scored, or None when it can."""
    if not isinstance(quote, dict):
        return "is not a JSON object"
    spans = quote.get("quote_spans") or [[quote.get("quote_start"), quote.get("quote_end")]]
    if not isinstance(spans, list):
        return "has quote_spans that is not a list of [start, end] pairs"
    for span in spans:
        if not (isinstance(span, (list, tuple)) and len(span) == 2 and all(map(_is_offset, span))):
            return f"needs integer quote_start/quote_end or quote_spans of [start, end] pairs, got {span!r}"
        start, end = span
        if not 0 <= start <= end <= text_length:
            return f"has span [{start}, {end}], not inside the text ({text_length} characters)"
    return None


def speaker_span_problem(quote: Mapping) -> str | None:
    start, end = quote.get("speaker_start"), quote.get("speaker_end")
    if start is None or (_is_offset(start) and _is_offset(end) and start <= end):
        return None
    return f"has speaker_start/speaker_end {[start, end]}, not two integers with start <= end"


# A prediction that cannot be located still claims a quote: it stays in the count and matches nothing,
# so a tool's broken output lowers its precision instead of vanishing.
UNLOCATABLE_PREDICTION = {"quote_start": 0, "quote_end": 0, "speaker": None}


def _checked_quote(quote, text_length: int, is_prediction: bool) -> tuple[dict | None, str | None]:
    """The quote as it will be scored (None: left out), and what was wrong with it."""
    problem = span_problem(quote, text_length)
    if problem:
        return ((UNLOCATABLE_PREDICTION, f"{problem}; counted as a wrong prediction") if is_prediction
                else (None, f"{problem}; quote skipped"))
    speaker = quote.get("speaker")
    if speaker is not None and not isinstance(speaker, str):
        problem = f"has speaker {speaker!r}, not a string or null"
        return ({**quote, "speaker": None}, f"{problem}; counted as giving no speaker") if is_prediction \
            else (None, f"{problem}; quote skipped")
    problem = speaker_span_problem(quote)
    if problem:
        without_span = {key: value for key, value in quote.items() if key not in ("speaker_start", "speaker_end")}
        return without_span, f"{problem}; speaker compared by name only"
    return quote, None


def _checked_records(numbered_records, source: str, texts_by_id: Mapping[str, str] | None, unit: str):
    """Records ready to score, and a message for everything skipped or changed on the way."""
    kept, problems, first_line_of_id = [], [], {}
    is_prediction = texts_by_id is not None
    for line_number, record in numbered_records:
        where = f"{source} {unit} {line_number}"
        article_id = record.get("id")
        if not isinstance(article_id, (str, int)) or isinstance(article_id, bool):
            problems.append(f"{where}: needs an \"id\" (string); skipped")
            continue
        if article_id in first_line_of_id:
            first = first_line_of_id[article_id]
            problems.append(f"{where}: id {article_id!r} already seen ({unit} {first}); skipped")
            continue
        if not is_prediction:
            text = record.get("text")
            if not isinstance(text, str):
                problems.append(f"{where}: gold article {article_id!r} needs its \"text\"; skipped")
                continue
        elif article_id not in texts_by_id:
            problems.append(f"{where}: prediction id {article_id!r} is not in the gold file; ignored")
            continue
        else:
            text = texts_by_id[article_id]
        quotes = record.get("quotes")
        if not isinstance(quotes, list):
            problems.append(f"{where}: article {article_id!r} needs a \"quotes\" list (may be empty); skipped")
            continue
        scored = []
        for number, quote in enumerate(quotes, start=1):
            checked, problem = _checked_quote(quote, len(text), is_prediction)
            if problem:
                problems.append(f"{where}: quote {number} of {article_id!r} {problem}")
            if checked is not None:
                scored.append(checked)
        first_line_of_id[article_id] = line_number
        kept.append({**record, "quotes": scored})
    return kept, problems


def check_gold(numbered_records, source: str = "gold", unit: str = "line") -> tuple[list[dict], list[str]]:
    """Gold articles that can be scored, and a message for everything dropped on the way.

    ``numbered_records`` pairs each record with its line number (as ``read_jsonl`` gives them).
    """
    return _checked_records(numbered_records, source, None, unit)


def check_predictions(numbered_records, gold_records: Iterable[Mapping], source: str = "predictions",
                      unit: str = "line") -> tuple[list[dict], list[str]]:
    """Predictions ready to score against the gold, and a message for everything dropped or changed.

    Offsets are checked against the gold text of the same id; ids absent from the gold are reported
    and dropped; a quote that cannot be located counts as a wrong prediction.
    """
    texts_by_id = {record["id"]: record["text"] for record in gold_records}
    return _checked_records(numbered_records, source, texts_by_id, unit)


# ---------------------------------------------------------------- spans and characters

def quote_spans(quote: Mapping) -> list[tuple[int, int]]:
    spans = quote.get("quote_spans") or [[quote["quote_start"], quote["quote_end"]]]
    return [(int(start), int(end)) for start, end in spans]


def trimmed_characters(text: str | None, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Character positions covered by the spans, each span stripped of edge whitespace and punctuation."""
    covered: set[int] = set()
    for start, end in spans:
        if text is not None:
            while start < end and text[start] in TRIMMED_CHARACTERS:
                start += 1
            while end > start and text[end - 1] in TRIMMED_CHARACTERS:
                end -= 1
        covered.update(range(start, end))
    return frozenset(covered)


def has_quotation_mark(text: str, quote: Mapping) -> bool:
    return any(char in QUOTATION_MARKS for start, end in quote_spans(quote) for char in text[start:end])


# ---------------------------------------------------------------- speakers

def name_words(name: str | None) -> list[str]:
    return [word for word in re.findall(r"[a-z0-9]+", (name or "").lower()) if word not in TITLE_WORDS]


def speaker_verdict(gold_quote: Mapping, predicted_quote: Mapping) -> tuple[bool, bool]:
    """(right by span, right leniently) for the speaker of a prediction matched to a gold quote.

    By span: the predicted speaker mention overlaps the gold one. Leniently: by span, or the names agree
    once titles are dropped (same words, same last word, or one contained in the other). A gold quote
    without a speaker is right only when the prediction gives none either.
    """
    gold_name, predicted_name = gold_quote.get("speaker"), predicted_quote.get("speaker")
    if not gold_name:
        return not predicted_name, not predicted_name
    if not predicted_name:
        return False, False
    by_span = False
    if gold_quote.get("speaker_start") is not None and predicted_quote.get("speaker_start") is not None:
        by_span = (max(gold_quote["speaker_start"], predicted_quote["speaker_start"])
                   < min(gold_quote["speaker_end"], predicted_quote["speaker_end"]))
    gold_words, predicted_words = name_words(gold_name), name_words(predicted_name)
    gold_joined, predicted_joined = " ".join(gold_words), " ".join(predicted_words)
    names_agree = bool(gold_words and predicted_words) and (
        gold_words == predicted_words or gold_words[-1] == predicted_words[-1]
        or gold_joined in predicted_joined or predicted_joined in gold_joined)
    return by_span, by_span or names_agree


# ---------------------------------------------------------------- matching

def match_quotes(gold_chars: list[frozenset[int]], predicted_chars: list[frozenset[int]],
                 rule: MatchRule) -> list[tuple[int, int]]:
    """One-to-one greedy matching: best-fitting (gold, prediction) pairs first, each quote used once.

    Ties go to the later gold quote, then the later prediction, as in the reference scorer.
    """
    candidates = []
    for gold_index, gold in enumerate(gold_chars):
        for predicted_index, predicted in enumerate(predicted_chars):
            fit = rule.score(gold, predicted)
            if fit is not None:
                candidates.append((fit, gold_index, predicted_index))
    candidates.sort(reverse=True)
    used_gold, used_predicted, pairs = set(), set(), []
    for _, gold_index, predicted_index in candidates:
        if gold_index not in used_gold and predicted_index not in used_predicted:
            used_gold.add(gold_index)
            used_predicted.add(predicted_index)
            pairs.append((gold_index, predicted_index))
    return pairs


# ---------------------------------------------------------------- subsets

def in_subset(gold_quote: Mapping, subset: str) -> bool:
    if subset == "direct":
        return gold_quote.get("type") in DIRECT_TYPES
    if subset == "speech":
        return bool(gold_quote.get("speech_cue", True))
    return True


def predictions_in_scope(text: str, gold_quotes: list[Mapping], predicted_quotes: list[Mapping],
                         subset: str) -> list[Mapping]:
    """The predictions a subset scores: those over left-out gold quotes are "don't care" and dropped;
    the direct subset also drops predictions without a quotation mark."""
    left_out = [chars for chars in (trimmed_characters(text, quote_spans(q)) for q in gold_quotes
                                    if not in_subset(q, subset)) if chars]
    kept = []
    for quote in predicted_quotes:
        chars = trimmed_characters(text, quote_spans(quote))
        if any(len(chars & excluded) >= DONT_CARE_SHARE * max(1, len(chars)) for excluded in left_out):
            continue
        if subset == "direct" and text is not None and not has_quotation_mark(text, quote):
            continue
        kept.append(quote)
    return kept


# ---------------------------------------------------------------- scores

def precision_recall_f1(correct: int, n_predicted: int, n_gold: int) -> dict[str, float]:
    """Percentages rounded to one decimal."""
    precision = correct / n_predicted if n_predicted else 0.0
    recall = correct / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(100 * precision, 1), "recall": round(100 * recall, 1), "f1": round(100 * f1, 1)}


def percentage(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def score_quotes(gold_records: Iterable[Mapping], pred_records: Iterable[Mapping], subset: str = "all") -> dict:
    """Micro-averaged scores of predicted quotes against gold quotes over all gold articles.

    Predictions for ids absent from the gold are ignored (see ``unknown_prediction_ids``); a gold
    article without predictions counts all its quotes as missed. Percentages are 0-100, one decimal;
    a speaker accuracy is None when no quote matched.
    """
    if subset not in SUBSETS:
        raise ValueError(f"unknown subset {subset!r}; choose one of {', '.join(SUBSETS)}")
    predictions_by_id = {record["id"]: record.get("quotes") or [] for record in pred_records}
    totals = {"articles": 0, "gold": 0, "predicted": 0, "left_out": 0,
              "gold_chars": 0, "predicted_chars": 0, "shared_chars": 0}
    per_rule = {rule.name: {"matched": 0, "speaker_span": 0, "speaker_lenient": 0} for rule in MATCH_RULES}
    for record in gold_records:
        text = record.get("text")
        gold = [q for q in record.get("quotes") or [] if in_subset(q, subset)]
        all_predicted = predictions_by_id.get(record["id"], [])
        predicted = predictions_in_scope(text, record.get("quotes") or [], all_predicted, subset)
        gold_chars = [trimmed_characters(text, quote_spans(q)) for q in gold]
        predicted_chars = [trimmed_characters(text, quote_spans(q)) for q in predicted]
        gold_union, predicted_union = frozenset().union(*gold_chars), frozenset().union(*predicted_chars)
        totals["articles"] += 1
        totals["gold"] += len(gold)
        totals["predicted"] += len(predicted)
        totals["left_out"] += len(all_predicted) - len(predicted)
        totals["gold_chars"] += len(gold_union)
        totals["predicted_chars"] += len(predicted_union)
        totals["shared_chars"] += len(gold_union & predicted_union)
        for rule in MATCH_RULES:
            counts = per_rule[rule.name]
            for gold_index, predicted_index in match_quotes(gold_chars, predicted_chars, rule):
                by_span, lenient = speaker_verdict(gold[gold_index], predicted[predicted_index])
                counts["matched"] += 1
                counts["speaker_span"] += by_span
                counts["speaker_lenient"] += lenient

    rules = {}
    for name, counts in per_rule.items():
        quote_scores = precision_recall_f1(counts["matched"], totals["predicted"], totals["gold"])
        end_to_end = precision_recall_f1(counts["speaker_lenient"], totals["predicted"], totals["gold"])
        rules[name] = {
            "matched": counts["matched"],
            **quote_scores,
            "speaker_right_by_span": counts["speaker_span"],
            "speaker_right_lenient": counts["speaker_lenient"],
            "speaker_accuracy_span": percentage(counts["speaker_span"], counts["matched"]),
            "speaker_accuracy_lenient": percentage(counts["speaker_lenient"], counts["matched"]),
            **{f"quote_speaker_{key}": value for key, value in end_to_end.items()},
        }
    characters = precision_recall_f1(totals["shared_chars"], totals["predicted_chars"], totals["gold_chars"])
    return {
        "subset": subset,
        "articles": totals["articles"],
        "gold_quotes": totals["gold"],
        "predicted_quotes": totals["predicted"],
        "predictions_left_out_by_subset": totals["left_out"],
        "headline_rule": HEADLINE_RULE,
        "headline_quote_speaker_f1": rules[HEADLINE_RULE]["quote_speaker_f1"],
        "characters": {"gold": totals["gold_chars"], "predicted": totals["predicted_chars"],
                       "shared": totals["shared_chars"], **characters},
        "rules": rules,
    }


def format_report(scores: Mapping) -> str:
    """The scores as a small text table, headline first."""
    def counted(number, noun):
        return f"{number} {noun}{'' if number == 1 else 's'}"

    def shown(value, width=5):
        return f"{'n/a':>{width}}" if value is None else f"{value:{width}.1f}"

    characters = scores["characters"]
    lines = [
        f"subset {scores['subset']}: {SUBSET_DESCRIPTIONS[scores['subset']]}",
        f"{counted(scores['articles'], 'article')}, {counted(scores['gold_quotes'], 'gold quote')}, "
        f"{counted(scores['predicted_quotes'], 'predicted quote')}"
        + (f" ({scores['predictions_left_out_by_subset']} more left out by the subset)"
           if scores["predictions_left_out_by_subset"] else ""),
        f"headline: quote+speaker F1 at {scores['headline_rule']} = {shown(scores['headline_quote_speaker_f1'], 0)}",
        "",
        f"characters inside quotes: P {shown(characters['precision'], 0)}  R {shown(characters['recall'], 0)}"
        f"  F1 {shown(characters['f1'], 0)}",
        "",
        f"{'':12}   {'quotes':^17} | {'speaker accuracy':^16} | {'quote+speaker':^17}",
        f"{'match':<12}   {'P':>5} {'R':>5} {'F1':>5} | {'span':>7} {'lenient':>8} | {'P':>5} {'R':>5} {'F1':>5}",
    ]
    for name, row in scores["rules"].items():
        lines.append(
            f"{name:<12}   {shown(row['precision'])} {shown(row['recall'])} {shown(row['f1'])} |"
            f" {shown(row['speaker_accuracy_span'], 7)} {shown(row['speaker_accuracy_lenient'], 8)} |"
            f" {shown(row['quote_speaker_precision'])} {shown(row['quote_speaker_recall'])}"
            f" {shown(row['quote_speaker_f1'])}")
    return "\n".join(lines)
