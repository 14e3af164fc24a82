"""The linking attack on anonymous atlas profiles, run against the demo population.

For every anonymous firm of the demo, an attacker without an account reads its anonymous card, then
looks for organisations that fit what the card shows: in the public directory (which lists names
with kind, NUTS-3 region, size class and sector), in the atlas search, and by narrowing the search
to values finer than the card shows (each NUTS-3 region of a NUTS-2 card, each size class of an
"SME" card …). The firm must never be named, the finer searches must never find the card, and
at least five organisations of the platform must fit the card, counted two ways:

- every organisation with the values the card shows (kind, region, size, sector): an attacker who
  knows the platform's organisations from elsewhere could not tell them apart;
- every organisation that the platform itself would describe with exactly this card: also an
  attacker who knows how the platform chooses what to show cannot rule any of them out.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.urls import reverse

from borderless.atlas.models import AtlasProfile
from borderless.organisations.models import Euregio, NaceDivision, NutsRegion, Organisation, Town
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

K = 5
API = "/api/atlas/organisations"


@pytest.fixture
def anonymous_firms(demo):
    firms = list(
        AtlasProfile.objects.filter(visibility="anonymous").select_related(
            "organisation", "organisation__town", "organisation__town__nuts3", "organisation__sector"
        )
    )
    assert len(firms) >= 5, "the demo has several anonymous firms"
    return firms


def card_values(body: dict) -> dict:
    """What the card says, as an attacker reads it from the API."""
    region = body.get("region") or {}
    sector = body.get("sector_code")
    if sector is None and body.get("sector"):
        sector = NaceDivision.objects.filter(label_en=body["sector"]).values_list("code", flat=True).first()
    return {
        "kind": (body.get("kind") or {}).get("code", ""),
        "country": body.get("country") or "",
        "region": region.get("code", ""),
        "level": region.get("level", 3) if region else None,
        "size": (body.get("size_class") or {}).get("code", ""),
        "sector": sector or "",
    }


def fits(values: dict, *, kind: str, nuts3: str, country: str, size: str, division: str, section: str) -> bool:
    return (
        (not values["kind"] or kind == values["kind"])
        and (not values["country"] or country == values["country"])
        and (not values["region"] or nuts3.startswith(values["region"]))
        and (not values["size"] or size == values["size"] or (values["size"] == "sme" and size != "large"))
        and (not values["sector"] or values["sector"] in (division, section))
    )


def population() -> list[dict]:
    return [
        {"kind": o.kind, "nuts3": o.town.nuts3_id if o.town_id else "", "country": o.country, "size": o.size_class,
         "division": o.sector_id or "", "section": o.sector.section if o.sector_id else ""}
        for o in Organisation.objects.select_related("town", "sector")
    ]  # fmt: skip


def directory(client) -> list[dict]:
    """The whole public directory, page by page, as a visitor gets it from the API."""
    rows, url = [], "/api/organisations?page_size=100"
    while url:
        body = client.get(url).json()
        rows += body["results"]
        url = body["next"]
    return rows


def search(client, **filters) -> set[str]:
    """References of every profile the atlas search finds with these filters."""
    found, page = set(), 1
    while True:
        response = client.get(API, {**filters, "page": page, "page_size": 100})
        assert response.status_code == 200, response.content
        body = response.json()
        found |= {item["reference"] for item in body["results"]}
        if not body["next"]:
            return found
        page += 1


def search_filters(values: dict) -> dict:
    """The atlas search's filters for exactly what the card shows."""
    filters = {"kind": values["kind"], "country": values["country"], "region": values["region"]}
    if values["size"] != "sme":
        filters["size_class"] = values["size"]
    return {name: value for name, value in filters.items() if value}


def finer_searches(values: dict) -> list[dict]:
    """Searches that each ask about one value finer than the card shows."""
    base = search_filters(values)
    searches = []
    level = values["level"]
    if level is None:
        searches += [{**base, "country": country} for country in ("DE", "NL")]
    elif level < 3:
        finer = NutsRegion.objects.filter(code__startswith=values["region"], level__gt=max(level, 0))
        searches += [{**base, "region": code} for code in finer.values_list("code", flat=True)]
    if level != 3:
        searches += [{**base, "euregio": slug} for slug in Euregio.objects.values_list("slug", flat=True)]
    if values["size"] in ("sme", ""):
        searches += [{**base, "size_class": size} for size in ("micro", "small", "medium")]
    if not values["kind"]:
        searches += [{**base, "kind": kind} for kind in ("company", "knowledge", "intermediary", "hub")]
    return searches


def test_no_anonymous_demo_firm_can_be_singled_out(client, anonymous_firms):
    everyone = population()
    listed = directory(client)
    listed_names = {row["name"] for row in listed}
    singled_out = []
    for profile in anonymous_firms:
        firm = profile.organisation
        response = client.get(f"{API}/{profile.public_reference}")
        assert response.status_code == 200, response.content
        body = response.json()
        assert firm.name not in str(body) and firm.slug not in str(body)
        values = card_values(body)

        # The directory never names it, and the named organisations that fit the card are not alone.
        assert firm.name not in listed_names
        named_fits = [
            row["name"]
            for row in listed
            if fits(values, kind=row["kind"]["code"], nuts3=(row["nuts3"] or {}).get("code", ""),
                    country=row["country"], size=(row["size_class"] or {}).get("code", ""),
                    division=(row["sector"] or {}).get("code", ""),
                    section=NaceDivision.objects.get(code=row["sector"]["code"]).section if row["sector"] else "")
        ]  # fmt: skip
        assert firm.name not in named_fits

        # The atlas search finds the card by what it shows, and by nothing finer.
        assert profile.public_reference in search(client, **search_filters(values))
        for finer in finer_searches(values):
            assert profile.public_reference not in search(client, **finer), (values, finer)

        # Nor do its competences or its description give away a sector the card does not show.
        if len(values["sector"]) != 2 and firm.sector_id:
            own = f"nace.{firm.sector_id}"
            assert own not in {c["code"] for c in body["offers"] + body["needs"]}
            assert profile.public_reference not in search(client, competence=own)
            labels = (firm.sector.label_en, firm.sector.label_de, firm.sector.label_nl)
            assert not any(label in body["description"] for label in labels)

        candidates = sum(1 for o in everyone if fits(values, **o))
        if candidates < K:
            singled_out.append((values, candidates))
    assert singled_out == [], f"{len(singled_out)} of {len(anonymous_firms)} anonymous firms fit fewer than {K}"


