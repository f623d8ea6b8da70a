"""Every dashboard page under Streamlit's AppTest, against the small fixture dataset."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard_fixture import IMG_PAYLOAD, SCRIPT_PAYLOAD, fixture_tables, write_fixture
from data_prep import schema, store

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    directory = write_fixture(tmp_path / "data")
    monkeypatch.setenv("NEWSVOICES_DATA", str(directory))
    monkeypatch.setenv("NEWSVOICES_CACHE", str(tmp_path / "cache"))
    return directory


PAGE_PARAMS = ("article", "actor", "quote", "about")


def open_page(page: str | None = None, **params) -> AppTest:
    """The app as a fresh browser session opening ``/<page>?<params>``."""
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params.update({key: value for key, value in params.items() if key not in PAGE_PARAMS})
    app.run()  # AppTest resolves pages with a custom url_path only after a first run
    if page:
        app.query_params.update({key: value for key, value in params.items() if key in PAGE_PARAMS})
        app.switch_page(f"pages/{page}.py").run()
    assert not app.exception, [item.value for item in app.exception]
    return app


def set_filter(app: AppTest, key: str, value) -> AppTest:
    app.sidebar.multiselect(key=key).set_value(value).run()
    assert not app.exception, [item.value for item in app.exception]
    return app


def table_key(app: AppTest, index: int = 0) -> str:
    """The user key of a table widget (it carries a digest of the rows listed): the part after the id's hash."""
    return app.dataframe[index].proto.id.split("-", 2)[2]


def select_first_quote(app: AppTest, rows: tuple[int, ...] = (0,)) -> None:
    """Tick the first row of the quote table: a browser event, which AppTest sets as widget state."""
    app.session_state[table_key(app)] = {"selection": {"rows": list(rows), "columns": [], "cells": []}}
    app.run()


def texts(app: AppTest) -> str:
    parts = [m.value for m in app.markdown] + [c.value for c in app.caption] + [i.value for i in app.info]
    parts += [w.value for w in app.warning] + [t.value for t in app.title] + [s.value for s in app.subheader]
    return "\n".join(str(part) for part in parts)


def html_of(app: AppTest) -> str:
    return "\n".join(element.proto.body for element in app.get("html"))


def test_overview_counts_and_caveat(data_dir):
    app = open_page()
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Articles with quotes"] == "3" and metrics["Quotes"] == "9" and metrics["Speakers"] == "5"
    assert metrics["Outlets"] == "2"
    assert "**Published:** 2025-03-04 to 2025-05-02" in texts(app)
    assert "automatic estimates" in texts(app)


def test_an_article_with_no_quote_is_counted_in_the_dataset_not_among_the_quoted(tmp_path, monkeypatch):
    tables = fixture_tables()
    frame = tables[schema.ARTICLES].astype(object)
    articles = frame.where(frame.notna(), None).to_dict("records")
    articles.append({**articles[0], "article_id": "art-quiet", "url": "https://example.org/quiet",
                     "title": "A quiet day at the harbour", "text": "Boats came and went.", "n_words": 4})
    tables[schema.ARTICLES] = schema.frame_from_rows(schema.ARTICLES, articles)
    store.write_dataset(tmp_path / "data", tables)
    monkeypatch.setenv("NEWSVOICES_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSVOICES_CACHE", str(tmp_path / "cache"))
    app = open_page()
    tile = next(metric for metric in app.metric if metric.label.startswith("Articles"))
    assert (tile.label, tile.value) == ("Articles with quotes", "3")
    assert "This dataset covers **4 articles**" in texts(app)


def test_quotes_page_lists_every_quote(data_dir):
    app = open_page("quotes")
    assert "Showing 9 of 9 quotes" in texts(app)
    table = app.dataframe[0].value
    assert len(table) == 9
    assert {"speaker", "affiliation", "outlet", "date", "type", "quote", "stance"} <= set(table.columns)


