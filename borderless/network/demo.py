"""The demo's past projects: the atlas plans who worked with whom, the network stores them."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from borderless.organisations.models import Organisation

from .models import Participation, Project, Role, participant_kind_of, programme_from_name

DEMO_SOURCE = "demo"


def _participation(org: Organisation, *, lead: bool) -> dict:
    return {
        "name": org.name,
        "country": org.country,
        "city": org.town.name if org.town is not None else "",
        "nuts_code": org.town.nuts3_id if org.town is not None else "",
        "kind": participant_kind_of(org.kind),
        "role": Role.LEAD if lead else Role.PARTNER,
    }


@transaction.atomic
def network_demo_seed(*, projects: Iterable[tuple[str, str, int, str, tuple[str, ...]]]) -> tuple[int, int]:
    """Create or repair the demo's projects (key, title, year, programme, participant slugs); idempotent.

    Returns how many projects were created and how many repaired.
    """
    projects = list(projects)
    slugs = {slug for *_rest, participants in projects for slug in participants}
    by_slug = {o.slug: o for o in Organisation.objects.filter(slug__in=slugs).select_related("town")}
    current = {p.source_id: p for p in Project.objects.filter(source=DEMO_SOURCE).prefetch_related("participations")}
    created = updated = 0
    for key, title, year, programme, participants in projects:
        source_id = key.removeprefix("Demo project ")
        values = {
            "title": title,
            "start_year": year,
            "programme": programme_from_name(programme),
            "programme_detail": programme,
        }
        wanted = {
            by_slug[slug].pk: _participation(by_slug[slug], lead=number == 0)
            for number, slug in enumerate(participants)
        }
        project = current.get(source_id)
        if project is None:
            project = Project.objects.create(source=DEMO_SOURCE, source_id=source_id, **values)
            created += 1
        elif any(getattr(project, f) != v for f, v in values.items()) or {
            p.organisation_id: p.role for p in project.participations.all()
        } != {pk: v["role"] for pk, v in wanted.items()}:
            Project.objects.filter(pk=project.pk).update(**values)
            project.participations.all().delete()
            updated += 1
        else:
            continue
        for org_id, participation in wanted.items():
            Participation.objects.create(project=project, organisation_id=org_id, **participation)
    return created, updated
