"""Reason texts of the built-in criterion types (en/de/nl). Pure data plus two list helpers.

Every reason is one whole sentence (or two) with %(name)s placeholders; values that differ by
language (a country, a kind of organisation, a list of them) are `Text`s rendered in the same
language. German addresses the reader with "Sie", Dutch with "u".
"""

from __future__ import annotations

from collections.abc import Sequence

from borderless.core.quickscan.text import LANGUAGES, Text

T = Text

# --- lists ---------------------------------------------------------------------------------------

OR = T("or", "oder", "of")
MORE = T("%(list)s and %(n)s more", "%(list)s und %(n)s weitere", "%(list)s en %(n)s andere")
LIST_LIMIT = 6  # a long list of regions or sectors shows its first entries and a count


def _in(lang: str, item: Text | str) -> str:
    return item.get(lang) if isinstance(item, Text) else item


def join_list(items: Sequence[Text | str], last: Text | None = None, limit: int = LIST_LIMIT) -> Text:
    """The items as one list per language: "a, b, c", or "a, b or c" with last=OR; long lists shortened."""
    shown, rest = list(items[:limit]), len(items) - limit

    def one(lang: str) -> str:
        words = [_in(lang, item) for item in shown]
        if rest > 0:
            return MORE.render(lang, {"list": ", ".join(words), "n": rest})
        if last is not None and len(words) > 1:
            return f"{', '.join(words[:-1])} {last.get(lang)} {words[-1]}"
        return ", ".join(words)

    return Text(*(one(lang) for lang in LANGUAGES))


def with_code(code: str, name: Text | str | None) -> Text | str:
    """ "Twente (NL213)" when the name is known, else just the code."""
    if name is None:
        return code
    return Text(*(f"{_in(lang, name)} ({code})" for lang in LANGUAGES))


# --- location ------------------------------------------------------------------------------------

IN_COUNTRY: dict[str, Text] = {
    "NL": T("in the Netherlands", "in den Niederlanden", "in Nederland"),
    "DE": T("in Germany", "in Deutschland", "in Duitsland"),
}
ACROSS_THE_BORDER = T("across the border", "auf der anderen Seite der Grenze", "aan de andere kant van de grens")

COUNTRY_DESCRIBE = T(
    "For organisations based %(allowed)s.",
    "Für Organisationen mit Sitz %(allowed)s.",
    "Voor organisaties gevestigd %(allowed)s.",
)
COUNTRY_MET = T("You are based %(where)s.", "Sie haben Ihren Sitz %(where)s.", "U bent gevestigd %(where)s.")
COUNTRY_NOT_MET = T(
    "Only for organisations based %(allowed)s; you are based %(where)s.",
    "Nur für Organisationen mit Sitz %(allowed)s; Sie haben Ihren Sitz %(where)s.",
    "Alleen voor organisaties gevestigd %(allowed)s; u bent gevestigd %(where)s.",
)
COUNTRY_UNKNOWN = T(
    "For organisations based %(allowed)s. We do not know where you are based; add your location to your profile.",
    "Für Organisationen mit Sitz %(allowed)s. Wir wissen nicht, wo Sie Ihren Sitz haben; ergänzen Sie Ihren "
    "Standort in Ihrem Profil.",
    "Voor organisaties gevestigd %(allowed)s. We weten niet waar u gevestigd bent; vul uw locatie aan in uw profiel.",
)

