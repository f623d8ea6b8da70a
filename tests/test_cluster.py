"""Prep on a Dask cluster writes the same dataset as one machine, and survives a killed worker.

Everything runs on 127.0.0.1: a LocalCluster of processes, and real ``dask scheduler`` / ``dask worker``
processes that the tests start and kill.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the cluster tests need the dask extra: pip install -e '.[dask]'")

from data_prep import cluster, schema, store, worker_ingest  # noqa: E402
from data_prep.pipeline import BuildError, build_dataset  # noqa: E402
from data_prep.synth.articles import ARTICLES_FOLDER, write_articles  # noqa: E402

SEEDS = Path(__file__).parent.parent / "seeds"
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seed plus 16 synthetic articles, a copy of one and an empty file, and the dataset an
    in-process build makes of them."""
    folder = tmp_path_factory.mktemp("corpus")
    write_articles(16, folder)
    articles = folder / ARTICLES_FOLDER
    first = sorted(articles.iterdir())[0]
    (articles / f"zz-copy-of-{first.name}").write_bytes(first.read_bytes())
    (articles / "zz-empty.txt").write_text("\n", encoding="utf-8")
    inputs = [SEEDS, articles]
    reference = folder / "one-machine"
    summary = build_dataset(inputs, reference, stance_backend="lexicon")
    assert (summary.built, summary.duplicates, summary.failed) == (17, 1, 1)
    return inputs, store.read_dataset(reference)


def assert_same_dataset(data_dir: Path, expected: dict, tables=schema.TABLES) -> None:
    built = store.read_dataset(data_dir)
    for table in tables:
        assert built[table].equals(expected[table]), f"the {table} table differs from the one-machine build"


def test_a_local_cluster_writes_the_one_machine_dataset(corpus, tmp_path):
    inputs, expected = corpus
    seen, stance_seen = [], []
    summary = build_dataset(inputs, tmp_path / "data", stance_backend="lexicon", scheduler="local", workers=2,
                            progress=lambda done, total: seen.append((done, total)),
                            stance_progress=lambda done, total: stance_seen.append((done, total)))
    assert summary.built == 17 and summary.stances == len(expected[schema.STANCES]) > 0
    assert_same_dataset(tmp_path / "data", expected)
    assert seen[-1] == (17, 17) and len(seen) > 2  # the bar moves as batches finish
    assert stance_seen[0] == (0, 17) and stance_seen[-1] == (17, 17)  # then the stance phase's bar
    executor = json.loads((tmp_path / "data" / store.VERSION_FILE).read_text())["executor"]
    assert "local Dask cluster" in executor and "the workers read the input files" in executor


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _dask(*arguments: str) -> subprocess.Popen:
    command = [str(BIN / "dask")] if (BIN / "dask").exists() else [sys.executable, "-m", "dask"]
    return subprocess.Popen([*command, *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def _start_cluster(folder: Path, n_workers: int) -> tuple[str, subprocess.Popen, list[subprocess.Popen]]:
    address = f"tcp://127.0.0.1:{_free_port()}"
    scheduler = _dask("scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard")
    _wait_for_port(address)
    workers = [_dask("worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard", "--host", "127.0.0.1",
                     "--local-directory", str(folder / f"worker-{n}")) for n in range(n_workers)]
    return address, scheduler, workers


def _wait_for_port(address: str, seconds: float = 60) -> None:
    host, port = address.removeprefix("tcp://").rsplit(":", 1)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection((host, int(port)), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"dask scheduler did not start listening on {address}")


def _stop(*processes: subprocess.Popen) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


def test_a_worker_killed_mid_build_costs_nothing(corpus, tmp_path, monkeypatch):
    inputs, expected = corpus
    # Files over the median size are read by the client and their texts sent; the others by the workers.
    sizes = sorted(path.stat().st_size for path in Path(inputs[1]).iterdir())
    monkeypatch.setattr(worker_ingest, "WORKER_FILE_BYTES", sizes[len(sizes) // 2])
    address, scheduler, workers = _start_cluster(tmp_path, 2)
    killed = []

    def kill_one_worker(done: int, total: int) -> None:
        if done and not killed:  # the first batch is in: the other worker is busy with the next ones
            os.killpg(workers[0].pid, signal.SIGKILL)
            killed.append(done)

    try:
        summary = build_dataset(inputs, tmp_path / "data", stance_backend="lexicon", scheduler=address,
                                progress=kill_one_worker)
        assert killed and killed[0] < 17 and workers[0].wait(timeout=30) == -signal.SIGKILL
        assert (summary.built, summary.duplicates, summary.failed) == (17, 1, 1)
        assert_same_dataset(tmp_path / "data", expected)

        # The build cache works with a cluster: an unchanged corpus sends no article to the workers.
        again = build_dataset(inputs, tmp_path / "data", stance_backend="lexicon", scheduler=address)
        assert again.reused == 17
        assert_same_dataset(tmp_path / "data", expected, [t for t in schema.TABLES if t != schema.INGEST_LOG])
        log = store.read_table(tmp_path / "data", schema.INGEST_LOG)
        assert set(log.loc[log["status"] == "built", "message"]) == {"unchanged, analysis reused"}
    finally:
        _stop(*workers, scheduler)


def test_a_lost_scheduler_stops_the_build_and_keeps_the_old_dataset(corpus, tmp_path, monkeypatch):
    inputs, expected = corpus
    data = tmp_path / "data"
    build_dataset([SEEDS], data, stance_backend="none")
    before = store.dataset_version(data)

    with monkeypatch.context() as patch:
        patch.setattr(cluster, "CONNECT_SECONDS", 2)
        with pytest.raises(BuildError, match="cannot reach the Dask scheduler"):
            build_dataset(inputs, data, stance_backend="none", scheduler=f"tcp://127.0.0.1:{_free_port()}")
    assert store.dataset_version(data) == before

    address, scheduler, workers = _start_cluster(tmp_path, 1)

    def kill_scheduler(done: int, total: int) -> None:
        if scheduler.poll() is None:
            os.killpg(scheduler.pid, signal.SIGKILL)
            scheduler.wait(timeout=30)

    try:
        with pytest.raises(BuildError, match="lost the Dask scheduler"):
            build_dataset(inputs, data, stance_backend="none", scheduler=address, full=True,
                          progress=kill_scheduler)
    finally:
        _stop(*workers, scheduler)
    assert store.dataset_version(data) == before
    assert len(store.read_table(data, schema.ARTICLES)) == 1
    assert not list(tmp_path.glob(".data.building-*"))
