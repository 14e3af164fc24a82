from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from borderless.organisations.models import Membership

from .models import LoginFailure, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "role", "role_confirmed", "language", "is_staff", "is_active"]
    list_filter = ["role", "role_confirmed", "language", "is_staff", "is_active"]
    search_fields = ["email", "full_name"]
    inlines = [MembershipInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "language")}),
        (_("Role"), {"fields": ("role", "role_confirmed")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "language", "role", "password1", "password2")}),
    )
    actions = ["confirm_role"]

    @admin.action(description=_("Confirm the requested role"))
    def confirm_role(self, request, queryset):
        queryset.update(role_confirmed=True)


@admin.register(LoginFailure)
class LoginFailureAdmin(admin.ModelAdmin):
    list_display = ["email", "ip_address", "at"]
    search_fields = ["email", "ip_address"]
    readonly_fields = ["email", "ip_address", "at"]
