import datetime

import pytest

from borderless.core.network import (
    Ambassador,
    DyadAddsThird,
    IntroducerRecord,
    Introduction,
    IntroductionProject,
    Participation,
    Period,
    ambassadors,
    dyads_adding_a_third,
    introductions_that_became_projects,
)
from borderless.core.network.patterns import PATTERN_DEFINITIONS, PATTERN_TITLES, TIE_RULE, pattern_definition

from ..translations import tr, translated

D = datetime.date
COUNTRIES = {
    "nl1": "NL",
    "nl2": "NL",
    "nl3": "NL",
    "nl4": "NL",
    "de1": "DE",
    "de2": "DE",
    "de3": "DE",
    "be1": "BE",
}


def data(projects):
    """Participations and start dates from {project: (start, [organisations])}."""
    participations = [Participation(org, key) for key, (_, orgs) in projects.items() for org in orgs]
    return participations, {key: start for key, (start, _) in projects.items()}


def dyads(projects, **kwargs):
    return dyads_adding_a_third(*data(projects), COUNTRIES, **kwargs)


def ambassadors_of(projects, **kwargs):
    return ambassadors(*data(projects), COUNTRIES, **kwargs)


# A pair adds a third partner


def test_a_cross_border_pair_that_takes_on_a_technical_partner():
    found = dyads({"first": (D(2016, 1, 1), ["nl1", "de1"]), "later": (D(2017, 3, 1), ["nl1", "de1", "nl2"])})
    assert found == (
        DyadAddsThird(
            pair=("de1", "nl1"),
            first_project="first",
            first_date=D(2016, 1, 1),
            later_project="later",
            date=D(2017, 3, 1),
            third_partners=("nl2",),
            cross_border=True,
        ),
    )


def test_the_first_project_is_the_pairs_earliest_and_each_later_project_is_listed():
    found = dyads(
        {
            "p1": (D(2015, 5, 1), ["nl1", "nl2"]),
            "p2": (D(2016, 5, 1), ["nl1", "nl2"]),
            "p3": (D(2017, 5, 1), ["nl1", "nl2", "de1", "de2"]),
            "p4": (D(2018, 5, 1), ["nl1", "nl2", "de1", "de3"]),
        }
    )
    assert [(f.pair, f.first_project, f.later_project, f.third_partners, f.cross_border) for f in found] == [
        (("nl1", "nl2"), "p1", "p3", ("de1", "de2"), False),
        # By p4 de1 is an old partner of nl1 and nl2, and the pairs it formed in p3 add de3 as well.
        (("de1", "nl1"), "p3", "p4", ("de3",), True),
        (("de1", "nl2"), "p3", "p4", ("de3",), True),
        (("nl1", "nl2"), "p1", "p4", ("de3",), False),
    ]


def test_only_partners_new_to_both_count_as_the_third():
    found = dyads(
        {
            "pair": (D(2016, 1, 1), ["nl1", "de1"]),
            "known": (D(2016, 6, 1), ["de1", "nl2"]),
            "later": (D(2017, 1, 1), ["nl1", "de1", "nl2", "nl3"]),
        }
    )
    assert [f.third_partners for f in found if f.pair == ("de1", "nl1")] == [("nl3",)]


@pytest.mark.parametrize(
    "projects",
    [
        # Same day: the two projects are simultaneous, the pair was not tied before.
        {"a": (D(2016, 1, 1), ["nl1", "de1"]), "b": (D(2016, 1, 1), ["nl1", "de1", "nl2"])},
        # The bigger project came first: the pair met together with the third.
        {"a": (D(2016, 1, 1), ["nl1", "de1", "nl2"]), "b": (D(2017, 1, 1), ["nl1", "de1"])},
        # The third had worked with one of the pair before (either one).
        {
            "a": (D(2015, 1, 1), ["nl2", "nl1"]),
            "b": (D(2016, 1, 1), ["nl1", "de1"]),
            "c": (D(2017, 1, 1), ["nl1", "de1", "nl2"]),
        },
        {
            "a": (D(2015, 1, 1), ["nl2", "de1"]),
            "b": (D(2016, 1, 1), ["nl1", "de1"]),
            "c": (D(2017, 1, 1), ["nl1", "de1", "nl2"]),
        },
        # Only one of the pair is in the later project.
        {"a": (D(2016, 1, 1), ["nl1", "de1"]), "b": (D(2017, 1, 1), ["nl1", "nl2", "de2"])},
        # The later project repeats the pair and nobody else.
        {"a": (D(2016, 1, 1), ["nl1", "de1"]), "b": (D(2017, 1, 1), ["nl1", "de1"])},
    ],
)
def test_close_cases_that_are_no_pair_adding_a_third(projects):
    assert dyads(projects) == ()


def test_projects_above_the_tie_cut_neither_tie_nor_add():
    big_first = {"a": (D(2016, 1, 1), ["nl1", "de1", "nl3", "nl4"]), "b": (D(2017, 1, 1), ["nl1", "de1", "nl2"])}
    big_later = {"a": (D(2016, 1, 1), ["nl1", "de1"]), "b": (D(2017, 1, 1), ["nl1", "de1", "nl2", "nl3"])}
    assert dyads(big_first, max_participants=3) == ()
    assert dyads(big_later, max_participants=3) == ()
    assert len(dyads(big_later, max_participants=4)) == 1


