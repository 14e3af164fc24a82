"""The matching index built from the database, and kept fresh when profiles change."""

from __future__ import annotations

import pytest
from django.utils import timezone

from borderless.atlas.models import AtlasProfile
from borderless.atlas.services import atlas_profile_save
from borderless.core.matching import DEFAULT_WEIGHTS
from borderless.i18n.translation import translate
from borderless.matching import index as matching_index
from borderless.matching.models import MatchingWeights
from borderless.quickscan.models import Assessment
from tests.atlas.atlas_profiles import profiled_org, taxonomy  # noqa: F401
from tests.factories import joint_project

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_index(settings):
    settings.ATLAS_MATCHING_CHECK_SECONDS = 3600  # only local changes trigger a check, unless a test says so
    matching_index.index_reset()
    yield
    matching_index.index_reset()


def _index_profile(org_id):
    with matching_index._state.lock:
        return matching_index._current().get(org_id)


def test_profiles_carry_codes_location_quickscan_group_and_cooperation(taxonomy):  # noqa: F811
    nl = profiled_org(
        "Twente Sensors B.V.",
        town_name="Enschede",
        country="NL",
        offers=["tech.sensors"],
        needs=["tech.ai"],
        visibility="registered",
    )
    de = profiled_org("Borken Robotik GmbH", town_name="Borken", country="DE", offers=["tech.cobots"])
    Assessment.objects.create(
        organisation=nl, status="completed", is_latest=True, follower_group="frontrunner", completed_at=timezone.now()
    )
    joint_project("Grenzenlos digital", 2024, nl, de)

    profiles = {p.id: p for p in matching_index.profiles_from_db()}

    twente = profiles[nl.pk]
    assert twente.country == "NL"
    assert twente.lat == pytest.approx(nl.town.latitude)
    assert twente.offers == {"tech.sensors"} and twente.needs == {"tech.ai"}
    assert twente.follower_group == "frontrunner"
    assert twente.visibility == "registered"
    assert twente.cooperated_with == {de.pk}
    assert profiles[de.pk].sector == "28"
    assert profiles[de.pk].follower_group is None


def test_reading_profiles_takes_the_same_number_of_queries_for_many_organisations(
    taxonomy,  # noqa: F811
    django_assert_max_num_queries,
):
    for i in range(2):
        profiled_org(f"Firm {i}", town_name="Enschede", country="NL", offers=["tech.sensors"], needs=["tech.ai"])
    with django_assert_max_num_queries(8):
        assert len(list(matching_index.profiles_from_db())) == 2
    for i in range(2, 12):
        profiled_org(f"Firm {i}", town_name="Gronau", country="DE", offers=["tech.cloud"], needs=["tech.ai"])
    with django_assert_max_num_queries(8):
        assert len(list(matching_index.profiles_from_db())) == 12


def test_an_imported_follower_group_and_cooperation_count_when_there_is_no_quickscan(taxonomy):  # noqa: F811
    org = profiled_org("Import GmbH", town_name="Borken", country="DE", offers=["tech.cloud"])
    AtlasProfile.objects.filter(organisation=org).update(imported_follower_group="late_follower",
                                                         imported_cooperated=True)  # fmt: skip
    profile = next(matching_index.profiles_from_db(organisation_ids=[org.pk]))
    assert profile.follower_group == "late_follower"
    assert profile.has_cooperated


def test_a_saved_profile_is_refreshed_in_the_index_after_commit(taxonomy, django_capture_on_commit_callbacks):  # noqa: F811
    org = profiled_org("Twente Sensors B.V.", town_name="Enschede", country="NL", offers=["tech.sensors"])
    assert _index_profile(org.pk).offers == {"tech.sensors"}

    with django_capture_on_commit_callbacks(execute=True):
        atlas_profile_save(organisation=org, offers=["tech.sensors", "tech.iot"], needs=["tech.ai"])

    with matching_index._state.lock:
        profile = matching_index._state.index.get(org.pk)  # as the callback left it, without a new check
    assert profile.offers == {"tech.sensors", "tech.iot"}
    assert profile.needs == {"tech.ai"}


