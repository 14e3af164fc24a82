"""Writes the workbook fixtures of this folder: `python tests/core/data/project_sheets/make_workbooks.py`.

digipro_cascade.xlsx is shaped like an open formula's own list of its cascade projects, as a programme
office keeps it in Excel: German headers below a title row, the project's cells merged over its
partners' rows, real dates and numbers (the postcode 01067 stored as the number 1067), one column the
import does not read. The firms are made up; the towns and postcodes are real.
"""

from datetime import UTC, date, datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent

HEADER = (
    "Projektnummer", "Akronym", "Projekttitel", "Modul", "Phase", "Beginn", "Ende", "Gesamtkosten", "Förderung",
    "Partner", "PIC", "USt-IdNr.", "Land", "PLZ", "Ort", "Art", "Rolle", "Beitrag", "Vorzeitig beendet", "Bemerkung",
)  # fmt: skip

PROJECTS = (
    (
        ("DP-2018-017", "SMARTWELD", "Sensorgestützte Prüfung von Schweißnähten", "Modul 5", "Machbarkeitsstudie",
         date(2018, 4, 1), date(2019, 3, 31), 60000, 30000),
        (
            ("Sensorbouw B.V.", None, "NL853201447B01", "Niederlande", "7554 AB", "Hengelo", "Unternehmen",
             "Leadpartner", 15000, None, "Erstantrag"),
            ("Maschinenbau Kleve GmbH", None, None, "Deutschland", 47533, "Kleve", "Unternehmen", "Projektpartner",
             15000, None, None),
        ),
    ),
    (
        ("DP-2019-042", "ROBOCELL", "Kollaborative Roboterzelle für kleine Serien", "Modul 5", "Entwicklungsprojekt",
         date(2019, 6, 1), date(2020, 11, 30), 182500.5, 91250.25),
        (
            ("Alice Precisietechniek B.V.", None, None, "NL", "7511", "Enschede", "Unternehmen", "Lead Partner",
             45000, None, None),
            ("Universiteit Twente", 999974101, None, "Niederlande", "7522 NB", "Enschede", "Hochschule",
             "Drittpartei", 10000.75, None, None),
            ("Textilwerk Bocholt GmbH", None, None, "Deutschland", 46395, "Bocholt", "Unternehmen", "Projektpartner",
             20000, "Ja", "ausgeschieden 2020"),
            ("Feinmechanik Dresden GmbH", None, None, "DE", 1067, "Dresden", "Unternehmen", "Projektpartner",
             16250, None, None),
        ),
    ),
    (
        ("DP-2020-003", "DATAHUB", "Gemeinsame Datenplattform für Zulieferer", "Modul 3", "Konzeptentwicklung",
         date(2020, 2, 1), date(2020, 7, 31), 25000, 12500),
        (
            ("Hochschule Rhein-Waal", None, None, "Deutschland", None, "Kleve", "Hochschule", "Leadpartner", 12500,
             None, None),
            ("Digital Makers Collectief", None, None, "Niederlande", None, None, "Sonstige", "Partner", None, None,
             "Ort fehlt"),
        ),
    ),
)  # fmt: skip


def digipro_cascade(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Kaskadenprojekte"
    sheet.append(("Digipro – Kaskadenprojekte (Stand 31.12.2020)",))
    sheet.append(HEADER)
    for project, partners in PROJECTS:
        first = sheet.max_row + 1
        for index, partner in enumerate(partners):
            sheet.append((*(project if index == 0 else (None,) * len(project)), *partner))
        for column in range(1, len(project) + 1):
            sheet.merge_cells(start_row=first, start_column=column, end_row=sheet.max_row, end_column=column)
        for row in sheet.iter_rows(min_row=first, max_row=first, min_col=6, max_col=7):
            for cell in row:
                cell.number_format = "DD.MM.YYYY"
    workbook.properties.created = workbook.properties.modified = datetime(2021, 1, 15, 9, 0, tzinfo=UTC)
    workbook.save(path)


if __name__ == "__main__":
    digipro_cascade(HERE / "digipro_cascade.xlsx")
