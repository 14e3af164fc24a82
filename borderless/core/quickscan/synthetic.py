"""Synthetic quickscan answers: complete, valid and plausibly structured, for demo data and benchmarks.

A firm has a *latent maturity* between 0 (nothing digital yet) and 1 (everything in place). Every
answer is derived from it with an item-response model: each item (a business area, a technology,
an acatech statement …) has a difficulty ``b``, and a firm ticks it when a firm-specific random
number ``u`` lies below ``logistic(slope × (maturity − b))``. Because all answers hang off the same
maturity, they are correlated the way real answers are: a firm with an ERP system tends to back up
its data and to train its staff.

Structure built in on purpose:

- **Size and sector.** `synthetic_firm` draws the maturity from a beta distribution whose mean grows
  with the size class; manufacturers (NACE 10–33) sit a little higher. A few items depend on the firm
  directly: robots are rare outside manufacturing, real-time logistics common in trade and transport,
  own R&D more common in larger firms, R&D with partners more common in the Netherlands (63.2% of
  firms in the eastern Netherlands cooperate in R&D, 33.0% in NRW).
- **Technology clusters.** The difficulty of each cluster's first technology is set so that, in a
  typical population of the region's SMEs, the share of firms using the cluster is the share the
  European Manufacturing Survey 2018 found in the eastern Netherlands or the German border region
  (production planning 56% / 71%, sensors and data 32% / 25%, …). Further technologies of a cluster
  are harder. Data links are drawn only between technologies in use, links across clusters much more
  rarely than inside one (the "island problem").
- **acatech stages build on each other.** A statement of stage k is answered "yes" only if most of
  stage k − 1 is "yes" already; otherwise it is capped at "partly" (or "no" when stage k − 1 has no
  "yes" at all). Most firms end up in stages 1–2, as in the region (about one in five at stage 0, a few at 4+).
- **Strengths differ.** Each firm leans a little towards or away from each area (the six DMA
  dimensions, the acatech statements, technology, strategy).

`progress` gives the same firm some months later: the maturity and, unevenly, the areas grow, while
the firm's random numbers stay the same. As every propensity grows with maturity, no answer gets
worse, so a re-assessment scores at least as high in every question, dimension and stage.

Deterministic: everything comes from `random.Random` seeded with the firm's seed (an int), so the same
firm always answers the same. Pure Python, no Django; the output uses lists and dicts only, so it can
be stored as JSON as it is.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import combinations
from types import MappingProxyType

from borderless.core.quickscan.questionnaire import (
    AREA_FLAGS,
    NONE_KEY,
    NOT_DIGITAL_KEY,
    QUESTIONNAIRE,
    SCALE_MAX,
    Question,
    QuestionType,
    TechStatus,
)

SIZE_CLASSES = ("micro", "small", "medium", "large")
COUNTRIES = ("NL", "DE")

# Mean latent maturity by size class, and the manufacturing bonus (NACE divisions 10–33).
MEAN_MATURITY = MappingProxyType({"micro": 0.27, "small": 0.34, "medium": 0.42, "large": 0.51})
MANUFACTURING_BONUS = 0.04
CONCENTRATION = 8.0  # of the beta distribution: the larger, the closer firms stay to the mean
CALIBRATION_SAMPLE = 300  # firms in the sample the technology shares are calibrated on

SLOPE = 9.0  # how sharply an item's propensity rises around its difficulty
STAGE_SLOPE = 12.0
LEANING_SD = 0.07  # per-area deviation of a firm from its overall maturity

# Areas a firm can be stronger or weaker in.
AREAS = ("D1", "D2", "D3", "D4", "D5", "D6", "A", "T", "S")

# Difficulties of the positive items, by question and item key (0..1: the maturity at which half the
# firms tick the item). Unknown items get DEFAULT_DIFFICULTY, so a longer questionnaire still works.
DEFAULT_DIFFICULTY = 0.5
DIFFICULTY: MappingProxyType[str, MappingProxyType[str, float]] = MappingProxyType(
    {
        qid: MappingProxyType(values)
        for qid, values in {
            "D1.Q1": {"design": .35, "planning": .30, "operations": .35, "value_chain": .50, "inbound": .40,
                      "marketing": .25, "delivery": .20, "administration": .15, "procurement": .30, "security": .30},
            "D1.Q2": {"needs_aligned": .40, "funding": .50, "infrastructure": .30, "ict_specialists": .55,
                      "management_ready": .35, "staff_ready": .45, "adaptable_processes": .50,
                      "servitisation": .65, "customer_online": .55, "risks": .45},
            "D2.Q3": {"connectivity": .05, "website": .02, "web_forms": .30, "chat_social": .30, "ecommerce": .50,
                      "emarketing": .40, "egovernment": .15, "remote_work": .20, "intranet": .40,
                      "business_systems": .30},
            "D2.Q4": {"digital_twin": .75, "vr_ar": .70, "cad_cam": .35, "mes": .55, "iot": .55, "blockchain": .90,
                      "additive": .60},
            "D3.Q5": {"skills_gaps": .35, "training_plan": .45, "short_courses": .30, "learning_by_doing": .20,
                      "external_training": .40, "placements": .65, "subsidised_training": .55},
            "D3.Q6": {"awareness": .25, "open_communication": .30, "acceptance": .35, "co_design": .50,
                      "autonomy": .55, "job_redesign": .60, "flexible_work": .35, "support": .40},
            "D4.Q7": {"policy": .50, "stored_digitally": .10, "integrated": .45, "real_time_access": .60,
                      "analysed": .45, "external_sources": .65, "self_service": .70},
            "D4.Q8": {"security_policy": .40, "customer_data": .30, "staff_training": .45,
                      "threat_monitoring": .55, "backups": .10, "continuity_plan": .60},
            "D5.Q9": {"language": .65, "vision": .70, "speech": .80, "robotics": .70, "decision_support": .70},
            "D6.Q10": {"business_model": .65, "products": .55, "production": .45, "energy_use": .35,
                       "renewables": .40, "emissions": .55, "transport": .45, "materials": .50, "circular": .65,
                       "paperless": .20},
            "D6.Q11": {"management_system": .60, "green_purchasing": .50, "it_energy": .45, "device_reuse": .35,
                       "impact_reporting": .65},
            "S.value": {"growth": .25, "productivity": .10},
            "S.cross_border": {"customers": .30, "suppliers": .35, "innovation_partners": .55, "staff": .60,
                               "site": .80},
        }.items()
    }
)  # fmt: skip

PLANNED_EASE = 0.2  # Q1: "planned" comes this much earlier than "done"; Q11: "partly" earlier than "yes"
LEVEL_STEP = 0.07  # 0–5 scales: each further level needs this much more maturity
NOT_DIGITAL_BELOW = 0.2  # Q7 without any data practice: "not collected digitally" below this maturity

# acatech: difficulty per stage, and per structural area an offset (culture changes last).
STAGE_DIFFICULTY = (0.0, 0.22, 0.45, 0.62, 0.78, 0.90)
AREA_OFFSET = MappingProxyType({"resources": 0.0, "information_systems": -0.02, "organisation": 0.02, "culture": 0.03})
STAGE_PARTLY_EASE = 0.18
STAGE_YES_NEEDS = 0.75  # share of "yes" in the stage below needed for a "yes"

# Share of firms using each technology cluster, European Manufacturing Survey 2018 (product brief):
# eastern Netherlands, German border region.
CLUSTER_SHARES = MappingProxyType(
    {
        "sensors_data": {"NL": 0.32, "DE": 0.25},
        "production_planning": {"NL": 0.56, "DE": 0.71},
        "realtime_logistics": {"NL": 0.13, "DE": 0.27},
        "mobile": {"NL": 0.19, "DE": 0.17},
        "digital_services": {"NL": 0.31, "DE": 0.29},
        "robotics": {"NL": 0.15, "DE": 0.11},
    }
)
FURTHER_TECHNOLOGY_STEP = 0.08  # each further technology of a cluster is this much harder
TECH_PILOT_EASE = 0.10
TECH_PLAN_EASE = 0.22
LINK_DIFFICULTY_SAME_CLUSTER = 0.45
LINK_DIFFICULTY_ACROSS = 0.62
TRADE_AND_TRANSPORT = frozenset({"46", "49", "52"})


@dataclass(frozen=True)
class SyntheticFirm:
    """A synthetic firm: company data, latent maturity and the seed of its idiosyncrasies."""

    size_class: str  # "micro" | "small" | "medium" | "large"
    sector: str  # NACE division, "28"
    country: str  # "NL" | "DE"
    region: str  # NUTS-3 code, "NL213"
    maturity: float  # 0..1
    seed: int
    gains: tuple[float, ...] = (0.0,) * len(AREAS)  # extra maturity per area (AREAS order), from `progress`
    steps: int = 0  # how many times `progress` was applied

    def __post_init__(self) -> None:
        if self.size_class not in SIZE_CLASSES or self.country not in COUNTRIES:
            raise ValueError(f"unknown size class or country: {self.size_class}, {self.country}")
        if not 0 <= self.maturity <= 1:
            raise ValueError("maturity runs from 0 to 1")
        if len(self.gains) != len(AREAS):
            raise ValueError("one gain per area")

    @property
    def manufacturing(self) -> bool:
        return is_manufacturing(self.sector)


def is_manufacturing(sector: str) -> bool:
    return sector.isdigit() and 10 <= int(sector) <= 33


def draw_maturity(*, size_class: str, sector: str, rng: random.Random) -> float:
    """A latent maturity for a firm of this size and sector: larger firms and manufacturers score higher."""
    mean = MEAN_MATURITY[size_class] + (MANUFACTURING_BONUS if is_manufacturing(sector) else 0.0)
    return rng.betavariate(mean * CONCENTRATION, (1 - mean) * CONCENTRATION)


def synthetic_firm(*, size_class: str, sector: str, country: str, region: str, seed: int) -> SyntheticFirm:
    """A firm with a maturity drawn for its size and sector (deterministic in `seed`)."""
    maturity = draw_maturity(size_class=size_class, sector=sector, rng=random.Random(seed))
    return SyntheticFirm(size_class, sector, country, region, maturity, seed)


def progress(firm: SyntheticFirm, *, months: int) -> SyntheticFirm:
    """The same firm `months` later: more mature overall, and unevenly so per area.

    The maturity grows by 0.03 to 0.10 a year, less the closer the firm is to 1, and each area by up
    to as much again; the firm's random numbers stay the same, so no answer gets worse.
    """
    if months < 0:
        raise ValueError("progress runs forward")
    rng = random.Random(f"progress:{firm.seed}:{firm.steps}:{months}")
    headroom = 1 - firm.maturity
    gain = months / 12 * rng.uniform(0.03, 0.10) * math.sqrt(headroom)
    area_gains = tuple(old + gain * rng.uniform(0.0, 1.0) for old in firm.gains)
    return replace(firm, maturity=min(1.0, firm.maturity + gain), gains=area_gains, steps=firm.steps + 1)


def synthetic_answers(firm: SyntheticFirm) -> dict[str, object]:
    """Complete, valid answers (shapes as in `validation`) of the firm."""
    noise = _noise(firm.seed)
    level = {
        area: min(1.0, max(0.0, firm.maturity + noise.leanings[i] + firm.gains[i])) for i, area in enumerate(AREAS)
    }
    answers: dict[str, object] = {
        "C.size_class": f"C.size_class.{firm.size_class}",
        "C.sector": firm.sector,
        "C.country": f"C.country.{firm.country}",
        "C.region": firm.region,
    }
    for question in QUESTIONNAIRE.questions:
        if question.dimension:
            answers[question.id] = _dma_answer(question, level[question.dimension], noise, firm)
    answers.update(_acatech_answers(level["A"], noise))
    statuses = _technology_statuses(firm, level["T"], noise)
    answers["T.use"] = statuses
    answers["T.links"] = _links(statuses, level["T"], noise)
    answers.update(_strategy_answers(firm, level["S"], noise))
    return answers


# --- the model ---------------------------------------------------------------------------------


def _propensity(maturity: float, difficulty: float, slope: float = SLOPE) -> float:
    return 1.0 / (1.0 + math.exp(-slope * (maturity - difficulty)))


@dataclass(frozen=True)
class _Noise:
    leanings: tuple[float, ...]
    u: MappingProxyType[str, float]  # item id (or item id + suffix) -> uniform 0..1


@lru_cache(maxsize=4096)
def _noise(seed: int) -> _Noise:
    """The firm's fixed random numbers, drawn in questionnaire order (independent of its maturity)."""
    rng = random.Random(f"answers:{seed}")
    leanings = tuple(rng.gauss(0.0, LEANING_SD) for _ in AREAS)
    u: dict[str, float] = {}
    for question in QUESTIONNAIRE.questions:
        for item in question.items:
            u[item.id] = rng.random()
        u[question.id] = rng.random()  # for choices made once per question
    technologies = QUESTIONNAIRE.question("T.use").item_ids()
    for a, b in combinations(technologies, 2):
        u[f"{a}|{b}"] = rng.random()
    u["S.rd.partners"] = rng.random()
    return _Noise(leanings, MappingProxyType(u))


