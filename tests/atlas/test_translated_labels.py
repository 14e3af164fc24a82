"""The taxonomy in the reader's language: choices sorted and entries found by the label a reader reads."""

from __future__ import annotations

import pytest
from django.utils import translation

from borderless.atlas.forms import competence_groups
from borderless.atlas.models import Competence

pytestmark = pytest.mark.django_db

ROBOTS = {
    "tech.x_agv": ("Automated guided vehicles", "Fahrerlose Transportfahrzeuge", "Zelfrijdende transportvoertuigen"),
    "tech.x_cobots": ("Collaborative robots", "Kollaborative Roboter", "Cobots"),
    "tech.x_exo": ("Exoskeletons", "Exoskelette", "Exoskeletten"),
    "tech.x_welding": ("Welding robots", "Schweißroboter", "Lasrobots"),
}


@pytest.fixture
def robots():
    for code, (en, de, nl) in ROBOTS.items():
        Competence.objects.create(
            code=code, group="technology", cluster="robotics", label_en=en, label_de=de, label_nl=nl, version="staff"
        )
    return Competence.objects.filter(code__in=ROBOTS)


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", ["tech.x_agv", "tech.x_cobots", "tech.x_exo", "tech.x_welding"]),
        ("de", ["tech.x_exo", "tech.x_agv", "tech.x_cobots", "tech.x_welding"]),
        ("nl", ["tech.x_cobots", "tech.x_exo", "tech.x_welding", "tech.x_agv"]),
    ],
)
def test_the_choices_are_sorted_by_the_label_in_the_readers_language(robots, lang, expected):
    with translation.override(lang):
        [(_heading, choices)] = competence_groups(robots)
        assert [code for code, _label in choices] == expected
        assert [label for _code, label in choices] == [
            ROBOTS[code][("en", "de", "nl").index(lang)] for code in expected
        ]
        assert list(robots.order_by("label").values_list("code", flat=True)) == expected


def test_a_label_filter_looks_at_the_readers_language(robots):
    with translation.override("de"):
        assert set(robots.filter(label__icontains="roboter").values_list("code", flat=True)) == {
            "tech.x_cobots",
            "tech.x_welding",
        }
    with translation.override("nl"):
        assert list(robots.filter(label__icontains="robots").values_list("code", flat=True)) == ["tech.x_welding"]
    with translation.override("en"):
        assert not robots.filter(label__icontains="roboter").exists()


def test_staff_edit_the_three_labels_side_by_side_in_the_admin(client, staff, robots):
    client.force_login(staff)
    page = client.get("/de/admin/atlas/competence/tech.x_exo/change/").content.decode()
    for lang, label in (
        ("en", "Bezeichnung (Englisch)"),
        ("de", "Bezeichnung (Deutsch)"),
        ("nl", "Bezeichnung (Niederländisch)"),
    ):
        assert f'name="label_{lang}"' in page and label in page
    assert 'name="label"' not in page


def test_an_umlaut_sorts_with_its_letter_not_after_z(robots):
    for code, en, de in [
        ("tech.x_uv", "Monitoring robots", "Überwachungsroboter"),
        ("tech.x_zz", "Cutting robots", "Zerspanungsroboter"),
    ]:
        Competence.objects.create(
            code=code, group="technology", cluster="robotics", label_en=en, label_de=de, label_nl=en, version="staff"
        )
    with translation.override("de"):
        [(_heading, choices)] = competence_groups(Competence.objects.filter(code__startswith="tech.x_"))
    labels = [label for _code, label in choices]
    assert labels.index("Schweißroboter") < labels.index("Überwachungsroboter") < labels.index("Zerspanungsroboter")
