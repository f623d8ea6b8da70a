"""A new user's first run: `newsvoices app` serves without asking anything, whatever the terminal and ~/.streamlit.

The first test follows the README's first command word for word in a fresh virtual environment, with a fresh
home folder and no standard input, as a script, an IDE task or a service would run it.
"""
from __future__ import annotations

import os
import pty
import re
import select
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from dashboard import uploads
from dashboard.local_server import REPO, free_port, newsvoices_command, running_app, stop_group
from dashboard_fixture import write_fixture
from data_prep.cli import main
from data_prep.commands.app import allowed_hosts, streamlit_settings, wait_until_up
from streamlit_home import hostile_home

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def readme_first_command() -> str:
    readme = (REPO / "README.md").read_text()
    start = readme.index("## Get started")
    return re.search(r"```bash\n(.+?)\n```", readme[start:], re.S).group(1).strip()


def copy_checkout(destination: Path) -> None:
    """The files a fresh clone has (tracked, plus new ones not ignored): no venv, no dataset, no build output."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)


def clean_environment(home: Path) -> dict[str, str]:
    """The machine's environment as a new user has it: no venv active, no newsvoices or Streamlit settings."""
    venv_bin = str(Path(sys.executable).parent)
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("STREAMLIT_", "NEWSVOICES_", "XDG_", "VIRTUAL_ENV", "PYTHON"))
                   and key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environment["PATH"] = os.pathsep.join(part for part in os.environ["PATH"].split(os.pathsep) if part != venv_bin)
    environment["HOME"] = str(home)
    return environment


