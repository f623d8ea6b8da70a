import shutil

import numpy as np
import pandas as pd
import streamlit as st

from data_prep import schema
from data_prep.corrections import corrections_frame, read_corrections
from data_prep.user_files import user_file_problems
from dashboard import aggregate, exports, loading, session, uploads
from dashboard.highlight import markdown_text

PROBLEMS = ("failed", "warning", "duplicate")
LOG_ROWS = 2000

ctx = session.open_page("Data", require_data=False)

st.subheader("Dataset")
st.markdown(f"**Folder:** {markdown_text(ctx.directory)}")  # user strings show as typed (#15 item 12)
writable = loading.writable(ctx.directory)
if not writable:
    st.info("This dataset folder is read-only, so it is opened for reading only: adding articles and saving "
            "corrections are switched off. To change it, copy the folder somewhere you can write and point "
            "the app at the copy.", icon=":material/lock:")
damage = loading.damaged_table(ctx.directory)
if damage:
    st.error(markdown_text(damage), icon=":material/broken_image:")
if ctx.has_data:
    info = loading.dataset_info(ctx.directory)
    views = ctx.views
    summary = pd.DataFrame({
        "table": ["articles", "quotes", "speakers and other actors", "mentions", "stance labels", "ingest log"],
        "rows": [len(views.articles), len(views.quotes), len(views.actors), len(views.mentions),
                 len(views.stances), len(views.ingest_log)]})
    st.dataframe(summary, hide_index=True)
    if info.get("built_at"):
        st.caption(markdown_text(f"Built {info['built_at']} (version {info.get('version', '?')})."))
    st.subheader("Ingest log")
    log = views.ingest_log
    failed = log[log["status"] == "failed"]
    if len(failed):
        st.warning(f"{len(failed):,} input record{'s' if len(failed) != 1 else ''} failed; "
                   "see the messages below.")
    st.markdown(aggregate.ingest_summary(log["status"]))
    statuses = st.multiselect("Status", list(schema.INGEST_STATUSES), default=[], placeholder="all statuses",
                              key="data_page_status")
    shown = log[log["status"].isin(statuses)] if statuses else log
    # Problems first; a long log is cut so the page stays quick (pick a status to see others).
    shown = shown.iloc[np.argsort(~shown["status"].isin(PROBLEMS).to_numpy(), kind="stable")]
    if len(shown) > LOG_ROWS:
        st.caption(f"Showing the first {LOG_ROWS:,} of {len(shown):,} entries, problems first.")
    st.dataframe(shown.head(LOG_ROWS), hide_index=True,
                 column_config={"message": st.column_config.TextColumn("message", width="large")})
else:
    session.no_data_message()

st.subheader("Add articles")
st.caption(f"Plain text, Markdown, HTML, JSON Lines or CSV; at most {uploads.MAX_UPLOAD_BYTES // 2**20} MiB a file. "
           "The dataset is rebuilt with the new articles; articles analysed before are not analysed again, "
           "and the ingest log then lists this build.")
files = st.file_uploader("Article files", type=uploads.UPLOAD_TYPES, accept_multiple_files=True,
                         key="data_page_upload", max_upload_size=uploads.MAX_UPLOAD_BYTES // 2**20,
                         disabled=not writable)
keep = st.checkbox(f"Keep the {aggregate.plural(len(ctx.views.articles), 'article')} already in the dataset",
                   value=True,
                   disabled=not ctx.has_data or not writable, key="data_page_keep",
                   help="Unticked, the dataset is rebuilt from the uploaded files alone.")
if st.button("Build the dataset", disabled=not files or not writable, icon=":material/build:"):
    saved = uploads.save_uploads([(file.name, file.getvalue()) for file in files])
    for problem in saved.rejected:
        st.error(markdown_text(problem))
    if saved.paths:
        bar = st.progress(0.0, text="Reading articles...")

        def progress(done: int, total: int) -> None:
            bar.progress(min(1.0, done / total) if total else 1.0, text=f"Article {done:,} of {total:,}")

        # The box is passed as ticked even when the page saw no dataset: the build looks again itself, so
        # a dataset hidden for a moment (a swap in progress) is kept, never built over.
        result = uploads.build_uploads(saved.paths, ctx.directory, keep_existing=keep, progress=progress)
        if result.error:
            st.error(f"The build stopped: {markdown_text(result.error)}")
        else:
            bar.progress(1.0, text="Done")
            st.success(f"{markdown_text(result.message)} Built: {result.built}, duplicates: "
                       f"{result.duplicates}, failed: {result.failed}. The pages now show the new data.")
    shutil.rmtree(saved.directory, ignore_errors=True)

st.subheader("Corrections")
corrections = corrections_frame(read_corrections(ctx.directory).corrections)
problems = user_file_problems(ctx.directory)
if problems:
    st.warning(f"{aggregate.plural(len(problems), 'line')} of the files you keep beside the tables could not be "
               "used. They stay in the files untouched (a save never removes them); fix them in a text editor:",
               icon=":material/warning:")
    st.dataframe(pd.DataFrame({"problem": problems}), hide_index=True,
                 column_config={"problem": st.column_config.TextColumn("problem", width="large")})
if corrections.empty:
    st.caption("No corrections yet. Fix a quote's speaker, words, type or stance label from the Quotes page.")
else:
    st.caption(f"{len(corrections):,} corrections, applied every time the data loads (the latest one per quote "
               "and field counts). They are kept in corrections.csv beside the tables, so rebuilds keep them.")
    st.dataframe(corrections, hide_index=True)
    st.download_button("Export corrections (CSV)", exports.csv_bytes(corrections),
                       file_name="newsvoices-corrections.csv", mime="text/csv", icon=":material/download:")
