"""What a build remembers between runs, so unchanged articles are not parsed again and unchanged
(quote, target) pairs are not scored for stance again.

The cache lives in the dataset folder as ``build_cache.parquet``: per article, the analysis as JSON,
keyed by the article's content hash and a fingerprint of everything that shapes the analysis (the
spaCy pipeline and the source of the quote and actor code). A different fingerprint is a cache miss.
Stance results live beside it in ``stance_cache.parquet``, keyed by data_prep/stance/cache.py, and the
sentence vectors of the quotes the statements step compared in ``statement_vectors.parquet``, keyed by
the encoder model and the text.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from importlib import import_module, metadata
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import spacy

from data_prep.parquet_stream import ROWS_PER_GROUP, RowWriter, read_batches, read_rows

CACHE_FILE = "build_cache.parquet"
ANALYSIS_PACKAGES = ("data_prep.nlp", "data_prep.analysis", "data_prep.quotes", "data_prep.actors")
STANCE_CACHE_FILE = "stance_cache.parquet"
_STANCE_SCHEMA = pa.schema([("quote_hash", pa.string()), ("key", pa.string()), ("prediction", pa.string())])
VECTOR_CACHE_FILE = "statement_vectors.parquet"
_VECTOR_SCHEMA = pa.schema([("text_hash", pa.string()), ("vector", pa.binary())])
_CACHE_SCHEMA = pa.schema([("article_id", pa.string()), ("fingerprint", pa.string()), ("analysis", pa.string())])


def _source_files(module_name: str) -> list[Path]:
    module = import_module(module_name)
    location = Path(module.__file__)
    if location.name == "__init__.py":
        return sorted(path for path in location.parent.rglob("*") if path.suffix in {".py", ".txt", ".csv", ".json"})
    return [location]


def _model_version(model_name: str) -> str:
    try:
        return metadata.version(model_name.replace("_", "-"))
    except (metadata.PackageNotFoundError, ValueError):
        return "unversioned"


def _digest(digest, module_names: tuple[str, ...]) -> str:
    for module_name in module_names:
        for path in _source_files(module_name):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def analysis_fingerprint(model_name: str) -> str:
    return _digest(hashlib.sha1(f"{model_name} {_model_version(model_name)}|spacy {spacy.__version__}".encode()),
                   ANALYSIS_PACKAGES)


def ingest_fingerprint() -> str:
    """The source of the readers: workers that read input files must read them as the client would."""
    return _digest(hashlib.sha1(), ("data_prep.ingest",))


def cache_row(analysis: dict, fingerprint: str) -> dict:
    return {"article_id": analysis["article_id"], "fingerprint": fingerprint, "analysis": json.dumps(analysis)}


def copy_reusable(data_dir: Path, writer: RowWriter, fingerprint: str, wanted: set[str]) -> set[str]:
    """Copy the previous build's cached analyses of the ``wanted`` articles into ``writer`` (same
    fingerprint only), a row group at a time; returns the ids copied. An unreadable cache is a miss."""
    copied: set[str] = set()
    try:
        for batch in read_batches(Path(data_dir) / CACHE_FILE):
            if batch.schema != _CACHE_SCHEMA:
                return copied
            ids = batch.column("article_id").to_pylist()
            prints = batch.column("fingerprint").to_pylist()
            keep = [print_ == fingerprint and article_id in wanted and article_id not in copied
                    for article_id, print_ in zip(ids, prints)]
            copied.update(article_id for article_id, kept in zip(ids, keep) if kept)
            writer.add_batch(batch.filter(pa.array(keep, type=pa.bool_())))
    except (OSError, pa.ArrowException):
        pass  # rows copied so far stay valid; the rest are analysed again
    return copied


def cached_ids(data_dir: Path, fingerprint: str) -> set[str]:
    """The ids of the articles whose analysis the previous build cached with ``fingerprint``."""
    ids: set[str] = set()
    try:
        for batch in read_batches(Path(data_dir) / CACHE_FILE, columns=["article_id", "fingerprint"]):
            ids.update(article_id for article_id, print_ in zip(batch.column("article_id").to_pylist(),
                                                                batch.column("fingerprint").to_pylist())
                       if print_ == fingerprint)
    except (OSError, pa.ArrowException):
        pass  # what copy_reusable then does not copy is analysed again
    return ids


def copy_analyses(folder: Path, writer: RowWriter, wanted: set[str]) -> None:
    """Append the analyses of the ``wanted`` articles in ``folder``'s cache to ``writer``, in order."""
    for batch in read_batches(Path(folder) / CACHE_FILE):
        keep = [article_id in wanted for article_id in batch.column("article_id").to_pylist()]
        writer.add_batch(batch.filter(pa.array(keep, type=pa.bool_())))


