"""Contract of every stance backend, and a few quotes whose stance nobody would dispute."""
from __future__ import annotations

import dataclasses

import pytest

from data_prep.schema import STANCE_LABELS
from data_prep.stance import StanceItem, get_backend
from data_prep.stance.base import FORCED_LABELS
from data_prep.stance.lexicon import LexiconBackend, load_head

OBVIOUS = [
    (StanceItem("We strongly condemn Senator Marlow for this disgraceful and shameful attack on voters.",
                "Senator Marlow", (19, 33)), "against"),
    (StanceItem("I want to thank Governor Ellis, who did a wonderful, brave job protecting our families.",
                "Governor Ellis", (16, 30)), "favor"),
    (StanceItem("The committee rejected the terrible proposal by Dana Brooks, calling it a disaster.",
                "Dana Brooks", (48, 59)), "against"),
    (StanceItem("Dana Brooks is a great leader and a good friend, and I admire her courage.",
                "Dana Brooks", None), "favor"),
]


@pytest.fixture(scope="module", params=["lexicon", "minilm", "finetuned"])
def backend(request):
    return get_backend(request.param)


def test_predictions_follow_the_contract(backend):
    items = [item for item, _ in OBVIOUS]
    predictions = backend.predict(items)
    assert len(predictions) == len(items)
    for prediction in predictions:
        assert prediction.label in STANCE_LABELS
        assert 0.0 <= prediction.confidence <= 1.0
        assert set(prediction.probabilities) == set(FORCED_LABELS)
        assert sum(prediction.probabilities.values()) == pytest.approx(1.0, abs=1e-5)
        assert all(isinstance(word, str) and word for word in prediction.evidence)
        assert len(prediction.evidence) <= 3
    assert backend.name in ("lexicon", "minilm", "finetuned") and backend.version


def test_predictions_are_deterministic(backend):
    items = [item for item, _ in OBVIOUS]
    first = backend.predict(items)
    assert backend.predict(items) == first
    reordered = backend.predict(list(reversed(items)))[::-1]
    assert [p.label for p in reordered] == [p.label for p in first]
    assert [p.confidence for p in reordered] == pytest.approx([p.confidence for p in first], abs=1e-4)


@pytest.mark.parametrize("item,expected", OBVIOUS)
def test_obvious_stances(backend, item, expected):
    (prediction,) = backend.predict([item], allow_unclear=False)
    assert prediction.label == expected


def test_evidence_names_the_words_that_carry_the_stance(backend):
    (prediction,) = backend.predict([OBVIOUS[0][0]], allow_unclear=False)
    assert prediction.label == "against"
    assert {w.lower() for w in prediction.evidence} & {"condemn", "disgraceful", "shameful", "attack", "strongly"}
    assert not {w.lower() for w in prediction.evidence} & {"senator", "marlow"}


def test_target_not_in_text_is_unclear(backend):
    (prediction,) = backend.predict([StanceItem("Prices rose again in March.", "Dana Brooks", None)])
    assert prediction.label == "unclear"
    assert prediction.confidence == 0.0 and prediction.probabilities == {}


def test_low_confidence_becomes_unclear_unless_forced():
    head = load_head()
    cautious = LexiconBackend(dataclasses.replace(head, metadata={**head.metadata, "unclear_below": 1.0}))
    items = [item for item, _ in OBVIOUS]
    assert {p.label for p in cautious.predict(items)} == {"unclear"}
    forced = cautious.predict(items, allow_unclear=False)
    assert [p.label for p in forced] == [p.label for p in get_backend("lexicon").predict(items, allow_unclear=False)]
    assert all(p.label in FORCED_LABELS for p in forced)


def test_none_means_no_backend():
    assert get_backend("none") is None


def test_unknown_backend_lists_the_choices():
    with pytest.raises(ValueError, match="finetuned, minilm, lexicon, none"):
        get_backend("bert")


def test_backend_is_loaded_once_per_process():
    assert get_backend("lexicon") is get_backend("lexicon")


def test_evidence_skips_possessive_endings_split_off_the_target(backend):
    item = StanceItem("Marlow's shameful lies and corruption disgust every voter.", "Marlow", (0, 6))
    (prediction,) = backend.predict([item], allow_unclear=False)
    assert prediction.label == "against"
    assert prediction.evidence and all(len(word) > 1 for word in prediction.evidence)
