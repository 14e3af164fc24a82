"""Completed quickscans for the result, history and export tests, made through the services."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from borderless.organisations.models import Organisation
from borderless.quickscan.models import Assessment
from borderless.quickscan.services import assessment_complete, assessment_start
from tests.conftest import make_org
from tests.core.quickscan import builders


def fast_follower_answers() -> dict[str, object]:
    """A small Dutch machine builder at stage 2 with an ERP and IoT in use, not connected."""
    answers = builders.nothing_yet()
    builders.stages_yes(answers, 2)
    builders.use(answers, "in_use", "erp", "iot")
    answers["D1.Q2"] = builders.all_ticked("D1.Q2")
    answers["D2.Q3"] = builders.all_ticked("D2.Q3")
    answers["D3.Q5"] = builders.all_ticked("D3.Q5")[:3]
    return answers


def complete(
    organisation: Organisation | None,
    answers: dict[str, object] | None = None,
    *,
    anonymous_key: str = "",
    days_ago: int = 0,
    share_for_research: bool = False,
) -> Assessment:
    """A completed quickscan of `organisation` (or of a visitor), `days_ago` days back."""
    draft = assessment_start(organisation=organisation, anonymous_key=anonymous_key, language="en")
    assessment = assessment_complete(
        assessment=draft,
        answers=answers if answers is not None else builders.nothing_yet(),
        share_for_research=share_for_research,
    )
    if days_ago:
        Assessment.objects.filter(pk=assessment.pk).update(completed_at=timezone.now() - timedelta(days=days_ago))
        assessment.refresh_from_db()
    return assessment


def peer_firms(count: int, *, country: str = "NL", size_class: str = "small", sector: str = "28", d1_items: int = 0):
    """`count` other firms with one completed quickscan each, of the given country, size and sector.

    Each ticks `d1_items` readiness items of Q2 (D1 = 10 × 10 × items / 10 / 2 = 5 × items).
    """
    town = {"NL": ("Hengelo", "NL213"), "DE": ("Bocholt", "DEA34")}[country]
    firms = []
    for i in range(count):
        org = make_org(f"Peer {country} {size_class} {sector} {i}", town_name=town[0], country=country)
        answers = builders.nothing_yet()
        answers.update(
            {
                "C.country": f"C.country.{country}",
                "C.size_class": f"C.size_class.{size_class}",
                "C.sector": sector,
                "C.region": town[1],
            }
        )
        if d1_items:
            answers["D1.Q2"] = builders.all_ticked("D1.Q2")[:d1_items]
        firms.append(complete(org, answers))
    return firms
