"""Seeding the demo: a border-region population, the real actors, personas that can log in, quickscan
assessments with history, idempotence."""

from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from borderless.accounts.models import Role, User
from borderless.core.quickscan.scoring import score
from borderless.demo.services import (
    MUENSTERLAND,
    PERSONAS,
    QUICKSCAN_REFERENCE_DATE,
    TWENTE,
    demo_seed,
    real_organisation_rows,
)
from borderless.organisations.models import Membership, Organisation, OrganisationKind, Town
from borderless.quickscan.models import AdvisorAccess, Assessment
from borderless.quickscan.selectors import advised_organisations, assessment_history, assessments_of_clients
from borderless.quickscan.services import assessment_complete, assessment_start

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
        "assessments": list(Assessment.objects.order_by("pk").values()),
        "advisor_access": list(AdvisorAccess.objects.order_by("pk").values()),
    }


def persona(email_start: str):
    return next(p for p in PERSONAS if p.email.startswith(email_start))


def persona_firm(email_start: str) -> Organisation:
    return User.objects.get(email=persona(email_start).email).memberships.get(is_manager=True).organisation


def test_seed_creates_a_border_region_population_of_every_kind(demo):
    counts = demo

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


def test_real_organisations_are_present_in_their_seat_town_and_listed(demo):
    counts = demo

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


def test_only_real_organisations_have_real_websites(demo):
    real = {row["name"] for row in real_organisation_rows()}
    for name, website in Organisation.objects.values_list("name", "website"):
        if name not in real and website:
            assert website.endswith(".example"), name


def test_personas_log_in_with_the_documented_passwords(client, demo):
    for p in PERSONAS:
        assert client.login(username=p.email, password=p.password), p.email
        client.logout()
    assert not client.login(username=PERSONAS[0].email, password="wrong-password")


def test_personas_have_their_roles_and_organisations(demo):
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


def test_seeding_twice_changes_nothing(demo):
    before = snapshot()

    counts = demo_seed()

    assert snapshot() == before
    assert not counts.changed
    assert counts.organisations_unchanged == len(before["organisations"])
    assert (counts.assessments_created, counts.assessments_updated, counts.advisor_grants_created) == (0, 0, 0)
    assert len(before["assessments"]) > 200 and len(before["advisor_access"]) >= 3


def test_seeding_again_repairs_what_was_changed_and_only_that(demo):
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


# Quickscan assessments


def test_about_sixty_percent_of_the_companies_completed_assessments_over_two_years_many_with_history(demo):
    counts = demo

    companies = Organisation.objects.filter(kind=OrganisationKind.COMPANY).count()
    per_firm = Counter(Assessment.objects.values_list("organisation_id", flat=True))
    assert counts.assessments_created == sum(per_firm.values())
    assert 0.5 < len(per_firm) / companies < 0.7
    assert set(per_firm.values()) == {1, 2, 3}
    assert sum(n >= 2 for n in per_firm.values()) > 0.5 * len(per_firm)
    assert set(Organisation.objects.filter(pk__in=per_firm).values_list("kind", flat=True)) == {"company"}

    rows = list(Assessment.objects.values_list("status", "started_at", "completed_at"))
    assert {status for status, _started, _completed in rows} == {Assessment.Status.COMPLETED}
    for _status, started, completed in rows:
        assert QUICKSCAN_REFERENCE_DATE - timedelta(days=730) <= completed < QUICKSCAN_REFERENCE_DATE
        assert started < completed
    assert max(completed for _status, _started, completed in rows) > QUICKSCAN_REFERENCE_DATE - timedelta(days=30)

    newest = {}
    for organisation_id, pk in Assessment.objects.order_by("completed_at").values_list("organisation_id", "pk"):
        newest[organisation_id] = pk
    assert set(Assessment.objects.filter(is_latest=True).values_list("pk", flat=True)) == set(newest.values())

    latest = Assessment.objects.filter(is_latest=True)
    assert 0.7 < latest.filter(share_for_research=True).count() / latest.count() < 0.95
    assert set(latest.values_list("follower_group", flat=True)) >= {"late_follower", "fast_follower"}
    assert len(set(latest.values_list("band", flat=True))) >= 3
    assert set(latest.values_list("stage", flat=True)) >= {0, 1, 2, 3}


