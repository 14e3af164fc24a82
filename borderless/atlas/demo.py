"""Atlas profiles and past projects for the demo organisations.

Deterministic in the seed and each organisation's slug, and compared before anything is written, so
seeding twice changes nothing. Offers and needs are drawn from the synthetic population's per-sector
mixes (borderless/core/matching/synthetic_data.py), restricted to the codes of the loaded taxonomy.

Who gets a profile: most companies, every knowledge institution, field lab, hub and intermediary
(public authorities do not). Visibility: about 85% public, 10% registered users only, 5% anonymous,
an anonymous firm's contact requests going to an intermediary of its own Euregio or region.

The demo must show a cross-border match: the Dutch SME persona's firm needs additive manufacturing,
which the German SME persona's firm and several other German firms offer.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from django.db import transaction

from borderless.content_fields import translations
from borderless.core.matching import synthetic_data as mixes
from borderless.organisations.models import Organisation, OrganisationKind

from .models import AtlasProfile, Competence, CooperationKind, Visibility

PROFILE_KINDS = (
    OrganisationKind.KNOWLEDGE,
    OrganisationKind.FIELDLAB,
    OrganisationKind.HUB,
    OrganisationKind.INTERMEDIARY,
)
COMPANY_SHARE = 0.85
VISIBILITY_WEIGHTS = {Visibility.PUBLIC: 85, Visibility.REGISTERED: 10, Visibility.ANONYMOUS: 5}
MEAN_OFFERS = {"micro": 2.0, "small": 3.0, "medium": 4.0, "large": 5.0}
MEAN_NEEDS = {"micro": 2.0, "small": 2.5, "medium": 3.0, "large": 3.5}
SUPPORT_MEAN_OFFERS = {"knowledge": 7.0, "fieldlab": 7.0, "hub": 4.0, "intermediary": 3.0}

# The cross-border match of the demo (docs/demo.md): the Dutch machine builder looks for metal
# additive manufacturing; the German metalworking persona and a few other German firms offer it.
PERSONA_NEED = "tech.additive"
NL_PERSONA = "sme.nl@demo.borderless.example"
DE_PERSONA = "sme.de@demo.borderless.example"
OTHER_GERMAN_OFFERERS = 3
PROJECTS = 24
PROJECT_TOPICS = (
    "tech.sensors",
    "tech.digital_twin",
    "tech.cobots",
    "tech.additive",
    "tech.ai",
    "tech.mes",
    "tech.computer_vision",
    "tech.predictive_maintenance",
    "tech.data_spaces",
    "svc.prototyping",
)

DESCRIPTIONS = {
    "de": "Unsere Stärken: %(offers)s. Wir suchen Partner für: %(needs)s.",
    "nl": "Onze sterke punten: %(offers)s. Wij zoeken partners voor: %(needs)s.",
    "en": "Our strengths: %(offers)s. We look for partners in: %(needs)s.",
}
NOTHING = {"de": "(noch offen)", "nl": "(nog open)", "en": "(to be decided)"}


@dataclass(frozen=True)
class DemoProfile:
    slug: str
    offers: tuple[str, ...]
    needs: tuple[str, ...]
    description: str
    cooperation_kinds: tuple[str, ...]
    visibility: str
    contact_intermediary: str  # slug, or "" when not anonymous
    show_projects: bool
    contact_email: str
    # About seven in ten public profiles agree to be found by their quickscan group (stable per slug).
    show_follower_group: bool = False


@dataclass(frozen=True)
class AtlasDemoCounts:
    profiles_created: int
    profiles_updated: int
    # The demo's past projects, for the network's demo: (key, title, year, programme, participant slugs).
    projects: tuple[tuple[str, str, int, str, tuple[str, ...]], ...] = ()

    @property
    def changed(self) -> bool:
        return any((self.profiles_created, self.profiles_updated))


def _draw(rng: random.Random, weights: Mapping[str, float], k: int) -> tuple[str, ...]:
    items = sorted(weights)
    if not items:
        return ()
    k = min(k, len(items))
    chosen: set[str] = set()
    for _ in range(4 * k):
        if len(chosen) == k:
            break
        chosen.update(rng.choices(items, weights=[weights[i] for i in items]))
    return tuple(sorted(chosen))


def _count(rng: random.Random, mean: float) -> int:
    return 1 + sum(rng.random() < 0.5 for _ in range(round(2 * (mean - 1))))


def _known(weights: Mapping[str, float], codes: frozenset[str]) -> dict[str, float]:
    return {c: w for c, w in weights.items() if c in codes}


def _intermediary_for(org: Organisation, intermediaries: list[Organisation]) -> Organisation | None:
    """An intermediary of the firm's Euregio, else of its region, else of its country."""
    euregio = org.euregio

    def rank(candidate: Organisation):
        return (
            not (euregio is not None and candidate.name.lower() == euregio.name.lower()),
            candidate.town.nuts3_id != org.town.nuts3_id,
            candidate.town.nuts3.parent_id != org.town.nuts3.parent_id,
            candidate.town.country != org.town.country,
            candidate.slug,
        )

    return min(intermediaries, key=rank, default=None)


