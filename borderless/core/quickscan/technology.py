"""The technology profile and the island score.

The European Manufacturing Survey found six clusters of technologies that firms in the region
use, and found that they barely occur together: ERP is rarely connected to sensors, real-time
logistics or mobile solutions (the "island problem"). The quickscan measures this per firm:

- a cluster is *in use* when at least one of its technologies is in use (piloting does not count);
- two clusters are *connected* when a technology in use of the one exchanges data automatically
  with a technology in use of the other;
- island score = (clusters in use that are connected to at least one other cluster) / (clusters
  in use), between 0 and 1; None when no cluster is in use. One cluster alone scores 0: it is an
  island by definition. Links between technologies of the same cluster are kept but do not count.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from borderless.core.quickscan.questionnaire import QUESTIONNAIRE, Questionnaire, TechStatus


@dataclass(frozen=True)
class TechnologyProfile:
    statuses: Mapping[str, TechStatus]  # technology id ("T.use.erp") -> status
    clusters_in_use: tuple[str, ...]  # in questionnaire order
    links: tuple[tuple[str, str], ...]  # technology pairs that exchange data, each pair and the list sorted
    cluster_links: tuple[tuple[str, str], ...]  # pairs of different clusters connected by a link
    islands: tuple[str, ...]  # clusters in use without a link to another cluster
    island_score: float | None  # share of clusters in use connected to another; None if none in use

    @property
    def connected_clusters(self) -> tuple[str, ...]:
        return tuple(c for c in self.clusters_in_use if c not in self.islands)

    def technologies(self, *statuses: TechStatus) -> tuple[str, ...]:
        return tuple(tech for tech, status in self.statuses.items() if status in statuses)


def technology_profile(
    statuses: Mapping[str, str],
    links: Iterable[tuple[str, str]],
    *,
    questionnaire: Questionnaire = QUESTIONNAIRE,
) -> TechnologyProfile:
    """The profile of validated answers to "T.use" (statuses) and "T.links" (pairs)."""
    order = {tech: i for i, tech in enumerate(questionnaire.question("T.use").item_ids())}
    cluster_of = {tech: questionnaire.item(tech).cluster for tech in order}
    cluster_order = [c.id for c in questionnaire.clusters]
    status_of = {tech: TechStatus(statuses.get(tech, TechStatus.NONE)) for tech in order}
    in_use = {tech for tech, status in status_of.items() if status is TechStatus.IN_USE}
    clusters_in_use = tuple(c for c in cluster_order if any(cluster_of[t] == c for t in in_use))

    kept = {
        tuple(sorted((a, b), key=order.__getitem__))
        for a, b in links
        if a in in_use and b in in_use and a != b  # validation rejects the others; be safe when called directly
    }
    tech_links = tuple(sorted(kept, key=lambda pair: (order[pair[0]], order[pair[1]])))
    cluster_pairs = {
        tuple(sorted((cluster_of[a], cluster_of[b]), key=cluster_order.index))  # type: ignore[arg-type]
        for a, b in tech_links
        if cluster_of[a] != cluster_of[b]
    }
    cluster_links = tuple(
        sorted(cluster_pairs, key=lambda p: (cluster_order.index(p[0]), cluster_order.index(p[1])))  # type: ignore[arg-type]
    )
    connected = {c for pair in cluster_links for c in pair}
    islands = tuple(c for c in clusters_in_use if c not in connected)
    share = Fraction(len(clusters_in_use) - len(islands), len(clusters_in_use)) if clusters_in_use else None
    return TechnologyProfile(
        statuses=status_of,
        clusters_in_use=clusters_in_use,
        links=tech_links,  # type: ignore[arg-type]
        cluster_links=cluster_links,  # type: ignore[arg-type]
        islands=islands,
        island_score=None if share is None else float(share),
    )
