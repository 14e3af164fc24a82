"""The partner score's weights in the admin: one row, set by staff."""

from __future__ import annotations

from django.contrib import admin

from .models import MatchingWeights


@admin.register(MatchingWeights)
class MatchingWeightsAdmin(admin.ModelAdmin):
    list_display = ["__str__", "complementarity", "reciprocity", "common_ground", "proximity", "maturity", "novelty"]

    def has_add_permission(self, request):
        return not MatchingWeights.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
