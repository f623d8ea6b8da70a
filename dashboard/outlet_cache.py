"""The Outlets and Statement pages' extra columns, read once per dataset version (see outlet_data)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import outlet_data


@st.cache_resource(show_spinner=False, max_entries=2)
def cached_article_facts(directory: Path, views_key: str) -> pd.DataFrame:
    return outlet_data.article_facts(directory)


@st.cache_resource(show_spinner=False, max_entries=2)
def cached_quote_links(directory: Path, views_key: str) -> pd.DataFrame:
    return outlet_data.quote_links(directory)


@st.cache_resource(show_spinner=False, max_entries=2)
def cached_statements(directory: Path, views_key: str) -> pd.DataFrame:
    return outlet_data.statements(directory)
