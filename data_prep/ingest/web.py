"""Articles fetched from URLs (``newsvoices prep --urls FILE``), extracted like saved pages."""
from __future__ import annotations

import http.client
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from data_prep.ingest.decoding import UnreadableInput, decode_bytes, html_charset
from data_prep.ingest.html import parse_html

USER_AGENT = "newsvoices (+https://github.com/newsvoices/newsvoices)"
TIMEOUT_SECONDS = 20   # for each network read
DEADLINE_SECONDS = 60  # for a whole page, however slowly it arrives


def read_url_list(path: Path) -> list[str]:
    """One URL per line; blank lines and lines starting with # are skipped."""
    lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


class DeadlinePassed(TimeoutError):
    pass


def _read_body(response, max_bytes: int, deadline: float) -> bytes:
    """Up to ``max_bytes + 1`` bytes, in whatever pieces arrive, stopping at ``deadline``: a server that
    trickles a byte every few seconds never trips the per-read timeout, so the whole download has one."""
    pieces, size = [], 0
    while size <= max_bytes:
        if time.monotonic() > deadline:
            raise DeadlinePassed()
        piece = response.read1(min(65536, max_bytes + 1 - size))
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    return b"".join(pieces)


def _download(url: str, max_bytes: int, deadline: float) -> tuple[bytes, str, str | None]:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        data = _read_body(response, max_bytes, deadline)
        if len(data) <= max_bytes and response.length:  # the server promised more than it sent
            raise http.client.IncompleteRead(data, response.length)
        return data, response.geturl(), response.headers.get_content_charset()


def _download_by(url: str, max_bytes: int, seconds: float) -> tuple[bytes, str, str | None]:
    """``_download`` with an overall deadline, headers included: run in a thread that is given up on
    (and ends with its socket's timeout) if the server is still dribbling out headers at the deadline."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = _download(url, max_bytes, time.monotonic() + seconds)
        except BaseException as error:  # handed to the caller's thread
            outcome["error"] = error

    worker = threading.Thread(target=run, name="newsvoices-fetch", daemon=True)
    worker.start()
    worker.join(seconds + 1)
    if worker.is_alive():
        raise DeadlinePassed()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def fetch_article(url: str, result, max_bytes: int, seconds: float | None = None) -> None:
    seconds = DEADLINE_SECONDS if seconds is None else seconds
    if not url.startswith(("http://", "https://")):
        result.failed(url, "not an http(s) URL", record="url")
        return
    try:
        data, final_url, header_charset = _download_by(url, max_bytes, seconds)
    except DeadlinePassed:
        result.failed(url, f"could not fetch: the page took longer than {seconds:.0f} s to download",
                      record="url")
        return
    except urllib.error.HTTPError as error:
        result.failed(url, f"could not fetch: HTTP {error.code} {error.reason}", record="url")
        return
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        result.failed(url, f"could not fetch: {reason}", record="url")
        return
    except http.client.IncompleteRead:
        result.failed(url, "could not fetch: connection closed before the page was complete", record="url")
        return
    except (ValueError, http.client.HTTPException) as error:  # malformed URL or server reply
        result.failed(url, f"could not fetch: {type(error).__name__}: {str(error) or 'invalid URL'}", record="url")
        return
    if len(data) > max_bytes:
        result.failed(url, f"page is over the {max_bytes / 2**20:.0f} MiB limit", record="url")
        return
    try:
        decoded = decode_bytes(data, declared=header_charset or html_charset(data))
        article = parse_html(decoded.text, source=url, record="url", url=final_url)
    except UnreadableInput as error:
        result.failed(url, str(error), record="url")
        return
    if decoded.warning:
        article.warnings.append(decoded.warning)
    result.articles.append(article)
