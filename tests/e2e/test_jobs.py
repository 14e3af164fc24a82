"""Staff import organisations from a spreadsheet's CSV: the upload starts a job that a real worker runs,
the progress page follows it (also across a reload) and ends with a link to the result or the report."""

from __future__ import annotations

import csv
import io
import re
import threading

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from borderless.accounts.models import User
from borderless.atlas import bulk_import, import_jobs
from borderless.atlas.taxonomy import taxonomy_load
from borderless.jobs.models import Job, JobState
from borderless.jobs.services import JobReporter
from borderless.organisations.models import Organisation

from ..conftest import PASSWORD
from ..jobs.worker import WorkerThread
from .steps import label, log_in, t

pytestmark = pytest.mark.e2e

ROWS = 60
STAFF_EMAIL = "import@borderless.test"


@pytest.fixture
def importer(transactional_db, settings, tmp_path):
    settings.JOB_FILES_DIR = tmp_path / "job-files"
    taxonomy_load()
    return User.objects.create_superuser(email=STAFF_EMAIL, password=PASSWORD, full_name="Import Staff", language="de")


@pytest.fixture
def worker(importer):
    thread = WorkerThread()
    thread.start()
    yield thread
    thread.stop()


def spreadsheet_csv(tmp_path, *, town_of_line_3: str | None = None):
    """The generated population as a German or Dutch spreadsheet saves it: a byte-order mark, semicolons, CRLF."""
    plain = tmp_path / "population.csv"
    call_command("generate_population", str(plain), "--n", str(ROWS), "--seed", "11", stdout=io.StringIO())
    with open(plain, encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    if town_of_line_3 is not None:
        rows[2][rows[0].index("town_geonameid")] = town_of_line_3
    path = tmp_path / "Organisationen.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file, delimiter=";", lineterminator="\r\n").writerows(rows)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfid;name;")
    return path


def upload(page, base_url: str, lang: str, path) -> None:
    page.goto(f"{base_url}/{lang}/")
    log_in(page, lang, STAFF_EMAIL, PASSWORD)
    page.goto(f"{base_url}/{lang}/atlas/import/")
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Import organisations"))
    page.get_by_label(label(t(lang, "CSV file"))).set_input_files(str(path))
    page.get_by_role("button", name=t(lang, "Upload and import")).click()
    expect(page).to_have_url(re.compile(rf"{re.escape(base_url)}/{lang}/jobs/\d+/$"))


def test_staff_import_a_spreadsheet_and_follow_it_to_the_result(
    new_context, live_server, screenshot, importer, worker, tmp_path, monkeypatch
):
    lang = "de"
    path = spreadsheet_csv(tmp_path)
    # Hold the worker once it has checked 20 rows, so that the page can be seen (and reloaded) mid-way.
    monkeypatch.setattr(bulk_import, "PROGRESS_EVERY", 10)
    halfway, go_on = threading.Event(), threading.Event()
    report = JobReporter.progress

    def progress(self, *, done, total=None, step=None):
        report(self, done=done, total=total, step=step)
        if step == import_jobs.STEP_CHECK and done >= 20 and not halfway.is_set():
            halfway.set()
            go_on.wait(timeout=30)

    monkeypatch.setattr(JobReporter, "progress", progress)
    page = new_context(locale="de-DE").new_page()

    upload(page, live_server.url, lang, path)

    assert halfway.wait(timeout=20), "the worker did not start the job"
    state = page.get_by_test_id("job-state")
    midway = t(lang, "%(step)s: %(done)s of %(total)s") % {
        "step": t(lang, import_jobs.STEP_CHECK),
        "done": 20,
        "total": 2 * ROWS,
    }
    expect(state).to_have_text(midway)
    expect(page.get_by_label(t(lang, "Progress"))).to_have_attribute("value", "20")
    screenshot(page, lang, "midway")
    page.reload()  # the state lives in the database, not in the page
    expect(state).to_have_text(midway)
    expect(page.locator("progress")).to_have_attribute("max", str(2 * ROWS))

    go_on.set()
    # The page's script sees the end and reloads into the result.
    expect(state).to_have_text(t(lang, "The job is done."), timeout=30_000)
    expect(page.locator("progress")).to_have_attribute("value", str(2 * ROWS))
    job = Job.objects.get()
    assert (job.state, job.started_by, job.language) == (JobState.DONE, importer, "de")
    assert Organisation.objects.filter(slug__startswith="synthetic-").count() == ROWS
    screenshot(page, lang, "done")

    page.get_by_test_id("job-result-link").click()
    newest = Organisation.objects.filter(slug__startswith="synthetic-", atlas_profile__visibility="public").latest("pk")
    expect(page).to_have_url(f"{live_server.url}/{lang}/atlas/{newest.slug}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(newest.name)
    assert not list(tmp_path.joinpath("job-files").iterdir()), "the uploaded copy is removed"


def test_a_refused_import_shows_its_report_on_a_phone(new_context, live_server, screenshot, importer, worker, tmp_path):
    lang = "nl"
    path = spreadsheet_csv(tmp_path, town_of_line_3="999999999")
    page = new_context(locale="nl-NL", viewport={"width": 390, "height": 844}).new_page()

    upload(page, live_server.url, lang, path)

    expect(page.get_by_test_id("job-state")).to_have_text(t(lang, "The job failed."), timeout=30_000)
    error = page.get_by_test_id("job-error")
    expect(error).to_contain_text(t(lang, import_jobs.REFUSED) % {"problems": 1, "rows": ROWS})
    row = error.get_by_role("row").filter(has_text="town_geonameid")
    expect(row).to_have_count(1)
    expect(row.get_by_role("cell").first).to_have_text("3")
    expect(error).not_to_contain_text("Traceback")
    assert not Organisation.objects.filter(slug__startswith="synthetic-").exists()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than 390 px"
    screenshot(page, lang, "refused")


def test_without_script_the_page_refreshes_itself_to_the_end(new_context, live_server, importer, tmp_path):
    lang = "en"
    path = spreadsheet_csv(tmp_path)
    page = new_context(java_script_enabled=False).new_page()

    upload(page, live_server.url, lang, path)  # the job waits: no worker runs yet
    state = page.get_by_test_id("job-state")
    expect(state).to_have_text(t(lang, "Waiting for a worker to start the job."))
    expect(page.get_by_test_id("job-reload")).to_be_visible()

    thread = WorkerThread()
    thread.start()
    try:
        # The <noscript> refresh brings the page to the end, and the reload link would too.
        expect(state).to_have_text(t(lang, "The job is done."), timeout=30_000)
    finally:
        thread.stop()
    expect(page.get_by_test_id("job-result-link")).to_be_visible()
