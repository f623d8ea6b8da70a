"""Prep on a Dask cluster (the ``dask`` extra): the build's per-article tasks run on the workers.

``connect("tcp://HOST:PORT", ...)`` joins an existing cluster; ``connect("local", workers=N, ...)``
starts a ``LocalCluster`` of N single-threaded processes on this machine. When the workers see the
input files at the same paths (shared storage, checked on a sample), they read them and the client
sends only paths (data_prep/worker_ingest.py); otherwise the client reads the inputs and sends
batches of article texts. The client merges actors and writes the tables; the workers only need the
same newsvoices installation (checked: a different analysis fingerprint is refused).
docs/scale-out.md tells how to run it on Slurm or Kubernetes.

Faults: a worker that dies takes its running batch with it, and the scheduler runs the batch again
on another worker (a batch that kills ``distributed.scheduler.allowed-failures`` workers in a row is
given up and the build stops). A scheduler that cannot be reached, or is lost mid-build, or a cluster
left with no workers, raises ``ClusterError``; the previous dataset is left untouched.
"""
from __future__ import annotations

import logging
import os
import time

import dask
from distributed import Client, LocalCluster, wait
from distributed.scheduler import KilledWorker

from data_prep.execution import ExecutionError, FutureExecutor

CONNECT_SECONDS = 20
WORKERS_SECONDS = 60  # how long a cluster may have no worker before the build gives up
POLL_SECONDS = 2
SAMPLED_FILES = 16  # input files whose size and time every worker must see as the client does


class ClusterError(ExecutionError):
    pass


def _worker_fingerprint(model_name: str) -> str:
    from data_prep import build_cache
    return build_cache.analysis_fingerprint(model_name)


def file_stamps(paths: list[str]) -> tuple[str, list]:
    """What a worker sees of ``paths`` (size and modification time; None when absent), and the
    fingerprint of the ingest code it would read them with."""
    from data_prep import build_cache
    stamps = []
    for path in paths:
        try:
            found = os.stat(path)
            stamps.append((found.st_size, found.st_mtime_ns))
        except OSError:
            stamps.append(None)
    return build_cache.ingest_fingerprint(), stamps


class DaskExecutor(FutureExecutor):
    reads_files = True

    def __init__(self, client: Client, cluster: LocalCluster | None, description: str):
        self.client, self.cluster, self.description = client, cluster, description
        self.slots = max(1, sum(client.nthreads().values()))
        self.address = client.scheduler.address

    def sees_files(self, files) -> bool:
        """A sample of the input files (first, last and evenly between) must look the same to every
        worker as here, and the workers' ingest code must be this one's; then they read the inputs."""
        step = max(1, len(files) // SAMPLED_FILES)
        sample = [str(path) for path in [*files[::step][:SAMPLED_FILES], *files[-1:]]]
        expected = file_stamps(sample)
        try:
            seen = self.client.run(file_stamps, sample)
        except Exception:  # a worker that cannot answer: the client reads, as without shared storage
            return False
        shared = bool(seen) and all(stamps == expected for stamps in seen.values())
        if shared:
            self.description += "; the workers read the input files"
        return shared

    def share(self, value):
        if self.client.status != "running":
            raise ClusterError(f"lost the Dask scheduler at {self.address} before the build started; "
                               "the previous dataset is untouched")
        try:
            # In a list: a set or list scattered alone would become one piece of data per element.
            return self.client.scatter([value], broadcast=True, hash=False, timeout=CONNECT_SECONDS)[0]
        except (OSError, TimeoutError) as error:
            raise ClusterError(f"lost the Dask scheduler at {self.address} ({type(error).__name__}); "
                               "the previous dataset is untouched") from error

    def _submit(self, task, arguments):
        return self.client.submit(task, *arguments, pure=False)

    def _wait_any(self, futures):
        idle_since = None
        while True:
            try:
                done, _ = wait(futures, timeout=POLL_SECONDS, return_when="FIRST_COMPLETED")
            except TimeoutError:
                done = set()
            if done:
                return list(done)
            if self.client.status != "running":
                raise ClusterError(f"lost the Dask scheduler at {self.address} in the middle of the build; "
                                   "the previous dataset is untouched")
            if self.client.scheduler_info().get("workers"):
                idle_since = None
            elif idle_since is None:
                idle_since = time.monotonic()
            elif time.monotonic() - idle_since > WORKERS_SECONDS:
                raise ClusterError(f"the Dask cluster at {self.address} has had no workers for {WORKERS_SECONDS} s; "
                                   "start workers (dask worker ADDRESS --nthreads 1) and run the build again")

    def _result(self, future):
        try:
            return future.result()
        except KilledWorker as error:
            raise ClusterError(f"a batch of articles was lost with every worker that ran it ({error}); "
                               "the workers may be running out of memory") from error
        except Exception as error:
            if self.client.status != "running" or type(error).__name__ in ("CancelledError", "FutureCancelledError"):
                raise ClusterError(f"lost the Dask scheduler at {self.address} in the middle of the build "
                                   f"({type(error).__name__}); the previous dataset is untouched") from error
            raise

    def close(self) -> None:
        with dask.config.set({"distributed.client.scheduler-reconnect-timeout": "1s"}):
            self.client.close(timeout=5)
        if self.cluster is not None:
            self.cluster.close(timeout=10)


def connect(scheduler: str, workers: int, model_name: str, fingerprint: str) -> DaskExecutor:
    """Join the cluster at ``scheduler`` ("local": start one of ``workers`` processes) and check its workers."""
    cluster = None
    try:
        if scheduler == "local":
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
            client = Client(cluster, timeout=CONNECT_SECONDS)
            description = f"a local Dask cluster of {max(1, workers)} processes"
        else:
            client = Client(scheduler, timeout=CONNECT_SECONDS)
            description = f"the Dask cluster at {scheduler}"
    except (OSError, TimeoutError, ValueError) as error:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} ({error}); is it running "
                           "(dask scheduler) and is the address right (tcp://HOST:PORT)?") from error
    executor = DaskExecutor(client, cluster, description)
    try:
        client.wait_for_workers(1, timeout=WORKERS_SECONDS)
        prints = client.run(_worker_fingerprint, model_name)
    except TimeoutError as error:
        executor.close()
        raise ClusterError(f"no worker joined the Dask scheduler at {scheduler} within {WORKERS_SECONDS} s") from error
    except Exception as error:  # a worker without newsvoices or the spaCy pipeline fails here
        executor.close()
        raise ClusterError(f"the Dask workers cannot run newsvoices: {type(error).__name__}: {error}; install "
                           "the same newsvoices and spaCy pipeline on every worker") from error
    different = sorted(address for address, value in prints.items() if value != fingerprint)
    if different:
        executor.close()
        raise ClusterError(f"{len(different)} Dask worker(s) run different analysis code or models than this "
                           f"machine (e.g. {different[0]}), so the dataset would differ; install the same "
                           "newsvoices version and spaCy pipeline everywhere")
    executor.slots = max(1, sum(client.nthreads().values()))
    return executor
