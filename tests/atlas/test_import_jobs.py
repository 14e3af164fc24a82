"""The bulk import as a job: staff upload a CSV, a worker checks and imports it; a refusal keeps its report."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command

from borderless.atlas.import_jobs import organisations_import_task
from borderless.jobs.models import Job, JobState
from borderless.organisations.models import Organisation
from tests.atlas.atlas_profiles import taxonomy  # noqa: F401
from tests.jobs.worker import run_queued_tasks

pytestmark = pytest.mark.django_db
ROWS = 30
UPLOAD = "/en/atlas/import/"


@pytest.fixture(autouse=True)
def job_files(settings, tmp_path):
    settings.JOB_FILES_DIR = tmp_path / "job-files"
    return settings.JOB_FILES_DIR


@pytest.fixture
def population(tmp_path, taxonomy):  # noqa: F811
    path = tmp_path / "population.csv"
    call_command("generate_population", str(path), "--n", str(ROWS), "--seed", "5", stdout=io.StringIO())
    return path


def as_spreadsheet(path, *, town_of_line_2: str | None = None) -> bytes:
    """The file as a spreadsheet saves it: byte-order mark, semicolons, CRLF."""
    with open(path, encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    if town_of_line_2:
        rows[1][rows[0].index("town_geonameid")] = town_of_line_2
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return "\ufeff".encode() + out.getvalue().encode()


def upload(client, content: bytes, name: str = "organisations.csv", **data):
    file = io.BytesIO(content)
    file.name = name
    return client.post(UPLOAD, {"file": file, "prefix": "synthetic-", **data})


def test_only_staff_may_open_the_upload_page(client, alice, staff):
    assert client.get(UPLOAD).status_code == 302  # to the log-in
    client.force_login(alice)
    assert client.get(UPLOAD).status_code == 403
    client.force_login(staff)
    page = client.get(UPLOAD).content.decode()
    assert 'enctype="multipart/form-data"' in page and 'type="file"' in page


def test_an_upload_starts_a_job_that_a_worker_runs_to_the_result(
    client, staff, population, job_files, django_capture_on_commit_callbacks, monkeypatch
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, as_spreadsheet(population))
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/jobs/{job.pk}/"
    assert (job.state, job.started_by, job.kind) == (JobState.QUEUED, staff, "organisations-import")
    assert len(list(job_files.iterdir())) == 1  # the upload waits for the worker

    run_queued_tasks(monkeypatch)

    job.refresh_from_db()
    assert job.state == JobState.DONE, job.error_text()
    assert Organisation.objects.filter(slug__startswith="synthetic-").count() == ROWS
    assert (job.progress_done, job.progress_total) == (2 * ROWS, 2 * ROWS)
    assert job.summary_text().startswith(f"Imported: {ROWS} organisations with ")
    assert job.result_url_name in ("atlas:detail", "atlas:search")
    page = client.get(f"/en/jobs/{job.pk}/").content.decode()
    assert 'data-testid="job-result-link"' in page
    assert list(job_files.iterdir()) == []  # the copy is gone


def test_a_bad_file_fails_the_job_with_the_rows_report_in_the_uploaders_language(
    client, staff, population, django_capture_on_commit_callbacks, monkeypatch
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        file = io.BytesIO(as_spreadsheet(population, town_of_line_2="999999999"))
        file.name = "Organisationen.csv"
        assert client.post("/de/atlas/import/", {"file": file, "prefix": "synthetic-"}).status_code == 302
    run_queued_tasks(monkeypatch)

    job = Job.objects.get()
    assert (job.state, job.language, job.error_count) == (JobState.FAILED, "de", 1)
    assert job.error_report[0]["line"] == 2 and job.error_report[0]["column"] == "town_geonameid"
    assert not Organisation.objects.filter(slug__startswith="synthetic-").exists()
    page = client.get(f"/de/jobs/{job.pk}/").content.decode()
    assert "Die Datei wurde nicht importiert: 1 Problem(e) in 30 Zeilen." in page
    assert "<td>2</td><td>town_geonameid</td>" in page


def test_the_form_refuses_other_files_and_prefixes(client, staff):
    client.force_login(staff)
    response = upload(client, b"%PDF-1.7", name="organisations.pdf", prefix="%")
    assert response.status_code == 400
    assert not Job.objects.exists()
    page = response.content.decode()
    assert "Upload a CSV file (ending in .csv)." in page and "slug prefix must be" in page


def test_the_command_can_enqueue_instead_of_importing_at_once(
    population, django_capture_on_commit_callbacks, monkeypatch
):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_organisations_csv", str(population), "--enqueue", stdout=out)
    job = Job.objects.get()
    assert f"job {job.pk}" in out.getvalue() and job.started_by is None
    assert not Organisation.objects.filter(slug__startswith="synthetic-").exists()
    run_queued_tasks(monkeypatch)
    assert Organisation.objects.filter(slug__startswith="synthetic-").count() == ROWS


def test_a_file_gone_before_the_worker_came_is_told_plainly(staff, job_files):
    job = Job.objects.create(started_by=staff, kind="organisations-import", title="Import of organisations")
    organisations_import_task.call(job_id=job.pk, file_name="gone.csv", prefix="synthetic-")
    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert job.error_text() == "The uploaded file is no longer there. Please upload it again."