def new_writer(folder: Path) -> RowWriter:
    return RowWriter(Path(folder) / CACHE_FILE, _CACHE_SCHEMA)


def read_analyses(folder: Path, rows: int = ROWS_PER_GROUP) -> Iterator[list[dict]]:
    """The cached analyses in ``folder``, decoded, ``rows`` at a time."""
    for rows in read_rows(Path(folder) / CACHE_FILE, columns=["analysis"], rows=rows):
        yield [json.loads(row["analysis"]) for row in rows]


def _actor_list(analysis: dict):
    result = analysis.get("actors")
    return {"actors": result.get("actors")} if isinstance(result, dict) else result  # malformed: as it is


def read_actors(folder: Path) -> Iterator[tuple[str, dict]]:
    """(article_id, {"actors": its list of actors}) of every cached analysis in ``folder``, in order.

    A batch's analyses are decoded, their actors packed into one JSON string and the batch freed before
    the actors are decoded again: what the caller keeps (the actor merge keeps a record per actor) is
    then not scattered among the freed quotes and mentions, whose memory it would otherwise pin
    (measured at 50k articles: 116 MB kept instead of 174 MB)."""
    for rows in read_rows(Path(folder) / CACHE_FILE, columns=["analysis"]):
        packed = json.dumps([(analysis["article_id"], _actor_list(analysis))
                             for analysis in map(json.loads, (row["analysis"] for row in rows))])
        del rows
        for article_id, actors in json.loads(packed):
            yield article_id, actors


def load_stance_cache(data_dir: Path) -> dict[str, dict[str, str]]:
    """The previous build's stance results, by quote-text hash, then by key (data_prep/stance/cache.py),
    as JSON; {} when there are none or the file is unreadable (everything is then scored again)."""
    known: dict[str, dict[str, str]] = {}
    try:
        for rows in read_rows(Path(data_dir) / STANCE_CACHE_FILE):
            for row in rows:
                known.setdefault(row["quote_hash"], {})[row["key"]] = row["prediction"]
    except (OSError, pa.ArrowException, KeyError):
        return {}
    return known


def new_stance_writer(folder: Path) -> RowWriter:
    return RowWriter(Path(folder) / STANCE_CACHE_FILE, _STANCE_SCHEMA)


def vector_key(model: str, text: str) -> str:
    """The key of a text's sentence vector: the encoder model and the text."""
    return hashlib.sha1(f"{model}\0{text}".encode()).hexdigest()[:20]


def load_vectors(data_dir: Path, keys: set[str]) -> dict[str, np.ndarray]:
    """The previous build's sentence vectors (float32) of these keys (``vector_key``); those it lacks, or
    all when the file is absent or unreadable, are missing."""
    known: dict[str, np.ndarray] = {}
    if not keys:
        return known
    wanted = pa.array(sorted(keys), type=pa.string())
    try:
        for batch in read_batches(Path(data_dir) / VECTOR_CACHE_FILE):
            found = batch.filter(pc.fill_null(pc.is_in(batch.column("text_hash"), value_set=wanted), False))
            for key, vector in zip(found.column("text_hash").to_pylist(), found.column("vector").to_pylist()):
                known[key] = np.frombuffer(vector, dtype=np.float32)
    except (OSError, pa.ArrowException, KeyError):
        return {}
    return known


def new_vector_writer(folder: Path) -> RowWriter:
    return RowWriter(Path(folder) / VECTOR_CACHE_FILE, _VECTOR_SCHEMA)
