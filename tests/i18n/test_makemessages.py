"""`makemessages` extracts the core's markers, with their contexts and plurals."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po
from django.core.management import call_command, get_commands
from django.test import override_settings

SAMPLE = """
from borderless.core.i18n import C_, N_, _

TITLE = _("A title for the extraction test")
WHAT = C_("kind of value", "An ambiguous word")
COUNT = N_("%(n)s firm for the extraction test", "%(n)s firms for the extraction test")
"""


def test_our_command_replaces_djangos():
    assert get_commands()["makemessages"] == "borderless.i18n"


def test_the_core_markers_are_extracted(tmp_path, monkeypatch):
    (tmp_path / "sample.py").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "locale").mkdir()
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[str(tmp_path / "locale")]):
        call_command("makemessages", locale=["de"], verbosity=0, no_location=True)
    po = Path(tmp_path / "locale" / "de" / "LC_MESSAGES" / "django.po")
    with po.open("rb") as file:
        catalogue = read_po(file)
    assert catalogue.get("A title for the extraction test") is not None
    assert catalogue.get("An ambiguous word", context="kind of value") is not None
    assert catalogue.get("An ambiguous word") is None
    plural = catalogue.get("%(n)s firm for the extraction test")
    assert plural is not None and plural.id[1] == "%(n)s firms for the extraction test"
