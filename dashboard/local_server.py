"""``newsvoices app`` on a loopback port, for browser tests and screenshots: started, awaited, stopped."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


class ServerDidNotStart(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _newsvoices() -> str:
    return shutil.which("newsvoices") or str(Path(sys.executable).parent / "newsvoices")


@contextmanager
def running_app(data_dir: Path, log_path: Path, extra_env: dict[str, str] | None = None,
                start_timeout_s: float = 60) -> Iterator[str]:
    """Yields the base URL of a dashboard serving ``data_dir``; the server and its children stop on exit."""
    port = free_port()
    environment = {**os.environ, "NEWSVOICES_DATA": str(data_dir), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
                   **(extra_env or {})}
    command = [_newsvoices(), "app", "--data", str(data_dir), "--port", str(port), "--host", "127.0.0.1",
               "--headless"]
    with open(log_path, "wb") as log:
        # A session of its own, so stopping the group also stops anything the server started.
        process = subprocess.Popen(command, env=environment, cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(process, base, log_path, start_timeout_s)
        yield base
    finally:
        _stop(process)


def _wait_until_up(process: subprocess.Popen, base: str, log_path: Path, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerDidNotStart(f"the dashboard stopped while starting:\n{_tail(log_path)}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise ServerDidNotStart(f"the dashboard did not answer within {timeout_s:.0f} s:\n{_tail(log_path)}")


def _tail(log_path: Path) -> str:
    return Path(log_path).read_text(errors="replace")[-3000:]


def _stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)
