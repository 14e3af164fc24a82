"""The de-identified research export: consented quickscan results as rows that name no firm.

What a row keeps: a pseudonym per organisation (so a firm's history links up across rows), the
month of completion, country, NUTS-2 region, size class, NACE section and division, and the scores
(overall, band, the six DMA dimensions, acatech stage and progress, follower group, island score).
What it drops: the organisation's name, id, slug and town, the NUTS-3 region, the exact date, who
took the quickscan, and all answers (including any free text).

The pseudonym is an HMAC-SHA256 of the organisation id keyed with the installation's SECRET_KEY,
truncated to 16 hex digits: stable between exports of one installation, not reversible without the
key, and different in every installation.

k-anonymity (k = 5, the platform's smallest group): the quasi-identifiers are country, NUTS-2 region,
size class and sector. Every combination of these values that appears in the export covers at least
five different organisations. Where a combination covers fewer, the rows of those organisations are
generalised one step at a time, all rows of an organisation alike: first the NACE division is
blanked, then the NACE section, then the NUTS-2 region, then the size class. An organisation still
in a group of fewer than five after the last step (only its country shown) is left out. Generalising
one firm can shrink the group it leaves, so the steps repeat until every shown combination holds at
least five firms. The country is never blanked.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import IO, Any

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac

from borderless.core.quickscan.peers import MIN_GROUP
from borderless.organisations.models import NaceDivision

from .selectors import research_assessments

K = MIN_GROUP
PSEUDONYM_SALT = "borderless.quickscan.research.pseudonym"
PSEUDONYM_LENGTH = 16

QUASI_IDENTIFIERS = ("country", "nuts2", "size_class", "nace_section", "nace_division")
# What is blanked at each generalisation step; beyond the last step the organisation is left out.
GENERALISATION_STEPS: tuple[tuple[str, ...], ...] = (
    (),
    ("nace_division",),
    ("nace_division", "nace_section"),
    ("nace_division", "nace_section", "nuts2"),
    ("nace_division", "nace_section", "nuts2", "size_class"),
)
SCORE_COLUMNS = (
    "overall",
    "band",
    "d1",
    "d2",
    "d3",
    "d4",
    "d5",
    "d6",
    "stage",
    "stage_progress",
    "follower_group",
    "island_score",
)
# Stable English machine names; analysts' scripts rely on them, so they are not translated.
COLUMNS = ("pseudonym", "completed_month", "questionnaire_version", *QUASI_IDENTIFIERS, *SCORE_COLUMNS)
DECIMALS = 4  # scores are rounded to four decimal places


def pseudonym(organisation_id: int, *, secret: str | None = None) -> str:
    """The organisation's pseudonym: HMAC-SHA256 of its id keyed with SECRET_KEY, 16 hex digits."""
    digest = salted_hmac(
        PSEUDONYM_SALT, str(organisation_id), secret=secret or settings.SECRET_KEY, algorithm="sha256"
    ).hexdigest()
    return digest[:PSEUDONYM_LENGTH]


def research_rows() -> list[dict[str, Any]]:
    """The consented, completed assessments of organisations, de-identified and k-anonymised."""
    sections = dict(NaceDivision.objects.values_list("code", "section"))
    fields = ("organisation_id", "completed_at", "questionnaire_version", "country", "region", "size_class", "sector")
    columns = (*fields, *SCORE_COLUMNS)
    pseudonyms: dict[int, str] = {}
    rows = []
    for values in research_assessments().filter(organisation__isnull=False).values_list(*columns):
        record = dict(zip(columns, values, strict=True))
        organisation_id = record["organisation_id"]
        if organisation_id not in pseudonyms:
            pseudonyms[organisation_id] = pseudonym(organisation_id)
        rows.append(_de_identified(record, pseudonyms[organisation_id], sections))
    rows.sort(key=lambda row: (row["completed_month"], row["pseudonym"]))
    return k_anonymise(rows)


def _de_identified(record: dict[str, Any], firm: str, sections: dict[str, str]) -> dict[str, Any]:
    completed = timezone.localtime(record["completed_at"])
    row: dict[str, Any] = {
        "pseudonym": firm,
        "completed_month": f"{completed:%Y-%m}",
        "questionnaire_version": record["questionnaire_version"],
        "country": record["country"],
        "nuts2": record["region"][:4],
        "size_class": record["size_class"],
        "nace_section": sections.get(record["sector"], ""),
        "nace_division": record["sector"],
    }
    for column in SCORE_COLUMNS:
        value = record[column]
        row[column] = round(value, DECIMALS) if isinstance(value, float) else value
    return row


def k_anonymise(rows: Sequence[dict[str, Any]], *, k: int = K) -> list[dict[str, Any]]:
    """Generalise the rows (see the module's docstring) so that every shown combination of the
    quasi-identifiers covers at least `k` organisations; rows keep their order."""
    step = dict.fromkeys((row["pseudonym"] for row in rows), 0)
    while True:
        firms: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for row in rows:
            firm_step = step[row["pseudonym"]]
            if firm_step < len(GENERALISATION_STEPS):
                firms[_shown(row, firm_step)].add(row["pseudonym"])
        too_small = {firm for members in firms.values() if len(members) < k for firm in members}
        if not too_small:
            break
        for firm in too_small:
            step[firm] += 1
    return [
        row | dict.fromkeys(GENERALISATION_STEPS[step[row["pseudonym"]]], "")
        for row in rows
        if step[row["pseudonym"]] < len(GENERALISATION_STEPS)
    ]


def _shown(row: dict[str, Any], firm_step: int) -> tuple[str, ...]:
    blanked = GENERALISATION_STEPS[firm_step]
    return tuple("" if name in blanked else str(row[name]) for name in QUASI_IDENTIFIERS)


def research_csv_write(rows: Iterable[dict[str, Any]], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: "" if row[column] is None else row[column] for column in COLUMNS})


def research_filename() -> str:
    """Names the method: de-identified, k-anonymous with k = 5, and the day of the export."""
    return f"quickscan-research-deidentified-k{K}-{timezone.localdate():%Y-%m-%d}.csv"
