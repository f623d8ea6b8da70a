"""Ingest: every supported input becomes articles, and every bad input a clear log row."""
import datetime as dt
import json
from pathlib import Path

import pytest

from data_prep.ingest import ingest
from data_prep.ingest.article import article_id_for

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="module")
def seed_article():
    result = ingest([SEEDS])
    assert not result.log, result.log
    (article,) = result.articles
    return article


def test_seed_metadata(seed_article):
    assert seed_article.title == ("Trump Says He Believes Russia Wants Peace Even as Putin Vows to Take All of Donbas")
    assert seed_article.published == dt.date(2025, 12, 4)
    assert seed_article.outlet == "The Moscow Times"
    assert seed_article.url == ("https://www.themoscowtimes.com/2025/12/04/"
                                "trump-says-he-believes-russia-wants-peace-even-as-putin-vows-to-take-all-of-donbas-a91335")


def test_seed_text_is_clean_prose(seed_article):
    text = seed_article.text
    assert text.startswith(seed_article.title + "\n\n")
    assert "that the American delegation “had a reasonably good meeting" in text
    assert "Donald Trump said Wednesday" in text
    for furniture in ("**", "](#)", "Related article", "Caballero-Reynolds", "contributed reporting",
                      "Original url", "https://"):
        assert furniture not in text


def _write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _statuses(result):
    return [(Path(row["source"]).name, row["record"], row["message"]) for row in result.log]


def test_plain_text_without_markdown_title_uses_first_line(tmp_path):
    path = _write(tmp_path, "story.txt", "Mayor opens bridge\n\n2024-05-02\n\nThe mayor opened the bridge on Friday.\n")
    (article,) = ingest([path]).articles
    assert article.title == "Mayor opens bridge"
    assert article.published == dt.date(2024, 5, 2)
    assert article.text == "Mayor opens bridge\n\nThe mayor opened the bridge on Friday."


def test_html_main_text_and_metadata_without_boilerplate():
    (article,) = ingest([FIXTURES / "boilerplate_page.html"]).articles
    assert article.title == "Harbour council approves new ferry line"
    assert article.outlet == "The Coastal Ledger"
    assert article.url == "https://www.coastalledger.example/2024/03/18/harbour-ferry-line"
    assert article.published == dt.date(2024, 3, 18)
    assert article.author == "Mara Lindqvist"
    assert "said council chair Tomas Berg" in article.text
    for boilerplate in ("cookies", "Most read", "All rights reserved", "Local bakery"):
        assert boilerplate not in article.text


def test_jsonl_fields_are_case_insensitive_and_optional(tmp_path):
    lines = [json.dumps({"Text": "Officials said the port will reopen.", "TITLE": "Port to reopen",
                         "Date": "2024-01-09", "URL": "https://www.reuters.com/x"}),
             json.dumps({"text": "A second story with no metadata at all."})]
    result = ingest([_write(tmp_path, "dump.jsonl", "\n".join(lines))])
    first, second = result.articles
    assert (first.title, first.published, first.outlet) == ("Port to reopen", dt.date(2024, 1, 9), "Reuters")
    assert first.text.startswith("Port to reopen\n\n")
    assert second.title is None and second.published is None
    assert not result.log


def test_csv_one_article_per_row(tmp_path):
    content = 'id,Title,text,outlet\n7,Budget passes,"The budget passed, the speaker said.",Daily Planet\n'
    (article,) = ingest([_write(tmp_path, "sheet.csv", content)]).articles
    assert (article.title, article.outlet, article.record) == ("Budget passes", "Daily Planet", "row 2 (id 7)")


def test_folders_are_read_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    _write(tmp_path / "a", "one.txt", "First story\n\nThe first story has a body.")
    _write(tmp_path / "a" / "b", "two.md", "# Second story\n\nThe second story has a body too.")
    _write(tmp_path / "a" / "b", "notes.docx", "ignored")
    assert sorted(a.title for a in ingest([tmp_path]).articles) == ["First story", "Second story"]


def test_utf8_bom_and_cp1252_fallback(tmp_path):
    bom = _write(tmp_path, "bom.txt", "\ufeffCafé talks\n\nThe café owner said prices will rise.".encode("utf-8"))
    legacy = _write(tmp_path, "legacy.txt", "Café talks resume\n\nThe café owner said “no”.".encode("cp1252"))
    result = ingest([bom, legacy])
    bom_article, legacy_article = result.articles
    assert bom_article.title == "Café talks"
    assert "said “no”." in legacy_article.text
    assert legacy_article.warnings == ["not valid UTF-8; decoded as cp1252"]


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", "", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    ("nav.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    ("sheet.csv", "title,body_length\nA,3\n", "CSV has no text column"),
    ("bad.json", "{not json", "malformed JSON"),
    ("slides.pptx", "whatever", "unsupported file type"),
])
def test_bad_file_is_logged_with_reason(tmp_path, name, content, reason):
    good = _write(tmp_path, "good.txt", "Good story\n\nThis one is fine.")
    result = ingest([_write(tmp_path, name, content), good])
    assert [a.title for a in result.articles] == ["Good story"]
    ((source, record, message),) = _statuses(result)
    assert source == name and reason in message


def test_bad_records_do_not_cost_the_good_ones(tmp_path):
    lines = ['{"text": "Valid story one."}', '{"text": ', '{"title": "no text here"}', '["not", "an object"]',
             '{"text": "Valid story two."}']
    result = ingest([_write(tmp_path, "mixed.jsonl", "\n".join(lines))])
    assert [a.text for a in result.articles] == ["Valid story one.", "Valid story two."]
    assert [(row["record"], row["message"].split(":")[0]) for row in result.log] == [
        ("line 2", "malformed JSON"), ("line 3", "record has no text (expected a 'text' field)"),
        ("line 4", "record is not an object with fields")]


def test_oversized_and_missing_paths(tmp_path):
    big = _write(tmp_path, "big.txt", "Big story\n\n" + "word " * 300_000)
    result = ingest([big, tmp_path / "nowhere.txt"], max_bytes=1_000_000)
    assert not result.articles
    messages = {Path(row["source"]).name: row["message"] for row in result.log}
    assert "over the 1 MB limit" in messages["big.txt"]
    assert messages["nowhere.txt"] == "no such file or folder"


def test_article_id_depends_on_content_only():
    assert article_id_for("Same text.\n\nHere") == article_id_for("Same  text. Here")
    assert article_id_for("Same text.") != article_id_for("Other text.")


def test_urls_are_fetched_and_failures_logged():
    import http.server
    import threading

    page = (FIXTURES / "boilerplate_page.html").read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/story":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(page)
            else:
                self.send_error(404, "Not Found")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        result = ingest([], urls=[f"{base}/story", f"{base}/gone", "ftp://example.invalid/x"])
    finally:
        server.shutdown()
    (article,) = result.articles
    assert article.title == "Harbour council approves new ferry line" and article.source == f"{base}/story"
    assert [row["message"] for row in result.log] == ["could not fetch: HTTP 404 Not Found", "not an http(s) URL"]