def demo_profiles_plan(
    *,
    seed: int,
    organisations: Iterable[Organisation],
    codes: frozenset[str],
    labels: Mapping[str, Mapping[str, str]],
    persona_slugs: Mapping[str, str],
) -> dict[str, DemoProfile]:
    organisations = sorted(organisations, key=lambda o: o.slug)
    intermediaries = [o for o in organisations if o.kind == OrganisationKind.INTERMEDIARY]
    nl_persona, de_persona = persona_slugs.get(NL_PERSONA, ""), persona_slugs.get(DE_PERSONA, "")
    plan: dict[str, DemoProfile] = {}
    for org in organisations:
        rng = random.Random(f"atlas:{seed}:{org.slug}")
        is_persona = org.slug in (nl_persona, de_persona)
        if org.kind == OrganisationKind.COMPANY:
            if not is_persona and rng.random() >= COMPANY_SHARE:
                continue
            group = mixes.SECTOR_GROUP.get(org.sector_id or "", "business_services")
            offer_mix, need_mix = mixes.PROFILES[group]
            offers = set(_draw(rng, _known(offer_mix, codes), _count(rng, MEAN_OFFERS[org.size_class])))
            needs = set(_draw(rng, _known(need_mix, codes), _count(rng, MEAN_NEEDS[org.size_class])))
            own = f"nace.{org.sector_id}"
            if org.sector_id and own in codes and rng.random() < mixes.SHARE_OWN_SECTOR:
                offers.add(own)
            visibility = rng.choices(list(VISIBILITY_WEIGHTS), weights=list(VISIBILITY_WEIGHTS.values()))[0]
        elif org.kind in PROFILE_KINDS:
            _sectors, offer_mix, need_mix = mixes.SUPPORT_PROFILES[org.kind]
            offers = set(_draw(rng, _known(offer_mix, codes), _count(rng, SUPPORT_MEAN_OFFERS[org.kind])))
            needs = set(_draw(rng, _known(need_mix, codes), _count(rng, 1.5))) if need_mix else set()
            visibility = Visibility.PUBLIC
        else:
            continue
        if is_persona:
            visibility = Visibility.PUBLIC
        if org.slug == nl_persona:
            needs.add(PERSONA_NEED)
            offers.discard(PERSONA_NEED)
        if org.slug == de_persona:
            offers.add(PERSONA_NEED)
            needs.discard(PERSONA_NEED)
        needs -= offers
        intermediary = ""
        if visibility == Visibility.ANONYMOUS:
            chosen = _intermediary_for(org, intermediaries)
            if chosen is None:
                visibility = Visibility.PUBLIC
            else:
                intermediary = chosen.slug
        lang = (org.working_languages.split(",")[0] or "en") if org.working_languages else "en"
        lang = lang if lang in DESCRIPTIONS else "en"
        plan[org.slug] = DemoProfile(
            slug=org.slug,
            offers=tuple(sorted(offers)),
            needs=tuple(sorted(needs)),
            # An anonymous firm's text must not name its sector: that is what its card may hide.
            description=_description(lang, offers, needs, labels, sectors=visibility != Visibility.ANONYMOUS),
            cooperation_kinds=tuple(k for k in CooperationKind.values if rng.random() < 0.5) or ("technology",),
            visibility=visibility,
            contact_intermediary=intermediary,
            show_projects=org.kind != OrganisationKind.COMPANY or rng.random() < 0.4,
            contact_email=f"contact@{org.slug}.demo.borderless.example",
            show_follower_group=visibility == Visibility.PUBLIC and zlib.crc32(org.slug.encode()) % 10 < 7,
        )
    _more_german_offerers(plan, organisations, nl_persona, de_persona)
    return plan


def _description(lang: str, offers, needs, labels, *, sectors: bool = True) -> str:
    def listed(codes) -> str:
        codes = [c for c in sorted(codes) if sectors or not c.startswith("nace.")]
        return ", ".join(labels[c][lang] for c in codes[:4]) or NOTHING[lang]

    return DESCRIPTIONS[lang] % {"offers": listed(offers), "needs": listed(needs)}


