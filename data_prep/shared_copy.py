"""Passages two outlets share word for word (wire copy, press releases), and the quotes inside them.

An exact-shingle index: every run of ``SHINGLE_WORDS`` words is hashed (a stable 64-bit hash, so a
rebuild finds the same pairs); one shingle in ``SAMPLE_EVERY`` by hash value goes into the index, which
finds candidate pairs of articles from different outlets published within ``MAX_DAYS_APART`` days. Each
candidate pair is then compared on all its shingles, and runs of shared shingles become passages. A
passage counts when it is at least ``MIN_PASSAGE_WORDS`` long with ``MIN_OWN_WORDS`` of them outside
quotation marks: the same quotation carried by two outlets is a shared statement, not shared copy.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

from data_prep.ingest.outlets import outlet_table

SHINGLE_WORDS = 8
SAMPLE_EVERY = 4
MIN_SAMPLED_SHARED = 2       # a candidate pair shares this many sampled shingles (about 8 in all)
MIN_PASSAGE_WORDS = 20
MIN_OWN_WORDS = 10
MAX_DAYS_APART = 14
CROWDED_SHINGLE = 64         # a shingle in more articles than this links each only to the first few
CROWD_ANCHORS = 8
QUOTE_SHARE = 0.5            # a quote is shared copy when half of it lies in shared passages

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_OPENING = "“«„"
_CLOSING = "”»“"
_MULTIPLIER = np.uint64(1_000_003)


@dataclass
class Shingles:
    hashes: np.ndarray     # (n_shingles,) uint64, shingle i starts at word i
    starts: np.ndarray     # (n_words,) character start of each word
    ends: np.ndarray       # (n_words,) character end of each word
    quoted: np.ndarray     # (n_words,) bool: the word is inside quotation marks


_MARK_OR_PARAGRAPH = re.compile(r'[“«„”»"]|(?<=\n)\n')


def _quoted_mask(text: str, starts: np.ndarray) -> np.ndarray:
    """Which words are inside quotation marks (curly, guillemets, or straight pairs).

    Only the marks and paragraph breaks change the state, so only they are visited; a word takes the
    state after the last of them before it."""
    positions, states = [], []
    depth, straight_open = 0, False
    for match in _MARK_OR_PARAGRAPH.finditer(text):
        char = match.group(0)
        if char in _OPENING and not (char == "“" and depth):
            depth += 1
        elif char in _CLOSING and depth:
            depth -= 1
        elif char == '"':
            straight_open = not straight_open
        elif char == "\n":
            depth, straight_open = 0, False  # marks never run past a paragraph
        positions.append(match.start())
        states.append(bool(depth or straight_open))
    if not positions:
        return np.zeros(len(starts), dtype=bool)
    last = np.searchsorted(np.array(positions, dtype=np.int64), starts, side="right") - 1
    return np.where(last >= 0, np.array(states, dtype=bool)[np.clip(last, 0, None)], False)


def shingles_of(text: str, word_hashes: dict[str, int]) -> Shingles:
    matches = list(_WORD.finditer(text))
    starts = np.fromiter((m.start() for m in matches), dtype=np.int64, count=len(matches))
    ends = np.fromiter((m.end() for m in matches), dtype=np.int64, count=len(matches))
    ids = np.empty(len(matches), dtype=np.uint64)
    for index, match in enumerate(matches):
        word = match.group(0).casefold()
        value = word_hashes.get(word)
        if value is None:
            value = word_hashes[word] = zlib.crc32(word.encode()) | (zlib.adler32(word.encode()) << 32)
        ids[index] = value
    count = len(ids) - SHINGLE_WORDS + 1
    hashes = np.zeros(max(count, 0), dtype=np.uint64)
    if count > 0:
        with np.errstate(over="ignore"):
            for offset in range(SHINGLE_WORDS):
                hashes = hashes * _MULTIPLIER + ids[offset:offset + count]
    return Shingles(hashes, starts, ends, _quoted_mask(text, starts))


def _candidate_pairs(sampled: list[np.ndarray], outlets: np.ndarray, days: np.ndarray,
                     dated: np.ndarray) -> np.ndarray:
    """(i, j) article pairs, i < j, of different outlets that share MIN_SAMPLED_SHARED sampled shingles.

    Pairs are made as one int64 key each and counted in bounded chunks, so memory grows with the pairs
    found, not with every (shingle, pair) occurrence: a corpus of near-identical texts stays flat.
    """
    lengths = np.array([len(h) for h in sampled], dtype=np.int64)
    if lengths.sum() == 0:
        return np.zeros((0, 2), dtype=np.int64)
    hashes = np.concatenate(sampled)
    owners = np.repeat(np.arange(len(sampled), dtype=np.int64), lengths)
    order = np.lexsort((owners, hashes))
    hashes, owners = hashes[order], owners[order]
    del order
    keep = np.ones(len(hashes), dtype=bool)
    keep[1:] = (hashes[1:] != hashes[:-1]) | (owners[1:] != owners[:-1])  # one per article and shingle
    hashes, owners = hashes[keep], owners[keep]
    del keep
    group_start = np.flatnonzero(np.concatenate([[True], hashes[1:] != hashes[:-1]]))
    del hashes
    group_size = np.diff(np.append(group_start, len(owners)))
    outlet_codes = np.unique(outlets, return_inverse=True)[1].astype(np.int64)
    counter = _PairCounter(len(sampled))
    # Every member of a group meets the member `step` places after it, for step = 1, 2, ...; a crowded
    # group (a shingle in very many articles) links only its first CROWD_ANCHORS members to the rest.
    multi = group_size > 1
    plain = multi & (group_size <= CROWDED_SHINGLE)
    member_group = np.repeat(np.arange(len(group_size)), group_size)
    index = np.arange(len(owners))
    end_of_group = (group_start + group_size)[member_group]
    in_plain = plain[member_group]
    del member_group
    for step in range(1, CROWDED_SHINGLE):
        left = np.flatnonzero(in_plain & (index + step < end_of_group))
        if not len(left):
            break
        counter.add(owners[left], owners[left + step], outlet_codes, days, dated)
    for start, size in zip(group_start[multi & ~plain].tolist(), group_size[multi & ~plain].tolist()):
        members = owners[start:start + size]
        for anchor in range(min(CROWD_ANCHORS, size - 1)):
            counter.add(np.full(size - anchor - 1, members[anchor]), members[anchor + 1:], outlet_codes, days, dated)
    return counter.pairs_seen(MIN_SAMPLED_SHARED)


class _PairCounter:
    """Counts (i, j) article pairs as int64 keys i * n + j, folding its buffer into running totals
    whenever it holds ``FOLD_AT`` keys."""

    FOLD_AT = 4_000_000

    def __init__(self, n_articles: int):
        self.n = np.int64(n_articles)
        self.buffer: list[np.ndarray] = []
        self.buffered = 0
        self.keys = np.zeros(0, dtype=np.int64)
        self.counts = np.zeros(0, dtype=np.int64)

    def add(self, left: np.ndarray, right: np.ndarray, outlet_codes: np.ndarray, days: np.ndarray,
            dated: np.ndarray) -> None:
        different = outlet_codes[left] != outlet_codes[right]
        close = np.abs(days[left] - days[right]) <= MAX_DAYS_APART
        undated = ~dated[left] | ~dated[right]  # an undated article is compared with any date
        wanted = different & (close | undated)
        keys = left[wanted] * self.n + right[wanted]
        if len(keys):
            self.buffer.append(keys)
            self.buffered += len(keys)
        if self.buffered >= self.FOLD_AT:
            self._fold()

    def _fold(self) -> None:
        if not self.buffer:
            return
        keys = np.concatenate([self.keys, *self.buffer])
        counts = np.concatenate([self.counts, np.ones(self.buffered, dtype=np.int64)])
        self.buffer, self.buffered = [], 0
        self.keys, inverse = np.unique(keys, return_inverse=True)
        self.counts = np.bincount(inverse, weights=counts, minlength=len(self.keys)).astype(np.int64)

    def pairs_seen(self, at_least: int) -> np.ndarray:
        self._fold()
        keys = self.keys[self.counts >= at_least]
        return np.stack([keys // self.n, keys % self.n], axis=1).astype(np.int64)


def _passages(mine: Shingles, other: Shingles) -> list[tuple[int, int]]:
    """Character spans of ``mine`` that ``other`` also has, as long enough runs of shared shingles."""
    shared = np.isin(mine.hashes, other.hashes)
    if not shared.any():
        return []
    words = np.zeros(len(mine.starts), dtype=bool)
    for offset in range(SHINGLE_WORDS):
        words[offset:offset + len(shared)] |= shared
    padded = np.concatenate([[False], words, [False]])
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    spans = []
    for first, stop in zip(edges[::2], edges[1::2]):
        if stop - first >= MIN_PASSAGE_WORDS and (~mine.quoted[first:stop]).sum() >= MIN_OWN_WORDS:
            spans.append((int(mine.starts[first]), int(mine.ends[stop - 1])))
    return spans


def _day_numbers(published: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Days since 1970 of each date, and which articles have a date at all."""
    days = (pd.to_datetime(published, errors="coerce") - pd.Timestamp("1970-01-01")).dt.days
    return days.fillna(0).to_numpy(dtype=np.int64), days.notna().to_numpy()


