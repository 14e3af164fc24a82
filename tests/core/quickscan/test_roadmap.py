from borderless.core.i18n import LANGUAGES
from borderless.core.quickscan.roadmap import BLOCKS, INSTRUMENT_TITLES, REASON_TEXTS, roadmap
from borderless.core.quickscan.scoring import CompanyData, score
from tests.core.translations import tr, translated

from .builders import all_ticked, nothing_yet, stages_yes, use
from .test_scoring import example_firm


def steps_of(answers, profile=None):
    return roadmap(score(answers), profile)


def ids(steps):
    return [step.id for step in steps]


def frontrunner():
    a = stages_yes(example_firm(), 4)
    a |= {"S.rd": "S.rd.own", "S.data_services": "S.data_services.in_use", "S.strategy": "S.strategy.yes"}
    a["S.value"] = ["S.value.growth"]
    use(a, "in_use", "erp", "iot", "mobile_devices")
    a["T.links"] = [["T.use.erp", "T.use.iot"]]
    return a


def test_a_late_follower_starting_from_nothing():
    steps = steps_of(nothing_yet())
    assert ids(steps) == ["i40_basics", "strategy_value", "technology_pilot", "culture_competences", "lighthouse"]
    strategy = steps[1]
    assert strategy.reason_codes == ("weak_dimension", "no_strategy", "no_value_focus")
    assert (
        tr(strategy.why_message, "en")
        == "“Digital business strategy” is one of your two weakest dimensions, with 0 of 100 points."
    )
    assert tr(strategy.why_message, "de").startswith("„Digitale Geschäftsstrategie“ ist eine Ihrer beiden schwächsten")
    assert tr(steps[-1].why_message, "nl").startswith("Fase 1, ‘Computerisering’, is uw volgende fase")


def test_ai_waits_for_data_below_stage_three():
    # example firm: D5 = 20 and D4 = 25 are the weakest; it does not collect data digitally
    steps = steps_of(example_firm())
    assert ids(steps) == ["i40_basics", "data_basics", "strategy_value", "culture_competences", "lighthouse"]
    assert steps[1].reason_codes == ("weak_ai_needs_data", "weak_dimension")


def test_a_frontrunner_with_an_island():
    steps = steps_of(frontrunner())
    assert ids(steps) == ["rd_cross_border", "connect_technologies", "automation_ai", "data_basics", "lighthouse"]
    islands = steps[1]
    assert dict(islands.params) == {"islands": 1, "clusters": 3, "island_percent": 67}
    assert tr(islands.why_message, "en").startswith("Island score 67%: not every technology cluster")
    assert "Insel-Score 67 %" in tr(islands.why_message, "de")
    assert steps[-1].params["next_stage"] == 5


def test_security_comes_first_when_it_lags_behind_the_use_of_data():
    a = nothing_yet()
    a["D4.Q7"] = all_ticked("D4.Q7")[:2]  # Q7 > Q8 = 0, D4 lowest together with the zeros
    for qid in ("D1.Q2", "D2.Q3", "D3.Q5", "D3.Q6", "D6.Q10"):
        a[qid] = all_ticked(qid)
    a["D1.Q1"] = {item: {"done": True} for item in all_ticked("D1.Q1")}
    steps = steps_of(a)
    assert "cybersecurity" in ids(steps)
    assert next(s for s in steps if s.id == "cybersecurity").reason_codes == ("weak_security",)


def test_a_fast_follower_is_pointed_to_value_creation_first():
    a = stages_yes(nothing_yet(), 3)
    steps = steps_of(a)
    assert score(a).group.group == "fast_follower"
    assert steps[0].id == "strategy_value"
    assert steps[0].reason_codes[0] == "group_fast"


def test_stage_six_invites_the_firm_to_be_a_lighthouse():
    steps = steps_of(stages_yes(frontrunner(), 6))
    assert steps[-1].id == "lighthouse"
    assert steps[-1].reason_codes == ("stage_top",)


def test_large_companies_are_not_sent_to_vouchers():
    a = nothing_yet()
    a["C.size_class"] = "C.size_class.large"
    assert all("voucher" not in step.instruments for step in steps_of(a))
    small = CompanyData(size_class="small", sector="28", country="DE", region="DEA34")
    assert any("voucher" in step.instruments for step in steps_of(a, small))


def test_the_roadmap_is_deterministic():
    assert steps_of(frontrunner()) == steps_of(frontrunner())


def test_every_step_reason_and_instrument_has_three_languages():
    for block in BLOCKS.values():
        assert all(translated(block.title, lang) and translated(block.action, lang) for lang in LANGUAGES)
        assert set(block.instruments) <= set(INSTRUMENT_TITLES)
    for text in [*REASON_TEXTS.values(), *INSTRUMENT_TITLES.values()]:
        assert all(translated(text, lang) for lang in LANGUAGES)


def test_scores_in_reasons_are_rounded_half_up():
    a = nothing_yet()
    for qid in ("D2.Q3", "D3.Q5", "D3.Q6", "D4.Q7", "D4.Q8", "D6.Q10"):
        a[qid] = all_ticked(qid)
    a["D2.Q4"] = dict.fromkeys(a["D2.Q4"], 5)
    a["D5.Q9"] = dict.fromkeys(a["D5.Q9"], 5)
    a["D1.Q1"] = {item: {"planned": True} for item in all_ticked("D1.Q1")[:5]}  # Q1 = 2.5, Q2 = 0: D1 = 12.5
    reason = next(r for step in steps_of(a) for r in step.reasons if r.code == "weak_dimension")
    assert reason.params["score"] == 13
    assert (
        tr(reason.message, "en")
        == "“Digital business strategy” is one of your two weakest dimensions, with 13 of 100 points."
    )