def _more_german_offerers(plan: dict[str, DemoProfile], organisations, nl_persona: str, de_persona: str) -> None:
    """A few public German manufacturers besides the persona also offer what the Dutch persona needs."""
    if not nl_persona:
        return
    candidates = [
        o
        for o in organisations
        if o.slug in plan
        and o.slug not in (nl_persona, de_persona)
        and o.kind == OrganisationKind.COMPANY
        and o.town.country == "DE"
        and mixes.SECTOR_GROUP.get(o.sector_id or "") in ("metal", "machinery")
        and plan[o.slug].visibility == Visibility.PUBLIC
    ]
    for org in sorted(candidates, key=lambda o: random.Random(f"atlas-offerer:{o.slug}").random())[
        :OTHER_GERMAN_OFFERERS
    ]:
        profile = plan[org.slug]
        plan[org.slug] = replace(
            profile,
            offers=tuple(sorted({*profile.offers, PERSONA_NEED})),
            needs=tuple(c for c in profile.needs if c != PERSONA_NEED),
        )


def _projects_plan(seed: int, organisations: list[Organisation], plan, persona_slugs) -> list[tuple]:
    """Past projects: mostly one Dutch and one German partner, sometimes a third (a knowledge institution)."""
    personas = set(persona_slugs.values())
    rng = random.Random(f"atlas-projects:{seed}")
    pool = [o for o in organisations if o.slug in plan and o.slug not in personas]
    nl = [o.slug for o in pool if o.kind == OrganisationKind.COMPANY and o.town.country == "NL"]
    de = [o.slug for o in pool if o.kind == OrganisationKind.COMPANY and o.town.country == "DE"]
    support = [o.slug for o in pool if o.kind in (OrganisationKind.KNOWLEDGE, OrganisationKind.FIELDLAB)]
    if not nl or not de:
        return []
    projects = []
    for number in range(1, PROJECTS + 1):
        participants = {rng.choice(nl), rng.choice(de)}
        if support and rng.random() < 0.35:
            participants.add(rng.choice(support))
        topic = rng.choice(PROJECT_TOPICS)
        year = rng.randint(2018, 2025)
        programme = "Digipro (Interreg V-A)" if year <= 2022 else "Interreg VI Deutschland-Nederland"
        projects.append((f"Demo project {number:02d}", year, programme, topic, tuple(sorted(participants))))
    return projects


@transaction.atomic
def atlas_demo_seed(
    *, seed: int, organisation_slugs: Iterable[str], persona_slugs: Mapping[str, str]
) -> AtlasDemoCounts:
    """Create or repair the demo organisations' atlas profiles; plan their past projects."""
    if not Competence.objects.exists():
        from .taxonomy import taxonomy_load

        taxonomy_load()
    competences = {c.code: c for c in Competence.objects.all()}
    labels = {code: translations(c, "label") for code, c in competences.items()}
    organisations = list(
        Organisation.objects.filter(slug__in=list(organisation_slugs)).select_related(
            "town", "town__nuts3", "town__nuts3__euregio", "euregio_override"
        )
    )
    by_slug = {o.slug: o for o in organisations}
    plan = demo_profiles_plan(
        seed=seed,
        organisations=organisations,
        codes=frozenset(competences),
        labels=labels,
        persona_slugs=persona_slugs,
    )
    existing = {
        p.organisation.slug: p
        for p in AtlasProfile.objects.filter(organisation__slug__in=list(plan))
        .select_related("organisation", "contact_intermediary")
        .prefetch_related("offers", "needs")
    }
    created = updated = 0
    for slug, wanted in plan.items():
        values = {
            "description": wanted.description,
            "cooperation_kinds": list(wanted.cooperation_kinds),
            "visibility": wanted.visibility,
            "contact_intermediary": by_slug.get(wanted.contact_intermediary),
            "show_projects": wanted.show_projects,
            "show_follower_group": wanted.show_follower_group,
            "contact_email": wanted.contact_email,
            "contact_phone": "",
        }
        profile = existing.get(slug)
        if profile is None:
            profile = AtlasProfile.objects.create(organisation=by_slug[slug], **values)
            profile.offers.set(wanted.offers)
            profile.needs.set(wanted.needs)
            created += 1
            continue
        same_fields = all(getattr(profile, f) == v for f, v in values.items())
        same_offers = {c.code for c in profile.offers.all()} == set(wanted.offers)
        same_needs = {c.code for c in profile.needs.all()} == set(wanted.needs)
        if same_fields and same_offers and same_needs:
            continue
        if not same_fields:
            for f, v in values.items():
                setattr(profile, f, v)
            profile.save()
        if not same_offers:
            profile.offers.set(wanted.offers)
        if not same_needs:
            profile.needs.set(wanted.needs)
        updated += 1

    projects = tuple(
        (title, f"{title}: {labels.get(topic, {}).get('en', topic)}", year, programme, participants)
        for title, year, programme, topic, participants in _projects_plan(seed, organisations, plan, persona_slugs)
    )
    return AtlasDemoCounts(created, updated, projects)