def _difficulty(question: Question, key: str) -> float:
    difficulties = DIFFICULTY.get(question.id)
    return difficulties.get(key, DEFAULT_DIFFICULTY) if difficulties else DEFAULT_DIFFICULTY


def _ticked(question: Question, maturity: float, noise: _Noise, firm: SyntheticFirm) -> list[str]:
    return [
        item.id
        for item in question.positive_items
        if noise.u[item.id]
        < _propensity(maturity, _difficulty(question, item.key) + _firm_shift(question, item.key, firm))
    ]


def _firm_shift(question: Question, key: str, firm: SyntheticFirm) -> float:
    """Item difficulties that depend on the firm itself rather than on its maturity."""
    if question.id in ("D5.Q9", "D2.Q4") and key in ("vision", "robotics", "cad_cam", "mes", "iot"):
        return -0.05 if firm.manufacturing else 0.08
    return 0.0


def _dma_answer(question: Question, maturity: float, noise: _Noise, firm: SyntheticFirm) -> object:
    if question.type in (QuestionType.CHECKBOX, QuestionType.CHECKBOX_EXCLUSIVE):
        ticked = _ticked(question, maturity, noise, firm)
        if ticked:
            return ticked
        exclusive = {item.key: item.id for item in question.exclusive_items}
        if NOT_DIGITAL_KEY in exclusive and maturity < NOT_DIGITAL_BELOW:
            return [exclusive[NOT_DIGITAL_KEY]]
        return [exclusive[NONE_KEY]]
    if question.type is QuestionType.AREA_DONE_PLANNED:
        areas: dict[str, dict[str, bool]] = {}
        for item in question.positive_items:
            b, u = _difficulty(question, item.key), noise.u[item.id]
            if u < _propensity(maturity, b):
                areas[item.id] = dict.fromkeys(AREA_FLAGS, False) | {"done": True}
            elif u < _propensity(maturity, b - PLANNED_EASE):
                areas[item.id] = dict.fromkeys(AREA_FLAGS, False) | {"planned": True}
        return areas or f"{question.id}.{NONE_KEY}"
    if question.type is QuestionType.SCALE_0_5:
        rows = {}
        for item in question.items:
            b = _difficulty(question, item.key) + _firm_shift(question, item.key, firm)
            u = noise.u[item.id]
            rows[item.id] = sum(u < _propensity(maturity, b + step * LEVEL_STEP) for step in range(SCALE_MAX))
        return rows
    if question.type is QuestionType.NO_PARTLY_YES:
        return {item.id: _tri(noise.u[item.id], maturity, _difficulty(question, item.key)) for item in question.items}
    raise ValueError(f"{question.id}: no synthetic answers for {question.type}")


