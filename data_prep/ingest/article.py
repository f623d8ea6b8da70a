"""One article as plain data: the fields every reader fills, and the content-derived id."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property

from dateutil import parser as date_parser

from data_prep.ingest.outlets import canonical_outlet, identify_outlet

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n+")
_SPACES = re.compile(r"[ \t]+")


@dataclass
class Article:
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    author: str | None = None
    agency: str | None = None  # the news agency the page credits ("(Reuters)"), when it names one
    source: str = ""
    record: str = ""
    warnings: list[str] = field(default_factory=list)

    @cached_property
    def article_id(self) -> str:
        """Hashed once per article; readers set ``text`` at construction and never change it."""
        return article_id_for(self.text)

    def as_row(self) -> dict:
        return {"article_id": self.article_id, "title": self.title, "outlet": self.outlet, "url": self.url,
                "published": self.published, "author": self.author, "agency": self.agency, "source": self.source,
                "text": self.text, "n_words": count_words(self.text)}


def article_id_for(text: str) -> str:
    """Same text, same id: duplicates collapse and ids survive rebuilds."""
    return "art_" + hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def tidy_paragraphs(text: str) -> str:
    """One blank line between paragraphs, single spaces inside them, no stray edges."""
    paragraphs = (_SPACES.sub(" ", " ".join(part.split("\n"))).strip() for part in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def with_title(title: str | None, body: str) -> str:
    """Article text starts with its headline, as in the news corpora: headline attributions count.

    The headline is added unless the body's first paragraph already is the headline.
    """
    body = tidy_paragraphs(body)
    title = " ".join((title or "").split())
    if not title:
        return body
    first_paragraph = body.split("\n\n", 1)[0]
    if first_paragraph.casefold() == title.casefold():
        return body
    return f"{title}\n\n{body}" if body else title


def parse_date(value) -> dt.date | None:
    """A date from a date, datetime, ISO string or written date ("December 04, 2025"); None if unclear."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not re.search(r"\d{4}", text) or len(text) > 60:
        return None
    try:
        return date_parser.parse(text, default=dt.datetime(1900, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _text_or_none(value) -> str | None:
    """A metadata value as stripped text; None for missing or blank (numbers from JSON become text)."""
    if value is None:
        return None
    return str(value).strip() or None


def make_article(text: str, *, title=None, outlet=None, url=None, date=None, author=None, source="",
                 record="", warnings=None, site_name=None) -> Article:
    """``outlet`` is the input's own outlet field and wins; ``site_name`` is a page's publisher metadata."""
    url, title = _text_or_none(url), _text_or_none(title)
    found = identify_outlet(url, site_name=_text_or_none(site_name), text=text, title=title)
    return Article(text=text, title=title, outlet=canonical_outlet(_text_or_none(outlet)) or found.outlet,
                   url=url, published=parse_date(date), author=_text_or_none(author), agency=found.agency,
                   source=source, record=record, warnings=list(warnings or []))
