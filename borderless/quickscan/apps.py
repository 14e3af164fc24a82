from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuickscanConfig(AppConfig):
    name = "borderless.quickscan"
    label = "quickscan"
    verbose_name = _("Quickscan")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the log-in receiver)
