"""A stored random reference per atlas profile, replacing the one derived from SECRET_KEY.

Existing profiles keep the reference the earlier code computed (a keyed Feistel scrambling of the
organisation id, repeated here because the application no longer has it), so every ``anon-…``
address already handed out keeps working. New profiles get a random one (`new_public_reference`).
"""

import hashlib
import hmac

from django.conf import settings
from django.db import migrations, models

BATCH = 5000


def _round(value: int, rnd: int) -> int:
    digest = hmac.new(settings.SECRET_KEY.encode(), f"atlas.anonymous.{rnd}.{value}".encode(), hashlib.sha256).digest()
    return int.from_bytes(digest[:4], "big")


def legacy_reference(organisation_id: int) -> str:
    """The address the atlas gave an anonymous profile before references were stored."""
    left, right = (organisation_id >> 32) & 0xFFFFFFFF, organisation_id & 0xFFFFFFFF
    for rnd in range(4):
        left, right = right, left ^ _round(right, rnd)
    return f"anon-{(left << 32) | right:016x}"


def fill(apps, schema_editor):
    AtlasProfile = apps.get_model("atlas", "AtlasProfile")
    batch = []
    for profile in AtlasProfile.objects.filter(public_reference__isnull=True).only("pk", "organisation_id").iterator(
        chunk_size=BATCH
    ):
        profile.public_reference = legacy_reference(profile.organisation_id)
        batch.append(profile)
        if len(batch) == BATCH:
            AtlasProfile.objects.bulk_update(batch, ["public_reference"])
            batch = []
    if batch:
        AtlasProfile.objects.bulk_update(batch, ["public_reference"])


class Migration(migrations.Migration):
    dependencies = [
        ("atlas", "0003_profile_show_follower_group"),
    ]

    operations = [
        migrations.AddField(
            model_name="atlasprofile",
            name="public_reference",
            field=models.CharField(editable=False, max_length=21, null=True, verbose_name="public reference"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
    ]
