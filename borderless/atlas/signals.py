"""What the atlas tells whoever keeps derived data (the partner-matching index) about writes that send
no model signals."""

from django.dispatch import Signal

# Sent after a bulk import wrote profiles with COPY or bulk_create: caches of profiles are stale.
profiles_bulk_written = Signal()
