"""Partners of partners across the border (triadic closure): counted, scored, switched off, explained."""

import pytest

from borderless.core.matching import DEFAULT_WEIGHTS, MatchIndex, Weights, closure_score, explain
from tests.core.translations import tr

from .helpers import BOCHOLT, ENSCHEDE, GRONAU, MUENSTER, NIJMEGEN, nl, only, org

# The requester, Enschede (1), has worked with a Dutch firm (10) and a German one (11).
REQUESTER = nl(1, ENSCHEDE, needs={"svc.welding"}, cooperated_with={10, 11})
TWENTE = nl(10, NIJMEGEN, cooperated_with={1, 20, 21, 30})
GRONAU_PARTNER = org(11, GRONAU, cooperated_with={1, 20})
BOTH = org(20, BOCHOLT, offers={"svc.welding"})  # partner of 10 and of 11
ONE = org(21, MUENSTER, offers={"svc.welding"})  # partner of 10 only
NOBODY = org(19, BOCHOLT, offers={"svc.welding"})  # like BOTH, without shared partners, lower id
HOME = nl(30, NIJMEGEN, offers={"svc.welding"})  # partner of 10, but in the requester's own country
POPULATION = [TWENTE, GRONAU_PARTNER, BOTH, ONE, NOBODY, HOME]


def by_id(recommendations):
    return {r.id: r for r in recommendations}


def line(recommendation, **options):
    return next(x for x in explain(recommendation, **options).lines if x.component == "closure")


@pytest.fixture
def index():
    return MatchIndex.build(POPULATION)


def test_the_value_counts_the_requesters_partners_that_worked_with_the_candidate(index):
    got = by_id(index.recommend(REQUESTER, k=10, weights=only("closure")))

    assert got[20].evidence.shared_partners == (10, 11)
    assert got[20].component("closure").value == pytest.approx(2 / 3)
    assert got[21].evidence.shared_partners == (10,)
    assert got[21].component("closure").value == pytest.approx(1 / 2)
    assert got[19].component("closure").value == 0.0 and got[19].evidence.shared_partners == ()
    assert [r.id for r in index.recommend(REQUESTER, k=3, weights=only("closure"))][:2] == [20, 21]


def test_the_score_is_bounded_and_grows_with_the_shared_partners():
    assert [closure_score(n) for n in (0, 1, 2, 3)] == pytest.approx([0, 1 / 2, 2 / 3, 3 / 4])
    assert closure_score(10_000) < 1


def test_a_tie_counts_when_only_one_side_lists_it():
    """The candidate lists the shared partner, which has no profile of its own: the tie still counts."""
    requester = nl(1, cooperated_with={50})
    candidate = org(20, offers={"x"}, cooperated_with={50})
    [rec] = MatchIndex.build([candidate]).recommend(requester, weights=only("closure"))
    assert rec.evidence.shared_partners == (50,) and rec.score == pytest.approx(0.5)

    # And the requester's own partners known only from the partners' profiles.
    partner = nl(50, cooperated_with={1, 20})
    [rec] = MatchIndex.build([partner, org(20)]).recommend(nl(1), weights=only("closure"))
    assert rec.evidence.shared_partners == (50,)


def test_nothing_for_an_organisation_the_requester_has_worked_with(index):
    got = by_id(index.recommend(REQUESTER, k=10, weights=only("closure")))
    # 11 shares partner 10 with the requester, but the requester worked with 11 itself.
    assert got[11].component("closure").value == 0.0 and got[11].evidence.shared_partners == ()
    assert tr(line(got[11]).text, "en") == (
        "You have cooperated with this organisation yourself, so the partners you share do not count here."
    )


def test_nothing_in_the_requesters_own_country(index):
    got = by_id(index.recommend(REQUESTER, k=10, across_border=False, weights=only("closure")))
    assert got[30].component("closure").value == 0.0 and got[30].score == 0.0
    assert tr(line(got[30]).text, "en") == "Partners of your partners count only for organisations across the border."
    assert got[20].component("closure").value == pytest.approx(2 / 3)  # across the border it still counts


