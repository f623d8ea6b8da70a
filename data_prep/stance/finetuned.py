"""The fine-tuned stance encoder: MiniLM-L6 trained end to end on marked targets
(benchmarks/train_stance_encoder.py), shipped as an int8 ONNX file inside the package and run by
onnxruntime: no torch, no download. The file's sha256 is checked against its metadata before loading.

Evidence is occlusion: each content word near the target is left out in turn, and the words whose masking
lowers the chosen label's log-odds most are the evidence (left out, not replaced by [MASK]: the mask
token pulled labels its own way on our checks) (log-odds, not probability: a confident label
barely moves in probability when one of several telling words goes). The target's own words are never
candidates. Only favor/against labels the backend would show (confidence at or above its abstention
threshold) get evidence: for neutral there is nothing the words "moved", and an abstention shows none.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from data_prep.stance.base import (FORCED_LABELS, StanceItem, StancePrediction, decide, not_discussed,
                                   softmax)
from data_prep.stance.encoder import TOKENIZER_DIR, StanceModelError, sha256_of
from data_prep.stance.evidence import MAX_EVIDENCE_WORDS, is_content_word, words_excluded_for
from data_prep.stance.features import WORD, locate_target
from data_prep.stance.marked import MARKERS, MAX_TOKENS, MarkedInput, marked_input

MODEL_DIR = Path(__file__).parent / "models"
MODEL_NAME = "stance-minilm"
BATCH_SIZE = 32
OCCLUSION_WORDS = 4        # content words nearest the target that are tried as evidence
MIN_EVIDENCE_DROP = 0.02   # log-odds the label must lose when a word is masked


def load_tokenizer(max_tokens: int = MAX_TOKENS):
    """The vendored MiniLM tokenizer with the target markers kept whole; a long pair is truncated in
    the window, never in the target."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(TOKENIZER_DIR / "tokenizer.json"))
    tokenizer.add_special_tokens(list(MARKERS))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=max_tokens, strategy="only_first")
    return tokenizer


def read_metadata(model_dir: Path = MODEL_DIR) -> dict:
    path = model_dir / f"{MODEL_NAME}.json"
    if not path.is_file():
        raise StanceModelError(f"the fine-tuned stance model's metadata {path} is missing; it is made by "
                               "benchmarks/export_stance_encoder.py — reinstall newsvoices")
    return json.loads(path.read_text(encoding="utf-8"))


def verified_model(model_dir: Path, expected_sha256: str) -> Path:
    path = model_dir / f"{MODEL_NAME}.onnx"
    if not path.is_file():
        raise StanceModelError(f"the fine-tuned stance model {path} is missing; reinstall newsvoices, "
                               "or use `--stance lexicon`")
    actual = sha256_of(path)
    if actual != expected_sha256:
        raise StanceModelError(f"the fine-tuned stance model {path} has sha256 {actual}, expected "
                               f"{expected_sha256}: the file is damaged or not the model this code ships; "
                               "reinstall newsvoices")
    return path


