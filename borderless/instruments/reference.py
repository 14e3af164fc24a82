"""Reference names for the core's criteria: NUTS region names and NACE labels from the database."""

from __future__ import annotations

from borderless.core.i18n import Content
from borderless.core.instruments import Reference
from borderless.organisations.models import NaceDivision, NutsRegion


def core_reference() -> Reference:
    regions = dict(NutsRegion.objects.values_list("code", "name"))
    sectors = {
        code: Content(en, de, nl)
        for code, en, de, nl in NaceDivision.objects.values_list("code", "label_en", "label_de", "label_nl")
    }
    return Reference(regions=regions, sectors=sectors)
