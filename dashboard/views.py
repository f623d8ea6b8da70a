"""Joined, typed frames the pages work on, built once per dataset version from the raw tables.

Joins go through integer positions (``Index.get_indexer``) and repeated text becomes categorical.
A filter selects only the light columns (``QUOTE_SELECTION``, ``STANCE_SELECTION``: codes, numbers,
dates) and keeps the row numbers as index; text such as the quote itself is taken from the full
frame for the few rows on screen. Copying a million strings per filter change would cost a second.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from data_prep import schema
from data_prep.corrections import CORRECTED_COLUMN, CORRECTED_FIELDS_COLUMN

UNKNOWN_SPEAKER = "(unknown speaker)"
NO_AFFILIATION = "(no affiliation found)"
UNKNOWN_OUTLET = "(unknown outlet)"

# Columns the dashboard reads: everything else (article text above all) stays on disk.
READ_COLUMNS = {
    schema.ARTICLES: ["article_id", "title", "outlet", "url", "published", "author", "source", "n_words"],
    schema.QUOTES: ["quote_id", "article_id", "quote_text", "quote_start", "quote_end", "quote_type",
                    "speaker_text", "actor_id", "co_speaker_ids"],
    schema.ACTORS: schema.columns(schema.ACTORS),
    schema.MENTIONS: ["article_id", "actor_id"],
    schema.STANCES: ["quote_id", "target", "target_kind", "label", "confidence", "evidence", "backend"],
    schema.INGEST_LOG: schema.columns(schema.INGEST_LOG),
}
# Read as categoricals (the views keep them so): millions of mention rows of a few thousand actors.
CATEGORY_COLUMNS = {schema.MENTIONS: ["article_id", "actor_id"]}


QUOTE_SELECTION = ["article_row", "actor_id", "speaker", "affiliation", "kind", "role", "outlet", "published",
                   "quote_type", CORRECTED_COLUMN]
STANCE_SELECTION = ["quote_row", "target", "label", "confidence", CORRECTED_COLUMN, "article_row", "actor_id",
                    "speaker", "affiliation", "kind", "outlet", "published", "quote_type"]


@dataclass
class Views:
    quotes: pd.DataFrame  # one row per quote, newest first, with speaker, affiliation, kind, outlet, published
    stances: pd.DataFrame  # one row per stance, with the quote's columns and its row in ``quotes``
    actors: pd.DataFrame
    articles: pd.DataFrame  # without text: the reader loads one article's text on demand
    mentions: pd.DataFrame
    ingest_log: pd.DataFrame
    # One row per further speaker of a joint quote ("Witkoff and Kushner said"): its row in ``quotes`` and
    # that speaker's actor; aggregate.speaker_credits adds them where quotes are counted per speaker.
    joint: pd.DataFrame = field(default_factory=lambda: empty_joint_view())
    speaker_order: list[str] = field(default_factory=list)  # most quoted first: fixes speaker colours

    @property
    def speakers(self) -> list[str]:
        return sorted(self.speaker_order)

    def quote_rows(self, selection: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
        """Full-frame ``columns`` (e.g. the quote text) for the rows of a selection."""
        return self.quotes.loc[selection.index, columns]


def _arrow(values: pd.Series) -> pa.Array | pa.ChunkedArray:
    arrow = pa.array(values)
    return pc.cast(arrow, arrow.type.value_type) if pa.types.is_dictionary(arrow.type) else arrow


def _positions(keys: pd.Series, index_values: pd.Series) -> np.ndarray:
    """Row of each key in ``index_values`` (-1 when absent); ``index_values`` must be unique. Looked up
    in Arrow: a pandas index would make a Python string of every key (a million quotes' ids at scale)."""
    keys_arrow, values_arrow = _arrow(keys), _arrow(index_values)
    if pa.types.is_null(keys_arrow.type) or pa.types.is_null(values_arrow.type):
        return np.full(len(keys_arrow), -1, dtype=np.intp)
    found = pc.fill_null(pc.index_in(keys_arrow, value_set=values_arrow), -1)
    return np.asarray(found.to_numpy(), dtype=np.intp)


def _take(values: pd.Series, positions: np.ndarray, missing) -> pd.Series:
    """``values`` at ``positions`` as a categorical; -1 positions get ``missing``."""
    codes_source = values.astype("category")
    categories = codes_source.cat.categories
    codes = codes_source.cat.codes.to_numpy()
    taken = np.where(positions >= 0, codes[np.clip(positions, 0, None)] if len(codes) else -1, -1)
    result = pd.Categorical.from_codes(taken, categories=categories)
    if missing is not None:
        if missing not in result.categories:
            result = result.add_categories([missing])
        result = result.fillna(missing)
    return pd.Series(result)


def _flags(frame: pd.DataFrame) -> np.ndarray:
    if CORRECTED_COLUMN not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    return np.asarray(frame[CORRECTED_COLUMN].fillna(False), dtype=bool)


def _clean_categorical(values: pd.Series, missing: str) -> pd.Series:
    values = values.astype("category")
    if "" in values.cat.categories:
        values = values.cat.remove_categories([""])
    if missing not in values.cat.categories:
        values = values.cat.add_categories([missing])
    return values.fillna(missing)


def _in_order(frame: pd.DataFrame, order: np.ndarray, owned: bool) -> pd.DataFrame:
    """``frame``'s rows in ``order``, a column at a time: an ``owned`` frame gives up each column once it
    is taken, so that only one column is held twice (not the whole table)."""
    return pd.DataFrame({name: _taken(frame, name, order, owned) for name in list(frame.columns)})


def _taken(frame: pd.DataFrame, name: str, order: np.ndarray, owned: bool) -> pd.Series:
    """Column ``name`` at ``order`` (taken out of an ``owned`` frame). Arrow's take on a column of many row
    groups first joins them into one array, so a text column was held three times at once (row groups,
    joined copy, result); an owned text column is joined first and its row groups let go: twice at most."""
    if not owned:
        return frame[name].take(order).reset_index(drop=True)
    values = frame.pop(name)
    if not (isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow"):
        return values.take(order).reset_index(drop=True)
    dtype, arrow = values.dtype, pa.array(values)
    del values  # nothing else holds the row groups now: they go once the joined copy is made
    if isinstance(arrow, pa.ChunkedArray):
        arrow = arrow.combine_chunks()
    return pd.Series(dtype.__from_arrow__(arrow.take(pa.array(order))))


def build_quote_view(quotes: pd.DataFrame, actors: pd.DataFrame, articles: pd.DataFrame,
                     owned: bool = False) -> pd.DataFrame:
    """``owned``: ``quotes`` is the caller's to give up (its columns are removed as they are used)."""
    actors = actors.drop_duplicates("actor_id")
    articles = articles.drop_duplicates("article_id")
    by_article = _positions(quotes["article_id"], articles["article_id"])
    published = np.append(pd.to_datetime(articles["published"]).to_numpy(dtype="datetime64[ns]"),
                          np.datetime64("NaT", "ns"))[by_article]  # -1 picks the NaT appended at the end
    # Newest first, in reading order within an article: tables show their head without sorting. The
    # order is found first and the quotes taken in it once, so no column is copied a second time.
    # An undated article sorts after every dated one (negating int64's minimum would overflow to itself).
    newest_first = np.where(np.isnat(published), np.iinfo("int64").max, -published.astype("int64"))
    order = np.lexsort((quotes["quote_start"].fillna(0).to_numpy(), by_article, newest_first))
    quotes = _in_order(quotes, order, owned)
    by_article, published = by_article[order], published[order]
    by_actor = _positions(quotes["actor_id"], actors["actor_id"])
    view = pd.DataFrame({
        "quote_id": quotes["quote_id"],
        "article_id": quotes["article_id"],
        "article_row": by_article.astype("int64"),
        "quote_text": quotes["quote_text"].fillna(""),
        "quote_start": quotes["quote_start"],
        "quote_end": quotes["quote_end"],
        "actor_id": quotes["actor_id"].astype("category"),
    })
    # A speaker phrase the actor stage found no actor for ("he", "the discussions", a place) is not a
    # speaker to count or chart: it stays in the quote's speaker_text, never in the speaker column.
    view["speaker"] = _clean_categorical(_take(actors["name"], by_actor, UNKNOWN_SPEAKER), UNKNOWN_SPEAKER)
    view["affiliation"] = _clean_categorical(_take(actors["affiliation"], by_actor, NO_AFFILIATION), NO_AFFILIATION)
    view["kind"] = _take(actors["kind"], by_actor, "unknown")
    view["role"] = _take(actors["role"], by_actor, "")
    view["title"] = _take(articles["title"], by_article, "")
    view["outlet"] = _clean_categorical(_take(articles["outlet"], by_article, UNKNOWN_OUTLET), UNKNOWN_OUTLET)
    view["published"] = published
    view["quote_type"] = _clean_categorical(quotes["quote_type"], "unknown")
    view["speaker_text"] = quotes["speaker_text"]
    view[CORRECTED_COLUMN] = _flags(quotes)
    view[CORRECTED_FIELDS_COLUMN] = (quotes[CORRECTED_FIELDS_COLUMN].fillna("") if CORRECTED_FIELDS_COLUMN in quotes
                                     else pd.Series("", index=quotes.index)).astype("category")
    if "co_speaker_ids" in quotes.columns:
        view["co_speaker_ids"] = quotes["co_speaker_ids"]  # taken out again by build_views
    return view


def build_stance_view(stances: pd.DataFrame, quote_view: pd.DataFrame) -> pd.DataFrame:
    rows = _positions(stances["quote_id"], quote_view["quote_id"])
    found = rows >= 0
    stances = stances[found].reset_index(drop=True)
    rows = rows[found]
    view = pd.DataFrame({
        "quote_id": stances["quote_id"],
        "target": _clean_categorical(stances["target"], "(no target)"),
        "target_kind": stances["target_kind"].astype("category"),
        "label": pd.Categorical(stances["label"], categories=list(schema.STANCE_LABELS)),
        "confidence": stances["confidence"].astype("float64").fillna(0.0),
        "evidence": stances["evidence"].fillna(""),
        "backend": stances["backend"].astype("category"),
        CORRECTED_COLUMN: _flags(stances),
        "quote_row": rows.astype("int64"),
    })
    for column in ("article_row", "actor_id", "speaker", "affiliation", "kind", "outlet", "published", "quote_type"):
        values = quote_view[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            view[column] = pd.Categorical.from_codes(values.cat.codes.to_numpy()[rows], dtype=values.dtype)
        else:
            view[column] = values.to_numpy()[rows]
    return view


JOINT_COLUMNS = ["quote_row", "actor_id", "speaker", "affiliation", "kind", "role"]


def empty_joint_view() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype="int64" if name == "quote_row" else "category")
                         for name in JOINT_COLUMNS})


