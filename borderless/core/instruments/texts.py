"""Reason texts of the built-in criterion types, marked for gettext. Pure data plus two list helpers.

Every reason is one whole sentence (or two) with %(name)s placeholders; values that differ by
language (a country, a kind of organisation, a list of them) are messages translated in the same
language. German addresses the reader with "Sie", Dutch with "u".
"""

from __future__ import annotations

from collections.abc import Sequence

from borderless.core.i18n import C_, ListOf, ListStyle, Message, Translatable, _

# --- lists ---------------------------------------------------------------------------------------

MORE = _("%(list)s and %(n)s more")
LIST_LIMIT = 6  # a long list of regions or sectors shows its first entries and a count


WITH_CODE = _("%(name)s (%(code)s)")


def join_list(items: Sequence[Translatable], style: ListStyle = "plain", limit: int = LIST_LIMIT) -> ListOf | Message:
    """The items as one list: "a, b, c", or "a, b or c" with style="or"; long lists shortened.

    The words "or" and "and" are the reader's language's (Babel's list patterns), never stitched in here.
    """
    if len(items) > limit:
        return MORE.bind(list=ListOf(items[:limit]), n=len(items) - limit)
    return ListOf(items, style)


def with_code(code: str, name: Translatable | None) -> Translatable:
    """ "Twente (NL213)" when the name is known, else just the code."""
    if name is None:
        return code
    return WITH_CODE.bind(name=name, code=code)


# --- location ------------------------------------------------------------------------------------

IN_COUNTRY: dict[str, Message] = {
    "NL": _("in the Netherlands"),
    "DE": _("in Germany"),
}
ACROSS_THE_BORDER = _("across the border")

COUNTRY_DESCRIBE = _("For organisations based %(allowed)s.")
COUNTRY_MET = _("You are based %(where)s.")
COUNTRY_NOT_MET = _("Only for organisations based %(allowed)s; you are based %(where)s.")
COUNTRY_UNKNOWN = _(
    "For organisations based %(allowed)s. We do not know where you are based; add your location to your profile."
)

REGION_DESCRIBE = _("For organisations in %(allowed)s.")
REGION_MET = _("You are in %(region)s.")
REGION_MET_WITHIN = _("You are in %(region)s, and so in %(area)s.")
REGION_NOT_MET = _("Only for organisations in %(allowed)s; you are in %(region)s.")
REGION_UNKNOWN = _("For organisations in %(allowed)s. We do not know your region; add your location to your profile.")

PROGRAMME_DESCRIBE = _("For organisations in the Interreg Deutschland-Nederland programme area.")
PROGRAMME_MET = _("You are in the Interreg Deutschland-Nederland programme area.")
PROGRAMME_NOT_MET = _(
    "Only for organisations in the Interreg Deutschland-Nederland programme area; your location is outside it."
)
PROGRAMME_UNKNOWN = _(
    "For organisations in the Interreg Deutschland-Nederland programme area. We do not know your location; add it "
    "to your profile."
)

# Official names, which differ by language; the context keeps them apart from the same words elsewhere.
EUREGIO_NAMES: dict[str, Message] = {
    "euregio": C_("name of a Euregio", "EUREGIO"),
    "euregio-rhein-waal": C_("name of a Euregio", "Euregio Rhein-Waal"),
    "euregio-rhein-maas-nord": C_("name of a Euregio", "euregio rhein-maas-nord"),
    "ems-dollart-region": C_("name of a Euregio", "Ems Dollart Region"),
}
EUREGIO_DESCRIBE = _("For organisations in the area of %(allowed)s.")
EUREGIO_MET = _("You are in the area of %(euregio)s.")
EUREGIO_NOT_MET = _("Only for organisations in the area of %(allowed)s; you are in the area of %(euregio)s.")
EUREGIO_NOT_MET_NONE = _("Only for organisations in the area of %(allowed)s; your location is in no Euregio.")
EUREGIO_UNKNOWN = _(
    "For organisations in the area of %(allowed)s. We do not know your location; add it to your profile."
)

# --- the organisation ----------------------------------------------------------------------------

KIND_NAMES: dict[str, Message] = {
    "company": _("company"),
    "knowledge": _("knowledge institution"),
    "intermediary": _("intermediary"),
    "authority": _("public authority"),
    "fieldlab": _("field lab / lighthouse"),
    "hub": _("hub / EDIH"),
    "other": _("other organisation"),
}
KIND_DESCRIBE = _("Open to: %(allowed)s.")
KIND_MET = _("Open to: %(allowed)s. You are registered as: %(kind)s.")
KIND_NOT_MET = _("Only open to: %(allowed)s. You are registered as: %(kind)s.")
KIND_UNKNOWN = _("Open to: %(allowed)s. We do not know what kind of organisation you are; add it to your profile.")

