from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AtlasConfig(AppConfig):
    name = "borderless.atlas"
    verbose_name = _("Competence atlas and partner matching")

    def ready(self) -> None:
        # Connects the receivers that keep each process's matching index fresh (see matching_index).
        from . import matching_index  # noqa: F401
