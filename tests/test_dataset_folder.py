"""Small promises about the dataset folder and the views cache: permissions kept, cache bounded."""
from __future__ import annotations

import os
import shutil
import stat

from dashboard import frame_cache, loading
from dashboard_fixture import write_fixture
from data_prep import store
from test_store import _tables


def test_a_rebuild_keeps_the_folder_mode_and_group(tmp_path):
    data = tmp_path / "data"
    store.write_dataset(data, _tables(1))
    os.chmod(data, 0o2775)
    group = next((gid for gid in (100, 1000, 1) if gid != data.stat().st_gid), 1)
    os.chown(data, -1, group)  # the tests may run as root, who can give the folder any group
    store.write_dataset(data, _tables(2))
    assert stat.S_IMODE(data.stat().st_mode) == 0o2775 and data.stat().st_gid == group


def test_a_first_build_gets_the_usual_permissions_not_0700(tmp_path):
    store.write_dataset(tmp_path / "data", _tables(1))
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) & 0o055, "group and others may read as umask allows"


def _cache(tmp_path, name: str):
    directory = write_fixture(tmp_path / name)
    entry = frame_cache.entry_path(directory, store.dataset_version(directory), "none")
    frame_cache.write(entry, loading.load_views_uncached(directory), directory)
    return directory, entry


def test_the_cache_of_a_dataset_that_is_gone_is_evicted(tmp_path, monkeypatch):
    monkeypatch.setenv(frame_cache.CACHE_ENV, str(tmp_path / "cache"))
    first, first_entry = _cache(tmp_path, "first")
    shutil.rmtree(first)
    _, second_entry = _cache(tmp_path, "second")
    assert not first_entry.exists() and frame_cache.read(second_entry) is not None


def test_the_cache_stays_under_its_size_limit_keeping_the_newest(tmp_path, monkeypatch):
    monkeypatch.setenv(frame_cache.CACHE_ENV, str(tmp_path / "cache"))
    _, first_entry = _cache(tmp_path, "first")
    size = sum(path.stat().st_size for path in first_entry.rglob("*") if path.is_file())
    monkeypatch.setenv(frame_cache.CACHE_MAX_ENV, str(1.5 * size / 2**20))
    _, second_entry = _cache(tmp_path, "second")
    assert not first_entry.exists(), "the older dataset's views went to make room"
    assert frame_cache.read(second_entry) is not None
