"""The NACE table of the core agrees with the NACE file the platform loads."""

import csv
from pathlib import Path

from borderless.core.instruments import nace

DATA = Path(__file__).resolve().parents[3] / "borderless" / "organisations" / "data"


def test_sections_and_divisions_match_the_shipped_nace_file():
    with open(DATA / "nace_rev2_sections_divisions_de_nl_en.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    divisions = {row["code"]: row["section"] for row in rows if row["level"] == "2"}
    assert dict(nace.SECTION_OF) == divisions
    assert nace.SECTIONS == {row["code"] for row in rows if row["level"] == "1"}
    assert len(nace.DIVISIONS) == 88


def test_division_of_a_nace_code():
    assert nace.division_of("28.11") == "28"
    assert nace.division_of(" 62 ") == "62"
    assert nace.division_of("04") is None
    assert nace.division_of(None) is None
