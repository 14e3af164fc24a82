"""The atlas's project list moves into the network: each project and its participants, with their data.

An atlas project knew its title, year, a free-text programme and its participants (platform
organisations, without roles). It becomes a network project of source "atlas" (the old primary key
as its identifier; the demo's projects become the demo's), the programme read from the text (kept
as written in `programme_detail`), and one participation per participant with role "other" (the
atlas did not record roles).
"""

from django.db import migrations


def _programme(text: str) -> str:
    # A copy of models.programme_from_name as it was when this migration was written.
    name = " ".join(text.lower().replace("-", " ").split())
    if "digipro" in name or "open formula" in name or "open formule" in name:
        return "open_formula"
    for roman, code in (("vi", "interreg_vi"), ("v", "interreg_v"), ("iv", "interreg_iv")):
        if f"interreg {roman} " in f"{name} " or f"interreg {roman}a " in f"{name} ":
            return code
    if "horizon 2020" in name or "h2020" in name:
        return "h2020"
    if "horizon europe" in name:
        return "horizon_europe"
    if "eurostars" in name:
        return "eurostars"
    return "other"


KINDS = {"company", "knowledge", "authority"}


def forwards(apps, schema_editor):
    Old = apps.get_model("atlas", "Project")
    Project = apps.get_model("network", "Project")
    Participation = apps.get_model("network", "Participation")
    # Projects imported before start years existed.
    for project in Project.objects.filter(start_year__isnull=True, start_date__isnull=False):
        project.start_year = project.start_date.year
        project.save(update_fields=["start_year"])
    for old in Old.objects.prefetch_related("participants__town").order_by("pk"):
        source, source_id = "atlas", str(old.pk)
        if old.title.startswith("Demo project "):  # the demo's own projects stay the demo's
            source, source_id = "demo", old.title.removeprefix("Demo project ").split(":")[0]
        project, _ = Project.objects.get_or_create(
            source=source,
            source_id=source_id,
            defaults={
                "title": old.title,
                "start_year": old.year,
                "programme": _programme(old.programme),
                "programme_detail": old.programme,
            },
        )
        for org in old.participants.all():
            Participation.objects.get_or_create(
                project=project,
                organisation=org,
                defaults={
                    "name": org.name,
                    # An organisation without a town (possible once organisations.0005 ran) keeps its country.
                    "country": org.town.country if org.town is not None else getattr(org, "country", ""),
                    "city": org.town.name if org.town is not None else "",
                    "nuts_code": org.town.nuts3_id if org.town is not None else "",
                    "kind": org.kind if org.kind in KINDS else "other",
                    "role": "other",
                },
            )


def backwards(apps, schema_editor):
    Old = apps.get_model("atlas", "Project")
    Project = apps.get_model("network", "Project")
    for project in Project.objects.filter(source="atlas").prefetch_related("participations"):
        old = Old.objects.create(
            title=project.title[:200], year=project.start_year, programme=project.programme_detail[:120]
        )
        old.participants.set([p.organisation_id for p in project.participations.all() if p.organisation_id])
        project.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0002_project_from_atlas_and_figures"),
        ("atlas", "0008_atlasprofile_contact_phone_e164"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
