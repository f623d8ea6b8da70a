import streamlit as st

from dashboard import highlight, loading, session, table
from dashboard.highlight import markdown_text
from dashboard.charts import speaker_colour
from dashboard.correcting import correction_form

session.ensure_router()
ctx = session.context()
st.title("Quotes")
if not ctx.has_data:
    session.no_data_message()
    st.stop()

shown = table.quote_table(ctx.quotes, ctx.stances, ctx.views.quotes)
st.markdown(table.showing_line(len(shown), len(ctx.quotes), len(ctx.views.quotes)))
st.caption("Search words and narrow by speaker, outlet, date or stance in the sidebar. Stance labels are "
           "automatic estimates (label, target, confidence); \"corrected\" marks fixes made by hand.")
if shown.empty:
    session.empty_selection_message(ctx)
    st.stop()

event = st.dataframe(
    shown, key="quote_table", on_select="rerun", selection_mode="single-row", hide_index=True, lazy=False,
    column_order=[c for c in table.TABLE_COLUMNS if c not in ("quote_id", "article_id")],
    column_config={"quote": st.column_config.TextColumn("quote", width="large"),
                   "stance": st.column_config.TextColumn("stance (automatic)", width="medium")})
st.download_button("Download these quotes (CSV)", lambda: table.to_csv(shown), mime="text/csv",
                   file_name="newsvoices-quotes.csv", icon=":material/download:")

rows = event.selection.rows if event is not None else []
if rows:
    st.query_params["quote"] = str(shown.iloc[rows[0]]["quote_id"])
chosen = st.query_params.get("quote")
everywhere = ctx.views.quotes
if not chosen or chosen not in set(shown["quote_id"]) and not (everywhere["quote_id"] == chosen).any():
    if chosen:
        st.warning("The linked quote is not in this dataset.")
    st.caption("Select a row to read the quote in its paragraph.")
    st.stop()

is_chosen = everywhere["quote_id"] == chosen
quote = everywhere.loc[is_chosen].iloc[0]
row = table.quote_table(everywhere[is_chosen], ctx.views.stances[ctx.views.stances["confidence"]
                                                                  >= ctx.filters.min_confidence]).iloc[0]
st.subheader(markdown_text(quote["speaker"]) + (" (speaker corrected)" if quote["corrected"] else ""))
st.caption(markdown_text(f"{quote['outlet']}, {row['date']} - {quote['title'] or ''}"))
text = loading.text_of(str(quote["article_id"]), ctx.directory)
if text:
    mark = highlight.Highlight(int(quote["quote_start"]), int(quote["quote_end"]),
                               speaker_colour(ctx.colours, str(quote["speaker"])),
                               f"{quote['speaker']}: {row['stance'] or 'no stance label'}", str(quote["quote_id"]))
    st.html(highlight.quote_in_paragraph(text, mark))
else:
    st.warning("The article text is not in the dataset, so the quote cannot be shown in context.")
if row["stance"]:
    st.markdown("**Stance (automatic estimate)**")
    st.text(row["stance"])
    labels = ctx.views.stances
    evidence = labels.loc[(labels["quote_id"] == chosen) & (labels["confidence"] >= ctx.filters.min_confidence),
                          ["target", "label", "confidence", "evidence", "corrected"]]
    st.dataframe(evidence, hide_index=True)
st.page_link("pages/articles.py", label="Open the article in the reader", icon=":material/article:",
             query_params={"article": str(quote["article_id"])})
correction_form(ctx, quote)
