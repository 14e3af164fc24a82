"""The words of a projects sheet in English, German and Dutch: its headers, roles, kinds, phases, programmes.

Each is written as people write it; `borderless.core.spreadsheet.header_key` folds it for comparison
(case, spaces, hyphens and umlauts do not count), so "Lead-Partner" and "leadpartner" are one word.
`borderless.core.project_sheet` reads the sheet with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Programme(StrEnum):
    """The programmes a project is funded by (the network app's choices)."""

    INTERREG_IV = "interreg_iv"
    INTERREG_V = "interreg_v"
    INTERREG_VI = "interreg_vi"
    OPEN_FORMULA = "open_formula"
    H2020 = "h2020"
    HORIZON_EUROPE = "horizon_europe"
    EUROSTARS = "eurostars"
    NATIONAL = "national"
    OTHER = "other"


class Role(StrEnum):
    LEAD = "lead"
    PARTNER = "partner"
    ASSOCIATED = "associated"
    THIRD_PARTY = "third_party"
    SUBCONTRACTOR = "subcontractor"
    OTHER = "other"


class Kind(StrEnum):
    COMPANY = "company"
    KNOWLEDGE = "knowledge"
    AUTHORITY = "authority"
    OTHER = "other"


class Phase(StrEnum):
    """The phases of an open formula's cascade projects."""

    CONCEPT = "concept"
    FEASIBILITY = "feasibility"
    DEVELOPMENT = "development"


# Header names per column, as people write them; compared folded (see `header_key`).
PROJECT_HEADERS: Mapping[str, tuple[str, ...]] = {
    "project_id": (
        "Project ID", "Project identifier", "Project number", "Project no", "Project code", "Identifier", "ID",
        "Nr", "Number", "Projekt-ID", "Projektnummer", "Projekt-Nr", "Projektkennung", "Projektcode",
        "Aktenzeichen", "Nummer", "Projectnummer", "Projectnr", "Projectcode", "Kenmerk", "Dossiernummer",
        "Zaaknummer",
    ),
    "acronym": ("Acronym", "Project acronym", "Short name", "Akronym", "Kurztitel", "Kurzname", "Acroniem",
                "Korte naam", "Project", "Projekt"),
    "title": ("Title", "Project title", "Project name", "Titel", "Projekttitel", "Projektname",
              "Projektbezeichnung", "Projecttitel", "Projectnaam", "Naam project"),
    "programme": ("Programme", "Program", "Funding programme", "Programm", "Förderprogramm", "Programma",
                  "Subsidieprogramma"),
    "call": ("Call", "Priority", "Aufruf", "Ausschreibung", "Priorität", "Oproep", "Prioriteit"),
    "module": ("Module", "Modul", "Programme module", "Programmmodul", "Programmamodule"),
    "phase": ("Phase", "Project phase", "Projektphase", "Fase", "Projectfase"),
    "start_date": ("Start", "Start date", "Beginn", "Projektbeginn", "Startdatum", "Laufzeit von", "Begin",
                   "Begindatum", "Aanvang", "Looptijd van"),
    "end_date": ("End", "End date", "Ende", "Projektende", "Enddatum", "Laufzeit bis", "Einde", "Eind",
                 "Einddatum", "Looptijd tot"),
    "total_cost": ("Total cost", "Total costs", "Total budget", "Budget", "Project budget", "Gesamtkosten",
                   "Gesamtbudget", "Projektkosten", "Projektvolumen", "Totale kosten", "Begroting",
                   "Totale begroting", "Projectbegroting", "Projectkosten"),
    "funding": ("Funding", "Grant", "EU funding", "EU contribution", "ERDF", "Förderung", "Fördersumme",
                "Förderbetrag", "Fördermittel", "EU-Förderung", "Zuschuss", "EFRE", "Subsidie", "EU-subsidie",
                "Subsidiebedrag", "EFRO"),
}  # fmt: skip
PARTICIPATION_HEADERS: Mapping[str, tuple[str, ...]] = {
    "organisation": ("Organisation", "Organization", "Organisation name", "Partner", "Partner name",
                     "Participant", "Beneficiary", "Name", "Organisation", "Partnerorganisation", "Einrichtung",
                     "Unternehmen", "Firma", "Teilnehmer", "Begünstigter", "Organisatie", "Naam", "Bedrijf",
                     "Bedrijfsnaam", "Instelling", "Deelnemer", "Begunstigde"),
    "pic": ("PIC", "Participant identification code"),
    "vat": ("VAT", "VAT number", "VAT ID", "USt-IdNr", "USt-ID", "Umsatzsteuer-ID", "BTW", "BTW-nummer",
            "BTW-nr"),
    "country": ("Country", "Country code", "Land", "Staat", "Landcode"),
    "postcode": ("Postcode", "Postal code", "ZIP", "ZIP code", "PLZ", "Postleitzahl"),
    "town": ("Town", "City", "Place", "Ort", "Stadt", "Sitz", "Standort", "Gemeinde", "Plaats", "Woonplaats",
             "Vestigingsplaats", "Gemeente"),
    "nuts_code": ("NUTS", "NUTS code", "NUTS-3", "NUTS region", "NUTS-Code", "NUTS-Region", "NUTS-regio"),
    "kind": ("Kind", "Type", "Organisation type", "Kind of organisation", "Art", "Typ", "Organisationstyp",
             "Organisationsart", "Soort", "Soort organisatie", "Organisatietype"),
    "role": ("Role", "Partner role", "Rolle", "Partnerrolle", "Funktion", "Rol", "Partnerrol", "Functie"),
    "contribution": ("Contribution", "Partner contribution", "Partner budget", "Partner funding", "Beitrag",
                     "Partnerbeitrag", "Partnerbudget", "Partnerförderung", "Anteil", "Bijdrage",
                     "Partnerbijdrage", "Partnersubsidie", "Aandeel"),
    "ended_early": ("Ended early", "Withdrawn", "Vorzeitig beendet", "Vorzeitig ausgeschieden", "Ausgeschieden",
                    "Voortijdig beëindigd", "Vroegtijdig beëindigd", "Voortijdig gestopt", "Uitgetreden"),
}  # fmt: skip
PROJECT_LIST_HEADERS: Mapping[str, tuple[str, ...]] = {
    "lead": ("Lead partner", "Lead", "Lead beneficiary", "Coordinator", "Leadpartner", "Federführender Partner",
             "Koordinator", "Penvoerder", "Hoofdaanvrager"),
    "partners": ("Partners", "Partner", "Project partners", "Other partners", "Projektpartner", "Weitere Partner",
                 "Projectpartners", "Projectpartner", "Overige partners"),
    "associated": ("Associated partners", "Associated", "Assoziierte Partner", "Strategische Partner",
                   "Geassocieerde partners", "Strategische partners"),
}  # fmt: skip

ROLE_WORDS: Mapping[Role, tuple[str, ...]] = {
    Role.LEAD: ("Lead", "Lead partner", "LP", "Lead beneficiary", "Coordinator", "Leadpartner", "Koordinator",
                "Federführend", "Federführender Partner", "Hauptantragsteller", "Penvoerder", "Hoofdaanvrager"),
    Role.PARTNER: ("Partner", "Project partner", "PP", "Beneficiary", "Participant", "Projektpartner",
                   "Begünstigter", "Teilnehmer", "Konsortialpartner", "Mitantragsteller", "Projectpartner",
                   "Begunstigde", "Deelnemer", "Medeaanvrager", "Consortiumpartner"),
    Role.ASSOCIATED: ("Associated", "Associated partner", "Strategic partner", "Assoziiert", "Assoziierter Partner",
                      "Strategischer Partner", "Geassocieerd", "Geassocieerde partner", "Strategische partner"),
    Role.THIRD_PARTY: ("Third party", "Drittpartei", "Dritter", "Dritte", "Derde partij", "Derde"),
    Role.SUBCONTRACTOR: ("Subcontractor", "Contractor", "Unterauftragnehmer", "Auftragnehmer", "Onderaannemer"),
    Role.OTHER: ("Other", "Sonstige", "Sonstiges", "Andere", "Overig", "Overige", "Anders"),
}  # fmt: skip
KIND_WORDS: Mapping[Kind, tuple[str, ...]] = {
    Kind.COMPANY: ("Company", "Enterprise", "Firm", "Business", "SME", "PRC", "Unternehmen", "Firma", "KMU",
                   "Betrieb", "Bedrijf", "Onderneming", "MKB"),
    Kind.KNOWLEDGE: ("Knowledge institution", "University", "Research", "Research organisation", "HES", "REC",
                     "Hochschule", "Universität", "Fachhochschule", "Forschungseinrichtung", "Wissenschaft",
                     "Kennisinstelling", "Universiteit", "Hogeschool", "Onderzoeksinstelling"),
    Kind.AUTHORITY: ("Public authority", "Authority", "Public body", "PUB", "Municipality", "Government",
                     "Behörde", "Öffentliche Einrichtung", "Kommune", "Verwaltung", "Overheid", "Gemeente",
                     "Provincie", "Overheidsinstantie"),
    Kind.OTHER: ("Other", "OTH", "Intermediary", "Association", "Sonstige", "Sonstiges", "Andere", "Intermediär",
                 "Verband", "Verein", "Overig", "Overige", "Intermediair", "Vereniging"),
}  # fmt: skip
PHASE_WORDS: Mapping[Phase, tuple[str, ...]] = {
    Phase.CONCEPT: ("Concept", "Concept development", "Konzept", "Konzeptentwicklung", "Conceptontwikkeling"),
    Phase.FEASIBILITY: ("Feasibility", "Feasibility study", "Machbarkeit", "Machbarkeitsstudie", "Haalbaarheid",
                        "Haalbaarheidsstudie", "Haalbaarheidsonderzoek"),
    Phase.DEVELOPMENT: ("Development", "Development project", "Entwicklung", "Entwicklungsprojekt", "Ontwikkeling",
                        "Ontwikkelproject", "Ontwikkelingsproject"),
}  # fmt: skip
PROGRAMME_WORDS: Mapping[Programme, tuple[str, ...]] = {
    Programme.OPEN_FORMULA: ("Open formula", "Offene Formel", "Open formule"),
    Programme.H2020: ("H2020", "Horizon 2020"),
    Programme.HORIZON_EUROPE: ("Horizon Europe", "Horizont Europa", "HE"),
    Programme.EUROSTARS: ("Eurostars", "Eurostars-2", "Eurostars-3"),
    Programme.NATIONAL: ("National", "Regional", "National or regional", "National oder regional", "Nationaal",
                         "Regionaal", "Nationaal of regionaal", "Landesprogramm"),
    Programme.OTHER: ("Other", "Sonstige", "Sonstiges", "Andere", "Overig", "Overige", "Anders"),
}  # fmt: skip
INTERREG_GENERATIONS: Mapping[str, Programme] = {
    "iv": Programme.INTERREG_IV, "iva": Programme.INTERREG_IV, "4": Programme.INTERREG_IV,
    "2007": Programme.INTERREG_IV,
    "v": Programme.INTERREG_V, "va": Programme.INTERREG_V, "5": Programme.INTERREG_V, "2014": Programme.INTERREG_V,
    "vi": Programme.INTERREG_VI, "via": Programme.INTERREG_VI, "6": Programme.INTERREG_VI,
    "2021": Programme.INTERREG_VI,
}  # fmt: skip
