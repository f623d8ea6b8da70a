"""Uploaded article files, saved under generated names: the name a browser sends never becomes a path."""
from __future__ import annotations

import multiprocessing
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from queue import Empty

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
            saved.rejected.append(f"{name}: {len(content) / 2**20:.1f} MiB is over the "
                                  f"{max_bytes / 2**20:.0f} MiB limit")
            continue
        if not content.strip():
            saved.rejected.append(f"{name}: the file is empty")
            continue
        path = directory / f"upload-{number:04d}{suffix}"
        path.write_bytes(content)
        saved.paths.append(path)
        saved.original_names[path] = name
    return saved


@dataclass
class UploadBuild:
    """What a background build reports back: its summary, or the reason it stopped."""
    message: str = ""
    built: int = 0
    duplicates: int = 0
    failed: int = 0
    error: str | None = None


def _build_child(paths: list[str], directory: str, keep_existing: bool, queue) -> None:
    try:
        from data_prep.pipeline import build_dataset
        summary = build_dataset(paths, directory, keep_existing=keep_existing,
                                progress=lambda done, total: queue.put(("progress", done, total)))
        queue.put(("done", UploadBuild(summary.message, summary.built, summary.duplicates, summary.failed)))
    except Exception as error:  # reported to the page, which must survive any failure in a build
        queue.put(("done", UploadBuild(error=f"{type(error).__name__}: {error}")))


def build_uploads(paths: list[Path], directory: Path, keep_existing: bool,
                  progress: Callable[[int, int], None] | None = None) -> UploadBuild:
    """Build the dataset from uploaded files in a separate process, so parsing never holds up the pages of
    other sessions (the server's threads share one interpreter). ``keep_existing`` is passed as asked: the
    build itself looks at the folder, so a dataset the page could not see is still kept."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_build_child, args=([str(p) for p in paths], str(directory), keep_existing, queue),
                            daemon=True)
    child.start()
    try:
        while True:
            try:
                message = queue.get(timeout=1.0)
            except Empty:
                if not child.is_alive():
                    return UploadBuild(error=f"the build process stopped unexpectedly (exit code {child.exitcode})")
                continue
            if message[0] == "progress":
                if progress:
                    progress(message[1], message[2])
            else:
                return message[1]
    finally:
        child.join(timeout=30)
        if child.is_alive():
            child.kill()
