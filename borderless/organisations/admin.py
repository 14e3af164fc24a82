from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from borderless.accounts.services import confirmation_grant

from .models import Euregio, Membership, NaceDivision, NutsRegion, Organisation, Town


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
class NaceDivisionAdmin(admin.ModelAdmin):
    list_display = ["code", "section", "label_en", "label_de", "label_nl"]
    search_fields = ["code", "label_en", "label_de", "label_nl"]


@admin.register(Town)
class TownAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "nuts3", "latitude", "longitude", "population"]
    list_filter = ["country", "nuts3__in_programme_area"]
    search_fields = ["name", "nuts3__name", "nuts3__code"]
    readonly_fields = ["geonameid", "latitude", "longitude", "population"]
    autocomplete_fields = ["nuts3"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class WaitingForConfirmation(admin.SimpleListFilter):
    title = _("waiting for confirmation")
    parameter_name = "waiting"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes"))]

    def queryset(self, request, queryset):
        return queryset.filter(confirmed=False) if self.value() == "yes" else queryset


class ToBeReviewed(admin.SimpleListFilter):
    title = _("to be reviewed")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes"))]

    def queryset(self, request, queryset):
        return queryset.exclude(review_reason="") if self.value() == "yes" else queryset


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "town", "size_class", "sector", "listed_publicly", "confirmed", "review_reason"]
    list_filter = [
        WaitingForConfirmation,
        ToBeReviewed,
        "kind",
        "town__country",
        "size_class",
        "listed_publicly",
        "town__nuts3__in_programme_area",
    ]
    search_fields = ["name", "town__name"]
    autocomplete_fields = ["town", "sector"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["town", "sector"]
    inlines = [MembershipInline]
    actions = ["confirm"]

    @admin.action(description=_("Confirm the organisation and the roles its managers asked for"))
    def confirm(self, request, queryset):
        _people, organisations = confirmation_grant(organisations=queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d organisation confirmed, together with its managers' roles.",
                "%(count)d organisations confirmed, together with their managers' roles.",
                organisations,
            )
            % {"count": organisations},
            messages.SUCCESS,
        )
