"""An organisation whose place or size is not known: it keeps its country, and every page copes."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from borderless.atlas.anonymity import GEOGRAPHY, descriptions_for
from borderless.atlas.models import Visibility
from borderless.atlas.services import atlas_profile_save
from borderless.matching import index as matching_index
from borderless.organisations.models import NaceDivision, Organisation, Town
from borderless.organisations.services import organisation_create, organisation_update
from tests.conftest import make_org

pytestmark = pytest.mark.django_db


def unplaced(name: str, country: str = "DE", **extra) -> Organisation:
    values = {"kind": "company", "size_class": "small", "listed_publicly": True, "working_languages": ["de"], **extra}
    return organisation_create(name=name, town=None, country=country, **values)


def test_the_country_follows_the_town_and_stays_without_one():
    borken = Town.objects.filter(name="Borken", country="DE").first()
    firm = organisation_create(
        name="Grenzland Mechanik GmbH", kind="company", town=borken, size_class="small", working_languages=["de"]
    )
    assert firm.country == "DE"
    organisation_update(organisation=firm, town=Town.objects.filter(name="Enschede").first())
    assert Organisation.objects.get(pk=firm.pk).country == "NL"

    association = unplaced("Industrieverband Grenzland e.V.", kind="other", size_class="")
    assert (association.town, association.country, association.nuts3) == (None, "DE", None)
    assert (association.in_programme_area, association.euregio, association.euregio_verified) == (False, None, False)
    with pytest.raises(ValidationError):
        unplaced("Nowhere GmbH", country="")  # without a town, the country must be given


def test_directory_and_profile_say_place_unknown_and_size_not_known(client):
    unplaced("Industrieverband Grenzland e.V.", kind="other", size_class="")
    page = client.get("/en/organisations/", {"country": "DE"}).content.decode()
    assert "Industrieverband Grenzland e.V." in page
    assert "<td>place unknown</td>" in page and "<td>Other organisation</td>" in page and "<td>not known</td>" in page
    slug = Organisation.objects.get(name="Industrieverband Grenzland e.V.").slug
    detail = client.get(f"/de/organisations/{slug}/").content.decode()
    assert "Ort unbekannt, Deutschland" in detail and "nicht bekannt" in detail


def test_the_api_gives_no_town_region_or_size_where_they_are_not_known(client):
    unplaced("Industrieverband Grenzland e.V.", kind="other", size_class="")
    body = client.get("/api/organisations", {"country": "DE", "kind": "other"}).json()
    [row] = body["results"]
    assert (row["country"], row["town"], row["nuts3"], row["size_class"]) == ("DE", None, None, None)
    assert row["kind"] == {"code": "other", "label": "Other organisation"}


def test_an_anonymous_card_of_unknown_place_or_size_says_so_only_among_enough_alike():
    sector = NaceDivision.objects.get(code="28")
    nowhere = [unplaced(f"Ortlos {n} GmbH", sector=sector) for n in range(5)]
    sizeless = [make_org(f"Grösselos {n} GmbH", town_name="Borken", country="DE", size_class="") for n in range(5)]
    for n in range(4):
        make_org(f"Klein {n} GmbH", town_name="Osnabrück", country="DE", size_class="small")
    lone = make_org("Einzelgrösse GmbH", town_name="Osnabrück", country="DE", size_class="")
    shown = Organisation.objects.select_related(*GEOGRAPHY).filter(pk__in=[nowhere[0].pk, sizeless[0].pk, lone.pk])
    described = descriptions_for(shown)

    assert described[nowhere[0].pk].name == "Company, place unknown (DE)"
    assert (described[nowhere[0].pk].region_code, described[nowhere[0].pk].country) == ("", "DE")
    assert described[sizeless[0].pk].name == "Company in Borken (DE)"
    assert described[sizeless[0].pk].size_label == "not known"
    # Alone with its unknown size among four small firms in Osnabrück: never shown as one of the SMEs there,
    # only as a company in Germany, with the four.
    assert (described[lone.pk].name, described[lone.pk].size_label) == ("Company in Germany", "")


def test_the_matcher_leaves_out_organisations_without_a_place_and_serves_them_at_their_countrys_centre():
    placed = make_org("Platziert GmbH", town_name="Borken", country="DE")
    atlas_profile_save(organisation=placed, offers=[], needs=[], visibility=Visibility.PUBLIC)
    nowhere = unplaced("Ortlos GmbH")
    atlas_profile_save(organisation=nowhere, offers=[], needs=[], visibility=Visibility.PUBLIC)
    matching_index.index_reset()

    assert matching_index.index_info().profiles == 1
    requester = matching_index.requester_profile(organisation=nowhere)
    assert requester.country == "DE" and 47 < requester.lat < 55 and 6 < requester.lon < 15


def test_the_migration_gives_every_organisation_its_towns_country(transactional_db):
    """Migrating back to before the country column and forward again fills it from the town."""
    executor = MigrationExecutor(connection)
    before = [("organisations", "0004_organisation_pic_vat_number")]
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(before)
    try:
        Old = executor.loader.project_state(before).apps.get_model("organisations", "Organisation")
        enschede = Town.objects.filter(name="Enschede").first()
        Old.objects.create(name="Alt B.V.", slug="alt-bv", kind="company", town_id=enschede.pk, size_class="small")
    finally:
        MigrationExecutor(connection).migrate(latest)
    assert Organisation.objects.get(slug="alt-bv").country == "NL"
