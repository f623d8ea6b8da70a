"""Bytes to clean text: encoding detection with a documented fallback, and Unicode normalisation.

UTF-8 is tried first (with or without a byte-order mark); UTF-16 is recognised by its byte-order mark.
A file that is not valid UTF-8 is decoded with its declared charset when it has one (an HTML page's
``<meta charset>`` or the server's Content-Type). Otherwise a few stray bytes in an evidently UTF-8 file
are replaced, and a file with no sign of UTF-8 is read as Windows-1252 — each with a warning.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

FALLBACK_ENCODING = "cp1252"
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Browsers read pages labelled Latin-1 or ASCII as Windows-1252 (WHATWG Encoding); so do we.
_SUPERSETS = {"latin-1": FALLBACK_ENCODING, "ascii": FALLBACK_ENCODING}
_META_CHARSET = re.compile(rb"""<meta\b[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


class UnreadableInput(ValueError):
    """The input cannot become article text; the message says why, for the ingest log."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    warning: str | None = None


# File signatures of formats people drop into an article folder by mistake (PDF, Office/zip, images, gzip).
BINARY_SIGNATURES = (b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b",
                     b"\xd0\xcf\x11\xe0", b"RIFF", b"\x7fELF")


def looks_binary(data: bytes) -> bool:
    """A known binary signature, or more than 5% control bytes (NULs included) in the first 4 KB.

    A stray NUL or two in a text file is not a sign of binary data: normalize_text removes them.
    """
    sample = data[:4096]
    if sample.startswith(BINARY_SIGNATURES):
        return True
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return bool(sample) and control / len(sample) > 0.05


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its start, if any."""
    match = _META_CHARSET.search(data[:8192])
    return match.group(1).decode("ascii") if match else None


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def _decode_utf16(data: bytes) -> DecodedText:
    text = data.decode("utf-16", errors="replace")
    if not text.strip():
        raise UnreadableInput("empty file")
    replaced = text.count("\ufffd")
    return DecodedText(normalize_text(text), f"{replaced} invalid UTF-16 characters replaced" if replaced else None)


def damaged_utf8_encoding(data: bytes) -> str:
    """``utf-8`` for bytes that are UTF-8 with a few stray bytes, else Windows-1252 (see below)."""
    valid_text = data.decode("utf-8", errors="ignore")
    invalid_bytes = len(data) - len(valid_text.encode("utf-8"))
    non_ascii_chars = sum(1 for char in valid_text if ord(char) > 127)
    return "utf-8" if non_ascii_chars >= invalid_bytes else FALLBACK_ENCODING


def _decode_damaged_utf8(data: bytes) -> DecodedText:
    """UTF-8 with a few stray bytes stays UTF-8; other text is Windows-1252.

    The test is evidence, not a share of the file: a Windows-1252 article with a handful of curly quotes
    has few invalid bytes too, but Windows-1252 text almost never contains valid multi-byte UTF-8.
    """
    if damaged_utf8_encoding(data) == "utf-8":
        invalid_bytes = len(data) - len(data.decode("utf-8", errors="ignore").encode("utf-8"))
        return DecodedText(normalize_text(data.decode("utf-8", errors="replace")),
                           f"{invalid_bytes} invalid UTF-8 bytes replaced")
    return DecodedText(normalize_text(data.decode(FALLBACK_ENCODING, errors="replace")),
                       f"not valid UTF-8; decoded as {FALLBACK_ENCODING}")


def decode_bytes(data: bytes, declared: str | None = None) -> DecodedText:
    """Text from bytes (see the module docstring for the order of guesses); always NFC, line ends unified.

    ``declared`` is a charset label the input states about itself, used only when the bytes are not UTF-8.
    """
    if data.startswith(UTF16_BOMS):
        return _decode_utf16(data)
    if not data.strip():
        raise UnreadableInput("empty file")
    if looks_binary(data):
        raise UnreadableInput("binary file, not text (expected .txt, .md, .html, .jsonl, .json or .csv)")
    data = data.removeprefix(UTF8_BOM)
    try:
        return DecodedText(normalize_text(data.decode("utf-8")))
    except UnicodeDecodeError:
        pass
    codec = _codec_name(declared)
    if codec and codec not in ("utf-8", "utf-16"):
        try:
            return DecodedText(normalize_text(data.decode(codec)))
        except UnicodeDecodeError:
            pass
    return _decode_damaged_utf8(data)


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalize_text(text: str) -> str:
    """NFC, one kind of line end, plain spaces, no control characters (a form feed is a line break)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\f", "\n")
    text = _CONTROL_CHARS.sub("", text)
    return unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
