"""Seeding the demo: real public actors of the region, a generated population, persona accounts,
quickscan assessments with history, and advisor access for the intermediary persona.

Everything is keyed by a natural key (organisation slug, user e-mail, membership pair, an
assessment's public id derived from the organisation and its number) and compared before it is
written, so seeding twice changes nothing, not even `updated_at`.
"""

from __future__ import annotations

import csv
import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.contrib.auth.hashers import check_password
from django.db import transaction
from django.utils import timezone

from borderless.accounts.models import Role, User
from borderless.atlas.demo import atlas_demo_seed
from borderless.core.demo import DEFAULT_SEED, DemoOrganisation, DemoTown, demo_population, persona_company, slugify
from borderless.core.organisations import normalise_website
from borderless.core.quickscan.synthetic import SyntheticFirm, progress, synthetic_answers, synthetic_firm
from borderless.network.demo import network_demo_seed
from borderless.organisations.models import Membership, NaceDivision, Organisation, OrganisationKind, Town
from borderless.organisations.reference import reference_data_load
from borderless.quickscan.models import AdvisorAccess, Assessment
from borderless.quickscan.services import advisor_access_grant, assessment_complete, group_rules

REAL_ORGANISATIONS_CSV = Path(__file__).resolve().parent / "data" / "real_organisations.csv"

TWENTE = ("NL213",)
MUENSTERLAND = ("DEA33", "DEA34", "DEA35", "DEA37", "DEA38")  # Münster, Borken, Coesfeld, Steinfurt, Warendorf


@dataclass(frozen=True)
class Persona:
    email: str
    password: str
    full_name: str
    role: str
    language: str
    # Either a real organisation (by name) or a generated company in one of these NUTS-3 regions.
    organisation_name: str = ""
    company_in: tuple[str, ...] = ()
    is_superuser: bool = False


# These passwords are public (docs/demo.md); `seed_demo` refuses to run with DEBUG off unless forced.
PERSONAS: tuple[Persona, ...] = (
    Persona("sme.nl@demo.borderless.example", "demo-sme-nl-2026", "Sanne Kampherbeek", Role.SME, "nl",
            company_in=TWENTE),
    Persona("sme.de@demo.borderless.example", "demo-sme-de-2026", "Jonas Hölscher", Role.SME, "de",
            company_in=MUENSTERLAND),
    Persona("intermediary@demo.borderless.example", "demo-intermediary-2026", "Eva Nijhuis", Role.INTERMEDIARY, "nl",
            organisation_name="Novel-T"),
    Persona("analyst@demo.borderless.example", "demo-analyst-2026", "Lena Brüggemann", Role.ANALYST, "de",
            organisation_name="Bezirksregierung Münster"),
    Persona("admin@demo.borderless.example", "demo-admin-2026", "Demo Admin", Role.ADMIN, "en", is_superuser=True),
)  # fmt: skip

# Quickscan demo data. Dates count back from a fixed day, not from today, so that seeding twice
# gives the same rows; about 60% of the companies have taken the quickscan.
QUICKSCAN_REFERENCE_DATE = datetime(2026, 11, 2, tzinfo=UTC)
QUICKSCAN_SHARE = 0.6
QUICKSCAN_HISTORY_WEIGHTS = ((1, 35), (2, 40), (3, 25))  # number of assessments per firm, weight
QUICKSCAN_RESEARCH_SHARE = 0.85  # firms that let their results be used, de-identified, in statistics
QUICKSCAN_PERSONA_HISTORY = {"sme.nl@demo.borderless.example": 2, "sme.de@demo.borderless.example": 3}
ADVISOR_PERSONA = "intermediary@demo.borderless.example"  # Novel-T: firms near Enschede grant it access
ADVISOR_CLIENT_REGIONS = ("NL21",)  # Overijssel (NUTS-2)
ADVISOR_CLIENT_SHARE = 0.5
DEMO_ASSESSMENT_NAMESPACE = uuid.UUID("6f1d5a40-7c1e-4d8e-9a51-2b8c0e4f3a17")

ORGANISATION_FIELDS = (
    "name",
    "kind",
    "country",
    "town_id",
    "size_class",
    "sector_id",
    "founded_year",
    "website",
    "working_languages",
    "description",
    "listed_publicly",
)


@dataclass(frozen=True)
class DemoCounts:
    organisations_created: int
    organisations_updated: int
    organisations_unchanged: int
    users_created: int
    users_updated: int
    memberships_created: int
    memberships_updated: int
    assessments_created: int
    assessments_updated: int
    advisor_grants_created: int
    # Real organisations left out because their seat town is not among the reference towns.
    skipped: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return any(
            (
                self.organisations_created,
                self.organisations_updated,
                self.users_created,
                self.users_updated,
                self.memberships_created,
                self.memberships_updated,
                self.assessments_created,
                self.assessments_updated,
                self.advisor_grants_created,
            )
        )


