"""The forms that fix one quote (Streamlit): its speaker, a stance label, its span and type, or "not a quote".

Saved through data_prep.corrections; docs/corrections.md says how each kind applies.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.compute as pc
import pyarrow.parquet as pq
import streamlit as st

from data_prep import schema, store
from data_prep.corrections import (IS_A_QUOTE, NOT_A_QUOTE, QUOTE_TYPE, SPAN, SPEAKER, STANCE, Correction,
                                   corrections_stamp, latest_by_key, load_corrections, save_correction)
from dashboard import loading, reader
from dashboard.highlight import markdown_text
from dashboard.session import Context

TYPE_A_NAME = "Type a name..."


def correction_form(ctx: Context, quote: pd.Series) -> None:
    quote_id = str(quote["quote_id"])
    with st.expander("Correct this quote", icon=":material/edit:"):
        speaker_tab, stance_tab, quote_tab = st.tabs(["Speaker", "Stance", "Words and type"])
        with speaker_tab, st.form(f"fix-speaker-{quote_id}"):
            actors = ctx.views.actors.sort_values("name")
            labels = {row.actor_id: f"{row.name} ({row.kind})" for row in actors.itertuples()}
            choice = st.selectbox("Who said it", [TYPE_A_NAME, *labels], format_func=lambda a: labels.get(a, a),
                                  index=None, placeholder=f"now: {quote['speaker']}")
            typed = st.text_input("New speaker name (when not in the list)")
            note = st.text_input("Note (optional)", key=f"speaker-note-{quote_id}")
            if st.form_submit_button("Save speaker"):
                actor_id = choice if choice not in (None, TYPE_A_NAME) else ""
                # The name is saved with the id: if a rebuild renames the actor, the name still finds them.
                name = str(actors.loc[actors["actor_id"] == actor_id, "name"].iloc[0]) if actor_id else typed
                _save(ctx, Correction(quote_id=quote_id, field=SPEAKER, actor_id=actor_id,
                                      speaker_name=name, note=note))
        with stance_tab, st.form(f"fix-stance-{quote_id}"):
            existing = ctx.views.stances.loc[ctx.views.stances["quote_id"] == quote_id, "target"].astype(str)
            targets = list(dict.fromkeys([*existing, *ctx.views.stances["target"].astype(str).value_counts()
                                          .index[:50]]))
            target = st.selectbox("Target", targets, index=0 if targets else None, accept_new_options=True,
                                  placeholder="type a target")
            label = st.radio("Stance", schema.STANCE_LABELS, horizontal=True)
            note = st.text_input("Note (optional)", key=f"stance-note-{quote_id}")
            if st.form_submit_button("Save stance"):
                _save(ctx, Correction(quote_id=quote_id, field=STANCE, target=target or "", label=label, note=note))
        with quote_tab:
            _quote_forms(ctx, quote)


def _quote_forms(ctx: Context, quote: pd.Series) -> None:
    quote_id = str(quote["quote_id"])
    with st.form(f"fix-span-{quote_id}"):
        words = st.text_area("The quote's words, exactly as in the article",
                             value=str(quote["quote_text"] or ""), key=f"span-words-{quote_id}",
                             help="Cut words that are not the speaker's, or add the ones the extraction missed "
                                  "(copy them from the article). The highlight and the quote text follow.")
        if st.form_submit_button("Save the words"):
            text = loading.text_of(str(quote["article_id"]), ctx.directory)
            near = int(quote["quote_start"]) if pd.notna(quote["quote_start"]) else 0
            found = reader.find_words(text or "", words, near)
            if found is None:
                st.error("Not saved: the article does not contain these words exactly as typed. Copy them from "
                         "the article (the reader shows it whole).")
            else:
                _save(ctx, Correction(quote_id=quote_id, field=SPAN, quote_start=str(found[0]),
                                      quote_end=str(found[1]), quote_text=(text or "")[found[0]:found[1]]))
    with st.form(f"fix-type-{quote_id}"):
        current = str(quote["quote_type"])
        kind = st.radio("Quote type", schema.QUOTE_TYPES, horizontal=True, key=f"type-{quote_id}",
                        index=schema.QUOTE_TYPES.index(current) if current in schema.QUOTE_TYPES else 0,
                        help="direct: in quotation marks; indirect: reported speech; mixed: both")
        if st.form_submit_button("Save type"):
            _save(ctx, Correction(quote_id=quote_id, field=QUOTE_TYPE, quote_type=kind))
    with st.form(f"not-a-quote-{quote_id}"):
        st.markdown("**Not a quote?** Take it out of every table, count and chart. The correction stays in "
                    "corrections.csv, so rebuilds keep it out; you can put it back from the list on this page.")
        note = st.text_input("Why (optional)", key=f"not-quote-note-{quote_id}",
                             placeholder="e.g. a headline, a statute, the reporter's own words")
        if st.form_submit_button("Not a quote", icon=":material/block:"):
            _save(ctx, Correction(quote_id=quote_id, field=NOT_A_QUOTE, note=note))


@st.cache_data(show_spinner=False, max_entries=8)
def _marked(directory: str, stamp: str) -> list[Correction]:
    return [c for c in latest_by_key(load_corrections(Path(directory))) if c.field == NOT_A_QUOTE]


def marked_not_a_quote(ctx: Context) -> list[Correction]:
    """The latest "not a quote" corrections (read again only when corrections.csv changes)."""
    return _marked(str(ctx.directory), corrections_stamp(ctx.directory))


def removed_quotes(ctx: Context) -> None:
    """The quotes a user marked "not a quote", each with a button that puts it back."""
    marked = marked_not_a_quote(ctx)
    if not marked:
        return
    found = _quote_texts(ctx, [c.quote_id for c in marked])
    marked = [c for c in marked if c.quote_id in found]  # quotes gone in a rebuild are not listed
    if not marked:
        return
    with st.expander(f"{len(marked):,} extracted quote{'s' if len(marked) != 1 else ''} marked “not a quote”",
                     icon=":material/block:"):
        for correction in marked:
            speaker, words = found[correction.quote_id]
            left, right = st.columns([5, 1], vertical_alignment="center")
            left.markdown(f"**{markdown_text(speaker)}:** {markdown_text(words)}"
                          + (f"  \n*{markdown_text(correction.note)}*" if correction.note else ""))
            if right.button("Put it back", key=f"restore-{correction.quote_id}", icon=":material/undo:"):
                _save(ctx, Correction(quote_id=correction.quote_id, field=IS_A_QUOTE))


def _quote_texts(ctx: Context, quote_ids: list[str]) -> dict[str, tuple[str, str]]:
    """Speaker words and quote text of quotes no longer in the views, read from the built table."""
    path = store.table_path(ctx.directory, schema.QUOTES)
    if not path.is_file():
        return {}
    table = pq.read_table(path, columns=["quote_id", "speaker_text", "quote_text"],
                          filters=pc.field("quote_id").isin(quote_ids))
    return {row["quote_id"]: (row["speaker_text"] or "(unknown speaker)", row["quote_text"] or "")
            for row in table.to_pylist()}


def _save(ctx: Context, correction: Correction) -> None:
    try:
        saved = save_correction(ctx.directory, correction)
    except (ValueError, OSError) as error:
        st.error(f"Not saved: {markdown_text(error)}")
        return
    what = {NOT_A_QUOTE: "Marked as not a quote: it is left out everywhere.",
            IS_A_QUOTE: "The quote is back in every table and count."}.get(
        saved.field, f"Saved the {saved.field} correction; it shows wherever this quote appears.")
    st.toast(what)
    st.rerun()