def test_speaker_filter_narrows_quotes_and_goes_into_the_url(data_dir):
    app = open_page("quotes")
    set_filter(app, "f_speakers", ["Tom Berg"])
    assert "Showing 3 of 9 quotes" in texts(app)
    assert set(app.dataframe[0].value["speaker"]) == {"Tom Berg"}
    assert app.query_params["speaker"] == "Tom Berg"


def test_link_filters_open_the_same_view(data_dir):
    app = open_page("quotes", speaker="Ana Lopez", type="mixed")
    assert "Showing 1 of 9 quotes" in texts(app)
    assert app.sidebar.multiselect(key="f_speakers").value == ["Ana Lopez"]
    assert app.query_params["type"] == "mixed"


def test_unknown_speaker_in_link_is_reported_not_fatal(data_dir):
    app = open_page(speaker="Nobody Known")
    assert {m.label: m.value for m in app.metric}["Quotes"] == "9"
    assert any("Nobody Known" in warning.value for warning in app.main.warning)


def test_filters_persist_across_pages(data_dir):
    app = open_page("quotes")
    set_filter(app, "f_outlets", ["Coast Herald"])
    assert "Showing 4 of 9 quotes" in texts(app)
    app.switch_page("pages/overview.py").run()
    assert {m.label: m.value for m in app.metric}["Quotes"] == "4"
    app.switch_page("pages/quotes.py").run()
    assert "Showing 4 of 9 quotes" in texts(app)


def test_empty_selection_explains_itself(data_dir):
    app = open_page("quotes", q="no such words anywhere")
    assert "No quotes match the current filters" in texts(app)
    assert not app.dataframe


def test_speakers_page_profile(data_dir):
    app = open_page("speakers", actor="Tom Berg")
    assert "finance minister" in texts(app)
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Quotes (all)"] == "3" and metrics["Mentions"] == "1"
    assert "Stance profile" in texts(app)
    assert len(app.dataframe[0].value) == 3


def test_stances_page_marks_estimates_and_respects_confidence(data_dir):
    app = open_page("stances")
    assert "automatic estimate" in texts(app)
    evidence = app.dataframe[0].value
    assert set(evidence["estimate"]) == {"automatic estimate"}
    assert len(evidence) == 7  # harbour expansion labels
    app = open_page("stances", minconf="0.8")
    assert len(app.dataframe[0].value) == 3


def test_article_reader_escapes_the_payload(data_dir):
    app = open_page("articles", article="art-payload")
    body = html_of(app)
    assert "Odd markup appears" in body
    assert "<script" not in body and "<img" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert body.count('class="nv-quote"') == 2
    assert 'title="Priya Nair' in body


def test_article_link_to_missing_article_warns(data_dir):
    app = open_page("articles", article="art-gone")
    assert "not in this dataset" in texts(app)


def test_data_page_shows_failures_and_upload(data_dir):
    app = open_page("data")
    assert "1 input record failed" in texts(app)
    log = app.dataframe[1].value
    assert "no article text found in the page" in set(log["message"])
    assert "No corrections yet" in texts(app)


def test_quote_selection_shows_paragraph_with_link(data_dir):
    app = open_page("quotes", q="Nothing in")
    assert "Showing 1 of 9 quotes" in texts(app)
    select_first_quote(app)
    body = html_of(app)
    assert "&lt;script&gt;" in body and "<script" not in body
    assert any("article" in str(link.proto.page) or "articles" in str(link.proto.page)
               for link in app.get("page_link"))