@transaction.atomic
def demo_seed(*, seed: int = DEFAULT_SEED) -> DemoCounts:
    if not Town.objects.exists() or not NaceDivision.objects.exists():
        reference_data_load()
    towns = [
        DemoTown(t.geonameid, t.name, t.country, t.population, t.nuts3_id, t.nuts3.in_programme_area)
        for t in Town.objects.select_related("nuts3").order_by("geonameid")
    ]
    real, skipped = _real_organisations(towns)
    generated = demo_population(
        towns=towns,
        nace_codes=NaceDivision.objects.values_list("code", flat=True),
        seed=seed,
        reserved_slugs=real,
    )
    wanted = dict(real)
    country_of = {t.geonameid: t.country for t in towns}
    for o in generated:
        wanted[o.slug] = {
            "name": o.name,
            "kind": o.kind,
            "country": country_of[o.town],
            "town_id": o.town,
            "size_class": o.size_class,
            "sector_id": o.sector,
            "founded_year": o.founded_year,
            "website": o.website,
            "working_languages": ",".join(o.working_languages),
            "description": o.description,
            "listed_publicly": o.listed_publicly,
        }
    created, updated, unchanged = _organisations_upsert(wanted)

    slugs = {p.email: _persona_slug(p, generated, towns) for p in PERSONAS}
    organisations = Organisation.objects.in_bulk([s for s in slugs.values() if s], field_name="slug")
    users_created = users_updated = memberships_created = memberships_updated = 0
    users: dict[str, User] = {}
    for persona in PERSONAS:
        user, was_created, was_updated = _user_upsert(persona)
        users[persona.email] = user
        users_created += was_created
        users_updated += was_updated
        if slugs[persona.email]:
            organisation = organisations.get(slugs[persona.email])
            if organisation is None:
                raise LookupError(f"the organisation of {persona.email} is missing: {slugs[persona.email]}")
            membership, was_created = Membership.objects.get_or_create(
                user=user, organisation=organisation, defaults={"is_manager": True}
            )
            memberships_created += was_created
            if not membership.is_manager:
                membership.is_manager = True
                membership.save(update_fields=["is_manager"])
                memberships_updated += 1
    persona_firms = {slugs[email]: users[email] for email in QUICKSCAN_PERSONA_HISTORY}
    assessments_created, assessments_updated, grants_created = _quickscan_seed(
        seed=seed,
        companies=[o for o in generated if o.kind == OrganisationKind.COMPANY and o.sector],
        towns={t.geonameid: t for t in towns},
        persona_firms=persona_firms,
        persona_history={slugs[email]: n for email, n in QUICKSCAN_PERSONA_HISTORY.items()},
        advisor=organisations[slugs[ADVISOR_PERSONA]],
    )
    # Atlas profiles and past projects of the demo organisations (idempotent like the rest).
    atlas = atlas_demo_seed(seed=seed, organisation_slugs=list(wanted), persona_slugs=slugs)
    network_demo_seed(projects=atlas.projects)
    return DemoCounts(
        organisations_created=created,
        organisations_updated=updated,
        organisations_unchanged=unchanged,
        users_created=users_created,
        users_updated=users_updated,
        memberships_created=memberships_created,
        memberships_updated=memberships_updated,
        assessments_created=assessments_created,
        assessments_updated=assessments_updated,
        advisor_grants_created=grants_created,
        skipped=tuple(skipped),
    )


