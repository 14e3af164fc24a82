from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .models import Euregio, NaceDivision, NutsRegion, Town

# The organisation's own admin is registered by accounts: confirming an organisation confirms the
# roles its managers asked for, which accounts owns.


@admin.register(Euregio)
class EuregioAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "website"]


@admin.register(NutsRegion)
class NutsRegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "country", "in_programme_area", "euregio", "euregio_verified"]
    list_filter = ["level", "country", "in_programme_area", "euregio", "euregio_verified"]
    list_editable = ["euregio", "euregio_verified"]
    search_fields = ["code", "name"]
    readonly_fields = ["code", "level", "country", "name", "parent", "in_programme_area"]
    fields = [
        "code",
        "level",
        "country",
        "name",
        "parent",
        "in_programme_area",
        "euregio",
        "euregio_verified",
        "euregio_note",
    ]
    actions = ["mark_verified"]

    @admin.action(description=_("Mark the Euregio assignment as verified"))
    def mark_verified(self, request, queryset):
        queryset.update(euregio_verified=True)


@admin.register(NaceDivision)
class NaceDivisionAdmin(TranslationAdmin):
    list_display = ["code", "section", "label_en", "label_de", "label_nl"]
    search_fields = ["code", "label_en", "label_de", "label_nl"]


@admin.register(Town)
class TownAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "nuts3", "latitude", "longitude", "population"]
    list_filter = ["country", "nuts3__in_programme_area"]
    search_fields = ["name", "nuts3__name", "nuts3__code"]
    readonly_fields = ["geonameid", "latitude", "longitude", "population"]
    autocomplete_fields = ["nuts3"]
