"""Where a build's per-article tasks run: in this process, in a local process pool, or on a Dask cluster.

Every executor runs the same task functions (``data_prep/analysis.py``) over batches and yields the
results in the order the batches were given, so every path writes the same tables in the same order.
``on_done`` is called as each batch finishes, in whatever order they finish, so progress counts
finished work. At most ``window`` batches are out (running, queued, or finished and waiting for an
earlier one), so the client's memory does not grow with the corpus.
"""
from __future__ import annotations

import concurrent.futures
from collections.abc import Callable, Iterable, Iterator
from typing import Any

Done = Callable[[Any], None]
BATCHES_PER_SLOT = 4


class ExecutionError(RuntimeError):
    """The tasks cannot be run (a cluster lost or unreachable); the build stops, the old dataset stays."""


class Executor:
    """Runs tasks in this process, one batch after another."""

    slots = 1
    description = "in this process"
    reads_files = False  # True: its workers can read the input files themselves (data_prep/worker_ingest.py)

    def sees_files(self, files: list) -> bool:
        """Do the workers see ``files`` at the same paths, as this process does?"""
        return False

    def share(self, value):
        """``value`` as a task argument sent to every worker once, not with each task."""
        return value

    def run(self, task: Callable, batches: Iterable[tuple], on_done: Done | None = None) -> Iterator:
        for arguments in batches:
            result = task(*arguments)
            if on_done:
                on_done(result)
            yield result

    def close(self) -> None:
        pass

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class FutureExecutor(Executor):
    """Shared by the pool and the cluster: submit up to ``window`` batches, hand results back in order."""

    @property
    def window(self) -> int:
        return max(2, self.slots * BATCHES_PER_SLOT)

    def _submit(self, task: Callable, arguments: tuple):
        raise NotImplementedError

    def _wait_any(self, futures: list) -> list:
        """Some finished futures among ``futures`` (blocking until there is one)."""
        raise NotImplementedError

    def _result(self, future):
        return future.result()

    def run(self, task: Callable, batches: Iterable[tuple], on_done: Done | None = None) -> Iterator:
        pending: dict[Any, int] = {}
        finished: dict[int, Any] = {}
        queue = iter(enumerate(batches))
        next_out, exhausted = 0, False
        try:
            while True:
                while not exhausted and len(pending) + len(finished) < self.window:
                    item = next(queue, None)
                    if item is None:
                        exhausted = True
                    else:
                        pending[self._submit(task, item[1])] = item[0]
                while next_out in finished:
                    yield finished.pop(next_out)
                    next_out += 1
                if not pending:
                    if exhausted and not finished:
                        return
                    continue
                for future in self._wait_any(list(pending)):
                    result = self._result(future)
                    finished[pending.pop(future)] = result
                    if on_done:
                        on_done(result)
        finally:
            for future in pending:
                future.cancel()


class ProcessPool(FutureExecutor):
    """``--workers N`` on one machine: N processes, each loading the models once."""

    def __init__(self, workers: int):
        self.slots = workers
        self.description = f"{workers} local processes"
        self._pool = concurrent.futures.ProcessPoolExecutor(max_workers=workers)

    def _submit(self, task, arguments):
        return self._pool.submit(task, *arguments)

    def _wait_any(self, futures):
        return list(concurrent.futures.wait(futures, return_when=concurrent.futures.FIRST_COMPLETED).done)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


def local_executor(workers: int) -> Executor:
    return ProcessPool(workers) if workers > 1 else Executor()
