"""The built views on disk (Arrow IPC), so a restarted app reads them back instead of rebuilding.

Building the views from Parquet takes seconds at a million quotes; reading them back memory-mapped
takes a fraction of a second. The cache sits outside the dataset folder (a rebuild copies that
folder's extra files along) and is keyed by dataset version and corrections stamp: a rebuild or a
new correction simply misses it. Older entries for the same dataset are removed, and so is the cache
of a dataset folder that is gone; past ``NEWSVOICES_CACHE_MAX_MB`` in all (default 2048), the datasets
used longest ago go first (the one just written always stays).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import fields
from pathlib import Path

import pyarrow.feather as feather

from dashboard import views as views_module
from dashboard.views import Views

CACHE_ENV = "NEWSVOICES_CACHE"
CACHE_MAX_ENV = "NEWSVOICES_CACHE_MAX_MB"
DEFAULT_MAX_MB = 2048
OWNER_FILE = "dataset-folder.txt"  # which dataset folder a cache folder belongs to
# The code that builds the frames is part of the key: a changed views.py never reads old frames.
FORMAT = hashlib.sha1(Path(views_module.__file__).read_bytes()).hexdigest()[:12]
_FRAMES = [f.name for f in fields(Views) if f.name != "speaker_order"]


def cache_root() -> Path:
    return Path(os.environ.get(CACHE_ENV) or Path(tempfile.gettempdir()) / "newsvoices-dashboard-cache")


def max_bytes() -> int:
    try:
        return int(float(os.environ.get(CACHE_MAX_ENV) or DEFAULT_MAX_MB) * 2**20)
    except ValueError:
        return DEFAULT_MAX_MB * 2**20


def entry_path(data_dir: Path, version: str, corrections_stamp: str) -> Path:
    dataset = hashlib.sha1(str(Path(data_dir).resolve()).encode()).hexdigest()[:12]
    key = hashlib.sha1(f"{FORMAT}|{version}|{corrections_stamp}".encode()).hexdigest()[:16]
    return cache_root() / dataset / key


def read(entry: Path) -> Views | None:
    try:
        order = json.loads((entry / "speaker_order.json").read_text(encoding="utf-8"))
        frames = {name: feather.read_feather(entry / f"{name}.feather", memory_map=True) for name in _FRAMES}
    except (OSError, ValueError, KeyError):
        return None
    try:
        os.utime(entry.parent)  # used now: the last to be evicted
    except OSError:
        pass
    return Views(**frames, speaker_order=order)


def write(entry: Path, views: Views, data_dir: Path | None = None) -> None:
    """Best effort: a cache that cannot be written only costs speed."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".writing-", dir=entry.parent))
        for name in _FRAMES:
            feather.write_feather(getattr(views, name), staging / f"{name}.feather", compression="uncompressed")
        (staging / "speaker_order.json").write_text(json.dumps(views.speaker_order), encoding="utf-8")
        for old in entry.parent.iterdir():
            if old != staging and old.name != OWNER_FILE:
                shutil.rmtree(old, ignore_errors=True)
        os.replace(staging, entry)
        if data_dir is not None:
            (entry.parent / OWNER_FILE).write_text(str(Path(data_dir).resolve()), encoding="utf-8")
        evict(keep=entry.parent)
    except (OSError, ValueError):
        shutil.rmtree(locals().get("staging", entry.parent / ".none"), ignore_errors=True)


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _gone(folder: Path) -> bool:
    """The dataset folder this cache belongs to no longer exists (unknown owners are kept)."""
    try:
        owner = Path((folder / OWNER_FILE).read_text(encoding="utf-8").strip())
    except OSError:
        return False
    return not owner.exists()


def evict(keep: Path | None = None) -> None:
    """Remove caches of datasets that are gone, then the least recently used until under ``max_bytes``."""
    root = cache_root()
    if not root.is_dir():
        return
    folders = [folder for folder in root.iterdir() if folder.is_dir() and folder != keep]
    for folder in [folder for folder in folders if _gone(folder)]:
        shutil.rmtree(folder, ignore_errors=True)
        folders.remove(folder)
    sizes = {folder: _size(folder) for folder in folders}
    total = sum(sizes.values()) + (_size(keep) if keep and keep.is_dir() else 0)
    for folder in sorted(folders, key=lambda folder: folder.stat().st_mtime):
        if total <= max_bytes():
            break
        shutil.rmtree(folder, ignore_errors=True)
        total -= sizes[folder]
