"""The dashboard's plain modules: filters, links, aggregates, highlighting, uploads."""
from __future__ import annotations

import datetime as dt
import io
import re

import pandas as pd
import pytest

from data_prep.corrections import SPEAKER, STANCE, Correction, apply_corrections
from dashboard import aggregate, highlight, links, table, uploads
from dashboard.filters import Filters, filter_quotes, filter_stances, quote_mask
from dashboard.views import build_views
from dashboard_fixture import IMG_PAYLOAD, MAYOR, SCRIPT_PAYLOAD, fixture_tables


@pytest.fixture(scope="module")
def views():
    return build_views(fixture_tables())


def quote_ids(views, filters):
    return set(filter_quotes(views.quotes, views.stances, filters)["quote_id"])


def test_no_filter_keeps_everything(views):
    assert len(quote_ids(views, Filters())) == 9


def test_each_filter_narrows(views):
    assert quote_ids(views, Filters(speakers=("Tom Berg",))) == {"q-b1", "q-b2", "q-p2"}
    assert quote_ids(views, Filters(affiliations=("City Council",))) == {"q-h1", "q-h3", "q-h4"}
    assert quote_ids(views, Filters(outlets=("Coast Herald",))) == {"q-h1", "q-h2", "q-h3", "q-h4"}
    assert quote_ids(views, Filters(quote_types=("direct",))) == {"q-h1", "q-b2", "q-p1"}
    assert quote_ids(views, Filters(date_from=dt.date(2025, 4, 10), date_to=dt.date(2025, 4, 10))) == {
        "q-b1", "q-b2", "q-b3"}
    assert quote_ids(views, Filters(text="BLANK CHEQUE")) == {"q-b2"}
    assert quote_ids(views, Filters(text="priya")) == {"q-b3", "q-p1"}, "search covers speaker names"


def test_stance_filters_need_one_label_matching_all_of_them(views):
    against = Filters(targets=("harbour expansion",), stances=("against",))
    assert quote_ids(views, against) == {"q-h2", "q-b1", "q-b2"}
    assert quote_ids(views, against.with_(min_confidence=0.8)) == {"q-b2"}
    # q-b2 is "against" the harbour but "unclear" about Ana Lopez: no single label matches both.
    assert quote_ids(views, Filters(targets=("Ana Lopez",), stances=("against",))) == set()


def test_minimum_confidence_alone_hides_labels_not_quotes(views):
    filters = Filters(min_confidence=0.8)
    assert len(quote_ids(views, filters)) == 9
    kept = quote_mask(views.quotes, views.stances, filters)
    labels = filter_stances(views.stances, kept, filters)
    assert set(labels["quote_id"]) == {"q-h1", "q-h4", "q-b2"}


def test_filters_combine(views):
    assert quote_ids(views, Filters(speakers=("Tom Berg",), outlets=("Coast Herald",))) == set()
    assert quote_ids(views, Filters(speakers=("Tom Berg", "Ana Lopez"), quote_types=("direct",))) == {"q-h1", "q-b2"}


def test_links_round_trip():
    filters = Filters(speakers=("Vladimir Putin", "Ana Lopez"), outlets=("Coast Herald",),
                      date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 2, 1), targets=("NATO",),
                      stances=("against",), min_confidence=0.6, quote_types=("direct",), text="peace")
    params = links.filters_to_params(filters)
    assert params["speaker"] == ["Vladimir Putin", "Ana Lopez"] and params["from"] == "2025-01-01"
    assert links.filters_from_params(params) == filters
    assert links.page_url("quotes", Filters(speakers=("Vladimir Putin",))) == "quotes?speaker=Vladimir+Putin"
    assert links.filters_to_params(Filters()) == {}


def test_bad_link_values_are_dropped_not_fatal():
    filters = links.filters_from_params({"from": "yesterday", "to": "2025-02-30", "minconf": "high",
                                         "stance": ["against", "furious"], "speaker": ["", "  "]})
    assert filters == Filters(stances=("against",))
    assert links.filters_from_params({"minconf": "7"}).min_confidence == 1.0
    swapped = links.filters_from_params({"from": "2025-03-01", "to": "2025-01-01"})
    assert swapped.date_from == dt.date(2025, 1, 1) and swapped.date_to == dt.date(2025, 3, 1)


