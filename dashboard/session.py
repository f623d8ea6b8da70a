"""Streamlit glue shared by the router and the pages: sidebar filters, their URL sync, the selection.

Filter widgets live in the router (app.py), which runs on every page, so their values persist
across pages in session_state. The URL mirrors them, so a copied link reproduces the view.
"""
from __future__ import annotations

import datetime as dt
import runpy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from data_prep import corrections, schema, store
from dashboard import aggregate, charts, exports, links, loading
from dashboard.filters import Filters, active_filters, filter_stances, quote_mask
from dashboard.highlight import markdown_text
from dashboard.views import QUOTE_SELECTION, STANCE_SELECTION, Views

KEYS = {"speakers": "f_speakers", "affiliations": "f_affiliations", "outlets": "f_outlets",
        "date_from": "f_date_from", "date_to": "f_date_to", "targets": "f_targets", "stances": "f_stances",
        "min_confidence": "f_min_confidence", "quote_types": "f_quote_types", "text": "f_text"}
INITIALISED = "nv_filters_from_url"
ROUTER = Path(__file__).with_name("app.py")
SPEAKER_CHOICES = 1000
DATE_BOUNDS = {"min_value": dt.date(1900, 1, 1), "max_value": dt.date(2100, 12, 31)}  # archives, not just recent news
URL_WARNINGS = "nv_url_warnings"
MATCHES_LISTED = 8


@dataclass
class Context:
    directory: Path
    views: Views
    filters: Filters
    quotes: pd.DataFrame  # filtered: views.QUOTE_SELECTION columns, indexed by row in views.quotes
    stances: pd.DataFrame  # labels of those quotes passing the stance filters (STANCE_SELECTION columns)
    colours: dict[str, str]
    key: str = ""  # dataset folder, version and corrections stamp: what cached results depend on

    @property
    def has_data(self) -> bool:
        return not self.views.quotes.empty or not self.views.articles.empty


@st.cache_resource(show_spinner=False, max_entries=4)
def _options(_views: Views, views_key: str) -> dict[str, list]:
    quotes, stances = _views.quotes, _views.stances
    types = set(aggregate.by_frequency(quotes["quote_type"]))
    return {
        "speakers": list(_views.speaker_order),
        "affiliations": aggregate.by_frequency(quotes["affiliation"]),
        "outlets": sorted(aggregate.by_frequency(_views.articles["outlet"])),
        "targets": aggregate.by_frequency(stances["target"]),
        "stances": list(schema.STANCE_LABELS),
        "quote_types": [t for t in (*schema.QUOTE_TYPES, "unknown") if t in types] or list(schema.QUOTE_TYPES),
    }


def options(views: Views) -> dict[str, list]:
    """The choices of each sidebar filter, most frequent first (outlets alphabetical)."""
    return _options(views, _views_key(loading.data_dir()))


def _url_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def seed_from_url(views: Views) -> None:
    """Once per browser session: the link's filters become the widgets' starting values."""
    if st.session_state.get(INITIALISED):
        return
    st.session_state[INITIALISED] = True
    requested = links.filters_from_params(_url_params())
    choices = options(views)
    warnings = []
    for attribute in ("speakers", "affiliations", "outlets", "targets", "stances", "quote_types"):
        known, what = [], attribute.replace("_", " ")
        for value in getattr(requested, attribute):
            matches = links.name_matches(value, choices[attribute])
            if len(matches) == 1:
                known.append(matches[0])
            elif matches:
                shown = ", ".join(markdown_text(match) for match in matches[:MATCHES_LISTED])
                more = f" and {len(matches) - MATCHES_LISTED:,} more" if len(matches) > MATCHES_LISTED else ""
                warnings.append(f"The link asks for {what} “{markdown_text(value)}”, which matches several in "
                                f"this dataset: {shown}{more}. Choose one in the sidebar")
            else:
                warnings.append(f"The link asks for {what} not in this dataset: {markdown_text(value)}")
        st.session_state[KEYS[attribute]] = list(dict.fromkeys(known))
    st.session_state[KEYS["date_from"]] = requested.date_from
    st.session_state[KEYS["date_to"]] = requested.date_to
    st.session_state[KEYS["min_confidence"]] = requested.min_confidence
    st.session_state[KEYS["text"]] = requested.text
    st.session_state[URL_WARNINGS] = warnings


def reset_filters() -> None:
    for attribute, key in KEYS.items():
        st.session_state[key] = getattr(Filters(), attribute) if not isinstance(
            getattr(Filters(), attribute), tuple) else []


def current_filters() -> Filters:
    state = st.session_state
    values = {}
    for attribute, key in KEYS.items():
        value = state.get(key)
        default = getattr(Filters(), attribute)
        if isinstance(default, tuple):
            values[attribute] = tuple(value or ())
        elif value is None:
            values[attribute] = default
        else:
            values[attribute] = value
    values["text"] = (values["text"] or "").strip()
    values["min_confidence"] = float(values["min_confidence"] or 0.0)
    return Filters(**values)


