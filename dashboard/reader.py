"""The article reader's content: header, highlighted text and speaker legend, all escaped HTML."""
from __future__ import annotations

import html

import pandas as pd

from dashboard import aggregate
from dashboard.charts import speaker_colour
from dashboard.highlight import Highlight, article_html, legend_html


def highlights_for(quotes: pd.DataFrame, stances: pd.DataFrame, colours: dict[str, str],
                   spans: dict[str, list] | None = None) -> list[Highlight]:
    """One highlight per quote span, coloured by speaker; the hover text names speaker and stance.

    ``spans`` maps quote ids to their character spans; a quote without spans is highlighted from
    its start to its end.
    """
    spans = spans or {}
    summary = aggregate.stance_summary(stances[stances["quote_row"].isin(quotes.index)])
    result = []
    for quote in quotes.itertuples():
        stance = summary.get(quote.Index, "no stance label")
        title = f"{quote.speaker}{' (speaker corrected)' if quote.corrected else ''} | {quote.quote_type} quote | " \
                f"stance (automatic): {stance}"
        for start, end in spans.get(quote.quote_id) or [(quote.quote_start, quote.quote_end)]:
            if start is None or end is None:
                continue
            result.append(Highlight(int(start), int(end), speaker_colour(colours, str(quote.speaker)), title,
                                    str(quote.quote_id)))
    return result


def header_html(article: pd.Series) -> str:
    date = article["published"].strftime("%Y-%m-%d") if pd.notna(article["published"]) else "no date"
    details = " · ".join(html.escape(str(part)) for part in (article["outlet"], date, article.get("author"))
                         if part is not None and str(part) not in ("", "nan", "None"))
    url = str(article.get("url") or "")
    link = (f' · <a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">original</a>'
            if url.startswith(("http://", "https://")) else "")
    return (f'<h3 class="nv-title" style="margin-bottom:0">{html.escape(str(article["title"] or "(untitled)"))}</h3>'
            f'<div class="nv-byline" style="color:#666;margin-bottom:0.8em">{details}{link}</div>')


def legend_for(quotes: pd.DataFrame, colours: dict[str, str]) -> str:
    names = list(dict.fromkeys(str(name) for name in quotes["speaker"]))
    return legend_html([(name, speaker_colour(colours, name)) for name in names])


def reader_html(article: pd.Series, text: str, quotes: pd.DataFrame, stances: pd.DataFrame,
                colours: dict[str, str], spans: dict[str, list] | None = None) -> str:
    return (header_html(article) + legend_for(quotes, colours)
            + article_html(text, highlights_for(quotes, stances, colours, spans)))
