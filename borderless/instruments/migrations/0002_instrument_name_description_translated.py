"""An instrument's name and description become translated content fields (django-modeltranslation).

The columns name_en … description_nl stay as they are and keep their values: they are the translation
fields now (nullable, as modeltranslation declares them). The new base columns `name` and `description`
hold the English texts, copied in the same migration; the default order is by name in the reader's
language. Backwards, empty translations become "" again before the columns return to NOT NULL, and
the base columns go.
"""

from django.db import migrations, models

LANGUAGES = ("en", "de", "nl")


class Migration(migrations.Migration):
    dependencies = [
        ("instruments", "0001_initial"),
    ]

    operations = [
        *(
            migrations.AlterField(
                model_name="instrument",
                name=f"name_{lang}",
                field=models.CharField(max_length=250, null=True, verbose_name="name"),
            )
            for lang in LANGUAGES
        ),
        *(
            migrations.AlterField(
                model_name="instrument",
                name=f"description_{lang}",
                field=models.TextField(null=True, verbose_name="description"),
            )
            for lang in LANGUAGES
        ),
        migrations.AddField(
            model_name="instrument",
            name="name",
            field=models.CharField(default="", max_length=250, verbose_name="name"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="instrument",
            name="description",
            field=models.TextField(default="", verbose_name="description"),
            preserve_default=False,
        ),
        migrations.RunSQL(
            sql="UPDATE instruments_instrument SET name = name_en, description = description_en",
            reverse_sql=(
                "UPDATE instruments_instrument SET "
                + ", ".join(
                    f"{field}_{lang} = COALESCE({field}_{lang}, '')"
                    for field in ("name", "description")
                    for lang in LANGUAGES
                )
            ),
        ),
        migrations.AlterModelOptions(
            name="instrument",
            options={"ordering": ["name"], "verbose_name": "instrument", "verbose_name_plural": "instruments"},
        ),
    ]