# Headcount ranges; "with ..." in each language (German dative after "mit").
SIZE_UP_TO = _("up to %(max)s employees")
SIZE_FROM = _("%(min)s or more employees")
SIZE_BETWEEN = _("%(min)s to %(max)s employees")
# The firm's own size; "has ..." in each language.
SIZE_OF_FIRM: dict[str, Message] = {
    "micro": _("1–9 employees"),
    "small": _("10–49 employees"),
    "medium": _("50–249 employees"),
    "large": _("250 or more employees"),
}
SIZE_DESCRIBE = _("For firms with %(allowed)s.")
SIZE_MET = _("For firms with %(allowed)s; yours has %(size)s.")
SIZE_NOT_MET = _("Only for firms with %(allowed)s; yours has %(size)s.")
SIZE_UNKNOWN = _(
    "For firms with %(allowed)s. We do not know the size of your firm; add the number of employees to your profile."
)

SECTOR_DESCRIBE = _("For firms in these sectors (NACE): %(allowed)s.")
SECTOR_MET = _("For firms in these sectors (NACE): %(allowed)s. Your sector: %(sector)s.")
SECTOR_NOT_MET = _("Only for firms in these sectors (NACE): %(allowed)s. Your sector: %(sector)s.")
SECTOR_UNKNOWN = _(
    "For firms in these sectors (NACE): %(allowed)s. We do not know your sector; add it to your profile."
)

FOUNDED_DESCRIBE = _("For firms founded in %(since)s or later.")
FOUNDED_MET = _("For firms founded in %(since)s or later; yours was founded in %(founded)s.")
FOUNDED_NOT_MET = _("Only for firms founded in %(since)s or later; yours was founded in %(founded)s.")
FOUNDED_UNKNOWN = _(
    "For firms founded in %(since)s or later. We do not know when your firm was founded; add the year to your profile."
)

PARTNER_DESCRIBE = _("Requires a partner across the border: at least one Dutch and one German partner.")
PARTNER_MET = _("Requires a partner %(where)s; you have one.")
PARTNER_FIND = _("Requires a partner %(where)s — find one.")
PARTNER_FIND_IF_NONE = _("Requires a partner %(where)s; if you do not have one yet, find one.")

# --- the latest quickscan ------------------------------------------------------------------------

GROUP_DESCRIBE = _("Target group: %(allowed)s.")
GROUP_MET = _("Target group: %(allowed)s. Your latest quickscan: %(group)s.")
GROUP_NOT_MET = _("Only for the target group: %(allowed)s. Your latest quickscan: %(group)s.")
GROUP_UNKNOWN = _("Target group: %(allowed)s. Take the quickscan to find out which group you belong to.")

STAGES_BETWEEN = _("stages %(min)s to %(max)s")
STAGE_ONLY = _("stage %(min)s")
STAGE_OR_HIGHER = _("stage %(min)s or higher")
STAGE_OR_LOWER = _("stage %(max)s or lower")
STAGE_DESCRIBE = _("For firms at acatech %(range)s.")
STAGE_MET = _("For firms at acatech %(range)s; your latest quickscan puts you at stage %(stage)s.")
STAGE_NOT_MET = _("Only for firms at acatech %(range)s; your latest quickscan puts you at stage %(stage)s.")
STAGE_UNKNOWN = _("For firms at acatech %(range)s. Take the quickscan to find out your stage.")

TRL_BETWEEN = _("%(min)s to %(max)s")
TRL_ONLY = _("%(min)s")
TRL_OR_HIGHER = _("%(min)s or higher")
TRL_OR_LOWER = _("%(max)s or lower")
TRL_DESCRIBE = _("For projects at technology readiness level (TRL) %(range)s.")
TRL_INFO = _("For projects at technology readiness level (TRL) %(range)s; check whether your project is at that level.")

# --- names of the criterion types, for the editor ------------------------------------------------

TITLES: dict[str, Message] = {
    "country": _("Country"),
    "region": _("Region (NUTS)"),
    "programme_area": _("Interreg programme area"),
    "euregio": _("Euregio"),
    "organisation_kind": _("Kind of organisation"),
    "size_class": _("Size of the firm"),
    "sector": _("Sector (NACE)"),
    "follower_group": _("Target group"),
    "acatech_stage": _("acatech stage"),
    "technology_readiness": _("Technology readiness level (TRL)"),
    "cross_border_partner": _("Partner across the border"),
    "max_firm_age": _("Maximum age of the firm"),
    "free_text": _("Other condition (not checked)"),
}
WHAT_COUNTRY = _("country code")
WHAT_NUTS = _("NUTS code")
WHAT_EUREGIO = C_("kind of value", "Euregio")
WHAT_KIND = _("kind of organisation")
WHAT_SIZE = _("size class")
WHAT_SECTION = _("NACE section")
WHAT_DIVISION = _("NACE division")
WHAT_GROUP = _("target group")
