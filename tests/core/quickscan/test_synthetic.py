"""Synthetic answers: always valid, deterministic, structured like a real population, progressing over time."""

from __future__ import annotations

import json
import random
import statistics
from collections import Counter

import pytest

from borderless.core.quickscan.questionnaire import QUESTIONNAIRE
from borderless.core.quickscan.scoring import score
from borderless.core.quickscan.synthetic import (
    COUNTRIES,
    SIZE_CLASSES,
    SyntheticFirm,
    progress,
    synthetic_answers,
    synthetic_firm,
)
from borderless.core.quickscan.validation import link_pairs, technologies_in_use, validate_answers

SECTORS = ("22", "25", "28", "10", "46", "49", "62", "71")


def population(n: int, *, seed: int = 7) -> list[SyntheticFirm]:
    """Firms with the region's size mix (mostly micro and small), both countries, several sectors."""
    rng = random.Random(seed)
    firms = []
    for i in range(n):
        size_class = rng.choices(SIZE_CLASSES, weights=(43, 36, 17, 4))[0]
        country = rng.choice(COUNTRIES)
        region = "NL213" if country == "NL" else "DEA34"
        firms.append(
            synthetic_firm(
                size_class=size_class,
                sector=rng.choice(SECTORS),
                country=country,
                region=region,
                seed=seed * 10_000 + i,
            )
        )
    return firms


@pytest.fixture(scope="module")
def firms() -> list[SyntheticFirm]:
    return population(600)


@pytest.fixture(scope="module")
def results(firms):
    return [score(synthetic_answers(firm)) for firm in firms]


def test_answers_are_complete_and_valid_for_many_seeds(firms):
    for firm in firms:
        answers = synthetic_answers(firm)
        assert validate_answers(answers) == [], firm
        assert set(answers) == {q.id for q in QUESTIONNAIRE.questions}


@pytest.mark.parametrize("maturity", [0.0, 0.05, 0.5, 0.95, 1.0])
def test_answers_are_valid_at_the_extremes_of_maturity(maturity):
    for seed in range(40):
        firm = SyntheticFirm("micro", "46", "DE", "DEA34", maturity, seed)
        assert validate_answers(synthetic_answers(firm)) == []


def test_a_firm_with_no_maturity_has_done_nothing_and_one_with_full_maturity_nearly_everything():
    nothing = score(synthetic_answers(SyntheticFirm("micro", "46", "NL", "NL213", 0.0, 1)))
    everything = score(synthetic_answers(SyntheticFirm("large", "28", "DE", "DEA34", 1.0, 1)))
    assert nothing.overall < 10 and nothing.stage.reached <= 1
    assert everything.overall > 80 and everything.stage.reached >= 4


def test_company_data_is_the_firms_own():
    answers = synthetic_answers(SyntheticFirm("medium", "27", "DE", "DEA37", 0.4, 3))
    assert answers["C.size_class"] == "C.size_class.medium"
    assert (answers["C.sector"], answers["C.country"], answers["C.region"]) == ("27", "C.country.DE", "DEA37")


def test_the_same_seed_gives_the_same_answers_and_another_seed_other_answers():
    make = lambda seed: synthetic_firm(size_class="small", sector="28", country="NL", region="NL213", seed=seed)  # noqa: E731
    assert synthetic_answers(make(42)) == synthetic_answers(make(42))
    assert make(42).maturity == make(42).maturity
    assert synthetic_answers(make(42)) != synthetic_answers(make(43))


def test_answers_are_plain_json():
    answers = synthetic_answers(SyntheticFirm("small", "28", "NL", "NL213", 0.7, 5))
    assert json.loads(json.dumps(answers)) == answers


def test_more_mature_firms_score_higher_across_every_dimension():
    for seed in range(30):
        low = score(synthetic_answers(SyntheticFirm("small", "28", "NL", "NL213", 0.2, seed)))
        high = score(synthetic_answers(SyntheticFirm("small", "28", "NL", "NL213", 0.7, seed)))
        assert high.overall > low.overall
        assert all(high.dimension_scores[d] >= low.dimension_scores[d] for d in low.dimension_scores)


def test_dimensions_are_correlated_through_the_maturity(results):
    d1 = [r.dimension_scores["D1"] for r in results]
    d4 = [r.dimension_scores["D4"] for r in results]
    assert statistics.correlation(d1, d4) > 0.5


