"""Anonymous profiles in the atlas search: where they come, what finds them, what the count says, and
how many queries a page costs."""

from __future__ import annotations

import pytest
from django.urls import reverse

from borderless.atlas.models import AtlasProfile
from borderless.organisations.models import NaceDivision, Town
from borderless.quickscan.models import Assessment
from tests.atlas.atlas_profiles import lookalikes, profiled_org, reference_of, taxonomy  # noqa: F401
from tests.conftest import make_org

pytestmark = pytest.mark.django_db
URL = "/en/atlas/"
API = "/api/atlas/organisations"


def references(response) -> list[str]:
    return [card.reference for card in response.context["cards"]]


@pytest.fixture
def six_anonymous(taxonomy):  # noqa: F811
    """Six anonymous firms in Borken named A… to F…, with references that sort the other way round."""
    firms = [
        profiled_org(f"{letter} Geheim GmbH", town_name="Bocholt", country="DE", offers=["tech.sensors"],
                     visibility="anonymous", lookalikes=0)
        for letter in "ABCDEF"
    ]  # fmt: skip
    for number, firm in enumerate(reversed(firms)):
        AtlasProfile.objects.filter(organisation=firm).update(public_reference=f"anon-{number:016x}")
    return firms


def test_anonymous_results_follow_their_random_references_not_their_names(client, six_anonymous):
    named = profiled_org("Zeta Sensorik GmbH", town_name="Ahaus", country="DE", offers=["tech.sensors"])
    response = client.get(URL, {"q": "sensors"})
    cards = response.context["cards"]
    assert cards[0].name == "Zeta Sensorik GmbH" and cards[0].reference == named.slug  # named ones first
    assert references(response)[1:] == [reference_of(f) for f in reversed(six_anonymous)]
    api = [item["reference"] for item in client.get(API, {"q": "sensors"}).json()["results"]]
    assert api == references(response)


def test_the_count_and_the_pages_take_named_then_anonymous_results(client, six_anonymous):
    for n in range(18):
        profiled_org(f"Firma {n:02d} GmbH", town_name="Münster", country="DE", offers=["tech.sensors"])
    first = client.get(URL)
    assert first.context["page"].paginator.count == 24
    assert "24 organisations found." in first.content.decode()
    assert [c.anonymous for c in first.context["cards"]] == [False] * 18 + [True] * 2
    second = client.get(URL, {"page": 2})
    assert [c.anonymous for c in second.context["cards"]] == [True] * 4
    assert client.get(API, {"page_size": 10, "page": 3}).json()["results"][0]["anonymous"] is True


def test_a_filter_finer_than_the_card_does_not_find_it(client, taxonomy):  # noqa: F811
    """One anonymous firm in Bocholt (NUTS-3 Borken), its four look-alikes spread over other NUTS-3
    regions of NUTS-2 Münster: its card shows NUTS-2 Münster and "SME", so searching Borken or "small"
    must not find it, or the search would tell what the card hides."""
    firm = profiled_org("Versteckt GmbH", town_name="Bocholt", country="DE", offers=["tech.sensors"],
                        visibility="anonymous", lookalikes=0)  # fmt: skip
    for code, size in (("DEA32", "micro"), ("DEA35", "medium"), ("DEA37", "small"), ("DEA38", "medium")):
        town = Town.objects.filter(nuts3_id=code).order_by("-population").first()
        make_org(f"Firma {code}", town_name=town.name, country="DE", size_class=size, listed=False,
                 sector=NaceDivision.objects.get(code="46"))  # fmt: skip
    reference = reference_of(firm)
    card = client.get(f"{API}/{reference}").json()
    assert card["display_name"] == "Company in Münster (DE)" and card["region"]["level"] == 2
    assert card["size_class"]["code"] == "sme" and card["sector"] is None and card["euregio"] is None

    for found in ({"region": "DEA3"}, {"region": "DEA"}, {"country": "DE"}, {"kind": "company"}, {}):
        assert reference in references(client.get(URL, found)), found
    for hidden in ({"region": "DEA34"}, {"size_class": "small"}, {"euregio": "euregio"}):
        assert reference not in references(client.get(URL, hidden)), hidden
        assert reference not in {i["reference"] for i in client.get(API, hidden).json()["results"]}
        assert not client.get(reverse("atlas:map_data"), hidden).json()["points"]


