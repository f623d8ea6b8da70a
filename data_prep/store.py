"""The dataset folder: one Parquet file per table, written atomically, read with column pruning."""
from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import stat
import time
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from data_prep import schema

DATA_ENV = "NEWSVOICES_DATA"
DEFAULT_DATA_DIR = "data"
VERSION_FILE = "dataset.json"
log = logging.getLogger(__name__)


def default_data_dir() -> Path:
    return Path(os.environ.get(DATA_ENV) or DEFAULT_DATA_DIR)


def table_path(data_dir: Path, table: str) -> Path:
    return Path(data_dir) / f"{table}.parquet"


def has_dataset(data_dir: Path) -> bool:
    data_dir = Path(data_dir)
    return (data_dir / VERSION_FILE).is_file() and all(
        table_path(data_dir, table).is_file() for table in schema.REQUIRED_TABLES)


def holds_partial_dataset(data_dir: Path) -> bool:
    """Some tables but not a whole dataset: what a build must not mistake for an empty folder."""
    return not has_dataset(data_dir) and any(table_path(data_dir, table).exists() for table in schema.TABLES)


def dataset_version(data_dir: Path) -> str:
    """Changes on every build: dashboards key their caches on it."""
    try:
        return json.loads((Path(data_dir) / VERSION_FILE).read_text())["version"]
    except (OSError, ValueError, KeyError):
        return "none"


class DatasetFolderError(OSError):
    """The dataset location cannot hold a dataset (it is a file, or cannot be written)."""


class ReadOnlyDataset(OSError):
    """The dataset folder cannot be written (a read-only disk or no permission): it can only be read."""


class DamagedTable(OSError):
    """A table file that exists but cannot be read (truncated or corrupt); the message says how to rebuild."""

    def __init__(self, data_dir: Path, table: str, detail: str):
        self.table = table
        super().__init__(f"The {table} table ({table_path(data_dir, table)}) cannot be read: it is damaged or "
                         f"incomplete ({detail}). Rebuild the dataset from its articles with "
                         f"`newsvoices prep INPUTS --data {data_dir}`.")


def _lock_file(data_dir: Path, kind: str) -> Path:
    return data_dir.parent / f".{data_dir.name}.{kind}"


@contextmanager
def _flock(path: Path, mode: int):
    """Yields True holding the lock, False when ``LOCK_NB`` is in ``mode`` and another process holds it.

    Raises ReadOnlyDataset when the lock file cannot be created (a read-only location).
    """
    try:
        handle = open(path, "a+")
    except OSError as error:
        raise ReadOnlyDataset(f"{path.parent} cannot be written ({error.strerror or error})") from error
    with handle:
        try:
            fcntl.flock(handle, mode)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build_lock(data_dir: Path, wait: bool = True):
    """Held for a whole build; yields False when ``wait`` is off and another build holds it."""
    return _flock(_lock_file(data_dir, "lock"), fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)


def user_files_lock(data_dir: Path, shared: bool = False):
    """Held by every writer of the folder's user files (corrections, aliases) and by a build while it
    carries them over and swaps the folder, so no save can fall between the copy and the swap.
    ``shared``: for readers, who only need the swap not to happen under them."""
    data_dir = Path(data_dir).resolve()
    return _flock(_lock_file(data_dir, "files.lock"), fcntl.LOCK_SH if shared else fcntl.LOCK_EX)


def writable(data_dir: Path) -> bool:
    """Whether builds and corrections can write here: the folder and the one holding its lock files."""
    data_dir = Path(data_dir).resolve()
    folders = [data_dir, data_dir.parent] if data_dir.is_dir() else [data_dir.parent]
    existing = [folder for folder in folders if folder.is_dir()]
    if not existing:
        existing = [next(folder for folder in data_dir.parents if folder.is_dir())]
    return all(os.access(folder, os.W_OK) for folder in existing)


def _leftovers(data_dir: Path, kind: str) -> list[Path]:
    return sorted(data_dir.parent.glob(f".{data_dir.name}.{kind}-*"), key=lambda path: path.stat().st_mtime)


