"""Every profile now has its reference: make it required and unique (in its own transaction, after the fill)."""

from django.db import migrations, models

import borderless.atlas.models


class Migration(migrations.Migration):
    dependencies = [
        ("atlas", "0004_atlasprofile_public_reference"),
    ]

    operations = [
        migrations.AlterField(
            model_name="atlasprofile",
            name="public_reference",
            field=models.CharField(
                default=borderless.atlas.models.new_public_reference,
                editable=False,
                max_length=21,
                unique=True,
                verbose_name="public reference",
            ),
        ),
    ]