def sidebar(views: Views) -> Filters:
    """The global filter widgets; returns the filters they set."""
    choices = options(views)
    bar = st.sidebar
    bar.text_input("Search quotes", key=KEYS["text"], placeholder="words in the quote or speaker name")
    speakers = choices["speakers"]
    if len(speakers) > SPEAKER_CHOICES:
        bar.text_input("Find speakers", key="f_find_speaker", placeholder=f"{len(speakers):,} speakers: type a name",
                       help=f"The list below holds the {SPEAKER_CHOICES:,} most quoted speakers, or the ones whose "
                            "name contains these letters.")
        speakers = aggregate.names_matching(speakers, st.session_state.get("f_find_speaker", ""), SPEAKER_CHOICES,
                                            keep=tuple(st.session_state.get(KEYS["speakers"]) or ()))
    bar.multiselect("Speakers", speakers, key=KEYS["speakers"], placeholder="all speakers")
    bar.multiselect("Affiliation", choices["affiliations"], key=KEYS["affiliations"],
                    placeholder="all affiliations")
    bar.multiselect("Outlet", choices["outlets"], key=KEYS["outlets"], placeholder="all outlets")
    # One per row: side by side, the sidebar cuts a chosen date to "2025-01-0".
    bar.date_input("Published from", key=KEYS["date_from"], format="YYYY-MM-DD", **DATE_BOUNDS)
    bar.date_input("Published to", key=KEYS["date_to"], format="YYYY-MM-DD", **DATE_BOUNDS)
    bar.multiselect("Quote type", choices["quote_types"], key=KEYS["quote_types"], placeholder="all types")
    bar.markdown("**Stance** (automatic estimates)")
    bar.multiselect("Stance target", choices["targets"], key=KEYS["targets"], placeholder="any target")
    bar.multiselect("Stance label", choices["stances"], key=KEYS["stances"], placeholder="any label")
    bar.slider("Minimum confidence", 0.0, 1.0, step=0.05, key=KEYS["min_confidence"],
               help="Stance labels below this confidence are hidden everywhere. With a target or label "
                    "chosen, quotes need a matching label at or above it.")
    bar.button("Reset filters", on_click=reset_filters, width="stretch")
    # Above the page, not under the filters: the view shows more than the link asked for, and must say so.
    for warning in st.session_state.pop(URL_WARNINGS, []):
        st.warning(f"{warning}. They are left out, so this view is wider than the link.",
                   icon=":material/link_off:")
    return current_filters()


def sync_url(filters: Filters, page: str) -> None:
    """Make the URL show the filters (and keep only this page's own parameters)."""
    wanted = links.filters_to_params(filters)
    keep = links.params_to_keep(page)
    for key in list(st.query_params.keys()):
        if key not in keep or (key in links.FILTER_PARAMS and key not in wanted):
            del st.query_params[key]
    for key, value in wanted.items():
        current = st.query_params.get_all(key)
        expected = value if isinstance(value, list) else [value]
        if current != expected:
            st.query_params[key] = value


