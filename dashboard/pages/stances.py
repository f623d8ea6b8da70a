import streamlit as st

from dashboard import aggregate, charts, session
from dashboard.highlight import markdown_text

ctx = session.open_page("Stances")
st.info("Every stance label here is an **automatic estimate** of how a quote leans towards a target "
        f"(favor, against, neutral, unclear), with its confidence and the words it rests on. Labels below "
        f"the sidebar's minimum confidence ({ctx.filters.min_confidence:.2f}) are hidden; \"corrected\" marks "
        "labels fixed by hand.", icon=":material/info:")
if ctx.stances.empty:
    session.empty_selection_message(ctx, what="stance labels")
    st.stop()

st.subheader("Who leans which way, on what")
matrix = session.derived(ctx, "matrix", lambda: aggregate.stance_matrix(ctx.stances))
session.chart(ctx, charts.stance_heatmap(matrix, title="Net stance by speaker and target"), "stance-heatmap",
              stretch=charts.heatmap_fills_width(matrix))
st.caption("Colour: share of favor minus share of against per speaker and target; number: labelled quotes.")

# Listed alphabetically (ignoring case) to be found; the most labelled target is the default. The choice
# goes into the URL (``about=``), so a copied link shows the same bars and timeline.
by_count = session.derived(ctx, "targets", lambda: aggregate.by_frequency(ctx.stances["target"]))
targets = charts.casefold_order(by_count)
requested = st.query_params.get("about")
if requested and requested not in targets:
    st.warning(f"The link asks for the target {markdown_text(requested)}, which has no stance labels here "
               "with the current filters.", icon=":material/link_off:")
start = requested if requested in targets else by_count[0]
if st.session_state.get("stance_page_target") not in targets:
    st.session_state["stance_page_target"] = start
target = st.selectbox("Target for the per-speaker bars and the timeline", targets, key="stance_page_target")
st.query_params["about"] = target
segments = session.derived(ctx, "diverging", lambda: aggregate.diverging(ctx.stances, target), target)
if segments.empty:
    st.info(f"Only \"unclear\" labels for {markdown_text(target)}.")
else:
    session.chart(ctx, charts.diverging_bars(segments, target), "stance-by-speaker")
    st.caption("Each bar is one speaker's labels on this target as shares; in brackets, how many labels they "
               "have (\"unclear\" included). \"Unclear\" labels are left out of the bars.")

about_target = ctx.stances[ctx.stances["target"] == target]
session.timeline(ctx, about_target, "stance-over-time", f"Stance towards {target} per " + "{period}",
                 noun="stance labels", by="label", key=(target,))

st.subheader(f"Labels towards {markdown_text(target)} and their evidence")
evidence = about_target.sort_values("confidence", ascending=False).head(2000)
evidence = evidence.join(ctx.views.stances.loc[evidence.index, ["evidence", "quote_id"]])
evidence = evidence.join(ctx.views.quotes[["quote_text"]].iloc[evidence["quote_row"].to_numpy()]
                         .set_axis(evidence.index))
st.dataframe(
    evidence.assign(estimate=evidence["corrected"].map({True: "corrected by hand", False: "automatic estimate"}),
                    published=evidence["published"].dt.strftime("%Y-%m-%d"))[
        ["speaker", "label", "confidence", "quote_text", "evidence", "estimate", "target", "outlet", "published"]],
    hide_index=True,
    column_config={"speaker": st.column_config.TextColumn("speaker", width=140),
                   "confidence": st.column_config.NumberColumn("confidence", format="%.2f",
                                                               help="0 to 1: how sure the model is of the label"),
                   "quote_text": st.column_config.TextColumn("quote", width=380),
                   "evidence": st.column_config.TextColumn("evidence", help="the words that weighed most")})
