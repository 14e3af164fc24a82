"""The maturity table: complete, in range, and replaceable by staff."""

import pytest

from borderless.core.i18n import _
from borderless.core.matching import DEFAULT_MATURITY, MatchIndex, MaturityClass, MaturityRule, MaturityTable
from borderless.core.matching.maturity import CLASSES, kind_and_group, maturity_class

from .helpers import nl, only, org


def test_every_pair_of_classes_has_a_fit_between_0_and_1():
    for mine in CLASSES:
        for theirs in CLASSES:
            assert 0.0 <= DEFAULT_MATURITY.value(mine, theirs) <= 1.0
            assert DEFAULT_MATURITY.rule(mine, theirs).value == DEFAULT_MATURITY.value(mine, theirs)


def test_classes_come_from_the_follower_group_or_the_kind():
    assert maturity_class("company", "fast_follower") is MaturityClass.FAST_FOLLOWER
    assert maturity_class("company", None) is MaturityClass.COMPANY
    assert maturity_class("knowledge", "frontrunner") is MaturityClass.KNOWLEDGE  # a group belongs to companies
    for cls in CLASSES:
        assert maturity_class(*kind_and_group(cls)) is cls


def test_staff_can_pass_their_own_table():
    text = _("Peers help peers.")
    late = MaturityClass.LATE_FOLLOWER
    table = MaturityTable(
        rules=(MaturityRule("peers", frozenset({late}), frozenset({late}), 0.9, text),),
        fallback=DEFAULT_MATURITY.fallback,
    )
    requester = nl(1, follower_group="late_follower")
    [rec] = MatchIndex.build([org(2, follower_group="late_follower")]).recommend(
        requester, weights=only("maturity"), maturity=table
    )
    assert rec.score == 0.9 and rec.evidence.maturity_rule == "peers"


def test_a_fit_outside_0_to_1_is_refused():
    with pytest.raises(ValueError):
        MaturityRule("x", frozenset(), frozenset(), 1.5, _("a"))
