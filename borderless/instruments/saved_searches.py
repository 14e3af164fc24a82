"""Writes of saved finder searches: save, delete, and record what the last e-mail digest told."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction

from borderless.organisations.models import Organisation

from .matching import Entry
from .models import SavedSearch
from .selectors import FinderFilters

ORGANISATION_KEY = "organisation"  # in a saved query: match against this organisation's profile


def seen_of(entries: Iterable[Entry]) -> dict[str, str]:
    """What a digest remembers of the instruments it knew: identifier -> last change (ISO)."""
    return {entry.identifier: entry.updated_at.isoformat() for entry in entries}


def saved_search_create(
    *,
    user,
    name: str,
    filters: FinderFilters,
    organisation: Organisation | None,
    alerts: bool,
    entries: Iterable[Entry],
) -> SavedSearch:
    """Save a search. The instruments it finds now count as seen: the first digest tells only news."""
    query = filters.as_query()
    if organisation is not None:
        query[ORGANISATION_KEY] = organisation.slug
    return SavedSearch.objects.create(
        user=user, name=name.strip(), query=query, alerts=alerts, last_seen=seen_of(entries)
    )


def saved_search_delete(*, saved: SavedSearch) -> None:
    saved.delete()


@transaction.atomic
def saved_search_mark_sent(*, saved: SavedSearch, seen: dict[str, str], sent_at: datetime) -> None:
    SavedSearch.objects.filter(pk=saved.pk).update(last_seen=seen, last_sent_at=sent_at)
    saved.last_seen, saved.last_sent_at = seen, sent_at
