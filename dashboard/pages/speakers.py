import streamlit as st

from dashboard import aggregate, charts, links, session, table
from dashboard.highlight import markdown_text

base = session.open_page("Speakers")

# The speaker picked here replaces the sidebar's speaker filter; every other filter still applies.
ctx = session.context(base.filters.with_(speakers=()))
everyone = base.views.speaker_order
if not everyone:
    session.empty_selection_message(base)
    st.stop()
requested = st.query_params.get("actor")
matches = links.name_matches(requested, everyone) if requested else []
if len(matches) > 1:
    st.warning(f"“{markdown_text(requested)}” matches several speakers: "
               + ", ".join(markdown_text(name) for name in matches[:session.MATCHES_LISTED])
               + (" and more" if len(matches) > session.MATCHES_LISTED else "") + ". Choose one below.",
               icon=":material/link_off:")
elif requested and not matches:
    st.warning(f"No speaker called “{markdown_text(requested)}” in this dataset.", icon=":material/link_off:")
start = matches[0] if len(matches) == 1 else (base.filters.speakers[0] if base.filters.speakers else everyone[0])
find = ""
if len(everyone) > session.SPEAKER_CHOICES:
    find = st.text_input("Find a speaker", key="speaker_page_find", placeholder=f"{len(everyone):,} speakers")
names = aggregate.names_matching(everyone, find, session.SPEAKER_CHOICES, keep=(start, *matches))
speaker = st.selectbox("Speaker", names, index=0, key=f"speaker_page_choice_{find}",
                       help="Most quoted first. Type in the list or in the box above to search.")
st.query_params["actor"] = speaker

actors = base.views.actors
profile = actors[actors["name"] == speaker]
# A joint quote ("Witkoff and Kushner said") is counted for each of its speakers.
own_quotes = aggregate.quotes_credited_to(ctx.quotes, base.views.joint, speaker)
all_quotes = aggregate.quotes_credited_to(base.views.quotes, base.views.joint, speaker)
mention_count = int(base.views.mentions["actor_id"].isin(profile["actor_id"]).sum())

if not profile.empty:
    first = profile.iloc[0]
    facts = {"Role": first["role"], "Affiliation": first["affiliation"], "Kind": first["kind"]}
    st.markdown(" · ".join(f"**{key}:** {markdown_text(value)}" for key, value in facts.items()
                           if value and str(value) != "nan"))
else:
    st.caption("Speaker found in the text but not matched to a known actor.")
filtered = not ctx.filters.is_empty()
columns = iter(st.columns(3 if filtered else 2))
next(columns).metric("Quotes (all)", f"{len(all_quotes):,}", help="quotes by this speaker in the whole dataset")
if filtered:
    next(columns).metric("Quotes (filtered)", f"{len(own_quotes):,}",
                         help="quotes by this speaker that pass the sidebar's filters")
next(columns).metric("Mentions", f"{mention_count:,}", help="times this actor is named in the articles, "
                                                            "whether quoted there or not")

if own_quotes.empty:
    session.empty_selection_message(ctx, what=f"quotes by {markdown_text(speaker)}")
    st.stop()

left, right = st.columns(2)
with left:
    session.timeline(ctx, own_quotes, "speaker-quotes-over-time", "Quotes per {period}", key=(speaker,),
                     subject=f"Speaker: {speaker}")
with right:
    partners = session.derived(ctx, "partners", lambda: aggregate.co_quoted(ctx.quotes, speaker), speaker)
    if partners.empty:
        st.markdown("**Quoted alongside**")
        st.caption("Nobody else is quoted in the same articles.")
    elif partners["shared_articles"].max() == 1 and own_quotes["article_row"].nunique() == 1:
        # One article: bars of equal length would say nothing, the names say it all.
        st.markdown("**Quoted alongside (same article)**")
        st.markdown(markdown_text(aggregate.alongside_sentence(partners)))
    else:
        session.chart(ctx, charts.ranked_bars(partners, "speaker", "shared_articles", colours=ctx.colours,
                                           title="Quoted alongside (same articles)",
                                           tooltip=["speaker", "shared_articles", "quotes"]), "quoted-alongside",
                      subject=f"Speaker: {speaker}")

st.subheader("Stance profile (automatic estimates)")
labels = ctx.stances[ctx.stances["speaker"] == speaker]
if labels.empty:
    st.info("No stance labels for this speaker's quotes at the current minimum confidence.")
else:
    long = (labels.groupby(["target", "label"], observed=True).size().rename("count").reset_index())
    long = long[long["count"] > 0].astype({"target": str, "label": str})
    session.chart(ctx, charts.stance_profile(long), "stance-profile", subject=f"Speaker: {speaker}",
                  title="Stance profile (automatic estimates)")

st.subheader("Their quotes")
shown = table.quote_table(own_quotes, ctx.stances, ctx.views.quotes)
st.caption(table.showing_line(len(shown), len(own_quotes), len(all_quotes)))
st.dataframe(shown, hide_index=True, column_order=["date", "quote", "stance", "outlet", "corrected", "type"],
             row_height=table.ROW_HEIGHT, height=table.table_height(len(shown)),
             column_config=session.quote_columns())
st.download_button("Download these quotes (CSV)", lambda: table.to_csv(shown), mime="text/csv",
                   file_name="newsvoices-speaker-quotes.csv", icon=":material/download:")
