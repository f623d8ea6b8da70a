import streamlit as st

from dashboard import aggregate, charts, session
from dashboard.highlight import markdown_text

session.ensure_router()
ctx = session.context()
st.title("Stances")
if not ctx.has_data:
    session.no_data_message()
    st.stop()
st.info("Every stance label here is an **automatic estimate** of how a quote leans towards a target "
        f"(favor, against, neutral, unclear), with its confidence and the words it rests on. Labels below "
        f"the sidebar's minimum confidence ({ctx.filters.min_confidence:.2f}) are hidden; \"corrected\" marks "
        "labels fixed by hand.", icon=":material/info:")
if ctx.stances.empty:
    session.empty_selection_message(ctx, what="stance labels")
    st.stop()

st.subheader("Who leans which way, on what")
matrix = session.derived(ctx, "matrix", lambda: aggregate.stance_matrix(ctx.stances))
session.chart(charts.stance_heatmap(matrix), "stance-heatmap")
st.caption("Colour: share of favor minus share of against per speaker and target; number: labelled quotes.")

targets = session.derived(ctx, "targets", lambda: aggregate.by_frequency(ctx.stances["target"]))
target = st.selectbox("Target for the per-speaker bars and the timeline", targets, key="stance_page_target")
segments = session.derived(ctx, "diverging", lambda: aggregate.diverging(ctx.stances, target), target)
if segments.empty:
    st.info(f"Only \"unclear\" labels for {markdown_text(target)}.")
else:
    session.chart(charts.diverging_bars(segments, target), "stance-by-speaker")

about_target = ctx.stances[ctx.stances["target"] == target]
period = aggregate.period_for(about_target["published"])
timeline = aggregate.over_time(about_target, period, by="label", value="labels")
if not timeline.empty:
    timeline["label"] = timeline["label"].astype(str)
    session.chart(charts.over_time(timeline, period, value="labels", by="label",
                                     title=f"Stance towards {target} per {period}"), "stance-over-time")

st.subheader("Labels and their evidence")
evidence = about_target.sort_values("confidence", ascending=False).head(2000)
evidence = evidence.join(ctx.views.stances.loc[evidence.index, ["evidence", "quote_id"]])
st.dataframe(
    evidence.assign(estimate=evidence["corrected"].map({True: "corrected by hand", False: "automatic estimate"}),
                    published=evidence["published"].dt.strftime("%Y-%m-%d"))[
        ["speaker", "target", "label", "confidence", "estimate", "evidence", "outlet", "published", "quote_id"]],
    hide_index=True,
    column_config={"confidence": st.column_config.NumberColumn("confidence", format="%.2f")})
