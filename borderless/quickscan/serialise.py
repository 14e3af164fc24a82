"""Plain-JSON form of a core quickscan Result, with the DMA's dimension and question identifiers."""

from __future__ import annotations

from typing import Any

from borderless.core.quickscan.scoring import Result


def result_to_dict(result: Result) -> dict[str, Any]:
    return {
        "overall": result.overall,
        "band": result.band.value,
        "dimensions": dict(result.dimension_scores),
        "questions": dict(result.question_scores),
        "stage": {
            "reached": result.stage.reached,
            "progress": result.stage.progress,
            "can_do": list(result.stage.can_do),
            "next_needs": list(result.stage.next_needs),
        },
        "follower_group": {
            "group": result.group.group.value,
            "conditions": dict(result.group.conditions),
            "industrie40_evidence": list(result.group.i40_evidence),
            "rules": result.group.rules.params() | {"late_min_q4_level": result.group.rules.late_min_q4_level},
        },
        "technology": {
            "statuses": {k: str(v) for k, v in result.technology.statuses.items()},
            "clusters_in_use": list(result.technology.clusters_in_use),
            "links": [list(p) for p in result.technology.links],
            "cluster_links": [list(p) for p in result.technology.cluster_links],
            "islands": list(result.technology.islands),
            "island_score": result.technology.island_score,
        },
        "company": {
            "size_class": result.company.size_class,
            "sector": result.company.sector,
            "country": result.company.country,
            "region": result.company.region,
        },
        "strategy": {
            "written_strategy": result.strategy.written_strategy,
            "rd": result.strategy.rd,
            "data_services": result.strategy.data_services,
            "value_sought": list(result.strategy.value_sought),
            "cross_border": list(result.strategy.cross_border),
        },
    }