def test_the_weight_decides_how_much_shared_partners_count(index):
    no_closure = Weights(closure=0)
    assert [r.id for r in index.recommend(REQUESTER, k=2, weights=no_closure)] == [19, 20]  # equal: by id
    default = by_id(index.recommend(REQUESTER, k=10))
    ranked = [r.id for r in index.recommend(REQUESTER, k=10)]
    assert ranked.index(20) < ranked.index(19)
    share = DEFAULT_WEIGHTS.normalised()["closure"]
    assert default[20].score - default[19].score == pytest.approx(share * 2 / 3)
    heavier = by_id(index.recommend(REQUESTER, k=10, weights=Weights(closure=1.0)))
    assert heavier[20].score - heavier[19].score > default[20].score - default[19].score
    assert default[20].score == pytest.approx(sum(c.contribution for c in default[20].components))


def test_the_explanation_states_the_number_and_names_only_the_partners_it_is_given(index):
    got = by_id(index.recommend(REQUESTER, k=10))
    both, one = got[20], got[21]

    assert tr(line(both).text, "en") == "2 of your project partners have also cooperated with this organisation."
    assert tr(line(one).text, "en") == "One of your project partners has also cooperated with this organisation."
    assert tr(line(one).text, "de") == "Einer Ihrer Projektpartner hat auch mit dieser Organisation kooperiert."
    names = {10: "Twente Tech B.V.", 11: "Gronau Metall GmbH"}
    assert tr(line(both, partner_names=names).text, "en") == (
        "2 of your project partners, Gronau Metall GmbH and Twente Tech B.V., have also cooperated with this "
        "organisation."
    )
    assert tr(line(both, partner_names={10: "Twente Tech B.V."}).text, "nl") == (
        "2 van uw projectpartners, waaronder Twente Tech B.V., hebben ook met deze organisatie samengewerkt."
    )
    assert tr(line(one, partner_names=names).text, "en") == (
        "Your project partner Twente Tech B.V. has also cooperated with this organisation."
    )
    assert "Gronau" not in tr(line(both, partner_names={10: "Twente Tech B.V."}).text, "en")
    assert line(both).title.msgid == "Partners of your partners"


def test_without_partners_the_line_says_so():
    [rec] = MatchIndex.build([org(20, offers={"x"})]).recommend(nl(1))
    assert rec.component("closure").value == 0.0
    assert tr(line(rec).text, "en") == (
        "No project partners of yours are known yet, so there are no partners of partners to go by."
    )
    [rec] = MatchIndex.build([org(20, offers={"x"})]).recommend(nl(1, cooperated_with={5}))
    assert tr(line(rec).text, "en") == "None of your project partners has cooperated with this organisation."


def test_changed_ties_reach_the_index(index):
    index.update(org(21, MUENSTER, offers={"svc.welding"}, cooperated_with={11}))  # now tied to 11 as well
    index.update(nl(10, NIJMEGEN, cooperated_with={1, 30}))  # no longer lists 20 and 21
    got = by_id(index.recommend(REQUESTER, k=10, weights=only("closure")))
    assert got[20].evidence.shared_partners == (11,)
    assert got[21].evidence.shared_partners == (11,)
    # The ranking sees the changed ties, as the explanation does.
    assert all(r.score == pytest.approx(r.component("closure").value) for r in got.values())
    index.remove(11)
    got = by_id(index.recommend(REQUESTER, k=10, weights=only("closure")))
    # 11's own list is gone; 21 still lists 11.
    assert got[20].evidence.shared_partners == () and got[21].evidence.shared_partners == (11,)
    assert all(r.score == pytest.approx(r.component("closure").value) for r in got.values())
    assert index.ties(11) == frozenset({21})
