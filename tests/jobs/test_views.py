"""The progress page and its JSON endpoint: the starter's and staff's only, readable without script."""

from __future__ import annotations

import pytest
from django.utils import timezone

from borderless.jobs.models import Job, JobState
from tests.jobs import tasks

pytestmark = pytest.mark.django_db


def make_job(user, **fields) -> Job:
    fields.setdefault("title", tasks.STEP)
    return Job.objects.create(started_by=user, kind="count", **fields)


def test_the_starter_sees_a_progress_bar_that_reloads_without_script(client, alice):
    job = make_job(alice, state=JobState.RUNNING, progress_done=20, progress_total=80, step=tasks.STEP)
    client.force_login(alice)

    page = client.get(f"/en/jobs/{job.pk}/").content.decode()

    assert '<progress id="job-progress" class="job-progress" max="80" value="20"' in page
    assert '<label for="job-progress">Progress</label>' in page
    assert 'aria-live="polite"' in page and "Checking the rows: 20 of 80" in page
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    assert f'href="/en/jobs/{job.pk}/"' in page  # the reload link
    assert "js/job-progress.js" in page


def test_the_page_speaks_the_viewers_language(client, alice):
    job = make_job(alice, state=JobState.RUNNING, progress_done=1, progress_total=2, step=tasks.STEP)
    client.force_login(alice)
    page = client.get(f"/nl/jobs/{job.pk}/").content.decode()
    assert "Rijen controleren: 1 van 2" in page
    assert '<label for="job-progress">Voortgang</label>' in page
    assert "Opnieuw laden om de voortgang te zien" in page


def test_the_status_endpoint_answers_plain_values(client, alice):
    job = make_job(alice, state=JobState.RUNNING, progress_done=5, progress_total=10, step=tasks.STEP)
    client.force_login(alice)

    status = client.get(f"/en/jobs/{job.pk}/status.json").json()

    assert status == {
        "id": job.pk,
        "state": "running",
        "state_label": "Running",
        "step": "Checking the rows",
        "done": 5,
        "total": 10,
        "percent": 50,
        "finished": False,
        "text": "Checking the rows: 5 of 10",
    }


def test_a_queued_job_waits_with_an_indeterminate_bar(client, alice):
    job = make_job(alice)
    client.force_login(alice)
    page = client.get(f"/en/jobs/{job.pk}/").content.decode()
    assert "Waiting for a worker to start the job." in page
    assert 'max="1" aria-describedby' in page  # no value: the bar is indeterminate


def test_others_get_not_found_and_staff_may_look(client, alice, bob, staff):
    job = make_job(alice, state=JobState.RUNNING)
    client.force_login(bob)
    assert client.get(f"/en/jobs/{job.pk}/").status_code == 404
    assert client.get(f"/en/jobs/{job.pk}/status.json").status_code == 404
    assert client.get("/en/jobs/999999/").status_code == 404
    client.force_login(staff)
    assert client.get(f"/en/jobs/{job.pk}/").status_code == 200
    system_job = make_job(None)
    assert client.get(f"/en/jobs/{system_job.pk}/").status_code == 200
    client.force_login(bob)
    assert client.get(f"/en/jobs/{system_job.pk}/").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, alice):
    job = make_job(alice)
    response = client.get(f"/en/jobs/{job.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_finished_job_links_to_its_result(client, alice):
    job = make_job(
        alice,
        state=JobState.DONE,
        progress_done=3,
        progress_total=3,
        finished_at=timezone.now(),
        summary=tasks.SUMMARY,
        summary_params={"organisations": 3, "offers": 1, "needs": 2},
        result_url_name="atlas:search",
    )
    client.force_login(alice)
    page = client.get(f"/en/jobs/{job.pk}/").content.decode()
    assert "The job is done." in page
    assert "Imported: 3 organisations with 1 offers and 2 needs." in page
    assert 'href="/en/atlas/" data-testid="job-result-link"' in page
    assert "http-equiv" not in page and 'data-job-finished="true"' in page


def test_a_failed_job_shows_its_report_by_line_and_column(client, alice):
    job = make_job(
        alice,
        state=JobState.FAILED,
        finished_at=timezone.now(),
        error=tasks.REFUSED,
        error_report=[{"line": 3, "column": "town_geonameid", "message": "Unknown town “x”."}],
        error_count=1,
    )
    client.force_login(alice)
    page = client.get(f"/en/jobs/{job.pk}/").content.decode()
    assert 'role="alert"' in page and "The uploaded file is no longer there." in page
    assert "1 problem in the file" in page
    assert "<td>3</td><td>town_geonameid</td><td>Unknown town “x”.</td>" in page