REGION_DESCRIBE = T(
    "For organisations in %(allowed)s.",
    "Für Organisationen in %(allowed)s.",
    "Voor organisaties in %(allowed)s.",
)
REGION_MET = T("You are in %(region)s.", "Ihr Standort liegt in %(region)s.", "U bent gevestigd in %(region)s.")
REGION_MET_WITHIN = T(
    "You are in %(region)s, and so in %(area)s.",
    "Ihr Standort liegt in %(region)s und damit in %(area)s.",
    "U bent gevestigd in %(region)s en dus in %(area)s.",
)
REGION_NOT_MET = T(
    "Only for organisations in %(allowed)s; you are in %(region)s.",
    "Nur für Organisationen in %(allowed)s; Ihr Standort liegt in %(region)s.",
    "Alleen voor organisaties in %(allowed)s; u bent gevestigd in %(region)s.",
)
REGION_UNKNOWN = T(
    "For organisations in %(allowed)s. We do not know your region; add your location to your profile.",
    "Für Organisationen in %(allowed)s. Wir kennen Ihre Region nicht; ergänzen Sie Ihren Standort in Ihrem Profil.",
    "Voor organisaties in %(allowed)s. We kennen uw regio niet; vul uw locatie aan in uw profiel.",
)

PROGRAMME_DESCRIBE = T(
    "For organisations in the Interreg Deutschland-Nederland programme area.",
    "Für Organisationen im Programmgebiet von Interreg Deutschland-Nederland.",
    "Voor organisaties in het programmagebied van Interreg Deutschland-Nederland.",
)
PROGRAMME_MET = T(
    "You are in the Interreg Deutschland-Nederland programme area.",
    "Ihr Standort liegt im Programmgebiet von Interreg Deutschland-Nederland.",
    "U bent gevestigd in het programmagebied van Interreg Deutschland-Nederland.",
)
PROGRAMME_NOT_MET = T(
    "Only for organisations in the Interreg Deutschland-Nederland programme area; your location is outside it.",
    "Nur für Organisationen im Programmgebiet von Interreg Deutschland-Nederland; Ihr Standort liegt außerhalb.",
    "Alleen voor organisaties in het programmagebied van Interreg Deutschland-Nederland; uw vestiging ligt erbuiten.",
)
PROGRAMME_UNKNOWN = T(
    "For organisations in the Interreg Deutschland-Nederland programme area. We do not know your location; add it "
    "to your profile.",
    "Für Organisationen im Programmgebiet von Interreg Deutschland-Nederland. Wir kennen Ihren Standort nicht; "
    "ergänzen Sie ihn in Ihrem Profil.",
    "Voor organisaties in het programmagebied van Interreg Deutschland-Nederland. We kennen uw locatie niet; vul "
    "die aan in uw profiel.",
)

EUREGIO_NAMES: dict[str, Text] = {
    "euregio": T("EUREGIO", "EUREGIO", "EUREGIO"),
    "euregio-rhein-waal": T("Euregio Rhein-Waal", "Euregio Rhein-Waal", "Euregio Rijn-Waal"),
    "euregio-rhein-maas-nord": T("euregio rhein-maas-nord", "euregio rhein-maas-nord", "euregio rijn-maas-noord"),
    "ems-dollart-region": T("Ems Dollart Region", "Ems Dollart Region", "Eems Dollard Regio"),
}
EUREGIO_DESCRIBE = T(
    "For organisations in the area of %(allowed)s.",
    "Für Organisationen im Gebiet von %(allowed)s.",
    "Voor organisaties in het gebied van %(allowed)s.",
)
EUREGIO_MET = T(
    "You are in the area of %(euregio)s.",
    "Ihr Standort liegt im Gebiet von %(euregio)s.",
    "U bent gevestigd in het gebied van %(euregio)s.",
)
EUREGIO_NOT_MET = T(
    "Only for organisations in the area of %(allowed)s; you are in the area of %(euregio)s.",
    "Nur für Organisationen im Gebiet von %(allowed)s; Ihr Standort liegt im Gebiet von %(euregio)s.",
    "Alleen voor organisaties in het gebied van %(allowed)s; u bent gevestigd in het gebied van %(euregio)s.",
)
EUREGIO_NOT_MET_NONE = T(
    "Only for organisations in the area of %(allowed)s; your location is in no Euregio.",
    "Nur für Organisationen im Gebiet von %(allowed)s; Ihr Standort liegt in keiner Euregio.",
    "Alleen voor organisaties in het gebied van %(allowed)s; uw vestiging ligt in geen enkele euregio.",
)
EUREGIO_UNKNOWN = T(
    "For organisations in the area of %(allowed)s. We do not know your location; add it to your profile.",
    "Für Organisationen im Gebiet von %(allowed)s. Wir kennen Ihren Standort nicht; ergänzen Sie ihn in Ihrem Profil.",
    "Voor organisaties in het gebied van %(allowed)s. We kennen uw locatie niet; vul die aan in uw profiel.",
)

