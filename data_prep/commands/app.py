"""``newsvoices app``: open the dashboard, building a dataset from the seed first if there is none.

Streamlit runs as a child process under settings this module passes as flags (flags outrank every
config file and environment variable, so nothing in the user's ``~/.streamlit`` changes them). It is
always headless: that is what keeps Streamlit from asking for an email address on first run, from
advertising, and from opening a browser itself. Its stdin is closed, so no prompt can ever wait for
input. We print the URL once the server answers, and open the browser only for a user at a terminal.
"""
from __future__ import annotations

import errno
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
import webbrowser
from pathlib import Path

from data_prep import store
from data_prep.pipeline import BuildError, build_dataset
from data_prep.progress import cli_progress
from data_prep.seeds import seeds_dir
from data_prep.stance.registry import BACKENDS, DEFAULT_BACKEND, backend_help

NAME = "app"
HELP = "Run the dashboard (builds a dataset from the seed article first if the folder has none)."
EXPOSURE_NOTE = ("The dashboard has no login. Listening on anything but localhost lets everyone who can reach "
                 "this machine read the whole dataset and, on the Data page, upload articles, rebuild the "
                 "dataset and save corrections.")
WILDCARD_HOSTS = ("0.0.0.0", "::")
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
START_TIMEOUT_S = 120


def dashboard_script() -> Path:
    spec = importlib.util.find_spec("dashboard")
    if spec is None or spec.origin is None:
        raise BuildError("the dashboard package is not installed; reinstall newsvoices (pip install -e .)")
    return Path(spec.origin).resolve().parent / "app.py"


def add_arguments(parser) -> None:
    parser.epilog = EXPOSURE_NOTE
    parser.add_argument("--data", type=Path, default=None,
                        help=f"dataset folder (default: ${store.DATA_ENV} or ./{store.DEFAULT_DATA_DIR})")
    parser.add_argument("--port", type=int, default=8501, help="port to serve on (default: 8501)")
    parser.add_argument("--host", default="localhost",
                        help="address to listen on (default: localhost, this machine only); 0.0.0.0 listens on "
                             "every network interface. Read the note below before exposing the dashboard.")
    parser.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                        help="another host name browsers may use to reach the dashboard (a LAN name, a reverse "
                             "proxy); repeatable. Pages opened under any other name are refused, which stops "
                             "DNS-rebinding attacks from other web sites.")
    parser.add_argument("--headless", action="store_true", help="do not open a browser window (without it, one opens when run from a terminal on a desktop)")
    parser.add_argument("--stance", default=DEFAULT_BACKEND, choices=BACKENDS, help=backend_help())


def ensure_dataset(data_dir: Path, stance: str) -> None:
    """Build from the seed only into an absent or empty folder: never over a user's incomplete dataset."""
    store.recover(data_dir)
    if store.has_dataset(data_dir):
        return
    if data_dir.exists() and (not data_dir.is_dir() or any(data_dir.iterdir())):
        raise BuildError(f"{data_dir.resolve()} is not a complete newsvoices dataset. Rebuild it with "
                         f"`newsvoices prep INPUT ... --data {data_dir}`, or choose another --data folder.")
    print(f"No dataset in {data_dir.resolve()} yet: building one from {seeds_dir()} ...", file=sys.stderr)
    with cli_progress("analysing seed articles") as (progress,):
        summary = build_dataset([seeds_dir()], data_dir, stance_backend=stance, progress=progress)
    print(summary.message, file=sys.stderr)


def allowed_hosts(host: str, extra: list[str]) -> list[str]:
    """The Host names the server accepts; a page served under any other name (DNS rebinding) gets no data."""
    names = [*LOOPBACK_NAMES, *extra]
    if host in WILDCARD_HOSTS:
        from streamlit import net_util  # the address of the default route's interface; sends no packet

        names += [socket.gethostname(), net_util.get_internal_ip() or ""]
    else:
        names.append(host)
    return list(dict.fromkeys(name.strip("[]").lower() for name in names if name))


