"""Stance metrics: forced-choice macro-F1, calibration error, coverage curve."""
from __future__ import annotations

import pytest

from data_prep.stance.evaluate import (coverage_curve, expected_calibration_error, macro_f1,
                                       stance_report)


def test_macro_f1_averages_the_three_classes():
    gold = ["favor", "against", "neutral", "neutral"]
    predicted = ["favor", "against", "neutral", "favor"]
    # favor: P 1/2 R 1 -> 2/3; against 1; neutral: P 1 R 1/2 -> 2/3
    assert macro_f1(gold, predicted) == pytest.approx((2 / 3 + 1 + 2 / 3) / 3)


def test_unclear_predictions_count_as_misses():
    assert macro_f1(["favor", "against", "neutral"], ["unclear"] * 3) == 0.0


def test_calibration_error_is_zero_when_confidence_matches_accuracy():
    assert expected_calibration_error([0.75] * 4, [True, True, True, False]) == pytest.approx(0.0)
    assert expected_calibration_error([0.95] * 2, [False, False]) == pytest.approx(0.95)


def test_coverage_curve_keeps_the_confident_items():
    gold = ["favor", "against", "neutral", "favor"]
    predicted = ["favor", "against", "favor", "neutral"]
    curve = coverage_curve(gold, predicted, [0.9, 0.8, 0.4, 0.3], thresholds=(0.0, 0.5))
    assert curve[0]["coverage"] == 1.0 and curve[0]["accuracy"] == 0.5
    assert curve[1]["coverage"] == 0.5 and curve[1]["accuracy"] == 1.0


def test_report_has_everything_the_command_prints():
    report = stance_report(["favor", "against"], ["favor", "neutral"], [0.8, 0.6])
    assert {"n", "macro_f1", "accuracy", "per_class", "ece", "coverage"} <= set(report)
    assert report["per_class"]["favor"]["f1"] == 1.0
