"""Follower group, acatech stage and technology readiness."""

import pytest

from borderless.core.instruments import Link, Status
from tests.core.translations import tr

from .helpers import describe, evaluate, in_every_language, rendered, twente_machine_builder


def test_follower_group_met_and_not_met():
    met = evaluate("follower_group", {"groups": ["fast_follower", "late_follower"]})
    assert met.status is Status.MET
    assert tr(met.reason, "de") == "Zielgruppe: Fast Follower oder Late Follower. Ihr letzter Quickscan: Fast Follower."
    not_met = evaluate("follower_group", {"groups": ["frontrunner"]})
    assert not_met.status is Status.NOT_MET
    in_every_language(not_met, "Frontrunner", "Fast Follower")


def test_follower_group_without_a_quickscan_points_to_the_quickscan():
    outcome = evaluate("follower_group", {"groups": ["frontrunner"]}, twente_machine_builder(follower_group=None))
    assert outcome.status is Status.UNKNOWN
    assert outcome.link is Link.TAKE_QUICKSCAN
    assert "Machen Sie den Quickscan" in tr(outcome.reason, "de")
    assert "Doe de quickscan" in tr(outcome.reason, "nl")


@pytest.mark.parametrize(
    ("params", "stage", "status"),
    [
        ({"min": 3, "max": 4}, 2, Status.NOT_MET),
        ({"min": 3, "max": 4}, 3, Status.MET),
        ({"min": 3, "max": 4}, 4, Status.MET),
        ({"min": 3, "max": 4}, 5, Status.NOT_MET),
        ({"min": 3}, 6, Status.MET),
        ({"max": 2}, 0, Status.MET),
        ({"max": 2}, 3, Status.NOT_MET),
    ],
)
def test_acatech_stage_bounds_are_inclusive(params, stage, status):
    assert evaluate("acatech_stage", params, twente_machine_builder(stage=stage)).status is status


def test_acatech_stage_reasons_name_the_range_and_the_stage():
    outcome = evaluate("acatech_stage", {"min": 3, "max": 4})
    assert rendered(outcome) == {
        "en": "Only for firms at acatech stages 3 to 4; your latest quickscan puts you at stage 2.",
        "de": "Nur für Unternehmen auf acatech-Stufen 3 bis 4; nach Ihrem letzten Quickscan stehen Sie auf Stufe 2.",
        "nl": "Alleen voor bedrijven in acatech-fasen 3 tot en met 4; volgens uw laatste quickscan zit u in fase 2.",
    }
    assert tr(describe("acatech_stage", {"min": 3}).reason, "de") == "Für Unternehmen auf acatech-Stufe 3 oder höher."
    assert tr(describe("acatech_stage", {"max": 2}).reason, "nl") == "Voor bedrijven in acatech-fase 2 of lager."
    assert tr(describe("acatech_stage", {"min": 4, "max": 4}).reason, "en") == "For firms at acatech stage 4."


def test_acatech_stage_unknown():
    outcome = evaluate("acatech_stage", {"min": 3}, twente_machine_builder(stage=None))
    assert outcome.status is Status.UNKNOWN
    assert outcome.link is Link.TAKE_QUICKSCAN
    in_every_language(outcome, "3")


def test_technology_readiness_only_informs_whatever_the_firm():
    for firm in (twente_machine_builder(), twente_machine_builder(stage=None, follower_group=None)):
        outcome = evaluate("technology_readiness", {"min": 4, "max": 7}, firm)
        assert outcome.status is Status.INFO
        in_every_language(outcome, "TRL", "4", "7")
    assert "6 oder höher" in tr(evaluate("technology_readiness", {"min": 6}).reason, "de")
