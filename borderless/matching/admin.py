"""The partner score's weights in the admin: one row, set by staff."""

from __future__ import annotations

from django.contrib import admin

from borderless.core.matching import COMPONENTS

from .forms import MatchingWeightsForm
from .models import MatchingWeights


@admin.register(MatchingWeights)
class MatchingWeightsAdmin(admin.ModelAdmin):
    form = MatchingWeightsForm
    list_display = ["__str__", *COMPONENTS]  # the model has one field per component, named alike

    def has_add_permission(self, request):
        return not MatchingWeights.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
