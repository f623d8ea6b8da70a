"""The Outlets and Statements pages, and the plain modules behind them."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard_fixture import ARTICLE_PAYLOAD, SCRIPT_PAYLOAD, fixture_tables
from data_prep import schema, store
from dashboard import outlet_compare, statement_view
from streamlit.testing.v1 import AppTest
from test_dashboard_pages import APP, html_of, texts

STATEMENT = "st_fixture0000000001"


def _tables():
    tables = fixture_tables()
    articles = tables[schema.ARTICLES]
    articles.loc[articles["article_id"] == ARTICLE_PAYLOAD, "outlet"] = "Harbour Times"
    articles["outlet_group"] = articles["outlet"].map({"Coast Herald": "Local", "Capital Post": "National",
                                                       "Harbour Times": "Local"})
    quotes = tables[schema.QUOTES]
    quotes["shared_copy"] = quotes["quote_id"].eq("q-h1")
    quotes["statement_id"] = quotes["quote_id"].map({"q-b3": STATEMENT, "q-p1": STATEMENT})
    tables[schema.STATEMENTS] = schema.frame_from_rows(schema.STATEMENTS, [{
        "statement_id": STATEMENT, "speaker": "Priya Nair", "actor_id": "act-economist",
        "first_seen": dt.date(2025, 4, 10), "first_outlet": "Capital Post", "first_article_id": "art-budget",
        "first_quote_id": "q-b3", "text": quotes.loc[quotes["quote_id"] == "q-p1", "quote_text"].iloc[0],
        "n_quotes": 2, "n_articles": 2, "n_outlets": 2}])
    return tables


@pytest.fixture
def linked_data(tmp_path, monkeypatch):
    directory = tmp_path / "data"
    store.write_dataset(directory, _tables())
    monkeypatch.setenv("NEWSVOICES_DATA", str(directory))
    monkeypatch.setenv("NEWSVOICES_CACHE", str(tmp_path / "cache"))
    return directory


def open_page(page: str, **params) -> AppTest:
    """The app opening ``/<page>?<params>``, the page's own parameters given once the page is open."""
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.query_params.update(params)
    app.switch_page(f"pages/{page}.py").run()
    assert not app.exception, [item.value for item in app.exception]
    return app


def _comparison(app) -> pd.DataFrame:
    return app.dataframe[0].value.set_index("group")


def test_outlets_side_by_side_and_own_reporting_only(linked_data):
    app = open_page("outlets")
    table = _comparison(app)
    assert table.loc["Coast Herald", "quotes"] == 4 and table.loc["Capital Post", "quotes"] == 3
    assert table.loc["Coast Herald", "anonymous_share"] == pytest.approx(0.25)
    assert "Ana Lopez (2)" in table.loc["Coast Herald", "top_speakers"]
    assert app.query_params["by"] in ("outlet", ["outlet"])
    app.toggle(key="outlets_own").set_value(True).run()
    own = _comparison(app)
    assert own.loc["Coast Herald", "quotes"] == 3
    assert own.loc["Coast Herald", "shared_copy_share"] == pytest.approx(0.25)  # of its quotes before the switch
    assert app.query_params["own"] in ("1", ["1"])


def test_outlet_groups_come_from_the_link(linked_data):
    app = open_page("outlets", by="outlet_group", item=["Local", "National"])
    table = _comparison(app)
    assert list(table.index) == ["Local", "National"]
    assert table.loc["Local", "quotes"] == 6


def test_statement_list_and_journey_with_marked_differences(linked_data):
    app = open_page("statement")
    assert app.dataframe[0].value["speaker"].tolist() == ["Priya Nair"]
    app = open_page("statement", statement=STATEMENT)
    journey = app.dataframe[0].value
    assert journey["outlet"].tolist() == ["Capital Post", "Harbour Times"]
    assert journey["attributed_as"].tolist() == ["Economist Priya Nair said", "Priya Nair said"]
    page = html_of(app)
    assert "<ins>" in page and "<del>" in page
    assert SCRIPT_PAYLOAD not in page and "&lt;script&gt;" in page
    assert "carried by 2 outlets" in texts(app)


def test_a_statement_link_to_nothing_warns(linked_data):
    app = open_page("statement", statement="st_gone")
    assert "not in this dataset" in texts(app)


def test_a_dataset_without_statements_says_so(tmp_path, monkeypatch):
    from dashboard_fixture import write_fixture
    monkeypatch.setenv("NEWSVOICES_DATA", str(write_fixture(tmp_path / "data")))
    monkeypatch.setenv("NEWSVOICES_CACHE", str(tmp_path / "cache"))
    assert "No statement in this dataset" in texts(open_page("statement"))
    assert not open_page("outlets").exception


def test_wording_differences_are_marked_and_escaped():
    marked = statement_view.diff_html("There will be no compromise on the border",
                                      "“There is no <b>compromise</b> on the border,”")
    assert "<del>will be</del>" in marked and "<ins>is</ins>" in marked
    assert "&lt;b&gt;compromise&lt;/b&gt;" in marked and "<b>" not in marked
    assert "on the border,”" in marked and "<ins>on" not in marked
    assert statement_view.attribution("the Kremlin", "said") == "the Kremlin said"
    assert statement_view.attribution(None, None) == "(no speaker named)"


def test_shares_per_outlet_add_up_and_rare_values_are_other():
    quotes = pd.DataFrame({"group": ["A", "A", "A", "B"], "affiliation": ["x", "y", "z", "x"],
                           "speaker": ["s", "t", "s", "u"], "kind": ["person", "anonymous", "person", "person"],
                           "article_row": [0, 0, 1, 2], "shared_copy": [False, True, False, False]})
    shares = outlet_compare.shares_by(quotes, "affiliation", ["A", "B"], categories=2)
    assert shares.groupby("group")["share"].sum().round(6).tolist() == [1.0, 1.0]
    assert set(shares["affiliation"]) == {"x", "y", outlet_compare.OTHER} or set(shares["affiliation"]) == {
        "x", "z", outlet_compare.OTHER}
    row = outlet_compare.summary(quotes, ["A"]).iloc[0]
    assert (row["articles"], row["quotes"]) == (2, 3)
    assert row["anonymous_share"] == pytest.approx(1 / 3) and row["shared_copy_share"] == pytest.approx(1 / 3)
