"""Who may use the collaboration network monitor: confirmed analysts (programme managers and policy
analysts) and staff. Everyone else sees the public aggregates only."""

from __future__ import annotations

from borderless.accounts.models import Role


def can_use_monitor(user) -> bool:
    """Confirmed analysts and staff; an analyst whose role staff have not confirmed yet may not."""
    return bool(user.is_authenticated and (user.is_staff or user.effective_role == Role.ANALYST))


def can_import_projects(user) -> bool:
    """Project data change every figure: analysts and staff may import, as they may compute."""
    return can_use_monitor(user)