# --- the organisation ----------------------------------------------------------------------------

KIND_NAMES: dict[str, Text] = {
    "company": T("company", "Unternehmen", "bedrijf"),
    "knowledge": T("knowledge institution", "Wissenseinrichtung", "kennisinstelling"),
    "intermediary": T("intermediary", "Intermediär", "intermediair"),
    "authority": T("public authority", "Behörde", "overheid"),
    "fieldlab": T("field lab / lighthouse", "Fieldlab / Leuchtturmprojekt", "fieldlab / lighthouse"),
    "hub": T("hub / EDIH", "Hub / EDIH", "hub / EDIH"),
}
KIND_DESCRIBE = T("Open to: %(allowed)s.", "Offen für: %(allowed)s.", "Open voor: %(allowed)s.")
KIND_MET = T(
    "Open to: %(allowed)s. You are registered as: %(kind)s.",
    "Offen für: %(allowed)s. Sie sind eingetragen als: %(kind)s.",
    "Open voor: %(allowed)s. U bent ingeschreven als: %(kind)s.",
)
KIND_NOT_MET = T(
    "Only open to: %(allowed)s. You are registered as: %(kind)s.",
    "Nur offen für: %(allowed)s. Sie sind eingetragen als: %(kind)s.",
    "Alleen open voor: %(allowed)s. U bent ingeschreven als: %(kind)s.",
)
KIND_UNKNOWN = T(
    "Open to: %(allowed)s. We do not know what kind of organisation you are; add it to your profile.",
    "Offen für: %(allowed)s. Wir wissen nicht, welche Art von Organisation Sie sind; ergänzen Sie das in Ihrem Profil.",
    "Open voor: %(allowed)s. We weten niet wat voor organisatie u bent; vul dat aan in uw profiel.",
)

# Headcount ranges; "with ..." in each language (German dative after "mit").
SIZE_UP_TO = T("up to %(max)s employees", "bis zu %(max)s Beschäftigten", "maximaal %(max)s medewerkers")
SIZE_FROM = T("%(min)s or more employees", "%(min)s oder mehr Beschäftigten", "%(min)s of meer medewerkers")
SIZE_BETWEEN = T(
    "%(min)s to %(max)s employees", "%(min)s bis %(max)s Beschäftigten", "%(min)s tot en met %(max)s medewerkers"
)
# The firm's own size; "has ..." in each language.
SIZE_OF_FIRM: dict[str, Text] = {
    "micro": T("1–9 employees", "1–9 Beschäftigte", "1–9 medewerkers"),
    "small": T("10–49 employees", "10–49 Beschäftigte", "10–49 medewerkers"),
    "medium": T("50–249 employees", "50–249 Beschäftigte", "50–249 medewerkers"),
    "large": T("250 or more employees", "250 oder mehr Beschäftigte", "250 of meer medewerkers"),
}
SIZE_DESCRIBE = T("For firms with %(allowed)s.", "Für Unternehmen mit %(allowed)s.", "Voor bedrijven met %(allowed)s.")
SIZE_MET = T(
    "For firms with %(allowed)s; yours has %(size)s.",
    "Für Unternehmen mit %(allowed)s; Ihr Unternehmen hat %(size)s.",
    "Voor bedrijven met %(allowed)s; uw bedrijf heeft %(size)s.",
)
SIZE_NOT_MET = T(
    "Only for firms with %(allowed)s; yours has %(size)s.",
    "Nur für Unternehmen mit %(allowed)s; Ihr Unternehmen hat %(size)s.",
    "Alleen voor bedrijven met %(allowed)s; uw bedrijf heeft %(size)s.",
)
SIZE_UNKNOWN = T(
    "For firms with %(allowed)s. We do not know the size of your firm; add the number of employees to your profile.",
    "Für Unternehmen mit %(allowed)s. Wir kennen die Größe Ihres Unternehmens nicht; ergänzen Sie die Zahl der "
    "Beschäftigten in Ihrem Profil.",
    "Voor bedrijven met %(allowed)s. We kennen de omvang van uw bedrijf niet; vul het aantal medewerkers aan in uw "
    "profiel.",
)

