"""Seconds from ``newsvoices app`` to its ``newsvoices dashboard: URL`` line, stdin closed, browser not opened.

    python benchmarks/time_to_url.py DATA_DIR [--runs 3] [--stance lexicon]

An absent DATA_DIR makes the first run build the seed dataset first, as a new user's does.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from dashboard.local_server import free_port, newsvoices_command, stop_group


def time_to_url(data_dir: Path, stance: str) -> float:
    port = free_port()
    command = [newsvoices_command(), "app", "--data", str(data_dir), "--port", str(port), "--host", "127.0.0.1",
               "--headless", "--stance", stance]
    started = time.monotonic()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        for line in process.stdout:
            if b"newsvoices dashboard:" in line:
                return time.monotonic() - started
        raise RuntimeError(f"newsvoices app stopped with status {process.wait()} before serving")
    finally:
        stop_group(process)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stance", default="lexicon", choices=("minilm", "lexicon", "none"))
    args = parser.parse_args()
    for run in range(1, args.runs + 1):
        print(f"run {run}: {time_to_url(args.data, args.stance):.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