def _tri(u: float, maturity: float, difficulty: float, ease: float = PLANNED_EASE, slope: float = SLOPE) -> str:
    if u < _propensity(maturity, difficulty, slope):
        return "yes"
    if u < _propensity(maturity, difficulty - ease, slope):
        return "partly"
    return "no"


def _acatech_answers(maturity: float, noise: _Noise) -> dict[str, dict[str, str]]:
    answers: dict[str, dict[str, str]] = {}
    below: list[str] | None = None
    for stage in QUESTIONNAIRE.stages:
        question = QUESTIONNAIRE.question(stage.question_id)
        rows = {}
        for item in question.items:
            b = STAGE_DIFFICULTY[stage.number - 1] + AREA_OFFSET.get(str(item.area), 0.0)
            rows[item.id] = _tri(noise.u[item.id], maturity, b, STAGE_PARTLY_EASE, STAGE_SLOPE)
        if below is not None:
            yes_below = below.count("yes") / len(below)
            if yes_below < STAGE_YES_NEEDS:
                cap = "partly" if yes_below > 0 else "no"
                rows = {key: _at_most(value, cap) for key, value in rows.items()}
        answers[question.id] = rows
        below = list(rows.values())
    return answers


def _at_most(value: str, cap: str) -> str:
    order = ("no", "partly", "yes")
    return order[min(order.index(value), order.index(cap))]


