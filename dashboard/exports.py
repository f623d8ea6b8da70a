"""What the dashboard hands out as files: CSV safe to open in a spreadsheet, charts fit for a slide or paper.

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) get a leading apostrophe, the OWASP rule against CSV injection; files are UTF-8 with a
byte-order mark and CRLF rows so Excel reads accents, quotation marks and line breaks right. docs/exports.md says so for users.

Charts are exported from their Vega-Lite spec by vl-convert on the server (no request leaves the
machine): at least EXPORT_MIN_WIDTH px wide, labels of at least 12 px, with the chart's title and
the filters in use printed above the chart.
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import re
import textwrap

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_WIDTH = 900  # px of plot area for charts whose width follows the page
EXPORT_MIN_WIDTH = 800  # px of the whole image, legend and labels included
PNG_SCALE = 2  # pixels per CSS pixel: sharp on a projector and in print
LABEL_PX, TITLE_PX, HEADING_PX = 12, 13, 16
CAPTION_CHARACTERS = 110


def neutralise(value):
    """A text cell a spreadsheet would evaluate, made inert with a leading apostrophe; anything else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """``frame`` as CSV for people: formula-like text cells neutralised, UTF-8 with a BOM for Excel."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or isinstance(safe[column].dtype, pd.StringDtype):
            safe[column] = safe[column].map(neutralise)
    safe.columns = [neutralise(str(column)) for column in safe.columns]
    # CRLF rows, as Excel writes them: a cell holding a lone CR or LF is then quoted, not split into rows.
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def caption_lines(filters: list[str], subject: str = "", today: dt.date | None = None) -> list[str]:
    """The lines printed under an exported chart's title: what it is about, the filters, the source."""
    lines = [subject] if subject else []
    used = "Filters: " + "; ".join(filters) if filters else "Filters: none (the whole dataset)"
    lines += textwrap.wrap(used, CAPTION_CHARACTERS) or [used]
    lines.append(f"newsvoices, exported {(today or dt.date.today()):%Y-%m-%d}")
    return lines


def _title_text(spec: dict) -> str:
    title = spec.get("title", "")
    return str(title.get("text", "") if isinstance(title, dict) else title or "")


def export_spec(spec: dict, lines: list[str], fallback_title: str = "") -> dict:
    """A copy of a Vega-Lite spec sized and captioned for a file: title and ``lines`` on top, 12 px labels,
    a fixed width where the chart followed the page's width."""
    spec = copy.deepcopy(spec)
    if not isinstance(spec.get("width"), dict):  # a {"step": n} width is kept: n px per category
        spec["width"] = EXPORT_WIDTH
    spec["title"] = {"text": _title_text(spec) or fallback_title, "subtitle": lines, "anchor": "start",
                     "fontSize": HEADING_PX, "subtitleFontSize": LABEL_PX, "subtitlePadding": 6, "offset": 12}
    config = spec.setdefault("config", {})
    for part in ("axis", "legend", "header"):
        config.setdefault(part, {}).update({"labelFontSize": LABEL_PX, "titleFontSize": TITLE_PX})
    config.setdefault("text", {})["fontSize"] = LABEL_PX
    spec["background"] = "white"
    return spec


def _svg_width(svg: str) -> float:
    match = re.search(r'<svg[^>]*\bwidth="([\d.]+)', svg)
    return float(match.group(1)) if match else 0.0


def _wide_enough(spec: dict) -> dict:
    """The spec with side padding when its picture would be narrower than EXPORT_MIN_WIDTH."""
    import vl_convert

    width = _svg_width(vl_convert.vegalite_to_svg(spec, allowed_base_urls=[]))
    if width >= EXPORT_MIN_WIDTH:
        return spec
    side = int((EXPORT_MIN_WIDTH - width) / 2) + 6
    return {**spec, "padding": {"left": side, "right": side, "top": 5, "bottom": 5}}


def chart_svg(spec: dict, lines: list[str], fallback_title: str = "") -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(_wide_enough(export_spec(spec, lines, fallback_title)), allowed_base_urls=[])


def chart_png(spec: dict, lines: list[str], fallback_title: str = "") -> bytes:
    import vl_convert

    return vl_convert.vegalite_to_png(_wide_enough(export_spec(spec, lines, fallback_title)), scale=PNG_SCALE,
                                      allowed_base_urls=[])


def spec_of(figure) -> dict:
    """An Altair chart's Vega-Lite spec with its data inlined (vl-convert reads nothing from disk or web)."""
    return json.loads(figure.to_json())
