"""The form that fixes one quote's speaker or stance label (Streamlit), saved via data_prep.corrections."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from data_prep import schema
from data_prep.corrections import SPEAKER, STANCE, Correction, save_correction
from dashboard.session import Context

TYPE_A_NAME = "Type a name..."


def correction_form(ctx: Context, quote: pd.Series) -> None:
    quote_id = str(quote["quote_id"])
    with st.expander("Correct this quote", icon=":material/edit:"):
        speaker_tab, stance_tab = st.tabs(["Speaker", "Stance"])
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


def _save(ctx: Context, correction: Correction) -> None:
    try:
        saved = save_correction(ctx.directory, correction)
    except (ValueError, OSError) as error:
        st.error(f"Not saved: {error}")
        return
    st.toast(f"Saved the {saved.field} correction; it shows wherever this quote appears.")
    st.rerun()
