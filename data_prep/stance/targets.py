"""Topic targets: a user-editable CSV of ``target,aliases`` (aliases ``|``-separated), matched
case-insensitively on word boundaries. docs/stance.md documents the format."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

DEFAULT_TARGETS_FILE = "targets.csv"


class TargetsFileError(ValueError):
    """The targets file cannot be read or has no usable rows."""


@dataclass(frozen=True)
class Topic:
    name: str
    aliases: tuple[str, ...]
    pattern: re.Pattern = field(compare=False, repr=False)

    @classmethod
    def from_aliases(cls, name: str, aliases: list[str] | tuple[str, ...]) -> "Topic":
        names = sorted({a.strip() for a in (name, *aliases) if a and a.strip()}, key=len, reverse=True)
        # Longest alias first, so "peace talks" wins over "peace"; \w-lookarounds work for "U.N." too.
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in names) + r")(?!\w)",
                             re.IGNORECASE)
        return cls(name.strip(), tuple(names), pattern)

    def spans_in(self, text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in self.pattern.finditer(text)]


def _default_targets_text() -> str:
    return (files("data_prep.stance") / "data" / DEFAULT_TARGETS_FILE).read_text(encoding="utf-8")


def parse_targets(text: str, source: str = "targets file") -> list[Topic]:
    """Rows of ``target,aliases``; a header row, blank lines and ``#`` comment lines are skipped."""
    topics: dict[str, Topic] = {}
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for number, row in enumerate(csv.reader(lines), start=1):
        if not row or not row[0].strip():
            continue
        name = row[0].strip()
        if number == 1 and name.lower() == "target":
            continue
        aliases = [alias for cell in row[1:] for alias in cell.split("|")]
        topics[name.lower()] = Topic.from_aliases(name, aliases)
    if not topics:
        raise TargetsFileError(f"{source} has no targets; expected CSV rows like `sanctions,sanctions|embargo`")
    return list(topics.values())


def load_targets(path: Path | None = None) -> list[Topic]:
    """The topics of a targets file, or the shipped news defaults when ``path`` is None."""
    if path is None:
        return parse_targets(_default_targets_text(), "default targets")
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise TargetsFileError(f"cannot read targets file {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise TargetsFileError(f"targets file {path} is not UTF-8 text") from None
    return parse_targets(text, f"targets file {path}")
