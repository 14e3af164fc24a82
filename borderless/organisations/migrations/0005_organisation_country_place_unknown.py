"""An organisation may have no known town (it keeps its own country), an unknown size, and the kind "other".

The country was the town's; it becomes a column of its own, filled from the town for every existing
organisation, so that one whose place is not known can keep its country. Backwards, the town becomes
required again: that fails while an organisation without a town exists, rather than invent a town.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def country_from_town(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    Town = apps.get_model("organisations", "Town")
    Organisation.objects.filter(town__isnull=False).update(
        country=Subquery(Town.objects.filter(pk=OuterRef("town_id")).values("country")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0004_organisation_pic_vat_number"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="country",
            field=models.CharField(
                choices=[("NL", "Netherlands"), ("DE", "Germany")], db_default="", max_length=2, verbose_name="country"
            ),
        ),
        migrations.RunPython(country_from_town, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="organisation",
            name="kind",
            field=models.CharField(
                choices=[
                    ("company", "Company"),
                    ("knowledge", "Knowledge institution"),
                    ("intermediary", "Intermediary"),
                    ("authority", "Public authority"),
                    ("fieldlab", "Field lab / lighthouse"),
                    ("hub", "Hub / EDIH"),
                    ("other", "Other organisation"),
                ],
                max_length=16,
                verbose_name="kind",
            ),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="size_class",
            field=models.CharField(
                blank=True,
                choices=[
                    ("micro", "Micro (1–9 employees)"),
                    ("small", "Small (10–49 employees)"),
                    ("medium", "Medium (50–249 employees)"),
                    ("large", "Large (250+ employees)"),
                ],
                max_length=8,
                verbose_name="size class",
            ),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="town",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="organisations",
                to="organisations.town",
                verbose_name="town",
            ),
        ),
    ]
