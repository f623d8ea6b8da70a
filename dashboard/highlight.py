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
    focus: bool = False  # the quote the reader was opened on: outlined, and scrolled to


FOCUS_CLASS = "nv-focus"


def _attribute(value: str) -> str:
    return html.escape(value, quote=True)


def render(text: str, highlights: list[Highlight], offset: int = 0) -> str:
    """``text`` (starting at character ``offset`` of the article) with highlights as <mark> elements."""
    return render_counted(text, highlights, offset)[0]


def render_counted(text: str, highlights: list[Highlight], offset: int = 0) -> tuple[str, set[str]]:
    """``render``, and the ids of the quotes that got at least one visible mark.

    Overlapping highlights are cut at each other's edges; the one that starts first wins a stretch,
    so a quote inside another one may get no mark of its own: counts shown to the reader use this set.
    """
    text = text or ""
    limit = offset + len(text)
    spans = sorted((h for h in highlights if h.end > offset and h.start < limit and h.end > h.start),
                   key=lambda h: (h.start, -h.end))
    parts: list[str] = []
    drawn: set[str] = set()
    position = offset
    for item in spans:
        start, end = max(item.start, position), min(item.end, limit)
        if end <= start:
            continue
        drawn.add(item.quote_id)
        classes = f"nv-quote {FOCUS_CLASS}" if item.focus else "nv-quote"
        outline = f"outline:2px solid {_attribute(item.colour)};outline-offset:1px;" if item.focus else ""
        parts.append(html.escape(text[position - offset:start - offset]))
        parts.append(f'<mark class="{classes}" data-quote="{_attribute(item.quote_id)}" '
                     f'title="{_attribute(item.title)}" style="background:{_attribute(item.colour)}33;'
                     f'border-bottom:2px solid {_attribute(item.colour)};padding:0 1px;{outline}">'
                     f'{html.escape(text[start - offset:end - offset])}</mark>')
        position = end
    parts.append(html.escape(text[position - offset:]))
    return "".join(parts), drawn


def headline_end(text: str, title: str) -> int:
    """Where the article's text stops repeating its title (0 when it does not start with it).

    Many sources put the headline in the text's first line; the reader shows it once, as the heading.
    """
    title = " ".join(str(title or "").split()).casefold()
    first_line = text.split("\n", 1)[0]
    if not title or " ".join(first_line.split()).casefold() != title:
        return 0
    return len(first_line)


def article_html(text: str, highlights: list[Highlight], body_start: int = 0) -> tuple[str, set[str]]:
    """The article from ``body_start`` in a block that keeps its paragraphs and line breaks, and the ids
    of the quotes drawn in it. ``body_start`` skips a headline shown separately (see ``headline_end``)."""
    body = text[body_start:].lstrip("\n")
    body_start = len(text) - len(body)
    rendered, drawn = render_counted(body, highlights, offset=body_start)
    return ('<div class="nv-article" style="white-space:pre-wrap;line-height:1.6;font-size:1rem">'
            f"{rendered}</div>"), drawn


# The reader's focus mark is scrolled into view by this fixed script (no data in it): st.html runs it in
# the page, where the reader's marks are; it retries while Streamlit is still drawing the article.
SCROLL_TO_FOCUS = (
    "<script>(function(tries){function go(){var m=document.querySelector('mark." + FOCUS_CLASS + "');"
    "if(m){m.scrollIntoView({block:'center'});}else if(tries-->0){setTimeout(go,100);}}go();})(50);</script>")


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
# GitHub-flavoured Markdown turns bare addresses into links after escapes are resolved, so escaping alone
# cannot stop it: an invisible word joiner (U+2060) inside "://", "www." and after "@" or "mailto:" breaks
# the patterns it looks for, and the value still reads the same.
_AUTOLINKS = re.compile(r"(?i)(?<=:)(?=//)|(?<=\bwww)(?=\.)|(?<=@)|(?<=\bmailto:)|(?<=\bxmpp:)")
WORD_JOINER = "\u2060"


def markdown_text(value) -> str:
    """Data (a name, a title, a value from a link) made safe to place in Streamlit markdown.

    Every markdown and Streamlit directive character is backslash-escaped, so a value such as
    ``![x](http://tracker)`` or ``:red[...]`` shows as typed instead of loading or styling anything,
    and bare addresses (``http://...``, ``www....``, ``name@host``) do not become links.
    """
    return _MARKDOWN_SPECIALS.sub(r"\\\1", _AUTOLINKS.sub(WORD_JOINER, str(value)))