def test_an_admin_edit_of_the_organisation_reaches_the_index(taxonomy, django_capture_on_commit_callbacks):  # noqa: F811
    from borderless.organisations.models import Town

    org = profiled_org("Movers B.V.", town_name="Enschede", country="NL", offers=["tech.sensors"])
    assert _index_profile(org.pk).country == "NL"
    org.town = Town.objects.filter(name="Münster", country="DE").order_by("-population").first()
    with django_capture_on_commit_callbacks(execute=True):
        org.save()  # what the admin does: a plain save, no service
    assert matching_index._state.index.get(org.pk).country == "DE"


def test_changes_from_another_process_are_found_by_the_staleness_check(settings, taxonomy):  # noqa: F811
    org = profiled_org("Quiet B.V.", town_name="Enschede", country="NL", offers=["tech.sensors"])
    assert _index_profile(org.pk).visibility == "public"
    assert matching_index.index_info().profiles == 1

    # Another process changes a profile and adds one: no signal reaches this process.
    AtlasProfile.objects.filter(organisation=org).update(visibility="anonymous", updated_at=timezone.now())
    other = profiled_org("Elsewhere GmbH", town_name="Borken", country="DE", offers=["tech.ai"])
    matching_index._state.dirty = False
    settings.ATLAS_MATCHING_CHECK_SECONDS = 0

    assert matching_index.index_info().profiles == 2
    assert _index_profile(org.pk).visibility == "anonymous"
    assert other.pk in matching_index._state.index

    AtlasProfile.objects.filter(organisation=other).delete()
    matching_index._state.dirty = False
    assert matching_index.index_info().profiles == 1


def test_weights_come_from_the_staff_row_or_the_defaults(db):
    assert matching_index.matching_weights().weights == DEFAULT_WEIGHTS
    MatchingWeights.objects.create(proximity=0.5, novelty=0)
    info = matching_index.matching_weights()
    assert info.weights.proximity == 0.5 and info.weights.novelty == 0
    assert info.updated_at is not None


def test_labels_cover_the_taxonomy_and_every_nace_division(taxonomy):  # noqa: F811
    labels = matching_index.competence_labels()
    assert translate(labels["tech.sensors"], "de") == "Sensorik"
    assert translate(labels["nace.28"], "en").startswith("Manufacture of machinery")
    assert "nace.82" in labels  # a sector outside the taxonomy still has a label


def test_anonymous_organisations_are_matched_at_their_regions_centre(taxonomy):  # noqa: F811
    from borderless.atlas.anonymity import region_centroids

    org = profiled_org("Hidden GmbH", town_name="Borken", country="DE", offers=["tech.ai"], visibility="anonymous")
    profile = next(matching_index.profiles_from_db(organisation_ids=[org.pk]))
    centre = region_centroids([org.town.nuts3_id])[org.town.nuts3_id]
    assert (profile.lat, profile.lon) == centre != (org.town.latitude, org.town.longitude)
    # Its own suggestions are still measured from where it really is.
    own = matching_index.requester_profile(organisation=org)
    assert (own.lat, own.lon) == (org.town.latitude, org.town.longitude)


def test_a_new_project_partnership_reaches_both_partners_in_the_index(
    taxonomy,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    a = profiled_org("Alpha B.V.", town_name="Enschede", country="NL", offers=["tech.sensors"])
    b = profiled_org("Beta GmbH", town_name="Gronau", country="DE", offers=["tech.ai"])
    assert _index_profile(a.pk).never_cooperated
    with django_capture_on_commit_callbacks(execute=True):
        joint_project("Sensing AI", 2025, a, b)
    with matching_index._state.lock:
        assert matching_index._state.index.get(a.pk).cooperated_with == {b.pk}
        assert matching_index._state.index.get(b.pk).cooperated_with == {a.pk}
