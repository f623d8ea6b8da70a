"""Progress on the command line: articles/s and an ETA, shown only once a run is long enough to need it."""
from __future__ import annotations

import logging
import sys
from contextlib import contextmanager

from tqdm import tqdm

from data_prep.memory import release

_logger = logging.getLogger("data_prep.build")


def phase(name: str) -> None:
    """Marks where a build is (debug logging; benchmarks/client_memory.py reports memory per phase), and
    hands back the memory the step before it freed, so that each step's peak is its own."""
    release()
    _logger.info("build phase: %s", name)


@contextmanager
def cli_progress(*stages: str):
    """One progress callback (done, total) per stage, in order; a stage's bar replaces the one before."""
    bars: dict[str, tqdm] = {}

    def for_stage(description: str):
        def update(done: int, total: int) -> None:
            bar = bars.get(description)
            if bar is None:
                for earlier in bars.values():
                    earlier.close()
                bar = bars[description] = tqdm(total=total, initial=done, desc=description, unit="article",
                                               file=sys.stderr, delay=1.0, dynamic_ncols=True, smoothing=0.1)
            else:
                bar.total = total
                bar.update(done - bar.n)
        return update

    try:
        yield [for_stage(description) for description in stages]
    finally:
        for bar in bars.values():
            bar.close()
