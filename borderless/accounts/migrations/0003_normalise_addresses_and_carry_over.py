"""Data for the new rules: addresses in their normal form, existing addresses count as confirmed,
recent failed log-ins carried over into the limit events, organisations signed up by people whose
intermediary or analyst role staff never confirmed wait for staff as well."""

import logging
import unicodedata
from datetime import timedelta

from django.db import migrations
from django.db.models import F
from django.utils import timezone

log = logging.getLogger("borderless.accounts")


def normalise_email(address):
    # The rule of borderless.core.accounts.normalise_email, as it was when this migration was written.
    text = unicodedata.normalize("NFKC", address.strip())
    return unicodedata.normalize("NFKC", text.casefold())


def forwards(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    LoginFailure = apps.get_model("accounts", "LoginFailure")
    LimitEvent = apps.get_model("accounts", "LimitEvent")
    Organisation = apps.get_model("organisations", "Organisation")

    # Every address in its normal form. Where two accounts' addresses have one normal form, the
    # account that logged in last (else the oldest) gets it; the others keep theirs and are logged
    # for staff, who merge or correct them in the admin.
    groups = {}
    for pk, email, last_login, joined in User.objects.values_list("pk", "email", "last_login", "date_joined"):
        groups.setdefault(normalise_email(email), []).append((pk, email, last_login, joined))
    for normal, members in groups.items():
        holder = next((m for m in members if m[1] == normal), None)
        if holder is None:
            # Logged in most recently first, then the oldest account.
            members.sort(key=lambda m: (m[2] is None, -m[2].timestamp() if m[2] else 0, m[3], m[0]))
            holder = members[0]
            User.objects.filter(pk=holder[0]).update(email=normal)
        for pk, email, _last_login, _joined in members:
            if pk != holder[0]:
                log.warning("account %s: the address %r has the same normal form as account %s's", pk, email, holder[0])

    # Addresses of existing accounts count as confirmed, from the day the account was made.
    User.objects.filter(email_verified_at__isnull=True).update(email_verified_at=F("date_joined"))

    # Failed log-ins of the last day keep counting.
    since = timezone.now() - timedelta(days=1)
    events = []
    for email, ip, at in LoginFailure.objects.filter(at__gte=since).values_list("email", "ip_address", "at"):
        events.append(LimitEvent(scope="login-address", key=normalise_email(email)[:255], at=at))
        if ip:
            events.append(LimitEvent(scope="login-client", key=ip, at=at))
    LimitEvent.objects.bulk_create(events, batch_size=500)

    # Organisations that are not companies and whose managers all asked for a role staff never
    # confirmed were created by such a sign-up: they wait for staff now, as new ones do.
    for org in (
        Organisation.objects.exclude(kind="company").filter(confirmed=True, memberships__is_manager=True).distinct()
    ):
        managers = User.objects.filter(memberships__organisation=org, memberships__is_manager=True)
        if not managers.exclude(role__in=["intermediary", "analyst"], role_confirmed=False).exists():
            Organisation.objects.filter(pk=org.pk).update(confirmed=False)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_limits_and_email_verification"),
        ("organisations", "0002_confirmation_and_review"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
