from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "borderless.matching"
    verbose_name = _("Partner matching")

    def ready(self) -> None:
        # Connects the receivers that keep each process's matching index fresh (see index.py).
        from . import index  # noqa: F401
