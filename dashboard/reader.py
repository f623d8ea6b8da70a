"""The article reader's content: header, highlighted text and speaker legend, all escaped HTML."""
from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from dashboard import aggregate
from dashboard.charts import speaker_colour
from dashboard.highlight import Highlight, article_html, headline_end, legend_html, render_counted


def highlights_for(quotes: pd.DataFrame, stances: pd.DataFrame, colours: dict[str, str],
                   spans: dict[str, list] | None = None, focus: str | None = None) -> list[Highlight]:
    """One highlight per quote span, coloured by speaker; the hover text names speaker and stance.

    ``spans`` maps quote ids to their character spans; a quote without spans is highlighted from
    its start to its end. The quote ``focus`` (an id) is outlined.
    """
    spans = spans or {}
    summary = aggregate.stance_summary(stances[stances["quote_row"].isin(quotes.index)])
    result = []
    for quote in quotes.itertuples():
        stance = summary.get(quote.Index, "no stance label")
        title = f"{quote.speaker}{' (speaker corrected)' if quote.corrected else ''} | {quote.quote_type} quote | " \
                f"stance (automatic): {stance}"
        # A span fixed by hand replaces the spans the build found.
        own = None if "span" in str(getattr(quote, "corrected_fields", "")) else spans.get(quote.quote_id)
        for start, end in own or [(quote.quote_start, quote.quote_end)]:
            if start is None or end is None:
                continue
            result.append(Highlight(int(start), int(end), speaker_colour(colours, str(quote.speaker)), title,
                                    str(quote.quote_id), focus=str(quote.quote_id) == focus))
    return result


def header_html(article: pd.Series, title_html: str | None = None) -> str:
    """Title, outlet, date, author and a link to the original: only an http(s) URL becomes a link.

    ``title_html`` is the title already escaped (and highlighted) when the text's first line is the title.
    """
    date = article["published"].strftime("%Y-%m-%d") if pd.notna(article["published"]) else "no date"
    details = " · ".join(html.escape(str(part)) for part in (article["outlet"], date, article.get("author"))
                         if part is not None and str(part) not in ("", "nan", "None"))
    url = str(article.get("url") or "").strip()
    link = (f' · <a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">original</a>'
            if url.lower().startswith(("http://", "https://")) else "")
    title = title_html if title_html is not None else html.escape(str(article["title"] or "(untitled)"))
    return (f'<h3 class="nv-title" style="margin-bottom:0">{title}</h3>'
            f'<div class="nv-byline" style="color:#666;margin-bottom:0.8em">{details}{link}</div>')


def legend_for(quotes: pd.DataFrame, colours: dict[str, str]) -> str:
    names = list(dict.fromkeys(str(name) for name in quotes["speaker"]))
    return legend_html([(name, speaker_colour(colours, name)) for name in names])


@dataclass(frozen=True)
class ReaderView:
    html: str
    drawn: frozenset[str]  # ids of the quotes with a visible highlight: what "N quotes highlighted" counts


def reader_html(article: pd.Series, text: str, quotes: pd.DataFrame, stances: pd.DataFrame,
                colours: dict[str, str], spans: dict[str, list] | None = None,
                focus: str | None = None) -> ReaderView:
    """The article with ``quotes`` highlighted; a first line that repeats the title becomes the heading."""
    marks = highlights_for(quotes, stances, colours, spans, focus)
    end = headline_end(text, article["title"])
    title_html, in_title = render_counted(text[:end], marks) if end else (None, set())
    body, in_body = article_html(text, marks, body_start=end)
    drawn = frozenset(in_title | in_body)
    legend = legend_for(quotes[quotes["quote_id"].astype(str).isin(drawn)], colours)
    return ReaderView(header_html(article, title_html) + legend + body, drawn)


def highlight_caption(drawn: int, shown: int, total: int, focus_outside: bool = False,
                      filters: list[str] = ()) -> str:
    """What the reader highlights: ``drawn`` (marks on screen) of ``shown`` (quotes asked for) of ``total``.

    ``filters`` are markdown-safe descriptions of the filters in use.
    """
    if shown >= total:
        line = f"{aggregate.plural(drawn, 'quote')} highlighted, one colour per speaker"
    else:
        line = f"{drawn:,} of {aggregate.plural(total, 'quote')} highlighted, one colour per speaker: the ones " \
               f"matching the filters ({'; '.join(filters)})"
    line += "; hover a quote for its speaker and the automatic stance estimate."
    if drawn < shown:
        line += f" {shown - drawn:,} more could not be placed in the text."
    if focus_outside:
        line += " The quote you opened is outlined, though it does not match the filters."
    return line


def find_words(text: str, words: str, near: int = 0) -> tuple[int, int] | None:
    """Where ``words`` (typed or pasted by a user fixing a quote's span) stand in ``text``: the occurrence
    closest to ``near`` (the old start), or None when the article does not contain them as typed."""
    words = words.strip()
    if not words:
        return None
    starts, position = [], text.find(words)
    while position != -1:
        starts.append(position)
        position = text.find(words, position + 1)
    if not starts:
        return None
    start = min(starts, key=lambda candidate: abs(candidate - near))
    return start, start + len(words)
