"""Train the stance heads (``minilm`` and ``lexicon``) on NewsMTSC-rw train; score them on dev.

    nice python benchmarks/train_stance_head.py \
        --train ../shared/eval/stance/newsmtsc_rw_train.jsonl \
        --dev ../shared/eval/stance/newsmtsc_rw_dev.jsonl

Train texts are split by sentence into a fitting part and a held-out calibration part (15%): the
temperature is fitted on the calibration part; regularisation strength and class weighting are picked
by dev macro-F1 (--select-on calibration picks them on the held-out train part instead), and the
abstention threshold is picked on dev. Weights land in
``data_prep/stance/heads/`` as npz + json (no pickle). Embeddings are cached in --cache-dir (keep it
outside the repository: they encode third-party text). scikit-learn is needed here only.
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import shlex
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from data_prep.stance.base import HEADS_DIR, LinearHead
from data_prep.stance.evaluate import fit_temperature as fit_temperature_logits
from data_prep.stance.evaluate import stance_report
from data_prep.stance.features import LEXICON_FEATURE_NAMES, lexicon_features, locate_target

CALIBRATION_SHARE = 0.15
TARGET_KEPT_ACCURACY = 0.80
MIN_COVERAGE = 0.3
FALLBACK_GAIN = 0.10
C_GRID = (0.001, 0.003, 0.01, 0.03, 0.1)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cached_embeddings(encoder, texts: list[str], cache_dir: Path, tag: str) -> np.ndarray:
    key = hashlib.sha256(("\x00".join(texts)).encode("utf-8")).hexdigest()[:16]
    path = cache_dir / f"{tag}-{key}.npy"
    if path.is_file():
        return np.load(path)
    print(f"encoding {len(texts)} texts ({tag}) ...", file=sys.stderr, flush=True)
    embeddings = encoder.encode(texts, batch_size=32).embeddings
    cache_dir.mkdir(parents=True, exist_ok=True)
    np.save(path, embeddings)
    return embeddings


def featurise(rows: list[dict], encoder, cache_dir: Path, tag: str, kind: str) -> np.ndarray:
    from data_prep.stance.minilm import feature_matrix, window_text
    spans = [locate_target(r["text"], r["target"], r.get("target_span")) for r in rows]
    lexicon = np.vstack([lexicon_features(r["text"], s) for r, s in zip(rows, spans)])
    if kind == "lexicon":
        return lexicon
    windows = cached_embeddings(encoder, [window_text(r["text"], s) for r, s in zip(rows, spans)],
                                cache_dir, f"{tag}-window")
    return feature_matrix(windows, lexicon)


def split_by_text(rows: list[dict], share: float) -> tuple[np.ndarray, np.ndarray]:
    """Items of the same sentence stay on the same side (no leak between fitting and calibration)."""
    held_out = np.array([int(hashlib.sha256(r["text"].encode()).hexdigest(), 16) % 1000 < share * 1000
                         for r in rows])
    return np.flatnonzero(~held_out), np.flatnonzero(held_out)


def fit_head(features, labels, c_value, class_weight) -> LinearHead:
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale < 1e-6] = 1.0
    model = LogisticRegression(C=c_value, max_iter=3000, class_weight=class_weight)
    model.fit((features - mean) / scale, labels)
    return LinearHead(model.coef_.astype(np.float32), model.intercept_.astype(np.float32),
                      mean.astype(np.float32), scale.astype(np.float32), tuple(model.classes_), {})


def fit_temperature(head: LinearHead, features, labels) -> float:
    gold = np.array([head.labels.index(label) for label in labels])
    return fit_temperature_logits(head.logits(features), gold)


def forced_choice(head: LinearHead, features) -> tuple[list[str], list[float]]:
    probabilities = head.probabilities(features)
    return [head.labels[i] for i in probabilities.argmax(axis=1)], probabilities.max(axis=1).tolist()


def pick_threshold(gold, predicted, confidences) -> tuple[float, str]:
    """The abstention threshold on dev, and the rule that chose it.

    Preferred: the lowest confidence at which the kept items reach TARGET_KEPT_ACCURACY. A weak backend
    may never get there while keeping MIN_COVERAGE of the items; then the lowest confidence at which
    kept items are FALLBACK_GAIN more accurate than all items; failing both, no abstention."""
    def kept_accuracy(threshold):
        kept = [g == p for g, p, c in zip(gold, predicted, confidences) if c >= threshold]
        return (np.mean(kept) if kept else 0.0), len(kept) / len(gold)
    overall = float(np.mean([g == p for g, p in zip(gold, predicted)]))
    thresholds = [round(float(t), 2) for t in np.arange(0.34, 0.95, 0.01)]
    for threshold in thresholds:
        accuracy, coverage = kept_accuracy(threshold)
        if coverage >= MIN_COVERAGE and accuracy >= TARGET_KEPT_ACCURACY:
            return threshold, f"lowest dev threshold whose kept items reach {TARGET_KEPT_ACCURACY} accuracy"
    for threshold in thresholds:
        accuracy, coverage = kept_accuracy(threshold)
        if coverage >= MIN_COVERAGE and accuracy >= overall + FALLBACK_GAIN:
            return threshold, (f"{TARGET_KEPT_ACCURACY} kept accuracy unreachable at {MIN_COVERAGE} coverage; "
                               f"lowest dev threshold whose kept items are {FALLBACK_GAIN} more accurate "
                               f"than all items ({overall:.3f})")
    return 0.0, "no threshold improves kept accuracy enough on dev: never abstains on confidence"


def train(kind: str, train_rows, dev_rows, encoder, args) -> LinearHead:
    train_x = featurise(train_rows, encoder, args.cache_dir, "train", kind)
    dev_x = featurise(dev_rows, encoder, args.cache_dir, "dev", kind)
    train_y = np.array([r["label"] for r in train_rows])
    dev_y = [r["label"] for r in dev_rows]
    fit_idx, calibration_idx = split_by_text(train_rows, CALIBRATION_SHARE)
    candidates = []
    for class_weight in (None, "balanced"):
        for c_value in C_GRID:
            head = fit_head(train_x[fit_idx], train_y[fit_idx], c_value, class_weight)
            calibration = stance_report(list(train_y[calibration_idx]),
                                        forced_choice(head, train_x[calibration_idx])[0], [])["macro_f1"]
            dev_score = stance_report(dev_y, forced_choice(head, dev_x)[0], [])["macro_f1"]
            print(f"{kind} C={c_value} class_weight={class_weight}: macro-F1 calibration {calibration:.3f}, "
                  f"dev {dev_score:.3f}", file=sys.stderr)
            candidates.append((dev_score if args.select_on == "dev" else calibration, c_value, class_weight, head))
    score, c_value, class_weight, head = max(candidates, key=lambda c: c[0])
    temperature = fit_temperature(head, train_x[calibration_idx], train_y[calibration_idx])
    head = LinearHead(head.weights, head.bias, head.mean, head.scale, head.labels, {"temperature": temperature})
    predicted, confidences = forced_choice(head, dev_x)
    dev = stance_report(dev_y, predicted, confidences)
    uncalibrated = stance_report(dev_y, predicted, forced_choice(
        LinearHead(head.weights, head.bias, head.mean, head.scale, head.labels, {}), dev_x)[1])["ece"]
    threshold, threshold_rule = pick_threshold(dev_y, predicted, confidences)
    version = f"1.0+{hashlib.sha256(head.weights.tobytes()).hexdigest()[:8]}"
    metadata = {
        "version": version,
        "kind": kind,
        "created": datetime.date.today().isoformat(),
        "training_command": "python " + " ".join(shlex.quote(a) for a in sys.argv),
        "training_data": {"file": args.train.name, "sha256": file_sha256(args.train), "n": len(train_rows),
                          "n_fit": int(len(fit_idx)), "n_calibration": int(len(calibration_idx))},
        "features": ("minilm embedding of the window, target and 6 words either side, unmarked (384) + " if kind == "minilm"
                     else "") + "lexicon: " + ", ".join(LEXICON_FEATURE_NAMES),
        "encoder_sha256": getattr(encoder, "model_sha256", None) if kind == "minilm" else None,
        "C": c_value, "class_weight": class_weight,
        "selected_on": f"{args.select_on} macro-F1 over C in {list(C_GRID)} x class weight (None, balanced)",
        "temperature": temperature,
        "unclear_below": threshold,
        "unclear_rule": threshold_rule,
        "dev": {"file": args.dev.name, "sha256": file_sha256(args.dev), "macro_f1": round(dev["macro_f1"], 4),
                "accuracy": round(dev["accuracy"], 4), "ece": round(dev["ece"], 4),
                "ece_before_temperature": round(uncalibrated, 4),
                "per_class_f1": {k: round(v["f1"], 4) for k, v in dev["per_class"].items()}},
    }
    head = LinearHead(head.weights, head.bias, head.mean, head.scale, head.labels, metadata)
    print(json.dumps({kind: metadata["dev"], "unclear_below": threshold, "temperature": temperature}, indent=1),
          file=sys.stderr)
    return head


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=Path("../shared/eval/stance/newsmtsc_rw_train.jsonl"))
    parser.add_argument("--dev", type=Path, default=Path("../shared/eval/stance/newsmtsc_rw_dev.jsonl"))
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/newsvoices-stance-cache"))
    parser.add_argument("--out", type=Path, default=HEADS_DIR)
    parser.add_argument("--select-on", choices=("dev", "calibration"), default="dev",
                        help="pick C and class weighting by macro-F1 on dev (default) or on the held-out train part")
    parser.add_argument("--heads", nargs="+", choices=("lexicon", "minilm"), default=["lexicon", "minilm"])
    args = parser.parse_args(argv)
    train_rows, dev_rows = read_jsonl(args.train), read_jsonl(args.dev)
    encoder = None
    if "minilm" in args.heads:
        from data_prep.stance.encoder import MODEL_SHA256, MiniLMEncoder
        encoder = MiniLMEncoder()
        encoder.model_sha256 = MODEL_SHA256
    for kind in args.heads:
        train(kind, train_rows, dev_rows, encoder, args).save(args.out, kind)
    return 0


if __name__ == "__main__":
    sys.exit(main())
