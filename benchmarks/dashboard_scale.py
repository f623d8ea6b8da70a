#!/usr/bin/env python3
"""The dashboard at scale: cold render and filtered reruns of every page, and peak memory.

Each dataset folder (e.g. from ``newsvoices synth dataset --quotes 1000000 --data DIR``) is measured in
fresh Python processes, so their peak memory is their own: one for the per-page timings below, and one
for a single user's session (first open after a build, then every page with every filter change), whose
peak resident memory is the memory figure that counts. For every page, through Streamlit's
``AppTest`` (the app script runs as in a browser session, without the browser):
  cold, after a build    in-memory caches and the dashboard's disk cache of built views
                         (NEWSVOICES_CACHE, a temporary folder here) empty, a new session opens the
                         page: reading Parquet, building the views, rendering. The first open after
                         every `newsvoices prep`.
  cold, app restart      the same with the disk cache filled: what a restarted app shows first
  (both after one unrecorded run that imports the app's modules, as a running server has done)
  outlet      rerun after choosing the biggest outlet in the sidebar
  speaker     rerun after also choosing the most quoted speaker
  search      rerun after also typing a search word
Targets at a million quotes: cold <= 3 s, a rerun after a filter change <= 0.5 s, peak memory <= 1.5 GB.
With --profile, each slow step is profiled with yappi (it follows the app's script thread) and the
functions of newsvoices that take the most wall time are printed. Usage:
  nice python benchmarks/dashboard_scale.py --datasets DIR [DIR ...] [--profile] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from prep_throughput import machine, peak_rss_mib  # noqa: E402

APP = REPO / "dashboard" / "app.py"
PAGES = ("pages/overview.py", "pages/quotes.py", "pages/speakers.py", "pages/stances.py", "pages/articles.py",
         "pages/data.py")
SEARCH_WORD = "ceasefire"
TIMEOUT_SECONDS = 600
COLD_TARGET, RERUN_TARGET = 3.0, 0.5
SHOWN_PROFILE_ROWS = 15


def current_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def filter_choices(data_dir: Path) -> dict:
    """The biggest outlet and the most quoted speaker's name, read straight from the Parquet files."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    outlets = pc.value_counts(pq.read_table(data_dir / "articles.parquet", columns=["outlet"])["outlet"])
    actors = pq.read_table(data_dir / "actors.parquet", columns=["name", "n_quotes"]).to_pandas()
    top_outlet = max(outlets.to_pylist(), key=lambda item: item["counts"])["values"]
    return {"outlet": top_outlet, "speaker": actors.sort_values("n_quotes").iloc[-1]["name"]}


class StepProfiler:
    """Wall-time profile of one step across threads (Streamlit runs the app script in its own thread)."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.reports: list[dict] = []

    def run(self, label: str, step) -> float:
        if not self.enabled:
            return _timed(step)
        import yappi

        yappi.clear_stats()
        yappi.set_clock_type("wall")
        yappi.start()
        seconds = _timed(step)
        yappi.stop()
        stats = yappi.get_func_stats()
        ours = [stat for stat in stats if f"{os.sep}dashboard{os.sep}" in stat.module
                or f"{os.sep}data_prep{os.sep}" in stat.module]
        ours.sort(key=lambda stat: stat.ttot, reverse=True)
        self.reports.append({"step": label, "seconds": round(seconds, 3), "functions": [
            {"function": f"{Path(stat.module).relative_to(REPO) if stat.module.startswith(str(REPO)) else stat.module}"
                         f":{stat.lineno} {stat.name}", "calls": stat.ncall, "total_s": round(stat.ttot, 3),
             "own_s": round(stat.tsub, 3)} for stat in ours[:SHOWN_PROFILE_ROWS]]})
        return seconds


def _timed(step) -> float:
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def _errors(app) -> list[str]:
    return [str(getattr(error, "message", error))[:300] for error in app.exception]


def _new_session(page: str):
    """A browser session opening ``page`` on a server that has just started (no in-memory caches)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_data.clear()
    st.cache_resource.clear()
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT_SECONDS)
    app.switch_page(page)
    return app


def _empty(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)


