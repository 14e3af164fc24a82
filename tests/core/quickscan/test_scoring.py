"""Hand-computed examples of the scoring rules (the same examples as on the "how we score" page)."""

from fractions import Fraction

import pytest

from borderless.core.quickscan.questionnaire import QUESTIONNAIRE
from borderless.core.quickscan.scoring import Band, band_for, question_score, score

from .builders import all_ticked, items, nothing_yet, stages_yes

Q = QUESTIONNAIRE
DONE = {"done": True}
PLANNED = {"planned": True}
BOTH = {"done": True, "planned": True}


def q(question_id, answer):
    return question_score(Q.question(question_id), answer)


def test_checkbox_is_ten_times_the_share_ticked():
    assert q("D1.Q2", items("D1.Q2", "funding", "risks", "staff_ready")) == 3  # 10 × 3/10
    assert q("D3.Q6", items("D3.Q6", "awareness", "co_design", "autonomy", "support")) == 5  # 10 × 4/8
    assert q("D3.Q5", items("D3.Q5", "skills_gaps", "placements")) == Fraction(20, 7)  # 10 × 2/7
    assert q("D4.Q8", "D4.Q8.none") == 0
    assert q("D6.Q10", all_ticked("D6.Q10")) == 10


def test_q1_counts_done_as_one_and_planned_as_a_half():
    three_done_two_planned = {
        "D1.Q1.design": DONE,
        "D1.Q1.planning": DONE,
        "D1.Q1.operations": BOTH,  # done wins: still 1
        "D1.Q1.marketing": PLANNED,
        "D1.Q1.security": PLANNED,
    }
    assert q("D1.Q1", three_done_two_planned) == 4  # 10 × (3 + 2 × 0.5) / 10
    assert q("D1.Q1", {item: PLANNED for item in all_ticked("D1.Q1")}) == 5
    assert q("D1.Q1", "D1.Q1.none") == 0


def test_scale_rows_are_ten_times_the_sum_over_five_times_the_rows():
    levels = dict(zip(Q.question("D2.Q4").item_ids(), [5, 4, 3, 2, 1, 0, 0], strict=True))
    assert q("D2.Q4", levels) == Fraction(150, 35)  # 10 × 15 / (5 × 7) ≈ 4.29
    assert q("D5.Q9", dict(zip(Q.question("D5.Q9").item_ids(), [5, 5, 0, 0, 0], strict=True))) == 4  # 10 × 10/25


def test_no_partly_yes_rows_count_0_half_and_1():
    values = dict(zip(Q.question("D6.Q11").item_ids(), ["yes", "partly", "no", "partly", "yes"], strict=True))
    assert q("D6.Q11", values) == 6  # 10 × 3 / 5


def test_q7_counts_the_seven_practices_and_not_collected_digitally_scores_zero():
    assert q("D4.Q7", items("D4.Q7", "policy", "stored_digitally", "analysed")) == Fraction(30, 7)
    assert q("D4.Q7", all_ticked("D4.Q7")) == 10
    assert q("D4.Q7", ["D4.Q7.not_digital"]) == 0
    assert q("D4.Q7", "D4.Q7.none") == 0


