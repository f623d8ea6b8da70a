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
    result = ingest([big, tmp_path / "nowhere.txt"], max_bytes=2**20)
    assert not result.articles
    messages = {Path(row["source"]).name: row["message"] for row in result.log}
    assert "over the 1 MiB limit" in messages["big.txt"]
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


def test_non_text_field_values_become_text(tmp_path):
    newsapi = {"status": "ok", "articles": [
        {"source": {"id": None, "name": "Harbour News"}, "author": {"name": "Mara Lind"}, "title": "Ferry vote",
         "content": "The council approved the ferry, the chair said.", "url": "https://harbour.example/ferry"}]}
    records = [{"text": "A story with a numeric url field.", "url": 123, "id": 9},
               {"text": ["First paragraph.", "Second paragraph."], "authors": ["Ana Ruiz", "Sam Okafor"]},
               {"text": "A story whose source object has no name.", "source": {"id": "x"}}]
    result = ingest([_write(tmp_path, "newsapi.json", json.dumps(newsapi)),
                     _write(tmp_path, "odd.json", json.dumps(records))])
    assert not result.log
    newsapi_article, numeric_url, listed, nameless = result.articles
    assert (newsapi_article.outlet, newsapi_article.author) == ("Harbour News", "Mara Lind")
    assert (numeric_url.url, numeric_url.outlet, numeric_url.record) == ("123", None, "item 1 (id 9)")
    assert listed.text == "First paragraph.\n\nSecond paragraph."
    assert listed.author == "Ana Ruiz, Sam Okafor"
    assert nameless.outlet is None


def test_unexpected_reader_error_costs_only_its_file(tmp_path, monkeypatch):
    import data_prep.ingest as ingest_module

    def explode(text, source):
        raise KeyError("surprise")
    monkeypatch.setitem(ingest_module.READERS, ".csv", explode)
    result = ingest([_write(tmp_path, "a.csv", "text\nx\n"), _write(tmp_path, "b.txt", "Fine\n\nIt is fine.")])
    assert [a.title for a in result.articles] == ["Fine"]
    assert [row["message"] for row in result.log] == ["could not parse: KeyError: 'surprise'"]


def test_deeply_nested_json_is_a_logged_failure(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    result = ingest([_write(tmp_path, "deep.json", deep),
                     _write(tmp_path, "deep.jsonl", '{"text": "Fine story."}\n' + deep)])
    assert [a.text for a in result.articles] == ["Fine story."]
    assert [(Path(row["source"]).name, row["record"], row["message"]) for row in result.log] == [
        ("deep.json", "file", "JSON nested too deeply"), ("deep.jsonl", "line 2", "JSON nested too deeply")]


@pytest.mark.parametrize("url", ["http://exa mple.com/x", "http://a..b/", "http://[::1/x"])
def test_malformed_urls_are_logged_not_raised(url):
    result = ingest([], urls=[url])
    assert not result.articles
    ((row),) = result.log
    assert row["status"] == "failed" and row["message"].startswith("could not fetch: ")


def test_truncated_download_is_logged():
    import http.server
    import threading

    class Truncating(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"<html><body><p>Only the start")
            self.wfile.flush()
            self.close_connection = True

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Truncating)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = ingest([], urls=[f"http://127.0.0.1:{server.server_address[1]}/cut"])
    finally:
        server.shutdown()
    assert not result.articles
    assert [row["message"] for row in result.log] == ["could not fetch: connection closed before the page was complete"]


def test_url_list_with_byte_order_mark(tmp_path):
    from data_prep.ingest.web import read_url_list
    path = _write(tmp_path, "urls.txt", "\ufeffhttps://a.example/1\n# a comment\n\nhttps://b.example/2\n")
    assert read_url_list(path) == ["https://a.example/1", "https://b.example/2"]


@pytest.mark.parametrize("delimiter", [";", "\t", "|", ","])
def test_csv_delimiter_comes_from_the_header(tmp_path, delimiter):
    rows = [["id", "title", "text"], ["1", "Bridge", '"The mayor said, on Monday, that it is open"'],
            ["2", "Port", '"Another story, with commas; and a semicolon"']]
    result = ingest([_write(tmp_path, "sheet.csv", "\n".join(delimiter.join(row) for row in rows) + "\n")])
    assert not result.log
    assert [(a.title, a.text.split("\n\n")[1]) for a in result.articles] == [
        ("Bridge", "The mayor said, on Monday, that it is open"),
        ("Port", "Another story, with commas; and a semicolon")]


def test_html_parses_the_same_every_time():
    from data_prep.ingest.html import parse_html
    page = (FIXTURES / "boilerplate_page.html").read_text(encoding="utf-8")
    texts = {parse_html(page).text for _ in range(5)}
    assert len(texts) == 1
    assert "said council chair Tomas Berg" in texts.pop()


