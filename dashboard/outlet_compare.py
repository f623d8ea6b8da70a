"""Outlets (or the groups, types and countries of outlets) side by side: who each lets speak.

Every function takes the filtered quote selection (session.Context.quotes) plus a per-quote grouping
column added by ``with_groups``, and returns small frames ready for a chart or a table.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

GROUPINGS = {"outlet": "Outlet", "outlet_group": "Your outlet group", "outlet_type": "Outlet type",
             "outlet_country": "Outlet country"}
NO_GROUP = "(no group)"
OTHER = "(other)"
ANONYMOUS_KIND = "anonymous"


def with_groups(quotes: pd.DataFrame, article_ids: np.ndarray, facts: pd.DataFrame, shared: np.ndarray,
                by: str) -> pd.DataFrame:
    """The selection with a ``group`` column (the outlet, or its group/type/country) and ``shared_copy``.

    ``article_ids`` and ``shared`` are per quote of the selection, in its order.
    """
    if by == "outlet":
        group = quotes["outlet"].astype(str).to_numpy()
    else:
        values = facts[by].reindex(article_ids).to_numpy(dtype=object)
        group = np.array([value if isinstance(value, str) and value else NO_GROUP for value in values], dtype=object)
    return quotes.assign(group=group, shared_copy=np.asarray(shared, dtype=bool))


def biggest_groups(frame: pd.DataFrame, limit: int = 6) -> list[str]:
    return [str(name) for name in frame["group"].value_counts().head(limit).index]


def shares_by(frame: pd.DataFrame, column: str, groups: list[str], categories: int = 8) -> pd.DataFrame:
    """Per group, the share of its quotes by ``column`` (affiliation, kind); rare values become "(other)"."""
    chosen = frame[frame["group"].isin(groups)]
    values = chosen[column].astype(str)
    top = set(values.value_counts().head(categories).index)
    values = values.where(values.isin(top), OTHER)
    counts = (pd.DataFrame({"group": chosen["group"].to_numpy(), column: values.to_numpy()})
              .value_counts().rename("quotes").reset_index())
    counts["share"] = counts["quotes"] / counts.groupby("group")["quotes"].transform("sum")
    return counts


def summary(frame: pd.DataFrame, groups: list[str], top: int = 5, everything: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per group: articles, quotes, anonymous share, share in shared copy, most quoted speakers.

    With "own reporting only", ``frame`` lacks the shared quotes: ``everything`` (the frame before) gives
    the share of the group's quotes that were in shared copy.
    """
    everything = frame if everything is None else everything
    rows = []
    for name in groups:
        own = frame[frame["group"] == name]
        before = everything[everything["group"] == name]
        speakers = own["speaker"].astype(str).value_counts().head(top)
        rows.append({
            "group": name,
            "articles": int(own["article_row"].nunique()),
            "quotes": len(own),
            "anonymous_share": float((own["kind"].astype(str) == ANONYMOUS_KIND).mean()) if len(own) else 0.0,
            "shared_copy_share": float(before["shared_copy"].mean()) if len(before) else 0.0,
            "top_speakers": ", ".join(f"{speaker} ({count})" for speaker, count in speakers.items()),
        })
    return pd.DataFrame(rows, columns=["group", "articles", "quotes", "anonymous_share", "shared_copy_share",
                                       "top_speakers"])


def top_speakers(frame: pd.DataFrame, groups: list[str], limit: int = 8) -> pd.DataFrame:
    """The most quoted speakers of each group, with their share of the group's quotes."""
    chosen = frame[frame["group"].isin(groups)]
    counts = (pd.DataFrame({"group": chosen["group"].to_numpy(), "speaker": chosen["speaker"].astype(str).to_numpy()})
              .value_counts().rename("quotes").reset_index())
    counts["share"] = counts["quotes"] / counts.groupby("group")["quotes"].transform("sum")
    return counts.sort_values(["group", "quotes"], ascending=[True, False]).groupby("group").head(limit) \
        .reset_index(drop=True)
