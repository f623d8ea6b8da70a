"""Articles saved as text or Markdown, in the seed's style.

Recognised: a ``# Title`` line, a date line, body paragraphs, image captions with a bold photo credit,
``**Related article: ...**`` boxes, an italic contributor line, and an ``Original url:`` footer whose
URL may be broken over two lines. Markdown links and emphasis are reduced to their words, and a
sentence that a blank line cut in two is joined again.
"""
from __future__ import annotations

import re

from data_prep.ingest.article import Article, make_article, parse_date, with_title

_TITLE = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
_URL_FOOTER = re.compile(r"^(?:original\s+url|source\s+url|url|source)\s*:\s*(.*)$", re.IGNORECASE)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ANGLE_URL = re.compile(r"<(https?://[^>]*)>?")
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])")
_BOX_LINE = re.compile(r"^\*\*\s*(related|read (also|more)|see also|more on this|recommended)\b", re.IGNORECASE)
_WHOLLY_ITALIC = re.compile(r"^\*[^*].*\*$|^_[^_].*_$")
_CAPTION_CREDIT = re.compile(r"\*\*[^*]*(/|\bphoto\b|\bAFP\b|\bReuters\b|\bAP\b|\bGetty\b|\bEPA\b|\bTASS\b)[^*]*\*\*\s*$",
                             re.IGNORECASE)
_SENTENCE_END = re.compile(r"""[.!?:;…"”'’)\]»]$""")
_MAX_DATE_LINE_WORDS = 6
_MAX_HEADLINE_WORDS = 25


def strip_markdown(text: str) -> str:
    text = _LINK.sub(lambda match: match.group(1), text)
    text = _BOLD.sub(lambda match: match.group(1) or match.group(2), text)
    return _ITALIC.sub(lambda match: match.group(1) or match.group(2), text)


def _split_footer(lines: list[str]) -> tuple[list[str], str | None]:
    """Remove the ``Original url:`` footer and rejoin its URL, which may wrap onto following lines."""
    for index, line in enumerate(lines):
        match = _URL_FOOTER.match(line.strip())
        if not match:
            continue
        rest = " ".join(part.strip() for part in [match.group(1), *lines[index + 1:]] if part.strip())
        angle = _ANGLE_URL.search(rest)
        url_text = rest[angle.start(1):] if angle else rest
        url = re.sub(r"[<>\s]", "", url_text)
        if url.startswith("http"):
            return lines[:index], url
    return lines, None


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _is_furniture(paragraph: str) -> bool:
    """Page furniture, not article prose: captions with photo credits, related-article boxes, credits."""
    return bool(_BOX_LINE.match(paragraph) or _WHOLLY_ITALIC.match(paragraph)
                or (_CAPTION_CREDIT.search(paragraph) and len(paragraph.split()) <= 25))


def _looks_like_headline(paragraph: str) -> bool:
    return len(paragraph.split()) <= _MAX_HEADLINE_WORDS and not paragraph.rstrip().endswith(".") \
        and parse_date(paragraph) is None


def _join_broken_sentences(paragraphs: list[str]) -> list[str]:
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and not _SENTENCE_END.search(joined[-1]) and len(joined[-1].split()) > 3:
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def parse_plaintext(raw: str, source: str = "", record: str = "") -> Article:
    lines, url = _split_footer(raw.split("\n"))
    paragraphs = _paragraphs(lines)
    title = date = None
    if paragraphs and (match := _TITLE.match(paragraphs[0])):
        title = strip_markdown(match.group(1)).strip()
        paragraphs = paragraphs[1:]
    elif paragraphs and _looks_like_headline(paragraphs[0]) and len(paragraphs) > 1:
        title = strip_markdown(paragraphs[0]).strip()
        paragraphs = paragraphs[1:]
    for index, paragraph in enumerate(paragraphs[:3]):
        if len(paragraph.split()) <= _MAX_DATE_LINE_WORDS and (parsed := parse_date(strip_markdown(paragraph))):
            date = parsed
            del paragraphs[index]
            break
    body = [strip_markdown(paragraph) for paragraph in paragraphs if not _is_furniture(paragraph)]
    body = _join_broken_sentences([paragraph for paragraph in body if paragraph.strip()])
    return make_article(with_title(title, "\n\n".join(body)), title=title, url=url, date=date,
                        source=source, record=record)
