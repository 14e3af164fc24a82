"""Start-up checks of the accounts settings."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, register

from borderless.core.network_address import parse_networks


@register()
def trusted_proxies_check(app_configs=None, **kwargs):
    try:
        parse_networks(getattr(settings, "TRUSTED_PROXIES", ()))
    except ValueError as error:
        return [
            Error(
                f"TRUSTED_PROXIES: {error}",
                hint="List IP addresses or networks such as 10.0.0.0/8, separated by commas.",
                id="accounts.E001",
            )
        ]
    return []
