"""Every translatable string is translated into German and Dutch, and the pages show it so."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.utils import translation

from borderless.atlas import import_jobs
from borderless.jobs.models import Job, JobState

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("de", "nl")


def msgattrib(po: Path, *flags: str) -> str:
    result = subprocess.run(["msgattrib", *flags, "--no-obsolete", str(po)], capture_output=True, text=True, check=True)
    return result.stdout


def entries(po_text: str) -> list[str]:
    return [m for m in re.findall(r'^msgid "(.*)"$', po_text, flags=re.M) if m]


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    """Extract the msgids from today's code and templates and merge them into a copy of the catalogues."""
    work = tmp_path_factory.mktemp("i18n")
    for name in ("borderless", "templates", "locale"):
        shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    shutil.copy(ROOT / "manage.py", work / "manage.py")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--no-obsolete", "--no-location", "-l", "de", "-l", "nl"],
        cwd=work,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "borderless.settings"},
    )
    return work / "locale"


@pytest.mark.parametrize("lang", LANGS)
def test_every_msgid_in_code_and_templates_is_translated(fresh_catalogues, lang):
    po = fresh_catalogues / lang / "LC_MESSAGES" / "django.po"
    untranslated = entries(msgattrib(po, "--untranslated"))
    fuzzy = entries(msgattrib(po, "--only-fuzzy"))
    assert untranslated == [], f"{len(untranslated)} strings without a {lang} translation: run `make makemessages`"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy {lang} translations count as missing"


@pytest.mark.parametrize("lang", LANGS)
def test_the_cores_texts_are_extracted_too(fresh_catalogues, lang):
    from babel.messages.pofile import read_po

    from borderless.core.instruments import texts
    from borderless.core.quickscan import texts_dma

    with (fresh_catalogues / lang / "LC_MESSAGES" / "django.po").open("rb") as file:
        catalogue = read_po(file)
    for message in (texts_dma.DIMENSIONS["D1"], texts.COUNTRY_NOT_MET, texts.WHAT_EUREGIO):
        entry = catalogue.get(message.msgid, context=message.context)
        assert entry is not None and entry.string, message


@pytest.mark.parametrize("lang", LANGS)
def test_the_committed_catalogue_is_complete(lang):
    po = ROOT / "locale" / lang / "LC_MESSAGES" / "django.po"
    assert entries(msgattrib(po, "--untranslated")) == []
    assert entries(msgattrib(po, "--only-fuzzy")) == []


class TextExtractor(HTMLParser):
    """The text a reader sees or hears on a page in `lang`.

    Leaves out scripts and styles, text marked as another language (the switcher names each
    language in its own tongue, so "English" is right on a German page) and the alt text of
    Django's own admin icons, which Django does not translate.
    """

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang
        self.chunks: list[str] = []
        self._skip = 0
        self._foreign: list[str] = []  # open elements marked as another language
        self._foreign_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self._foreign_depth and tag == self._foreign[-1]:
            self._foreign_depth += 1
        elif not self._foreign_depth and tag not in self.VOID:
            lang = (attributes.get("lang") or self.lang).split("-")[0]
            if lang != self.lang:
                self._foreign.append(tag)
                self._foreign_depth = 1
        if tag in ("script", "style"):
            self._skip += 1
        if self._foreign_depth or "/static/admin/img/" in (attributes.get("src") or ""):
            return
        for key in ("title", "aria-label", "placeholder", "alt"):
            if attributes.get(key):
                self.chunks.append(attributes[key])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if self._foreign_depth and tag == self._foreign[-1]:
            self._foreign_depth -= 1
            if not self._foreign_depth:
                self._foreign.pop()

    def handle_data(self, data):
        if not self._skip and not self._foreign_depth and data.strip():
            self.chunks.append(" ".join(data.split()))


