"""The analysts' research export: who may download it, what it contains, and what it hides."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from hypothesis import given, settings
from hypothesis import strategies as st

from borderless.accounts.models import Role
from borderless.core.quickscan.synthetic import SyntheticFirm, synthetic_answers
from borderless.organisations.models import NaceDivision
from borderless.quickscan.models import Assessment
from borderless.quickscan.research import COLUMNS, K, k_anonymise, pseudonym
from borderless.quickscan.services import assessment_complete
from tests.conftest import make_org, make_user

URL = reverse("quickscan:research_csv")
MARCH = datetime(2026, 3, 15, 10, 30, tzinfo=UTC)


def firm(name: str, *, town: str = "Enschede", country: str = "NL", size_class: str = "small", sector: str = "28"):
    return make_org(
        name, town_name=town, country=country, size_class=size_class, sector=NaceDivision.objects.get(code=sector)
    )


def completed(organisation, *, when: datetime = MARCH, share: bool = True, maturity: float = 0.4) -> Assessment:
    """A completed quickscan of `organisation` with synthetic answers matching its profile."""
    synthetic = SyntheticFirm(
        organisation.size_class, organisation.sector_id, organisation.country, organisation.nuts3.code, maturity, seed=7
    )
    draft = Assessment.objects.create(organisation=organisation, answers=synthetic_answers(synthetic))
    assessment = assessment_complete(assessment=draft, share_for_research=share)
    Assessment.objects.filter(pk=assessment.pk).update(completed_at=when)
    return assessment


def firms(n: int, prefix: str = "Firm", **profile) -> list:
    return [firm(f"{prefix} {i}", **profile) for i in range(n)]


def download(client, user) -> list[dict[str, str]]:
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200, response.content
    return list(csv.DictReader(io.StringIO(response.content.decode())))


# Who may download it


def test_a_visitor_is_sent_to_log_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("persona", ["alice", "bob"])
def test_sme_members_and_intermediaries_are_refused_in_their_language(client, db, persona, request):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    response = client.get(reverse("quickscan:research_csv").replace("/en/", "/nl/"))
    assert response.status_code == 403
    with translation.override("nl"):
        assert gettext("The research export is for analysts") in response.content.decode()
    assert '<html lang="nl">' in response.content.decode()


def test_an_unconfirmed_analyst_is_told_that_the_role_awaits_confirmation(client, db):
    user = make_user("new-analyst@example.de", role=Role.ANALYST, confirmed=False)
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 403
    assert gettext("Your analyst role has not been confirmed by our staff yet.")[:30] in response.content.decode()


@pytest.mark.parametrize("persona", ["charlie", "staff"])
def test_confirmed_analysts_and_staff_download_a_csv_named_after_its_method(client, db, persona, request):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="quickscan-research-deidentified-k5-' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    assert response.content.decode().splitlines() == [",".join(COLUMNS)]


def test_only_get_is_allowed(client, charlie):
    client.force_login(charlie)
    assert client.post(URL).status_code == 405


# What it contains


def test_only_completed_consented_results_appear_without_anything_that_names_the_firm(client, charlie):
    shared = firms(5, prefix="Hulsekamp Machinebouw")
    for organisation in shared:
        completed(organisation)
    withheld = firm("Withheld B.V.")
    completed(withheld, share=False)
    draft_firm = firm("Draft B.V.")
    Assessment.objects.create(organisation=draft_firm, share_for_research=True)

    rows = download(client, charlie)

    assert len(rows) == 5
    assert list(rows[0]) == list(COLUMNS)
    text = ",".join(",".join(row.values()) for row in rows)
    for organisation in [*shared, withheld]:
        for secret in (organisation.name, organisation.slug, organisation.town.name, organisation.nuts3.code):
            assert secret not in text
    assert "Hulsekamp" not in text and "Enschede" not in text
    assert {pseudonym(o.pk) for o in shared} == {row["pseudonym"] for row in rows}
    row = rows[0]
    assert (row["country"], row["nuts2"], row["size_class"], row["nace_section"], row["nace_division"]) == (
        "NL",
        "NL21",
        "small",
        "C",
        "28",
    )
    assert row["completed_month"] == "2026-03"
    stored = Assessment.objects.get(organisation=shared[0])
    mine = next(r for r in rows if r["pseudonym"] == pseudonym(shared[0].pk))
    assert float(mine["overall"]) == pytest.approx(stored.overall, abs=1e-4)
    assert (mine["band"], mine["stage"], mine["follower_group"]) == (
        stored.band,
        str(stored.stage),
        stored.follower_group,
    )


def test_a_firms_history_links_up_under_one_pseudonym(client, charlie):
    organisations = firms(5)
    for organisation in organisations:
        completed(organisation)
    completed(organisations[0], when=datetime(2026, 9, 2, tzinfo=UTC), maturity=0.6)

    rows = download(client, charlie)

    mine = [r for r in rows if r["pseudonym"] == pseudonym(organisations[0].pk)]
    assert [r["completed_month"] for r in mine] == ["2026-03", "2026-09"]
    assert len({r["pseudonym"] for r in rows}) == 5


def test_the_pseudonym_depends_on_the_installations_secret(settings):
    first = pseudonym(42)
    assert first == pseudonym(42) and len(first) == 16
    assert pseudonym(43) != first
    settings.SECRET_KEY = "another-installation-" + "y" * 40
    assert pseudonym(42) != first


def test_a_combination_of_fewer_than_five_firms_is_generalised(client, charlie):
    for organisation in firms(4, prefix="Machines"):  # NACE 28, C
        completed(organisation)
    for organisation in firms(4, prefix="Metal", sector="25"):  # NACE 25, C
        completed(organisation)

    rows = download(client, charlie)

    assert len(rows) == 8
    assert {(r["nace_section"], r["nace_division"], r["nuts2"]) for r in rows} == {("C", "", "NL21")}


def test_a_lone_firm_that_cannot_hide_in_any_group_is_left_out(client, charlie):
    for organisation in firms(5):
        completed(organisation)
    completed(firm("Lonely GmbH", town="Bocholt", country="DE", size_class="large"))

    rows = download(client, charlie)

    assert len(rows) == 5
    assert {r["country"] for r in rows} == {"NL"}


# The generalisation itself, without a database


def row(firm_id: str, country="NL", nuts2="NL21", size="small", section="C", division="28") -> dict:
    return {
        "pseudonym": firm_id,
        "country": country,
        "nuts2": nuts2,
        "size_class": size,
        "nace_section": section,
        "nace_division": division,
    }


def test_groups_of_five_firms_are_shown_as_they_are():
    rows = [row(f"f{i}") for i in range(5)]
    assert k_anonymise(rows) == rows


def test_a_firm_with_several_assessments_counts_once():
    rows = [row("f0"), row("f0"), row("f0"), row("f1"), row("f2"), row("f3")]
    shown = k_anonymise(rows)
    assert shown == []  # four firms in the whole country: nothing can be shown


def test_generalisation_goes_division_section_region_size_in_that_order():
    rows = [row(f"a{i}", division="28") for i in range(3)] + [row(f"b{i}", division="25") for i in range(2)]
    assert {tuple(r.values())[1:] for r in k_anonymise(rows)} == {("NL", "NL21", "small", "C", "")}
    rows = [row(f"a{i}", section="C", division="28") for i in range(3)] + [
        row(f"b{i}", section="G", division="46") for i in range(2)
    ]
    assert {tuple(r.values())[1:] for r in k_anonymise(rows)} == {("NL", "NL21", "small", "", "")}
    rows = [row(f"a{i}", nuts2="NL21") for i in range(3)] + [row(f"b{i}", nuts2="NL22") for i in range(2)]
    assert {tuple(r.values())[1:] for r in k_anonymise(rows)} == {("NL", "", "small", "", "")}
    rows = [row(f"a{i}", nuts2="NL21", size="micro") for i in range(3)] + [
        row(f"b{i}", nuts2="NL22", size="medium") for i in range(2)
    ]
    assert {tuple(r.values())[1:] for r in k_anonymise(rows)} == {("NL", "", "", "", "")}


QUASI = st.fixed_dictionaries(
    {
        "country": st.sampled_from(["NL", "DE"]),
        "nuts2": st.sampled_from(["X1", "X2", "X3"]),
        "size_class": st.sampled_from(["micro", "small", "medium"]),
        "sector": st.sampled_from([("C", "25"), ("C", "28"), ("G", "46")]),
    }
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), QUASI), max_size=120))
def test_every_shown_combination_covers_at_least_five_firms(draws):
    rows = []
    for firm_number, quasi in draws:
        country = quasi["country"]
        rows.append(
            row(
                f"f{firm_number}",
                country=country,
                nuts2=country + quasi["nuts2"],
                size=quasi["size_class"],
                section=quasi["sector"][0],
                division=quasi["sector"][1],
            )
        )
    shown = k_anonymise(rows)

    groups: dict[tuple, set] = {}
    for r in shown:
        groups.setdefault(tuple(v for k, v in r.items() if k != "pseudonym"), set()).add(r["pseudonym"])
    assert all(len(members) >= K for members in groups.values())
    # Rows keep their order; nothing but blanking happens, and all rows of a firm are blanked alike.
    kept = [o for o in rows if o["pseudonym"] in {r["pseudonym"] for r in shown}]
    blanked: dict[str, frozenset] = {}
    for original, r in zip(kept, shown, strict=True):
        assert all(r[k] in (original[k], "") for k in original)
        assert r["country"] == original["country"]
        fields = frozenset(k for k in r if r[k] == "")
        assert blanked.setdefault(r["pseudonym"], fields) == fields
