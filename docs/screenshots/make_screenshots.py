"""The README's screenshots: the dashboard on the seed article, as a first-time user sees it.

    python docs/screenshots/make_screenshots.py            # writes docs/screenshots/seed-*.png

Starts ``newsvoices app`` on a temporary dataset (built from ``seeds/`` on first start), opens every
page in Debian's chromium through Playwright, saves one full-page PNG per view, and stops the
server with its whole process group, so nothing is left running.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pandas as pd

from dashboard.local_server import running_app

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CHROMIUM = "/usr/bin/chromium"
WIDTH = 1400
START_TIMEOUT_S = 300  # the first start parses the seed article
# (file name, path, text that shows the page has its content)
VIEWS = [
    ("seed-overview", "/", "Most quoted speakers"),
    ("seed-quotes", "/quotes", "Showing"),
    ("seed-speakers", "/speakers", "Stance profile"),
    ("seed-stances", "/stances", "Who leans which way"),
    ("seed-articles", "/articles", "quotes highlighted"),
    ("seed-data", "/data", "Ingest log"),
]


def most_confident_stance_quote(data_dir: Path) -> str | None:
    """The quote whose stance label the model is surest of: its view shows quote, paragraph and evidence."""
    stances = pd.read_parquet(data_dir / "stances.parquet", columns=["quote_id", "confidence"])
    return None if stances.empty else str(stances.sort_values("confidence").iloc[-1]["quote_id"])


def settle(page) -> None:
    """Wait until Streamlit has finished the run and the charts have drawn."""
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=60_000)
    page.wait_for_timeout(2000)


def shoot(page, url: str, expect: str, path: Path) -> None:
    page.set_viewport_size({"width": WIDTH, "height": 1000})
    page.goto(url)
    page.get_by_text(expect, exact=False).first.wait_for(timeout=60_000)
    settle(page)
    if page.locator('[data-testid="stException"]').count():
        raise SystemExit(f"{url} shows an error:\n{page.inner_text('body')[:2000]}")
    # Streamlit scrolls inside its main block, so a full-page shot needs a window as tall as the content.
    height = page.evaluate("() => Math.max(...[...document.querySelectorAll("
                           "'[data-testid=stMain], [data-testid=stMainBlockContainer], "
                           "[data-testid=stSidebarContent]')].map(e => e.scrollHeight), 1000)")
    page.set_viewport_size({"width": WIDTH, "height": int(height) + 40})
    settle(page)
    page.screenshot(path=str(path), full_page=True)
    print(f"wrote {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder for the PNGs (default: %(default)s)")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsvoices-screenshots-") as scratch:
        data_dir, log_path = Path(scratch) / "data", Path(scratch) / "server.log"
        # `newsvoices app` itself hides the Deploy button and the developer menu.
        with running_app(data_dir, log_path, start_timeout_s=START_TIMEOUT_S) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page()
            for name, path, expect in VIEWS:
                shoot(page, base + path, expect, args.out / f"{name}.png")
            quote = most_confident_stance_quote(data_dir)
            if quote:
                shoot(page, f"{base}/quotes?quote={quote}", "Open the article in the reader",
                      args.out / "seed-quote.png")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
