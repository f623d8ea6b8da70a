"""Articles fetched from URLs (``newsvoices prep --urls FILE``), extracted like saved pages."""
from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

from data_prep.ingest.decoding import UnreadableInput, decode_bytes
from data_prep.ingest.html import parse_html

USER_AGENT = "newsvoices (+https://github.com/newsvoices/newsvoices)"
TIMEOUT_SECONDS = 20


def read_url_list(path: Path) -> list[str]:
    """One URL per line; blank lines and lines starting with # are skipped."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def fetch_article(url: str, result, max_bytes: int) -> None:
    if not url.startswith(("http://", "https://")):
        result.failed(url, "not an http(s) URL", record="url")
        return
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            data = response.read(max_bytes + 1)
            final_url = response.geturl()
    except urllib.error.HTTPError as error:
        result.failed(url, f"could not fetch: HTTP {error.code} {error.reason}", record="url")
        return
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        result.failed(url, f"could not fetch: {reason}", record="url")
        return
    if len(data) > max_bytes:
        result.failed(url, f"page is over the {max_bytes / 1e6:.0f} MB limit", record="url")
        return
    try:
        article = parse_html(decode_bytes(data).text, source=url, record="url", url=final_url)
    except UnreadableInput as error:
        result.failed(url, str(error), record="url")
        return
    result.articles.append(article)
