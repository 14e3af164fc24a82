"""The NACE labels become a translated content field (django-modeltranslation).

The columns label_en, label_de and label_nl stay as they are and keep their values: they are the
translation fields now (nullable, as modeltranslation declares them). The new base column `label`
holds the English label, copied in the same migration. Backwards, empty translations become "" again
before the columns return to NOT NULL, and the base column goes.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_confirmation_and_review"),
    ]

    operations = [
        *(
            migrations.AlterField(
                model_name="nacedivision",
                name=f"label_{lang}",
                field=models.CharField(max_length=250, null=True, verbose_name="label"),
            )
            for lang in ("en", "de", "nl")
        ),
        migrations.AddField(
            model_name="nacedivision",
            name="label",
            field=models.CharField(default="", max_length=250, verbose_name="label"),
            preserve_default=False,
        ),
        migrations.RunSQL(
            sql="UPDATE organisations_nacedivision SET label = label_en",
            reverse_sql=(
                "UPDATE organisations_nacedivision SET label_en = COALESCE(label_en, ''), "
                "label_de = COALESCE(label_de, ''), label_nl = COALESCE(label_nl, '')"
            ),
        ),
    ]
