import pytest

from borderless.core.quickscan.scoring import score
from borderless.core.quickscan.technology import technology_profile

from .builders import nothing_yet, use


def profile(in_use=(), links=(), piloting=()):
    statuses = {f"T.use.{t}": "in_use" for t in in_use} | {f"T.use.{t}": "piloting" for t in piloting}
    return technology_profile(statuses, [(f"T.use.{a}", f"T.use.{b}") for a, b in links])


def test_no_cluster_in_use_has_no_island_score():
    result = profile(piloting=["iot", "erp"])
    assert (result.clusters_in_use, result.island_score) == ((), None)


def test_a_single_cluster_is_an_island():
    result = profile(in_use=["erp", "crm"], links=[("erp", "crm")])
    assert result.clusters_in_use == ("production_planning",)
    assert result.islands == ("production_planning",)
    assert result.island_score == 0.0
    assert result.links == (("T.use.erp", "T.use.crm"),)  # kept, but within one cluster


def test_erp_linked_to_sensors_but_mobile_alone_scores_two_thirds():
    result = profile(in_use=["erp", "iot", "mobile_devices"], links=[("iot", "erp")])
    assert result.clusters_in_use == ("sensors_data", "production_planning", "mobile")
    assert result.cluster_links == (("sensors_data", "production_planning"),)
    assert result.islands == ("mobile",)
    assert result.connected_clusters == ("sensors_data", "production_planning")
    assert result.island_score == pytest.approx(2 / 3)


def test_a_chain_connects_every_cluster():
    result = profile(
        in_use=["erp", "iot", "internal_logistics", "cobots"],
        links=[("erp", "iot"), ("internal_logistics", "erp"), ("cobots", "iot"), ("iot", "erp")],
    )
    assert result.island_score == 1.0
    # each pair once, in questionnaire order
    assert result.links == (
        ("T.use.iot", "T.use.erp"),
        ("T.use.iot", "T.use.cobots"),
        ("T.use.erp", "T.use.internal_logistics"),
    )


def test_the_profile_is_part_of_the_result():
    a = use(nothing_yet(), "in_use", "erp", "rfid", "remote_diagnostics")
    a = use(a, "piloting", "vr")
    a["T.links"] = [["T.use.rfid", "T.use.erp"]]
    tech = score(a).technology
    assert tech.island_score == pytest.approx(2 / 3)
    assert tech.islands == ("digital_services",)
    assert tech.technologies("piloting") == ("T.use.vr",)
