"""CSV files a user keeps or edits by hand (corrections.csv, aliases.csv, outlet tables): read what can be read.

A spreadsheet save must never cost the rows it did not break. ``read_user_csv`` keeps every row it can
read and names each line it could not; it accepts UTF-8 (with or without a byte-order mark), UTF-16
(Excel's "Unicode text") and Windows-1252 (Excel's "CSV" in western locales), and `,` `;` tab or `|`
as the delimiter, whichever the header line uses. A quote left open swallows only its own line, not
the rest of the file.

``add_rows`` is the one way to write such a file: the existing bytes are kept as they are and the new
rows are added after them, in one atomic rename. Only a file in another encoding or delimiter, or one
missing a column, is rewritten (as UTF-8 with commas); a dated copy of the original is kept beside it
first, and lines that could not be read are written back unchanged. Callers serialise writers with a
lock of their own (see ``store.user_files_lock``).
"""
from __future__ import annotations

import csv
import io
import os
import re
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from data_prep.ingest.decoding import FALLBACK_ENCODING, UTF8_BOM, UTF16_BOMS, damaged_utf8_encoding

DELIMITERS = ",;\t|"
WRITE_ENCODING = "utf-8"
REPLACEMENT = "\ufffd"
MAX_FIELD_CHARS = 1_000_000
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


@dataclass(frozen=True)
class CsvRow:
    line: int                 # the physical line the row starts on (the header is line 1)
    values: dict[str, str]    # column name (lower-cased, trimmed) -> value; unknown columns included


@dataclass(frozen=True)
class CsvProblem:
    line: int
    message: str
    skipped: bool = True      # False: the row was read, with a caveat
    text: str = ""            # the line as read, for a message and for writing it back


@dataclass
class UserCsv:
    path: Path
    header: list[str] = field(default_factory=list)
    rows: list[CsvRow] = field(default_factory=list)
    problems: list[CsvProblem] = field(default_factory=list)
    encoding: str = WRITE_ENCODING
    delimiter: str = ","
    raw: bytes = b""

    @property
    def exists(self) -> bool:
        return bool(self.raw)

    def messages(self) -> list[str]:
        """One sentence per problem, naming the file and the line."""
        return [f"{self.path.name} line {problem.line}: {problem.message}" for problem in self.problems]

    def appendable(self, columns: Sequence[str]) -> bool:
        """New rows can go after the existing bytes without changing how the file reads."""
        return (self.encoding in ("utf-8", "utf-8-sig") and self.delimiter == ","
                and all(name in self.header for name in columns))


def _decode(raw: bytes) -> tuple[str, str, bool]:
    """(text, encoding, clean): the encodings Excel and text editors write, tried in that order."""
    if raw.startswith(UTF16_BOMS):
        text = raw.decode("utf-16", errors="replace")
        return text, "utf-16", REPLACEMENT not in text
    if raw.startswith(UTF8_BOM):
        text = raw[len(UTF8_BOM):].decode("utf-8", errors="replace")
        return text, "utf-8-sig", REPLACEMENT not in text
    try:
        return raw.decode("utf-8"), "utf-8", True
    except UnicodeDecodeError:
        pass
    encoding = damaged_utf8_encoding(raw)
    text = raw.decode(encoding, errors="replace")
    return text, encoding, encoding == FALLBACK_ENCODING and REPLACEMENT not in text


def _normal(name: str) -> str:
    return name.strip().strip("\ufeff").strip().lower()


def _header(line: str, expected: Sequence[str]) -> tuple[str, list[str]]:
    """The delimiter that splits the header into the most expected column names (then the most columns)."""
    best = (",", [_normal(line)])
    best_score = (-1, 0)
    for delimiter in DELIMITERS:
        names = [_normal(name) for name in next(csv.reader([line], delimiter=delimiter), [])]
        score = (sum(name in expected for name in names), len(names))
        if score > best_score:
            best, best_score = (delimiter, names), score
    return best


