import streamlit as st

from dashboard import aggregate, charts, session

ctx = session.open_page("Overview")

total = session.derived(ctx, "total", lambda: aggregate.counts(ctx.views.quotes))
shown = session.derived(ctx, "counts", lambda: aggregate.counts(ctx.quotes))
columns = st.columns(4)
# Counted from the quotes, so an article with no quote is left out: the label says so, beside the sentence below
# that counts every article of the dataset.
columns[0].metric("Articles with quotes", f"{shown.articles:,}",
                  help=f"of {len(ctx.views.articles):,} articles in the dataset")
columns[1].metric("Quotes", f"{shown.quotes:,}", help=f"{total.quotes:,} quotes in the dataset")
columns[2].metric("Speakers", f"{shown.speakers:,}")
columns[3].metric("Outlets", f"{shown.outlets:,}")
st.markdown(f"**Published:** {shown.span}")
if not ctx.filters.is_empty():
    st.caption(f"Counts for the current filters: {shown.quotes:,} of {total.quotes:,} quotes.")

st.markdown(
    f"This dataset covers **{aggregate.plural(len(ctx.views.articles), 'article')}** from "
    f"**{aggregate.plural(ctx.views.articles['outlet'].nunique(), 'outlet')}** ({total.span}). Quotes, speakers and their "
    "affiliations are extracted automatically from the article text. **Stance labels are automatic "
    "estimates**, not judgements: check the evidence and correct them on the Quotes page when wrong.")

if ctx.quotes.empty:
    session.empty_selection_message(ctx)
    st.stop()

session.timeline(ctx, ctx.quotes, "quotes-over-time", "Quotes per {period}")

left, right = st.columns(2)
with left:
    credited = session.derived(ctx, "credits", lambda: aggregate.speaker_credits(ctx.quotes, ctx.views.joint))
    speakers = session.derived(ctx, "top", lambda: aggregate.top_speakers(credited))
    session.chart(ctx, charts.ranked_bars(speakers, "speaker", colours=ctx.colours, title="Most quoted speakers",
                                       tooltip=["speaker", "affiliation", "quotes", "articles"]), "top-speakers")
with right:
    for column, title in (("affiliation", "Share of voice by affiliation"),
                          ("kind", "Share of voice by kind of speaker")):
        shares = session.derived(ctx, "share", lambda: aggregate.share_of_voice(credited, column), column)
        session.chart(ctx, charts.share_bars(shares, column, title=title), f"share-by-{column}")
