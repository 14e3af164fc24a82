"""The matching app takes over its models from the atlas, with their rows."""

from django.db import migrations, models


MODELS = ['matchingweights']


def content_types_follow(apps, schema_editor, *, source: str, target: str) -> None:
    """Admin history and permissions keep pointing at the same models under their new app."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=source, model__in=MODELS).update(app_label=target)


def forwards(apps, schema_editor):
    content_types_follow(apps, schema_editor, source="atlas", target="matching")


def backwards(apps, schema_editor):
    content_types_follow(apps, schema_editor, source="matching", target="atlas")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('atlas', '0006_models_move_to_matching_and_contacts'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        # The tables exist already (renamed by the atlas's migration 0006): take over the models only.
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.CreateModel(
            name='MatchingWeights',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('complementarity', models.FloatField(default=0.35, verbose_name='complementarity')),
                ('reciprocity', models.FloatField(default=0.15, verbose_name='reciprocity')),
                ('common_ground', models.FloatField(default=0.1, verbose_name='common ground')),
                ('proximity', models.FloatField(default=0.2, verbose_name='proximity')),
                ('maturity', models.FloatField(default=0.1, verbose_name='maturity fit')),
                ('novelty', models.FloatField(default=0.1, verbose_name='never cooperated before')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
            ],
            options={
                'verbose_name': 'matching weights',
                'verbose_name_plural': 'matching weights',
            },
        ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