SHARED_COLUMNS = ["article_id", "other_article_id", "shared_chars", "spans", "agency"]
ARTICLE_COLUMNS = ["article_id", "outlet", "published", "agency", "text"]
Batches = Callable[[], Iterator[pd.DataFrame]]


def _text_values(column: pd.Series) -> list[str | None]:
    return [value if isinstance(value, str) and value else None for value in column]


def find_shared_copy(articles: pd.DataFrame, wire_outlets: set[str] = frozenset()) -> pd.DataFrame:
    """One row per ordered pair of articles of different outlets that share passages.

    ``articles`` needs article_id, outlet, published, agency and text. The agency of a pair is the one
    either article credits, else the outlet of either that is a news agency (``wire_outlets``).
    """
    return find_shared_copy_in_batches(lambda: iter([articles]), wire_outlets)


def find_shared_copy_in_batches(batches: Batches, wire_outlets: set[str] = frozenset()) -> pd.DataFrame:
    """``find_shared_copy`` over articles read a batch at a time, twice: the first pass keeps only the
    sampled shingles of every article, the second the full shingles of articles in candidate pairs."""
    word_hashes: dict[str, int] = {}
    ids, outlets, agencies, days, dated, sampled = [], [], [], [], [], []
    for batch in batches():
        ids += batch["article_id"].tolist()
        outlets += _text_values(batch["outlet"])
        agencies += _text_values(batch["agency"]) if "agency" in batch else [None] * len(batch)
        batch_days, batch_dated = _day_numbers(batch["published"])
        days.append(batch_days)
        dated.append(batch_dated)
        for text in batch["text"].fillna(""):
            hashes = shingles_of(text, word_hashes).hashes
            sampled.append(hashes[hashes % np.uint64(SAMPLE_EVERY) == 0])
    if len(ids) < 2:
        return pd.DataFrame(columns=SHARED_COLUMNS)
    outlet_keys = np.array([outlet or f"(no outlet) {article_id}" for outlet, article_id in zip(outlets, ids)],
                           dtype=object)
    pairs = _candidate_pairs(sampled, outlet_keys, np.concatenate(days), np.concatenate(dated))
    del sampled
    involved = set(pairs.ravel().tolist())
    full: dict[int, Shingles] = {}
    position = 0
    for batch in batches():
        for offset, text in enumerate(batch["text"].fillna("")):
            if position + offset in involved:
                full[position + offset] = shingles_of(text, word_hashes)
        position += len(batch)
    rows = []
    for i, j in pairs.tolist():
        agency = agencies[i] or agencies[j] or next((outlets[k] for k in (i, j) if outlets[k] in wire_outlets), None)
        for mine, other in ((i, j), (j, i)):
            spans = _passages(full[mine], full[other])
            if spans:
                rows.append({"article_id": ids[mine], "other_article_id": ids[other],
                             "shared_chars": int(sum(end - start for start, end in spans)),
                             "spans": [list(span) for span in spans], "agency": agency})
    return pd.DataFrame(rows, columns=SHARED_COLUMNS)