def test_aggregates(views):
    counts = aggregate.counts(views.quotes)
    assert (counts.quotes, counts.articles, counts.speakers, counts.outlets) == (9, 3, 5, 2)
    top = aggregate.top_speakers(views.quotes)
    assert top.iloc[0]["speaker"] == "Tom Berg" and top.iloc[0]["quotes"] == 3
    share = aggregate.share_of_voice(views.quotes, "kind").set_index("kind")
    assert share.loc["person", "quotes"] == 7 and share["share"].sum() == pytest.approx(1.0)
    partners = aggregate.co_quoted(views.quotes, "Tom Berg").set_index("speaker")
    assert partners.loc["Priya Nair", "shared_articles"] == 2 and "Ana Lopez" not in partners.index


def test_weekly_periods_start_on_monday(views):
    periods = aggregate.to_period(views.quotes["published"], aggregate.WEEK)
    assert set(periods.dt.day_of_week) == {0}
    timeline = aggregate.over_time(views.quotes, aggregate.MONTH)
    assert timeline.set_index("period")["quotes"].to_dict() == {
        dt.datetime(2025, 3, 1): 4, dt.datetime(2025, 4, 1): 3, dt.datetime(2025, 5, 1): 2}


def test_diverging_bars_centre_neutral_on_zero(views):
    segments = aggregate.diverging(views.stances, "harbour expansion")
    council = segments[segments["speaker"] == "A council official"].set_index("label")
    assert council.loc["neutral", "start"] == pytest.approx(-0.5)
    assert council.loc["neutral", "end"] == pytest.approx(0.5)
    berg = segments[segments["speaker"] == "Tom Berg"].set_index("label")
    assert berg.loc["against", "start"] == pytest.approx(-1.0) and berg.loc["favor", "share"] == 0


def test_stance_matrix_net_score(views):
    matrix = aggregate.stance_matrix(views.stances).set_index(["speaker", "target"])
    assert matrix.loc[("Ana Lopez", "harbour expansion"), "net"] == 1.0
    assert matrix.loc[("Tom Berg", "harbour expansion"), "net"] == -1.0


def test_highlight_escapes_text_and_attributes():
    text = f"Before {SCRIPT_PAYLOAD} \"quoted {IMG_PAYLOAD} part\" after"
    start = text.index("quoted")
    mark = highlight.Highlight(start, start + len(f"quoted {IMG_PAYLOAD} part"), "#4e79a7",
                               'Name "><script>x</script>', "q1")
    rendered = highlight.render(text, [mark])
    assert "<script" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert 'title="Name &quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in rendered
    assert rendered.count("<mark") == 1


def test_overlapping_highlights_do_not_duplicate_text():
    text = "abcdefghij"
    marks = [highlight.Highlight(2, 6, "#111111", "one"), highlight.Highlight(4, 8, "#222222", "two")]
    rendered = highlight.render(text, marks)
    assert re.sub(r"</?mark[^>]*>", "", rendered) == text
    assert rendered.count("<mark") == 2


def test_quote_in_paragraph_shows_only_its_paragraph():
    text = "First paragraph.\n\nSecond has \"the quote\" inside.\n\nThird."
    start = text.index("the quote")
    html_ = highlight.quote_in_paragraph(text, [highlight.Highlight(start, start + 9, "#4e79a7", "x")])
    assert "Second has" in html_ and "First" not in html_ and "Third" not in html_


def test_quote_table_marks_corrections_and_exports_what_is_shown():
    tables = apply_corrections(fixture_tables(), [
        Correction("q-b2", SPEAKER, actor_id=MAYOR),
        Correction("q-b2", STANCE, target="harbour expansion", label="favor")])
    corrected = build_views(tables)
    shown = table.quote_table(corrected.quotes, corrected.stances)
    row = shown.set_index("quote_id").loc["q-b2"]
    assert row["speaker"] == "Ana Lopez" and row["corrected"] == "speaker, stance"
    assert "favor harbour expansion (1.00 corrected)" in row["stance"]
    csv = table.to_csv(shown).decode("utf-8-sig")
    assert csv.splitlines()[0].split(",") == table.TABLE_COLUMNS and len(csv.splitlines()) == 10
    assert table.showing_line(2, 5, 9).startswith("Showing 5 of 9 quotes")


