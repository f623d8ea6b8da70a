"""Hand corrections of quotes (speaker, stance label, span, type, not a quote), kept apart from the built tables.

The corrections live in ``corrections.csv`` inside the dataset folder. A rebuild carries the file
over (``store.write_dataset`` keeps non-table files) and ids are derived from content, so a
correction keeps applying to the same quote after a rebuild. docs/corrections.md documents the format.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from data_prep import schema, store, user_csv

CORRECTIONS_FILE = "corrections.csv"
SPEAKER = "speaker"
STANCE = "stance"
SPAN = "span"
QUOTE_TYPE = "type"
NOT_A_QUOTE = "not_a_quote"
IS_A_QUOTE = "is_a_quote"  # takes a "not a quote" back
FIELDS = (SPEAKER, STANCE, SPAN, QUOTE_TYPE, NOT_A_QUOTE, IS_A_QUOTE)
CORRECTED_COLUMN = "corrected"  # quotes: the speaker was fixed by hand; stances: the label was
CORRECTED_FIELDS_COLUMN = "corrected_fields"  # quotes: what was fixed by hand, e.g. "speaker, span"
CORRECTION_BACKEND = "correction"
CORRECTION_EVIDENCE = "corrected by hand"


@dataclass(frozen=True)
class Correction:
    """One fix. A speaker fix names an existing actor (``actor_id``) or a new name (``speaker_name``);
    a stance fix sets ``label`` for the quote's ``target``; a span fix sets ``quote_start``..``quote_end``
    (character offsets in the article text) and the words there (``quote_text``); a type fix sets
    ``quote_type``; ``not_a_quote`` takes the quote out of every table and count, ``is_a_quote`` puts it back."""

    quote_id: str
    field: str
    actor_id: str = ""
    speaker_name: str = ""
    target: str = ""
    label: str = ""
    note: str = ""
    created_at: str = ""
    quote_start: str = ""
    quote_end: str = ""
    quote_text: str = ""
    quote_type: str = ""

    def key(self) -> tuple[str, str, str]:
        """Corrections with the same key replace each other; the latest one counts."""
        field = NOT_A_QUOTE if self.field == IS_A_QUOTE else self.field
        return (self.quote_id, field, self.target if self.field == STANCE else "")


CORRECTION_COLUMNS = [f.name for f in fields(Correction)]


def corrections_path(data_dir: Path) -> Path:
    return Path(data_dir) / CORRECTIONS_FILE


def corrections_stamp(data_dir: Path) -> str:
    """Changes whenever the corrections file changes: caches of corrected tables key on it."""
    try:
        stat = corrections_path(data_dir).stat()
    except OSError:
        return "none"
    return f"{stat.st_mtime_ns}-{stat.st_size}"


def validate(correction: Correction) -> Correction:
    """The correction with whitespace trimmed and a timestamp, or ValueError saying what is wrong."""
    values = {name: str(value or "").strip() for name, value in asdict(correction).items()}
    cleaned = Correction(**values)
    if not cleaned.quote_id:
        raise ValueError("a correction needs the id of the quote it fixes")
    if cleaned.field == SPEAKER:
        if not (cleaned.actor_id or cleaned.speaker_name):
            raise ValueError("a speaker correction needs an actor or a speaker name")
    elif cleaned.field == STANCE:
        if not cleaned.target:
            raise ValueError("a stance correction needs the stance target")
        if cleaned.label not in schema.STANCE_LABELS:
            raise ValueError(f"stance label must be one of {', '.join(schema.STANCE_LABELS)}, "
                             f"not {cleaned.label!r}")
    elif cleaned.field == SPAN:
        start, end = _offset(cleaned.quote_start), _offset(cleaned.quote_end)
        if start is None or end is None or end <= start:
            raise ValueError("a span correction needs quote_start < quote_end, whole numbers (character offsets)")
        if not cleaned.quote_text:
            raise ValueError("a span correction needs the quote's words (quote_text)")
    elif cleaned.field == QUOTE_TYPE:
        if cleaned.quote_type not in schema.QUOTE_TYPES:
            raise ValueError(f"quote type must be one of {', '.join(schema.QUOTE_TYPES)}, "
                             f"not {cleaned.quote_type!r}")
    elif cleaned.field not in (NOT_A_QUOTE, IS_A_QUOTE):
        raise ValueError(f"a correction fixes one of {', '.join(FIELDS)}, not {cleaned.field!r}")
    if not cleaned.created_at:
        cleaned = Correction(**{**asdict(cleaned),
                                "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds")})
    return cleaned


def _offset(value: str) -> int | None:
    try:
        number = int(value)
    except ValueError:
        return None
    return number if number >= 0 else None


@dataclass
class CorrectionsFile:
    """What ``corrections.csv`` holds: the corrections that apply, and a sentence for each line that does not."""

    corrections: list[Correction]
    problems: list[str]


def read_corrections(data_dir: Path) -> CorrectionsFile:
    """Every valid correction in the file, oldest first, and what could not be used, line by line.

    A line that cannot be read, or a row that is not a valid correction (an unknown field, a bad
    label), is named in ``problems`` and stays in the file untouched; it is never dropped by a save.
    """
    read = user_csv.read_user_csv(corrections_path(data_dir), CORRECTION_COLUMNS)
    problems = read.messages()
    result = []
    for row in read.rows:
        values = row.values
        try:
            result.append(validate(Correction(**{name: values.get(name, "") for name in CORRECTION_COLUMNS})))
        except ValueError as error:
            problems.append(f"{CORRECTIONS_FILE} line {row.line}: {error}; kept in the file, not applied")
    return CorrectionsFile(result, problems)


def load_corrections(data_dir: Path) -> list[Correction]:
    """Every valid correction in the file, oldest first (``read_corrections`` also says what was left out)."""
    return read_corrections(data_dir).corrections


def corrections_frame(corrections: list[Correction]) -> pd.DataFrame:
    return pd.DataFrame([asdict(c) for c in corrections], columns=CORRECTION_COLUMNS)


def save_correction(data_dir: Path, correction: Correction) -> Correction:
    """Add one correction to the dataset folder's file.

    Saves are serialised by the folder's user-files lock (another session or a build's swap waits its
    turn) and the file's existing lines are kept byte for byte: see ``user_csv.add_rows``.
    """
    correction = validate(correction)
    data_dir = Path(data_dir)
    if not store.writable(data_dir):
        raise OSError(f"the dataset folder {data_dir} is read-only; corrections cannot be saved there")
    with store.user_files_lock(data_dir):
        store.settle_locked(data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        user_csv.add_rows(corrections_path(data_dir), [asdict(correction)], CORRECTION_COLUMNS)
    return correction


def latest_by_key(corrections: list[Correction]) -> list[Correction]:
    latest: dict[tuple[str, str, str], Correction] = {}
    for correction in corrections:
        latest[correction.key()] = correction
    return list(latest.values())


def typed_actor_id(name: str) -> str:
    """A stable id for a speaker typed by hand, so the same name always makes the same actor."""
    return "corr-" + hashlib.sha1(name.casefold().encode("utf-8")).hexdigest()[:12]


def apply_corrections(tables: dict[str, pd.DataFrame],
                      corrections: list[Correction]) -> dict[str, pd.DataFrame]:
    """New tables with the corrections applied; the inputs are not changed.

    Quotes and stances get a boolean ``corrected`` column (quotes: the speaker; stances: the label), and
    quotes a ``corrected_fields`` column naming every fix ("speaker, span"). A typed speaker name becomes
    an actor of kind ``unknown`` unless an actor of that name exists. A quote marked not a quote is
    left out of the quotes and stances, and of the actors' quote counts. Corrections for quotes that are
    not in the tables (e.g. the article was removed) are ignored.
    """
    result = dict(tables)
    quotes = tables[schema.QUOTES].copy()
    actors = tables[schema.ACTORS].copy()
    stances = tables[schema.STANCES].copy()
    quotes[CORRECTED_COLUMN] = False
    stances[CORRECTED_COLUMN] = False
    latest = latest_by_key(corrections)
    wanted = {c.quote_id for c in latest}
    known_quotes = set(quotes.loc[quotes["quote_id"].isin(wanted), "quote_id"])
    active = [c for c in latest if c.quote_id in known_quotes]
    fixed_fields: dict[str, list[str]] = {}
    for fix in active:
        if fix.field in (SPEAKER, SPAN, QUOTE_TYPE):
            fixed_fields.setdefault(fix.quote_id, []).append(fix.field)

    removed = {c.quote_id for c in active if c.field == NOT_A_QUOTE}
    if removed:
        quotes = quotes[~quotes["quote_id"].isin(removed)].reset_index(drop=True)
        stances = stances[~stances["quote_id"].isin(removed)].reset_index(drop=True)
        active = [c for c in active if c.quote_id not in removed]
    quotes = _apply_quote_fixes(quotes, [c for c in active if c.field in (SPAN, QUOTE_TYPE)])
    order = {field: i for i, field in enumerate(FIELDS)}
    quotes[CORRECTED_FIELDS_COLUMN] = quotes["quote_id"].map(
        lambda quote_id: ", ".join(sorted(fixed_fields.get(quote_id, ()), key=order.get))).astype(str)

    speaker_fixes = {c.quote_id: c for c in active if c.field == SPEAKER}
    if speaker_fixes:
        actors, actor_for_quote = _resolve_speakers(actors, speaker_fixes.values())
        fixed = quotes["quote_id"].isin(actor_for_quote.keys())
        quotes.loc[fixed, "actor_id"] = quotes.loc[fixed, "quote_id"].map(actor_for_quote)
        quotes.loc[fixed, CORRECTED_COLUMN] = True
    if speaker_fixes or removed:
        actors = _recount_quotes(actors, quotes)

    stance_fixes = [c for c in active if c.field == STANCE]
    if stance_fixes:
        stances = _apply_stance_fixes(stances, stance_fixes)

    result[schema.QUOTES] = quotes
    result[schema.ACTORS] = actors
    result[schema.STANCES] = stances
    return result


def _resolve_speakers(actors: pd.DataFrame, fixes) -> tuple[pd.DataFrame, dict[str, str]]:
    known_ids = set(actors["actor_id"])
    id_by_name = {str(name).casefold(): actor_id
                  for actor_id, name in zip(actors["actor_id"], actors["name"]) if name}
    new_rows = []
    actor_for_quote = {}
    for fix in fixes:
        if fix.actor_id and fix.actor_id in known_ids:
            actor_for_quote[fix.quote_id] = fix.actor_id
            continue
        name = fix.speaker_name or fix.actor_id
        actor_id = id_by_name.get(name.casefold())
        if actor_id is None:
            actor_id = typed_actor_id(name)
            id_by_name[name.casefold()] = actor_id
            new_rows.append({"actor_id": actor_id, "name": name, "kind": "unknown", "role": None,
                             "affiliation": None, "n_quotes": 0, "n_mentions": 0})
        actor_for_quote[fix.quote_id] = actor_id
    if new_rows:
        actors = pd.concat([actors, schema.frame_from_rows(schema.ACTORS, new_rows)], ignore_index=True)
    return actors, actor_for_quote


def _apply_quote_fixes(quotes: pd.DataFrame, fixes: list[Correction]) -> pd.DataFrame:
    """Span fixes move the quote (its offsets, spans and words); type fixes set its type."""
    if not fixes:
        return quotes
    quotes = quotes.copy()
    row_of = {quote_id: row for row, quote_id in zip(quotes.index, quotes["quote_id"])}
    for fix in fixes:
        row = row_of[fix.quote_id]
        if fix.field == SPAN:
            start, end = int(fix.quote_start), int(fix.quote_end)
            quotes.at[row, "quote_start"], quotes.at[row, "quote_end"] = start, end
            quotes.at[row, "quote_text"] = fix.quote_text
            if "quote_spans" in quotes.columns:
                quotes.at[row, "quote_spans"] = [[start, end]]
        else:
            quotes.at[row, "quote_type"] = fix.quote_type
    return quotes


def _recount_quotes(actors: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    counts = quotes["actor_id"].value_counts()
    actors = actors.copy()
    actors["n_quotes"] = actors["actor_id"].map(counts).fillna(0).astype("int64")
    return actors


def _apply_stance_fixes(stances: pd.DataFrame, fixes: list[Correction]) -> pd.DataFrame:
    stances = stances.copy()
    # Only the labels of corrected quotes are compared per fix: a few rows, not the whole table.
    candidates = stances[stances["quote_id"].isin({fix.quote_id for fix in fixes})]
    added = []
    for fix in fixes:
        rows = candidates.index[(candidates["quote_id"] == fix.quote_id) & (candidates["target"] == fix.target)]
        if len(rows):
            stances.loc[rows, "label"] = fix.label
            stances.loc[rows, "confidence"] = 1.0
            stances.loc[rows, "evidence"] = CORRECTION_EVIDENCE
            stances.loc[rows, "backend"] = CORRECTION_BACKEND
            stances.loc[rows, CORRECTED_COLUMN] = True
        else:
            added.append({"quote_id": fix.quote_id, "target": fix.target, "target_kind": None,
                          "label": fix.label, "confidence": 1.0, "evidence": CORRECTION_EVIDENCE,
                          "backend": CORRECTION_BACKEND})
    if added:
        extra = schema.frame_from_rows(schema.STANCES, added)
        extra[CORRECTED_COLUMN] = True
        stances = pd.concat([stances, extra], ignore_index=True)
    return stances
