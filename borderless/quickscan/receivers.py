"""A visitor's quickscans follow them into their account.

Accounts knows nothing of quickscans: the log-in (after a password, or the link in the sign-up
mail) sends Django's ``user_logged_in``, and this receiver hands the visitor's anonymous
quickscans to the organisation the person belongs to. It decides nothing itself.
"""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import services


@receiver(user_logged_in, dispatch_uid="quickscan.attach_anonymous_on_login")
def attach_anonymous_on_login(sender, request, user, **kwargs) -> None:
    session = getattr(request, "session", None)
    anonymous_key = session.get(services.ANONYMOUS_QUICKSCAN_KEY, "") if session is not None else ""
    services.assessment_attach_for_user(anonymous_key=anonymous_key, user=user)
