"""A read-only mapping from (article_id, local key) to a value, in about 12 bytes per key.

A corpus has one such key per actor per article (millions at scale), and a dict of tuples costs ~100
bytes each. Here each key is a 64-bit hash in a sorted NumPy array beside the number of its value;
hashes that occur twice (a key given twice, or two keys colliding) are kept exactly in a small dict,
so a lookup always answers as a dict built from the same items in the same order would.
"""
from __future__ import annotations

import hashlib
from array import array
from collections.abc import Callable, Iterable

import numpy as np

Items = Callable[[], Iterable[tuple[tuple[str, str], object]]]


def _hash(article_id: str, key: str) -> int:
    return int.from_bytes(hashlib.blake2b(f"{article_id}\x1f{key}".encode(), digest_size=8).digest(), "little")


class KeyIndex:
    def __init__(self, items: Items):
        """``items()`` yields ((article_id, key), value) pairs; it is called twice when hashes repeat."""
        self._values: list = []
        numbers: dict[int, int] = {}  # id(value) -> its number; values are shared objects (actor ids)
        hashes, codes = array("Q"), array("l")
        for (article_id, key), value in items():
            code = numbers.get(id(value))
            if code is None:
                code = numbers[id(value)] = len(self._values)
                self._values.append(value)
            hashes.append(_hash(article_id, key))
            codes.append(code)
        keys = np.frombuffer(hashes, dtype=np.uint64) if hashes else np.zeros(0, dtype=np.uint64)
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        self._codes = (np.frombuffer(codes, dtype=np.int64)[order] if codes else np.zeros(0, np.int64)).astype(np.int32)
        repeated = keys[1:] == keys[:-1]
        self._repeated = set(keys[1:][repeated].tolist())
        self._exact: dict[tuple[str, str], object] = {}
        if self._repeated:
            for (article_id, key), value in items():
                if _hash(article_id, key) in self._repeated:
                    self._exact[(article_id, key)] = value
        self._keys = keys

    def _find(self, article_id: str, key: str):
        wanted = _hash(article_id, key)
        if wanted in self._repeated:
            return self._exact.get((article_id, key), _MISSING)
        # As np.uint64: a Python int over 2**63 would make NumPy convert the whole array on every lookup.
        at = int(self._keys.searchsorted(np.uint64(wanted)))
        if at < len(self._keys) and int(self._keys[at]) == wanted:
            return self._values[int(self._codes[at])]
        return _MISSING

    def get(self, pair: tuple[str, str], default=None):
        found = self._find(*pair)
        return default if found is _MISSING else found

    def __contains__(self, pair: tuple[str, str]) -> bool:
        return self._find(*pair) is not _MISSING

    def __getitem__(self, pair: tuple[str, str]):
        found = self._find(*pair)
        if found is _MISSING:
            raise KeyError(pair)
        return found



_MISSING = object()