def test_uploads_get_generated_names_and_limits(tmp_path):
    saved = uploads.save_uploads([("../../etc/passwd.txt", b"some text"), ("notes.exe", b"x"),
                                  ("big.csv", b"x" * 20), ("empty.md", b"  "), ("Story.HTML", b"<p>hi</p>")],
                                 max_bytes=10, directory=tmp_path)
    assert [p.name for p in saved.paths] == ["upload-0001.txt", "upload-0005.html"]
    assert all(p.parent == tmp_path for p in saved.paths)
    assert len(saved.rejected) == 3
    assert saved.original_names[saved.paths[0]] == "../../etc/passwd.txt"


def test_frame_cache_round_trip_keeps_types(tmp_path, views):
    from dashboard import frame_cache

    entry = frame_cache.entry_path(tmp_path / "data", "v1", "none")
    assert frame_cache.read(entry) is None
    frame_cache.write(entry, views)
    again = frame_cache.read(entry)
    assert again.speaker_order == views.speaker_order
    assert again.quotes["quote_id"].tolist() == views.quotes["quote_id"].tolist()
    assert isinstance(again.stances["label"].dtype, pd.CategoricalDtype)
    assert list(again.stances["label"].cat.categories) == ["favor", "against", "neutral", "unclear"]
    assert quote_ids(again, Filters(speakers=("Tom Berg",))) == {"q-b1", "q-b2", "q-p2"}
    newer = frame_cache.entry_path(tmp_path / "data", "v2", "none")
    frame_cache.write(newer, views)
    assert frame_cache.read(entry) is None, "an older build's entry is removed"


def test_split_quote_is_highlighted_in_each_part(views):
    from dashboard import reader

    text = "\"We will build it,\" the mayor said, \"and soon.\""
    quote = views.quotes[views.quotes["quote_id"] == "q-h1"].assign(quote_id="split")
    spans = {"split": [[1, 17], [37, 46]]}
    marks = reader.highlights_for(quote, views.stances.iloc[:0], {}, spans)
    assert [(m.start, m.end) for m in marks] == [(1, 17), (37, 46)]
    rendered = highlight.render(text, marks)
    assert rendered.count("<mark") == 2 and "the mayor said" not in re.findall(r"<mark[^>]*>([^<]*)</mark>", rendered)


def test_speaker_choices_stay_short_and_keep_the_chosen():
    names = [f"Person {number}" for number in range(5000)]
    assert aggregate.names_matching(names, "", limit=3) == ["Person 0", "Person 1", "Person 2"]
    assert aggregate.names_matching(names, "son 4999", limit=3) == ["Person 4999"]
    assert aggregate.names_matching(names, "", limit=3, keep=("Person 4000",)) == [
        "Person 4000", "Person 0", "Person 1"]
    assert aggregate.names_matching(names, "", limit=3, keep=("Nobody",)) == ["Person 0", "Person 1", "Person 2"]


def test_every_chart_renders_to_svg(views):
    vl_convert = pytest.importorskip("vl_convert")
    from dashboard import charts

    colours = charts.speaker_colours(views.speaker_order)
    period = aggregate.period_for(views.quotes["published"])
    labels = views.stances.groupby(["target", "label"], observed=True).size().rename("count").reset_index()
    timeline = aggregate.over_time(views.stances, period, by="label", value="labels")
    timeline["label"] = timeline["label"].astype(str)
    figures = [
        (charts.over_time(aggregate.over_time(views.quotes, period), period), "2025-03-03"),
        (charts.over_time(timeline, period, value="labels", by="label"), "against"),
        (charts.ranked_bars(aggregate.top_speakers(views.quotes), "speaker", colours=colours), "Tom Berg"),
        (charts.share_bars(aggregate.share_of_voice(views.quotes, "kind"), "kind"), "anonymous"),
        (charts.stance_heatmap(aggregate.stance_matrix(views.stances)), "harbour expansion"),
        (charts.diverging_bars(aggregate.diverging(views.stances, "harbour expansion"), "harbour expansion"),
         "Dock Workers Union (1)"),
        (charts.stance_profile(labels[labels["count"] > 0].astype({"target": str, "label": str})), "press release"),
    ]
    for figure, expected_text in figures:
        svg = vl_convert.vegalite_to_svg(figure.to_json())
        assert svg.startswith("<svg") and f">{expected_text}<" in svg


