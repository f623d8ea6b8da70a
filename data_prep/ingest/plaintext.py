"""Articles saved as text or Markdown, in the seed's style.

Recognised: YAML front matter, a ``# Title`` (or ``===``-underlined) line, a date line, body paragraphs,
subheadings and list items (each kept as its own paragraph), image captions with a bold photo credit,
``**Related article: ...**`` boxes, an italic contributor line, and an ``Original url:`` footer among the
last lines, whose URL may be broken over two lines. Images are dropped, Markdown links and emphasis are
reduced to their words, and a sentence that a blank line cut in two is joined again.

Every pattern here is bounded (no unbounded ``.*`` between two delimiters), so a long line without the
closing delimiter costs linear time, not quadratic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from data_prep.ingest.article import Article, make_article, parse_date, with_title

_HEADING = re.compile(r"^#{1,6}\s+(.*)$")
_SETEXT_UNDERLINE = re.compile(r"^(?:=+|-+)$")
_THEMATIC_BREAK = re.compile(r"^(?:[-*_]\s*){3,}$")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_BLOCKQUOTE = re.compile(r"^(?:>\s?)+")
_FRONT_MATTER_FENCE = "---"
_FRONT_MATTER_END = ("---", "...")
_FRONT_MATTER_FIELD = re.compile(r"^([A-Za-z_][\w-]{0,40})\s*:\s*(.*)$")
_MAX_FRONT_MATTER_LINES = 60

_URL_FOOTER = re.compile(r"^(?:original\s+url|source\s+url|url|source)\s*:\s*(.*)$", re.IGNORECASE)
_ANGLE_URL = re.compile(r"<(https?://[^>]*)>?")
_FOOTER_LINES = 3

_IMAGE = re.compile(r"!\[[^\[\]\n]{0,300}\]\([^()\n]{0,500}\)")
_LINK = re.compile(r"\[([^\[\]\n]{0,300})\]\([^()\n]{0,500}\)")
_BOLD = re.compile(r"\*\*(?!\s)((?:[^*\n]|\*(?!\*)){1,300}?)\*\*|__(?!\s)([^_\n]{1,300}?)__")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]{1,300}?)(?<!\s)\*(?![\w*])"
                     r"|(?<![\w_])_(?!\s)([^_\n]{1,300}?)(?<!\s)_(?![\w_])")
_BOX_LINE = re.compile(r"^\*\*\s*(related|read (also|more)|see also|more on this|recommended)\b", re.IGNORECASE)
_WHOLLY_ITALIC = re.compile(r"^\*[^*].*\*$|^_[^_].*_$")
_QUOTATION_MARKS = frozenset("\"“”„«»‘’")
_TRAILING_BOLD = re.compile(r"\*\*([^*\n]{1,300})\*\*\s*$")
_CREDIT_WORD = re.compile(r"/|\b(?:photo|AFP|Reuters|AP|Getty|EPA|TASS)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"""[.!?:;…"”'’)\]»]$""")
_MAX_DATE_LINE_WORDS = 6
_MAX_HEADLINE_WORDS = 25
_MAX_FURNITURE_WORDS = 25

HEADING, ITEM, PARAGRAPH = "heading", "item", "paragraph"


@dataclass
class Block:
    kind: str
    text: str


def strip_markdown(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda match: match.group(1), text)
    text = _BOLD.sub(lambda match: match.group(1) or match.group(2), text)
    return _ITALIC.sub(lambda match: match.group(1) or match.group(2), text).strip()