class FineTunedBackend:
    name = "finetuned"

    def __init__(self, model_dir: Path = MODEL_DIR, threads: int | None = None):
        import onnxruntime

        model_dir = Path(model_dir)
        self.metadata = read_metadata(model_dir)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or min(2, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(verified_model(model_dir, self.metadata["sha256"])), options,
            providers=["CPUExecutionProvider"])
        self.tokenizer = load_tokenizer()
        self.version = str(self.metadata["version"])
        self.unclear_below = float(self.metadata["unclear_below"])
        self.temperature = float(self.metadata["temperature"])

    def probabilities(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Calibrated (n, 3) probabilities over FORCED_LABELS for (marked window, target) pairs."""
        out = np.zeros((len(pairs), len(FORCED_LABELS)), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(pairs) if pairs else []
        # Batches of similar length keep padding (wasted compute) small.
        order = sorted(range(len(pairs)), key=lambda i: len(encodings[i].ids))
        for begin in range(0, len(order), BATCH_SIZE):
            chunk = order[begin:begin + BATCH_SIZE]
            width = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            types = np.zeros_like(ids)
            mask = np.zeros_like(ids)
            for row, i in enumerate(chunk):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                types[row, :n] = encodings[i].type_ids
                mask[row, :n] = 1
            logits = self.session.run(["logits"], {"input_ids": ids, "attention_mask": mask,
                                                    "token_type_ids": types})[0]
            out[chunk] = softmax(logits / self.temperature)
        return out

    def predict(self, items: list[StanceItem], allow_unclear: bool = True,
                with_evidence: bool = True) -> list[StancePrediction]:
        predictions: list[StancePrediction] = [not_discussed() for _ in items]
        inputs: dict[int, MarkedInput] = {}
        for index, item in enumerate(items):
            span = locate_target(item.text, item.target, item.target_span)
            if span is not None:
                inputs[index] = marked_input(item.text, span)
        if not inputs:
            return predictions
        # The same (window, target) is scored once however often it occurs.
        unique = sorted({(m.text, m.target) for m in inputs.values()})
        scores = dict(zip(unique, self.probabilities(unique)))
        evidence = self._evidence(inputs, scores) if with_evidence else {}
        for index, marked in inputs.items():
            row = scores[(marked.text, marked.target)]
            probabilities = {label: float(row[k]) for k, label in enumerate(FORCED_LABELS)}
            predictions[index] = decide(probabilities, evidence.get((marked.text, marked.target), []),
                                        self.unclear_below, allow_unclear)
        return predictions

    def _evidence(self, inputs: dict[int, MarkedInput], scores: dict) -> dict[tuple[str, str], list[str]]:
        variants: list[tuple[tuple[str, str], str, tuple[str, str]]] = []
        for marked in {m.text: m for m in inputs.values()}.values():
            key = (marked.text, marked.target)
            label = int(np.argmax(scores[key]))
            if FORCED_LABELS[label] == "neutral" or scores[key][label] < self.unclear_below:
                continue
            for start, end in candidate_words(marked):
                variants.append((key, marked.text[start:end], (without(marked.text, start, end), marked.target)))
        if not variants:
            return {}
        occluded = self.probabilities([pair for _, _, pair in variants])
        drops: dict[tuple[str, str], list[tuple[float, str]]] = {}
        for (key, word, _), row in zip(variants, occluded):
            label = int(np.argmax(scores[key]))
            drops.setdefault(key, []).append((log_odds(scores[key][label]) - log_odds(row[label]), word))
        evidence = {}
        for key, ranked in drops.items():
            chosen: list[str] = []
            for drop, word in sorted(ranked, key=lambda d: -d[0]):
                if drop < MIN_EVIDENCE_DROP or len(chosen) >= MAX_EVIDENCE_WORDS:
                    break
                if word.lower() not in (w.lower() for w in chosen):
                    chosen.append(word)
            evidence[key] = chosen
        return evidence


def without(text: str, start: int, end: int) -> str:
    """``text`` with the word at [start, end) left out, spaces closed up."""
    return (text[:start].rstrip() + " " + text[end:].lstrip()).strip()


def log_odds(probability: float) -> float:
    p = min(max(float(probability), 1e-6), 1 - 1e-6)
    return float(np.log(p / (1 - p)))


def candidate_words(marked: MarkedInput) -> list[tuple[int, int]]:
    """Spans in ``marked.text`` of the content words nearest the mention (never the target's words)."""
    excluded = words_excluded_for(marked.target) | {"unused0", "unused1"}
    words = [(m.start(), m.end()) for m in WORD.finditer(marked.text)
             if (m.end() <= marked.mention.start - len(MARKERS[0]) - 1
                 or m.start() >= marked.mention.end + len(MARKERS[1]) + 1)
             and is_content_word(m.group(), excluded)]
    centre = (marked.mention.start + marked.mention.end) / 2
    return sorted(sorted(words, key=lambda w: abs((w[0] + w[1]) / 2 - centre))[:OCCLUSION_WORDS])


@lru_cache(maxsize=1)
def shared_backend() -> FineTunedBackend:
    return FineTunedBackend()
