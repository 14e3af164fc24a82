import pytest
from django.core.management import call_command

from borderless.organisations.models import Euregio, NaceDivision, NutsRegion, Town
from borderless.organisations.reference import reference_data_load


@pytest.mark.django_db
def test_reference_data_has_the_programme_area_and_three_languages():
    area = NutsRegion.objects.filter(in_programme_area=True)
    assert area.count() == 51
    assert area.filter(country="NL").count() == 21 and area.filter(country="DE").count() == 30
    assert set(area.values_list("level", flat=True)) == {3}
    assert Euregio.objects.count() == 4
    assert NaceDivision.objects.count() == 88
    machinery = NaceDivision.objects.get(code="28")
    assert machinery.label_de.startswith("Maschinenbau")
    assert machinery.label_nl and machinery.label_en.startswith("Manufacture of machinery")


@pytest.mark.django_db
def test_every_programme_region_has_towns_and_every_town_a_level3_region():
    for region in NutsRegion.objects.filter(in_programme_area=True):
        assert region.towns.exists(), region
    assert not Town.objects.exclude(nuts3__level=3).exists()


@pytest.mark.django_db
def test_reloading_changes_nothing_and_keeps_staff_corrections():
    region = NutsRegion.objects.get(code="NL221")
    other = Euregio.objects.get(slug="euregio")
    region.euregio, region.euregio_verified = other, True
    region.save()
    snapshot = list(NutsRegion.objects.values()), list(Town.objects.values()), list(NaceDivision.objects.values())
    counts = reference_data_load()
    assert counts.programme_regions == 51
    assert snapshot == (
        list(NutsRegion.objects.values()),
        list(Town.objects.values()),
        list(NaceDivision.objects.values()),
    )
    assert NutsRegion.objects.get(code="NL221").euregio == other


@pytest.mark.django_db
def test_command_reports_counts(capsys):
    call_command("load_reference_data")
    assert "51 in the programme area" in capsys.readouterr().out
