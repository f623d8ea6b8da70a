"""The newsvoices dashboard router: page setup, global filters, navigation. Pages only lay out."""
from __future__ import annotations

import streamlit as st

from dashboard import session

session.ensure_router(page_script=False)
# An emoji icon becomes a data: URL in the browser; a :material/...: page icon would be fetched from Google's servers.
st.set_page_config(page_title="newsvoices", page_icon="🗣️", layout="wide")

PAGES = {
    "overview": st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    "quotes": st.Page("pages/quotes.py", title="Quotes", icon=":material/format_quote:", url_path="quotes"),
    "speakers": st.Page("pages/speakers.py", title="Speakers", icon=":material/person:", url_path="speakers"),
    "stances": st.Page("pages/stances.py", title="Stances", icon=":material/balance:", url_path="stances"),
    "articles": st.Page("pages/articles.py", title="Articles", icon=":material/article:", url_path="articles"),
    "outlets": st.Page("pages/outlets.py", title="Outlets", icon=":material/newspaper:", url_path="outlets"),
    "statement": st.Page("pages/statement.py", title="Statements", icon=":material/forum:", url_path="statement"),
    "data": st.Page("pages/data.py", title="Data", icon=":material/database:", url_path="data"),
}

page = st.navigation(list(PAGES.values()))
page_key = next(key for key, candidate in PAGES.items() if candidate.url_path == page.url_path)

st.sidebar.title("newsvoices")
views = session.views()
session.seed_from_url(views)
filters = session.sidebar(views)
session.sync_url(filters, page_key)

page.run()