def real_organisation_rows() -> list[dict[str, str]]:
    with open(REAL_ORGANISATIONS_CSV, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _real_organisations(towns: list[DemoTown]) -> tuple[dict[str, dict], list[str]]:
    # A town name can occur twice in a country (Haren); the larger town is meant.
    by_name: dict[tuple[str, str], DemoTown] = {}
    for town in sorted(towns, key=lambda t: t.population):
        by_name[(town.name, town.country)] = town
    wanted, skipped = {}, []
    for row in real_organisation_rows():
        town = by_name.get((row["town"], row["country"]))
        if town is None:
            skipped.append(f"{row['name']} ({row['town']}, {row['country']})")
            continue
        wanted[slugify(row["name"])] = {
            "name": row["name"],
            "kind": row["kind"],
            "country": town.country,
            "town_id": town.geonameid,
            "size_class": row["size_class"],
            "sector_id": None,
            "founded_year": None,
            "website": normalise_website(row["website"]),
            "working_languages": row["working_languages"],
            "description": "",
            "listed_publicly": True,
        }
    return wanted, skipped


def _organisations_upsert(wanted: dict[str, dict]) -> tuple[int, int, int]:
    existing = Organisation.objects.in_bulk(list(wanted), field_name="slug")
    new, changed = [], []
    for slug, values in wanted.items():
        organisation = existing.get(slug)
        if organisation is None:
            organisation = Organisation(slug=slug, **values)
            # Town and sector come from the database already; skip their one-query-each existence check.
            organisation.full_clean(exclude=["town", "sector"], validate_unique=False, validate_constraints=False)
            new.append(organisation)
        elif any(getattr(organisation, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(organisation, field, value)
            organisation.full_clean(exclude=["town", "sector"], validate_unique=False, validate_constraints=False)
            changed.append(organisation)
    Organisation.objects.bulk_create(new, batch_size=200)
    if changed:
        now = timezone.now()  # bulk_update does not apply auto_now
        for organisation in changed:
            organisation.updated_at = now
        Organisation.objects.bulk_update(changed, [*ORGANISATION_FIELDS, "updated_at"], batch_size=200)
    return len(new), len(changed), len(wanted) - len(new) - len(changed)


def _persona_slug(persona: Persona, generated: tuple[DemoOrganisation, ...], towns: list[DemoTown]) -> str:
    if persona.organisation_name:
        return slugify(persona.organisation_name)
    if persona.company_in:
        return persona_company(generated, towns, nuts3_codes=persona.company_in).slug
    return ""


def _user_upsert(persona: Persona) -> tuple[User, bool, bool]:
    values = {
        "full_name": persona.full_name,
        "language": persona.language,
        "role": persona.role,
        "role_confirmed": True,
        "is_active": True,
        "is_staff": persona.is_superuser,
        "is_superuser": persona.is_superuser,
    }
    user = User.objects.filter(email__iexact=persona.email).first()
    if user is None:
        return User.objects.create_user(email=persona.email, password=persona.password, **values), True, False
    changed = [field for field, value in values.items() if getattr(user, field) != value]
    for field in changed:
        setattr(user, field, values[field])
    # Without the setter, a correct password is not re-hashed (which would change the row).
    if not check_password(persona.password, user.password):
        user.set_password(persona.password)
        changed.append("password")
    if changed:
        user.save(update_fields=changed)
    return user, False, bool(changed)


# --- quickscan ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoAssessment:
    public_id: uuid.UUID
    slug: str
    completed_at: datetime
    answers: dict
    share_for_research: bool
    language: str


def quickscan_plan(
    *, seed: int, companies: list[DemoOrganisation], towns: dict[int, DemoTown], persona_history: dict[str, int]
) -> list[DemoAssessment]:
    """The demo assessments: which companies took the quickscan, when, and how they answered.

    About 60% of the companies (and always the SME personas' firms) took it one to three times over
    the two years before QUICKSCAN_REFERENCE_DATE, 5 to 9 months apart; each re-assessment is the
    same synthetic firm some months more mature. Deterministic in the seed and the company's slug.
    """
    plan = []
    counts, weights = zip(*QUICKSCAN_HISTORY_WEIGHTS, strict=True)
    for company in companies:
        rng = random.Random(f"quickscan:{seed}:{company.slug}")
        takes_part = rng.random() < QUICKSCAN_SHARE
        if company.slug not in persona_history and not takes_part:
            continue
        n = persona_history.get(company.slug) or rng.choices(counts, weights=weights)[0]
        share = company.slug in persona_history or rng.random() < QUICKSCAN_RESEARCH_SHARE
        # Newest first: the latest within the last six months, each earlier one 5 to 9 months before.
        dates = [QUICKSCAN_REFERENCE_DATE - timedelta(days=rng.uniform(3, 180))]
        for _ in range(n - 1):
            dates.append(dates[-1] - timedelta(days=rng.uniform(150, 270)))
        dates = [d.replace(hour=rng.randint(7, 16), minute=rng.randint(0, 59), second=0, microsecond=0) for d in dates]
        dates.reverse()
        town = towns[company.town]
        firm: SyntheticFirm = synthetic_firm(
            size_class=company.size_class,
            sector=company.sector or "",
            country=town.country,
            region=town.nuts3,
            seed=rng.randrange(2**32),
        )
        language = company.working_languages[0] if company.working_languages else "en"
        for number, completed_at in enumerate(dates, start=1):
            if number > 1:
                firm = progress(firm, months=round((completed_at - dates[number - 2]).days / 30.44))
            plan.append(
                DemoAssessment(
                    public_id=uuid.uuid5(DEMO_ASSESSMENT_NAMESPACE, f"{company.slug}/{number}"),
                    slug=company.slug,
                    completed_at=completed_at,
                    answers=synthetic_answers(firm),
                    share_for_research=share,
                    language=language,
                )
            )
    return plan


def _quickscan_seed(
    *,
    seed: int,
    companies: list[DemoOrganisation],
    towns: dict[int, DemoTown],
    persona_firms: dict[str, User],
    persona_history: dict[str, int],
    advisor: Organisation,
) -> tuple[int, int, int]:
    """Create the planned assessments that are missing or were changed, and the advisor grants."""
    plan = quickscan_plan(seed=seed, companies=companies, towns=towns, persona_history=persona_history)
    organisations = Organisation.objects.in_bulk({a.slug for a in plan}, field_name="slug")
    existing = Assessment.objects.in_bulk([a.public_id for a in plan], field_name="public_id")
    created = updated = 0
    touched: set[int] = set()
    rules = group_rules()
    for wanted in plan:
        organisation = organisations[wanted.slug]
        current = existing.get(wanted.public_id)
        if current is not None:
            if (
                current.organisation_id == organisation.pk
                and current.status == Assessment.Status.COMPLETED
                and current.completed_at == wanted.completed_at
                and current.share_for_research == wanted.share_for_research
                and current.answers == wanted.answers
            ):
                continue
            current.delete()  # changed during a demo: score it again from the planned answers
            updated += 1
        else:
            created += 1
        draft = Assessment.objects.create(
            public_id=wanted.public_id,
            organisation=organisation,
            created_by=persona_firms.get(wanted.slug),
            language=wanted.language,
            answers=wanted.answers,
        )
        # The platform's own scoring path, so that stored scores are exactly the core's.
        assessment_complete(assessment=draft, share_for_research=wanted.share_for_research, rules=rules)
        Assessment.objects.filter(pk=draft.pk).update(
            started_at=wanted.completed_at - timedelta(minutes=25), completed_at=wanted.completed_at
        )
        touched.add(organisation.pk)
    _latest_mark(touched)
    grants = _advisor_grants_seed(
        seed=seed, plan=plan, organisations=organisations, towns=towns, persona_firms=persona_firms, advisor=advisor
    )
    return created, updated, grants


def _latest_mark(organisation_pks: set[int]) -> None:
    """Only the newest completed assessment of each organisation (demo or not) is its latest.

    Completing an assessment marks it as the latest; the demo then dates it back, and may have
    re-created an older one, so the mark is set again from the dates.
    """
    newest: dict[int, int] = {}
    rows = (
        Assessment.objects.completed()
        .filter(organisation_id__in=organisation_pks)
        .order_by("organisation_id", "completed_at", "pk")
        .values_list("organisation_id", "pk")
    )
    for organisation_pk, pk in rows:
        newest[organisation_pk] = pk
    latest = Assessment.objects.filter(organisation_id__in=organisation_pks)
    latest.filter(is_latest=True).exclude(pk__in=newest.values()).update(is_latest=False)
    Assessment.objects.filter(pk__in=newest.values(), is_latest=False).update(is_latest=True)


def _advisor_grants_seed(
    *,
    seed: int,
    plan: list[DemoAssessment],
    organisations: dict[str, Organisation],
    towns: dict[int, DemoTown],
    persona_firms: dict[str, User],
    advisor: Organisation,
) -> int:
    """About half the assessed firms in Overijssel, and the Dutch SME persona's firm, let Novel-T see
    their results, from two days after their first assessment."""
    first_completed: dict[str, datetime] = {}
    for assessment in plan:
        first_completed.setdefault(assessment.slug, assessment.completed_at)
    created = 0
    for slug, since in first_completed.items():
        organisation = organisations[slug]
        in_region = towns[organisation.town_id].nuts3.startswith(ADVISOR_CLIENT_REGIONS)
        persona = persona_firms.get(slug)
        chosen = persona is not None or random.Random(f"advisor:{seed}:{slug}").random() < ADVISOR_CLIENT_SHARE
        if not (in_region and chosen):
            continue
        if AdvisorAccess.objects.filter(organisation=organisation, advisor=advisor, revoked_at__isnull=True).exists():
            continue
        grant = advisor_access_grant(organisation=organisation, advisor=advisor, user=persona)
        AdvisorAccess.objects.filter(pk=grant.pk).update(granted_at=since + timedelta(days=2))
        created += 1
    return created
