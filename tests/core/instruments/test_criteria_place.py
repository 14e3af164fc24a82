"""Country, region, programme area and Euregio: met, not met and unknown, in all three languages."""

from borderless.core.instruments import Context, Link, Status
from tests.core.translations import tr

from .helpers import TODAY, describe, evaluate, in_every_language, rendered, twente_machine_builder


def test_country_met_names_the_country_in_each_language():
    outcome = evaluate("country", {"countries": ["NL"]})
    assert outcome.status is Status.MET
    assert rendered(outcome) == {
        "en": "You are based in the Netherlands.",
        "de": "Sie haben Ihren Sitz in den Niederlanden.",
        "nl": "U bent gevestigd in Nederland.",
    }


def test_country_not_met_says_what_is_required_and_where_the_firm_is():
    outcome = evaluate("country", {"countries": ["de"]})  # codes are read case-insensitively
    assert outcome.status is Status.NOT_MET
    assert rendered(outcome)["de"] == (
        "Nur für Organisationen mit Sitz in Deutschland; Sie haben Ihren Sitz in den Niederlanden."
    )
    assert "in Duitsland" in tr(outcome.reason, "nl")


def test_country_unknown_asks_for_the_location():
    outcome = evaluate("country", {"countries": ["NL", "DE"]}, twente_machine_builder(country=None))
    assert outcome.status is Status.UNKNOWN
    assert outcome.link is Link.EDIT_PROFILE
    assert tr(outcome.reason, "en").startswith("For organisations based in the Netherlands or in Germany.")
    assert "oder in Deutschland" in tr(outcome.reason, "de")
    assert "profiel" in tr(outcome.reason, "nl")


def test_region_matches_by_prefix_and_names_both_regions():
    outcome = evaluate("region", {"codes": ["NL21", "DEA34"]})
    assert outcome.status is Status.MET
    in_every_language(outcome, "Twente (NL213)", "Overijssel (NL21)")
    assert tr(outcome.reason, "en") == "You are in Twente (NL213), and so in Overijssel (NL21)."


def test_region_names_the_most_specific_matching_code():
    outcome = evaluate("region", {"codes": ["NL", "NL2", "NL213"]})
    assert tr(outcome.reason, "de") == "Ihr Standort liegt in Twente (NL213)."


def test_region_not_met_lists_the_regions_in_each_language():
    outcome = evaluate("region", {"codes": ["DEA34", "NL22"]})
    assert outcome.status is Status.NOT_MET
    in_every_language(outcome, "Borken (DEA34)", "Gelderland (NL22)", "Twente (NL213)")
    assert "Borken (DEA34) oder Gelderland (NL22)" in tr(outcome.reason, "de")
    assert "Borken (DEA34) of Gelderland (NL22)" in tr(outcome.reason, "nl")


def test_region_without_reference_names_shows_the_bare_codes():
    outcome = evaluate("region", {"codes": ["DEA34"]}, context=Context(today=TODAY))
    assert tr(outcome.reason, "en") == "Only for organisations in DEA34; you are in NL213."


def test_region_unknown():
    outcome = evaluate("region", {"codes": ["NL21"]}, twente_machine_builder(nuts3=None))
    assert outcome.status is Status.UNKNOWN
    in_every_language(outcome, "Overijssel (NL21)")
    assert "Wir kennen Ihre Region nicht" in tr(outcome.reason, "de")


def test_a_long_list_of_regions_is_shortened():
    codes = ["NL21", "NL22", "NL2", "NL", "DEA", "DEA3", "DEA34", "DEA1"]
    outcome = describe("region", {"codes": codes})
    assert outcome.status is Status.INFO
    assert tr(outcome.reason, "en").endswith("and 2 more.")
    assert tr(outcome.reason, "de").endswith("und 2 weitere.")
    assert tr(outcome.reason, "nl").endswith("en 2 andere.")


def test_programme_area():
    assert evaluate("programme_area").status is Status.MET
    outside = evaluate("programme_area", {}, twente_machine_builder(in_programme_area=False))
    assert outside.status is Status.NOT_MET
    in_every_language(outside, "Interreg Deutschland-Nederland")
    assert "außerhalb" in tr(outside.reason, "de")
    unknown = evaluate("programme_area", {}, twente_machine_builder(in_programme_area=None))
    assert unknown.status is Status.UNKNOWN


def test_euregio_met_and_not_met():
    assert tr(evaluate("euregio", {"euregios": ["euregio"]}).reason, "en") == "You are in the area of EUREGIO."
    other = evaluate("euregio", {"euregios": ["ems-dollart-region", "euregio-rhein-waal"]})
    assert other.status is Status.NOT_MET
    assert "Euregio Rhein-Waal oder Ems Dollart Region" in tr(other.reason, "de")
    assert "Euregio Rijn-Waal of Eems Dollard Regio" in tr(other.reason, "nl")
    in_every_language(other, "EUREGIO")


def test_euregio_of_a_firm_outside_every_euregio_and_of_an_unknown_location():
    outside = evaluate("euregio", {"euregios": ["euregio"]}, twente_machine_builder(nuts3="NL310", euregio=None))
    assert outside.status is Status.NOT_MET
    assert "in keiner Euregio" in tr(outside.reason, "de")
    unknown = evaluate("euregio", {"euregios": ["euregio"]}, twente_machine_builder(nuts3=None, euregio=None))
    assert unknown.status is Status.UNKNOWN