def _split_front_matter(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """YAML-style ``key: value`` lines between ``---`` fences at the very top (flat fields only)."""
    start = next((index for index, line in enumerate(lines) if line.strip()), None)
    if start is None or lines[start].strip() != _FRONT_MATTER_FENCE:
        return lines, {}
    for end in range(start + 1, min(len(lines), start + 1 + _MAX_FRONT_MATTER_LINES)):
        if lines[end].strip() in _FRONT_MATTER_END:
            fields = _front_matter_fields(lines[start + 1:end])
            return (lines[end + 1:], fields) if fields else (lines, {})
    return lines, {}


def _front_matter_fields(lines: list[str]) -> dict[str, str]:
    """Flat ``key: value`` fields; nothing if any line is prose (then the fences were thematic breaks)."""
    fields: dict[str, str] = {}
    for line in lines:
        if not line.strip() or line[0].isspace() or line.startswith("- "):  # blank, or nested YAML
            continue
        match = _FRONT_MATTER_FIELD.match(line.strip())
        if not match:
            return {}
        value = match.group(2).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        fields.setdefault(match.group(1).lower(), value)
    return fields


def _front_matter_value(fields: dict[str, str], *names: str) -> str | None:
    return next((fields[name] for name in names if fields.get(name)), None)


def _looks_like_url_fragment(line: str) -> bool:
    return bool(line) and not any(char.isspace() for char in line) and not re.search(r"[.!?]$", line)


def _split_footer(lines: list[str]) -> tuple[list[str], str | None]:
    """Remove an ``Original url:`` footer from the last few lines and rejoin its URL if it wraps.

    Only continuation lines that look like pieces of a URL are joined, so a "Source:" line followed by
    prose is left in the article.
    """
    last_lines = [index for index, line in enumerate(lines) if line.strip()][-_FOOTER_LINES:]
    for position, index in enumerate(last_lines):
        match = _URL_FOOTER.match(lines[index].strip())
        if not match:
            continue
        continuation = [lines[later].strip() for later in last_lines[position + 1:]]
        if not all(_looks_like_url_fragment(part) for part in continuation):
            continue
        rest = "".join([match.group(1).strip(), *continuation])
        angle = _ANGLE_URL.search(rest)
        url = re.sub(r"[<>\s]", "", rest[angle.start(1):] if angle else rest)
        if url.startswith("http"):
            return lines[:index], url
    return lines, None


def _heading_text(text: str) -> str:
    """A heading without its optional closing ``#``s (which must follow a space, as in CommonMark)."""
    without_closing = text.rstrip("#")
    if without_closing != text and (not without_closing or without_closing[-1].isspace()):
        text = without_closing
    return text.strip()


def _blocks(lines: list[str]) -> list[Block]:
    """Paragraphs, headings and list items; a heading or list item always starts a new block."""
    blocks: list[Block] = []
    current: Block | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            blocks.append(current)
            current = None

    for raw_line in lines:
        line = _BLOCKQUOTE.sub("", raw_line.strip()).strip()
        if not line:
            close()
        elif current is not None and current.kind == PARAGRAPH and _SETEXT_UNDERLINE.match(line):
            current.kind = HEADING
            close()
        elif _THEMATIC_BREAK.match(line):
            close()
        elif heading := _HEADING.match(line):
            close()
            blocks.append(Block(HEADING, _heading_text(heading.group(1))))
        elif item := _LIST_ITEM.match(line):
            close()
            current = Block(ITEM, item.group(1).strip())
        elif current is None:
            current = Block(PARAGRAPH, line)
        else:
            current.text = f"{current.text} {line}"
    close()
    return [block for block in blocks if block.text]


def _is_furniture(paragraph: str) -> bool:
    """Page furniture, not article prose: captions with photo credits, related-article boxes, credits.

    A wholly italic paragraph counts only when short and without quotation marks: an italic quote is prose.
    """
    if _BOX_LINE.match(paragraph):
        return True
    if len(paragraph.split()) > _MAX_FURNITURE_WORDS:
        return False
    if _WHOLLY_ITALIC.match(paragraph) and not _QUOTATION_MARKS.intersection(paragraph):
        return True
    credit = _TRAILING_BOLD.search(paragraph)
    return bool(credit and _CREDIT_WORD.search(credit.group(1)))


def _looks_like_headline(paragraph: str) -> bool:
    return len(paragraph.split()) <= _MAX_HEADLINE_WORDS and not paragraph.rstrip().endswith(".") \
        and parse_date(paragraph) is None


def _join_broken_sentences(blocks: list[Block]) -> list[Block]:
    """Rejoin a paragraph cut mid-sentence by a blank line; headings and list items are never joined."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if (previous is not None and previous.kind == PARAGRAPH == block.kind
                and not _SENTENCE_END.search(previous.text) and len(previous.text.split()) > 3):
            previous.text = f"{previous.text} {block.text}"
        else:
            joined.append(Block(block.kind, block.text))
    return joined


def _take_title(blocks: list[Block], front_matter_title: str | None) -> tuple[str | None, list[Block]]:
    first = blocks[0] if blocks else None
    if front_matter_title:
        title = strip_markdown(front_matter_title)
        if first is not None and first.kind == HEADING and strip_markdown(first.text).casefold() == title.casefold():
            blocks = blocks[1:]
        return title, blocks
    if first is None:
        return None, blocks
    if first.kind == HEADING or (first.kind == PARAGRAPH and _looks_like_headline(first.text) and len(blocks) > 1):
        return strip_markdown(first.text), blocks[1:]
    return None, blocks


def _take_date(blocks: list[Block]):
    for index, block in enumerate(blocks[:3]):
        if block.kind != HEADING and len(block.text.split()) <= _MAX_DATE_LINE_WORDS \
                and (parsed := parse_date(strip_markdown(block.text))):
            return parsed, blocks[:index] + blocks[index + 1:]
    return None, blocks


def parse_plaintext(raw: str, source: str = "", record: str = "") -> Article:
    lines, front_matter = _split_front_matter(raw.split("\n"))
    lines, footer_url = _split_footer(lines)
    title, blocks = _take_title(_blocks(lines), _front_matter_value(front_matter, "title", "headline"))
    date, blocks = _take_date(blocks)
    body = [Block(block.kind, strip_markdown(block.text)) for block in blocks if not _is_furniture(block.text)]
    body = _join_broken_sentences([block for block in body if block.text])
    return make_article(with_title(title, "\n\n".join(block.text for block in body)), title=title,
                        url=_front_matter_value(front_matter, "url", "link", "canonical_url") or footer_url,
                        date=_front_matter_value(front_matter, "date", "published") or date,
                        author=_front_matter_value(front_matter, "author", "byline"),
                        outlet=_front_matter_value(front_matter, "outlet", "publisher", "site_name", "source"),
                        source=source, record=record)
