"""The user's ``aliases.csv``: merge spellings into one actor, keep two actors apart, or drop a false one.

Columns ``alias,canonical,action``; action is ``merge`` (the default when empty), ``separate`` or ``drop``
(canonical may be empty for drop). docs/actors.md has examples. A bad row is reported and skipped.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from data_prep.actors.naming import fold
from data_prep.user_csv import read_user_csv

ALIASES_FILE = "aliases.csv"
ACTIONS = ("merge", "separate", "drop")
REQUIRED_COLUMNS = ("alias", "canonical")

log = logging.getLogger(__name__)


@dataclass
class Aliases:
    merge: dict[str, str] = field(default_factory=dict)        # folded alias -> canonical name as written
    separate: set[frozenset[str]] = field(default_factory=set)  # folded name pairs never to be merged
    drop: set[str] = field(default_factory=set)                 # folded names that are not actors
    problems: list[str] = field(default_factory=list)

    def canonical(self, name: str) -> str | None:
        return self.merge.get(fold(name))

    def kept_apart(self, name: str, other: str) -> bool:
        return frozenset((fold(name), fold(other))) in self.separate

    def dropped(self, name: str) -> bool:
        return fold(name) in self.drop


def load_aliases(path: Path | None) -> Aliases:
    aliases = Aliases()
    if path is None or not Path(path).is_file():
        return aliases
    try:
        read = read_user_csv(Path(path), (*REQUIRED_COLUMNS, "action"))
    except OSError as error:
        aliases.problems.append(f"{path}: cannot read aliases ({error})")
        return _report(aliases)
    aliases.problems.extend(f"{path}:{problem.line}: {problem.message}" for problem in read.problems)
    missing = [name for name in REQUIRED_COLUMNS if name not in read.header]
    if missing:
        aliases.problems.append(f"{path}: missing column(s) {', '.join(missing)}; "
                                f"expected a header line 'alias,canonical,action'")
        return _report(aliases)
    for row in read.rows:
        _add_row(aliases, {key: value.strip() for key, value in row.values.items()}, f"{path}:{row.line}")
    return _report(aliases)


def _add_row(aliases: Aliases, row: dict[str, str], where: str) -> None:
    alias, canonical = row.get("alias", ""), row.get("canonical", "")
    action = (row.get("action") or "merge").lower()
    if alias.startswith("#") or not any(row.values()):
        return
    if action not in ACTIONS:
        aliases.problems.append(f"{where}: unknown action {action!r} (use {', '.join(ACTIONS)}); row skipped")
    elif not alias or (action != "drop" and not canonical):
        aliases.problems.append(f"{where}: {action} needs both alias and canonical; row skipped")
    elif action == "merge":
        aliases.merge[fold(alias)] = canonical
        aliases.merge.setdefault(fold(canonical), canonical)
    elif action == "separate":
        aliases.separate.add(frozenset((fold(alias), fold(canonical))))
    else:
        aliases.drop.add(fold(alias))


def _report(aliases: Aliases) -> Aliases:
    for problem in aliases.problems:
        log.warning("aliases: %s", problem)
    return aliases
