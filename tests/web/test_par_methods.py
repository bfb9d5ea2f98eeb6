"""The PAR scoring methods propose a score and write the computation out in Vietnamese; nothing is proposed
where a person has to judge."""

from decimal import Decimal

import pytest

from apps.par.methods import Facts, MethodError, check_params, propose

D = Decimal


def test_it_gives_full_points_at_or_above_the_threshold_and_shows_the_sum():
    proposal = propose("rate", 2, {"threshold": 85}, Facts(numerator=D(1234), denominator=D(1410)))
    assert proposal.score == D("2.00")
    assert proposal.computation == "1.234 / 1.410 = 87,5% ≥ 85% → 2 / 2"


def test_it_scores_a_rate_below_the_threshold_in_proportion():
    proposal = propose("rate", 2, {"threshold": 85}, Facts(numerator=D(1000), denominator=D(1410)))
    assert proposal.score == D("1.42")
    assert proposal.computation == "1.000 / 1.410 = 70,9% < 85% → 70,9% × 2 = 1,42 / 2"


def test_it_gives_nothing_below_the_floor():
    proposal = propose("rate", 3, {"threshold": 98, "floor": 80}, Facts(value=D("79.9")))
    assert proposal.score == 0
    assert proposal.computation.startswith("79,9% < 80%")


def test_it_follows_steps_where_the_rule_gives_them():
    steps = {"steps": [[100, 2], [80, 1.5], [50, 1]]}
    assert propose("rate", 2, steps, Facts(value=D(85))).score == D("1.50")
    assert propose("rate", 2, steps, Facts(value=D(100))).score == D("2.00")
    assert propose("rate", 2, steps, Facts(value=D(40))).score == 0


def test_it_gives_all_or_nothing():
    assert propose("all_or_nothing", D("1.5"), {}, Facts(done=True)).score == D("1.50")
    assert propose("all_or_nothing", D("1.5"), {}, Facts(done=False)).score == 0
    assert propose("all_or_nothing", 1, {}, Facts(numerator=D(9), denominator=D(10))).score == 0


def test_it_gives_full_points_when_there_was_nothing_to_assess():
    proposal = propose("nothing_to_assess", 3, {}, Facts(numerator=D(0), denominator=D(0)))
    assert (proposal.score, proposal.computation) == (D("3.00"), "Không phát sinh → 3 / 3")
    assert propose("nothing_to_assess", 3, {}, Facts(numerator=D(1), denominator=D(2))).score == D("1.50")


def test_it_deducts_per_missing_item_down_to_zero():
    proposal = propose("deduction", 2, {"per_item": 0.5}, Facts(missing=1))
    assert proposal.score == D("1.50")
    assert proposal.computation == "Thiếu 1 × 0,5 = 0,5 → 2 − 0,5 = 1,5 / 2"
    assert propose("deduction", 2, {"per_item": 0.5}, Facts(missing=9)).score == 0


def test_it_compares_with_the_group_average():
    assert propose("group_average", 4, {"below": 0.5}, Facts(value=D(91), group_average=D(90))).score == D("4.00")
    assert propose("group_average", 4, {"below": 0.5}, Facts(value=D(80), group_average=D(90))).score == D("2.00")


def test_it_turns_the_satisfaction_rate_into_survey_points():
    proposal = propose("survey", 30, {}, Facts(value=D("92.67")))
    assert proposal.score == D("27.80")
    assert proposal.computation == "Mức độ hài lòng 92,7% × 30 = 27,8 / 30"


def test_it_proposes_nothing_by_hand_or_without_facts():
    assert propose("manual", 2, {}, Facts(value=D(100))) is None
    assert propose("rate", 2, {}, None) is None
    assert propose("rate", 2, {}, Facts()) is None


def test_it_refuses_an_unknown_method_or_bad_parameters_in_vietnamese():
    with pytest.raises(MethodError, match="Không có cách chấm"):
        propose("guess", 2, {}, Facts(value=D(1)))
    assert check_params("rate", {"threshold": "tám mươi"}) == [
        "Tham số “threshold” phải là một số, không phải “tám mươi”."
    ]
    assert check_params("rate", {"threshold": 85}) == []
