"""Partner matching and contacts became apps of their own: their models move there, rows and all.

The tables are renamed (no row is copied); the atlas forgets the models, and the new apps' first
migrations take them over without touching the database.
"""

from django.db import migrations

MOVED = {
    "MatchingWeights": "matching_matchingweights",
    "ContactRequest": "contacts_contactrequest",
    "ContactEvent": "contacts_contactevent",
    "Block": "contacts_block",
    "AbuseReport": "contacts_abusereport",
    "Notification": "contacts_notification",
}


class Migration(migrations.Migration):

    dependencies = [
        ("atlas", "0005_atlasprofile_public_reference_unique"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AlterModelTable(name=name, table=table) for name, table in MOVED.items()],
            state_operations=[
        migrations.RemoveField(
            model_name='abusereport',
            name='reporter',
        ),
        migrations.RemoveField(
            model_name='abusereport',
            name='request',
        ),
        migrations.RemoveField(
            model_name='block',
            name='blocked',
        ),
        migrations.RemoveField(
            model_name='block',
            name='blocker',
        ),
        migrations.RemoveField(
            model_name='contactevent',
            name='organisation',
        ),
        migrations.RemoveField(
            model_name='contactevent',
            name='request',
        ),
        migrations.RemoveField(
            model_name='contactevent',
            name='user',
        ),
        migrations.RemoveField(
            model_name='contactrequest',
            name='broker',
        ),
        migrations.RemoveField(
            model_name='contactrequest',
            name='created_by',
        ),
        migrations.RemoveField(
            model_name='contactrequest',
            name='receiver',
        ),
        migrations.RemoveField(
            model_name='contactrequest',
            name='requester',
        ),
        migrations.RemoveField(
            model_name='notification',
            name='request',
        ),
        migrations.DeleteModel(
            name='MatchingWeights',
        ),
        migrations.RemoveField(
            model_name='notification',
            name='user',
        ),
        migrations.DeleteModel(
            name='AbuseReport',
        ),
        migrations.DeleteModel(
            name='Block',
        ),
        migrations.DeleteModel(
            name='ContactEvent',
        ),
        migrations.DeleteModel(
            name='ContactRequest',
        ),
        migrations.DeleteModel(
            name='Notification',
        ),
            ],
        ),
    ]
