"""Instruments for the finder tests, written straight to the database (the ORM, no services).

`seed_catalogue()` stores the shipped seed catalogue (borderless/instruments/data/catalogue.json);
`make_instrument()` one instrument with criteria and calls, for tests that need exact facts.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from borderless.instruments.matching import snapshot_clear
from borderless.instruments.models import Call, Criterion, Instrument

SEED = Path(__file__).resolve().parents[2] / "borderless" / "instruments" / "data" / "catalogue.json"


def make_instrument(
    identifier: str,
    *,
    name: str | None = None,
    name_de: str | None = None,
    name_nl: str | None = None,
    description: str = "",
    level: str = "land_province",
    kind: str = "voucher",
    status: str = "open",
    spatial: list[str] | None = None,
    languages: list[str] | None = None,
    criteria: list[dict] | None = None,
    calls: list[tuple[date | None, date | None]] | None = None,
    min_amount: int | None = None,
    max_amount: int | None = None,
    provider_name: str = "Provincie Overijssel",
    **extra,
) -> Instrument:
    name = name or identifier.replace("-", " ").title()
    instrument = Instrument.objects.create(
        identifier=identifier,
        name_en=name,
        name_de=name_de or f"{name} (DE)",
        name_nl=name_nl or f"{name} (NL)",
        description_en=description or f"About {name}.",
        description_de=description or f"Über {name}.",
        description_nl=description or f"Over {name}.",
        level=level,
        kind=kind,
        status=status,
        spatial=spatial or [],
        languages=languages or [],
        min_amount=Decimal(min_amount) if min_amount is not None else None,
        max_amount=Decimal(max_amount) if max_amount is not None else None,
        currency="EUR" if (min_amount or max_amount) else "",
        provider_name=provider_name,
        source="Test data",
        **extra,
    )
    for position, criterion in enumerate(criteria or []):
        params = {k: v for k, v in criterion.items() if k != "type"}
        Criterion.objects.create(instrument=instrument, position=position, type=criterion["type"], params=params)
    for opens_on, closes_on in calls or []:
        Call.objects.create(instrument=instrument, opens_on=opens_on, closes_on=closes_on, title="Call")
    return instrument


def seed_catalogue() -> dict[str, Instrument]:
    """The seed catalogue, as stored by the ORM; identifier -> instrument."""
    data = json.loads(SEED.read_text(encoding="utf-8"))
    stored: dict[str, Instrument] = {}
    for item in data["instruments"]:
        authority = item.get("hasCompetentAuthority") or {}
        funding = item.get("funding") or {}
        instrument = Instrument.objects.create(
            identifier=item["identifier"],
            **{f"name_{lang}": item["name"][lang] for lang in ("en", "de", "nl")},
            **{f"description_{lang}": item["description"][lang] for lang in ("en", "de", "nl")},
            provider_name=authority.get("name") or "",
            provider_country=authority.get("country") or "",
            languages=item.get("language") or [],
            level=item["level"],
            kind=item["kind"],
            status=item.get("status") or "",
            spatial=item.get("spatial") or [],
            min_amount=funding.get("min_amount"),
            max_amount=funding.get("max_amount"),
            rate_percent=funding.get("rate_percent"),
            currency=funding.get("currency") or "",
            website=item.get("website") or "",
            source=item["source"],
        )
        for position, criterion in enumerate(item.get("hasCriterionRequirement") or []):
            params = {k: v for k, v in criterion.items() if k != "type"}
            Criterion.objects.create(instrument=instrument, position=position, type=criterion["type"], params=params)
        stored[instrument.identifier] = instrument
    links = Instrument.next_instruments.through
    links.objects.bulk_create(  # in the file's order, as the catalogue import writes them
        links(from_instrument=stored[item["identifier"]], to_instrument=stored[i])
        for item in data["instruments"]
        for i in item.get("next") or []
    )
    snapshot_clear()
    return stored


def page_text(response) -> str:
    """The page as a reader sees it: tags removed, entities decoded, white space collapsed."""
    import html
    import re

    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def listed_names(response) -> list[str]:
    """The instrument names of a finder page, in the order shown."""
    return [row.instrument.name for row in response.context["rows"]]