def test_markdown_text_neutralises_markup():
    escaped = highlight.markdown_text("![x](http://tracker.example/p.png) :red[big] **bold** <b>")
    assert "![" not in escaped and "](" not in escaped and ":red[" not in escaped and "**" not in escaped
    shown = escaped.replace("\\", "")
    assert shown.replace(highlight.WORD_JOINER, "") == "![x](http://tracker.example/p.png) :red[big] **bold** <b>"
    assert "http://" not in shown  # a word joiner keeps the bare address from becoming a link


def test_timeline_needs_two_dates():
    one_day = pd.Series(pd.to_datetime(["2025-12-04 09:00", "2025-12-04 17:30"]))
    plan = aggregate.timeline_plan(one_day)
    assert not plan.chart
    assert "All 2 quotes are from one day, 2025-12-04" in plan.note
    assert "The only quote is from 2025-12-04" in aggregate.timeline_plan(one_day.head(1)).note
    undated = aggregate.timeline_plan(pd.Series([pd.NaT, pd.NaT]), noun="stance labels")
    assert not undated.chart and "None of these stance labels has a publication date" in undated.note


def test_short_timeline_counts_days_and_keeps_bars_narrow():
    from dashboard import charts

    dates = pd.Series(pd.to_datetime(["2025-12-01", "2025-12-04", "2025-12-04"]))
    plan = aggregate.timeline_plan(dates)
    assert plan.chart and plan.period == aggregate.DAY
    assert plan.note == "3 quotes from 2025-12-01 to 2025-12-04, in 2 of the 4 days of that span."
    spec = charts.over_time(aggregate.over_time(pd.DataFrame({"published": dates}), plan.period), plan.period)
    assert spec.to_dict()["mark"] == {"type": "bar", "size": charts.NARROW_BAR_WIDTH}
    assert spec.to_dict()["encoding"]["x"]["scale"]["domain"] == [
        "2025-12-01", "2025-12-02", "2025-12-03", "2025-12-04"]


def test_long_timeline_counts_months():
    dates = pd.Series(pd.to_datetime(["2019-01-17", "2019-03-02", "2020-06-05"]))
    plan = aggregate.timeline_plan(dates)
    assert plan.period == aggregate.MONTH
    assert "in 3 of the 18 months" in plan.note


def test_active_filters_name_what_to_change():
    from dashboard.filters import active_filters

    assert active_filters(Filters()) == []
    described = active_filters(Filters(text="tariff", speakers=("A", "B", "C", "D"), min_confidence=0.5,
                                       date_from=dt.date(2025, 1, 1)))
    assert described == [("search “tariff”", "clear the search box"),
                         ("speaker A, B, C and 1 more", "remove a speaker"),
                         ("dates from 2025-01-01", "widen the dates"),
                         ("minimum confidence 0.50", "lower the minimum confidence")]


def test_small_counts_get_whole_number_ticks_only():
    vl_convert = pytest.importorskip("vl_convert")
    from dashboard import charts

    dates = pd.DataFrame({"published": pd.to_datetime(["2025-12-01", "2025-12-04", "2025-12-04"])})
    plan = aggregate.timeline_plan(dates["published"])
    svg = vl_convert.vegalite_to_svg(charts.over_time(aggregate.over_time(dates, plan.period), plan.period).to_json())
    assert re.findall(r">(\d+)</text>", svg) == ["0", "1", "2"]


def test_quotes_without_affiliation_say_so_in_words(views):
    shares = aggregate.share_of_voice(views.quotes, "affiliation")
    assert "(no affiliation found)" in set(shares["affiliation"])


def test_short_names_in_links_find_whole_words_only():
    names = ["Vladimir Putin", "Volodymyr Zelensky", "Ana Lopez", "Banana Republic", "Tom Berg", "Eva Berg"]
    assert links.name_matches("Putin", names) == ["Vladimir Putin"]
    assert links.name_matches("ana lopez", names) == ["Ana Lopez"]
    assert links.name_matches("Ana", names) == ["Ana Lopez"]
    assert links.name_matches("Berg", names) == ["Tom Berg", "Eva Berg"]
    assert links.name_matches("Nobody", names) == []