def measure_page(page: str, choices: dict, profiler: StepProfiler, disk_cache: Path) -> dict:
    row = {"page": page.removeprefix("pages/").removesuffix(".py")}
    _empty(disk_cache)
    app = _new_session(page)
    row["cold_build_s"] = profiler.run(f"{row['page']} cold, views built from Parquet", app.run)
    errors = _errors(app)
    app = _new_session(page)
    row["cold_s"] = profiler.run(f"{row['page']} cold, views from the disk cache", app.run)
    errors += _errors(app)
    changes = (("outlet_s", "f_outlets", [choices["outlet"]], "multiselect"),
               ("speaker_s", "f_speakers", [choices["speaker"]], "multiselect"),
               ("search_s", "f_text", SEARCH_WORD, "text_input"))
    for name, key, value, kind in changes:
        widgets = getattr(app, kind)
        try:
            widget = widgets(key=key)
        except KeyError:
            errors.append(f"no {kind} with key {key} on this page")
            continue
        widget.set_value(value)
        row[name] = profiler.run(f"{row['page']} {name.removesuffix('_s')}", app.run)
        errors += _errors(app)
    row["errors"] = errors
    for key in ("cold_build_s", "cold_s", "outlet_s", "speaker_s", "search_s"):
        if key in row:
            row[key] = round(row[key], 3)
    return row


def measure_dataset(data_dir: Path, profile: bool) -> dict:
    """Runs inside its own process: NEWSVOICES_DATA points the app at ``data_dir``."""
    os.environ["NEWSVOICES_DATA"] = str(data_dir)
    disk_cache = Path(tempfile.mkdtemp(prefix="newsvoices-bench-frames-"))
    os.environ["NEWSVOICES_CACHE"] = str(disk_cache)
    import pyarrow.parquet as pq

    quotes = pq.read_metadata(data_dir / "quotes.parquet").num_rows
    choices = filter_choices(data_dir)
    baseline = current_rss_mib()
    # A server imports the app's modules once; the first run pays for that, so it is reported apart.
    first_run = measure_page(PAGES[0], choices, StepProfiler(False), disk_cache)["cold_build_s"]
    profiler = StepProfiler(profile)
    try:
        pages = [measure_page(page, choices, profiler, disk_cache) for page in PAGES]
    finally:
        shutil.rmtree(disk_cache, ignore_errors=True)
    return {"data_dir": str(data_dir), "quotes": quotes, "filters": choices, "pages": pages,
            "first_run_with_imports_s": first_run, "rss_before_mib": baseline, "rss_after_mib": current_rss_mib(), "peak_rss_mib": peak_rss_mib(),
            "profiles": profiler.reports}


def measure_session(data_dir: Path) -> dict:
    """One user's session in a fresh server process: the first open after a build, then every page with
    the three filter changes. Its peak memory is what a user's machine needs (the per-page cold
    measurements rebuild the views once per page, which a real server never does)."""
    os.environ["NEWSVOICES_DATA"] = str(data_dir)
    disk_cache = Path(tempfile.mkdtemp(prefix="newsvoices-bench-frames-"))
    os.environ["NEWSVOICES_CACHE"] = str(disk_cache)
    choices = filter_choices(data_dir)
    baseline = current_rss_mib()
    app = _new_session(PAGES[0])
    started = time.perf_counter()
    try:
        app.run()
        first_open = time.perf_counter() - started
        changes = (("f_outlets", [choices["outlet"]], "multiselect"), ("f_speakers", [choices["speaker"]], "multiselect"),
                   ("f_text", SEARCH_WORD, "text_input"))
        for page in PAGES:
            app.switch_page(page)
            app.run()
            for key, value, kind in changes:
                getattr(app, kind)(key=key).set_value(value)
                app.run()
            for key, _, kind in changes:
                getattr(app, kind)(key=key).set_value([] if kind == "multiselect" else "")
            app.run()
        errors = _errors(app)
    finally:
        shutil.rmtree(disk_cache, ignore_errors=True)
    return {"session_first_open_s": round(first_open, 2), "session_seconds": round(time.perf_counter() - started, 2),
            "session_rss_before_mib": baseline, "session_rss_after_mib": current_rss_mib(),
            "session_peak_rss_mib": peak_rss_mib(), "session_errors": errors}