def shared_spans(shared: pd.DataFrame, own_agency: dict[str, str]) -> dict[str, list[tuple[int, int]]]:
    """Per article, its passages shared with other outlets' articles.

    An agency's own article is its own reporting: a pair whose agency is that article's outlet does not
    count for it (``own_agency`` maps article_id to the outlet when that outlet is a news agency).
    """
    spans_by_article: dict[str, list[tuple[int, int]]] = {}
    for article_id, spans, agency in zip(shared["article_id"], shared["spans"], shared["agency"]):
        if isinstance(agency, str) and own_agency.get(article_id) == agency:
            continue
        spans_by_article.setdefault(article_id, []).extend((int(s), int(e)) for s, e in spans)
    return spans_by_article


def quotes_in_shared_copy(quotes: pd.DataFrame, spans_by_article: dict[str, list[tuple[int, int]]]) -> np.ndarray:
    """Per quote: does at least ``QUOTE_SHARE`` of it lie in passages shared with another outlet?"""
    flags = np.zeros(len(quotes), dtype=bool)
    for row, (article_id, start, end) in enumerate(zip(quotes["article_id"], quotes["quote_start"],
                                                       quotes["quote_end"])):
        spans = spans_by_article.get(article_id)
        if not spans or pd.isna(start) or pd.isna(end) or end <= start:
            continue
        covered = np.zeros(int(end) - int(start), dtype=bool)
        for span_start, span_end in spans:
            low, high = max(span_start, int(start)), min(span_end, int(end))
            if low < high:
                covered[low - int(start):high - int(start)] = True
        flags[row] = covered.mean() >= QUOTE_SHARE
    return flags


def wire_outlets(outlet_types: dict[str, str | None]) -> set[str]:
    """News agencies: the table's, and any outlet of the dataset whose type is wire."""
    return {outlet.name for outlet in outlet_table().agencies} | {
        outlet for outlet, kind in outlet_types.items() if kind == "wire"}