def test_stored_scores_are_the_cores_scores(demo):
    for assessment in Assessment.objects.select_related("organisation__town__nuts3"):
        result = score(assessment.answers)
        assert assessment.overall == result.overall
        assert assessment.band == result.band.value
        assert [assessment.d1, assessment.d2, assessment.d3, assessment.d4, assessment.d5, assessment.d6] == [
            result.dimension_scores[f"D{i}"] for i in range(1, 7)
        ]
        assert (assessment.stage, assessment.follower_group) == (result.stage.reached, result.group.group.value)
        assert assessment.island_score == result.technology.island_score
        organisation = assessment.organisation
        assert (assessment.country, assessment.size_class, assessment.sector, assessment.region) == (
            organisation.country,
            organisation.size_class,
            organisation.sector_id,
            organisation.nuts3.code,
        )


def test_the_sme_personas_firms_have_a_history_that_shows_progress(demo):
    first, second = assessment_history(organisation=persona_firm("sme.nl"))
    assert second.completed_at - first.completed_at > timedelta(days=120)
    assert second.overall > first.overall
    assert all(second.dimension_scores[d] >= first.dimension_scores[d] for d in first.dimension_scores)
    assert second.is_latest and not first.is_latest
    assert (first.language, first.created_by.email) == ("nl", persona("sme.nl").email)
    assert first.share_for_research and second.share_for_research

    history = assessment_history(organisation=persona_firm("sme.de"))
    assert len(history) == 3
    assert history[0].language == "de"
    assert history[-1].overall >= history[0].overall


def test_the_intermediary_persona_sees_client_firms_that_granted_access(demo):
    intermediary = User.objects.get(email=persona("intermediary").email)
    clients = advised_organisations(user=intermediary)
    assert persona_firm("sme.nl") in clients
    assert clients.count() >= 3
    assert all(c.nuts3.code.startswith("NL21") for c in clients)
    assert assessments_of_clients(user=intermediary).count() > clients.count()
    sme_de = User.objects.get(email=persona("sme.de").email)
    assert not advised_organisations(user=sme_de).exists()


def test_seeding_again_recreates_changed_demo_assessments_and_keeps_a_firms_own_newer_one(demo):
    firm = persona_firm("sme.nl")
    user = User.objects.get(email=persona("sme.nl").email)
    first, second = assessment_history(organisation=firm)
    Assessment.objects.filter(pk=first.pk).update(share_for_research=False)
    other = Assessment.objects.exclude(organisation=firm).order_by("pk").first()
    other_public_id = other.public_id
    other.delete()
    # The firm takes the quickscan once more during the demo.
    draft = assessment_start(organisation=firm, user=user, language="nl")
    own = assessment_complete(assessment=draft, answers=second.answers)
    grant = AdvisorAccess.objects.get(organisation=firm)
    grant.revoked_at = QUICKSCAN_REFERENCE_DATE
    grant.save()
    untouched = {a.pk: a.updated_at for a in Assessment.objects.exclude(organisation=firm)}

    counts = demo_seed()

    assert (counts.assessments_created, counts.assessments_updated, counts.advisor_grants_created) == (1, 1, 1)
    assert Assessment.objects.get(public_id=first.public_id).share_for_research
    assert Assessment.objects.filter(public_id=other_public_id).exists()
    assert [a.public_id for a in assessment_history(organisation=firm)] == [
        first.public_id,
        second.public_id,
        own.public_id,
    ]
    assert Assessment.objects.get(pk=own.pk).is_latest
    assert Assessment.objects.filter(organisation=firm, is_latest=True).count() == 1
    assert {a.pk: a.updated_at for a in Assessment.objects.exclude(organisation=firm) if a.pk in untouched} == untouched
    assert AdvisorAccess.objects.filter(organisation=firm, revoked_at__isnull=True).count() == 1
