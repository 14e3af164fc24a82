"""Contact phone numbers become a phone number field, stored in E.164 ("+31531234567").

Each number is read as one of its organisation's country when it has no international prefix
("053 123 4567" of a Dutch firm becomes +31531234567, "02861 123456" of a German one +492861123456).
A number that cannot be read as a valid one is kept as it was typed, so nothing is lost: it is shown
as before, and the profile form asks for a valid number the next time the profile is saved.
Backwards, the E.164 values stay (they fit the old column).
"""

import phonenumber_field.modelfields
import phonenumbers
from django.db import migrations

FALLBACK_REGION = "NL"


def phone_e164(raw: str, region: str) -> str:
    """The number in E.164, or the text unchanged if it is no valid phone number."""
    try:
        number = phonenumbers.parse(raw, region or FALLBACK_REGION)
    except phonenumbers.NumberParseException:
        return raw
    if not phonenumbers.is_valid_number(number):
        return raw
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def numbers_to_e164(apps, schema_editor):
    AtlasProfile = apps.get_model("atlas", "AtlasProfile")
    profiles = (
        AtlasProfile.objects.exclude(contact_phone="")
        .values_list("pk", "contact_phone", "organisation__town__country")
        .order_by("pk")
    )
    for pk, raw, country in profiles.iterator():
        converted = phone_e164(raw.strip(), country)
        if converted != raw:
            AtlasProfile.objects.filter(pk=pk).update(contact_phone=converted)


class Migration(migrations.Migration):
    dependencies = [
        ("atlas", "0007_competence_label_translated"),
    ]

    operations = [
        # While the column is still plain text, so that every value is written exactly as computed.
        migrations.RunPython(numbers_to_e164, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="atlasprofile",
            name="contact_phone",
            field=phonenumber_field.modelfields.PhoneNumberField(
                blank=True, max_length=128, region=None, verbose_name="contact phone"
            ),
        ),
    ]
