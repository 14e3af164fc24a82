"""Writes to organisations and memberships."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from borderless.core.organisations import normalise_website

from .models import Euregio, Membership, NaceDivision, Organisation, Town

PROFILE_FIELDS = (
    "name",
    "kind",
    "town",
    "size_class",
    "sector",
    "founded_year",
    "website",
    "working_languages",
    "description",
    "listed_publicly",
)


# Fixed path segments beside the organisation pages (/atlas/<slug>/, /organisations/<slug>/): an
# organisation called "Import" or "Profile" gets "import-2", so its page is not hidden behind them.
RESERVED_SLUGS = frozenset({"import", "profile"})


def _unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(name)[:200] or "organisation"
    if base in RESERVED_SLUGS:
        base = f"{base}-2"
    slug, n = base, 2
    qs = Organisation.objects.all()
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def organisation_create(
    *,
    name: str,
    kind: str,
    town: Town | None,
    size_class: str,
    country: str = "",
    sector: NaceDivision | None = None,
    founded_year: int | None = None,
    website: str = "",
    working_languages: list[str] | tuple[str, ...] = (),
    description: str = "",
    listed_publicly: bool = False,
    euregio_override: Euregio | None = None,
    slug: str | None = None,
    confirmed: bool = True,
    review_reason: str = "",
) -> Organisation:
    """Create an organisation. `confirmed=False`: it waits for staff (see `Organisation.confirmed`).

    The country is the town's; `country` is needed only when the town is not known (`town=None`).
    An empty `size_class` means that the size is not known.
    """
    organisation = Organisation(
        name=name.strip(),
        slug=slug or _unique_slug(name),
        kind=kind,
        country=town.country if town is not None else country,
        town=town,
        size_class=size_class,
        sector=sector,
        founded_year=founded_year,
        website=normalise_website(website),
        working_languages=",".join(working_languages),
        description=description.strip(),
        listed_publicly=listed_publicly,
        euregio_override=euregio_override,
        confirmed=confirmed,
        review_reason=review_reason,
    )
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def organisation_update(*, organisation: Organisation, **changes) -> Organisation:
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"not a profile field: {', '.join(sorted(unknown))}")
    if "working_languages" in changes and not isinstance(changes["working_languages"], str):
        changes["working_languages"] = ",".join(changes["working_languages"])
    if "website" in changes:
        changes["website"] = normalise_website(changes["website"])
    for field, value in changes.items():
        setattr(organisation, field, value)
    if organisation.town is not None:
        organisation.country = organisation.town.country
    if "name" in changes:
        organisation.name = organisation.name.strip()
    organisation.full_clean()
    organisation.save()
    return organisation


def membership_add(*, organisation: Organisation, user, is_manager: bool = False) -> Membership:
    membership, created = Membership.objects.get_or_create(
        organisation=organisation, user=user, defaults={"is_manager": is_manager}
    )
    if not created and is_manager and not membership.is_manager:
        membership.is_manager = True
        membership.save(update_fields=["is_manager"])
    return membership
