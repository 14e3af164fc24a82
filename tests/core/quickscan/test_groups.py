import pytest

from borderless.core.quickscan.groups import FollowerGroup, GroupRules
from borderless.core.quickscan.scoring import score
from tests.core.translations import tr

from .builders import nothing_yet, stages_yes, use

FRONTRUNNER, FAST, LATE = FollowerGroup.FRONTRUNNER, FollowerGroup.FAST_FOLLOWER, FollowerGroup.LATE_FOLLOWER


def firm(stage, rd="no", data_services="none"):
    a = stages_yes(nothing_yet(), stage)
    a["S.rd"] = f"S.rd.{rd}"
    a["S.data_services"] = f"S.data_services.{data_services}"
    return a


def group(answers, rules=None):
    return score(answers, rules=rules).group


def test_frontrunner_needs_stage_four_own_rd_and_a_data_service_in_use_or_pilot():
    decision = group(firm(4, rd="own", data_services="piloting"))
    assert decision.group is FRONTRUNNER
    assert decision.frontrunner_unmet == ()
    assert group(firm(6, rd="own", data_services="in_use")).group is FRONTRUNNER


@pytest.mark.parametrize(
    ("stage", "rd", "data_services", "unmet"),
    [
        (3, "own", "in_use", ("frontrunner_stage",)),
        (4, "with_partners", "in_use", ("own_rd",)),
        (4, "own", "planned", ("data_service",)),
        (5, "no", "none", ("own_rd", "data_service")),
    ],
)
def test_one_missing_frontrunner_condition_makes_a_fast_follower(stage, rd, data_services, unmet):
    decision = group(firm(stage, rd=rd, data_services=data_services))
    assert decision.group is FAST
    assert decision.frontrunner_unmet == unmet
    assert decision.late_unmet == ("late_stage",)


def test_late_follower_is_stage_two_or_lower_without_industrie_40_technology():
    for stage in (0, 1, 2):
        decision = group(firm(stage))
        assert decision.group is LATE
        assert decision.late_unmet == ()
        assert decision.conditions["no_i40_technology"]
    # ERP, CRM and mobile devices are not Industrie 4.0 technologies in this rule
    assert group(use(firm(2), "in_use", "erp", "crm", "mobile_devices")).group is LATE


def test_stage_three_without_technology_is_a_fast_follower():
    decision = group(firm(3))
    assert decision.group is FAST
    assert decision.late_unmet == ("late_stage",)


@pytest.mark.parametrize(
    ("status", "tech"),
    [("piloting", "iot"), ("in_use", "rfid"), ("in_use", "internal_logistics"), ("piloting", "cobots")],
)
def test_a_piloted_or_used_industrie_40_technology_makes_a_fast_follower(status, tech):
    decision = group(use(firm(2), status, tech))
    assert decision.group is FAST
    assert decision.i40_evidence == (f"T.use.{tech}",)
    assert decision.late_unmet == ("no_i40_technology",)


def test_planned_technology_does_not_count():
    assert group(use(firm(1), "planned", "iot", "industrial_robots")).group is LATE


def test_an_advanced_technology_counts_from_prototyping_on():
    a = firm(2)
    a["D2.Q4"]["D2.Q4.additive"] = 1  # considering
    assert group(a).group is LATE
    a["D2.Q4"]["D2.Q4.additive"] = 2  # building a prototype
    decision = group(a)
    assert (decision.group, decision.i40_evidence) == (FAST, ("D2.Q4.additive",))


def test_staff_can_move_the_thresholds():
    strict = GroupRules(frontrunner_min_stage=5, late_max_stage=1, late_min_q4_level=3)
    assert group(firm(4, rd="own", data_services="in_use"), strict).group is FAST
    assert group(firm(5, rd="own", data_services="in_use"), strict).group is FRONTRUNNER
    assert group(firm(2), strict).group is FAST
    a = firm(1)
    a["D2.Q4"]["D2.Q4.mes"] = 2
    assert group(a, strict).group is LATE


@pytest.mark.parametrize(
    "kwargs",
    [{"late_max_stage": 4}, {"frontrunner_min_stage": 7}, {"late_min_q4_level": 0}, {"late_min_q4_level": 6}],
)
def test_inconsistent_thresholds_are_refused(kwargs):
    with pytest.raises(ValueError):
        GroupRules(**kwargs)


def test_the_rule_is_shown_with_the_configured_thresholds_in_every_language():
    params = GroupRules(frontrunner_min_stage=5).params()
    assert "stage 5 or higher" in tr(FRONTRUNNER.rule.bind(params), "en")
    assert "Stufe 5 oder höher" in tr(FRONTRUNNER.rule.bind(params), "de")
    assert "„Prototyp im Bau“" in tr(LATE.rule.bind(params), "de")
    assert "‘Prototype in ontwikkeling’" in tr(LATE.rule.bind(params), "nl")
    assert tr(FAST.title, "nl") == "Fast Follower"
