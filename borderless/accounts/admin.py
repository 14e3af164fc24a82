from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from borderless.organisations.models import Membership, Organisation

from .models import LimitEvent, Role, User
from .services import CONFIRMED_ROLES, confirmation_grant


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


class YesFilter(admin.SimpleListFilter):
    """A filter with one choice, "yes", that keeps the rows `wanted` selects."""

    def lookups(self, request, model_admin):
        return [("yes", _("Yes"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(self.wanted()).distinct()
        return queryset

    def wanted(self) -> Q:
        raise NotImplementedError


class WaitingForConfirmation(YesFilter):
    title = _("waiting for confirmation")
    parameter_name = "waiting"

    def wanted(self) -> Q:
        pending = Q(role_confirmed=False) | Q(memberships__organisation__confirmed=False)
        return Q(role__in=CONFIRMED_ROLES, is_staff=False) & pending


class ToBeReviewed(YesFilter):
    title = _("to be reviewed")
    parameter_name = "review"

    def wanted(self) -> Q:
        return Q(memberships__organisation__confirmed=False) & ~Q(memberships__organisation__review_reason="")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "role", "role_confirmed", "email_verified_at", "language", "is_staff"]
    list_filter = [WaitingForConfirmation, ToBeReviewed, "role", "role_confirmed", "language", "is_staff", "is_active"]
    search_fields = ["email", "full_name"]
    inlines = [MembershipInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "language")}),
        (_("Role"), {"fields": ("role", "role_confirmed")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined", "email_verified_at")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "language", "role", "password1", "password2")}),
    )
    actions = ["confirm_role"]

    @admin.action(description=_("Confirm the requested role and the organisation"))
    def confirm_role(self, request, queryset):
        people, _organisations = confirmation_grant(users=queryset.exclude(role=Role.SME))
        self.message_user(
            request,
            ngettext(
                "%(count)d person confirmed, together with the organisation they manage.",
                "%(count)d people confirmed, together with the organisations they manage.",
                people,
            )
            % {"count": people},
            messages.SUCCESS,
        )


@admin.register(LimitEvent)
class LimitEventAdmin(admin.ModelAdmin):
    """Recent limit events (failed log-ins, reset mails, PDFs made), to see who is being limited."""

    list_display = ["scope", "key", "at"]
    list_filter = ["scope"]
    search_fields = ["key"]
    date_hierarchy = "at"
    readonly_fields = ["scope", "key", "at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# --- organisations: registered here because confirming one confirms its managers' roles ----------


class OrganisationMembershipInline(admin.TabularInline):
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
        "country",
        "size_class",
        "listed_publicly",
        "town__nuts3__in_programme_area",
    ]
    search_fields = ["name", "town__name"]
    autocomplete_fields = ["town", "sector"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["town", "sector"]
    inlines = [OrganisationMembershipInline]
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
