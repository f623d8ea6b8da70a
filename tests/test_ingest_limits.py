"""Hostile or unlucky input stays bounded: each bad folder, link, download or line costs only itself."""
from __future__ import annotations

import errno
import http.server
import os
import threading
import time
from pathlib import Path

import pytest

from data_prep.ingest import ingest, web

STORY = "Harbour vote\n\nThe council chair said the ferry will run by June.\n"


def _statuses(result) -> list[tuple[str, str]]:
    return [(row["status"], row["message"]) for row in result.log]


def _deny(monkeypatch, folder: Path, *, listing: bool) -> None:
    """As if ``folder`` had lost its search (x) permission, or with ``listing`` its read (r) one too.
    (The tests may run as root, whom permissions do not stop.)"""
    real_stat, real_scandir = os.stat, os.scandir
    folder = str(folder)

    def stat(path, *args, **kwargs):
        if str(path).startswith(folder + os.sep):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    def scandir(path="."):
        if listing and str(path) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.parametrize("listing, words", [(False, "cannot be searched"), (True, "cannot be read")])
def test_a_folder_that_cannot_be_searched_or_read_is_one_failed_row(tmp_path, monkeypatch, listing, words):
    (tmp_path / "ok.txt").write_text(STORY)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(STORY.replace("June", "July"))
    _deny(monkeypatch, locked, listing=listing)
    result = ingest([tmp_path])
    assert [article.source for article in result.articles] == [str(tmp_path / "ok.txt")]
    [(status, message)] = _statuses(result)
    assert status == "failed" and words in message and result.log[0]["source"] == str(locked)


def test_links_out_of_the_input_folders_are_skipped_and_logged(tmp_path):
    inputs = tmp_path / "inputs"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "sub" / "story.txt").write_text(STORY)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "private.txt").write_text(STORY.replace("June", "May"))
    (inputs / "root").symlink_to("/")
    (inputs / "away").symlink_to(outside)
    (inputs / "away.txt").symlink_to(outside / "private.txt")
    (inputs / "inside").symlink_to(inputs / "sub")  # a link within the inputs is followed (once)
    result = ingest([inputs])
    assert [article.text.endswith("by June.") for article in result.articles] == [True]
    skipped = sorted(Path(row["source"]).name for row in result.log if "leads out of the input" in row["message"])
    assert skipped == ["away", "away.txt", "root"]
    followed = ingest([inputs / "away"], follow_links=False)
    assert len(followed.articles) == 1, "a link given as an input is followed"
    assert len(ingest([inputs / "sub", inputs / "away.txt"]).articles) == 2
    (inputs / "root").unlink()
    assert len(ingest([inputs], follow_links=True).articles) == 3, "with the flag, links out are followed"


class _Trickle(http.server.BaseHTTPRequestHandler):
    """A server that sends a byte at a time, forever (until the test ends)."""
    stop = threading.Event()

    def do_GET(self):
        if self.path == "/headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for _ in range(10_000):
                if self.stop.wait(0.1):
                    return
                self.wfile.write(b"X-Slow: 1\r\n")
                self.wfile.flush()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        while not self.stop.wait(0.1):
            self.wfile.write(b"<")
            self.wfile.flush()

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("path", ["/body", "/headers"])
def test_a_url_that_trickles_forever_fails_at_its_deadline(monkeypatch, path):
    monkeypatch.setattr(web, "DEADLINE_SECONDS", 1.0)
    _Trickle.stop.clear()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    started = time.monotonic()
    try:
        result = ingest([], urls=[f"http://127.0.0.1:{server.server_address[1]}{path}"])
    finally:
        _Trickle.stop.set()
        server.shutdown()
    assert time.monotonic() - started < 15, "bounded by the deadline, not by the server"
    [(status, message)] = _statuses(result)
    assert status == "failed" and "took longer than 1 s" in message


@pytest.mark.parametrize("depth", [250, 900, 5000])
def test_a_deeply_nested_jsonl_line_costs_only_itself(tmp_path, depth):
    nested = '{"text": ' + "[" * depth + '"deep words"' + "]" * depth + "}"
    lines = ['{"text": "The mayor said the bridge opens."}', nested, '{"text": "The chair said the ferry runs."}']
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    result = ingest([path])
    assert [a.text for a in result.articles][0] == "The mayor said the bridge opens."
    assert result.articles[-1].text == "The chair said the ferry runs."
    assert len(result.articles) + len(result.log) == 3, "every line is built or logged"


def test_a_stray_nul_does_not_make_a_text_file_binary(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(b"Harbour vote\n\nThe council\x00 chair said the ferry will run by June.\n")
    [article] = ingest([path]).articles
    assert "council chair said" in article.text
    pdf = tmp_path / "scan.txt"
    pdf.write_bytes(b"%PDF-1.7\n" + b"text-like bytes " * 100)
    assert "binary file" in ingest([pdf]).log[0]["message"]


def test_size_limits_are_printed_in_mebibytes(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 300_000)
    [row] = ingest([path], max_bytes=1 * 2**20).log
    assert "over the 1 MiB limit" in row["message"] and "1.4 MiB" in row["message"]
