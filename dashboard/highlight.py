"""Article text as HTML with quotes highlighted. Every piece of text is escaped with html.escape
before it is wrapped in markup, so HTML inside an article shows as text and never runs."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    colour: str
    title: str  # hover text: speaker and stance
    quote_id: str = ""


def _attribute(value: str) -> str:
    return html.escape(value, quote=True)


def render(text: str, highlights: list[Highlight], offset: int = 0) -> str:
    """``text`` (starting at character ``offset`` of the article) with highlights as <mark> elements.

    Overlapping highlights are cut at each other's edges; the one that starts first wins a stretch.
    """
    text = text or ""
    limit = offset + len(text)
    spans = sorted((h for h in highlights if h.end > offset and h.start < limit and h.end > h.start),
                   key=lambda h: (h.start, -h.end))
    parts: list[str] = []
    position = offset
    for item in spans:
        start, end = max(item.start, position), min(item.end, limit)
        if end <= start:
            continue
        parts.append(html.escape(text[position - offset:start - offset]))
        parts.append(f'<mark class="nv-quote" data-quote="{_attribute(item.quote_id)}" '
                     f'title="{_attribute(item.title)}" style="background:{_attribute(item.colour)}33;'
                     f'border-bottom:2px solid {_attribute(item.colour)};padding:0 1px">'
                     f'{html.escape(text[start - offset:end - offset])}</mark>')
        position = end
    parts.append(html.escape(text[position - offset:]))
    return "".join(parts)


def article_html(text: str, highlights: list[Highlight]) -> str:
    """The whole article in a block that keeps its paragraphs and line breaks."""
    return ('<div class="nv-article" style="white-space:pre-wrap;line-height:1.6;font-size:1rem">'
            f"{render(text, highlights)}</div>")


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (between blank lines or line breaks) that holds characters start..end."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    before = text.rfind("\n", 0, start)
    after = text.find("\n", end)
    return before + 1, len(text) if after == -1 else after


def quote_in_paragraph(text: str, highlights: list[Highlight]) -> str:
    """The paragraph(s) holding a quote's highlighted spans (a quote may be split around its cue)."""
    if not highlights:
        return ""
    begin, finish = paragraph_bounds(text, min(h.start for h in highlights), max(h.end for h in highlights))
    return ('<blockquote class="nv-paragraph" style="white-space:pre-wrap;line-height:1.6">'
            f"{render(text[begin:finish], highlights, offset=begin)}</blockquote>")


def legend_html(entries: list[tuple[str, str]]) -> str:
    """Speaker -> colour swatches for the reader."""
    items = "".join(
        f'<span style="display:inline-block;margin:0 12px 4px 0"><span style="display:inline-block;'
        f'width:12px;height:12px;border-radius:2px;background:{_attribute(colour)};margin-right:4px;'
        f'vertical-align:middle"></span>{html.escape(name)}</span>' for name, colour in entries)
    return f'<div class="nv-legend">{items}</div>'


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|:$~=&])")


def markdown_text(value) -> str:
    """Data (a name, a title, a value from a link) made safe to place in Streamlit markdown.

    Every markdown and Streamlit directive character is backslash-escaped, so a value such as
    ``![x](http://tracker)`` or ``:red[...]`` shows as typed instead of loading or styling anything.
    """
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(value))
