from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("atlas", "0008_atlasprofile_contact_phone_e164"),
        ("network", "0003_projects_from_atlas"),
    ]

    operations = [migrations.DeleteModel(name="Project")]
