import streamlit as st

from dashboard import aggregate, highlight, loading, reader, session, table
from dashboard.filters import active_filters
from dashboard.highlight import markdown_text

ctx = session.open_page("Articles")

quote_filters = ctx.filters.with_(outlets=(), date_from=None, date_to=None, min_confidence=0.0)
articles = ctx.views.articles
if ctx.filters.outlets:
    articles = articles[articles["outlet"].isin(ctx.filters.outlets)]
if ctx.filters.date_from:
    articles = articles[articles["published"].dt.date >= ctx.filters.date_from]
if ctx.filters.date_to:
    articles = articles[articles["published"].dt.date <= ctx.filters.date_to]
listing = session.derived(ctx, "articles", lambda: aggregate.article_list(
    articles, ctx.quotes, quotes_filtered=not quote_filters.is_empty()))

chosen = st.query_params.get("article")
focus = st.query_params.get("quote")  # a quote opened from the Quotes page: marked and scrolled to
quote_ids = ctx.views.quotes["quote_id"]
if focus and not chosen and (quote_ids == focus).any():
    chosen = str(ctx.views.quotes.loc[(quote_ids == focus).to_numpy(), "article_id"].iloc[0])
if chosen and chosen not in set(ctx.views.articles["article_id"]):
    st.warning("The linked article is not in this dataset (it may have been removed in a rebuild).")
    chosen = None

st.caption(f"{len(listing):,} of {aggregate.plural(len(ctx.views.articles), 'article')} match the filters.")
if listing.empty and not chosen:
    session.empty_selection_message(ctx, what="articles",
                                    total=aggregate.plural(len(ctx.views.articles), "article"))
    st.stop()
listed = listing.head(2000)
if not chosen and len(listing) == 1:
    chosen = str(listing.iloc[0]["article_id"])
ticked = [int(row) for row in (listed.index[listed["article_id"] == chosen] if chosen else [])]
event = st.dataframe(listed, key=table.selection_key("article_table", listed["article_id"]), on_select="rerun",
                     selection_mode="single-row",
                     selection_default={"selection": {"rows": ticked}} if ticked else None,
                     hide_index=True, lazy=False, column_order=["date", "outlet", "title", "quotes", "words"],
                     column_config={"quotes": st.column_config.NumberColumn("quotes", help="quotes in the article "
                                                                            "that match the filters"),
                                    "words": st.column_config.NumberColumn("words", help="length of the article")})
rows = list(event.selection.rows) if event is not None else []
if rows and str(listed.iloc[rows[0]]["article_id"]) != chosen:
    chosen, focus = str(listed.iloc[rows[0]]["article_id"]), None
elif ticked and not rows:  # the user unticked the article shown
    chosen = focus = None
if not chosen:
    st.query_params.pop("article", None)
    st.query_params.pop("quote", None)
    st.info("Tick the box at the start of a row to read that article with its quotes highlighted.",
            icon=":material/left_click:")
    st.stop()
st.query_params["article"] = chosen

article_row = int(ctx.views.articles.index[ctx.views.articles["article_id"] == chosen][0])
article = ctx.views.articles.loc[article_row]
text = loading.text_of(chosen, ctx.directory)
in_article = ctx.views.quotes[ctx.views.quotes["article_row"].to_numpy() == article_row]
if focus and focus not in set(in_article["quote_id"]):
    st.warning("The linked quote is not in this article.")
    focus = None
if focus:
    st.query_params["quote"] = focus
else:
    st.query_params.pop("quote", None)
# The article is chosen already: only the quote-level filters (speaker, type, stance, search) pick its quotes.
matching = session.context(ctx.filters.with_(outlets=(), date_from=None, date_to=None)).quotes
matching = matching[matching["article_row"].to_numpy() == article_row]
shown = in_article[in_article.index.isin(matching.index) | (in_article["quote_id"] == focus).to_numpy()]
st.divider()
if text is None:
    st.warning("This article's text is missing from the dataset.")
    st.stop()
labels = ctx.views.stances[(ctx.views.stances["article_row"].to_numpy() == article_row)
                          & (ctx.views.stances["confidence"].to_numpy() >= ctx.filters.min_confidence)]
view = reader.reader_html(article, text, shown, labels, ctx.colours, loading.quote_spans(chosen, ctx.directory),
                          focus=focus)
st.caption(reader.highlight_caption(len(view.drawn), len(shown), len(in_article),
                                    focus_outside=bool(focus) and focus not in set(ctx.views.quotes.loc[
                                        matching.index, "quote_id"]),
                                    filters=[markdown_text(d) for d, _ in active_filters(ctx.filters)]))
st.html(view.html)
if focus in view.drawn:
    st.html(highlight.SCROLL_TO_FOCUS, unsafe_allow_javascript=True)