def test_bigger_firms_and_manufacturers_are_somewhat_more_mature():
    def mean_maturity(size_class: str, sector: str) -> float:
        firms = [
            synthetic_firm(size_class=size_class, sector=sector, country="NL", region="NL213", seed=s)
            for s in range(400)
        ]
        return statistics.fmean(f.maturity for f in firms)

    means = [mean_maturity(size, "28") for size in SIZE_CLASSES]
    assert means == sorted(means) and means[-1] - means[0] > 0.15
    assert mean_maturity("small", "28") > mean_maturity("small", "62")


def test_most_firms_are_in_stages_1_and_2_and_few_are_frontrunners(results):
    stages = Counter(r.stage.reached for r in results)
    assert (stages[1] + stages[2]) / len(results) > 0.5
    assert sum(n for stage, n in stages.items() if stage >= 4) / len(results) < 0.1
    groups = Counter(r.group.group.value for r in results)
    assert groups["fast_follower"] > groups["late_follower"] > groups["frontrunner"] > 0


def test_acatech_statements_are_answered_cumulatively(firms):
    # A "yes" in stage k with fewer than three "yes" in stage k-1 never happens.
    for firm in firms:
        answers = synthetic_answers(firm)
        for stage in range(2, 7):
            below = list(answers[f"A.S{stage - 1}"].values())
            here = list(answers[f"A.S{stage}"].values())
            if below.count("yes") < 3:
                assert "yes" not in here, (firm, stage)
            if "yes" not in below and "partly" not in below:
                assert set(here) == {"no"}, (firm, stage)


def test_technology_links_join_only_technologies_in_use_and_rarely_cross_clusters(firms):
    within = across = 0
    for firm in firms:
        answers = synthetic_answers(firm)
        in_use = technologies_in_use(answers["T.use"])
        for a, b in link_pairs(answers["T.links"]):
            assert a in in_use and b in in_use and a != b
            same = QUESTIONNAIRE.item(a).cluster == QUESTIONNAIRE.item(b).cluster
            within += same
            across += not same
    assert within > 0 and across > 0


def test_technology_use_follows_the_regions_survey_shares(firms, results):
    # European Manufacturing Survey 2018: production planning (ERP …) is by far the most used cluster,
    # and more so in Germany; robotics is among the least used.
    share = Counter()
    count = Counter(firm.country for firm in firms)
    for firm, result in zip(firms, results, strict=True):
        for cluster in result.technology.clusters_in_use:
            share[(cluster, firm.country)] += 1 / count[firm.country]
    assert share[("production_planning", "DE")] > share[("production_planning", "NL")] > 0.35
    for country in COUNTRIES:
        assert share[("robotics", country)] < 0.2
        assert share[("production_planning", country)] > max(
            share[(c.id, country)] for c in QUESTIONNAIRE.clusters if c.id != "production_planning"
        )


def test_a_later_assessment_is_somewhat_more_mature_and_never_worse(firms):
    gains = []
    for firm in firms[:200]:
        before = score(synthetic_answers(firm))
        later_firm = progress(firm, months=12)
        after = score(synthetic_answers(later_firm))
        assert later_firm.maturity >= firm.maturity
        assert after.stage.reached >= before.stage.reached
        assert all(after.question_scores[q] >= before.question_scores[q] for q in before.question_scores)
        gains.append(after.overall - before.overall)
    assert 1 < statistics.fmean(gains) < 12
    assert sum(g > 0 for g in gains) > 0.7 * len(gains)


def test_progress_keeps_the_firm_and_is_deterministic():
    firm = synthetic_firm(size_class="small", sector="25", country="DE", region="DEA34", seed=9)
    later = progress(firm, months=9)
    assert (later.size_class, later.sector, later.country, later.region, later.seed) == (
        firm.size_class,
        firm.sector,
        firm.country,
        firm.region,
        firm.seed,
    )
    assert progress(firm, months=9) == later
    assert progress(later, months=9).maturity > later.maturity
    assert progress(firm, months=0).maturity == firm.maturity


def test_bad_firms_are_refused():
    with pytest.raises(ValueError):
        SyntheticFirm("tiny", "28", "NL", "NL213", 0.5, 1)
    with pytest.raises(ValueError):
        SyntheticFirm("small", "28", "BE", "BE100", 0.5, 1)
    with pytest.raises(ValueError):
        SyntheticFirm("small", "28", "NL", "NL213", 1.5, 1)
    with pytest.raises(ValueError):
        progress(SyntheticFirm("small", "28", "NL", "NL213", 0.5, 1), months=-1)
