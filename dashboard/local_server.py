"""``newsvoices app`` on a loopback port, for browser tests and screenshots: started, awaited, stopped."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from data_prep.commands.app import wait_until_up

REPO = Path(__file__).resolve().parents[1]


class ServerDidNotStart(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def newsvoices_command() -> str:
    return shutil.which("newsvoices") or str(Path(sys.executable).parent / "newsvoices")


@contextmanager
def running_app(data_dir: Path, log_path: Path, extra_env: dict[str, str] | None = None,
                start_timeout_s: float = 60) -> Iterator[str]:
    """Yields the base URL of a dashboard serving ``data_dir``; the server and its children stop on exit."""
    port = free_port()
    environment = {**os.environ, "NEWSVOICES_DATA": str(data_dir), **(extra_env or {})}
    command = [newsvoices_command(), "app", "--data", str(data_dir), "--port", str(port), "--host", "127.0.0.1",
               "--headless"]
    with open(log_path, "wb") as log:
        # A session of its own, so stopping the group also stops anything the server started.
        process = subprocess.Popen(command, env=environment, cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        if not wait_until_up(process, base, start_timeout_s):
            state = "stopped while starting" if process.poll() is not None else \
                f"did not answer within {start_timeout_s:.0f} s"
            raise ServerDidNotStart(f"the dashboard {state}:\n{_tail(log_path)}")
        yield base
    finally:
        stop_group(process)


def _tail(log_path: Path) -> str:
    return Path(log_path).read_text(errors="replace")[-3000:]


def stop_group(process: subprocess.Popen) -> None:
    """Stops a process started with ``start_new_session=True`` and everything it started."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)
