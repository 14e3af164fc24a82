"""Partner matching: the weights of the partner score, set by staff."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MatchingWeights(models.Model):
    """Staff-configurable weights of the partner score (one row)."""

    complementarity = models.FloatField(_("complementarity"), default=0.35)
    reciprocity = models.FloatField(_("reciprocity"), default=0.15)
    common_ground = models.FloatField(_("common ground"), default=0.10)
    proximity = models.FloatField(_("proximity"), default=0.20)
    maturity = models.FloatField(_("maturity fit"), default=0.10)
    novelty = models.FloatField(_("never cooperated before"), default=0.10)
    closure = models.FloatField(_("partners of partners across the border"), default=0.10)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("matching weights")
        verbose_name_plural = _("matching weights")

    def __str__(self) -> str:
        return str(_("Matching weights"))
