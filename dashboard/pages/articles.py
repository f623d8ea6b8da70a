import streamlit as st

from dashboard import aggregate, loading, reader, session

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
if chosen and chosen not in set(ctx.views.articles["article_id"]):
    st.warning("The linked article is not in this dataset (it may have been removed in a rebuild).")
    chosen = None

st.caption(f"{len(listing):,} of {aggregate.plural(len(ctx.views.articles), 'article')} match the filters.")
if listing.empty and not chosen:
    session.empty_selection_message(ctx, what="articles",
                                    total=aggregate.plural(len(ctx.views.articles), "article"))
    st.stop()
event = st.dataframe(listing.head(2000), key="article_table", on_select="rerun", selection_mode="single-row",
                     hide_index=True, lazy=False, column_order=["date", "outlet", "title", "quotes", "words"],
                     column_config={"quotes": st.column_config.NumberColumn("quotes", help="quotes in the article "
                                                                            "that match the filters"),
                                    "words": st.column_config.NumberColumn("words", help="length of the article")})
if event is not None and event.selection.rows:
    chosen = str(listing.iloc[event.selection.rows[0]]["article_id"])
if not chosen and len(listing) == 1:
    chosen = str(listing.iloc[0]["article_id"])
if not chosen:
    st.info("Tick the box at the start of a row to read that article with its quotes highlighted.",
            icon=":material/left_click:")
    st.stop()
st.query_params["article"] = chosen

article_row = int(ctx.views.articles.index[ctx.views.articles["article_id"] == chosen][0])
article = ctx.views.articles.loc[article_row]
text = loading.text_of(chosen, ctx.directory)
quotes = ctx.views.quotes[ctx.views.quotes["article_row"].to_numpy() == article_row]
st.divider()
if text is None:
    st.warning("This article's text is missing from the dataset.")
    st.stop()
labels = ctx.views.stances[(ctx.views.stances["article_row"].to_numpy() == article_row)
                          & (ctx.views.stances["confidence"].to_numpy() >= ctx.filters.min_confidence)]
st.caption(f"{aggregate.plural(len(quotes), 'quote')} highlighted, one colour per speaker; hover a quote for "
           "its speaker and the automatic stance estimate.")
st.html(reader.reader_html(article, text, quotes, labels, ctx.colours, loading.quote_spans(chosen, ctx.directory)))