def test_headline_repeated_in_the_text_is_drawn_once_with_its_quote():
    from dashboard import reader

    text = "Mayor says \"we build\"\n\n\"We build,\" the mayor said."
    article = pd.Series({"title": "Mayor says \"we build\"", "outlet": "Herald", "published": pd.NaT,
                         "url": "javascript:alert(1)"})
    quotes = pd.DataFrame({"quote_id": ["a", "b"], "speaker": ["Mayor", "Mayor"], "corrected": [False, False],
                           "quote_type": ["direct", "direct"], "quote_start": [12, 24], "quote_end": [20, 33]})
    view = reader.reader_html(article, text, quotes, pd.DataFrame(columns=["quote_row"]), {})
    assert view.html.count("Mayor says") == 1 and view.drawn == {"a", "b"}
    assert "<a " not in view.html  # only an http(s) URL becomes a link


def test_csv_export_neutralises_formulas_and_opens_in_excel():
    from dashboard import exports

    frame = pd.DataFrame({"quote": ["=HYPERLINK(\"http://evil\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\ry",
                                    "plain - text", "Ünïcode “quotes”"], "n": [1, -2, 3, 4, 5, 6, 7, 8]})
    data = exports.csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel then reads it as UTF-8
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
    assert list(back["quote"][:6]) == ["'=HYPERLINK(\"http://evil\")", "'+1", "'-2+3", "'@SUM(A1)", "'\tx", "'\ry"]
    assert list(back["quote"][6:]) == ["plain - text", "Ünïcode “quotes”"]
    assert list(back["n"]) == [1, -2, 3, 4, 5, 6, 7, 8]  # numbers stay numbers


def test_quote_table_csv_is_the_safe_export(views):
    from dashboard import exports

    shown = table.quote_table(views.quotes, views.stances)
    assert table.to_csv(shown) == exports.csv_bytes(shown)


def test_exported_charts_fit_a_slide(views):
    import struct

    from dashboard import charts, exports

    pytest.importorskip("vl_convert")
    matrix = aggregate.stance_matrix(views.stances[views.stances["target"] == "press release"])
    lines = exports.caption_lines(["speaker Priya Nair"], subject="Speaker: Priya Nair")
    for figure in (charts.stance_heatmap(matrix, title="Net stance by speaker and target"),
                   charts.ranked_bars(aggregate.top_speakers(views.quotes), "speaker", title="Most quoted speakers")):
        svg = exports.chart_svg(exports.spec_of(figure), lines)
        assert exports._svg_width(svg) >= exports.EXPORT_MIN_WIDTH
        sizes = [float(size) for size in re.findall(r'font-size="([\d.]+)px"', svg)]
        assert sizes and min(sizes) >= 12
        assert "Filters: speaker Priya Nair" in svg and "Speaker: Priya Nair" in svg
        assert re.search(r">(Net stance by speaker and target|Most quoted speakers)<", svg)
        png = exports.chart_png(exports.spec_of(figure), lines)
        assert struct.unpack(">I", png[16:20])[0] >= exports.EXPORT_MIN_WIDTH


def test_a_speaker_phrase_with_no_actor_is_an_unknown_speaker_not_a_name():
    tables = fixture_tables()
    quotes = tables["quotes"].copy()
    quotes.loc[quotes["quote_id"] == "q-h2", "actor_id"] = None  # the actor stage found nobody for the phrase
    views = build_views({**tables, "quotes": quotes})
    row = views.quotes.set_index("quote_id").loc["q-h2"]
    assert row["speaker"] == "(unknown speaker)"
    assert row["speaker_text"] == "Dock Workers Union spokesperson", "the article's words stay with the quote"
    assert "Dock Workers Union spokesperson" not in set(aggregate.top_speakers(views.quotes)["speaker"])


def test_quote_tables_list_the_newest_articles_first_and_undated_ones_last():
    tables = fixture_tables()
    articles = tables["articles"].copy()
    articles.loc[articles["article_id"] == articles["article_id"].iloc[1], "published"] = None  # the budget story
    views = build_views({**tables, "articles": articles})
    assert list(views.quotes["quote_id"]) == ["q-p1", "q-p2", "q-h1", "q-h2", "q-h3", "q-h4", "q-b1", "q-b2", "q-b3"]