def test_a_period_lists_its_later_projects_with_the_history_before_it():
    projects = {"a": (D(2019, 1, 1), ["nl1", "de1"]), "b": (D(2022, 1, 1), ["nl1", "de1", "de2"])}
    assert dyads(projects, period=Period(2014, 2020, "programme")) == ()
    [found] = dyads(projects, period=Period(2021, 2027, "programme"))
    assert (found.first_project, found.later_project) == ("a", "b")


# Ambassador

INTRODUCING = {
    "start": (D(2016, 1, 1), ["nl1", "de1"]),
    "x": (D(2017, 1, 1), ["nl1", "de1", "nl2"]),
    "y": (D(2018, 1, 1), ["nl1", "de1", "nl3", "be1"]),
}


def test_a_dutch_firm_introduces_its_german_partner_to_dutch_firms():
    assert ambassadors_of(INTRODUCING) == (
        Ambassador(
            ambassador="nl1",
            country="NL",
            partner="de1",
            partner_country="DE",
            tied_since=D(2016, 1, 1),
            projects=("x", "y"),
            introduced=("nl2", "nl3"),
            count=2,
            first_date=D(2017, 1, 1),
        ),
    )


def test_a_german_ambassador_in_one_project_with_two_german_firms():
    projects = {"a": (D(2016, 1, 1), ["de1", "nl1"]), "b": (D(2016, 2, 1), ["de1", "nl1", "de2", "de3"])}
    [found] = ambassadors_of(projects)
    assert (found.ambassador, found.partner, found.introduced, found.projects) == ("de1", "nl1", ("de2", "de3"), ("b",))


def test_the_least_number_introduced_is_a_parameter():
    projects = {"a": (D(2016, 1, 1), ["nl1", "de1"]), "b": (D(2017, 1, 1), ["nl1", "de1", "nl2"])}
    assert ambassadors_of(projects) == ()
    assert [a.count for a in ambassadors_of(projects, min_introduced=1)] == [1]
    assert ambassadors_of(INTRODUCING, min_introduced=3) == ()
    with pytest.raises(ValueError):
        ambassadors_of(projects, min_introduced=0)


@pytest.mark.parametrize(
    "projects",
    [
        # The partner is from the ambassador's own country.
        {"a": (D(2016, 1, 1), ["nl1", "nl4"]), "b": (D(2017, 1, 1), ["nl1", "nl4", "nl2", "nl3"])},
        # The partner had already worked with one of the two.
        {
            "a": (D(2015, 1, 1), ["de1", "nl2"]),
            "b": (D(2016, 1, 1), ["nl1", "de1"]),
            "c": (D(2017, 1, 1), ["nl1", "de1", "nl2", "nl3"]),
        },
        # Ambassador and partner had not worked together before: they all met at once.
        {"a": (D(2017, 1, 1), ["nl1", "de1", "nl2", "nl3"])},
        # Same day: the tie of ambassador and partner is not before the project.
        {"a": (D(2016, 1, 1), ["nl1", "de1"]), "b": (D(2016, 1, 1), ["nl1", "de1", "nl2", "nl3"])},
        # The others are from the partner's side or from a third country.
        {"a": (D(2016, 1, 1), ["nl1", "de1"]), "b": (D(2017, 1, 1), ["nl1", "de1", "de2", "be1"])},
        # The partner met the Dutch firms without the ambassador.
        {"a": (D(2016, 1, 1), ["nl1", "de1"]), "b": (D(2017, 1, 1), ["de1", "nl2", "nl3"])},
    ],
)
def test_close_cases_that_are_no_ambassador(projects):
    assert ambassadors_of(projects) == ()


def test_an_organisation_introduced_twice_counts_once():
    projects = {
        "a": (D(2016, 1, 1), ["nl1", "de1"]),
        "b": (D(2017, 1, 1), ["nl1", "de1", "nl2"]),
        "c": (D(2018, 1, 1), ["nl1", "de1", "nl2"]),
    }
    assert ambassadors_of(projects) == ()
    [found] = ambassadors_of(projects, min_introduced=1)
    assert (found.introduced, found.count, found.projects) == (("nl2",), 1, ("b",))


def test_ambassadors_in_a_period_count_only_its_projects():
    assert ambassadors_of(INTRODUCING, period=Period(2017, 2017, "year")) == ()
    [found] = ambassadors_of(INTRODUCING, period=Period(2017, 2018, "programme"), min_introduced=2)
    assert found.tied_since == D(2016, 1, 1)


# Introductions that became projects


def outcomes(introductions, projects, **kwargs):
    return introductions_that_became_projects(introductions, *data(projects), **kwargs)