def websocket_status(port: int, host_header: str) -> str:
    """The status line the server answers a WebSocket upgrade with, for a browser that sent this Host."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall((f"GET /_stcore/stream HTTP/1.1\r\nHost: {host_header}\r\nUpgrade: websocket\r\n"
                            "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                            "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: streamlit\r\n\r\n").encode())
        return connection.recv(4096).decode(errors="replace").split("\r\n")[0]


@pytest.mark.skipif(shutil.which("python3.11") is None, reason="the README's command needs python3.11 on PATH")
@pytest.mark.skipif(not (REPO / ".git").exists(), reason="copies the checkout with git ls-files: not a git checkout")
def test_readme_first_command_serves_the_dashboard_with_a_fresh_home_and_no_terminal(tmp_path):
    command = readme_first_command()
    assert command.endswith("newsvoices app"), "the README's first command changed: update this test with it"
    port = free_port()
    checkout = tmp_path / "newsvoices"
    copy_checkout(checkout)
    home = tmp_path / "home"
    home.mkdir()
    log_path = tmp_path / "first-run.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(["bash", "-c", f"{command} --port {port}"], cwd=checkout,
                                   env=clean_environment(home), stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://localhost:{port}"
    try:
        # Only a guard against a wedged run: on a busy shared machine the install alone has taken 15 minutes.
        up = wait_until_up(process, url, timeout_s=2400)
        output = log_path.read_text(errors="replace")
        assert up, f"not serving (exit status {process.poll()}):\n{output[-4000:]}"
        with NO_PROXY.open(url, timeout=10) as response:
            assert response.status == 200 and b"<!doctype html>" in response.read().lower()
        deadline = time.monotonic() + 10
        while f"newsvoices dashboard: {url}" not in output and time.monotonic() < deadline:
            time.sleep(0.2)
            output = log_path.read_text(errors="replace")
        assert f"newsvoices dashboard: {url}" in output, output[-4000:]
        assert "Email" not in output and "Welcome to Streamlit" not in output
        assert (checkout / "data" / "articles.parquet").exists(), "built the seed dataset in ./data"
    finally:
        stop_group(process)


def read_until(descriptor: int, expected: str, process: subprocess.Popen, timeout_s: float) -> str:
    output = b""
    deadline = time.monotonic() + timeout_s
    while expected.encode() not in output and time.monotonic() < deadline and process.poll() is None:
        ready, _, _ = select.select([descriptor], [], [], 0.5)
        if ready:
            try:
                output += os.read(descriptor, 65536)
            except OSError:
                break
    return output.decode(errors="replace")


def test_at_a_terminal_with_a_hostile_streamlit_config_it_serves_without_asking(tmp_path):
    data_dir = write_fixture(tmp_path / "data")
    home = hostile_home(tmp_path / "home")
    port = free_port()
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser"  # Python's webbrowser runs $BROWSER when it is set
    browser.write_text(f'#!/bin/sh\necho "$1" >> {opened}\n')
    browser.chmod(0o755)
    desktop = {"DISPLAY": ":99", "BROWSER": str(browser), "NEWSVOICES_CACHE": str(tmp_path / "cache")}
    controller, terminal = pty.openpty()
    process = subprocess.Popen([newsvoices_command(), "app", "--data", str(data_dir), "--port", str(port),
                                "--host", "127.0.0.1"], stdin=terminal, stdout=terminal, stderr=terminal,
                               env={**clean_environment(home), **desktop}, cwd=tmp_path, start_new_session=True)
    os.close(terminal)
    url = f"http://127.0.0.1:{port}"
    try:
        output = read_until(controller, f"newsvoices dashboard: {url}", process, timeout_s=120)
        assert f"newsvoices dashboard: {url}" in output, output
        assert "Email" not in output and "Welcome to Streamlit" not in output
        with NO_PROXY.open(f"{url}/_stcore/health", timeout=10) as response:
            assert response.status == 200
        # The user's allowedHosts = ["*"] did not open the door: the app's own Host list is in force.
        assert " 403 " in websocket_status(port, f"rebound.example:{port}")
        assert " 101 " in websocket_status(port, f"127.0.0.1:{port}")
        assert not (home / ".streamlit" / "credentials.toml").exists(), "nothing was written into the user's home"
        deadline = time.monotonic() + 10
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert opened.read_text().split() == [url], "opened the browser once, at the dashboard"
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl+C sends
        assert process.wait(timeout=30) == 0
    finally:
        stop_group(process)
        os.close(controller)


def test_websocket_under_a_foreign_host_name_is_refused(tmp_path):
    data_dir = write_fixture(tmp_path / "data")
    with running_app(data_dir, tmp_path / "server.log", {"NEWSVOICES_CACHE": str(tmp_path / "cache")}) as base:
        port = int(base.rsplit(":", 1)[1])
        for served in ("127.0.0.1", "localhost"):
            assert " 101 " in websocket_status(port, f"{served}:{port}")
        for foreign in (f"attacker.example:{port}", "attacker.example", f"127.0.0.1.attacker.example:{port}"):
            assert " 403 " in websocket_status(port, foreign), foreign


def test_serves_for_a_user_who_already_gave_streamlit_an_email(tmp_path):
    home = hostile_home(tmp_path / "home")
    saved = '[general]\nemail = "reporter@example.org"\n'
    (home / ".streamlit" / "credentials.toml").write_text(saved)
    data_dir = write_fixture(tmp_path / "data")
    environment = {"HOME": str(home), "NEWSVOICES_CACHE": str(tmp_path / "cache")}
    with running_app(data_dir, tmp_path / "server.log", environment) as base:
        with NO_PROXY.open(f"{base}/_stcore/health", timeout=10) as response:
            assert response.status == 200
    assert "Email" not in (tmp_path / "server.log").read_text()
    assert (home / ".streamlit" / "credentials.toml").read_text() == saved


def test_busy_port_is_named_with_the_option_to_choose_another(tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["app", "--data", str(tmp_path / "data"), "--port", str(port), "--host", "127.0.0.1"])
    error = capsys.readouterr().err
    assert code == 2
    assert f"port {port} is already in use" in error and f"--port {port + 1}" in error
    assert not (tmp_path / "data").exists(), "said so before building anything"


def test_damaged_streamlit_credentials_are_named_instead_of_prompting(tmp_path, capsys, monkeypatch):
    credentials = tmp_path / "home" / ".streamlit" / "credentials.toml"
    credentials.parent.mkdir(parents=True)
    credentials.write_text("[general\nemail = ")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    code = main(["app", "--data", str(tmp_path / "data"), "--port", str(free_port()), "--host", "127.0.0.1"])
    assert code == 2
    assert f"{credentials} is damaged" in capsys.readouterr().err
    assert credentials.read_text() == "[general\nemail = ", "the user's file is left alone"


def test_help_says_what_exposing_the_dashboard_means(capsys):
    with pytest.raises(SystemExit):
        main(["app", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "default: localhost, this machine only" in help_text
    assert "no login" in help_text and "upload articles, rebuild the dataset" in help_text


def test_every_interface_accepts_this_machines_names_and_no_others():
    names = allowed_hosts("0.0.0.0", ["newsroom.lan"])
    assert {"localhost", "127.0.0.1", "::1", socket.gethostname().lower(), "newsroom.lan"} <= set(names)
    assert "*" not in names
    assert allowed_hosts("192.0.2.7", []) == ["localhost", "127.0.0.1", "::1", "192.0.2.7"]


def test_streamlit_upload_limit_is_the_data_pages_limit():
    settings = streamlit_settings("localhost", 8501, [])
    assert settings["server.maxUploadSize"] * 2**20 == uploads.MAX_UPLOAD_BYTES


class _RecordingProxy(socketserver.ThreadingTCPServer):
    """An HTTP proxy on loopback that answers nothing and notes every request line sent to it."""
    daemon_threads = True

    def __init__(self):
        self.requests: list[str] = []
        super().__init__(("127.0.0.1", 0), _RecordRequest)


class _RecordRequest(socketserver.StreamRequestHandler):
    def handle(self):
        self.server.requests.append(self.rfile.readline().decode(errors="replace").strip())
        self.wfile.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")


def test_every_interface_serves_without_looking_up_the_external_address(tmp_path):
    data_dir = write_fixture(tmp_path / "data")
    port = free_port()
    with _RecordingProxy() as proxy:
        threading.Thread(target=proxy.serve_forever, daemon=True).start()
        proxy_url = f"http://127.0.0.1:{proxy.server_address[1]}"
        environment = {**clean_environment(tmp_path), "NEWSVOICES_CACHE": str(tmp_path / "cache"),
                       **{name: proxy_url for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")}}
        environment = {key: value for key, value in environment.items() if key.lower() != "no_proxy"}
        log_path = tmp_path / "server.log"
        with open(log_path, "wb") as log:
            process = subprocess.Popen([newsvoices_command(), "app", "--data", str(data_dir), "--port", str(port),
                                        "--host", "0.0.0.0", "--headless"], env=environment, cwd=tmp_path,
                                       stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                       start_new_session=True)
        try:
            assert wait_until_up(process, f"http://127.0.0.1:{port}", timeout_s=120), log_path.read_text()
            assert " 101 " in websocket_status(port, f"{socket.gethostname()}:{port}")
            assert " 403 " in websocket_status(port, f"rebound.example:{port}")
            time.sleep(2)  # Streamlit's banner would look the address up just after it starts
            output = log_path.read_text(errors="replace")
            assert f"newsvoices dashboard: http://localhost:{port}" in output and "no login" in output
            assert "External URL" not in output
        finally:
            stop_group(process)
        assert proxy.requests == [], "the server tried to reach another machine"