SECTOR_DESCRIBE = T(
    "For firms in these sectors (NACE): %(allowed)s.",
    "Für Unternehmen dieser Branchen (NACE): %(allowed)s.",
    "Voor bedrijven in deze sectoren (NACE): %(allowed)s.",
)
SECTOR_MET = T(
    "For firms in these sectors (NACE): %(allowed)s. Your sector: %(sector)s.",
    "Für Unternehmen dieser Branchen (NACE): %(allowed)s. Ihre Branche: %(sector)s.",
    "Voor bedrijven in deze sectoren (NACE): %(allowed)s. Uw sector: %(sector)s.",
)
SECTOR_NOT_MET = T(
    "Only for firms in these sectors (NACE): %(allowed)s. Your sector: %(sector)s.",
    "Nur für Unternehmen dieser Branchen (NACE): %(allowed)s. Ihre Branche: %(sector)s.",
    "Alleen voor bedrijven in deze sectoren (NACE): %(allowed)s. Uw sector: %(sector)s.",
)
SECTOR_UNKNOWN = T(
    "For firms in these sectors (NACE): %(allowed)s. We do not know your sector; add it to your profile.",
    "Für Unternehmen dieser Branchen (NACE): %(allowed)s. Wir kennen Ihre Branche nicht; ergänzen Sie sie in Ihrem "
    "Profil.",
    "Voor bedrijven in deze sectoren (NACE): %(allowed)s. We kennen uw sector niet; vul die aan in uw profiel.",
)

FOUNDED_DESCRIBE = T(
    "For firms founded in %(since)s or later.",
    "Für Unternehmen, die %(since)s oder später gegründet wurden.",
    "Voor bedrijven die in %(since)s of later zijn opgericht.",
)
FOUNDED_MET = T(
    "For firms founded in %(since)s or later; yours was founded in %(founded)s.",
    "Für Unternehmen, die %(since)s oder später gegründet wurden; Ihr Unternehmen wurde %(founded)s gegründet.",
    "Voor bedrijven die in %(since)s of later zijn opgericht; uw bedrijf is opgericht in %(founded)s.",
)
FOUNDED_NOT_MET = T(
    "Only for firms founded in %(since)s or later; yours was founded in %(founded)s.",
    "Nur für Unternehmen, die %(since)s oder später gegründet wurden; Ihr Unternehmen wurde %(founded)s gegründet.",
    "Alleen voor bedrijven die in %(since)s of later zijn opgericht; uw bedrijf is opgericht in %(founded)s.",
)
FOUNDED_UNKNOWN = T(
    "For firms founded in %(since)s or later. We do not know when your firm was founded; add the year to your profile.",
    "Für Unternehmen, die %(since)s oder später gegründet wurden. Wir wissen nicht, wann Ihr Unternehmen gegründet "
    "wurde; ergänzen Sie das Gründungsjahr in Ihrem Profil.",
    "Voor bedrijven die in %(since)s of later zijn opgericht. We weten niet wanneer uw bedrijf is opgericht; vul het "
    "oprichtingsjaar aan in uw profiel.",
)