def test_every_anonymous_card_describes_at_least_five_organisations_as_the_platform_describes_them(
    anonymous_firms,
):
    from borderless.atlas.anonymity import GEOGRAPHY, quasi_identifiers, shown_for

    organisations = list(Organisation.objects.select_related(*GEOGRAPHY))
    described = shown_for({o.pk: quasi_identifiers(o) for o in organisations})

    def as_read(card):  # what the card says, not which rung of the ladder produced it
        return None if card is None else replace(card, rung=0)

    for profile in anonymous_firms:
        card = as_read(described[profile.organisation_id])
        assert card is not None
        alike = sum(1 for o in organisations if as_read(described[o.pk]) == card)
        assert alike >= K, (profile.organisation_id, card, alike)


def test_the_page_and_the_map_show_no_more_than_the_card(client, anonymous_firms):
    points = {p["url"]: p for p in client.get(reverse("atlas:map_data")).json()["points"]}
    for profile in anonymous_firms:
        firm = profile.organisation
        url = reverse("atlas:detail", args=[profile.public_reference])
        html = client.get(url).content.decode()
        facts = html.split('<dl class="facts">')[1].split("</dl>")[0]
        values = card_values(client.get(f"{API}/{profile.public_reference}").json())
        assert firm.name not in html and firm.slug not in html and (firm.website or "@@") not in html
        shown_region = NutsRegion.objects.filter(code=values["region"]).first()
        region_name = shown_region.name if shown_region else ""
        # The town (and, below a NUTS-3 card, the NUTS-3 region) appears only as part of the region shown.
        if firm.town.name not in region_name:
            assert firm.town.name not in facts
        if values["level"] != 3 and firm.town.nuts3.name not in region_name:
            assert firm.town.nuts3.name not in facts
        if len(values["sector"]) != 2:
            assert firm.sector.label_en not in facts
        point = points.get(url)
        if values["level"] in (1, 2, 3):
            towns = Town.objects.filter(nuts3__code__startswith=values["region"])
            lat = sum(t.latitude for t in towns) / len(towns)
            lon = sum(t.longitude for t in towns) / len(towns)
            assert point is not None and point["label"] == body_name(client, profile)
            assert (point["lat"], point["lon"]) == pytest.approx((lat, lon), abs=1e-3)
            if len(towns) > 1:
                assert (point["lat"], point["lon"]) != pytest.approx(
                    (firm.town.latitude, firm.town.longitude), abs=1e-3
                )
        else:
            assert point is None


def body_name(client, profile) -> str:
    return client.get(f"{API}/{profile.public_reference}").json()["display_name"]


def test_a_signed_in_attacker_learns_no_more(client, anonymous_firms):
    attacker = make_user("curious@example.nl")
    client.force_login(attacker)
    names = {p.organisation.name for p in anonymous_firms}
    for page in range(1, 30):
        response = client.get(API, {"page": page, "page_size": 100})
        if response.status_code == 404:
            break
        assert not names & {item["display_name"] for item in response.json()["results"]}
    html = client.get(reverse("atlas:search"), {"country": "DE"}).content.decode()
    assert not [name for name in names if name in html]


def test_the_research_export_cannot_single_out_an_anonymous_firm_either(client, anonymous_firms, staff):
    """The analysts' export has no names, but it has region, size and sector beside a pseudonym and the
    quickscan results: the rows that fit an anonymous card must belong to none or at least five firms."""
    import csv
    import io

    client.force_login(staff)
    response = client.get(reverse("quickscan:research_csv"))
    assert response.status_code == 200
    text = response.content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    client.logout()
    sections = dict(NaceDivision.objects.values_list("code", "section"))
    for profile in anonymous_firms:
        assert profile.organisation.name not in text
        values = card_values(client.get(f"{API}/{profile.public_reference}").json())
        section = values["sector"] if len(values["sector"]) == 1 else sections.get(values["sector"], "")

        def compatible(row, values=values, section=section) -> bool:
            region = values["region"] if (values["level"] or 0) >= 1 else ""
            return (
                (not values["country"] or row["country"] == values["country"])
                and (not row["nuts2"] or not region or row["nuts2"][: len(region)] == region[:4])
                and (not row["size_class"] or not values["size"] or row["size_class"] == values["size"]
                     or (values["size"] == "sme" and row["size_class"] != "large"))
                and (not row["nace_section"] or not section or row["nace_section"] == section)
                and (not row["nace_division"] or len(values["sector"]) != 2 or row["nace_division"] == values["sector"])
            )  # fmt: skip

        firms = {row["pseudonym"] for row in rows if compatible(row)}
        assert len(firms) == 0 or len(firms) >= K, (values, len(firms))
