"""Seeding the demo: real public actors of the region, a generated population, persona accounts.

Everything is keyed by a natural key (organisation slug, user e-mail, membership pair) and
compared before it is written, so seeding twice changes nothing, not even `updated_at`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.hashers import check_password
from django.db import transaction
from django.utils import timezone

from borderless.accounts.models import Role, User
from borderless.core.demo import DEFAULT_SEED, DemoOrganisation, DemoTown, demo_population, persona_company, slugify
from borderless.core.organisations import normalise_website
from borderless.organisations.models import Membership, NaceDivision, Organisation, Town
from borderless.organisations.reference import reference_data_load

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

ORGANISATION_FIELDS = (
    "name",
    "kind",
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
    for o in generated:
        wanted[o.slug] = {
            "name": o.name,
            "kind": o.kind,
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
    for persona in PERSONAS:
        user, was_created, was_updated = _user_upsert(persona)
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
    return DemoCounts(
        organisations_created=created,
        organisations_updated=updated,
        organisations_unchanged=unchanged,
        users_created=users_created,
        users_updated=users_updated,
        memberships_created=memberships_created,
        memberships_updated=memberships_updated,
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
