"""Jobs in the admin, read-only: who started what, how far it got and how it ended."""

from __future__ import annotations

from django.contrib import admin

from .models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["pk", "kind", "state", "started_by", "progress_done", "progress_total", "created_at", "finished_at"]
    list_filter = ["state", "kind"]
    list_select_related = ["started_by"]
    search_fields = ["kind", "started_by__email", "task_result_id"]
    readonly_fields = [f.name for f in Job._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