def streamlit_settings(host: str, port: int, extra_hosts: list[str]) -> dict[str, object]:
    from dashboard.uploads import MAX_UPLOAD_BYTES

    return {
        "server.headless": True,  # no first-run email prompt, no promotions, no browser opened by Streamlit
        "server.showEmailPrompt": False,
        "browser.gatherUsageStats": False,
        "logger.hideWelcomeMessage": True,  # we print the URL; Streamlit's banner looks up the external address
        "client.toolbarMode": "minimal",  # no Deploy button, no developer menu
        "client.showErrorLinks": False,  # no "ask Google / ChatGPT" links carrying error text off the machine
        "server.address": host,
        "server.port": port,
        "server.allowedHosts": allowed_hosts(host, extra_hosts),
        "server.enableCORS": True,
        "server.enableXsrfProtection": True,
        "server.maxUploadSize": MAX_UPLOAD_BYTES // 2**20,  # megabytes, the Data page's own limit
    }


def streamlit_command(script: Path, settings: dict[str, object]) -> list[str]:
    command = [sys.executable, "-m", "streamlit", "run", str(script)]
    for key, value in settings.items():
        for item in value if isinstance(value, list) else [value]:
            command += [f"--{key}", str(item).lower() if isinstance(item, bool) else str(item)]
    return command


def port_in_use(host: str, port: int) -> bool:
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        return False  # Streamlit reports an unknown address itself
    for family, kind, proto, _, address in addresses:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds
            try:
                probe.bind(address)
            except OSError as error:
                if error.errno == errno.EADDRINUSE:
                    return True
    return False


def browser_url(host: str, port: int) -> str:
    if host in WILDCARD_HOSTS:
        host = "localhost"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def damaged_credentials() -> Path | None:
    """Streamlit asks for an email again (and deletes the file) when ~/.streamlit/credentials.toml is damaged."""
    path = Path.home() / ".streamlit" / "credentials.toml"
    try:
        with open(path, "rb") as handle:
            email = tomllib.load(handle)["general"]["email"]
    except FileNotFoundError:
        return None
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError):
        return path
    return None if isinstance(email, str) and email.count("@") <= 1 else path


def wait_until_up(server: subprocess.Popen, url: str, timeout_s: float) -> bool:
    no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # a loopback check stays local
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with no_proxy.open(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False


def at_a_terminal() -> bool:
    streams = (sys.stdin, sys.stdout)
    if not all(stream is not None and stream.isatty() for stream in streams):
        return False
    # Without a display, Python's webbrowser would start a text browser inside this terminal.
    return not sys.platform.startswith("linux") or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def serve(command: list[str], environment: dict[str, str], url: str, open_browser: bool, data_dir: Path) -> int:
    print(f"Starting the dashboard at {url} ...", file=sys.stderr, flush=True)
    server = subprocess.Popen(command, env=environment, stdin=subprocess.DEVNULL)

    def forward(signum, _frame):  # a service manager or IDE may signal only us
        if server.poll() is None:
            server.send_signal(signum)

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, forward)
    if wait_until_up(server, url, START_TIMEOUT_S):
        print(f"newsvoices dashboard: {url}   (data: {data_dir.resolve()}; Ctrl+C stops it)", flush=True)
        if open_browser:
            webbrowser.open(url)
    elif server.poll() is None:
        print(f"error: the dashboard did not answer at {url} within {START_TIMEOUT_S} s", file=sys.stderr)
        server.terminate()
    code = server.wait()
    if code in (-signal.SIGINT, -signal.SIGTERM, -signal.SIGHUP):
        return 0  # stopped as asked
    if code:
        print(f"error: the dashboard stopped (exit status {code}); Streamlit's message is above", file=sys.stderr)
    return code


def run(args) -> int:
    data_dir = Path(args.data or store.default_data_dir())
    if port_in_use(args.host, args.port):
        print(f"error: port {args.port} is already in use on {args.host} (another dashboard?). "
              f"Choose another with --port, e.g. --port {args.port + 1}", file=sys.stderr)
        return 2
    credentials = damaged_credentials()
    if credentials:
        print(f"error: {credentials} is damaged, and Streamlit would stop to ask for an email address. "
              f"Delete that file (it holds only that address) and run again.", file=sys.stderr)
        return 2
    try:
        ensure_dataset(data_dir, args.stance)
        script = dashboard_script()
    except (BuildError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.host not in LOOPBACK_NAMES:
        print(f"note: listening on {args.host}. {EXPOSURE_NOTE}", file=sys.stderr)
    command = streamlit_command(script, streamlit_settings(args.host, args.port, args.allow_host))
    environment = {**os.environ, store.DATA_ENV: str(data_dir.resolve())}
    url = browser_url(args.host, args.port)
    return serve(command, environment, url, not args.headless and at_a_terminal(), data_dir)
