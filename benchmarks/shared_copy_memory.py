"""Peak memory and time of the shared-copy step alone, over a dataset's articles table read in batches
as a build reads it:

    python benchmarks/shared_copy_memory.py DATA_DIR [--batch 2000]

Prints the rows found, the seconds taken and the process's peak RSS before and after the step (the
articles' texts, which a build reads in batches, are loaded whole here; the first figure is that).
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import pandas as pd

from data_prep.shared_copy import find_shared_copy_in_batches


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="a dataset folder (articles.parquet)")
    parser.add_argument("--batch", type=int, default=2000)
    args = parser.parse_args()
    articles = pd.read_parquet(args.data / "articles.parquet",
                               columns=["article_id", "outlet", "published", "agency", "text"])
    before = _peak_mib()

    def batches():
        for start in range(0, len(articles), args.batch):
            yield articles.iloc[start:start + args.batch]

    started = time.process_time()
    shared = find_shared_copy_in_batches(batches)
    print(f"{len(articles)} articles: {len(shared)} shared-copy rows in {time.process_time() - started:.1f} s of CPU; "
          f"peak RSS {before:.0f} MiB with the texts loaded, {_peak_mib():.0f} MiB after the step")


if __name__ == "__main__":
    main()
