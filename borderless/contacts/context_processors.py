"""Template context for every page: the number of unread contact notifications, for the header badge."""

from __future__ import annotations

from django.http import HttpRequest

from .selectors import unread_count


def notifications(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)

    # A callable: the template calls it (and the database is asked) only where the badge is rendered.
    def count() -> int:
        return unread_count(user=user) if user is not None else 0

    return {"atlas_unread_notifications": count}
