"""The staff's form for the partner score's weights."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from borderless.core.matching import COMPONENTS, Weights

from .models import MatchingWeights


class MatchingWeightsForm(forms.ModelForm):
    """One weight per component; only their proportions matter, so they must not all be zero."""

    class Meta:
        model = MatchingWeights
        fields = list(COMPONENTS)

    def clean(self):
        cleaned = super().clean()
        values = {name: cleaned.get(name) for name in COMPONENTS}
        if any(value is None for value in values.values()):
            return cleaned  # the field errors say what is missing
        try:
            Weights(**values)
        except ValueError:
            raise forms.ValidationError(
                _("Weights must not be negative, and at least one must be above zero."), code="weights"
            ) from None
        return cleaned
