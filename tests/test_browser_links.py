"""In a real browser: user-supplied strings never become links (#15 item 12). Only an article's own http(s)
URL is a link; names, data fields and values from a crafted share link show as text. Skips without chromium."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from dashboard.local_server import running_app
from dashboard_fixture import ARTICLE_BUDGET, ARTICLE_HARBOUR, fixture_tables
from data_prep import schema, store

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright python package is not installed")

TRACKER = "tracker.example"
BARE_NAME = f"www.{TRACKER}"
BARE_URL = f"http://{TRACKER}/field"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tables = fixture_tables()
    actors, articles = tables[schema.ACTORS], tables[schema.ARTICLES]
    actors.loc[actors["name"] == "Priya Nair", "name"] = BARE_NAME
    actors.loc[actors["name"] == "Tom Berg", "affiliation"] = BARE_URL
    articles.loc[articles["article_id"] == ARTICLE_BUDGET, "url"] = "javascript:alert(1)"
    data_dir = tmp_path_factory.mktemp("links") / "data"
    store.write_dataset(data_dir, tables)
    with running_app(data_dir, data_dir.parent / "server.log",
                     {"NEWSVOICES_CACHE": str(data_dir.parent / "cache")}, start_timeout_s=60) as base:
        yield base


@pytest.fixture(scope="module")
def page():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield browser.new_page(viewport={"width": 1400, "height": 1600})
        browser.close()


def _open(page, url: str, expect: str) -> None:
    page.goto(url)
    page.get_by_text(expect, exact=False).first.wait_for(timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    page.wait_for_timeout(1000)
    assert page.locator('[data-testid="stException"]').count() == 0, page.inner_text("body")[:2000]


def _links_to_tracker(page) -> list[str]:
    """Links that lead to the tracker (the page's own anchors carry its URL, query included: not those)."""
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    return [href for href in hrefs if TRACKER in (urlsplit(href).hostname or "")]


@pytest.mark.parametrize("path,expect", [
    (f"/?speaker={quote(BARE_URL)}&outlet={quote('[z](http://' + TRACKER + ')')}", "not in this dataset"),
    (f"/stances?about={quote(BARE_URL)}", "which has no stance labels"),
    (f"/speakers?actor={quote(BARE_NAME)}", "Stance profile"),
    ("/speakers?actor=Tom%20Berg", "Affiliation"),
    (f"/quotes?q={quote(BARE_URL)}", "No quotes match"),
])
def test_crafted_links_and_data_fields_are_not_links(server, page, path, expect):
    _open(page, server + path, expect)
    assert TRACKER in page.content()  # shown (as text, or as a chosen value)
    assert _links_to_tracker(page) == []


def test_only_an_http_article_url_is_a_link(server, page):
    _open(page, f"{server}/articles?article={ARTICLE_HARBOUR}", "quotes highlighted")
    assert page.locator(".nv-byline a").get_attribute("href") == "https://example.org/harbour"
    _open(page, f"{server}/articles?article={ARTICLE_BUDGET}", "quotes highlighted")
    assert page.locator(".nv-byline a").count() == 0
    assert page.locator('a[href^="javascript"]').count() == 0
