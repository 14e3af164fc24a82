"""Seeding the demo: a border-region population, the real actors, personas that can log in, idempotence."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from borderless.accounts.models import Role, User
from borderless.demo.services import MUENSTERLAND, PERSONAS, TWENTE, demo_seed, real_organisation_rows
from borderless.organisations.models import Membership, Organisation, OrganisationKind, Town

pytestmark = pytest.mark.django_db

# Named in the brief; each must be there unless its seat town is missing from the reference towns.
BRIEF_ACTORS = (
    "Oost NL",
    "BOM Brabantse Ontwikkelings Maatschappij",
    "LIOF",
    "Novel-T",
    "Brainport Development",
    "EUREGIO",
    "Euregio Rhein-Waal",
    "euregio rhein-maas-nord",
    "Ems Dollart Region",
    "IHK Nord Westfalen",
    "IHK Niederrhein",
    "IHK Osnabrück-Emsland-Grafschaft Bentheim",
    "Handwerkskammer Münster",
    "Münsterland e.V.",
    "ZENIT GmbH",
    "Provincie Overijssel",
    "Provincie Gelderland",
    "Provincie Noord-Brabant",
    "Provincie Limburg",
    "Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie des Landes Nordrhein-Westfalen",
    "Bezirksregierung Münster",
    "Bezirksregierung Düsseldorf",
)


def snapshot() -> dict[str, list[dict]]:
    return {
        "organisations": list(Organisation.objects.order_by("pk").values()),
        "users": list(User.objects.order_by("pk").values()),
        "memberships": list(Membership.objects.order_by("pk").values()),
    }


def persona(email_start: str):
    return next(p for p in PERSONAS if p.email.startswith(email_start))


def test_seed_creates_a_border_region_population_of_every_kind():
    counts = demo_seed()

    organisations = list(Organisation.objects.select_related("town__nuts3"))
    kinds = Counter(o.kind for o in organisations)
    countries = Counter(o.country for o in organisations)
    assert counts.organisations_created == len(organisations)
    assert 330 <= len(organisations) <= 400
    assert set(kinds) == set(OrganisationKind.values)
    assert kinds[OrganisationKind.COMPANY] > 0.75 * len(organisations)
    assert min(countries["NL"], countries["DE"]) > 0.4 * len(organisations)
    assert sum(o.in_programme_area for o in organisations) > 0.85 * len(organisations)
    assert 0.1 < sum(not o.listed_publicly for o in organisations) / len(organisations) < 0.2


def test_real_organisations_are_present_in_their_seat_town_and_listed():
    counts = demo_seed()

    rows = {row["name"]: row for row in real_organisation_rows()}
    present = {o.name: o for o in Organisation.objects.filter(name__in=rows).select_related("town")}
    for name, row in rows.items():
        if name in present:
            organisation = present[name]
            assert (organisation.town.name, organisation.country) == (row["town"], row["country"])
            assert organisation.kind == row["kind"]
            assert organisation.listed_publicly
        else:
            assert any(s.startswith(f"{name} (") for s in counts.skipped)
            assert not Town.objects.filter(name=row["town"], country=row["country"]).exists()
    assert set(BRIEF_ACTORS) <= set(rows)
    assert present["Novel-T"].town.name == "Enschede"
    assert present["EUREGIO"].town.name == "Gronau"
    assert Organisation.objects.filter(kind=OrganisationKind.HUB).count() >= 8


def test_only_real_organisations_have_real_websites():
    demo_seed()

    real = {row["name"] for row in real_organisation_rows()}
    for name, website in Organisation.objects.values_list("name", "website"):
        if name not in real and website:
            assert website.endswith(".example"), name


def test_personas_log_in_with_the_documented_passwords(client):
    demo_seed()

    for p in PERSONAS:
        assert client.login(username=p.email, password=p.password), p.email
        client.logout()
    assert not client.login(username=PERSONAS[0].email, password="wrong-password")


def test_personas_have_their_roles_and_organisations():
    demo_seed()

    sme_nl = User.objects.get(email=persona("sme.nl").email)
    company = sme_nl.memberships.get(is_manager=True).organisation
    assert (sme_nl.effective_role, sme_nl.language) == (Role.SME, "nl")
    assert (company.kind, company.town.nuts3_id in TWENTE, company.listed_publicly) == ("company", True, True)

    sme_de = User.objects.get(email=persona("sme.de").email)
    company = sme_de.memberships.get(is_manager=True).organisation
    assert (sme_de.effective_role, sme_de.language) == (Role.SME, "de")
    assert (company.kind, company.town.nuts3_id in MUENSTERLAND) == ("company", True)

    intermediary = User.objects.get(email=persona("intermediary").email)
    assert intermediary.effective_role == Role.INTERMEDIARY
    assert intermediary.organisations.get().name == "Novel-T"

    analyst = User.objects.get(email=persona("analyst").email)
    assert analyst.effective_role == Role.ANALYST
    assert analyst.organisations.get().kind == OrganisationKind.AUTHORITY

    admin = User.objects.get(email=persona("admin").email)
    assert admin.is_staff and admin.is_superuser and admin.effective_role == Role.ADMIN


def test_seeding_twice_changes_nothing():
    demo_seed()
    before = snapshot()

    counts = demo_seed()

    assert snapshot() == before
    assert not counts.changed
    assert counts.organisations_unchanged == len(before["organisations"])


def test_seeding_again_repairs_what_was_changed_and_only_that():
    demo_seed()
    changed = Organisation.objects.filter(kind="company").order_by("pk").first()
    Organisation.objects.filter(pk=changed.pk).update(description="Edited during a demo")
    user = User.objects.get(email=persona("sme.nl").email)
    user.set_password("something-else-entirely")
    user.save()
    Membership.objects.filter(user=user).update(is_manager=False)
    before = {o.pk: o.updated_at for o in Organisation.objects.exclude(pk=changed.pk)}

    counts = demo_seed()

    assert (counts.organisations_updated, counts.users_updated, counts.memberships_updated) == (1, 1, 1)
    assert Organisation.objects.get(pk=changed.pk).description != "Edited during a demo"
    assert {o.pk: o.updated_at for o in Organisation.objects.exclude(pk=changed.pk)} == before
    assert User.objects.get(pk=user.pk).check_password(persona("sme.nl").password)
    assert Membership.objects.get(user=user).is_manager


def test_seed_loads_missing_reference_data_first():
    Town.objects.all().delete()

    demo_seed()

    assert Town.objects.exists()
    assert Organisation.objects.count() > 300


def test_command_refuses_with_debug_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", stdout=StringIO())

    assert not Organisation.objects.exists()
    assert not User.objects.exists()


def test_command_seeds_with_debug_off_when_forced(settings):
    settings.DEBUG = False
    out = StringIO()

    call_command("seed_demo", "--force", "--seed", "2021", stdout=out)

    assert Organisation.objects.count() > 300
    assert "created" in out.getvalue()
    assert "docs/demo.md" in out.getvalue()


def test_command_seeds_in_debug_and_reports_no_change_the_second_time(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    out = StringIO()

    call_command("seed_demo", stdout=out)

    assert "0 created, 0 updated" in out.getvalue()
