"""Saved web pages: main text and metadata with trafilatura, page furniture left out."""
from __future__ import annotations

import trafilatura

from data_prep.ingest.article import Article, make_article, with_title
from data_prep.ingest.decoding import UnreadableInput

MIN_ARTICLE_WORDS = 15


def parse_html(html: str, source: str = "", record: str = "", url: str | None = None) -> Article:
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                           include_tables=False, favor_precision=True,
                                           # dedup state is global: a repeat parse would lose text
                                           deduplicate=False)
    body = (getattr(document, "text", None) or "") if document is not None else ""
    if len(body.split()) < MIN_ARTICLE_WORDS:
        raise UnreadableInput("no article text found in the HTML (navigation or boilerplate only)")
    title = document.title
    paragraphs = "\n\n".join(line for line in body.split("\n") if line.strip())
    return make_article(with_title(title, paragraphs), title=title, site_name=document.sitename,
                        url=document.url or url, date=document.date, author=document.author,
                        source=source, record=record)