def example_firm():
    a = nothing_yet()
    a["D1.Q1"] = {"D1.Q1.design": DONE, "D1.Q1.planning": DONE, "D1.Q1.delivery": DONE}
    a["D1.Q1"] |= {"D1.Q1.marketing": PLANNED, "D1.Q1.procurement": PLANNED}  # Q1 = 4
    a["D1.Q2"] = items("D1.Q2", "funding", "risks", "staff_ready")  # Q2 = 3        -> D1 = 35
    a["D2.Q3"] = all_ticked("D2.Q3")[:6]  # Q3 = 6
    a["D2.Q4"] = dict.fromkeys(Q.question("D2.Q4").item_ids(), 1)  # Q4 = 10 × 7/35 = 2 -> D2 = 40
    a["D3.Q5"] = all_ticked("D3.Q5")  # Q5 = 10
    a["D3.Q6"] = all_ticked("D3.Q6")[:4]  # Q6 = 5                                 -> D3 = 75
    a["D4.Q7"] = ["D4.Q7.not_digital"]  # Q7 = 0
    a["D4.Q8"] = all_ticked("D4.Q8")[:3]  # Q8 = 5                                 -> D4 = 25
    a["D5.Q9"] = dict.fromkeys(Q.question("D5.Q9").item_ids(), 1)  # Q9 = 2        -> D5 = 20
    a["D6.Q10"] = ["D6.Q10.paperless"]  # Q10 = 1
    a["D6.Q11"] = dict.fromkeys(Q.question("D6.Q11").item_ids(), "partly")  # Q11 = 5 -> D6 = 30
    return a


def test_a_whole_firm_by_hand():
    result = score(example_firm())
    assert result.question_scores == {
        "D1.Q1": 4.0, "D1.Q2": 3.0, "D2.Q3": 6.0, "D2.Q4": 2.0, "D3.Q5": 10.0, "D3.Q6": 5.0,
        "D4.Q7": 0.0, "D4.Q8": 5.0, "D5.Q9": 2.0, "D6.Q10": 1.0, "D6.Q11": 5.0,
    }  # fmt: skip
    assert result.dimension_scores == {"D1": 35.0, "D2": 40.0, "D3": 75.0, "D4": 25.0, "D5": 20.0, "D6": 30.0}
    assert result.overall == 37.5  # 225 / 6
    assert result.band is Band.AVERAGE
    assert result.weakest_dimensions()[:3] == ("D5", "D4", "D6")


@pytest.mark.parametrize(
    ("overall", "band"),
    [
        (0, Band.BASIC),
        (25, Band.BASIC),
        (25.01, Band.AVERAGE),
        (50, Band.AVERAGE),
        (50.01, Band.MODERATELY_ADVANCED),
        (75, Band.MODERATELY_ADVANCED),
        (75.01, Band.ADVANCED),
        (100, Band.ADVANCED),
        (Fraction(75), Band.MODERATELY_ADVANCED),
    ],
)
def test_band_borders(overall, band):
    assert band_for(overall) is band


def test_band_borders_from_answers():
    a = nothing_yet()
    a["D1.Q1"] = {item: DONE for item in all_ticked("D1.Q1")}
    a["D1.Q2"] = all_ticked("D1.Q2")  # D1 = 100
    a["D2.Q3"] = all_ticked("D2.Q3")  # D2 = 10 × mean(10, 0) = 50
    result = score(a)
    assert (result.overall, result.band) == (25.0, Band.BASIC)  # 150 / 6

    a["D3.Q5"], a["D3.Q6"] = all_ticked("D3.Q5"), all_ticked("D3.Q6")  # D3 = 100
    a["D2.Q4"] = dict.fromkeys(Q.question("D2.Q4").item_ids(), 5)  # D2 = 100
    a["D3.Q6"] = all_ticked("D3.Q6")[:4]  # D3 = 75
    result = score(a)
    assert (result.overall, result.band) == (pytest.approx(275 / 6), Band.AVERAGE)

    a["D3.Q6"] = all_ticked("D3.Q6")  # D3 = 100: 300 / 6 = 50
    assert (score(a).overall, score(a).band) == (50.0, Band.AVERAGE)

    a["D4.Q7"], a["D4.Q8"] = all_ticked("D4.Q7"), all_ticked("D4.Q8")  # D4 = 100
    a["D6.Q10"] = all_ticked("D6.Q10")  # D6 = 50: 450 / 6 = 75
    assert (score(a).overall, score(a).band) == (75.0, Band.MODERATELY_ADVANCED)

    a["D5.Q9"] = {**dict.fromkeys(Q.question("D5.Q9").item_ids(), 0), "D5.Q9.vision": 1}  # D5 = 4
    assert score(a).band is Band.ADVANCED  # 454 / 6 = 75.67


