"""Criterion types about where an organisation is: country, NUTS region, programme area, Euregio."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from borderless.core.i18n import ListOf, Message

from . import texts
from .model import Context, Firm, Link, Outcome, Problem, Reference, Status
from .registry import CriterionType
from .schema import UNKNOWN_REGION, check_choices, check_keys, problem, strings

COUNTRIES = frozenset(texts.IN_COUNTRY)
EUREGIOS = frozenset(texts.EUREGIO_NAMES)
# NUTS 2021: the country code and up to three characters, one per level ("NL", "NL2", "NL21", "NL213").
NUTS_CODE = re.compile(r"(?:NL|DE)[0-9A-Z]{0,3}")


def upper(code: str) -> str:
    return code.strip().upper()


def lower(code: str) -> str:
    return code.strip().lower()


@dataclass(frozen=True, slots=True)
class Choice:
    """Prepared parameters of a "one of these values" criterion: the values and how to name them."""

    values: frozenset[str]
    allowed: Message | ListOf


class CountryCriterion(CriterionType):
    """params: {"countries": ["NL", "DE"]}"""

    key = "country"
    title = texts.TITLES[key]

    def validate(self, params: Mapping[str, object], reference: Reference) -> list[Problem]:
        return check_keys(params, required=["countries"]) or check_choices(
            params, "countries", COUNTRIES, texts.WHAT_COUNTRY, upper
        )

    def prepare(self, params: Mapping[str, object], reference: Reference) -> Choice:
        values = frozenset(upper(c) for c in strings(params, "countries"))
        ordered = [c for c in ("NL", "DE") if c in values]
        return Choice(values, texts.join_list([texts.IN_COUNTRY[c] for c in ordered], "or"))

    def evaluate(self, prepared: Choice, firm: Firm, context: Context) -> Outcome:
        if firm.country is None:
            return self.outcome(Status.UNKNOWN, texts.COUNTRY_UNKNOWN, {"allowed": prepared.allowed}, Link.EDIT_PROFILE)
        where = texts.IN_COUNTRY.get(firm.country, firm.country)
        if firm.country in prepared.values:
            return self.outcome(Status.MET, texts.COUNTRY_MET, {"where": where})
        return self.outcome(Status.NOT_MET, texts.COUNTRY_NOT_MET, {"allowed": prepared.allowed, "where": where})

    def describe(self, prepared: Choice, context: Context) -> Outcome:
        return self.outcome(Status.INFO, texts.COUNTRY_DESCRIBE, {"allowed": prepared.allowed})


@dataclass(frozen=True, slots=True)
class Regions:
    codes: tuple[str, ...]  # longest first, so the most specific matching region is found first
    allowed: Message | ListOf


class RegionCriterion(CriterionType):
    """params: {"codes": ["NL21", "DEA34"]}: NUTS codes of any level; a firm matches by prefix.

    With a reference that knows the regions, codes it does not know are refused and reasons show
    names ("Twente (NL213)"); without one, codes are checked for their form and shown bare.
    """

    key = "region"
    title = texts.TITLES[key]

    def validate(self, params: Mapping[str, object], reference: Reference) -> list[Problem]:
        problems = check_keys(params, required=["codes"]) or check_choices(
            params, "codes", lambda code: NUTS_CODE.fullmatch(code) is not None, texts.WHAT_NUTS, upper
        )
        if problems or not reference.regions:
            return problems
        return [
            problem("unknown_region", UNKNOWN_REGION, "codes", value=upper(code))
            for code in strings(params, "codes")
            if upper(code) not in reference.regions
        ]

    def prepare(self, params: Mapping[str, object], reference: Reference) -> Regions:
        codes = list(dict.fromkeys(upper(c) for c in strings(params, "codes")))
        allowed = texts.join_list([texts.with_code(c, reference.regions.get(c)) for c in codes], "or")
        return Regions(tuple(sorted(codes, key=lambda c: (-len(c), c))), allowed)

    def evaluate(self, prepared: Regions, firm: Firm, context: Context) -> Outcome:
        nuts3 = firm.nuts3
        if not nuts3:
            return self.outcome(Status.UNKNOWN, texts.REGION_UNKNOWN, {"allowed": prepared.allowed}, Link.EDIT_PROFILE)
        names = context.reference.regions
        region = texts.with_code(nuts3, names.get(nuts3))
        if not nuts3.startswith(prepared.codes):
            return self.outcome(Status.NOT_MET, texts.REGION_NOT_MET, {"allowed": prepared.allowed, "region": region})
        area = next(code for code in prepared.codes if nuts3.startswith(code))
        if area == nuts3:
            return self.outcome(Status.MET, texts.REGION_MET, {"region": region})
        params = {"region": region, "area": texts.with_code(area, names.get(area))}
        return self.outcome(Status.MET, texts.REGION_MET_WITHIN, params)

    def describe(self, prepared: Regions, context: Context) -> Outcome:
        return self.outcome(Status.INFO, texts.REGION_DESCRIBE, {"allowed": prepared.allowed})


class ProgrammeAreaCriterion(CriterionType):
    """params: {}: the organisation is in the Interreg Deutschland-Nederland programme area."""

    key = "programme_area"
    title = texts.TITLES[key]

    def validate(self, params: Mapping[str, object], reference: Reference) -> list[Problem]:
        return check_keys(params)

    def prepare(self, params: Mapping[str, object], reference: Reference) -> None:
        return None

    def evaluate(self, prepared: None, firm: Firm, context: Context) -> Outcome:
        if firm.in_programme_area is None:
            return self.outcome(Status.UNKNOWN, texts.PROGRAMME_UNKNOWN, link=Link.EDIT_PROFILE)
        if firm.in_programme_area:
            return self.outcome(Status.MET, texts.PROGRAMME_MET)
        return self.outcome(Status.NOT_MET, texts.PROGRAMME_NOT_MET)

    def describe(self, prepared: None, context: Context) -> Outcome:
        return self.outcome(Status.INFO, texts.PROGRAMME_DESCRIBE)


class EuregioCriterion(CriterionType):
    """params: {"euregios": ["euregio", "ems-dollart-region"]} (slugs).

    A firm whose location is known (`nuts3`) but has no Euregio lies outside all of them.
    """

    key = "euregio"
    title = texts.TITLES[key]

    def validate(self, params: Mapping[str, object], reference: Reference) -> list[Problem]:
        return check_keys(params, required=["euregios"]) or check_choices(
            params, "euregios", EUREGIOS, texts.WHAT_EUREGIO, lower
        )

    def prepare(self, params: Mapping[str, object], reference: Reference) -> Choice:
        values = frozenset(lower(e) for e in strings(params, "euregios"))
        ordered = [texts.EUREGIO_NAMES[slug] for slug in texts.EUREGIO_NAMES if slug in values]
        return Choice(values, texts.join_list(ordered, "or"))

    def evaluate(self, prepared: Choice, firm: Firm, context: Context) -> Outcome:
        if firm.euregio is not None:
            params = {"allowed": prepared.allowed, "euregio": texts.EUREGIO_NAMES.get(firm.euregio, firm.euregio)}
            if firm.euregio in prepared.values:
                return self.outcome(Status.MET, texts.EUREGIO_MET, params)
            return self.outcome(Status.NOT_MET, texts.EUREGIO_NOT_MET, params)
        if firm.nuts3:
            return self.outcome(Status.NOT_MET, texts.EUREGIO_NOT_MET_NONE, {"allowed": prepared.allowed})
        return self.outcome(Status.UNKNOWN, texts.EUREGIO_UNKNOWN, {"allowed": prepared.allowed}, Link.EDIT_PROFILE)

    def describe(self, prepared: Choice, context: Context) -> Outcome:
        return self.outcome(Status.INFO, texts.EUREGIO_DESCRIBE, {"allowed": prepared.allowed})
