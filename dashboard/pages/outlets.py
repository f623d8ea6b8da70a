import streamlit as st

from dashboard import charts, outlet_compare, session, table
from dashboard.highlight import markdown_text
from dashboard.outlet_cache import cached_article_facts, cached_quote_links

base = session.open_page("Outlets")
ctx = session.context(base.filters.with_(outlets=()))  # the outlets compared replace the sidebar's outlet filter
if ctx.quotes.empty:
    session.empty_selection_message(ctx)
    st.stop()

facts = cached_article_facts(ctx.directory, ctx.key)
links = cached_quote_links(ctx.directory, ctx.key)
groupings = [key for key in outlet_compare.GROUPINGS if key == "outlet" or facts[key].notna().any()]
requested_by = st.query_params.get("by", "outlet")
by = st.radio("Compare", groupings, index=groupings.index(requested_by) if requested_by in groupings else 0,
              format_func=outlet_compare.GROUPINGS.get, horizontal=True, key="outlets_by",
              help="Groups come from your outlets.csv beside the dataset; types and countries from the "
                   "shipped outlet table.")
own_only = st.toggle("Own reporting only", value=st.query_params.get("own") == "1", key="outlets_own",
                     help="Leave out quotes inside passages the article shares word for word with another "
                          "outlet's article (wire copy), except in the agency's own story.")

quote_ids = ctx.views.quotes.loc[ctx.quotes.index, "quote_id"].to_numpy()
article_ids = ctx.views.quotes.loc[ctx.quotes.index, "article_id"].to_numpy()
shared = links["shared_copy"].reindex(quote_ids).fillna(False).to_numpy(dtype=bool)
frame = session.derived(ctx, "outlet-groups", lambda: outlet_compare.with_groups(
    ctx.quotes, article_ids, facts, shared, by), by)
everything = frame
if own_only:
    frame = frame[~frame["shared_copy"].to_numpy()]
if frame.empty:
    st.info("Every quote of the selection lies in shared copy: no own reporting to compare.")
    st.stop()

everyone = sorted(frame["group"].unique(), key=str.casefold)
requested = [item for item in st.query_params.get_all("item") if item in everyone]
chosen = st.multiselect(outlet_compare.GROUPINGS[by], everyone, default=requested or
                        outlet_compare.biggest_groups(frame), key=f"outlets_items_{by}",
                        placeholder="choose what to compare")
st.query_params["by"] = by
st.query_params["item"] = chosen
if own_only:
    st.query_params["own"] = "1"
else:
    st.query_params.pop("own", None)
if not chosen:
    st.info("Choose at least one to compare.")
    st.stop()

overview = outlet_compare.summary(frame, chosen, everything=everything)
st.dataframe(overview, hide_index=True, column_config={
    "group": st.column_config.TextColumn(outlet_compare.GROUPINGS[by]),
    "anonymous_share": st.column_config.NumberColumn("anonymous", format="percent",
                                                     help="share of quotes from unnamed sources"),
    "shared_copy_share": st.column_config.NumberColumn("in shared copy", format="percent",
                                                       help="share of quotes inside passages shared with "
                                                            "another outlet's article"),
    "top_speakers": st.column_config.TextColumn("most quoted", width="large")})
st.download_button("Download this comparison (CSV)", lambda: table.to_csv(overview), mime="text/csv",
                   file_name="newsvoices-outlets.csv", icon=":material/download:")
if own_only:
    st.caption(f"Own reporting only: {len(frame):,} of {len(ctx.quotes):,} quotes of the selection.")

for column, title in (("affiliation", "Share of voice by speaker affiliation"),
                      ("kind", "Share of voice by kind of speaker")):
    shares = outlet_compare.shares_by(frame, column, chosen)
    session.chart(ctx, charts.stacked_shares(shares, column, title=title), f"outlets-by-{column}")

st.subheader("Most quoted, side by side")
speakers = outlet_compare.top_speakers(frame, chosen)
columns = st.columns(min(len(chosen), 3))
for index, name in enumerate(chosen):
    with columns[index % len(columns)]:
        st.markdown(f"**{markdown_text(name)}**")
        own = speakers[speakers["group"] == name][["speaker", "quotes", "share"]]
        st.dataframe(own, hide_index=True, column_config={
            "share": st.column_config.NumberColumn("share", format="percent")})