def _technology_difficulty(firm: SyntheticFirm, cluster: str, position: int) -> float:
    b = _cluster_difficulty(cluster, firm.country) + position * FURTHER_TECHNOLOGY_STEP
    if cluster == "robotics" and not firm.manufacturing:
        b += 0.25
    if cluster == "realtime_logistics" and firm.sector in TRADE_AND_TRANSPORT:
        b -= 0.10
    if cluster == "production_planning":
        b -= 0.04 * (SIZE_CLASSES.index(firm.size_class) - 1)
    return b


@lru_cache(maxsize=64)
def _cluster_difficulty(cluster: str, country: str) -> float:
    """The difficulty of the cluster's first technology such that, in a typical population of firms,
    the share using at least one of its technologies is the share the survey found (bisection)."""
    share = CLUSTER_SHARES.get(cluster, {}).get(country, 0.2)
    n = len(QUESTIONNAIRE.cluster(cluster).technology_ids) if cluster in CLUSTER_SHARES else 1
    population = _calibration_population()

    def population_share(b: float) -> float:
        total = 0.0
        for maturity in population:
            none = 1.0
            for position in range(n):
                none *= 1 - _propensity(maturity, b + position * FURTHER_TECHNOLOGY_STEP)
            total += 1 - none
        return total / len(population)

    low, high = -1.0, 2.0
    for _ in range(30):
        middle = (low + high) / 2
        low, high = (middle, high) if population_share(middle) > share else (low, middle)
    return (low + high) / 2


