"""The taxonomy's labels become a translated content field (django-modeltranslation).

The columns label_en, label_de and label_nl stay as they are and keep their values: they are the
translation fields now (nullable, as modeltranslation declares them). The new base column `label`
holds the English label, copied in the same migration. Backwards, empty translations become "" again
before the columns return to NOT NULL, and the base column goes.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("atlas", "0006_models_move_to_matching_and_contacts"),
    ]

    operations = [
        *(
            migrations.AlterField(
                model_name="competence",
                name=f"label_{lang}",
                field=models.CharField(max_length=200, null=True, verbose_name="label"),
            )
            for lang in ("en", "de", "nl")
        ),
        migrations.AddField(
            model_name="competence",
            name="label",
            field=models.CharField(default="", max_length=200, verbose_name="label"),
            preserve_default=False,
        ),
        migrations.RunSQL(
            sql="UPDATE atlas_competence SET label = label_en",
            reverse_sql=(
                "UPDATE atlas_competence SET label_en = COALESCE(label_en, ''), "
                "label_de = COALESCE(label_de, ''), label_nl = COALESCE(label_nl, '')"
            ),
        ),
    ]
