"""Texts of the network monitor, marked for gettext (translations in the catalogues)."""

from __future__ import annotations

from borderless.core.i18n import Message, _
from borderless.core.network.phases import Phase

PHASE_TITLES: dict[Phase, Message] = {
    Phase.PRE_COOPERATION: _("Pre-cooperation"),
    Phase.BILATERAL: _("Bilateral"),
    Phase.NETWORKED: _("Networked"),
    Phase.SYSTEMIC: _("Systemic"),
}

# Gould & Fernandez's roles; "boundary_spanner" is the undirected merge of gatekeeper and representative.
ROLE_TITLES: dict[str, Message] = {
    "coordinator": _("Coordinator"),
    "itinerant": _("Itinerant broker"),
    "boundary_spanner": _("Boundary spanner"),
    "gatekeeper": _("Gatekeeper"),
    "representative": _("Representative"),
    "liaison": _("Liaison"),
}

# Why a turnover figure is missing, by reason code.
NEWCOMER_REASONS: dict[str, Message] = {
    "first_period": _("In the first period of the data every organisation would count as a newcomer."),
}
GROWTH_REASONS: dict[str, Message] = {
    "first_period": _("There is no earlier period to compare with."),
}