def _run_in_child(data_dir: Path, profile: bool) -> dict:
    result = _child(["--child", str(data_dir), *(["--profile"] if profile else [])], data_dir)
    if "error" not in result:
        session = _child(["--session", str(data_dir)], data_dir)
        result.update({"session_error": session["error"]} if "error" in session else session)
    return result


def _child(arguments: list[str], data_dir: Path) -> dict:
    command = [sys.executable, __file__, *arguments]
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    if finished.returncode != 0:
        return {"data_dir": str(data_dir), "error": finished.stderr.strip()[-2000:]}
    return json.loads(finished.stdout.strip().splitlines()[-1])


def _flag(value: float | None, target: float) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" + (" **over**" if value > target else "")


def markdown(results: list[dict]) -> str:
    lines = ["| quotes | page | cold, after a build (s) | cold, app restart (s) | rerun: outlet (s) "
             "| rerun: + speaker (s) | rerun: + search (s) | errors |", "|---:|---|---:|---:|---:|---:|---:|---|"]
    for result in results:
        if "error" in result:
            lines.append(f"| ? | (failed: {result['error'][-200:]!r}) | | | | | | |")
            continue
        for page in result["pages"]:
            lines.append(f"| {result['quotes']:,} | {page['page']} | {_flag(page.get('cold_build_s'), COLD_TARGET)} "
                         f"| {_flag(page.get('cold_s'), COLD_TARGET)} | "
                         f"{_flag(page.get('outlet_s'), RERUN_TARGET)} | {_flag(page.get('speaker_s'), RERUN_TARGET)} | "
                         f"{_flag(page.get('search_s'), RERUN_TARGET)} | {'; '.join(page['errors'])[:200]} |")
    lines += ["", "| quotes | one session: first open after a build, imports included (s) | one session: every page and filter (s) "
              "| one session: RSS before / after / peak (MiB) | per-page runs: peak RSS (MiB) | errors |",
              "|---:|---:|---:|---:|---:|---|"]
    for result in results:
        if "error" not in result and "session_peak_rss_mib" in result:
            lines.append(f"| {result['quotes']:,} | {result['session_first_open_s']:.2f} | {result['session_seconds']:.2f} "
                         f"| {result['session_rss_before_mib']} / {result['session_rss_after_mib']} / "
                         f"{result['session_peak_rss_mib']} | {result['peak_rss_mib']} "
                         f"| {'; '.join(result['session_errors'])[:200]} |")
        elif "error" not in result:
            lines.append(f"| {result['quotes']:,} | (session failed: {result.get('session_error', '')[-200:]!r}) | | | | |")
    return "\n".join(lines)


def profile_text(results: list[dict], slower_than: float = RERUN_TARGET) -> str:
    out = []
    for result in results:
        for report in result.get("profiles", []):
            if report["seconds"] < slower_than:
                continue
            out.append(f"-- {result['quotes']:,} quotes, {report['step']}: {report['seconds']:.2f} s")
            out += [f"   {item['total_s']:8.3f} s total {item['own_s']:8.3f} s own {item['calls']:6d} calls  "
                    f"{item['function']}" for item in report["functions"]]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--datasets", type=Path, nargs="+", help="dataset folders, smallest first")
    parser.add_argument("--profile", action="store_true", help="profile steps slower than the rerun target")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--session", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure_dataset(args.child, args.profile)))
        return 0
    if args.session:
        print(json.dumps(measure_session(args.session)))
        return 0
    if not args.datasets:
        parser.error("give at least one dataset folder with --datasets")
    missing = [str(folder) for folder in args.datasets if not (folder / "quotes.parquet").is_file()]
    if missing:
        parser.error(f"not a dataset folder (no quotes.parquet): {', '.join(missing)}")
    before = machine()
    results = []
    for folder in args.datasets:
        results.append(_run_in_child(folder.resolve(), args.profile))
        print(json.dumps({key: value for key, value in results[-1].items() if key != "profiles"}), file=sys.stderr)
    print(f"machine: {before['nproc']} cores ({before['cpu']}), {before.get('ram_gib')} GiB RAM; "
          f"load average {before['load_average_1min']} before, {os.getloadavg()[0]:.2f} after")
    print(markdown(results))
    if args.profile:
        print(profile_text(results))
    if args.json:
        args.json.write_text(json.dumps({"machine": before, "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
