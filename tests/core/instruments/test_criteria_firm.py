"""Kind, size, sector, partner across the border, age and free text."""

import pytest

from borderless.core.instruments import Link, Status
from tests.core.translations import tr

from .helpers import describe, evaluate, in_every_language, rendered, twente_machine_builder


def test_organisation_kind_met_and_not_met():
    met = evaluate("organisation_kind", {"kinds": ["company", "fieldlab"]})
    assert met.status is Status.MET
    assert tr(met.reason, "de") == (
        "Offen für: Unternehmen, Fieldlab / Leuchtturmprojekt. Sie sind eingetragen als: Unternehmen."
    )
    not_met = evaluate("organisation_kind", {"kinds": ["knowledge"]})
    assert not_met.status is Status.NOT_MET
    assert rendered(not_met)["nl"] == "Alleen open voor: kennisinstelling. U bent ingeschreven als: bedrijf."


def test_organisation_kind_unknown():
    outcome = evaluate("organisation_kind", {"kinds": ["hub"]}, twente_machine_builder(kind=None))
    assert outcome.status is Status.UNKNOWN
    in_every_language(outcome, "EDIH")


def test_size_class_for_smes_says_up_to_249_in_each_language():
    outcome = evaluate("size_class", {"classes": ["micro", "small", "medium"]})
    assert outcome.status is Status.MET
    in_every_language(outcome, "249", "10–49")
    assert rendered(outcome) == {
        "en": "For firms with up to 249 employees; yours has 10–49 employees.",
        "de": "Für Unternehmen mit bis zu 249 Beschäftigten; Ihr Unternehmen hat 10–49 Beschäftigte.",
        "nl": "Voor bedrijven met maximaal 249 medewerkers; uw bedrijf heeft 10–49 medewerkers.",
    }


@pytest.mark.parametrize(
    ("classes", "english"),
    [
        (["large"], "250 or more employees"),
        (["small", "medium"], "10 to 249 employees"),
        (["micro", "medium"], "up to 9 employees or 50 to 249 employees"),
        (["micro", "small", "medium", "large"], "1 or more employees"),
    ],
)
def test_size_ranges_in_words(classes, english):
    assert tr(describe("size_class", {"classes": classes}).reason, "en") == f"For firms with {english}."


def test_size_class_not_met_and_unknown():
    large_only = evaluate("size_class", {"classes": ["large"]})
    assert large_only.status is Status.NOT_MET
    assert tr(large_only.reason, "de").startswith("Nur für Unternehmen mit 250 oder mehr Beschäftigten;")
    unknown = evaluate("size_class", {"classes": ["micro"]}, twente_machine_builder(size_class=None))
    assert unknown.status is Status.UNKNOWN
    assert unknown.link is Link.EDIT_PROFILE
    in_every_language(unknown, "9")


def test_sector_section_covers_its_divisions():
    outcome = evaluate("sector", {"sections": ["C"]})
    assert outcome.status is Status.MET
    in_every_language(outcome, "(C)", "(28)")
    assert tr(outcome.reason, "de") == (
        "Für Unternehmen dieser Branchen (NACE): Verarbeitendes Gewerbe (C). Ihre Branche: Maschinenbau (28)."
    )


def test_sector_division_not_met_and_a_longer_nace_code_counts_by_its_division():
    outcome = evaluate("sector", {"divisions": ["62", "63"]})
    assert outcome.status is Status.NOT_MET
    in_every_language(outcome, "62, 63", "(28)")
    assert evaluate("sector", {"divisions": ["28"]}, twente_machine_builder(sector="28.11")).status is Status.MET


def test_sector_unknown():
    outcome = evaluate("sector", {"sections": ["C"], "divisions": ["62"]}, twente_machine_builder(sector=None))
    assert outcome.status is Status.UNKNOWN
    assert "We do not know your sector; add it to your profile." in tr(outcome.reason, "en")
    assert "Wir kennen Ihre Branche nicht" in tr(outcome.reason, "de")
    assert "We kennen uw sector niet" in tr(outcome.reason, "nl")


def test_cross_border_partner_to_find_is_an_action_not_a_refusal():
    outcome = evaluate("cross_border_partner")
    assert outcome.status is Status.NEEDS_ACTION
    assert outcome.link is Link.FIND_PARTNER
    assert rendered(outcome) == {
        "en": "Requires a partner in Germany — find one.",
        "de": "Erfordert einen Partner in Deutschland – finden Sie einen.",
        "nl": "Vereist een partner in Duitsland — zoek er een.",
    }


def test_cross_border_partner_for_a_german_firm_an_unknown_partner_and_a_known_one():
    german = twente_machine_builder(country="DE", nuts3="DEA34", has_cross_border_partner=None)
    unknown = evaluate("cross_border_partner", {}, german)
    assert unknown.status is Status.NEEDS_ACTION
    assert tr(unknown.reason, "de") == (
        "Erfordert einen Partner in den Niederlanden; falls Sie noch keinen haben, finden Sie einen."
    )
    nowhere = evaluate("cross_border_partner", {}, twente_machine_builder(country=None))
    assert "across the border" in tr(nowhere.reason, "en")
    has_one = evaluate("cross_border_partner", {}, twente_machine_builder(has_cross_border_partner=True))
    assert has_one.status is Status.MET
    assert tr(has_one.reason, "nl") == "Vereist een partner in Duitsland; die heeft u."


def test_max_firm_age_counts_calendar_years_from_today():
    young_enough = evaluate("max_firm_age", {"years": 6})  # 2025 - 6 = 2019
    assert young_enough.status is Status.MET
    in_every_language(young_enough, "2019")
    too_old = evaluate("max_firm_age", {"years": 5})
    assert too_old.status is Status.NOT_MET
    in_every_language(too_old, "2020", "2019")
    assert tr(too_old.reason, "de") == (
        "Nur für Unternehmen, die 2020 oder später gegründet wurden; Ihr Unternehmen wurde 2019 gegründet."
    )


def test_max_firm_age_unknown():
    outcome = evaluate("max_firm_age", {"years": 3}, twente_machine_builder(founded_year=None))
    assert outcome.status is Status.UNKNOWN
    in_every_language(outcome, "2022")
    assert "Gründungsjahr" in tr(outcome.reason, "de")


def test_free_text_is_shown_as_written_and_never_evaluated():
    text = {
        "en": "At least 50% own contribution.",
        "de": "Mindestens 50 % Eigenanteil.",
        "nl": "Minstens 50% eigen bijdrage.",
    }
    outcome = evaluate("free_text", {"text": text})
    assert outcome.status is Status.INFO
    assert rendered(outcome) == text
    assert evaluate("free_text", {"text": text}, twente_machine_builder(country=None)).status is Status.INFO
