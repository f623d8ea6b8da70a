"""What a build remembers between runs, so unchanged articles are not parsed again.

The cache lives in the dataset folder as ``build_cache.parquet``: per article, the analysis as JSON,
keyed by the article's content hash and a fingerprint of everything that shapes the analysis (the
spaCy pipeline and the source of the quote and actor code). A different fingerprint is a cache miss.
"""
from __future__ import annotations

import hashlib
import io
import json
from importlib import import_module, metadata
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import spacy

CACHE_FILE = "build_cache.parquet"
ANALYSIS_PACKAGES = ("data_prep.nlp", "data_prep.analysis", "data_prep.quotes", "data_prep.actors")
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


def analysis_fingerprint(model_name: str) -> str:
    digest = hashlib.sha1(f"{model_name} {_model_version(model_name)}|spacy {spacy.__version__}".encode())
    for module_name in ANALYSIS_PACKAGES:
        for path in _source_files(module_name):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def load_cache(data_dir: Path, fingerprint: str) -> dict[str, dict]:
    path = Path(data_dir) / CACHE_FILE
    if not path.is_file():
        return {}
    try:
        table = pq.read_table(path).to_pylist()
    except (OSError, pa.ArrowException):
        return {}
    return {row["article_id"]: json.loads(row["analysis"]) for row in table if row["fingerprint"] == fingerprint}


def cache_bytes(analyses: dict[str, dict], fingerprint: str) -> bytes:
    rows = [{"article_id": article_id, "fingerprint": fingerprint, "analysis": json.dumps(analysis)}
            for article_id, analysis in analyses.items()]
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows, schema=_CACHE_SCHEMA), buffer)
    return buffer.getvalue()