def test_html_declared_charset_is_honoured(tmp_path):
    body = " ".join(["Мэр открыл новый мост через реку в понедельник, сообщили в городском совете."] * 3)
    page = (f'<html><head><meta charset="windows-1251"><title>Мост открыт</title></head>'
            f'<body><article><h1>Мост открыт</h1><p>{body}</p><p>{body}</p></article></body></html>')
    (article,) = ingest([_write(tmp_path, "ru.html", page.encode("cp1251"))]).articles
    assert "Мэр открыл новый мост" in article.text
    assert not article.warnings


def test_stray_byte_keeps_utf8_and_warns(tmp_path):
    content = "Talks resume\n\nThe minister said “we will win” in Kyiv — and left.".encode("utf-8") + b" \xff"
    (article,) = ingest([_write(tmp_path, "stray.txt", content)]).articles
    assert "said “we will win” in Kyiv — and left." in article.text
    assert article.warnings == ["1 invalid UTF-8 bytes replaced"]


def test_cp1252_with_few_accents_in_a_long_file_stays_cp1252(tmp_path):
    text = "Long story\n\n" + "The council met again on Monday. " * 300 + "The owner said “no”."
    content = text.encode("cp1252")
    (article,) = ingest([_write(tmp_path, "legacy.txt", content)]).articles
    assert article.text.endswith("The owner said “no”.")
    assert article.warnings == ["not valid UTF-8; decoded as cp1252"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_byte_order_mark_is_text(tmp_path, encoding):
    content = "title\ttext\nBridge\tThe mayor said it is done.\n".encode(encoding)
    if encoding == "utf-16-be":
        content = b"\xfe\xff" + content
    result = ingest([_write(tmp_path, "excel.csv", content)])
    assert not result.log
    assert [a.text for a in result.articles] == ["Bridge\n\nThe mayor said it is done."]


def test_broken_and_looping_links_in_a_folder_are_logged(tmp_path):
    import os
    _write(tmp_path, "ok.txt", "Fine\n\nThe mayor said it is done.")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    os.symlink("self.txt", tmp_path / "self.txt")
    os.symlink(".", tmp_path / "loop")
    result = ingest([tmp_path])
    assert [Path(a.source).name for a in result.articles] == ["ok.txt"]
    assert [(Path(row["source"]).name, row["message"].split(":")[0]) for row in result.log] == [
        ("dangling.txt", "broken link"), ("self.txt", "broken link")]
    given = ingest([tmp_path / "dangling.txt"])
    assert [row["message"].split(":")[0] for row in given.log] == ["broken link"]


def test_title_is_added_unless_the_first_paragraph_is_the_title(tmp_path):
    lines = [{"title": "Ukraine talks", "text": "Ukraine talks resumed on Monday, officials said."},
             {"title": "Ukraine talks", "text": "Ukraine talks\n\nThey resumed on Monday."},
             {"title": "Only a title", "text": "Only a title"}]
    result = ingest([_write(tmp_path, "t.jsonl", "\n".join(json.dumps(line) for line in lines))])
    assert [a.text for a in result.articles] == [
        "Ukraine talks\n\nUkraine talks resumed on Monday, officials said.",
        "Ukraine talks\n\nThey resumed on Monday.", "Only a title"]
    (markdown,) = ingest([_write(tmp_path, "title.md", "# Just a title\n")]).articles
    assert markdown.text == "Just a title"


def _plain(raw):
    from data_prep.ingest.plaintext import parse_plaintext
    return parse_plaintext(raw)


def test_source_line_mid_article_is_prose_not_footer():
    article = _plain("Vaccine study\n\nThe ministry said the study was flawed.\n\nSource: https://who.int/report\n\n"
                     "Later, the minister said \"we will review it\".\n\nThe review starts Monday.")
    assert article.url is None
    assert article.text.endswith("Later, the minister said \"we will review it\".\n\nThe review starts Monday.")


def test_footer_url_broken_over_lines_is_rejoined_but_prose_is_not():
    footer = _plain("Port deal\n\nThe chair said the deal was done.\n\nSource:\n<https://news.example/2024/05/port->\n"
                    "deal-a123\n")
    assert footer.url == "https://news.example/2024/05/port-deal-a123"
    assert footer.text == "Port deal\n\nThe chair said the deal was done."
    prose_after = _plain("Port deal\n\nThe chair said the deal was done.\n\nSource: https://news.example/a\n"
                         "The council will vote next week.")
    assert prose_after.url is None and "The council will vote next week." in prose_after.text


def test_markdown_title_date_and_setext_heading():
    atx = _plain("# Mayor opens bridge\nMay 2, 2024\n\nThe mayor said the bridge was open.")
    setext = _plain("Mayor opens bridge\n==================\n\nThe mayor said the bridge was open.")
    for article in (atx, setext):
        assert article.title == "Mayor opens bridge"
        assert article.text == "Mayor opens bridge\n\nThe mayor said the bridge was open."
    assert atx.published == dt.date(2024, 5, 2)


def test_front_matter_fields_are_metadata_not_text():
    article = _plain("---\ntitle: \"Mayor opens bridge\"\ndate: 2024-05-02\nauthor: Ana Ruiz\n"
                     "url: https://www.reuters.com/bridge\n---\n\n# Mayor opens bridge\n\nThe mayor said it is open.")
    assert (article.title, article.published, article.author, article.url, article.outlet) == (
        "Mayor opens bridge", dt.date(2024, 5, 2), "Ana Ruiz", "https://www.reuters.com/bridge", "Reuters")
    assert article.text == "Mayor opens bridge\n\nThe mayor said it is open."


def test_subheads_lists_and_images_are_not_glued_to_prose():
    article = _plain("# Talks\n\n![Officials at a meeting in the capital](img.jpg)\n\nThe envoy listed demands:\n"
                     "- a ceasefire now\n- prisoner swaps soon\n\n## What happens next for the region\n"
                     "Officials said more talks follow.")
    assert article.text.split("\n\n") == [
        "Talks", "The envoy listed demands:", "a ceasefire now", "prisoner swaps soon",
        "What happens next for the region", "Officials said more talks follow."]


def test_italic_quote_is_prose_but_italic_credit_line_is_furniture():
    article = _plain("# Talks\n\n*\"We will win,\" the minister said.*\n\nThe talks continue.\n\n"
                     "*Staff contributed reporting.*")
    assert article.text == "Talks\n\n\"We will win,\" the minister said.\n\nThe talks continue."


def _within_five_seconds(function, *args):
    import signal

    def too_slow(signum, frame):
        raise TimeoutError("regex blow-up")
    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(5)
    try:
        return function(*args)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("line", ["*a " * 20_000, "**" + "a/b " * 40_000, "[" * 50_000, "**" * 50_000 + " end",
                                  "_a " * 20_000, "[a](" * 20_000])
def test_long_unclosed_markup_lines_finish(line):
    article = _within_five_seconds(_plain, "Long line\n\n" + line)
    assert article.title == "Long line"
    assert len(article.text) > len(line) // 2


def test_semicolon_csv_with_commas_in_the_text(tmp_path):
    content = ('id;title;text\n1;Bridge;"He said ""we go"", then, on Monday, left; the end"\n'
               '2;Port;"Another story, with commas, quotes ""like this"" and more"\n')
    result = ingest([_write(tmp_path, "semi.csv", content)])
    assert not result.log
    assert [a.text for a in result.articles] == ['Bridge\n\nHe said "we go", then, on Monday, left; the end',
                                                 'Port\n\nAnother story, with commas, quotes "like this" and more']


def test_utf8_bom_on_a_cp1252_file_is_dropped_before_the_fallback(tmp_path):
    content = b"\xef\xbb\xbf" + "text,title\nCafé owner said prices rise,Prices\n".encode("cp1252")
    (article,) = ingest([_write(tmp_path, "bom_legacy.csv", content)]).articles
    assert (article.title, article.text) == ("Prices", "Prices\n\nCafé owner said prices rise")


def test_thematic_breaks_at_the_top_are_not_front_matter():
    article = _plain("---\n\nThe mayor said the bridge was open on Friday.\n\n---\n\nThe council agreed.")
    assert article.title is None
    assert article.text == "The mayor said the bridge was open on Friday.\n\nThe council agreed."


def test_records_before_a_malformed_csv_line_are_kept(tmp_path, monkeypatch):
    import data_prep.ingest.records as records
    monkeypatch.setattr(records, "MAX_CSV_FIELD_CHARS", 200)
    content = "title,text\nShort,The mayor said it is done.\nLong,\"" + "word " * 100 + "\"\nAfter,Never read.\n"
    result = ingest([_write(tmp_path, "sheet.csv", content)])
    assert [a.title for a in result.articles] == ["Short"]
    ((source, record, message),) = _statuses(result)
    assert record == "after row 2" and message.startswith("malformed CSV: field larger than field limit")


def test_control_characters_inside_records_are_removed(tmp_path):
    long_story = "The council met on Monday. " * 200  # the stray NUL lies past the binary-file check
    content = f"text,title\n{long_story},Council\n\"The mayor\x00 said it is\x07 done.\",Bridge\n"
    (_, article) = ingest([_write(tmp_path, "nul.csv", content)]).articles
    assert article.text == "Bridge\n\nThe mayor said it is done."
