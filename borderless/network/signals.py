"""What the network app tells whoever keeps derived data (the partner-matching index, the stored
figures) about writes that send no model signals."""

from django.dispatch import Signal

# Sent after an import wrote projects or participations with COPY, bulk_create or queryset updates.
participations_bulk_written = Signal()