def test_no_dataset_gives_guidance(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSVOICES_DATA", str(tmp_path / "empty"))
    monkeypatch.setenv("NEWSVOICES_CACHE", str(tmp_path / "cache"))
    for page in (None, "quotes", "stances", "data"):
        app = open_page(page)
        assert "No dataset yet" in texts(app)


def test_payload_speaker_text_stays_text_in_the_quote_table(data_dir):
    app = open_page("quotes")
    quotes = set(app.dataframe[0].value["quote"])
    assert f"Nothing in {SCRIPT_PAYLOAD} should ever run," in quotes
    assert IMG_PAYLOAD not in "".join(quotes)


def test_speaker_correction_from_the_quotes_page(data_dir):
    from data_prep.corrections import load_corrections

    app = open_page("quotes", quote="q-b2")
    [who] = [box for box in app.selectbox if box.label == "Who said it"]
    who.set_value("act-mayor")
    [save] = [button for button in app.button if button.label == "Save speaker"]
    save.click().run()
    assert not app.exception, [item.value for item in app.exception]
    [saved] = load_corrections(data_dir)
    assert (saved.quote_id, saved.field, saved.actor_id) == ("q-b2", "speaker", "act-mayor")
    row = app.dataframe[0].value.set_index("quote_id").loc["q-b2"]
    assert row["speaker"] == "Ana Lopez" and row["corrected"] == "speaker"
    assert "speaker corrected" in texts(app)
    data = open_page("data")
    assert "1 corrections" in texts(data) or "1 correction" in texts(data)
    assert list(data.dataframe[-1].value["quote_id"]) == ["q-b2"]


def test_stance_correction_from_the_quotes_page(data_dir):
    app = open_page("quotes", quote="q-b2")
    [label] = [radio for radio in app.radio if radio.label == "Stance"]
    label.set_value("favor")
    [save] = [button for button in app.button if button.label == "Save stance"]
    save.click().run()
    assert not app.exception, [item.value for item in app.exception]
    row = app.dataframe[0].value.set_index("quote_id").loc["q-b2"]
    assert "favor harbour expansion (1.00 corrected)" in row["stance"] and row["corrected"] == "stance"


def test_upload_rebuilds_the_dataset_keeping_current_articles(data_dir):
    pytest.importorskip("data_prep.pipeline")
    story = ("Port strike ends after talks\n\n"
             "\"We have a fair deal for every dock worker,\" union leader Maria Chen said on Friday.\n\n"
             "The harbour reopens on Monday.")
    app = open_page("data")
    app.file_uploader(key="data_page_upload").set_value([("../story.txt", story.encode(), "text/plain")])
    app.run()
    [build] = [button for button in app.button if button.label == "Build the dataset"]
    build.click()
    app.run(timeout=300)
    assert not app.exception, [item.value for item in app.exception]
    assert any("Built: 4" in success.value for success in app.success), [e.value for e in app.error]
    from data_prep import schema, store
    titles = set(store.read_table(data_dir, schema.ARTICLES, columns=["title"])["title"])
    assert "Port strike ends after talks" in titles and "Budget talks stall over harbour money" in titles


def test_crafted_link_values_are_shown_as_text(data_dir):
    app = open_page(speaker="![x](http://tracker.example/p.png)")
    [warning] = [w.value for w in app.main.warning]
    assert "![x](" not in warning and "\\!\\[x\\]\\(http" in warning


def chart_titles(app: AppTest) -> list[str]:
    import json

    titles = []
    for element in app.get("vega_lite_chart"):
        title = json.loads(element.proto.spec).get("title", "")
        titles.append(title.get("text", "") if isinstance(title, dict) else title)
    return titles


def test_a_single_day_gets_a_sentence_not_a_one_bar_timeline(data_dir):
    app = open_page(**{"from": "2025-03-04", "to": "2025-03-04"})
    assert "All 4 quotes are from one day, 2025-03-04" in texts(app)
    assert not [title for title in chart_titles(app) if title.startswith("Quotes per")]
    app = open_page()
    assert "Quotes per week" in chart_titles(app)
    assert "9 quotes from 2025-03-04 to 2025-05-02" in texts(app)


def test_the_only_matching_article_opens_in_the_reader(data_dir):
    app = open_page("articles", outlet="Coast Herald")
    assert "1 of 3 articles match the filters" in texts(app)
    assert "Harbour plan splits the council" in html_of(app)
    app = open_page("articles")
    assert "Tick the box at the start of a row" in texts(app)
    assert html_of(app) == ""


def test_empty_search_says_which_filter_to_change(data_dir):
    app = open_page("quotes", q="zeppelin", minconf="0.5")
    message = texts(app).replace("\\", "")  # markdown escapes in the shown text
    assert "search “zeppelin”" in message and "minimum confidence 0.50" in message
    assert "clear the search box, lower the minimum confidence" in message
    assert "remove a speaker" not in message


def test_stance_evidence_lists_the_quote_itself(data_dir):
    app = open_page("stances")
    evidence = app.dataframe[0].value
    assert "quote_text" in evidence.columns and "quote_id" not in evidence.columns
    by_speaker = evidence.set_index("speaker")["quote_text"]
    assert by_speaker["Dock Workers Union"] == "the plan ignores safety rules for night shifts"


def test_speaker_page_counts_without_filters_are_not_labelled_filtered(data_dir):
    app = open_page("speakers", actor="Tom Berg")
    assert [metric.label for metric in app.metric] == ["Quotes (all)", "Mentions"]
    app = open_page("speakers", actor="Tom Berg", q="harbour")
    assert [metric.label for metric in app.metric] == ["Quotes (all)", "Quotes (filtered)", "Mentions"]


def test_speaker_from_one_article_lists_who_else_is_quoted_there(data_dir):
    app = open_page("speakers", actor="A council official")
    shown = texts(app).replace("\\", "")
    assert "Ana Lopez (2 quotes), Dock Workers Union (1 quote)" in shown
    assert "Quoted alongside (same articles)" not in chart_titles(app)
    app = open_page("speakers", actor="Tom Berg")
    assert "Quoted alongside (same articles)" in chart_titles(app)


def test_selected_quote_without_stance_says_so(data_dir):
    app = open_page("quotes", q="look into the release")
    assert "Tick the box at the start of a row" in texts(app)
    select_first_quote(app)
    assert "No stance label for this quote" in texts(app).replace("\\", "")


def test_data_page_sums_up_the_ingest_log(data_dir):
    app = open_page("data")
    assert "4 inputs: 3 built, 1 failed." in texts(app)


def test_stance_timeline_follows_the_chosen_target(data_dir):
    app = open_page("stances")
    assert "Stance towards harbour expansion per day" in chart_titles(app)
    assert "7 stance labels from 2025-03-04 to 2025-04-10" in texts(app)
    app.selectbox(key="stance_page_target").set_value("press release").run()
    shown = texts(app).replace("\\", "")
    assert "The only stance label is from 2025-05-02, so there is no timeline" in shown
    assert not [title for title in chart_titles(app) if title.startswith("Stance towards press release per")]


def test_no_matching_article_counts_articles(data_dir):
    app = open_page("articles", q="zeppelin")
    assert "No articles match the current filters (3 articles in the dataset)" in texts(app)


def drawn_quotes(app: AppTest) -> list[str]:
    import re

    return sorted(set(re.findall(r'<mark class="nv-quote[^"]*" data-quote="([^"]+)"', html_of(app))))


def test_reader_highlights_only_the_filtered_speakers_quotes(data_dir):
    app = open_page("articles", article="art-harbour", speaker="Ana Lopez")
    assert drawn_quotes(app) == ["q-h1", "q-h4"]
    assert "2 of 4 quotes highlighted" in texts(app)
    app = open_page("articles", article="art-harbour", type="indirect")
    assert drawn_quotes(app) == ["q-h2", "q-h3"]


def test_reader_count_is_the_number_of_highlights_drawn(data_dir):
    app = open_page("articles", article="art-harbour")
    assert drawn_quotes(app) == ["q-h1", "q-h2", "q-h3", "q-h4"]
    assert "4 quotes highlighted" in texts(app)


def test_reader_shows_the_headline_once(data_dir):
    app = open_page("articles", article="art-harbour")
    body = html_of(app)
    assert body.count("Harbour plan splits the council") == 1
    assert '<h3 class="nv-title"' in body


def test_quote_opened_in_the_reader_is_marked_and_scrolled_to(data_dir):
    app = open_page("quotes", quote="q-h3")
    [link] = [link for link in app.get("page_link") if "reader" in link.proto.label]
    assert "quote=q-h3" in link.proto.page or "q-h3" in str(link.proto)
    app = open_page("articles", article="art-harbour", quote="q-h3")
    assert app.query_params["quote"] == "q-h3"
    import re

    [focused] = re.findall(r'<mark class="nv-quote nv-focus" data-quote="([^"]+)"', html_of(app))
    assert focused == "q-h3"
    assert any("scrollIntoView" in element.proto.body for element in app.get("html"))


def test_deep_link_to_a_quote_ticks_its_row(data_dir):
    app = open_page("quotes", quote="q-b2")
    table = app.dataframe[0]
    import json

    rows = json.loads(table.proto.selection_default)["selection"]["rows"]
    assert [table.value.iloc[row]["quote_id"] for row in rows] == ["q-b2"]


def test_articles_page_ticks_the_article_it_shows(data_dir):
    import json

    app = open_page("articles", article="art-budget")
    table = app.dataframe[0]
    rows = json.loads(table.proto.selection_default)["selection"]["rows"]
    assert [table.value.iloc[row]["title"] for row in rows] == ["Budget talks stall over harbour money"]


def test_unticking_the_quote_closes_it(data_dir):
    app = open_page("quotes", quote="q-b2")
    select_first_quote(app, rows=())
    assert "quote" not in app.query_params
    assert "Tick the box at the start of a row" in texts(app)


def test_stance_target_goes_into_the_url_and_a_link_reopens_it(data_dir):
    app = open_page("stances")
    assert app.query_params["about"] == "harbour expansion"
    app.selectbox(key="stance_page_target").set_value("press release").run()
    assert app.query_params["about"] == "press release"
    again = open_page("stances", about="press release")
    assert again.selectbox(key="stance_page_target").value == "press release"
    assert "Labels towards press release" in texts(again)


def test_stance_targets_are_listed_ignoring_case(data_dir):
    app = open_page("stances")
    options = app.selectbox(key="stance_page_target").options
    assert options == sorted(options, key=str.casefold)
    assert options.index("Ana Lopez") < options.index("harbour expansion") < options.index("press release")


def test_one_target_heatmap_is_not_page_wide(data_dir):
    import json

    app = open_page("stances", target="press release")
    [heatmap] = [chart for chart in app.get("vega_lite_chart")
                 if "Net stance by speaker" in json.dumps(json.loads(chart.proto.spec).get("title", ""))]
    assert json.loads(heatmap.proto.spec)["width"] == {"step": 90}  # one column, not the page's width


def test_short_name_in_a_link_resolves_to_the_one_match(data_dir):
    app = open_page("quotes", speaker="Berg")
    assert app.sidebar.multiselect(key="f_speakers").value == ["Tom Berg"]
    assert "Showing 3 of 9 quotes" in texts(app)
    assert not app.main.warning
    app = open_page("speakers", actor="nair")
    assert app.selectbox(key="speaker_page_choice_").value == "Priya Nair"


def test_ambiguous_short_name_lists_the_matches(tmp_path, monkeypatch):
    from dashboard_fixture import fixture_tables
    from data_prep import schema, store

    tables = fixture_tables()
    tables[schema.ACTORS].loc[tables[schema.ACTORS]["name"] == "Priya Nair", "name"] = "Eva Berg"
    store.write_dataset(tmp_path / "data", tables)
    monkeypatch.setenv("NEWSVOICES_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSVOICES_CACHE", str(tmp_path / "cache"))
    app = open_page(speaker="Berg")  # the link's warnings show on the first page opened
    [warning] = [w.value.replace("\\", "") for w in app.main.warning]
    assert "matches several" in warning and "Tom Berg" in warning and "Eva Berg" in warning
    assert {m.label: m.value for m in app.metric}["Quotes"] == "9"
    app = open_page("speakers", actor="berg")
    assert "matches several speakers" in texts(app).replace("\\", "")
    assert {"Tom Berg", "Eva Berg"} <= set(app.selectbox(key="speaker_page_choice_").options[:3])


def test_every_chart_offers_png_and_svg_downloads(data_dir):
    pytest.importorskip("vl_convert")
    app = open_page()
    labels = [button.proto.label for button in app.get("download_button")]
    charts = len(app.get("vega_lite_chart"))
    assert charts >= 3 and labels.count("PNG") == charts and labels.count("SVG") == charts


def test_dataset_folder_name_with_markdown_shows_as_text(tmp_path, monkeypatch):
    directory = write_fixture(tmp_path / "![x](http:tracker.example) [y](javascript:alert(1))")
    monkeypatch.setenv("NEWSVOICES_DATA", str(directory))
    monkeypatch.setenv("NEWSVOICES_CACHE", str(tmp_path / "cache"))
    app = open_page("data")
    [folder] = [m.value for m in app.markdown if m.value.startswith("**Folder:**")]
    assert "![x](" not in folder and "[y](" not in folder and "\\!\\[x\\]\\(http" in folder


def test_rejected_upload_name_with_markdown_shows_as_text(data_dir):
    app = open_page("data")
    app.file_uploader(key="data_page_upload").set_value(
        [("![x](http:tracker.example).txt", b"   ", "text/plain")])  # empty: rejected, its name shown
    app.run()
    [build] = [button for button in app.button if button.label == "Build the dataset"]
    build.click()
    app.run()
    [error] = [e.value for e in app.error]
    assert "![x](" not in error and "\\!\\[x\\]\\(http" in error


def test_not_a_quote_from_the_quotes_page_leaves_every_count_and_comes_back(data_dir):
    from data_prep.corrections import load_corrections

    app = open_page("quotes", quote="q-b2")
    [mark] = [button for button in app.button if button.label == "Not a quote"]
    mark.click().run()
    assert not app.exception, [item.value for item in app.exception]
    assert [(c.quote_id, c.field) for c in load_corrections(data_dir)] == [("q-b2", "not_a_quote")]
    assert "Showing 8 of 8 quotes" in texts(app)
    assert "q-b2" not in set(app.dataframe[0].value["quote_id"])
    assert "marked “not a quote”" in texts(app)
    overview = open_page()
    assert {m.label: m.value for m in overview.metric}["Quotes"] == "8"
    speaker = open_page("speakers", actor="Tom Berg")
    assert {m.label: m.value for m in speaker.metric}["Quotes (all)"] == "2"
    app = open_page("quotes")
    [back] = [button for button in app.button if button.label == "Put it back"]
    back.click().run()
    assert "Showing 9 of 9 quotes" in texts(app)


def save_words(app: AppTest, words: str) -> None:
    """Type the quote's words in the correction form and save them."""
    [area] = [area for area in app.text_area if area.label.startswith("The quote's words")]
    area.set_value(words)
    [save] = [button for button in app.button if button.label == "Save the words"]
    save.click().run()


def test_quote_words_and_type_fixed_from_the_quotes_page(data_dir):
    app = open_page("quotes", quote="q-b2")
    save_words(app, "We will not sign a blank cheque")
    assert not app.exception, [item.value for item in app.exception]
    row = app.dataframe[0].value.set_index("quote_id").loc["q-b2"]
    assert row["quote"] == "We will not sign a blank cheque" and row["corrected"] == "span"
    [kind] = [radio for radio in app.radio if radio.label == "Quote type"]
    kind.set_value("mixed")
    [save] = [button for button in app.button if button.label == "Save type"]
    save.click().run()
    row = app.dataframe[0].value.set_index("quote_id").loc["q-b2"]
    assert row["type"] == "mixed" and row["corrected"] == "span, type"
    reader = open_page("articles", quote="q-b2")
    import re

    assert re.search(r'data-quote="q-b2"[^>]*>We will not sign a blank cheque</mark>', html_of(reader))


def test_words_not_in_the_article_are_refused(data_dir):
    app = open_page("quotes", quote="q-b2")
    save_words(app, "words nobody wrote")
    assert any("does not contain these words" in error.value for error in app.error)
