from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from borderless.organisations.models import Membership

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
