"""Staff handle reports of abuse in the admin."""

from __future__ import annotations

from borderless.contacts.models import AbuseReport, ContactRequest
from tests.conftest import make_org


def test_abuse_reports_can_be_marked_handled(client, staff):
    client.force_login(staff)
    a = make_org("A B.V.", town_name="Enschede", country="NL")
    b = make_org("B GmbH", town_name="Münster", country="DE")
    request = ContactRequest.objects.create(requester=a, receiver=b, message="spam")
    report = AbuseReport.objects.create(request=request, reason="spam")
    response = client.post(
        "/en/admin/contacts/abusereport/", {"action": "mark_handled", "_selected_action": [report.pk]}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.handled_at is not None