PARTNER_DESCRIBE = T(
    "Requires a partner across the border: at least one Dutch and one German partner.",
    "Erfordert einen Partner auf der anderen Seite der Grenze: mindestens einen niederländischen und einen deutschen "
    "Partner.",
    "Vereist een partner aan de andere kant van de grens: minstens één Nederlandse en één Duitse partner.",
)
PARTNER_MET = T(
    "Requires a partner %(where)s; you have one.",
    "Erfordert einen Partner %(where)s; Sie haben einen.",
    "Vereist een partner %(where)s; die heeft u.",
)
PARTNER_FIND = T(
    "Requires a partner %(where)s — find one.",
    "Erfordert einen Partner %(where)s – finden Sie einen.",
    "Vereist een partner %(where)s — zoek er een.",
)
PARTNER_FIND_IF_NONE = T(
    "Requires a partner %(where)s; if you do not have one yet, find one.",
    "Erfordert einen Partner %(where)s; falls Sie noch keinen haben, finden Sie einen.",
    "Vereist een partner %(where)s; als u er nog geen heeft, zoek er dan een.",
)

# --- the latest quickscan ------------------------------------------------------------------------

GROUP_DESCRIBE = T("Target group: %(allowed)s.", "Zielgruppe: %(allowed)s.", "Doelgroep: %(allowed)s.")
GROUP_MET = T(
    "Target group: %(allowed)s. Your latest quickscan: %(group)s.",
    "Zielgruppe: %(allowed)s. Ihr letzter Quickscan: %(group)s.",
    "Doelgroep: %(allowed)s. Uw laatste quickscan: %(group)s.",
)
GROUP_NOT_MET = T(
    "Only for the target group: %(allowed)s. Your latest quickscan: %(group)s.",
    "Nur für die Zielgruppe: %(allowed)s. Ihr letzter Quickscan: %(group)s.",
    "Alleen voor de doelgroep: %(allowed)s. Uw laatste quickscan: %(group)s.",
)
GROUP_UNKNOWN = T(
    "Target group: %(allowed)s. Take the quickscan to find out which group you belong to.",
    "Zielgruppe: %(allowed)s. Machen Sie den Quickscan, um zu erfahren, zu welcher Gruppe Sie gehören.",
    "Doelgroep: %(allowed)s. Doe de quickscan om te zien tot welke groep u behoort.",
)

STAGES_BETWEEN = T("stages %(min)s to %(max)s", "Stufen %(min)s bis %(max)s", "fasen %(min)s tot en met %(max)s")
STAGE_ONLY = T("stage %(min)s", "Stufe %(min)s", "fase %(min)s")
STAGE_OR_HIGHER = T("stage %(min)s or higher", "Stufe %(min)s oder höher", "fase %(min)s of hoger")
STAGE_OR_LOWER = T("stage %(max)s or lower", "Stufe %(max)s oder niedriger", "fase %(max)s of lager")
STAGE_DESCRIBE = T(
    "For firms at acatech %(range)s.",
    "Für Unternehmen auf acatech-%(range)s.",
    "Voor bedrijven in acatech-%(range)s.",
)
STAGE_MET = T(
    "For firms at acatech %(range)s; your latest quickscan puts you at stage %(stage)s.",
    "Für Unternehmen auf acatech-%(range)s; nach Ihrem letzten Quickscan stehen Sie auf Stufe %(stage)s.",
    "Voor bedrijven in acatech-%(range)s; volgens uw laatste quickscan zit u in fase %(stage)s.",
)
STAGE_NOT_MET = T(
    "Only for firms at acatech %(range)s; your latest quickscan puts you at stage %(stage)s.",
    "Nur für Unternehmen auf acatech-%(range)s; nach Ihrem letzten Quickscan stehen Sie auf Stufe %(stage)s.",
    "Alleen voor bedrijven in acatech-%(range)s; volgens uw laatste quickscan zit u in fase %(stage)s.",
)
STAGE_UNKNOWN = T(
    "For firms at acatech %(range)s. Take the quickscan to find out your stage.",
    "Für Unternehmen auf acatech-%(range)s. Machen Sie den Quickscan, um Ihre Stufe zu erfahren.",
    "Voor bedrijven in acatech-%(range)s. Doe de quickscan om uw fase te weten te komen.",
)

