"""factory_boy factories for the core objects of the platform.

Each factory creates through the same path the product does (the user manager, the organisation and
atlas services), so a test object passes the same validation as a real one. Defaults describe an
ordinary Dutch SME in Enschede; override what a test is about and nothing else:

    UserFactory(email="eva@example.nl", language="nl")
    OrganisationFactory(name="Sensorik Borken GmbH", town_name="Borken", country="DE")
    MembershipFactory(user=eva, organisation=firm, is_manager=True)
    AtlasProfileFactory(organisation=firm, offers=["tech.sensors"])   # needs the taxonomy loaded

The reference data (towns, NACE divisions) comes from the test database; see tests/conftest.py.
"""

from __future__ import annotations

from decimal import Decimal

import factory

from borderless.accounts.models import Role, User
from borderless.atlas.models import AtlasProfile
from borderless.atlas.services import atlas_profile_save
from borderless.instruments.models import Call, Instrument
from borderless.network.models import Participation, Project, participant_kind_of
from borderless.organisations.models import Membership, NaceDivision, Organisation, Town
from borderless.organisations.services import membership_add, organisation_create

PASSWORD = "correct-horse-battery-staple"


def town(name: str, country: str) -> Town:
    """The most populous reference town of that name in that country."""
    return Town.objects.filter(name=name, country=country).order_by("-population").first()


class UserFactory(factory.django.DjangoModelFactory):
    """A confirmed SME user with a verified address who logs in with ``PASSWORD``."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    password = PASSWORD
    full_name = factory.LazyAttribute(lambda user: user.email.split("@")[0].title())
    role = Role.SME
    role_confirmed = True
    language = "en"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # The manager normalises the address and hashes the password, as for every real account.
        return model_class.objects.create_user(*args, **kwargs)


class StaffFactory(UserFactory):
    email = factory.Sequence(lambda n: f"staff{n}@borderless.test")
    full_name = "Staff Admin"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        for field in ("role", "role_confirmed", "language"):
            kwargs.pop(field, None)
        return model_class.objects.create_superuser(*args, **kwargs)


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A small, publicly listed company in machinery (NACE 28), created by ``organisation_create``.

    ``town_name`` and ``country`` choose the reference town; pass ``town`` to give one directly."""

    class Meta:
        model = Organisation
        exclude = ("town_name", "country")

    town_name = "Enschede"
    country = "NL"

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = "company"
    town = factory.LazyAttribute(lambda o: town(o.town_name, o.country))
    size_class = "small"
    sector = factory.LazyFunction(lambda: NaceDivision.objects.get(code="28"))
    listed_publicly = True
    working_languages = ("nl", "en")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs["working_languages"] = list(kwargs["working_languages"])
        return organisation_create(**kwargs)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    is_manager = False

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return membership_add(**kwargs)


class AtlasProfileFactory(factory.django.DjangoModelFactory):
    """A public atlas profile saved by ``atlas_profile_save`` (codes must be in the loaded taxonomy)."""

    class Meta:
        model = AtlasProfile

    organisation = factory.SubFactory(OrganisationFactory)
    offers = ()
    needs = ()
    visibility = "public"
    contact_email = factory.LazyAttribute(lambda p: f"info@{p.organisation.slug}.example")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return atlas_profile_save(**kwargs)


class InstrumentFactory(factory.django.DjangoModelFactory):
    """An open voucher of a Dutch province in three languages, without criteria or calls."""

    class Meta:
        model = Instrument

    identifier = factory.Sequence(lambda n: f"instrument-{n}")
    name_en = factory.LazyAttribute(lambda i: i.identifier.replace("-", " ").title())
    name_de = factory.LazyAttribute(lambda i: f"{i.name_en} (DE)")
    name_nl = factory.LazyAttribute(lambda i: f"{i.name_en} (NL)")
    description_en = factory.LazyAttribute(lambda i: f"About {i.name_en}.")
    description_de = factory.LazyAttribute(lambda i: f"Über {i.name_en}.")
    description_nl = factory.LazyAttribute(lambda i: f"Over {i.name_en}.")
    level = "land_province"
    kind = "voucher"
    status = "open"
    spatial = factory.LazyFunction(list)
    languages = factory.LazyFunction(list)
    min_amount = None
    max_amount = None
    currency = factory.LazyAttribute(lambda i: "EUR" if (i.min_amount or i.max_amount) else "")
    provider_name = "Provincie Overijssel"
    source = "Test data"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        for field in ("min_amount", "max_amount"):
            if kwargs[field] is not None:
                kwargs[field] = Decimal(kwargs[field])
        return super()._create(model_class, *args, **kwargs)


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    instrument = factory.SubFactory(InstrumentFactory)
    opens_on = None
    closes_on = None


def joint_project(title: str, year: int, *organisations: Organisation, **fields) -> Project:
    """A project the organisations of the platform took part in (the first as lead partner)."""
    count = Project.objects.count()
    project = Project.objects.create(
        title=title, start_year=year, programme=fields.pop("programme", "interreg_vi"), source="test",
        source_id=fields.pop("source_id", f"t{count + 1}"), **fields,
    )  # fmt: skip
    for number, org in enumerate(organisations):
        Participation.objects.create(
            project=project, organisation=org, name=org.name, country=org.town.country, city=org.town.name,
            nuts_code=org.town.nuts3_id, kind=participant_kind_of(org.kind), role="lead" if number == 0 else "partner",
        )  # fmt: skip
    return project
