"""Bytes to clean text: encoding detection with a documented fallback, and Unicode normalisation."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

FALLBACK_ENCODING = "cp1252"
UTF8_BOM = b"\xef\xbb\xbf"


class UnreadableInput(ValueError):
    """The input cannot become article text; the message says why, for the ingest log."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    warning: str | None = None


def looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return bool(sample) and control / len(sample) > 0.05


def decode_bytes(data: bytes) -> DecodedText:
    """UTF-8 (BOM or not), else cp1252 with a warning; always NFC, with Windows line ends unified."""
    if not data.strip():
        raise UnreadableInput("empty file")
    if looks_binary(data):
        raise UnreadableInput("binary file, not text (expected .txt, .md, .html, .jsonl, .json or .csv)")
    warning = None
    try:
        text = data.removeprefix(UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode(FALLBACK_ENCODING, errors="replace")
        warning = f"not valid UTF-8; decoded as {FALLBACK_ENCODING}"
    return DecodedText(normalize_text(text), warning)


def normalize_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return unicodedata.normalize("NFC", text)
