import streamlit as st

from dashboard import highlight, loading, reader, session, table
from dashboard.correcting import correction_form, marked_not_a_quote, removed_quotes
from dashboard.highlight import markdown_text

ctx = session.open_page("Quotes")

shown = table.quote_table(ctx.quotes, ctx.stances, ctx.views.quotes)
st.markdown(table.showing_line(len(shown), len(ctx.quotes), len(ctx.views.quotes)))
st.caption("Search words and narrow by speaker, outlet, date or stance in the sidebar. Stance labels are "
           "automatic estimates (label, target, confidence); \"corrected\" marks fixes made by hand.")
if shown.empty:
    session.empty_selection_message(ctx)
    removed_quotes(ctx)
    st.stop()

chosen = st.query_params.get("quote")
ticked = [int(position) for position in (shown.index[shown["quote_id"] == chosen] if chosen else [])]
event = st.dataframe(
    shown, key=table.selection_key("quote_table", shown["quote_id"]), on_select="rerun", selection_mode="single-row", hide_index=True, lazy=False,
    selection_default={"selection": {"rows": ticked}} if ticked else None,
    column_order=table.SCREEN_COLUMNS, row_height=table.ROW_HEIGHT, height=table.table_height(len(shown)),
    column_config=session.quote_columns())
st.download_button("Download these quotes (CSV)", lambda: table.to_csv(shown), mime="text/csv",
                   file_name="newsvoices-quotes.csv", icon=":material/download:")
removed_quotes(ctx)

rows = list(event.selection.rows) if event is not None else []
if rows:
    chosen = str(shown.iloc[rows[0]]["quote_id"])
elif ticked:  # the user unticked the quote shown
    chosen = None
if chosen:
    st.query_params["quote"] = chosen
else:
    st.query_params.pop("quote", None)
everywhere = ctx.views.quotes
is_chosen = (everywhere["quote_id"] == chosen).to_numpy() if chosen else None
if is_chosen is None or not is_chosen.any():
    if chosen in {correction.quote_id for correction in marked_not_a_quote(ctx)}:
        st.info("This quote is marked “not a quote”, so it is left out everywhere. Put it back from the list "
                "above if that was a mistake.", icon=":material/block:")
    elif chosen:
        st.warning("The linked quote is not in this dataset.")
    st.info("Tick the box at the start of a row to read the whole quote in its paragraph, with its stance "
            "evidence and a link to the article.", icon=":material/left_click:")
    st.stop()
if not ticked and not rows:
    reason = ("the table lists only the newest quotes" if everywhere.index[is_chosen][0] in ctx.quotes.index
              else "it does not match the current filters")
    st.caption(f"This quote is not in the table above: {reason}.")

quote = everywhere.loc[is_chosen].iloc[0]
labels = ctx.views.stances
labels = labels[(labels["quote_row"].to_numpy() == quote.name)
                & (labels["confidence"].to_numpy() >= ctx.filters.min_confidence)]
row = table.quote_table(everywhere[is_chosen], labels).iloc[0]
st.subheader(markdown_text(quote["speaker"]) + (" (speaker corrected)" if quote["corrected"] else ""))
st.caption(markdown_text(f"{quote['outlet']}, {row['date']} - {quote['title'] or ''}"))
text = loading.text_of(str(quote["article_id"]), ctx.directory)
if text:
    marks = reader.highlights_for(everywhere[is_chosen], labels, ctx.colours,
                                  loading.quote_spans(str(quote["article_id"]), ctx.directory))
    st.html(highlight.quote_in_paragraph(text, marks))
else:
    st.warning("The article text is not in the dataset, so the quote cannot be shown in context.")
if row["stance"]:
    st.markdown("**Stance (automatic estimate)**")
    st.dataframe(labels[["target", "label", "confidence", "evidence", "corrected"]], hide_index=True,
                 column_config={"confidence": st.column_config.NumberColumn(
                     "confidence", format="%.2f", help="0 to 1: how sure the model is of the label"),
                     "evidence": st.column_config.TextColumn("evidence", help="the words that weighed most")})
else:
    st.caption("No stance label for this quote" + (f" at or above the minimum confidence "
                                                    f"({ctx.filters.min_confidence:.2f})." if ctx.filters.min_confidence
                                                    else "."))
st.page_link("pages/articles.py", label="Open the article in the reader", icon=":material/article:",
             query_params={"article": str(quote["article_id"]), "quote": str(quote["quote_id"])})
correction_form(ctx, quote)