@st.cache_resource(show_spinner=False, max_entries=32)
def _selection(_views: Views, views_key: str, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    kept = quote_mask(_views.quotes, _views.stances, filters)
    quotes = _views.quotes.loc[kept, QUOTE_SELECTION]
    stances = filter_stances(_views.stances, kept, filters)
    return quotes, stances[STANCE_SELECTION]


def _views_key(directory: Path) -> str:
    return f"{directory.resolve()}|{store.dataset_version(directory)}|{corrections.corrections_stamp(directory)}"


def views(directory: Path | None = None) -> Views:
    directory = directory or loading.data_dir()
    return loading.load_views(directory) if loading.has_data(directory) else loading.empty_views()


def context(filters: Filters | None = None) -> Context:
    directory = loading.data_dir()
    views_ = views(directory)
    filters = filters if filters is not None else current_filters()
    key = _views_key(directory)
    quotes, stances = _selection(views_, key, filters)
    return Context(directory=directory, views=views_, filters=filters, quotes=quotes, stances=stances,
                   colours=_colours(views_, key), key=key)


@st.cache_resource(show_spinner=False, max_entries=4)
def _colours(_views: Views, views_key: str) -> dict[str, str]:
    return charts.speaker_colours(_views.speaker_order)


@st.cache_resource(show_spinner=False, max_entries=256)
def _derived(name: str, views_key: str, filters: Filters, extra: tuple, _compute: Callable):
    return _compute()


def derived(ctx: Context, name: str, compute: Callable, *extra):
    """``compute()`` once per dataset, filters and ``extra``: a rerun that changes nothing else
    (selecting a row, opening an expander) reuses aggregates instead of redoing them."""
    return _derived(name, ctx.key, ctx.filters, extra, compute)


def open_page(title: str, require_data: bool = True) -> Context:
    """Every page's start: through the router, its context, its title; with no dataset, a hint and stop."""
    ensure_router()
    ctx = context()
    st.title(title)
    if require_data and not ctx.has_data:
        no_data_message()
        st.stop()
    return ctx


def no_data_message() -> None:
    st.info("No dataset yet. Add articles on the **Data** page, or build one from the command line with "
            "`newsvoices prep`, then point the app at it with the `NEWSVOICES_DATA` setting.")


def empty_selection_message(ctx: Context, what: str = "quotes", total: str = "") -> None:
    """Why nothing is shown: the filters in use, and what to change (``what`` is markdown-safe).

    ``total`` is what the dataset holds ("3 articles"); quotes by default.
    """
    active = active_filters(ctx.filters)
    in_dataset = f"{total or aggregate.plural(len(ctx.views.quotes), 'quote')} in the dataset"
    if not active:
        st.info(f"No {what} here ({in_dataset}).")
        return
    used = "; ".join(markdown_text(description) for description, _ in active)
    remedies = ", ".join(remedy for _, remedy in active)
    st.info(f"No {what} match the current filters ({in_dataset}). Filters in use: {used}.  \n"
            f"To see more, {remedies}, or press **Reset filters** in the sidebar.")


def ensure_router(page_script: bool = True) -> None:
    """Run through the router even when Streamlit starts a page script directly.

    Streamlit treats a ``pages/`` folder beside the main script as the old folder-based multipage
    app until some run calls ``st.navigation`` (and AppTest resets that on every run): a first
    request for ``/quotes`` then runs pages/quotes.py on its own, without the router's filters.
    A page that finds itself in that mode runs the router instead, which runs the page with its
    filters, and stops; doing it in the same run keeps a pending button click.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        if page_script:
            runpy.run_path(str(ROUTER), run_name="__main__")
            st.stop()


def quote_columns() -> dict:
    """Column widths and headings of the quote tables: at 1400 px the quote, its stance, the outlet and
    the "corrected" mark stay in view (see table.SCREEN_COLUMNS)."""
    return {"speaker": st.column_config.TextColumn("speaker", width=130),
            "quote": st.column_config.TextColumn("quote", width=330),
            "stance": st.column_config.TextColumn("stance (automatic)", width=190,
                                                  help="label target (confidence), one per target"),
            "outlet": st.column_config.TextColumn("outlet", width=120),
            "corrected": st.column_config.TextColumn("corrected", width=80, help="fixed by hand"),
            "type": st.column_config.TextColumn("type", width=70),
            "date": st.column_config.TextColumn("date", width=90)}


def timeline(ctx: Context, frame: pd.DataFrame, name: str, title: str, noun: str = "quotes", by: str | None = None,
             key: tuple = (), subject: str = "") -> None:
    """Counts of ``frame``'s rows over time, or a sentence saying why there is no chart.

    ``title`` may contain ``{period}``. The counts are computed once per dataset, filters, ``name``
    and ``key`` (what else selects ``frame``, such as a speaker).
    """
    def compute():
        plan = aggregate.timeline_plan(frame["published"], noun)
        if not plan.chart:
            return plan, None
        counts = aggregate.over_time(frame, plan.period, by=by, value=noun.split()[-1])
        if by:
            counts[by] = counts[by].astype(str)
        return plan, counts

    plan, counts = derived(ctx, f"timeline-{name}", compute, *key)
    if counts is None:
        st.markdown(f"**{markdown_text(title.replace(' per {period}', ' over time'))}**")
        st.caption(plan.note)
        return
    chart(ctx, charts.over_time(counts, plan.period, value=noun.split()[-1], by=by,
                                title=title.replace("{period}", plan.period)), name, note=plan.note, subject=subject)


def chart(ctx: Context, figure, name: str, note: str = "", stretch: bool = True, subject: str = "",
          title: str = "") -> None:
    """An Altair chart with PNG and SVG downloads made for slides and papers (see exports.py).

    ``subject`` (e.g. the speaker a page is about) and the filters in use go into the exported file's
    caption; ``title`` is the file's title when the chart has none on screen. The files are rendered on
    the server with vl-convert, only when a button is pressed; without vl-convert the buttons are left out.
    """
    st.altair_chart(figure, width="stretch" if stretch else "content")
    if note:
        st.caption(note)
    try:
        import vl_convert  # noqa: F401  (only whether it is installed)
    except ImportError:
        return
    spec = exports.spec_of(figure)
    lines = exports.caption_lines([description for description, _ in active_filters(ctx.filters)], subject)
    with st.container(horizontal=True):
        for kind, mime, render in (("PNG", "image/png", exports.chart_png), ("SVG", "image/svg+xml", exports.chart_svg)):
            st.download_button(kind, lambda render=render: render(spec, lines, title), mime=mime,
                               file_name=f"newsvoices-{name}.{kind.lower()}", type="tertiary",
                               icon=":material/download:", key=f"{kind.lower()}-{name}",
                               help=f"Download this chart as {kind}, with its title and the filters in use")
