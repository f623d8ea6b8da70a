"""Altair charts over frames that are already aggregated (see aggregate.py): never raw rows.

Stance labels and speakers keep one colour each across every chart and the article reader.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard import aggregate
from data_prep import schema

STANCE_COLOURS = {"favor": "#2e7d32", "against": "#c62828", "neutral": "#9e9e9e", "unclear": "#d9d9d9"}
SPEAKER_PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
                   "#9c755f", "#bab0ac", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                   "#e377c2", "#17becf", "#bcbd22", "#7f7f7f")
OTHER_SPEAKER_COLOUR = "#c7c7c7"
CHART_HEIGHT = 320
# Streamlit sizes charts to their content and ignores a fixed height when an axis is discrete:
# such charts give each row a step instead.
ROW_STEP = alt.Step(24)
LABEL_AXIS = alt.Axis(labelLimit=220)
# With few periods a band fills the chart width: one or two bars would be hundreds of pixels wide.
NARROW_BAR_PERIODS = 16
NARROW_BAR_WIDTH = 28
MAX_COUNT_TICKS = 5
_LABEL_ORDER = {label: i for i, label in enumerate(schema.STANCE_LABELS)}


def count_axis(largest, title: str | None = None) -> alt.Axis:
    """Whole-number ticks for a count axis: with small counts Vega would also tick 0.5 and 1.5 (shown as
    "1" and "2" once formatted), so the number of ticks never exceeds the largest count."""
    ticks = max(1, min(int(largest or 1), MAX_COUNT_TICKS))
    return alt.Axis(tickMinStep=1, format="d", tickCount=ticks, **({"title": title} if title else {}))


def speaker_colours(speaker_order: list[str]) -> dict[str, str]:
    """The most quoted speakers of the dataset get the palette, in order; everyone else is grey."""
    return {name: SPEAKER_PALETTE[i] for i, name in enumerate(speaker_order[:len(SPEAKER_PALETTE)])}


def speaker_colour(colours: dict[str, str], speaker: str) -> str:
    return colours.get(speaker, OTHER_SPEAKER_COLOUR)


def speaker_scale(colours: dict[str, str], speakers) -> alt.Scale:
    names = [str(s) for s in dict.fromkeys(speakers)]
    return alt.Scale(domain=names, range=[speaker_colour(colours, name) for name in names])


def stance_scale(labels=schema.STANCE_LABELS) -> alt.Scale:
    labels = list(labels)
    return alt.Scale(domain=labels, range=[STANCE_COLOURS[label] for label in labels])


def over_time(frame: pd.DataFrame, period: str, value: str = "quotes", by: str | None = None,
              colours: dict[str, str] | None = None, title: str = "") -> alt.Chart:
    """Bars per day/week/month (``frame`` from aggregate.over_time), every period on the axis."""
    periods = aggregate.all_period_labels(frame["period"], period)
    if by == "label":
        frame = frame.assign(label_order=frame["label"].map(_LABEL_ORDER).astype("float64"))
    x_title = {"week": "Week starting", "month": "Month", "day": "Day"}[period]
    bar = alt.MarkDef(type="bar", size=NARROW_BAR_WIDTH) if len(periods) <= NARROW_BAR_PERIODS else "bar"
    base = alt.Chart(frame, title=title, mark=bar).encode(
        x=alt.X("period_label:O", title=x_title, sort=periods, scale=alt.Scale(domain=periods),
                axis=alt.Axis(labelAngle=-45, labelOverlap=True)),
        y=alt.Y(f"{value}:Q", title=value.capitalize(), stack=True,
                axis=count_axis(frame.groupby("period_label")[value].sum().max())),
        tooltip=[alt.Tooltip("period_label:O", title=x_title), *([by] if by else []), alt.Tooltip(f"{value}:Q")])
    if by == "label":
        base = base.encode(color=alt.Color("label:N", scale=stance_scale(), title="Stance"),
                           order=alt.Order("label_order:Q"))
    elif by == "speaker" and colours is not None:
        base = base.encode(color=alt.Color("speaker:N", scale=speaker_scale(colours, frame["speaker"]),
                                           title="Speaker"))
    elif by:
        base = base.encode(color=alt.Color(f"{by}:N"))
    return base.properties(height=CHART_HEIGHT)


def ranked_bars(frame: pd.DataFrame, category: str, value: str = "quotes", colours: dict[str, str] | None = None,
                title: str = "", tooltip: list[str] | None = None) -> alt.Chart:
    encoding = {
        "x": alt.X(f"{value}:Q", title=value.replace("_", " ").capitalize(), axis=count_axis(frame[value].max())),
        "y": alt.Y(f"{category}:N", sort="-x", title=None, axis=LABEL_AXIS),
        "tooltip": tooltip or [category, value],
    }
    if colours is not None:
        encoding["color"] = alt.Color(f"{category}:N", scale=speaker_scale(colours, frame[category]), legend=None)
    return alt.Chart(frame, title=title).mark_bar().encode(**encoding).properties(height=ROW_STEP)


def share_bars(frame: pd.DataFrame, category: str, title: str = "") -> alt.Chart:
    return alt.Chart(frame, title=title).mark_bar().encode(
        x=alt.X("share:Q", axis=alt.Axis(format="%"), title="Share of quotes"),
        y=alt.Y(f"{category}:N", sort="-x", title=None, axis=LABEL_AXIS),
        tooltip=[category, "quotes", alt.Tooltip("share:Q", format=".1%")],
    ).properties(height=ROW_STEP)


HEATMAP_CELL = 90  # px per target when few targets: the chart keeps square-ish cells instead of filling the page
HEATMAP_STRETCH_TARGETS = 8  # from this many targets on, the heatmap fills the width


def casefold_order(values) -> list[str]:
    """Distinct values in alphabetical order ignoring case ("ceasefire" beside "Canada", not after "Zurich")."""
    return sorted({str(value) for value in values}, key=lambda value: (value.casefold(), value))


def heatmap_fills_width(matrix: pd.DataFrame) -> bool:
    return matrix["target"].nunique() >= HEATMAP_STRETCH_TARGETS


def stance_heatmap(matrix: pd.DataFrame, title: str = "") -> alt.Chart:
    """Cells coloured by net stance (favor minus against, per label), red to green; targets and speakers
    in case-insensitive alphabetical order. With few targets each gets a fixed-width column."""
    tooltip = ["speaker", "target", "n", *schema.STANCE_LABELS, alt.Tooltip("net:Q", format="+.2f")]
    targets, speakers = casefold_order(matrix["target"]), casefold_order(matrix["speaker"])
    x = alt.X("target:N", title="Target", sort=targets,
              axis=alt.Axis(labelAngle=-40, labelLimit=160, labelOverlap=False))
    y = alt.Y("speaker:N", title=None, sort=speakers, axis=LABEL_AXIS)
    cells = alt.Chart(matrix).mark_rect().encode(
        x=x, y=y,
        color=alt.Color("net:Q", title="Net stance", scale=alt.Scale(
            domain=[-1, 0, 1], range=[STANCE_COLOURS["against"], "#f5f5f5", STANCE_COLOURS["favor"]])),
        tooltip=tooltip)
    labels = alt.Chart(matrix).mark_text(fontSize=12).encode(x=x, y=y, text=alt.Text("n:Q"), tooltip=tooltip)
    size = {"height": alt.Step(30)}
    if not heatmap_fills_width(matrix):
        size["width"] = alt.Step(HEATMAP_CELL)
    return (cells + labels).properties(title=title, **size)


def diverging_bars(segments: pd.DataFrame, target: str) -> alt.Chart:
    # Shares hide how little some bars rest on: the axis label carries each speaker's number of labels.
    segments = segments.assign(who=segments["speaker"] + " (" + segments["n"].astype(str) + ")")
    order = segments.drop_duplicates("who").sort_values("net")["who"].tolist()
    bars = alt.Chart(segments, title=f"Stance towards {target}").mark_bar().encode(
        x=alt.X("start:Q", title="Share of labelled quotes (against left, favor right)",
                axis=alt.Axis(format="%"), scale=alt.Scale(domain=[-1, 1])),
        x2="end:Q",
        y=alt.Y("who:N", sort=order[::-1], title=None, axis=LABEL_AXIS),
        color=alt.Color("label:N", scale=stance_scale(["against", "neutral", "favor"]), title="Stance"),
        tooltip=["speaker", "label", "count", alt.Tooltip("share:Q", format=".0%"), "unclear", "n"])
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#333").encode(x="x:Q")
    return (bars + zero).properties(height=ROW_STEP)


def stance_profile(table: pd.DataFrame) -> alt.Chart:
    """Stacked label counts per target for one speaker; ``table`` is long: target, label, count."""
    table = table.assign(label_order=table["label"].map(_LABEL_ORDER).astype("float64"))
    return alt.Chart(table).mark_bar().encode(
        x=alt.X("count:Q", title="Labelled quotes", stack=True,
                axis=count_axis(table.groupby("target")["count"].sum().max())),
        y=alt.Y("target:N", title=None, sort="-x", axis=LABEL_AXIS),
        color=alt.Color("label:N", scale=stance_scale(), title="Stance"),
        order=alt.Order("label_order:Q"),
        tooltip=["target", "label", "count"],
    ).properties(height=ROW_STEP)


def stacked_shares(frame: pd.DataFrame, category: str, title: str = "") -> alt.Chart:
    """One bar per outlet or group, split by ``category`` into shares of its quotes (outlet_compare.shares_by)."""
    return alt.Chart(frame, title=title).mark_bar().encode(
        x=alt.X("share:Q", axis=alt.Axis(format="%"), title="Share of the outlet's quotes", stack="normalize"),
        y=alt.Y("group:N", title=None, axis=LABEL_AXIS),
        color=alt.Color(f"{category}:N", title=category.capitalize(),
                        sort=alt.SortField("quotes", order="descending")),
        tooltip=["group", category, "quotes", alt.Tooltip("share:Q", format=".1%")],
    ).properties(height=ROW_STEP)
