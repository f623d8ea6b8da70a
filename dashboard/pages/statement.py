import streamlit as st

from dashboard import aggregate, links, session, statement_view, table
from dashboard.highlight import markdown_text
from dashboard.outlet_cache import cached_quote_links, cached_statements

ctx = session.open_page("Statements")
statements = cached_statements(ctx.directory, ctx.key)
if statements.empty:
    st.info("No statement in this dataset is carried by more than one article. Statements group the same "
            "point by the same speaker across articles and outlets; they appear after a build with several "
            "outlets' coverage of the same events.")
    st.stop()

quote_links = cached_quote_links(ctx.directory, ctx.key)
chosen = st.query_params.get("statement")
if chosen and chosen not in set(statements["statement_id"]):
    st.warning("The linked statement is not in this dataset (a rebuild may have regrouped its quotes).")
    chosen = None

if not chosen:
    in_selection = quote_links["statement_id"].reindex(ctx.views.quotes.loc[ctx.quotes.index, "quote_id"])
    listing = session.derived(ctx, "statements", lambda: statement_view.statement_list(statements, in_selection))
    st.caption(f"{len(listing):,} of {aggregate.plural(len(statements), 'statement')} have a quote that matches "
               "the filters; the widest travelled first.")
    if listing.empty:
        session.empty_selection_message(ctx, what="statements", total=aggregate.plural(len(statements), "statement"))
        st.stop()
    event = st.dataframe(listing, key="statement_table", on_select="rerun", selection_mode="single-row",
                         hide_index=True, column_order=["speaker", "text", "first_seen", "first_outlet",
                                                        "n_outlets", "n_quotes"],
                         column_config={"text": st.column_config.TextColumn("wording", width="large"),
                                        "first_seen": "first seen", "first_outlet": "first outlet",
                                        "n_outlets": "outlets", "n_quotes": "quotes"})
    st.download_button("Download these statements (CSV)", lambda: table.to_csv(listing), mime="text/csv",
                       file_name="newsvoices-statements.csv", icon=":material/download:")
    rows = list(event.selection.rows) if event is not None else []
    if not rows:
        st.info("Tick the box at the start of a row to follow that statement across outlets.",
                icon=":material/left_click:")
        st.stop()
    chosen = str(listing.iloc[rows[0]]["statement_id"])
st.query_params["statement"] = chosen

st.markdown(f"[← All statements]({links.page_url('statement', ctx.filters)})")
statement = statements[statements["statement_id"] == chosen].iloc[0]
member_ids = quote_links.index[quote_links["statement_id"] == chosen]
quotes = ctx.views.quotes
members = quotes[quotes["quote_id"].isin(member_ids)].drop(columns=["speaker_text", "cue", "shared_copy"],
                                                           errors="ignore").join(
    quote_links[["speaker_text", "cue", "shared_copy"]], on="quote_id")
journey = statement_view.carriers(members)

st.markdown(f"**{markdown_text(statement['speaker'] or '(unknown speaker)')}** · first seen "
            f"{markdown_text(str(statement['first_seen'] or 'undated'))} in "
            f"{markdown_text(statement['first_outlet'] or '(unknown outlet)')} · carried by "
            f"{aggregate.plural(int(statement['n_outlets']), 'outlet')} in "
            f"{aggregate.plural(int(statement['n_quotes']), 'quote')}")
st.caption("Grouped automatically by wording and meaning: check the wordings below before citing the "
           "journey. A quote marked as shared copy came with a passage another outlet ran word for word.")

st.subheader("Outlets that carried it, in time order")
st.dataframe(journey, hide_index=True, column_order=["date", "outlet", "attributed_as", "type", "wording",
                                                     "shared_copy"],
             column_config={"attributed_as": st.column_config.TextColumn("attributed as", width="medium",
                                                                         help="the speaker and verb as written"),
                            "wording": st.column_config.TextColumn("wording", width="large"),
                            "shared_copy": st.column_config.CheckboxColumn("shared copy")})
st.download_button("Download this journey (CSV)", lambda: table.to_csv(journey), mime="text/csv",
                   file_name=f"newsvoices-statement-{chosen}.csv", icon=":material/download:")

st.subheader("Wordings side by side")
st.caption(f"Against the first-seen wording ({markdown_text(journey.iloc[0]['outlet'])}): words only in a "
           "variant are underlined in green, the first wording's words a variant lacks are struck through.")
st.html(statement_view.variants_html(journey, lambda quote_id: links.page_url("articles", quote=quote_id)))
