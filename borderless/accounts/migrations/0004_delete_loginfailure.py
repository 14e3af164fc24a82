from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_normalise_addresses_and_carry_over"),
    ]

    operations = [
        migrations.DeleteModel(name="LoginFailure"),
    ]