def test_the_band_is_decided_on_exact_arithmetic():
    # Exactly 25, but naive floating point (10 * ticked / items, then means) gives 25.000000000000004,
    # which would put the firm in the wrong band.
    a = nothing_yet()
    a["D1.Q1"] = {"D1.Q1.design": DONE, "D1.Q1.planning": PLANNED, "D1.Q1.operations": PLANNED}
    a["D1.Q1"]["D1.Q1.marketing"] = PLANNED  # Q1 = 2.5
    a["D1.Q2"] = all_ticked("D1.Q2")[:4]  # Q2 = 4                         -> D1 = 32.5
    a["D2.Q3"] = all_ticked("D2.Q3")[:6]  # Q3 = 6
    a["D2.Q4"] = dict(zip(Q.question("D2.Q4").item_ids(), [5, 5, 5, 5, 4, 0, 0], strict=True))  # Q4 = 48/7
    a["D3.Q5"] = all_ticked("D3.Q5")[:1]  # Q5 = 10/7                   -> D2 = 450/7
    a["D3.Q6"] = all_ticked("D3.Q6")[:2]  # Q6 = 2.5                    -> D3 = 50/7 + 12.5
    a["D4.Q7"] = all_ticked("D4.Q7")[:4]  # Q7 = 40/7, Q8 = 0           -> D4 = 200/7
    a["D6.Q11"]["D6.Q11.it_energy"] = "partly"  # Q11 = 1, Q10 = 0       -> D6 = 5, D5 = 0
    naive = [10 * 2.5 / 2 + 10 * 4 / 2, 10 * (6 + 10 * 24 / 35) / 2, 10 * (10 / 7 + 2.5) / 2, 10 * (40 / 7) / 2, 0, 5]
    assert sum(naive) / 6 > 25
    result = score(a)
    assert result.overall == 25.0
    assert result.band is Band.BASIC


def test_stage_is_the_highest_complete_stage_without_gaps():
    a = stages_yes(nothing_yet(), 4)
    result = score(a).stage
    assert (result.reached, result.next_stage, result.progress) == (4, 5, 0.0)
    assert len(result.can_do) == 16
    assert result.next_needs == tuple(Q.question("A.S5").item_ids())


def test_a_gap_lower_down_caps_the_stage():
    a = stages_yes(nothing_yet(), 3)
    a["A.S2"]["A.S2.culture"] = "partly"  # stage 3 all yes, stage 2 partly -> stage 1
    result = score(a).stage
    assert result.reached == 1
    assert result.progress == 0.875  # (3 × 1 + 0.5) / 4
    assert result.next_needs == ("A.S2.culture",)


def test_progress_counts_partly_as_half():
    a = stages_yes(nothing_yet(), 1)
    a["A.S2"] = dict(zip(Q.question("A.S2").item_ids(), ["yes", "yes", "partly", "no"], strict=True))
    assert (score(a).stage.reached, score(a).stage.progress) == (1, 0.625)


def test_no_stage_without_stage_one_and_no_progress_beyond_six():
    a = stages_yes(nothing_yet(), 6)
    a["A.S1"]["A.S1.organisation"] = "partly"
    assert (score(a).stage.reached, score(a).stage.progress) == (0, 0.875)
    a["A.S1"]["A.S1.organisation"] = "yes"
    top = score(a).stage
    assert (top.reached, top.progress, top.next_stage, top.next_needs) == (6, None, None, ())


def test_company_and_strategy_answers_come_back_as_plain_keys():
    a = nothing_yet()
    a["S.value"] = ["S.value.productivity", "S.value.growth"]
    a["S.rd"] = "S.rd.with_partners"
    result = score(a)
    assert result.company.size_class == "small" and result.company.country == "NL"
    assert result.strategy.value_sought == ("growth", "productivity")
    assert result.strategy.cross_border == ()
    assert result.strategy.rd == "with_partners"