class Staging:
    """A new dataset being written, in a sibling folder of the dataset; ``commit`` swaps it in."""

    def __init__(self, data_dir: Path, path: Path):
        self.data_dir, self.path = data_dir, path
        self.retired: Path | None = None

    def commit(self, info: dict | None = None, owned: set[str] = frozenset()) -> None:
        """Tables not written are written empty; ``owned`` names the build's own non-table files."""
        for table in schema.TABLES:
            if not table_path(self.path, table).exists():
                write_table(self.path, table, schema.empty_frame(table))
        version = {"version": f"{time.time_ns():x}", "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                   **(info or {})}
        (self.path / VERSION_FILE).write_text(json.dumps(version, indent=2))
        with user_files_lock(self.data_dir):
            _restore_interrupted_swap(self.data_dir)
            _keep_folder_access(self.data_dir, self.path)
            _carry_over_user_files(self.data_dir, self.path, owned=set(owned))
            self.retired = _swap_in(self.path, self.data_dir)


@contextmanager
def staged_dataset(data_dir: Path):
    """Hold the build lock and a staging folder; the dataset changes only if ``Staging.commit`` is called.

    A build killed at any moment leaves either the old dataset or the new one, never a mix: the
    folder is replaced by two renames, and the old copy is removed only after the new one is in place.
    Files in the folder that are not tables (corrections, aliases) are copied over last, holding
    ``user_files_lock`` through the swap, so a correction saved during the build waits a moment and
    lands in the new folder. The new folder keeps the old one's permissions and group.
    """
    data_dir = Path(data_dir).resolve()
    if data_dir.exists() and not data_dir.is_dir():
        raise DatasetFolderError(f"{data_dir} is a file, not a dataset folder; choose another --data")
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(data_dir):
        _remove_staging(data_dir)
        # mkdir, not mkdtemp: the folder gets the usual permissions (mkdtemp's are 0700).
        staging = Staging(data_dir, data_dir.parent / f".{data_dir.name}.building-{os.getpid()}-{time.time_ns():x}")
        staging.path.mkdir()
        try:
            yield staging
        finally:
            if staging.path.exists():
                shutil.rmtree(staging.path, ignore_errors=True)
        if staging.retired is not None:
            shutil.rmtree(staging.retired, ignore_errors=True)


def write_dataset(data_dir: Path, tables: dict[str, pd.DataFrame], extra_files: dict[str, bytes] | None = None,
                  info: dict | None = None) -> None:
    """Write every table (missing ones empty) and ``extra_files`` as a new dataset, swapped in atomically."""
    with staged_dataset(data_dir) as staging:
        for table in schema.TABLES:
            if tables.get(table) is not None:
                write_table(staging.path, table, tables[table])
        for name, content in (extra_files or {}).items():
            target = staging.path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        staging.commit(info, owned=set(extra_files or ()))


def _keep_folder_access(data_dir: Path, staging: Path) -> None:
    """The rebuilt folder gets the mode and group of the one it replaces (a shared folder stays shared)."""
    if not data_dir.is_dir():
        return
    info = data_dir.stat()
    os.chmod(staging, stat.S_IMODE(info.st_mode))
    try:
        os.chown(staging, -1, info.st_gid)
    except OSError:
        pass  # not a member of that group: the mode is still kept


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


def _swap_in(staging: Path, data_dir: Path) -> Path | None:
    """Put ``staging`` in place of ``data_dir``; returns the retired old folder, for the caller to remove."""
    if not data_dir.exists():
        os.replace(staging, data_dir)
        return None
    retired = data_dir.parent / f".{data_dir.name}.old-{os.getpid()}-{time.time_ns():x}"
    os.replace(data_dir, retired)
    os.replace(staging, data_dir)
    return retired


def _remove_staging(data_dir: Path) -> None:
    """Half-written new datasets a killed build left behind (the caller holds the build lock)."""
    for staging in _leftovers(data_dir, "building"):
        shutil.rmtree(staging, ignore_errors=True)


def _restore_interrupted_swap(data_dir: Path) -> None:
    """After a build died between its two renames, put the old dataset back (the caller holds the files lock).

    Completeness decides, not existence: retired copies are removed only once a complete dataset is in
    place, and whatever stands in the way of a restore is moved aside, never deleted.
    """
    retired = _leftovers(data_dir, "old")
    if not retired:
        return
    if has_dataset(data_dir):
        for folder in retired:
            shutil.rmtree(folder, ignore_errors=True)
        return
    complete = [folder for folder in retired if has_dataset(folder)]
    if not complete:
        return
    if data_dir.exists():
        aside = data_dir.parent / f".{data_dir.name}.incomplete-{time.strftime('%Y%m%d-%H%M%S')}"
        os.replace(data_dir, aside)
        log.warning("%s was incomplete; moved aside to %s and the previous dataset restored", data_dir, aside)
    os.replace(complete[-1], data_dir)


def settle_locked(data_dir: Path) -> None:
    """``recover``'s restore for a caller already holding ``user_files_lock`` (a save, before it writes)."""
    _restore_interrupted_swap(Path(data_dir).resolve())


def recover(data_dir: Path) -> None:
    """Tidy up after a build that was killed; waits while a build is swapping the folder.

    Does nothing in a location that cannot be written (a read-only dataset is only read).
    """
    data_dir = Path(data_dir).resolve()
    if not data_dir.parent.is_dir():
        return
    try:
        with user_files_lock(data_dir):
            _restore_interrupted_swap(data_dir)
        with _build_lock(data_dir, wait=False) as acquired:
            if acquired:  # else a build is running; its staging folder is not a leftover
                _remove_staging(data_dir)
    except OSError:
        return  # a read-only location: nothing of ours to tidy


@contextmanager
def reading(data_dir: Path):
    """Hold off a swap while tables are read, so a read never mixes two builds (no-op when read-only)."""
    try:
        lock = user_files_lock(data_dir, shared=True)
        lock.__enter__()
    except OSError:
        yield
        return
    try:
        yield
    finally:
        lock.__exit__(None, None, None)


def write_table(folder: Path, table: str, frame: pd.DataFrame) -> None:
    pq.write_table(schema.to_arrow(table, frame), table_path(folder, table))


def _arrow_lists(arrow_type: pa.DataType):
    return pd.ArrowDtype(arrow_type) if pa.types.is_list(arrow_type) else None


def read_table(data_dir: Path, table: str, columns: list[str] | None = None,
               arrow_lists: bool = False, categories: Sequence[str] = ()) -> pd.DataFrame:
    """``arrow_lists``: list columns (quotes.co_speaker_ids) stay Arrow lists, not a Python object per row.
    ``categories``: columns read as categoricals (as ``astype("category")`` gives them) straight from the
    file's dictionaries, so a column of millions of repeated ids is never held as a string per row."""
    path = table_path(data_dir, table)
    mapper = _arrow_lists if arrow_lists else None
    if not path.is_file():
        frame = schema.empty_frame(table)
        frame = frame[columns] if columns else frame
        return frame.astype({name: "category" for name in categories if name in frame.columns})
    try:
        if not columns and not categories:
            return pq.read_table(path).to_pandas(types_mapper=mapper)
        names = pq.read_schema(path).names
        present, columns = set(names), columns or names
        # A column added since the dataset was built (quotes.co_speaker_ids) reads as empty.
        coded = [name for name in categories if name in present and name in columns]
        frame = pq.read_table(path, columns=[name for name in columns if name in present],
                              read_dictionary=coded or None).to_pandas(types_mapper=mapper)
        for name in coded:  # the file's dictionaries are in order of appearance; astype sorts them
            frame[name] = frame[name].cat.set_categories(frame[name].cat.categories.sort_values())
        for name in columns:
            if name not in present:
                frame[name] = pd.Series([None] * len(frame), dtype=object)
        return frame[columns]
    except (pa.ArrowException, OSError) as error:
        if isinstance(error, FileNotFoundError):
            raise
        raise DamagedTable(Path(data_dir), table, str(error).splitlines()[0][:200]) from error


def read_dataset(data_dir: Path) -> dict[str, pd.DataFrame]:
    recover(data_dir)
    with reading(data_dir):
        return {table: read_table(data_dir, table) for table in schema.TABLES}
