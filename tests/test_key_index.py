"""The compact (article, key) -> actor map answers exactly as a dict of the same items would."""
from data_prep import key_index
from data_prep.key_index import KeyIndex

ITEMS = [(("art_1", "a0"), "act_x"), (("art_1", "a1"), "act_y"), (("art_2", "a0"), "act_x"),
         (("art_1", "a1"), "act_z")]  # a key given twice: the later value wins, as in a dict
ASKED = [("art_1", "a0"), ("art_1", "a1"), ("art_2", "a0"), ("art_3", "a0"), ("art_2", "a1")]


def assert_like_dict(index: KeyIndex) -> None:
    expected = dict(ITEMS)
    for pair in ASKED:
        assert index.get(pair) == expected.get(pair)
        assert (pair in index) == (pair in expected)
        if pair in expected:
            assert index[pair] == expected[pair]


def test_lookups_match_a_dict():
    assert_like_dict(KeyIndex(lambda: iter(ITEMS)))


def test_colliding_hashes_still_answer_exactly(monkeypatch):
    monkeypatch.setattr(key_index, "_hash", lambda article_id, key: 7)
    assert_like_dict(KeyIndex(lambda: iter(ITEMS)))


def test_an_empty_index_knows_nothing():
    index = KeyIndex(lambda: iter([]))
    assert index.get(("art_1", "a0")) is None and ("art_1", "a0") not in index
