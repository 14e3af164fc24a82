"""A firm and a context for the instrument tests, changed per test."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from borderless.core.i18n import LANGUAGES, Content
from borderless.core.instruments import (
    REGISTRY,
    Context,
    Criterion,
    Firm,
    Instrument,
    InstrumentStatus,
    Outcome,
    Reference,
)
from tests.core.translations import tr

TODAY = date(2025, 6, 1)
REFERENCE = Reference(
    regions={
        "NL": "Nederland",
        "NL2": "Oost-Nederland",
        "NL21": "Overijssel",
        "NL213": "Twente",
        "NL22": "Gelderland",
        "NL226": "Arnhem/Nijmegen",
        "DEA": "Nordrhein-Westfalen",
        "DEA3": "Münster",
        "DEA34": "Borken",
        "DEA1": "Düsseldorf",
    },
    sectors={
        "C": Content("Manufacturing", "Verarbeitendes Gewerbe", "Industrie"),
        "28": Content("Manufacture of machinery", "Maschinenbau", "Vervaardiging van machines"),
    },
)
CONTEXT = Context(today=TODAY, reference=REFERENCE)


def twente_machine_builder(**changes: object) -> Firm:
    """A small Dutch machine builder in Twente, a Fast Follower at stage 2, founded 2019, no partner yet."""
    firm = Firm(
        country="NL",
        nuts3="NL213",
        in_programme_area=True,
        euregio="euregio",
        kind="company",
        size_class="small",
        sector="28",
        founded_year=2019,
        follower_group="fast_follower",
        stage=2,
        has_cross_border_partner=False,
    )
    return replace(firm, **changes)


def evaluate(key: str, params: dict | None = None, firm: Firm | None = None, context: Context = CONTEXT) -> Outcome:
    compiled = REGISTRY.compile(Criterion(key, params or {}), context.reference)
    return compiled.evaluate(twente_machine_builder() if firm is None else firm, context)


def describe(key: str, params: dict | None = None, context: Context = CONTEXT) -> Outcome:
    return REGISTRY.compile(Criterion(key, params or {}), context.reference).describe(context)


def in_every_language(outcome: Outcome, *needles: str) -> None:
    """Each needle appears in the reason in English, German and Dutch."""
    for lang in LANGUAGES:
        text = tr(outcome.reason, lang)
        for needle in needles:
            assert needle in text, (lang, needle, text)


def rendered(outcome: Outcome) -> dict[str, str]:
    return {lang: tr(outcome.reason, lang) for lang in LANGUAGES}


def instrument(
    id_: object,
    *criteria: Criterion,
    name: str | None = None,
    status: str = InstrumentStatus.OPEN,
    deadline: date | None = None,
    next_ids: tuple = (),
) -> Instrument:
    label = name or str(id_)
    return Instrument(
        id=id_,
        name=Content(label, label, label),
        status=status,
        next_deadline=deadline,
        criteria=tuple(criteria),
        next_ids=next_ids,
    )
