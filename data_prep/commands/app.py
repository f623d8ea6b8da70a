"""``newsvoices app``: open the dashboard, building a dataset from the seed first if there is none."""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from data_prep import store
from data_prep.pipeline import BuildError, build_dataset
from data_prep.progress import cli_progress
from data_prep.seeds import seeds_dir

NAME = "app"
HELP = "Run the dashboard (builds a dataset from the seed article first if the folder has none)."


def dashboard_script() -> Path:
    spec = importlib.util.find_spec("dashboard")
    if spec is None or spec.origin is None:
        raise BuildError("the dashboard package is not installed; reinstall newsvoices (pip install -e .)")
    return Path(spec.origin).resolve().parent / "app.py"


def add_arguments(parser) -> None:
    parser.add_argument("--data", type=Path, default=None,
                        help=f"dataset folder (default: ${store.DATA_ENV} or ./{store.DEFAULT_DATA_DIR})")
    parser.add_argument("--port", type=int, default=8501, help="port to serve on (default: 8501)")
    parser.add_argument("--host", default="localhost", help="address to listen on (default: localhost)")
    parser.add_argument("--headless", action="store_true", help="do not open a browser window")
    parser.add_argument("--stance", default="minilm", choices=("minilm", "lexicon", "none"),
                        help="stance backend for the first build (default: minilm)")


def ensure_dataset(data_dir: Path, stance: str) -> None:
    """Build from the seed only into an absent or empty folder: never over a user's incomplete dataset."""
    store.recover(data_dir)
    if store.has_dataset(data_dir):
        return
    if data_dir.exists() and (not data_dir.is_dir() or any(data_dir.iterdir())):
        raise BuildError(f"{data_dir.resolve()} is not a complete newsvoices dataset. Rebuild it with "
                         f"`newsvoices prep INPUT ... --data {data_dir}`, or choose another --data folder.")
    print(f"No dataset in {data_dir.resolve()} yet: building one from {seeds_dir()} ...", file=sys.stderr)
    with cli_progress("analysing seed articles") as progress:
        summary = build_dataset([seeds_dir()], data_dir, stance_backend=stance, progress=progress)
    print(summary.message, file=sys.stderr)


def run(args) -> int:  # returns only on error: on success the process becomes the server
    data_dir = Path(args.data or store.default_data_dir())
    try:
        ensure_dataset(data_dir, args.stance)
        script = dashboard_script()
    except (BuildError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    command = [sys.executable, "-m", "streamlit", "run", str(script),
               "--server.port", str(args.port), "--server.address", args.host,
               "--server.headless", "true" if args.headless else "false",
               "--browser.gatherUsageStats", "false"]
    environment = {**os.environ, store.DATA_ENV: str(data_dir.resolve())}
    print(f"newsvoices dashboard on http://{args.host}:{args.port}  (data: {data_dir.resolve()})", file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, command, environment)  # the server replaces us: signals reach it directly
