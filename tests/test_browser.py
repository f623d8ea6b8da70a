"""The dashboard in a real browser: Debian's chromium driven by Playwright against a live server.

Saves a screenshot per page into the test's temporary folder (the README's screenshots come from
docs/screenshots/make_screenshots.py, on the seed article). Skips (with the reason) when chromium is absent.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from dashboard.local_server import running_app
from dashboard_fixture import IMG_PAYLOAD, SCRIPT_PAYLOAD, write_fixture
from streamlit_home import hostile_home

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SEARCH_PLACEHOLDER = "words in the quote or speaker name"
ON_THE_MACHINE = {"127.0.0.1", "localhost", "::1"}
PAGES = {"overview": "", "quotes": "quotes", "speakers": "speakers", "stances": "stances",
         "articles": "articles", "data": "data"}

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright python package is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data_dir = write_fixture(tmp_path_factory.mktemp("browser") / "data")
    # The user's ~/.streamlit asks for the Deploy button, usage stats and any Host: the app's settings must win.
    home = hostile_home(data_dir.parent / "home")
    with running_app(data_dir, data_dir.parent / "server.log",
                     {"NEWSVOICES_CACHE": str(data_dir.parent / "cache"), "HOME": str(home)},
                     start_timeout_s=60) as base:
        yield base


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, shots, request):
    """A tab that logs every request and WebSocket it opens; none may leave the machine, on any page."""
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    requested: list[str] = []
    context.on("request", lambda sent: requested.append(sent.url))
    tab = context.new_page()
    tab.on("websocket", lambda socket: requested.append(socket.url))
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()
    (shots / f"requests-{request.node.name}.log").write_text("\n".join(requested))
    assert requested, "the request log is empty: the page was never opened"
    off_machine = [url for url in requested if _leaves_the_machine(url)]
    assert off_machine == [], f"requests off the machine: {off_machine}"


def _leaves_the_machine(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme not in ("data", "blob", "about") and parsed.hostname not in ON_THE_MACHINE


def _open(page, url: str, expect: str):
    page.goto(url)
    page.get_by_text(expect, exact=False).first.wait_for(timeout=30_000)
    # Wait for the script run to finish so the screenshot shows the whole page.
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=30_000)
    page.wait_for_timeout(1500)
    assert page.locator('[data-testid="stException"]').count() == 0, page.inner_text("body")[:2000]


# First on a fresh server on purpose: Streamlit's first request is where a deep link used to bypass the router.
def test_deep_link_filters_quotes_and_stays_in_url(server, page):
    _open(page, f"{server}/quotes?speaker=Tom%20Berg", "Showing 3 of 9 quotes")
    assert "speaker=Tom" in page.url
    assert page.get_by_placeholder(SEARCH_PLACEHOLDER).count() == 1, "the router's sidebar is there"


def test_filters_follow_the_user_across_pages(server, page):
    _open(page, f"{server}/quotes", "Showing 9 of 9 quotes")
    search = page.get_by_placeholder(SEARCH_PLACEHOLDER)
    search.fill("harbour")
    search.press("Enter")
    page.get_by_text("Showing 5 of 9 quotes").wait_for(timeout=30_000)
    page.wait_for_function("() => window.location.search.includes('q=harbour')", timeout=30_000)
    page.get_by_role("link", name="Overview").click()
    page.wait_for_function("() => window.location.pathname === '/'", timeout=30_000)
    page.get_by_text("Counts for the current filters: 5 of 9 quotes").wait_for(timeout=30_000)
    assert "q=harbour" in page.url
    assert page.get_by_placeholder(SEARCH_PLACEHOLDER).input_value() == "harbour"


@pytest.mark.parametrize("name,expect", [("overview", "Most quoted speakers"), ("quotes", "Showing 9 of 9 quotes"),
                                         ("speakers", "Stance profile"), ("stances", "Who leans which way"),
                                         ("articles", "Tick the box at the start of a row"), ("data", "Ingest log")])
def test_every_page_renders_without_hosting_chrome(server, page, shots, name, expect):
    _open(page, f"{server}/{PAGES[name]}", expect)
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    assert page.get_by_text("Deploy", exact=False).count() == 0
    assert page.locator('[data-testid="stAppDeployButton"], [data-testid="stMainMenu"]').count() == 0
    assert page.get_by_text("Streamlit skills", exact=False).count() == 0


def test_payload_in_article_shows_as_text(server, page, shots):
    _open(page, f"{server}/articles?article=art-payload", "Odd markup appears")
    reader = page.locator(".nv-article")
    assert SCRIPT_PAYLOAD in reader.inner_text()
    assert IMG_PAYLOAD in reader.inner_text()
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator(".nv-article script").count() == 0
    page.wait_for_timeout(500)
    assert page.dialogs == []
    page.screenshot(path=str(shots / "reader.png"), full_page=True)


def test_quote_link_shows_it_in_its_paragraph(server, page, shots):
    _open(page, f"{server}/quotes?quote=q-p1", "Open the article in the reader")
    paragraph = page.locator(".nv-paragraph")
    assert SCRIPT_PAYLOAD in paragraph.inner_text()
    assert page.locator(".nv-paragraph script").count() == 0
    assert page.dialogs == []
    page.screenshot(path=str(shots / "quote.png"), full_page=True)
