"""Joined, typed frames the pages work on, built once per dataset version from the raw tables."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from data_prep import schema
from data_prep.corrections import CORRECTED_COLUMN

UNKNOWN_SPEAKER = "(unknown speaker)"
NO_AFFILIATION = "(none)"
UNKNOWN_OUTLET = "(unknown outlet)"

QUOTE_COLUMNS = ["quote_id", "article_id", "quote_text", "quote_start", "quote_end", "quote_spans",
                 "quote_type", "speaker_text", "actor_id", CORRECTED_COLUMN]
ARTICLE_COLUMNS = ["article_id", "title", "outlet", "url", "published", "author", "source", "n_words"]


@dataclass
class Views:
    quotes: pd.DataFrame  # one row per quote, with speaker, affiliation, kind, outlet, published
    stances: pd.DataFrame  # one row per stance, with the quote's columns and its row in ``quotes``
    actors: pd.DataFrame
    articles: pd.DataFrame  # without text: the reader loads one article's text on demand
    mentions: pd.DataFrame
    ingest_log: pd.DataFrame
    speaker_order: list[str] = field(default_factory=list)  # most quoted first: fixes speaker colours

    @property
    def speakers(self) -> list[str]:
        return sorted(self.quotes["speaker"].dropna().unique().tolist())


def _categorical(values: pd.Series) -> pd.Series:
    return values.astype("category")


def _with_corrected(frame: pd.DataFrame) -> pd.DataFrame:
    if CORRECTED_COLUMN not in frame.columns:
        frame = frame.assign(**{CORRECTED_COLUMN: False})
    return frame


def build_quote_view(quotes: pd.DataFrame, actors: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    quotes = _with_corrected(quotes)[QUOTE_COLUMNS]
    people = actors[["actor_id", "name", "kind", "role", "affiliation"]].drop_duplicates("actor_id")
    sources = articles[["article_id", "title", "outlet", "published"]].drop_duplicates("article_id")
    view = quotes.merge(people, on="actor_id", how="left").merge(sources, on="article_id", how="left")
    speaker = view["name"].where(view["name"].notna() & (view["name"] != ""), view["speaker_text"])
    view["speaker"] = _categorical(speaker.fillna(UNKNOWN_SPEAKER).replace("", UNKNOWN_SPEAKER))
    view["affiliation"] = _categorical(view["affiliation"].fillna(NO_AFFILIATION).replace("", NO_AFFILIATION))
    view["kind"] = _categorical(view["kind"].fillna("unknown"))
    view["role"] = _categorical(view["role"].fillna(""))
    view["outlet"] = _categorical(view["outlet"].fillna(UNKNOWN_OUTLET))
    view["quote_type"] = _categorical(view["quote_type"].fillna("unknown"))
    view["published"] = pd.to_datetime(view["published"])
    view[CORRECTED_COLUMN] = view[CORRECTED_COLUMN].fillna(False).astype(bool)
    # Newest first, in reading order within an article: tables show their head without sorting.
    view = view.sort_values(["published", "article_id", "quote_start"], ascending=[False, True, True],
                            na_position="last", kind="stable").reset_index(drop=True)
    return view.drop(columns=["name"])


def build_stance_view(stances: pd.DataFrame, quote_view: pd.DataFrame) -> pd.DataFrame:
    stances = _with_corrected(stances)
    context = quote_view[["quote_id", "article_id", "actor_id", "speaker", "affiliation", "kind", "outlet",
                          "published", "quote_type"]]
    context = context.assign(quote_row=np.arange(len(quote_view), dtype="int64"))
    view = stances.merge(context, on="quote_id", how="inner")
    view["target"] = _categorical(view["target"].fillna("(no target)"))
    view["label"] = pd.Categorical(view["label"], categories=list(schema.STANCE_LABELS))
    view["confidence"] = view["confidence"].astype("float64").fillna(0.0)
    view["evidence"] = view["evidence"].fillna("")
    view[CORRECTED_COLUMN] = view[CORRECTED_COLUMN].fillna(False).astype(bool)
    return view


def build_views(tables: dict[str, pd.DataFrame]) -> Views:
    """``tables`` as read by ``store.read_dataset`` (corrections already applied, if any)."""
    articles = tables[schema.ARTICLES]
    articles = articles[[c for c in ARTICLE_COLUMNS if c in articles.columns]].copy()
    articles["outlet"] = _categorical(articles["outlet"].fillna(UNKNOWN_OUTLET))
    articles["published"] = pd.to_datetime(articles["published"])
    quotes = build_quote_view(tables[schema.QUOTES], tables[schema.ACTORS], articles)
    stances = build_stance_view(tables[schema.STANCES], quotes)
    mentions = tables[schema.MENTIONS][["article_id", "actor_id"]]
    order = quotes["speaker"].value_counts(sort=True)
    return Views(quotes=quotes, stances=stances, actors=tables[schema.ACTORS], articles=articles,
                 mentions=mentions, ingest_log=tables[schema.INGEST_LOG],
                 speaker_order=[str(name) for name in order.index if order[name] > 0])