def read_user_csv(path: Path, expected: Sequence[str]) -> UserCsv:
    """Every readable row of ``path``; ``expected`` names the columns the caller knows (to find the header)."""
    path = Path(path)
    result = UserCsv(path=path)
    try:
        result.raw = path.read_bytes()
    except FileNotFoundError:
        return result
    text, result.encoding, clean = _decode(result.raw)
    lines = [match.group(0) for match in _LINE.finditer(text)]
    start = next((number for number, line in enumerate(lines) if line.strip()), None)
    if start is None:
        return result
    result.delimiter, result.header = _header(lines[start].rstrip("\r\n"), expected)
    if not any(name in expected for name in result.header):
        result.problems.append(CsvProblem(start + 1, f"no header line naming the columns (expected "
                                          f"{','.join(expected)}); nothing in the file was read",
                                          text=lines[start]))
        result.problems.extend(CsvProblem(number + 1, "not read (no header)", text=line)
                               for number, line in enumerate(lines[start + 1:], start=start + 1) if line.strip())
        return result
    _read_records(lines, start + 1, result)
    if not clean:
        result.problems.extend(CsvProblem(row.line, f"invalid characters (not {result.encoding}) replaced with "
                                          f"{REPLACEMENT}; the row was read, check its values", skipped=False)
                               for row in result.rows if any(REPLACEMENT in v for v in row.values.values()))
        result.problems.sort(key=lambda problem: problem.line)
    return result


def _read_records(lines: list[str], position: int, result: UserCsv) -> None:
    """Rows from ``lines[position:]``; a bad record costs its first line only, and reading resumes after it."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD_CHARS))
    width = len(result.header)
    while position < len(lines):
        reader = csv.reader(islice(lines, position, None), delimiter=result.delimiter, strict=False)
        consumed, resume = 0, None
        while True:
            first = position + consumed
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                result.problems.append(CsvProblem(first + 1, f"malformed CSV ({error}); line skipped",
                                                  text=lines[first]))
                resume = first + 1
                break
            spanned, consumed = reader.line_num - consumed, reader.line_num
            if not record or not any(value.strip() for value in record):
                continue
            extra = [value for value in record[width:] if value.strip()]
            if extra or (spanned > 1 and len(record) != width):
                # A quote left open runs on over the next lines: keep only this line out, read on from the next.
                result.problems.append(CsvProblem(
                    first + 1, f"{len(record)} fields where the header has {width}"
                    + (" (a quotation mark is not closed)" if spanned > 1 else "") + "; line skipped",
                    text=lines[first]))
                if spanned > 1:
                    resume = first + 1
                    break
                continue
            values = {name: record[index].replace("\x00", "") if index < len(record) else ""
                      for index, name in enumerate(result.header) if name}
            result.rows.append(CsvRow(first + 1, values))
        if resume is None:
            return
        position = resume


def _csv_text(rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(rows)
    return buffer.getvalue()


def _atomic_write(path: Path, content: bytes) -> None:
    """Write a sibling, flush it to disk, rename it over ``path``: readers see the old file or the new one."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _umask() -> int:
    # Read from /proc where there is one: os.umask() would change it for a moment for every thread.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def backup_path(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.{stamp}.bak")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.{stamp}-{number}.bak")
    return candidate


def add_rows(path: Path, rows: Sequence[dict[str, str]], columns: Sequence[str]) -> Path | None:
    """Add ``rows`` (values by column name) to the file; returns the backup made, if it had to be rewritten."""
    path = Path(path)
    current = read_user_csv(path, columns)
    if not current.exists:
        _atomic_write(path, _csv_text([list(columns), *([row.get(n, "") for n in columns] for row in rows)])
                      .encode(WRITE_ENCODING))
        return None
    if current.appendable(columns):
        head = current.raw if current.raw.endswith((b"\n", b"\r")) else current.raw + b"\n"
        added = _csv_text([row.get(name, "") for name in current.header] for row in rows)
        _atomic_write(path, head + added.encode(WRITE_ENCODING))
        return None
    backup = backup_path(path)
    _atomic_write(backup, current.raw)
    header = [*columns, *(name for name in current.header if name and name not in columns)]
    _atomic_write(path, _rewritten(current, header, rows).encode(WRITE_ENCODING))
    return backup


def _rewritten(current: UserCsv, header: list[str], rows: Sequence[dict[str, str]]) -> str:
    """The file as UTF-8 with commas: its rows and the lines it could not read, in their order, then ``rows``."""
    items: list[tuple[int, str]] = [(row.line, _csv_text([[row.values.get(n, "") for n in header]]))
                                    for row in current.rows]
    items += [(problem.line, problem.text if problem.text.endswith(("\n", "\r")) else problem.text + "\n")
              for problem in current.problems if problem.skipped and problem.text]
    items.sort(key=lambda item: item[0])
    return (_csv_text([header]) + "".join(text for _, text in items)
            + _csv_text([row.get(name, "") for name in header] for row in rows))
