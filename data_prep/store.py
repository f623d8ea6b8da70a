"""The dataset folder: one Parquet file per table, written atomically, read with column pruning."""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from data_prep import schema

DATA_ENV = "NEWSVOICES_DATA"
DEFAULT_DATA_DIR = "data"
VERSION_FILE = "dataset.json"


def default_data_dir() -> Path:
    return Path(os.environ.get(DATA_ENV) or DEFAULT_DATA_DIR)


def table_path(data_dir: Path, table: str) -> Path:
    return Path(data_dir) / f"{table}.parquet"


def has_dataset(data_dir: Path) -> bool:
    data_dir = Path(data_dir)
    return (data_dir / VERSION_FILE).is_file() and all(
        table_path(data_dir, table).is_file() for table in schema.TABLES)


def dataset_version(data_dir: Path) -> str:
    """Changes on every build: dashboards key their caches on it."""
    try:
        return json.loads((Path(data_dir) / VERSION_FILE).read_text())["version"]
    except (OSError, ValueError, KeyError):
        return "none"


class DatasetFolderError(OSError):
    """The dataset location cannot hold a dataset (it is a file, or cannot be written)."""


@contextmanager
def _build_lock(data_dir: Path, wait: bool = True):
    """Held while a build writes or swaps; yields False when ``wait`` is off and another build holds it."""
    lock_path = data_dir.parent / f".{data_dir.name}.lock"
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _leftovers(data_dir: Path, kind: str) -> list[Path]:
    return sorted(data_dir.parent.glob(f".{data_dir.name}.{kind}-*"), key=lambda path: path.stat().st_mtime)


def write_dataset(data_dir: Path, tables: dict[str, pd.DataFrame], extra_files: dict[str, bytes] | None = None,
                  info: dict | None = None) -> None:
    """Write every table into a temporary sibling folder, then swap it in.

    A build killed at any moment leaves either the old dataset or the new one, never a mix: the
    folder is replaced by two renames, and the old copy is removed only after the new one is in place.
    Files in the folder that are not tables (corrections, aliases) are copied over last, just before
    the swap, so a correction saved while the tables were being written is kept.
    """
    data_dir = Path(data_dir).resolve()
    if data_dir.exists() and not data_dir.is_dir():
        raise DatasetFolderError(f"{data_dir} is a file, not a dataset folder; choose another --data")
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(data_dir):
        _remove_leftovers(data_dir)
        staging = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}.building-", dir=data_dir.parent))
        try:
            for table in schema.TABLES:
                frame = tables.get(table)
                if frame is None:
                    frame = schema.empty_frame(table)
                pq.write_table(schema.to_arrow(table, frame), table_path(staging, table))
            for name, content in (extra_files or {}).items():
                target = staging / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
            version = {"version": f"{time.time_ns():x}", "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                       **(info or {})}
            (staging / VERSION_FILE).write_text(json.dumps(version, indent=2))
            _carry_over_user_files(data_dir, staging, owned=set(extra_files or ()))
            _swap_in(staging, data_dir)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)


def _carry_over_user_files(data_dir: Path, staging: Path, owned: set[str]) -> None:
    if not data_dir.is_dir():
        return
    owned = owned | {table_path(data_dir, table).name for table in schema.TABLES} | {VERSION_FILE}
    for item in data_dir.iterdir():
        if item.name not in owned:
            if item.is_dir() and not item.is_symlink():
                shutil.copytree(item, staging / item.name, symlinks=True)
            else:
                shutil.copy2(item, staging / item.name, follow_symlinks=False)


def _swap_in(staging: Path, data_dir: Path) -> None:
    if not data_dir.exists():
        os.replace(staging, data_dir)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}.old-", dir=data_dir.parent))
    retired.rmdir()
    os.replace(data_dir, retired)
    os.replace(staging, data_dir)
    shutil.rmtree(retired, ignore_errors=True)


def _remove_leftovers(data_dir: Path) -> None:
    """Folders a killed build left behind: half-written new datasets, and retired ones once a dataset is in place."""
    for staging in _leftovers(data_dir, "building"):
        shutil.rmtree(staging, ignore_errors=True)
    if data_dir.exists():
        for retired in _leftovers(data_dir, "old"):
            shutil.rmtree(retired, ignore_errors=True)


def recover(data_dir: Path) -> None:
    """Tidy up after a build that was killed: put the previous dataset back if it died between its two renames."""
    data_dir = Path(data_dir).resolve()
    if not data_dir.parent.is_dir():
        return
    try:
        with _build_lock(data_dir, wait=False) as acquired:
            if not acquired:
                return  # a build is running; it finishes its own swap
            if not data_dir.exists():
                retired = _leftovers(data_dir, "old")
                if retired:
                    os.replace(retired[-1], data_dir)
            _remove_leftovers(data_dir)
    except PermissionError:
        return  # a read-only location: nothing of ours to tidy


def read_table(data_dir: Path, table: str, columns: list[str] | None = None) -> pd.DataFrame:
    path = table_path(data_dir, table)
    if not path.is_file():
        frame = schema.empty_frame(table)
        return frame[columns] if columns else frame
    return pq.read_table(path, columns=columns).to_pandas()


def read_dataset(data_dir: Path) -> dict[str, pd.DataFrame]:
    recover(data_dir)
    return {table: read_table(data_dir, table) for table in schema.TABLES}
