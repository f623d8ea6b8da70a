"""One statement across outlets: quotes of the same point by the same speaker, grouped.

Candidates are quotes in different articles whose speakers share a name key (the actor, or a word of
the actor's name: "Xi" and "Xi Jinping", "PM Shehbaz" and "Shehbaz Sharif"), published at most
``MAX_DAYS_APART`` days apart. A pair is linked when its words nearly match (a full and a partial quote
of the same words, straight and curly marks) or, for paraphrases and translations, when the sentence
encoder puts them close and enough of the words agree. Linked quotes are joined into statements, but
never so that one article's two quotes that were not linked to each other end up in one statement: an
article quoting a speaker twice is usually quoting two different points. A long quote of several
sentences is compared with a much shorter one point by point (a sentence or two at a time): the short one
is linked only if it repeats one of its points, and two quotes that repeat different points of it stay
apart, so a long quote cannot carry every point it holds into one statement.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist
from spacy.lang.en.stop_words import STOP_WORDS

MAX_DAYS_APART = 7
SAME_WORDS = 85          # token-set ratio at which two quotes are the same words
MIN_WORDS = 3            # a shorter quote than this is too little to link on words alone
GREY_WORDS = 40          # below this ratio the pair is not even worth encoding
CLOSE_MEANING = 0.78     # cosine at which an encoded pair is linked
LIKELY_MEANING = 0.70    # cosine that links a pair whose words also agree at LIKELY_WORDS
LIKELY_WORDS = 60
APART_MEANING = 0.55     # one article's two quotes of a speaker further apart than this are two points
APART_ACROSS = 0.60      # two articles' quotes this far apart never share a statement, whatever links them
SMALL_BLOCK = 200        # a speaker with at most this many quotes has every pair compared
MIN_SHARED_WORDS = 2     # in a larger block, a pair must share this many content words ...
MAX_CANDIDATES = 50      # ... and each quote meets at most this many, those sharing most
WEEK_CHUNK = 7           # a large block's dated quotes are counted this many days at a time
MAX_POSTING = 500        # a word in more of a block's quotes than this (or a tenth of them), or in more of
                         # the quotes of the weeks counted, is too common to pair on
SHARED_PART = 0.5        # a pair goes to the encoder if it shares this part of the shorter quote's content words
PAIRS_AT_ONCE = 1 << 22  # candidate pairs gathered before they are compared (32 MB of keys)
QUERIES_AT_ONCE = 256    # a large block's quotes whose candidates are counted together
DIFFER_CHECKS = 25       # members of each side compared before two groups are joined
SEVERAL_TIMES = 2        # a quote this many times as long as another, in several sentences, holds several points
SKIPPED_KINDS = {"anonymous", "unknown"}
_NOT_NAME_WORDS = {
    "the", "of", "and", "al", "el", "de", "da", "van", "von", "bin", "mr", "mrs", "ms", "dr", "pm", "us", "uk",
    "president", "minister", "prime", "foreign", "spokesperson", "spokesman", "secretary", "chief", "general",
    "ministry", "office", "state", "deputy", "vice", "former", "senior", "official", "officials", "chairman",
}
_MARKS = re.compile(r"[\"“”„«»‘’'`]")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")

STATEMENT_COLUMNS = ["statement_id", "speaker", "actor_id", "first_seen", "first_outlet", "first_article_id",
                     "first_quote_id", "text", "n_quotes", "n_articles", "n_outlets"]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def speaker_keys(name: str | None, kind: str | None, actor_id: str | None) -> set[str]:
    """What two quotes' speakers must share to be compared: the actor, and the words of a person's name."""
    if not actor_id or kind in SKIPPED_KINDS:
        return set()
    keys = {f"actor:{actor_id}"}
    if isinstance(name, str) and name:
        if kind == "person":
            keys |= {f"name:{word}" for word in re.findall(r"[a-z]+", _fold(name))
                     if len(word) >= 2 and word not in _NOT_NAME_WORDS}
        else:
            keys.add("name:" + " ".join(re.findall(r"[a-z0-9]+", _fold(name))))
    return keys


def normalise(text: str) -> str:
    return " ".join(_MARKS.sub(" ", text or "").split()).casefold()


class _Groups:
    """Union-find that refuses a union joining two quotes known to be different points."""

    def __init__(self, differ):
        # Only quotes in a union are held: most of a large corpus's quotes are never linked.
        self.parent: dict[int, int] = {}
        self.members: dict[int, list[int]] = {}
        self.differ = differ

    def find(self, i: int) -> int:
        while self.parent.get(i, i) != i:
            self.parent[i] = self.parent.get(self.parent[i], self.parent[i])
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        first, second = self.members.get(a, [a]), self.members.get(b, [b])
        # Bounded: two large groups are compared on their first members only, so a union stays cheap.
        if a == b or any(self.differ(x, y) for x in first[:DIFFER_CHECKS] for y in second[:DIFFER_CHECKS]):
            return
        if len(first) < len(second):
            a, b, first, second = b, a, second, first
        self.parent[b] = a
        self.members[a] = first + second
        self.members.pop(b, None)


def _content_words(text: str) -> set[str]:
    """Words of four letters or more that carry content: "that", "with", "have" or "would" are in most
    quotes, and two quotes sharing them are no likelier to be one statement."""
    return {word for word in re.findall(r"[a-z]{4,}", _fold(text)) if word not in STOP_WORDS}


class LinkInputs:
    """What ``link_quotes`` needs of its quotes, compact: a few numbers per quote, and each distinct
    (normalised) text once. A corpus repeats its quotes (one line carried by many outlets, wire copy),
    and a Python string per quote of a million would cost far more than the linking. Filled a batch of
    quotes at a time (``add``), in the order of the statement ids to be returned."""

    def __init__(self):
        self._text_number: dict[str, int] = {}
        self._article_number: dict[str, int] = {}
        self._speaker_number: dict[tuple, int] = {}
        self._parts: dict[str, list[np.ndarray]] = {"text": [], "article": [], "speaker": [], "day": [], "dated": []}
        self._quote_ids: list[pa.Array] = []

    def add(self, quotes: pd.DataFrame) -> None:
        """A batch with quote_id, article_id, quote_text, speaker_name, speaker_kind, actor_id, published."""
        texts, articles, speakers = self._text_number, self._article_number, self._speaker_number
        self._parts["text"].append(np.fromiter(
            (texts.setdefault(normalise(text if isinstance(text, str) else ""), len(texts))
             for text in quotes["quote_text"].tolist()), dtype=np.int64, count=len(quotes)))
        self._parts["article"].append(np.fromiter(
            (articles.setdefault(article, len(articles)) for article in quotes["article_id"].tolist()),
            dtype=np.int64, count=len(quotes)))
        self._parts["speaker"].append(np.fromiter(
            (speakers.setdefault(tuple(value if isinstance(value, str) else None for value in speaker), len(speakers))
             for speaker in zip(quotes["speaker_name"].tolist(), quotes["speaker_kind"].tolist(),
                                quotes["actor_id"].tolist())), dtype=np.int64, count=len(quotes)))
        dates = (pd.to_datetime(quotes["published"], errors="coerce") - pd.Timestamp("1970-01-01")).dt.days
        self._parts["day"].append(dates.fillna(0).to_numpy(dtype=np.int64))
        self._parts["dated"].append(dates.notna().to_numpy())
        self._quote_ids.append(pa.array(quotes["quote_id"], type=pa.string()))

    def finish(self) -> None:
        joined = {name: np.concatenate(parts) if parts else np.empty(0, dtype=bool if name == "dated" else np.int64)
                  for name, parts in self._parts.items()}
        self.text_ids, self.articles, self.speaker_of = joined["text"], joined["article"], joined["speaker"]
        self.days, self.dated = joined["day"], joined["dated"]
        self.texts = list(self._text_number)
        self.keys_of = [speaker_keys(*speaker) for speaker in self._speaker_number]
        self.quote_ids = pa.chunked_array(self._quote_ids, type=pa.string())
        del self._text_number, self._article_number, self._speaker_number, self._parts, self._quote_ids

    def __len__(self) -> int:
        return len(self.text_ids)


class _WordsOf:
    """Each distinct text's content words as word numbers, packed in one array (a set per quote of a
    million quotes would take most of a gigabyte); ``words[i]`` gives quote i's as a set."""

    def __init__(self, texts: list[str], text_ids: np.ndarray):
        numbers: dict[str, int] = {}
        self.text_ids = text_ids
        ids, ends = array("i"), array("q")
        for text in texts:
            ids.extend(numbers.setdefault(word, len(numbers)) for word in _content_words(text))
            ends.append(len(ids))
        self.ids, self.vocabulary = np.frombuffer(ids, dtype=np.int32), len(numbers)
        self.ends = np.frombuffer(ends, dtype=np.int64)
        self.starts = np.concatenate([[0], self.ends[:-1]]).astype(np.int64)

    def __getitem__(self, i: int) -> set[int]:
        t = self.text_ids[i]
        return set(self.ids[self.starts[t]:self.ends[t]].tolist())

    def of(self, quotes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The words of these quotes at once: (position in ``quotes``, word number) for each."""
        texts = self.text_ids[quotes]
        starts, lengths = self.starts[texts], self.ends[texts] - self.starts[texts]
        owner = np.repeat(np.arange(len(quotes)), lengths)
        offsets = np.arange(len(owner)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        return owner, self.ids[np.repeat(starts, lengths) + offsets].astype(np.int64)


def _worth_encoding(first: set[str], second: set[str], in_large_block: bool) -> bool:
    """Whether a pair whose words half match goes on to the encoder: paraphrases and translations keep
    some content words (names, numbers, key nouns), so it must share half the shorter quote's content
    words, or two of them; in a speaker's large block, where chance overlaps of two words are common,
    the half is needed."""
    shared = len(first & second)
    half = shared >= SHARED_PART * max(1, min(len(first), len(second)))
    return half or (not in_large_block and shared >= MIN_SHARED_WORDS)


def _all_pairs(members: np.ndarray, days: np.ndarray, dated: np.ndarray, articles: np.ndarray,
               count: int) -> np.ndarray:
    """Every pair of a small block's quotes in different articles close in time, as pair keys."""
    first, second = np.triu_indices(len(members), 1)
    i, j = members[first], members[second]  # members ascend, so i < j
    keep = (articles[i] != articles[j]) & (~(dated[i] & dated[j]) | (np.abs(days[i] - days[j]) <= MAX_DAYS_APART))
    return i[keep] * count + j[keep]


def _pairs_sharing_words(members: np.ndarray, words: _WordsOf, days: np.ndarray, dated: np.ndarray,
                         articles: np.ndarray, count: int) -> Iterator[np.ndarray]:
    """In a large block, each quote meets only the quotes that share most of its rarer words.

    Comparing every pair of a speaker quoted thousands of times in a week is quadratic; a statement's
    variants, even paraphrased or translated, keep some of its content words (names, numbers, key nouns).
    Counted with numpy, one quote against the block's quotes it may pair with at a time: a dated quote
    against those of its ``WEEK_CHUNK`` days and a week either side (and the undated), so a speaker quoted
    every day for years costs a pass over a few weeks per quote, not over all the years.
    """
    size = len(members)
    block = _Block(members, words, days, dated, articles, count)
    undated = np.flatnonzero(~block.dated)
    by_day = np.flatnonzero(block.dated)
    by_day = by_day[np.argsort(block.days[by_day], kind="stable")]
    sorted_days = block.days[by_day]
    if len(undated):  # an undated quote may pair with any
        yield from block.pairs(np.arange(size), undated)
    begin = 0
    while begin < len(by_day):
        first = sorted_days[begin]
        end = int(np.searchsorted(sorted_days, first + WEEK_CHUNK, "left"))
        low = int(np.searchsorted(sorted_days, first - MAX_DAYS_APART, "left"))
        high = int(np.searchsorted(sorted_days, first + WEEK_CHUNK - 1 + MAX_DAYS_APART, "right"))
        yield from block.pairs(np.sort(np.concatenate([by_day[low:high], undated])), by_day[begin:end])
        begin = end


class _Block:
    """One large speaker block: which of its words are worth pairing on, and the pairs of some of its
    quotes (``queries``) among a part of it (``among``), by block position."""

    def __init__(self, members: np.ndarray, words: _WordsOf, days: np.ndarray, dated: np.ndarray,
                 articles: np.ndarray, count: int):
        self.members, self.words, self.size, self.count = members, words, len(members), count
        frequency = np.bincount(words.of(members)[1], minlength=words.vocabulary)
        common = max(MAX_POSTING, self.size // 10)
        self.pairable = (frequency > 1) & (frequency <= common)
        self.days, self.dated, self.articles = days[members], dated[members], articles[members]

    def pairs(self, among: np.ndarray, queries: np.ndarray) -> Iterator[np.ndarray]:
        """Each query quote's pairs with the quotes of ``among`` (not of its own article, in time) sharing
        at least ``MIN_SHARED_WORDS`` pairable words, at most ``MAX_CANDIDATES`` of those sharing most
        (ties to the later quote). Counted for all queries at once: every (query, quote) sharing a word."""
        owner, word = self.words.of(self.members[among])
        keep = self.pairable[word]
        owner, word = owner[keep], word[keep]
        # A word in more than MAX_POSTING of these quotes tells little about which of them repeat a quote,
        # and counting it would make each quote's pass grow with the speaker's quotes in the weeks counted:
        # a quote costs at most MAX_POSTING per word it has, however often the speaker is quoted.
        order = np.argsort(word, kind="stable")
        owner, word = owner[order], word[order]
        posted, first, postings = np.unique(word, return_index=True, return_counts=True)
        kept = postings <= MAX_POSTING
        posted, first, postings = posted[kept], first[kept], postings[kept]
        # A few hundred queries at a time: every (query, quote) sharing a word is held at once, and a
        # speaker's busy weeks would make that grow with the square of their quotes.
        for begin in range(0, len(queries), QUERIES_AT_ONCE):
            yield from self._pairs_of(among, queries[begin:begin + QUERIES_AT_ONCE], owner, posted, first, postings)

    def _pairs_of(self, among: np.ndarray, queries: np.ndarray, owner: np.ndarray, posted: np.ndarray,
                  first: np.ndarray, postings: np.ndarray) -> Iterator[np.ndarray]:
        asking, asked = self.words.of(self.members[queries])
        slot = np.searchsorted(posted, asked)
        found = slot < len(posted)
        found[found] = posted[slot[found]] == asked[found]
        asking, slot = asking[found], slot[found]
        if not len(asking):
            return
        lengths = postings[slot]
        query = np.repeat(asking, lengths)
        offsets = np.arange(len(query)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        other = owner[np.repeat(first[slot], lengths) + offsets]  # position in ``among``
        codes, counts = np.unique(query * len(among) + other, return_counts=True)
        query, other = codes // len(among), codes % len(among)
        local, local_other = queries[query], among[other]
        keep = (counts >= MIN_SHARED_WORDS) & (self.articles[local_other] != self.articles[local])
        keep &= ~(self.dated[local] & self.dated[local_other]
                  & (np.abs(self.days[local_other] - self.days[local]) > MAX_DAYS_APART))
        query, local, local_other, counts = query[keep], local[keep], local_other[keep], counts[keep]
        # Those sharing most words, ties to the later quote: the first MAX_CANDIDATES of each query's
        # quotes by (shared words, position), highest first.
        order = np.lexsort((-(counts * self.size + local_other), query))
        query, local, local_other = query[order], local[order], local_other[order]
        starts = np.searchsorted(query, query, "left")
        best = np.arange(len(query)) - starts < MAX_CANDIDATES
        i, j = self.members[local[best]], self.members[local_other[best]]
        yield np.minimum(i, j) * self.count + np.maximum(i, j)


def _blocks(speaker_of: np.ndarray, keys_of: list[set[str]]) -> Iterator[np.ndarray]:
    """The quotes (ascending) of each speaker key held by two quotes or more."""
    order = np.argsort(speaker_of, kind="stable")
    bounds = np.searchsorted(speaker_of[order], np.arange(len(keys_of) + 1))
    speakers: dict[str, list[int]] = defaultdict(list)
    for speaker, keys in enumerate(keys_of):
        for key in keys:
            speakers[key].append(speaker)
    for key_speakers in speakers.values():
        parts = [order[bounds[s]:bounds[s + 1]] for s in key_speakers]
        if sum(len(part) for part in parts) >= 2:
            yield np.sort(np.concatenate(parts))


def _candidate_batches(speaker_of: np.ndarray, keys_of: list[set[str]], days: np.ndarray, dated: np.ndarray,
                       articles: np.ndarray, words: _WordsOf) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Pairs (as keys ``i * count + j``, i < j) of quotes in different articles close in time whose speakers
    share a key, about ``PAIRS_AT_ONCE`` at a time: each batch's pairs sorted and distinct, and whether each
    was met only in a large block (sharing words) of its batch.

    Held all at once, a large corpus's pairs took over a gigabyte while they were made distinct. A pair of
    two speaker keys may be met in two batches; comparing it twice decides it the same way, and a pair met
    in a small block anywhere is judged as the small block's (the lighter test of ``_worth_encoding``) in
    that batch, so the union over batches is what one pass over every pair would give.
    """
    count = len(speaker_of)
    gathered: list[np.ndarray] = []
    held = 0
    for members in _blocks(speaker_of, keys_of):
        if len(members) <= SMALL_BLOCK:
            parts: Iterable[np.ndarray] = [_all_pairs(members, days, dated, articles, count) * 2]
        else:
            parts = (keys * 2 + 1 for keys in _pairs_sharing_words(members, words, days, dated, articles, count))
        for part in parts:
            gathered.append(part)
            held += len(part)
            if held >= PAIRS_AT_ONCE:
                yield _distinct_pairs(gathered)
                gathered, held = [], 0
    if gathered:
        yield _distinct_pairs(gathered)


def _distinct_pairs(flagged: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct pair keys of ``key * 2 + met_in_large_block`` codes, and whether each key was met only
    in a large block (sorted, a key's small-block code comes first)."""
    codes = np.concatenate(flagged)
    codes.sort()
    first = np.ones(len(codes), dtype=bool)
    first[1:] = (codes[1:] >> 1) != (codes[:-1] >> 1)
    codes = codes[first]
    return codes >> 1, (codes & 1).astype(bool)


class _Parts:
    """The points of long quotes: a quote of several sentences, at least ``SEVERAL_TIMES`` as long as the
    quote it is compared with, is also compared sentence by sentence (one or two in a row), so a short
    quote is linked to it only if it repeats one of its points, not for sharing its overall topic; and two
    quotes that each repeat a different point of it are kept apart."""

    def __init__(self, texts: list[str], encode):
        self.texts, self.encode = texts, encode
        self.windows: dict[int, list[tuple[range, str]]] = {}
        self.window_vectors: dict[int, np.ndarray] = {}

    def _windows(self, i: int) -> list[tuple[range, str]]:
        if i not in self.windows:
            sentences = [part for part in _SENTENCE_END.split(self.texts[i]) if len(part.split()) >= MIN_WORDS]
            windows = [(range(k, k + 1), sentence) for k, sentence in enumerate(sentences)]
            if len(sentences) > 1:
                windows += [(range(k, k + 2), f"{sentences[k]} {sentences[k + 1]}") for k in range(len(sentences) - 1)]
            self.windows[i] = windows
        return self.windows[i]

    def long_of(self, i: int, j: int) -> int | None:
        """Which of the two is a long quote of several points against the other, if either."""
        long, short = (i, j) if len(self.texts[i]) >= len(self.texts[j]) else (j, i)
        several = len(self.texts[long].split()) >= SEVERAL_TIMES * len(self.texts[short].split())
        return long if several and len(self._windows(long)) > 1 else None

    def encode_for(self, pairs) -> None:
        if self.encode is None:
            return
        longs = sorted({long for i, j in pairs if (long := self.long_of(i, j)) is not None} - set(self.window_vectors))
        texts = [text for long in longs for _, text in self._windows(long)]
        if texts:
            encoded, start = self.encode(texts), 0
            for long in longs:
                count = len(self._windows(long))
                self.window_vectors[long], start = np.asarray(encoded[start:start + count]), start + count

    def best_window(self, long: int, short: int, vectors: dict) -> tuple[float, range]:
        """The long quote's part closest to the short quote: by meaning if encoded, else by words."""
        windows = self._windows(long)
        if long in self.window_vectors and short in vectors:
            scores = self.window_vectors[long] @ vectors[short]
        else:
            scores = np.array([fuzz.token_set_ratio(text, self.texts[short]) / 100 for _, text in windows])
        best = int(np.argmax(scores))
        return float(scores[best]), windows[best][0]

    def similarity(self, i: int, j: int, vectors: dict) -> float:
        """The pair's cosine; against a long quote, no more than its closest part's: the short quote must
        repeat one of its points, not just share its topic."""
        whole = float(np.dot(vectors[i], vectors[j]))
        long = self.long_of(i, j)
        if long is None or long not in self.window_vectors:
            return whole
        return min(whole, self.best_window(long, j if long == i else i, vectors)[0])

    def points_linked(self, linked: set, vectors: dict) -> dict[int, dict[int, range]]:
        """For each quote linked to a long quote: the long quote and the sentences it repeats."""
        via: dict[int, dict[int, range]] = defaultdict(dict)
        for i, j in linked:
            long = self.long_of(i, j)
            if long is not None:
                short = j if long == i else i
                via[short][long] = self.best_window(long, short, vectors)[1]
        return via


class _Vectors:
    """The sentence vectors of the quotes asked for, held once per distinct text: a dict entry per quote
    (a Python int and a reference each) held ~100 MB over a million linked quotes that share a few
    thousand texts. ``i in vectors`` once quote i was asked for (``encode_missing``); ``vectors[i]`` is
    its text's vector."""

    def __init__(self, text_ids: np.ndarray, distinct: list[str], encode):
        self.text_ids, self.distinct, self.encode = text_ids, distinct, encode
        self.asked = np.zeros(len(text_ids), dtype=bool)
        self.by_text: dict[int, np.ndarray] = {}

    def __contains__(self, i: int) -> bool:
        return bool(self.asked[i])

    def __getitem__(self, i: int) -> np.ndarray:
        if not self.asked[i]:
            raise KeyError(i)
        return self.by_text[int(self.text_ids[i])]

    def encode_missing(self, indexes) -> None:
        """Vectors for these quotes: each distinct text is encoded once, whichever quotes carry it, in
        the order of the quotes that first carry it."""
        if self.encode is None:
            return
        if not isinstance(indexes, np.ndarray):  # a pair at a time from the groups: checked without NumPy
            indexes = [i for i in indexes if not self.asked[i]]
            if not indexes:
                return
        missing = np.unique(np.asarray(indexes, dtype=np.int64))
        missing = missing[~self.asked[missing]]
        if not len(missing):
            return
        carried = self.text_ids[missing]
        _, first = np.unique(carried, return_index=True)
        new = [t for t in carried[np.sort(first)].tolist() if t not in self.by_text]
        if new:
            self.by_text.update(zip(new, self.encode([self.distinct[t] for t in new])))
        self.asked[missing] = True

    def cosines(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """``float(np.dot(vectors[i], vectors[j]))`` of each pair (all asked for), computed once per pair of
        distinct texts: the same value for every pair of quotes carrying them."""
        if not len(first):
            return np.empty(0)
        size = len(self.distinct)
        codes, inverse = np.unique(self.text_ids[first] * size + self.text_ids[second], return_inverse=True)
        by_text = self.by_text
        scores = np.array([float(np.dot(by_text[a], by_text[b])) for a, b in
                           zip((codes // size).tolist(), (codes % size).tolist())], dtype=np.float64)
        return scores[inverse.reshape(-1)]


_CHUNK = 65536  # quotes or pairs handled at once where Python objects are made for each


def _compare_words(pairs: np.ndarray, only_large: np.ndarray, text_ids: np.ndarray, distinct: list[str],
                   content: _WordsOf) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The candidate pairs whose words nearly match (linked, as sorted pair keys), and those whose words
    half match and are worth encoding (grey: first quotes, second quotes, word scores). A quote of the same
    text as the other is the same words."""
    count = len(text_ids)
    lengths = np.array([len(text.split()) for text in distinct], dtype=np.int64)
    linked, grey = [np.empty(0, dtype=np.int64)], []
    for start in range(0, len(pairs), _CHUNK):
        first, second = pairs[start:start + _CHUNK] // count, pairs[start:start + _CHUNK] % count
        one, other = text_ids[first], text_ids[second]
        same = one == other
        words = np.full(len(first), 100.0)
        words[~same] = _scores(fuzz.token_set_ratio, distinct, one[~same], other[~same])
        shorter = np.minimum(lengths[one], lengths[other])
        # The word set may be a subset in any order; the same words also run in the same order.
        close = (words >= SAME_WORDS) & (shorter >= MIN_WORDS)
        in_order = np.full(len(first), 100.0)
        check = close & ~same
        in_order[check] = _scores(fuzz.partial_ratio, distinct, one[check], other[check])
        is_linked = close & (in_order >= SAME_WORDS)
        linked.append(pairs[start:start + _CHUNK][is_linked])
        half = np.flatnonzero(~is_linked & (words >= GREY_WORDS) & (shorter >= MIN_WORDS))
        worth = np.fromiter((_worth_encoding(content[i], content[j], large) for i, j, large in
                             zip(first[half].tolist(), second[half].tolist(),
                                 only_large[start:start + _CHUNK][half].tolist())), dtype=bool, count=len(half))
        half = half[worth]
        grey.append((first[half], second[half], words[half]))
    grey_parts = [np.concatenate([part[k] for part in grey]) if grey else np.empty(0) for k in range(3)]
    return np.concatenate(linked), (grey_parts[0].astype(np.int64), grey_parts[1].astype(np.int64), grey_parts[2])


class _Linked:
    """The linked pairs as sorted pair keys (a set of a million Python tuples would take ~100 MB)."""

    def __init__(self, batches: list[np.ndarray], count: int):
        """``batches`` (each batch's pair keys) is emptied as it is read, so the keys are held at most twice."""
        self.keys, self.count = _sorted_distinct(batches), count

    def add(self, more: np.ndarray) -> None:
        self.keys = _sorted_distinct([self.keys, more])

    def __contains__(self, pair: tuple[int, int]) -> bool:
        key = min(pair) * self.count + max(pair)
        at = int(self.keys.searchsorted(key))
        return at < len(self.keys) and int(self.keys[at]) == key

    def __iter__(self) -> Iterator[tuple[int, int]]:
        """The pairs in order (as sorted tuples would be)."""
        for start in range(0, len(self.keys), _CHUNK):
            for key in self.keys[start:start + _CHUNK].tolist():
                yield divmod(key, self.count)


def _distinct_grey(parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]], count: int
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The grey pairs of every batch, each once, in pair-key order (as one pass over every pair gives them)."""
    if not parts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64), np.empty(0)
    first, second, words = (np.concatenate([part[k] for part in parts]) for k in range(3))
    parts.clear()  # the batches are held once more, concatenated: drop the first copy
    _, once = np.unique(first * count + second, return_index=True)
    return first[once], second[once], words[once]


def _sorted_distinct(batches: list[np.ndarray]) -> np.ndarray:
    """The distinct keys of every batch, sorted (``np.unique`` of their concatenation), sorted in place so a
    large corpus's tens of millions of linked keys are not held three times over."""
    keys = np.concatenate([np.empty(0, dtype=np.int64)] + batches)
    batches.clear()
    keys.sort()
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    return keys[first]


def _scores(scorer, distinct: list[str], one: np.ndarray, other: np.ndarray) -> np.ndarray:
    """``scorer`` of each pair of texts, computed in rapidfuzz's C++ loop (same scores as one call a pair)."""
    if not len(one):
        return np.empty(0)
    return cpdist([distinct[t] for t in one.tolist()], [distinct[t] for t in other.tolist()], scorer=scorer,
                  dtype=np.float64, workers=1)


def link_quotes(quotes: pd.DataFrame, encode=None) -> list[str | None]:
    """A statement id per quote (None for a quote no other article carries).

    ``quotes`` needs quote_id, article_id, quote_text, speaker_name, speaker_kind, actor_id, published,
    outlet. ``encode`` (texts -> unit vectors) is the sentence encoder; without one only near-identical
    wording links.
    """
    inputs = LinkInputs()
    inputs.add(quotes)
    inputs.finish()
    return link_inputs(inputs, encode)


def link_inputs(inputs: LinkInputs, encode=None) -> list[str | None]:
    """``link_quotes`` on quotes given as ``LinkInputs`` (filled a batch at a time by a build)."""
    count = len(inputs)
    if count < 2:
        return [None] * count
    text_ids, distinct, articles = inputs.text_ids, inputs.texts, inputs.articles
    texts = [distinct[t] for t in text_ids.tolist()]  # shared strings: one reference per quote
    content = _WordsOf(distinct, text_ids)
    # Compared a batch of candidates at a time: only each batch's linked and grey pairs are kept.
    word_linked: list[np.ndarray] = []
    grey_batches: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for pairs, only_large in _candidate_batches(inputs.speaker_of, inputs.keys_of, inputs.days, inputs.dated,
                                                articles, content):
        batch_linked, batch_grey = _compare_words(pairs, only_large, text_ids, distinct, content)
        word_linked.append(batch_linked)
        grey_batches.append(batch_grey)
    linked = _Linked(word_linked, count)
    grey_first, grey_second, grey_words = _distinct_grey(grey_batches, count)
    parts = _Parts(texts, encode)
    vectors = _Vectors(text_ids, distinct, encode)
    if len(grey_first) and encode is not None:
        vectors.encode_missing(np.concatenate([grey_first, grey_second]))
        # A pair's similarity is at most its whole cosine, so a long quote's parts are encoded only for
        # the pairs close enough as wholes to be linked: most pairs of a speaker's quotes are not.
        close = vectors.cosines(grey_first, grey_second) >= LIKELY_MEANING
        grey = list(zip(grey_first[close].tolist(), grey_second[close].tolist(), grey_words[close].tolist()))
        parts.encode_for([(i, j) for i, j, _ in grey])
        meaning_linked = []
        for i, j, words in grey:
            similarity = parts.similarity(i, j, vectors)
            if similarity >= CLOSE_MEANING or (similarity >= LIKELY_MEANING and words >= LIKELY_WORDS):
                meaning_linked.append(i * count + j)
        linked.add(np.array(meaning_linked, dtype=np.int64))
        del grey, close
    del grey_first, grey_second, grey_words
    via = parts.points_linked(linked, vectors)
    no_points: dict[int, range] = {}
    wanted: set[int] = set()

    def differ(i: int, j: int, record: bool = False) -> bool:
        """Two quotes that must not share a statement: their wording and meaning are too far apart, or
        each is a different point of one long quote."""
        if text_ids[i] == text_ids[j]:  # the same words: one point (repeating a long quote, the same part)
            return False
        if (i, j) in linked:
            return False
        points_j = via.get(j, no_points)
        if any(not set(span_i) & set(points_j[long]) for long, span_i in via.get(i, no_points).items()
               if long in points_j):
            return True
        if fuzz.token_set_ratio(texts[i], texts[j]) >= SAME_WORDS or encode is None:
            return False
        if record:  # first pass: only note which quotes the meaning check needs
            wanted.update((i, j))
            return False
        vectors.encode_missing((i, j))
        limit = APART_MEANING if articles[i] == articles[j] else APART_ACROSS
        return float(np.dot(vectors[i], vectors[j])) < limit

    # Quotes linked by their words alone are encoded only where a union needs their meaning: a first
    # pass finds those, one batch encodes them, the second pass joins.
    recording = _Groups(lambda i, j: differ(i, j, record=True))
    for i, j in linked:
        recording.union(i, j)
    del recording
    vectors.encode_missing(wanted)
    groups = _Groups(differ)
    for i, j in linked:
        groups.union(i, j)
    groups_members = groups.members
    del groups, linked, via, parts, vectors  # what the unions needed, before the ids are made
    statements = [members for members in groups_members.values() if len({articles[m] for m in members}) >= 2]
    del groups_members
    return _statement_ids(statements, inputs.quote_ids, count)


def _statement_ids(statements: list[list[int]], quote_ids: pa.ChunkedArray, count: int) -> list[str | None]:
    """A statement id per quote, named by its members' quote ids; the quote ids are read for about
    ``_CHUNK`` quotes at a time (a million linked quotes' ids as Python strings at once took ~100 MB)."""
    ids: list[str | None] = [None] * count
    for batch in _batches_of_members(statements, _CHUNK):
        names = iter(quote_ids.take(pa.array([m for members in batch for m in members], type=pa.int64())).to_pylist())
        for members in batch:
            digest = hashlib.sha1("|".join(sorted(next(names) for _ in members)).encode()).hexdigest()[:16]
            statement_id = f"st_{digest}"
            for member in members:
                ids[member] = statement_id
    return ids


def _batches_of_members(statements: list[list[int]], size: int) -> Iterator[list[list[int]]]:
    """The statements in order, in batches of about ``size`` members."""
    batch: list[list[int]] = []
    held = 0
    for members in statements:
        batch.append(members)
        held += len(members)
        if held >= size:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def statements_table(quotes: pd.DataFrame, statement_ids: list[str | None]) -> pd.DataFrame:
    """One row per statement: its speaker, where and when it was first seen, and how far it travelled."""
    frame = quotes.assign(statement_id=statement_ids).dropna(subset=["statement_id"])
    if frame.empty:
        return pd.DataFrame(columns=STATEMENT_COLUMNS)
    # Sorted on light frames, the texts taken for the rows chosen: a million linked quotes' texts would
    # otherwise be copied by every sort.
    dates = pd.to_datetime(frame["published"], errors="coerce")
    groups = frame.groupby("statement_id", sort=True)
    first = (frame[["statement_id", "article_id", "quote_start", "quote_id", "outlet"]].assign(_date=dates)
             .sort_values(["statement_id", "_date", "article_id", "quote_start"], na_position="last", kind="stable")
             .drop_duplicates("statement_id").set_index("statement_id"))
    # The wording shown: the longest direct quote, else the longest quote (the first of equals).
    direct = frame["quote_type"] == "direct"
    has_direct = direct.groupby(frame["statement_id"]).any()
    texts = frame["quote_text"].fillna("")
    eligible = pd.DataFrame({"statement_id": frame["statement_id"], "_length": texts.str.len()})[
        direct | ~frame["statement_id"].map(has_direct).astype(bool)]
    longest = eligible.sort_values("_length", ascending=False, kind="stable").drop_duplicates("statement_id")
    wording = pd.Series(texts.loc[longest.index].to_numpy(), index=pd.Index(longest["statement_id"].to_numpy(),
                                                                             name="statement_id"), name="quote_text")
    table = pd.DataFrame({
        "speaker": _most_common(frame, "speaker_name"),
        "actor_id": _most_common(frame, "actor_id"),
        "first_seen": [date.date() if pd.notna(date) else None for date in first["_date"]],
        "first_outlet": [outlet if isinstance(outlet, str) else None for outlet in first["outlet"]],
        "first_article_id": first["article_id"], "first_quote_id": first["quote_id"],
        "text": wording,
        "n_quotes": groups.size(), "n_articles": groups["article_id"].nunique(),
        "n_outlets": groups["outlet"].nunique(),
    }, index=groups.size().index)
    table = table.rename_axis("statement_id").reset_index()
    return table[STATEMENT_COLUMNS]


def _most_common(frame: pd.DataFrame, column: str) -> pd.Series:
    """Per statement, the value of ``column`` its quotes give most often (the first seen of equals)."""
    values = frame[["statement_id", column]][frame[column].map(lambda value: isinstance(value, str))]
    counts = values.groupby(["statement_id", column], sort=False).size().rename("count").reset_index()
    best = counts.sort_values("count", ascending=False, kind="stable").drop_duplicates("statement_id")
    return best.set_index("statement_id")[column]
