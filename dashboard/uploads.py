"""Uploaded article files, saved under generated names: the name a browser sends never becomes a path."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePath

ALLOWED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".csv")
UPLOAD_TYPES = [suffix.lstrip(".") for suffix in ALLOWED_SUFFIXES]
MAX_UPLOAD_BYTES = 50 * 2**20


@dataclass
class SavedUploads:
    directory: Path
    paths: list[Path] = field(default_factory=list)
    original_names: dict[Path, str] = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)


def suffix_of(name: str) -> str | None:
    """The file's type from its name, only if it is one we read; the rest of the name is ignored."""
    suffix = PurePath(name.replace("\\", "/")).suffix.lower()
    return suffix if suffix in ALLOWED_SUFFIXES else None


def save_uploads(files: list[tuple[str, bytes]], max_bytes: int = MAX_UPLOAD_BYTES,
                 directory: Path | None = None) -> SavedUploads:
    """Write each accepted upload to ``upload-<n><suffix>`` in a fresh temporary folder."""
    directory = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="newsvoices-upload-"))
    saved = SavedUploads(directory=directory)
    for number, (name, content) in enumerate(files, start=1):
        suffix = suffix_of(name)
        if suffix is None:
            saved.rejected.append(f"{name}: not a supported type ({', '.join(ALLOWED_SUFFIXES)})")
            continue
        if len(content) > max_bytes:
            saved.rejected.append(f"{name}: {len(content) / 2**20:.1f} MB is over the "
                                  f"{max_bytes / 2**20:.0f} MB limit")
            continue
        if not content.strip():
            saved.rejected.append(f"{name}: the file is empty")
            continue
        path = directory / f"upload-{number:04d}{suffix}"
        path.write_bytes(content)
        saved.paths.append(path)
        saved.original_names[path] = name
    return saved