TRL_BETWEEN = T("%(min)s to %(max)s", "%(min)s bis %(max)s", "%(min)s tot en met %(max)s")
TRL_ONLY = T("%(min)s", "%(min)s", "%(min)s")
TRL_OR_HIGHER = T("%(min)s or higher", "%(min)s oder höher", "%(min)s of hoger")
TRL_OR_LOWER = T("%(max)s or lower", "%(max)s oder niedriger", "%(max)s of lager")
TRL_DESCRIBE = T(
    "For projects at technology readiness level (TRL) %(range)s.",
    "Für Vorhaben mit einem Technologie-Reifegrad (TRL) von %(range)s.",
    "Voor projecten met een technologische volwassenheid (TRL) van %(range)s.",
)
TRL_INFO = T(
    "For projects at technology readiness level (TRL) %(range)s; check whether your project is at that level.",
    "Für Vorhaben mit einem Technologie-Reifegrad (TRL) von %(range)s; prüfen Sie, ob Ihr Vorhaben so weit ist.",
    "Voor projecten met een technologische volwassenheid (TRL) van %(range)s; ga na of uw project dat niveau heeft.",
)

# --- names of the criterion types, for the editor ------------------------------------------------

TITLES: dict[str, Text] = {
    "country": T("Country", "Land", "Land"),
    "region": T("Region (NUTS)", "Region (NUTS)", "Regio (NUTS)"),
    "programme_area": T("Interreg programme area", "Interreg-Programmgebiet", "Interreg-programmagebied"),
    "euregio": T("Euregio", "Euregio", "Euregio"),
    "organisation_kind": T("Kind of organisation", "Art der Organisation", "Soort organisatie"),
    "size_class": T("Size of the firm", "Unternehmensgröße", "Omvang van het bedrijf"),
    "sector": T("Sector (NACE)", "Branche (NACE)", "Sector (NACE)"),
    "follower_group": T("Target group", "Zielgruppe", "Doelgroep"),
    "acatech_stage": T("acatech stage", "acatech-Stufe", "acatech-fase"),
    "technology_readiness": T(
        "Technology readiness level (TRL)", "Technologie-Reifegrad (TRL)", "Technologische volwassenheid (TRL)"
    ),
    "cross_border_partner": T(
        "Partner across the border",
        "Partner auf der anderen Seite der Grenze",
        "Partner aan de andere kant van de grens",
    ),
    "max_firm_age": T("Maximum age of the firm", "Höchstalter des Unternehmens", "Maximale leeftijd van het bedrijf"),
    "free_text": T(
        "Other condition (not checked)", "Weitere Bedingung (nicht geprüft)", "Andere voorwaarde (niet getoetst)"
    ),
}
WHAT_COUNTRY = T("country code", "Ländercode", "landcode")
WHAT_NUTS = T("NUTS code", "NUTS-Code", "NUTS-code")
WHAT_EUREGIO = T("Euregio", "Euregio", "euregio")
WHAT_KIND = T("kind of organisation", "Art der Organisation", "soort organisatie")
WHAT_SIZE = T("size class", "Größenklasse", "grootteklasse")
WHAT_SECTION = T("NACE section", "NACE-Abschnitt", "NACE-sectie")
WHAT_DIVISION = T("NACE division", "NACE-Abteilung", "NACE-afdeling")
WHAT_GROUP = T("target group", "Zielgruppe", "doelgroep")
