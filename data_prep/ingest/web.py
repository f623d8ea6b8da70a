"""Articles fetched from URLs (``newsvoices prep --urls FILE``), extracted like saved pages."""
from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from pathlib import Path

from data_prep.ingest.decoding import UnreadableInput, decode_bytes, html_charset
from data_prep.ingest.html import parse_html

USER_AGENT = "newsvoices (+https://github.com/newsvoices/newsvoices)"
TIMEOUT_SECONDS = 20


def read_url_list(path: Path) -> list[str]:
    """One URL per line; blank lines and lines starting with # are skipped."""
    lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def fetch_article(url: str, result, max_bytes: int) -> None:
    if not url.startswith(("http://", "https://")):
        result.failed(url, "not an http(s) URL", record="url")
        return
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            data = response.read(max_bytes + 1)
            if len(data) <= max_bytes and response.length:  # the server promised more than it sent
                raise http.client.IncompleteRead(data, response.length)
            final_url = response.geturl()
            header_charset = response.headers.get_content_charset()
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
        result.failed(url, f"page is over the {max_bytes / 1e6:.0f} MB limit", record="url")
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
