"""Reading the dataset folder for the app, cached per dataset version and corrections file."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq
import streamlit as st

from data_prep import corrections, schema, store
from dashboard import frame_cache
from dashboard.views import CATEGORY_COLUMNS, READ_COLUMNS, Views, build_views


def data_dir() -> Path:
    return store.default_data_dir()


def read_tables(directory: Path) -> dict:
    """The tables with only the columns the dashboard uses (article text stays on disk)."""
    store.recover(directory)
    with store.reading(directory):
        return {table: store.read_table(directory, table, columns=columns, arrow_lists=True,
                                        categories=CATEGORY_COLUMNS.get(table, ()))
                for table, columns in READ_COLUMNS.items()}


def load_views_uncached(directory: Path) -> Views:
    tables = read_tables(directory)
    fixes = corrections.load_corrections(directory)
    if fixes:
        tables = corrections.apply_corrections(tables, fixes)
    return build_views(tables, consume=True)


def prepare_views(directory: Path) -> None:
    """Build the dashboard's views of a fresh dataset now, so the first page open only reads them back."""
    directory = Path(directory)
    entry = frame_cache.entry_path(directory.resolve(), store.dataset_version(directory),
                                   corrections.corrections_stamp(directory))
    if frame_cache.read(entry) is None:
        frame_cache.write(entry, load_views_uncached(directory), directory)


# cache_resource hands every rerun the same frames instead of unpickling a copy (cache_data does):
# at a million quotes that copy alone would cost more than the whole rerun budget. Pages must treat
# the frames as read-only. The key carries the dataset version and the corrections file stamp, so a
# rebuild or a new correction shows up without restarting the app.
@st.cache_resource(show_spinner="Loading the dataset...", max_entries=2)
def _load_views(directory: str, version: str, corrections_stamp: str) -> Views:
    entry = frame_cache.entry_path(Path(directory), version, corrections_stamp)
    views = frame_cache.read(entry)
    if views is None:
        views = load_views_uncached(Path(directory))
        frame_cache.write(entry, views, Path(directory))
    return views


def load_views(directory: Path | None = None) -> Views:
    """The dataset's views; a damaged table gives the message naming it and empty views (pages still open)."""
    directory = Path(directory or data_dir())
    try:
        return _load_views(str(directory.resolve()), store.dataset_version(directory),
                           corrections.corrections_stamp(directory))
    except store.DamagedTable as error:
        st.error(str(error), icon=":material/broken_image:")
        return empty_views()


def damaged_table(directory: Path | None = None) -> str | None:
    """The message for the first table of the dataset that cannot be read, if any (cheap: file footers only)."""
    directory = Path(directory or data_dir())
    for table in schema.TABLES:
        path = store.table_path(directory, table)
        try:
            pq.read_metadata(path)
        except FileNotFoundError:
            continue
        except Exception as error:  # pyarrow raises several kinds for a cut-off or garbled file
            return str(store.DamagedTable(directory, table, str(error).splitlines()[0][:200]))
    return None


def writable(directory: Path | None = None) -> bool:
    return store.writable(Path(directory or data_dir()))


@st.cache_data(show_spinner=False, max_entries=64)
def article_text(directory: str, version: str, article_id: str) -> str | None:
    """One article's text, read from Parquet with a filter instead of loading every text."""
    path = store.table_path(Path(directory), schema.ARTICLES)
    if not path.is_file():
        return None
    table = pq.read_table(path, columns=["article_id", "text"],
                          filters=pc.field("article_id") == article_id)
    if table.num_rows == 0:
        return None
    return table.column("text")[0].as_py() or ""


@st.cache_data(show_spinner=False, max_entries=64)
def _spans(directory: str, version: str, article_id: str) -> dict[str, list]:
    path = store.table_path(Path(directory), schema.QUOTES)
    if not path.is_file():
        return {}
    table = pq.read_table(path, columns=["quote_id", "quote_spans"], filters=pc.field("article_id") == article_id)
    return dict(zip(table.column("quote_id").to_pylist(), table.column("quote_spans").to_pylist()))


def quote_spans(article_id: str, directory: Path | None = None) -> dict[str, list]:
    """Each quote's character spans in one article (a quote may be split around its cue)."""
    directory = Path(directory or data_dir())
    return _spans(str(directory.resolve()), store.dataset_version(directory), article_id)


def text_of(article_id: str, directory: Path | None = None) -> str | None:
    directory = Path(directory or data_dir())
    return article_text(str(directory.resolve()), store.dataset_version(directory), article_id)


def dataset_info(directory: Path | None = None) -> dict:
    directory = Path(directory or data_dir())
    try:
        return json.loads((directory / store.VERSION_FILE).read_text())
    except (OSError, ValueError):
        return {}


def has_data(directory: Path | None = None) -> bool:
    """Whether there is a dataset; a build caught between its two renames is waited for or undone first,
    so a swap in progress never reads as "no dataset"."""
    directory = Path(directory or data_dir())
    if store.has_dataset(directory):
        return True
    store.recover(directory)
    return store.has_dataset(directory)


def empty_views() -> Views:
    return build_views({table: schema.empty_frame(table) for table in schema.TABLES})

