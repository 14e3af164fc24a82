from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from borderless.atlas.models import Competence
from borderless.atlas.taxonomy import TAXONOMY_FILE, competences_for_text, fold, match_codes, taxonomy_load

pytestmark = pytest.mark.django_db


def test_folding_removes_case_and_accents():
    assert fold("Größe Ärger") == "grosse arger"
    assert fold("Café-Öfen") == "cafe ofen"
    assert fold("  KI ") == "ki"


def test_loading_twice_changes_nothing():
    first = taxonomy_load()
    assert first.created == 116 and first.version == "2026.1"
    snapshot = list(Competence.objects.order_by("code").values())
    second = taxonomy_load()
    assert (second.created, second.updated, second.unchanged) == (0, 0, 116)
    assert list(Competence.objects.order_by("code").values()) == snapshot


def test_sector_entries_take_the_nace_labels():
    taxonomy_load()
    machinery = Competence.objects.get(code="nace.28")
    assert machinery.group == "sector"
    assert machinery.label_de.startswith("Maschinenbau")
    assert "maschinenbau" in machinery.search_terms
    assert machinery.version == "2026.1"


def test_search_terms_hold_all_languages_folded():
    taxonomy_load()
    terms = Competence.objects.get(code="tech.sensors").search_terms.split("|")
    assert {"sensorik", "sensoren", "sensors", "sensortechnologie"} <= set(terms)
    assert all(t == t.lower() for t in terms)


@pytest.mark.parametrize("text", ["Sensorik", "sensoren", "sensors", "SENSORIK", "Sensortechnologie"])
def test_sensor_words_of_every_language_mean_the_sensor_entry(text):
    taxonomy_load()
    assert competences_for_text(text) == ["tech.sensors"]


def test_short_terms_match_whole_words_only():
    entries = [("a", "ki|kunstliche intelligenz"), ("b", "e mail marketing|kiosk")]
    assert match_codes("KI", entries) == ["a"]
    assert match_codes("ai", [("x", "email")]) == []


def test_ki_finds_artificial_intelligence():
    taxonomy_load()
    assert "tech.ai" in competences_for_text("KI")
    assert "tech.ai" in competences_for_text("AI")


def test_staff_entries_and_released_codes_are_kept(tmp_path):
    taxonomy_load()
    Competence.objects.create(
        code="tech.staff_added", group="technology", cluster="robotics", label_en="Exoskeletons",
        label_de="Exoskelette", label_nl="Exoskeletten", version="staff",
    )  # fmt: skip
    data = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    data["version"] = "2027.1"
    data["entries"] = [e for e in data["entries"] if e["code"] != "tech.rfid"]
    smaller = tmp_path / "taxonomy.json"
    smaller.write_text(json.dumps(data), encoding="utf-8")
    result = taxonomy_load(path=smaller)
    assert result.kept == 2
    assert Competence.objects.filter(code__in=["tech.staff_added", "tech.rfid"]).count() == 2
    assert Competence.objects.get(code="tech.sensors").version == "2027.1"


def test_command_reports_counts(capsys):
    call_command("load_taxonomy")
    assert "116 created" in capsys.readouterr().out


def test_staff_add_an_entry_in_the_admin_and_search_finds_it(client, taxonomy_admin):
    response = client.post(
        "/en/admin/atlas/competence/add/",
        {
            "code": "tech.exoskeletons",
            "group": "technology",
            "cluster": "robotics",
            "label_en": "Exoskeletons",
            "label_de": "Exoskelette",
            "label_nl": "Exoskeletten",
            "synonyms": '{"de": ["Körperstütze"], "en": [], "nl": []}',
        },
    )
    assert response.status_code == 302
    entry = Competence.objects.get(code="tech.exoskeletons")
    assert entry.version == "staff" and "korperstutze" in entry.search_terms
    assert competences_for_text("Körperstütze") == ["tech.exoskeletons"]
    assert taxonomy_load().kept == 1  # the loader keeps it


def test_the_admin_rejects_malformed_codes(client, taxonomy_admin):
    response = client.post(
        "/en/admin/atlas/competence/add/",
        {"code": "Exo Skeletons", "group": "technology", "cluster": "robotics", "label_en": "x", "label_de": "x",
         "label_nl": "x", "synonyms": "{}"},
    )  # fmt: skip
    assert response.status_code == 200 and not Competence.objects.filter(label_en="x").exists()


def test_released_entries_cannot_be_deleted_in_the_admin(client, taxonomy_admin):
    assert client.get("/en/admin/atlas/competence/tech.sensors/delete/").status_code == 403


@pytest.fixture
def taxonomy_admin(client, staff):
    taxonomy_load()
    client.force_login(staff)