def _arrow_lists(values: pd.Series) -> pa.Array:
    """A column of id lists as one Arrow list array: no Python object per quote (a million at scale)."""
    if isinstance(values.dtype, pd.ArrowDtype):
        lists = pa.array(values)
    else:
        lists = pa.array(values.to_numpy(), type=pa.list_(pa.string()), from_pandas=True)
    return lists.combine_chunks() if isinstance(lists, pa.ChunkedArray) else lists


def build_joint_view(co_speaker_ids: pd.Series | None, quote_view: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """The further speakers of joint quotes, one row each. A quote whose speaker the user corrected counts
    only for the speaker the correction names."""
    if co_speaker_ids is None:
        return empty_joint_view()
    lists = _arrow_lists(co_speaker_ids)
    rows = pc.list_parent_indices(lists).to_numpy().astype("int64")
    ids = pc.list_flatten(lists).to_numpy(zero_copy_only=False)
    further = ~quote_view[CORRECTED_COLUMN].to_numpy()[rows]
    rows, ids = rows[further], ids[further]
    if not len(rows):
        return empty_joint_view()
    actors = actors.drop_duplicates("actor_id")
    by_actor = _positions(pd.Series(ids, dtype=object), actors["actor_id"])
    known = by_actor >= 0
    by_actor = by_actor[known]
    return pd.DataFrame({
        "quote_row": rows[known],
        "actor_id": pd.Categorical(ids[known]),
        "speaker": _take(actors["name"], by_actor, UNKNOWN_SPEAKER),
        "affiliation": _clean_categorical(_take(actors["affiliation"], by_actor, NO_AFFILIATION), NO_AFFILIATION),
        "kind": _take(actors["kind"], by_actor, "unknown"),
        "role": _take(actors["role"], by_actor, ""),
    })


def build_views(tables: dict[str, pd.DataFrame], consume: bool = False) -> Views:
    """``tables`` as read by ``store.read_dataset`` (corrections already applied, if any). With ``consume``
    each table is taken out of ``tables`` as its view is built, so that its memory can go then."""
    table = tables.pop if consume else tables.__getitem__
    # Millions of rows at scale, of a few thousand actors: codes, not a string per row. Made first, so the
    # strings are gone before the quotes are put in order (the step's largest moment).
    mentions = table(schema.MENTIONS)[["article_id", "actor_id"]].astype("category")
    articles = table(schema.ARTICLES)
    articles = articles[[c for c in READ_COLUMNS[schema.ARTICLES] if c in articles.columns]].copy()
    articles["outlet"] = _clean_categorical(articles["outlet"], UNKNOWN_OUTLET)
    articles["published"] = pd.to_datetime(articles["published"])
    # Newest first once here, and row numbers that quotes.article_row points at.
    articles = (articles.drop_duplicates("article_id")
                .sort_values(["published", "title"], ascending=[False, True], na_position="last", kind="stable")
                .reset_index(drop=True))
    quotes = build_quote_view(table(schema.QUOTES), tables[schema.ACTORS], articles, owned=consume)
    joint = build_joint_view(quotes.pop("co_speaker_ids") if "co_speaker_ids" in quotes.columns else None,
                             quotes, tables[schema.ACTORS])
    stances = build_stance_view(table(schema.STANCES), quotes)
    order = quotes["speaker"].value_counts(sort=True) if joint.empty else \
        pd.concat([quotes["speaker"].astype(str), joint["speaker"].astype(str)]).value_counts(sort=True)
    return Views(quotes=quotes, stances=stances, actors=tables[schema.ACTORS], articles=articles,
                 mentions=mentions, ingest_log=table(schema.INGEST_LOG), joint=joint,
                 speaker_order=[str(name) for name, count in order.items() if count > 0])
