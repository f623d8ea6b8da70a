"""Stance results are remembered between builds: an unchanged rebuild scores nothing again, an edited
quote or a new model version is scored afresh, and --full ignores what was remembered."""
from __future__ import annotations

import pytest

from data_prep import schema, store
from data_prep.pipeline import build_dataset
from data_prep.stance import StanceItem, get_backend
from data_prep.stance.cache import CachedBackend
from data_prep.stance.lexicon import LexiconBackend

STORIES = {
    "port.txt": "Port deal\n\n“We strongly condemn Senator Marlow for this shameful attack on the port,” "
                "union leader Rosa Vidal said on Monday.",
    "farm.txt": "Farm aid\n\nMayor Tom Baker said: “I want to thank Governor Ellis for the wonderful new "
                "sanctions relief for our farmers.”",
}


class Counting:
    """A lexicon backend that counts the items it is asked to score."""

    def __init__(self, version: str = "1"):
        self.inner = get_backend("lexicon")
        self.name, self.version, self.unclear_below = "lexicon", version, self.inner.unclear_below
        self.scored: list[StanceItem] = []

    def predict(self, items, allow_unclear=True):
        self.scored.extend(items)
        return self.inner.predict(items, allow_unclear=allow_unclear)


def test_cache_scores_each_pair_once_and_answers_the_same():
    counting = Counting()
    cached = CachedBackend(counting)
    items = [StanceItem("We condemn Marlow.", "Marlow", (11, 17)), StanceItem("We thank Ellis.", "Ellis", None)]
    first = cached.predict(items + items[:1], allow_unclear=False)
    remembered = {key: prediction for key, (_, prediction) in cached.used.items()}
    again = CachedBackend(counting, remembered).predict(items, allow_unclear=False)
    assert len(counting.scored) == 2
    assert again == first[:2]
    assert first[0] == first[2]


def test_new_model_version_or_edited_text_is_scored_again():
    old = CachedBackend(Counting("1"))
    item = StanceItem("We condemn Marlow.", "Marlow", (11, 17))
    old.predict([item])
    newer = Counting("2")
    CachedBackend(newer, {key: prediction for key, (_, prediction) in old.used.items()}).predict([item, StanceItem("We praise Marlow.", "Marlow", (10, 16))])
    assert len(newer.scored) == 2


def _write(folder, stories=STORIES):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_unchanged_rebuild_does_not_rescore_stances(tmp_path, monkeypatch):
    folder, data = _write(tmp_path / "in"), tmp_path / "data"
    build_dataset([folder], data, stance_backend="lexicon")
    first = store.read_table(data, schema.STANCES)
    assert len(first) > 0

    def refuse(self, items, allow_unclear=True):
        raise AssertionError("an unchanged rebuild scored stance again")

    monkeypatch.setattr(LexiconBackend, "predict", refuse)
    build_dataset([folder], data, stance_backend="lexicon")
    again = store.read_table(data, schema.STANCES)
    key = ["quote_id", "target"]
    assert again.sort_values(key).reset_index(drop=True).equals(first.sort_values(key).reset_index(drop=True))

    with pytest.raises(Exception, match="scored stance again"):
        build_dataset([folder], data, stance_backend="lexicon", full=True)
