"""The built views on disk (Arrow IPC), so a restarted app reads them back instead of rebuilding.

Building the views from Parquet takes seconds at a million quotes; reading them back memory-mapped
takes a fraction of a second. The cache sits outside the dataset folder (a rebuild copies that
folder's extra files along) and is keyed by dataset version and corrections stamp: a rebuild or a
new correction simply misses it. Older entries for the same dataset are removed.
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
# The code that builds the frames is part of the key: a changed views.py never reads old frames.
FORMAT = hashlib.sha1(Path(views_module.__file__).read_bytes()).hexdigest()[:12]
_FRAMES = [f.name for f in fields(Views) if f.name != "speaker_order"]


def cache_root() -> Path:
    return Path(os.environ.get(CACHE_ENV) or Path(tempfile.gettempdir()) / "newsvoices-dashboard-cache")


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
    return Views(**frames, speaker_order=order)


def write(entry: Path, views: Views) -> None:
    """Best effort: a cache that cannot be written only costs speed."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".writing-", dir=entry.parent))
        for name in _FRAMES:
            feather.write_feather(getattr(views, name), staging / f"{name}.feather", compression="uncompressed")
        (staging / "speaker_order.json").write_text(json.dumps(views.speaker_order), encoding="utf-8")
        for old in entry.parent.iterdir():
            if old != staging:
                shutil.rmtree(old, ignore_errors=True)
        os.replace(staging, entry)
    except (OSError, ValueError):
        shutil.rmtree(locals().get("staging", entry.parent / ".none"), ignore_errors=True)