def english_only_strings(lang: str) -> set[str]:
    """Our English msgids whose translation in `lang` differs: seeing one on a `lang` page is a bug."""
    po = (ROOT / "locale" / lang / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    out = set()
    for msgid in entries(po):
        msgid = msgid.replace('\\"', '"')
        if "%" in msgid or "{" in msgid or len(msgid) < 4:
            continue
        with translation.override(lang):
            if translation.gettext(msgid) != msgid:
                out.add(msgid)
    return out


PUBLIC_PAGES = [
    "/{lang}/",
    "/{lang}/accounts/signup/",
    "/{lang}/accounts/login/",
    "/{lang}/organisations/",
    "/{lang}/accounts/password/reset/",
    "/{lang}/quickscan/",
    "/{lang}/quickscan/how-we-score/",
    "/{lang}/instruments/",
    "/{lang}/atlas/",
]
MEMBER_PAGES = [
    "/{lang}/dashboard/",
    "/{lang}/instruments/for-my-organisation/",
    "/{lang}/instruments/saved/",
    "/{lang}/atlas/profile/",
    "/{lang}/atlas/partners/",
    "/{lang}/atlas/contacts/",
]
STAFF_PAGES = [
    "/{lang}/",
    "/{lang}/organisations/",
    "/{lang}/dashboard/",
    "/{lang}/accounts/profile/",
    "/{lang}/admin/",
    "/{lang}/admin/organisations/organisation/",
    "/{lang}/atlas/import/",
    "/{lang}/admin/jobs/job/",
    "/{lang}/admin/network/project/",
]


def assert_no_english(client, urls, english, lang):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        parser = TextExtractor(lang)
        parser.feed(response.content.decode())
        leaked = sorted(set(parser.chunks) & english)
        assert leaked == [], f"{url} shows untranslated text: {leaked}"


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_german_and_dutch_pages_show_no_english_string(client, staff, alice, lang):
    english = english_only_strings(lang)
    assert english, "the catalogue has no translations to check against"
    detail = "/{lang}/organisations/" + alice.organisations.get().slug + "/"
    assert_no_english(client, [p.format(lang=lang) for p in [*PUBLIC_PAGES, detail]], english, lang)
    client.force_login(alice)
    assert_no_english(client, [p.format(lang=lang) for p in MEMBER_PAGES], english, lang)
    client.force_login(staff)
    job = Job.objects.create(
        started_by=staff,
        kind=import_jobs.KIND,
        title=import_jobs.TITLE,
        state=JobState.RUNNING,
        step=import_jobs.STEP_CHECK,
        progress_done=20,
        progress_total=80,
    )
    progress = "/{lang}/jobs/" + str(job.pk) + "/"
    assert_no_english(client, [p.format(lang=lang) for p in [*STAFF_PAGES, detail, progress]], english, lang)


def test_the_page_text_check_notices_an_untranslated_string():
    parser = TextExtractor("de")
    parser.feed('<p>Log in</p><button lang="en" title="English">EN <span>English</span></button><p>Anmelden</p>')
    assert parser.chunks == ["Log in", "Anmelden"]


def django_untranslated(lang: str) -> set[str]:
    """Strings Django's own admin, auth and core catalogues leave untranslated in `lang`."""
    import django

    root = Path(django.__file__).parent
    catalogues = [root / "conf", root / "contrib" / "admin", root / "contrib" / "auth"]
    out = set()
    for base in catalogues:
        po = base / "locale" / lang / "LC_MESSAGES" / "django.po"
        text = msgattrib(po, "--untranslated", "--no-wrap")
        out |= {m.replace('\\"', '"') for m in entries(text) if "%" not in m and "<" not in m}
    return out


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_the_admin_user_pages_show_no_string_django_left_untranslated(client, staff, alice, lang):
    client.force_login(staff)
    gaps = django_untranslated(lang)
    pages = [f"/{lang}/admin/accounts/user/add/", f"/{lang}/admin/accounts/user/{alice.pk}/change/"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        parser = TextExtractor(lang)
        parser.feed(response.content.decode())
        assert sorted(set(parser.chunks) & gaps) == [], url
