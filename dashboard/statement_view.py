"""One statement's journey: the outlets that carried it in time order, how each worded and attributed it."""
from __future__ import annotations

import difflib
import html
import re

import pandas as pd

CARRIER_COLUMNS = ["date", "outlet", "attributed_as", "type", "wording", "shared_copy", "quote_id", "article_id"]
_EDGE_PUNCTUATION = re.compile(r"^[^\w]+|[^\w]+$")


def statement_list(statements: pd.DataFrame, statement_ids: pd.Series) -> pd.DataFrame:
    """The statements that have a quote in the selection (``statement_ids`` of its quotes), widest first."""
    present = set(statement_ids.dropna())
    chosen = statements[statements["statement_id"].isin(present)]
    return (chosen.sort_values(["n_outlets", "n_quotes", "first_seen"], ascending=[False, False, True],
                               na_position="last")
            .assign(first_seen=lambda frame: pd.to_datetime(frame["first_seen"]).dt.strftime("%Y-%m-%d").fillna(""))
            [["speaker", "text", "first_seen", "first_outlet", "n_outlets", "n_quotes", "statement_id"]]
            .reset_index(drop=True))


def attribution(speaker_text, cue) -> str:
    """How the article credited the words: "Ushakov said", "the Kremlin told reporters"."""
    words = [str(value) for value in (speaker_text, cue) if isinstance(value, str) and value.strip()]
    return " ".join(words) if words else "(no speaker named)"


def carriers(members: pd.DataFrame) -> pd.DataFrame:
    """``members``: the statement's quotes (quote view rows joined with speaker_text, cue, shared_copy)."""
    frame = pd.DataFrame({
        "date": pd.to_datetime(members["published"]),
        "outlet": members["outlet"].astype(str).to_numpy(),
        "attributed_as": [attribution(s, c) for s, c in zip(members["speaker_text"], members["cue"])],
        "type": members["quote_type"].astype(str).to_numpy(),
        "wording": members["quote_text"].fillna("").to_numpy(),
        "shared_copy": members["shared_copy"].fillna(False).astype(bool).to_numpy(),
        "quote_id": members["quote_id"].to_numpy(),
        "article_id": members["article_id"].to_numpy(),
    })
    frame = frame.sort_values(["date", "outlet"], na_position="last", kind="stable").reset_index(drop=True)
    frame["date"] = frame["date"].dt.strftime("%Y-%m-%d").fillna("")
    return frame[CARRIER_COLUMNS]


def diff_html(reference: str, variant: str) -> str:
    """``variant`` word by word against ``reference``: its own words marked <ins>, the reference's
    words it lacks marked <del>; case and the marks around a word do not count. Everything is escaped."""
    ours, theirs = (variant or "").split(), (reference or "").split()
    matcher = difflib.SequenceMatcher(a=[_key(word) for word in theirs], b=[_key(word) for word in ours],
                                      autojunk=False)
    parts = []
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            parts.append(html.escape(" ".join(ours[b_start:b_end])))
            continue
        if a_end > a_start:
            parts.append(f"<del>{html.escape(' '.join(theirs[a_start:a_end]))}</del>")
        if b_end > b_start:
            parts.append(f"<ins>{html.escape(' '.join(ours[b_start:b_end]))}</ins>")
    return " ".join(parts)


def _key(word: str) -> str:
    return _EDGE_PUNCTUATION.sub("", word.casefold()) or word


def variants_html(journey: pd.DataFrame, link_for) -> str:
    """The distinct wordings as an escaped HTML table, each against the first one (``journey`` order);
    ``link_for(quote_id)`` gives the link that opens the quote in its article."""
    reference = journey.iloc[0]["wording"] if len(journey) else ""
    rows = "".join(
        f"<tr><td>{html.escape(row.outlet)}<br><small>{html.escape(row.date)}</small></td>"
        f"<td>{html.escape(row.attributed_as)}</td><td>{diff_html(reference, row.wording)}</td>"
        f"<td><a href='{html.escape(link_for(row.quote_id))}' target='_self'>read</a></td></tr>"
        for row in journey.drop_duplicates("wording").itertuples())
    return ("<style>.nv-variants td{vertical-align:top;padding:6px 10px;border-bottom:1px solid #eee}"
            ".nv-variants ins{background:#e6f4ea;text-decoration:underline}"
            ".nv-variants del{color:#b3261e}</style>"
            "<table class='nv-variants'><tr><th>outlet</th><th>attributed as</th><th>wording</th><th></th></tr>"
            f"{rows}</table>")
