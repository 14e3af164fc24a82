"""Writes to atlas profiles: an organisation says what it offers and needs, and who may see it."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from phonenumber_field.phonenumber import PhoneNumber, to_python

from borderless.organisations.models import Organisation, OrganisationKind

from .models import AtlasProfile, Competence, CooperationKind, Visibility

# Organisations that can receive contact requests on behalf of an anonymous firm.
INTERMEDIARY_KINDS = (OrganisationKind.INTERMEDIARY, OrganisationKind.HUB)


def intermediary_choices():
    """Intermediaries and hubs that may receive requests for an anonymous firm: confirmed ones only, since
    the intermediary learns the firm's name."""
    return Organisation.objects.confirmed().filter(kind__in=INTERMEDIARY_KINDS).select_related("town").order_by("name")


@transaction.atomic
def atlas_profile_save(
    *,
    organisation: Organisation,
    offers: Iterable[str],
    needs: Iterable[str],
    description: str = "",
    cooperation_kinds: Iterable[str] = (),
    visibility: str = Visibility.PUBLIC,
    contact_intermediary: Organisation | None = None,
    show_projects: bool = False,
    show_follower_group: bool = False,
    contact_email: str = "",
    contact_phone: str | PhoneNumber = "",
) -> AtlasProfile:
    """Create or replace the organisation's atlas profile, then refresh the matching index.

    Raises ValidationError (nothing is written) for unknown codes or cooperation kinds, an unknown
    visibility, or an anonymous profile without an intermediary to receive contact requests, or a
    phone number that is not valid. A phone number without +31/+49 is read as one of the
    organisation's country; it is stored in E.164.
    """
    offers, needs = sorted(set(offers)), sorted(set(needs))
    known = set(Competence.objects.filter(code__in=[*offers, *needs]).values_list("code", flat=True))
    unknown = sorted(set(offers + needs) - known)
    if unknown:
        raise ValidationError(_("Unknown competences: %(codes)s"), params={"codes": ", ".join(unknown)})
    kinds = list(dict.fromkeys(cooperation_kinds))
    if set(kinds) - set(CooperationKind.values):
        raise ValidationError(_("Please choose the kinds of cooperation from the list."))
    if visibility not in Visibility.values:
        raise ValidationError(_("Please choose a visibility from the list."))
    if contact_intermediary is not None and contact_intermediary.kind not in INTERMEDIARY_KINDS:
        raise ValidationError(_("Contact requests can only go through an intermediary or a hub."))
    if contact_intermediary is not None and not contact_intermediary.confirmed:
        raise ValidationError(_("This intermediary has not been confirmed by the platform's staff yet."))
    if visibility == Visibility.ANONYMOUS and contact_intermediary is None:
        raise ValidationError(_("An anonymous profile needs an intermediary who receives contact requests."))

    profile, _created = AtlasProfile.objects.get_or_create(organisation=organisation)
    profile.description = description.strip()
    profile.cooperation_kinds = [k for k in CooperationKind.values if k in kinds]
    profile.visibility = visibility
    profile.contact_intermediary = contact_intermediary
    profile.show_projects = show_projects
    profile.show_follower_group = show_follower_group
    profile.contact_email = contact_email.strip()
    profile.contact_phone = phone_number_parse(contact_phone, region=organisation.country)
    profile.full_clean(exclude=["organisation"])
    profile.save()
    profile.offers.set(offers)
    profile.needs.set(needs)
    return profile


def atlas_profile_delete(*, organisation: Organisation) -> None:
    """Take the organisation out of the atlas."""
    AtlasProfile.objects.filter(organisation=organisation).delete()


def phone_number_parse(value: str | PhoneNumber, *, region: str) -> PhoneNumber | str:
    """The number as a PhoneNumber, read in the region if it has no international prefix; "" if empty.

    A number that cannot be read comes back as an invalid PhoneNumber, which full_clean() refuses.
    """
    if isinstance(value, str):
        value = value.strip()
    return to_python(value, region=region) if value else ""