def test_the_follower_group_filter_never_finds_an_anonymous_profile(client, taxonomy):  # noqa: F811
    firm = profiled_org("Vorreiter GmbH", town_name="Bocholt", country="DE", offers=["tech.ai"], visibility="anonymous")
    AtlasProfile.objects.filter(organisation=firm).update(show_follower_group=True)
    Assessment.objects.create(organisation=firm, is_latest=True, follower_group="frontrunner", answers={})
    assert client.get(URL, {"follower_group": "frontrunner"}).context["cards"] == []
    assert client.get(API, {"follower_group": "frontrunner"}).json()["count"] == 0


def _crowd(n: int) -> None:
    """n anonymous firms with look-alikes, spread over three towns, and as many named ones."""
    for i in range(n):
        town = ("Bocholt", "Münster", "Enschede")[i % 3]
        country = "NL" if town == "Enschede" else "DE"
        profiled_org(f"Anonym {i}", town_name=town, country=country, offers=["tech.erp"], visibility="anonymous",
                     lookalikes=1)  # fmt: skip
        profiled_org(f"Offen {i}", town_name=town, country=country, offers=["tech.erp"])


@pytest.mark.parametrize("params", [{}, {"country": "DE"}, {"region": "DEA3", "size_class": "small"}])
@pytest.mark.parametrize("url", [URL, reverse("atlas:map_data"), API])
def test_a_search_costs_a_bounded_number_of_queries_whatever_the_population(
    client,
    taxonomy,  # noqa: F811
    django_assert_max_num_queries,
    params,
    url,
):
    """Counting who shares an anonymous card takes at most one query per rung of the ladder, however many
    anonymous cards the search finds: five times the population costs no query more than that."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from borderless.core.anonymity import LADDER

    _crowd(6)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url, params).status_code == 200
    _crowd(30)
    with django_assert_max_num_queries(len(few.captured_queries) + len(LADDER)):
        assert client.get(url, params).status_code == 200
    with django_assert_max_num_queries(25):
        client.get(url, params)


def test_a_sector_the_card_does_not_show_is_not_shown_or_found_through_the_competences(client, taxonomy):  # noqa: F811
    """Firms list their own sector among what they offer. A card that shows only the section must not show
    "28 Machinery" among the offers, nor be found by it, or the division would be known after all."""
    firm = profiled_org("Maschinen Geheim GmbH", town_name="Bocholt", country="DE", offers=["nace.28", "tech.ai"],
                        needs=["nace.25"], visibility="anonymous", lookalikes=0)  # fmt: skip
    for n, division in enumerate(("25", "25", "22", "20")):  # same section C, other divisions
        make_org(f"Nachbar {n}", town_name="Bocholt", country="DE", listed=False,
                 sector=NaceDivision.objects.get(code=division))  # fmt: skip
    reference = reference_of(firm)
    card = client.get(f"{API}/{reference}").json()
    assert card["sector_code"] == "C"
    assert [c["code"] for c in card["offers"]] == ["tech.ai"] and [c["code"] for c in card["needs"]] == ["nace.25"]
    assert "Manufacture of machinery" not in client.get(reverse("atlas:detail", args=[reference])).content.decode()
    for hidden in ({"competence": "nace.28"}, {"q": "Maschinenbau"}, {"competence": "nace.28", "direction": "offered"}):
        assert reference not in references(client.get(URL, hidden)), hidden
    for found in ({"competence": "tech.ai"}, {"competence": "nace.25"}, {"q": "KI"}):
        assert reference in references(client.get(URL, found)), found


def test_counting_the_whole_population_at_once_gives_the_same_cards_as_rung_by_rung(taxonomy, monkeypatch):  # noqa: F811
    from borderless.atlas import anonymity as selectors_anonymity
    from borderless.atlas.anonymity import GEOGRAPHY, quasi_identifiers, shown_for
    from borderless.organisations.models import Organisation

    _crowd(9)
    for n, (town, size) in enumerate((("Ahaus", "micro"), ("Gronau", "medium"), ("Hengelo", "large"))):
        make_org(f"Einzeln {n}", town_name=town, country="NL" if town == "Hengelo" else "DE", size_class=size)
    records = {o.pk: quasi_identifiers(o) for o in Organisation.objects.select_related(*GEOGRAPHY)}
    stepwise = shown_for(records)
    monkeypatch.setattr(selectors_anonymity, "WHOLE_POPULATION_ABOVE", 0)
    assert shown_for(records) == stepwise
    assert len({s.rung for s in stepwise.values() if s is not None}) > 1  # several rungs were needed
