import pytest

from borderless.core.organisations import (
    SizeClass,
    distance_km,
    in_programme_area,
    is_sme,
    normalise_website,
    size_class_for,
)


@pytest.mark.parametrize(
    ("employees", "expected"),
    [
        (1, "micro"),
        (9, "micro"),
        (10, "small"),
        (49, "small"),
        (50, "medium"),
        (249, "medium"),
        (250, "large"),
        (10_000, "large"),
    ],
)
def test_size_class_boundaries(employees, expected):
    assert size_class_for(employees) == SizeClass(expected)


def test_size_class_needs_a_person():
    with pytest.raises(ValueError):
        size_class_for(0)


def test_only_large_firms_are_not_smes():
    assert [is_sme(c) for c in SizeClass] == [True, True, True, False]


def test_programme_area_membership_is_case_insensitive_and_unknown_is_outside():
    area = ["NL213", "DEA34"]
    assert in_programme_area("nl213", area)
    assert not in_programme_area("NL310", area)
    assert not in_programme_area(None, area)
    assert not in_programme_area("", area)


def test_distance_enschede_muenster_is_about_sixty_km():
    # GeoNames coordinates of Enschede and Münster; straight line ~ 60 km.
    assert distance_km(52.21833, 6.89583, 51.96236, 7.62571) == pytest.approx(57.9, abs=1.0)
    assert distance_km(52.0, 7.0, 52.0, 7.0) == 0


def test_websites_get_a_scheme():
    assert normalise_website(" www.example.nl ") == "https://www.example.nl"
    assert normalise_website("http://example.de") == "http://example.de"
    assert normalise_website("") == ""
