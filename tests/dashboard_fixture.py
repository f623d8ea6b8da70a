"""A small, realistic dataset for the dashboard tests: 3 articles, 2 outlets, 5 actors.

Offsets are computed from the texts, so quotes sit where the reader highlights them. One article
carries an HTML/JS payload in its text and in a quote: the dashboard must show it as text.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from data_prep import schema, store

SCRIPT_PAYLOAD = "<script>alert(1)</script>"
IMG_PAYLOAD = "<img src=x onerror=alert(1)>"

ARTICLE_HARBOUR = "art-harbour"
ARTICLE_BUDGET = "art-budget"
ARTICLE_PAYLOAD = "art-payload"

MAYOR = "act-mayor"
MINISTER = "act-minister"
UNION = "act-union"
OFFICIAL = "act-anon"
ECONOMIST = "act-economist"

HARBOUR_TEXT = (
    "Harbour plan splits the council\n\n"
    "The city council voted on Tuesday to expand the northern harbour.\n\n"
    "\"This harbour will bring jobs to every district,\" Mayor Ana Lopez said after the vote.\n\n"
    "Dock Workers Union spokesperson said the plan ignores safety rules for night shifts.\n\n"
    "A council official, who asked not to be named, said the budget had not been checked.\n\n"
    "Lopez added that the harbour expansion was \"the best deal this city has seen\" in years."
)

BUDGET_TEXT = (
    "Budget talks stall over harbour money\n\n"
    "Finance Minister Tom Berg said the national budget cannot pay for the harbour.\n\n"
    "\"We will not sign a blank cheque for the harbour,\" Berg told reporters.\n\n"
    "Economist Priya Nair said the harbour could pay for itself within ten years.\n\n"
    "Mayor Ana Lopez said she would keep talking to the ministry."
)

PAYLOAD_TEXT = (
    f"Odd markup appears in a press release {SCRIPT_PAYLOAD} about the port\n\n"
    f"The release contained the tag {IMG_PAYLOAD} inside a sentence.\n\n"
    f"\"Nothing in {SCRIPT_PAYLOAD} should ever run,\" Priya Nair said.\n\n"
    "Berg said the ministry would look into the release."
)


def _span(text: str, fragment: str, after: int = 0) -> tuple[int, int]:
    start = text.index(fragment, after)
    return start, start + len(fragment)


def _stance(quote_id: str, target: str, label: str, confidence: float, evidence: str,
            target_kind: str = "topic") -> dict:
    return {"quote_id": quote_id, "target": target, "target_kind": target_kind, "label": label,
            "confidence": confidence, "evidence": evidence, "backend": "fixture"}


def _quote(quote_id: str, article_id: str, text: str, quote_text: str, speaker_text: str,
           actor_id: str | None, quote_type: str, cue: str) -> dict:
    start, end = _span(text, quote_text)
    speaker_start, speaker_end = _span(text, speaker_text, after=text.rfind("\n", 0, start) + 1)
    cue_start, cue_end = _span(text[speaker_end:], cue)
    return {"quote_id": quote_id, "article_id": article_id, "quote_text": quote_text,
            "quote_start": start, "quote_end": end, "quote_spans": [[start, end]],
            "quote_type": quote_type, "cue": cue, "cue_start": speaker_end + cue_start,
            "cue_end": speaker_end + cue_end, "speaker_text": speaker_text,
            "speaker_start": speaker_start, "speaker_end": speaker_end, "actor_id": actor_id}


def _mentions(article_id: str, text: str, names: dict[str, str]) -> list[dict]:
    rows = []
    for actor_id, name in names.items():
        if name in text:
            start, end = _span(text, name)
            rows.append({"article_id": article_id, "actor_id": actor_id, "start": start, "end": end,
                         "text": name})
    return rows


def fixture_tables() -> dict:
    articles = [
        {"article_id": ARTICLE_HARBOUR, "title": "Harbour plan splits the council", "outlet": "Coast Herald",
         "url": "https://example.org/harbour", "published": dt.date(2025, 3, 4), "author": "R. Diaz",
         "source": "harbour.txt", "text": HARBOUR_TEXT, "n_words": len(HARBOUR_TEXT.split())},
        {"article_id": ARTICLE_BUDGET, "title": "Budget talks stall over harbour money",
         "outlet": "Capital Post", "url": "https://example.org/budget", "published": dt.date(2025, 4, 10),
         "author": "K. Obi", "source": "budget.txt", "text": BUDGET_TEXT, "n_words": len(BUDGET_TEXT.split())},
        {"article_id": ARTICLE_PAYLOAD, "title": f"Odd markup {SCRIPT_PAYLOAD} in a release",
         "outlet": "Capital Post", "url": "https://example.org/payload", "published": dt.date(2025, 5, 2),
         "author": "K. Obi", "source": "payload.txt", "text": PAYLOAD_TEXT,
         "n_words": len(PAYLOAD_TEXT.split())},
    ]
    actors = [
        {"actor_id": MAYOR, "name": "Ana Lopez", "kind": "person", "role": "mayor",
         "affiliation": "City Council", "n_quotes": 2, "n_mentions": 2},
        {"actor_id": MINISTER, "name": "Tom Berg", "kind": "person", "role": "finance minister",
         "affiliation": "Government", "n_quotes": 3, "n_mentions": 1},
        {"actor_id": UNION, "name": "Dock Workers Union", "kind": "organization", "role": None,
         "affiliation": "Dock Workers Union", "n_quotes": 1, "n_mentions": 1},
        {"actor_id": OFFICIAL, "name": "A council official", "kind": "anonymous", "role": "official",
         "affiliation": "City Council", "n_quotes": 1, "n_mentions": 0},
        {"actor_id": ECONOMIST, "name": "Priya Nair", "kind": "person", "role": "economist",
         "affiliation": None, "n_quotes": 2, "n_mentions": 2},
    ]
    quotes = [
        _quote("q-h1", ARTICLE_HARBOUR, HARBOUR_TEXT, "This harbour will bring jobs to every district,",
               "Mayor Ana Lopez", MAYOR, "direct", "said"),
        _quote("q-h2", ARTICLE_HARBOUR, HARBOUR_TEXT, "the plan ignores safety rules for night shifts",
               "Dock Workers Union spokesperson", UNION, "indirect", "said"),
        _quote("q-h3", ARTICLE_HARBOUR, HARBOUR_TEXT, "the budget had not been checked",
               "A council official", OFFICIAL, "indirect", "said"),
        _quote("q-h4", ARTICLE_HARBOUR, HARBOUR_TEXT,
               "the harbour expansion was \"the best deal this city has seen\"", "Lopez", MAYOR, "mixed",
               "added"),
        _quote("q-b1", ARTICLE_BUDGET, BUDGET_TEXT, "the national budget cannot pay for the harbour",
               "Finance Minister Tom Berg", MINISTER, "indirect", "said"),
        _quote("q-b2", ARTICLE_BUDGET, BUDGET_TEXT, "We will not sign a blank cheque for the harbour,",
               "Berg", MINISTER, "direct", "told"),
        _quote("q-b3", ARTICLE_BUDGET, BUDGET_TEXT, "the harbour could pay for itself within ten years",
               "Economist Priya Nair", ECONOMIST, "indirect", "said"),
        _quote("q-p1", ARTICLE_PAYLOAD, PAYLOAD_TEXT, f"Nothing in {SCRIPT_PAYLOAD} should ever run,",
               "Priya Nair", ECONOMIST, "direct", "said"),
        _quote("q-p2", ARTICLE_PAYLOAD, PAYLOAD_TEXT, "the ministry would look into the release",
               "Berg", MINISTER, "indirect", "said"),
    ]
    stances = [
        _stance("q-h1", "harbour expansion", "favor", 0.91, "bring jobs"),
        _stance("q-h2", "harbour expansion", "against", 0.74, "ignores safety rules"),
        _stance("q-h3", "harbour expansion", "neutral", 0.55, "had not been checked"),
        _stance("q-h4", "harbour expansion", "favor", 0.88, "the best deal"),
        _stance("q-b1", "harbour expansion", "against", 0.67, "cannot pay"),
        _stance("q-b2", "harbour expansion", "against", 0.83, "will not sign a blank cheque"),
        _stance("q-b2", "Ana Lopez", "unclear", 0.31, "", target_kind="actor"),
        _stance("q-b3", "harbour expansion", "favor", 0.62, "could pay for itself"),
        _stance("q-p1", "press release", "against", 0.58, f"{IMG_PAYLOAD} should ever run"),
    ]
    names = {row["actor_id"]: row["name"] for row in actors}
    mentions = (_mentions(ARTICLE_HARBOUR, HARBOUR_TEXT, names) + _mentions(ARTICLE_BUDGET, BUDGET_TEXT, names)
                + _mentions(ARTICLE_PAYLOAD, PAYLOAD_TEXT, names))
    ingest_log = [
        {"source": "harbour.txt", "record": "1", "status": "built", "message": "", "article_id": ARTICLE_HARBOUR},
        {"source": "budget.txt", "record": "1", "status": "built", "message": "", "article_id": ARTICLE_BUDGET},
        {"source": "payload.txt", "record": "1", "status": "built", "message": "", "article_id": ARTICLE_PAYLOAD},
        {"source": "broken.html", "record": "1", "status": "failed",
         "message": "no article text found in the page", "article_id": None},
    ]
    return {
        schema.ARTICLES: schema.frame_from_rows(schema.ARTICLES, articles),
        schema.ACTORS: schema.frame_from_rows(schema.ACTORS, actors),
        schema.QUOTES: schema.frame_from_rows(schema.QUOTES, quotes),
        schema.MENTIONS: schema.frame_from_rows(schema.MENTIONS, mentions),
        schema.STANCES: schema.frame_from_rows(schema.STANCES, stances),
        schema.INGEST_LOG: schema.frame_from_rows(schema.INGEST_LOG, ingest_log),
    }


def write_fixture(data_dir: Path) -> Path:
    store.write_dataset(Path(data_dir), fixture_tables())
    return Path(data_dir)


if __name__ == "__main__":
    import sys

    print(write_fixture(Path(sys.argv[1] if len(sys.argv) > 1 else "data-fixture")))