def test_an_introduction_that_became_a_project():
    result = outcomes(
        [Introduction("ihk", "nl1", "de1", D(2018, 1, 10))],
        {"p": (D(2018, 3, 1), ["de1", "nl1", "nl2"])},
    )
    assert result.projects == (
        IntroductionProject(
            introducer="ihk",
            a="nl1",
            b="de1",
            introduced_on=D(2018, 1, 10),
            project="p",
            project_start=D(2018, 3, 1),
            days=50,
            worked_together_before=False,
        ),
    )
    assert result.introducers == (IntroducerRecord("ihk", introductions=1, became_projects=1),)


@pytest.mark.parametrize(
    "projects",
    [
        {"before": (D(2017, 6, 1), ["nl1", "de1"])},
        {"same_day": (D(2018, 1, 10), ["nl1", "de1"])},
        {"one_of_them": (D(2019, 1, 1), ["nl1", "de2"])},
        {"large": (D(2019, 1, 1), ["nl1", "de1", "nl2", "nl3"])},
    ],
)
def test_close_cases_that_did_not_become_a_project(projects):
    result = outcomes([Introduction("ihk", "nl1", "de1", D(2018, 1, 10))], projects, max_participants=3)
    assert result.projects == ()
    assert result.introducers == (IntroducerRecord("ihk", 1, 0),)


def test_the_first_project_after_the_introduction_is_reported_and_earlier_work_is_flagged():
    result = outcomes(
        [Introduction("oost", "de1", "nl1", D(2018, 1, 1))],
        {
            "old": (D(2016, 1, 1), ["nl1", "de1"]),
            "second": (D(2020, 1, 1), ["nl1", "de1"]),
            "first": (D(2019, 1, 1), ["nl1", "de1"]),
        },
    )
    [found] = result.projects
    assert (found.project, found.days, found.worked_together_before) == ("first", 365, True)


def test_a_record_per_introducer():
    introductions = [
        Introduction("zenit", "nl1", "de1", D(2018, 1, 1)),
        Introduction("zenit", "nl1", "de1", D(2018, 1, 1)),  # the same one again
        Introduction("zenit", "nl2", "de2", D(2018, 2, 1)),
        Introduction("bom", "nl3", "de3", D(2017, 1, 1)),
        Introduction("ihk", "nl2", "de2", D(2018, 3, 1)),
    ]
    projects = {"p": (D(2018, 6, 1), ["nl1", "de1"]), "q": (D(2018, 6, 1), ["nl2", "de2"])}
    result = outcomes(introductions, projects)
    assert result.introducers == (
        IntroducerRecord("bom", 1, 0),
        IntroducerRecord("ihk", 1, 1),
        IntroducerRecord("zenit", 2, 2),
    )
    assert [(p.introducer, p.project) for p in result.projects] == [("zenit", "p"), ("zenit", "q"), ("ihk", "q")]


def test_a_period_follows_only_its_introductions():
    introductions = [
        Introduction("ihk", "nl1", "de1", D(2020, 12, 1)),
        Introduction("ihk", "nl2", "de2", D(2021, 2, 1)),
    ]
    projects = {"p": (D(2021, 3, 1), ["nl1", "de1"]), "q": (D(2021, 3, 1), ["nl2", "de2"])}
    result = outcomes(introductions, projects, period=Period(2014, 2020, "programme"))
    assert [p.project for p in result.projects] == ["p"]
    assert result.introducers == (IntroducerRecord("ihk", 1, 1),)


def test_introductions_that_make_no_sense_are_refused():
    with pytest.raises(ValueError):
        outcomes([Introduction("ihk", "nl1", "nl1", D(2018, 1, 1))], {})
    moment = datetime.datetime(2018, 1, 1, 12, tzinfo=datetime.UTC)
    with pytest.raises(TypeError):
        outcomes([Introduction("ihk", "nl1", "de1", moment)], {})


def test_a_project_without_start_date_is_an_error():
    with pytest.raises(KeyError):
        dyads_adding_a_third([Participation("nl1", "p")], {}, COUNTRIES)


# Texts


def test_every_pattern_has_a_title_and_a_definition():
    assert (
        set(PATTERN_TITLES)
        == set(PATTERN_DEFINITIONS)
        == {
            "dyad_adds_third",
            "ambassador",
            "introduction_became_project",
        }
    )


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_pattern_texts_are_translated(lang):
    for message in (*PATTERN_TITLES.values(), *PATTERN_DEFINITIONS.values(), TIE_RULE):
        assert translated(message, lang), message.msgid


def test_definitions_render_with_their_numbers():
    assert "at least 2 other organisations" in tr(pattern_definition("ambassador"), "en")
    assert "mindestens 3 weiteren Organisationen" in tr(pattern_definition("ambassador", min_introduced=3), "de")
    assert "ten minste 1 andere organisatie uit" in tr(pattern_definition("ambassador", min_introduced=1), "nl")
    assert (
        tr(TIE_RULE.bind(max_participants=50), "de")
        == "Als Zusammenarbeit zählen nur Projekte mit höchstens 50 Beteiligten."
    )
    assert tr(PATTERN_TITLES["ambassador"], "nl") == "Ambassadeur"