@lru_cache(maxsize=1)
def _calibration_population() -> tuple[float, ...]:
    """Technology-area maturities of a fixed sample of firms: the size mix of the region's SMEs
    (43% micro, 36% small, 17% medium, 4% large), four in five of them manufacturers."""
    rng = random.Random("calibration")
    sample = []
    for _ in range(CALIBRATION_SAMPLE):
        size_class = rng.choices(SIZE_CLASSES, weights=(43, 36, 17, 4))[0]
        sector = "28" if rng.random() < 0.8 else "46"
        maturity = draw_maturity(size_class=size_class, sector=sector, rng=rng) + rng.gauss(0.0, LEANING_SD)
        sample.append(min(1.0, max(0.0, maturity)))
    return tuple(sample)


def _technology_statuses(firm: SyntheticFirm, maturity: float, noise: _Noise) -> dict[str, str]:
    statuses = {}
    for cluster in QUESTIONNAIRE.clusters:
        for position, tech in enumerate(cluster.technology_ids):
            b, u = _technology_difficulty(firm, cluster.id, position), noise.u[tech]
            if u < _propensity(maturity, b):
                status = TechStatus.IN_USE
            elif u < _propensity(maturity, b - TECH_PILOT_EASE):
                status = TechStatus.PILOTING
            elif u < _propensity(maturity, b - TECH_PLAN_EASE):
                status = TechStatus.PLANNED
            else:
                status = TechStatus.NONE
            statuses[tech] = status.value
    # In questionnaire order, as the form lists them.
    return {tech: statuses[tech] for tech in QUESTIONNAIRE.question("T.use").item_ids()}


def _links(statuses: dict[str, str], maturity: float, noise: _Noise) -> object:
    in_use = [tech for tech, status in statuses.items() if status == TechStatus.IN_USE]
    pairs = []
    for a, b in combinations(in_use, 2):
        same = QUESTIONNAIRE.item(a).cluster == QUESTIONNAIRE.item(b).cluster
        difficulty = LINK_DIFFICULTY_SAME_CLUSTER if same else LINK_DIFFICULTY_ACROSS
        if noise.u[f"{a}|{b}"] < _propensity(maturity, difficulty):
            pairs.append([a, b])
    return pairs or f"T.links.{NONE_KEY}"


def _strategy_answers(firm: SyntheticFirm, maturity: float, noise: _Noise) -> dict[str, object]:
    u = noise.u
    size_shift = (0.10, 0.03, -0.03, -0.10)[SIZE_CLASSES.index(firm.size_class)]
    rd_shift = -0.20 if firm.sector == "72" else -0.10 if firm.sector == "62" else 0.0
    partner_shift = -0.10 if firm.country == "NL" else 0.05
    if u["S.rd"] < _propensity(maturity, 0.55 + size_shift + rd_shift):
        rd = "own"
    elif u["S.rd.partners"] < _propensity(maturity, 0.35 + partner_shift):
        rd = "with_partners"
    else:
        rd = "no"
    data_services = "none"
    for option, difficulty in (("in_use", 0.70), ("piloting", 0.60), ("planned", 0.45)):
        if u["S.data_services"] < _propensity(maturity, difficulty):
            data_services = option
            break
    answers: dict[str, object] = {
        "S.strategy": "S.strategy."
        + {"yes": "yes", "partly": "in_preparation", "no": "no"}[_tri(u["S.strategy"], maturity, 0.55)],
        "S.rd": f"S.rd.{rd}",
        "S.data_services": f"S.data_services.{data_services}",
    }
    for qid in ("S.value", "S.cross_border"):
        question = QUESTIONNAIRE.question(qid)
        answers[qid] = _ticked(question, maturity, noise, firm) or [f"{qid}.{NONE_KEY}"]
    return answers
