"""A deterministic, realistic and clearly fictional population of organisations for the demo.

The generator takes plain town and NACE data and returns frozen dataclasses; the demo app turns
them into rows. The same seed and the same input always give byte-identical output (no set
iteration, no clock, no hash-dependent order), so `make run` shows the same region every time.

What it aims to look like (Digipro had about 360 participating organisations): mostly
manufacturing SMEs (NACE 10-33) plus some wholesale, logistics, IT, engineering and R&D firms;
most micro or small, some medium, few large; about as many Dutch as German organisations; towns
drawn with a weight that grows with population, almost all inside the programme area; some field
labs, advisers and training centres. About 15% have not consented to appear in public.

Names are built from invented surnames (stem + ending typical of the eastern Netherlands or of
Westphalia and Lower Saxony), an activity and a legal form; websites use the reserved `.example`
top-level domain (RFC 2606), so no name or address points at a real firm.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

DEFAULT_SEED = 2021
DEFAULT_SIZE = 320  # plus about 40 real organisations: Digipro's "about 360"
UNLISTED_SHARE = 0.15
PROGRAMME_AREA_SHARE = 0.97


@dataclass(frozen=True)
class DemoTown:
    geonameid: int
    name: str
    country: str  # "NL" or "DE"
    population: int
    nuts3: str
    in_programme_area: bool


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    slug: str
    kind: str
    town: int  # GeoNames id of the town
    size_class: str
    sector: str | None  # NACE division code
    founded_year: int
    website: str
    working_languages: tuple[str, ...]  # main language first
    description: str  # in the main language
    listed_publicly: bool


def slugify(value: str) -> str:
    """ASCII slug as Django makes it, but with German umlauts and ß spelled out (ü -> ue)."""
    for char, replacement in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
        value = value.replace(char, replacement)
    value = value.replace("ß", "ss")
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value.lower())
    return re.sub(r"[-\s]+", "-", value).strip("-_")


# Share of each kind among the generated organisations; the rest are companies. Authorities and
# hubs are all real (see borderless/demo/data/real_organisations.csv), so none are generated.
KIND_SHARES = (("fieldlab", 0.04), ("intermediary", 0.03), ("knowledge", 0.02))
SIZE_WEIGHTS = {
    "company": (("micro", 43), ("small", 36), ("medium", 17), ("large", 4)),
    "fieldlab": (("micro", 40), ("small", 60)),
    "intermediary": (("micro", 60), ("small", 40)),
    "knowledge": (("small", 60), ("medium", 40)),
}
FOUNDED = {  # earliest and latest founding year by size class or kind
    "micro": (1985, 2022),
    "small": (1955, 2018),
    "medium": (1920, 2008),
    "large": (1880, 1995),
    "fieldlab": (2015, 2022),
    "intermediary": (1990, 2020),
    "knowledge": (1960, 2015),
}
ENGLISH_BY_SIZE = {"micro": 0.35, "small": 0.55, "medium": 0.85, "large": 1.0}

# NACE division -> (weight, Dutch activities, German activities, Dutch product phrase, German product phrase).
SECTORS: dict[str, tuple[int, tuple[str, ...], tuple[str, ...], str, str]] = {
    "10": (8, ("Voeding", "Vleeswaren", "Zuivel"), ("Lebensmittel", "Fleischwaren", "Feinkost"),
           "voedingsmiddelen voor retail en foodservice", "Lebensmittel für Handel und Großverbraucher"),
    "11": (1, ("Brouwerij", "Dranken"), ("Brauerei", "Getränke"),
           "bier en frisdranken", "Bier und Erfrischungsgetränke"),
    "13": (3, ("Textiel", "Weverij"), ("Textil", "Weberei"), "technisch textiel", "technische Textilien"),
    "14": (1, ("Bedrijfskleding",), ("Berufsbekleidung",),
           "werk- en beschermende kleding", "Arbeits- und Schutzkleidung"),
    "16": (2, ("Houtbewerking", "Timmerfabriek"), ("Holztechnik", "Holzbau"),
           "houten bouwelementen en verpakkingen", "Holzbauteile und Verpackungen aus Holz"),
    "17": (2, ("Verpakkingen", "Karton"), ("Verpackungen", "Wellpappe"),
           "kartonnen verpakkingen op maat", "Verpackungen aus Wellpappe nach Maß"),
    "18": (2, ("Drukkerij", "Print"), ("Druckerei", "Druck"), "drukwerk en etiketten", "Drucksachen und Etiketten"),
    "20": (3, ("Chemie", "Coatings"), ("Chemie", "Lacke"),
           "coatings en lijmen voor de industrie", "Lacke und Klebstoffe für die Industrie"),
    "21": (1, ("Pharma",), ("Pharma",), "generieke geneesmiddelen", "Generika"),
    "22": (8, ("Kunststoffen", "Kunststoftechniek", "Spuitgietwerk"),
           ("Kunststofftechnik", "Kunststoffe", "Spritzguss"),
           "spuitgietproducten en kunststof onderdelen", "Spritzgussteile und Kunststoffkomponenten"),
    "23": (2, ("Beton", "Keramiek"), ("Betonwerk", "Keramik"),
           "betonelementen en keramische producten", "Betonfertigteile und Keramik"),
    "24": (2, ("Gieterij",), ("Gießerei",), "gietstukken van staal en aluminium", "Guss aus Stahl und Aluminium"),
    "25": (16, ("Metaalbewerking", "Plaatwerk", "Constructie", "Precisietechniek", "Staalbouw", "Lastechniek"),
           ("Metallbau", "Blechtechnik", "Stahlbau", "Präzisionstechnik", "Zerspanungstechnik", "Schweißtechnik"),
           "plaatwerk, verspaning en lasconstructies", "Blechbearbeitung, Zerspanung und Schweißkonstruktionen"),
    "26": (5, ("Elektronica", "Sensortechniek"), ("Elektronik", "Sensorik"),
           "elektronica en sensoren voor de industrie", "Elektronik und Sensorik für die Industrie"),
    "27": (6, ("Elektrotechniek", "Schakeltechniek"), ("Elektrotechnik", "Schaltanlagenbau"),
           "besturingskasten en elektrotechnische installaties", "Schaltschränke und elektrotechnische Anlagen"),
    "28": (15, ("Machinebouw", "Machinefabriek", "Techniek", "Aandrijftechniek"),
           ("Maschinenbau", "Anlagenbau", "Sondermaschinenbau", "Antriebstechnik"),
           "machines en productielijnen op maat", "Sondermaschinen und Produktionsanlagen"),
    "29": (4, ("Automotive", "Carrosseriebouw"), ("Fahrzeugtechnik", "Karosseriebau"),
           "onderdelen en opbouwen voor voertuigen", "Fahrzeugkomponenten und Aufbauten"),
    "30": (2, ("Jachtbouw", "Scheepsbouw"), ("Bootsbau", "Schiffbau"), "schepen en jachten", "Boote und Schiffe"),
    "31": (2, ("Meubelfabriek", "Interieurbouw"), ("Möbelwerk", "Objekteinrichtung"),
           "meubels en interieurs voor projecten", "Möbel und Objekteinrichtungen"),
    "32": (2, ("Medische Techniek", "Instrumentmakerij"), ("Medizintechnik", "Instrumentenbau"),
           "medische hulpmiddelen en instrumenten", "Medizinprodukte und Instrumente"),
    "33": (4, ("Onderhoudstechniek", "Montagetechniek"), ("Industrieservice", "Instandhaltung"),
           "onderhoud en installatie van productiemachines", "Wartung und Montage von Produktionsanlagen"),
    "46": (5, ("Technische Groothandel", "Handelsonderneming"), ("Technischer Großhandel", "Industriebedarf"),
           "technische producten voor industrie en installateurs", "technischen Industrie- und Handwerksbedarf"),
    "49": (5, ("Transport", "Logistiek"), ("Spedition", "Logistik"),
           "wegtransport en warehousing in de grensregio", "Straßentransporte und Lagerlogistik im Grenzraum"),
    "62": (6, ("Software", "IT", "Automatisering"), ("Software", "IT-Systeme", "Datentechnik"),
           "software voor planning en productiebesturing", "Software für Planung und Fertigungssteuerung"),
    "71": (5, ("Ingenieursbureau", "Engineering"), ("Ingenieurbüro", "Engineering"),
           "engineering en technisch ontwerp", "Konstruktion und technische Planung"),
    "72": (2, ("Research", "Innovatielab"), ("Forschung", "Entwicklung"),
           "toegepast onderzoek en prototypes", "angewandte Forschung und Prototypenbau"),
}  # fmt: skip
# The region's core industries (plastics, metal, electronics, electrical, machinery, vehicles): the typical
# Digipro firm, so the SME personas work at one of them.
CORE_INDUSTRIES = ("22", "25", "26", "27", "28", "29")
KIND_SECTOR = {"fieldlab": "72", "intermediary": "70", "knowledge": "85"}

# Invented surnames: stem + ending. Some combinations would be the names of well-known firms of
# the region; those are left out.
SURNAME_PARTS = {
    "NL": (
        ("Assel", "Bekke", "Berg", "Bosch", "Brunne", "Damm", "Egge", "Esse", "Geerd", "Haver", "Hekke", "Holte",
         "Hulse", "Kette", "Kolk", "Lamme", "Linde", "Meule", "Nijen", "Reef", "Rikke", "Schol", "Sikke", "Stroe",
         "Temme", "Velde", "Vinke", "Voort", "Wolde", "Zwer"),
        ("ink", "kamp", "huis", "horst", "man", "beld", "boer", "veld", "brink", "hof", "broek", "kotte"),
        ("", "", "", "", "", "Ter ", "Te ", "Olde ", "Van de "),
    ),
    "DE": (
        ("Ahl", "Beck", "Berk", "Brock", "Dirk", "Ems", "Feld", "Gerd", "Hack", "Herk", "Hols", "Hüls", "Kamp",
         "Kött", "Lamm", "Lind", "Mers", "Nien", "Oster", "Pött", "Rött", "Sand", "Schür", "Stöck", "Tepp", "Tüll",
         "Vorn", "Wessel", "Wilm", "Wint"),
        ("mann", "kamp", "hoff", "haus", "ing", "meier", "horst", "kötter", "feld", "brink", "winkel", "hövel"),
        ("",),
    ),
}  # fmt: skip
BLOCKED_SURNAMES = ("Beckhoff", "Kampmann", "Brockhaus", "Feldhaus", "Lindemann", "Osterkamp", "Wintermann")

LEGAL_FORMS = {  # by country and size class: (form, weight); "" means no legal form in the name
    "NL": {
        "micro": (("", 4), ("V.O.F.", 1), ("B.V.", 5)),
        "small": (("B.V.", 9), ("", 1)),
        "medium": (("B.V.", 1),),
        "large": (("B.V.", 3), ("N.V.", 1)),
    },
    "DE": {
        "micro": (("e.K.", 3), ("GmbH", 6), ("", 1)),
        "small": (("GmbH", 7), ("GmbH & Co. KG", 3)),
        "medium": (("GmbH", 5), ("GmbH & Co. KG", 5)),
        "large": (("GmbH & Co. KG", 3), ("AG", 1), ("SE", 1)),
    },
}

LEAD = {
    "NL": {"micro": "Kleine specialist", "small": "Familiebedrijf", "medium": "Middelgroot bedrijf",
           "large": "Industriële onderneming"},
    "DE": {"micro": "Kleiner Spezialbetrieb", "small": "Familienunternehmen", "medium": "Mittelständisches Unternehmen",
           "large": "Industrieunternehmen"},
}  # fmt: skip
COMPANY_TEXT = {
    "NL": "{lead} in {town}, gespecialiseerd in {product}. {topic}",
    "DE": "{lead} aus {town}, spezialisiert auf {product}. {topic}",
}
TOPICS = {
    "NL": (
        "Wil ERP en machinedata met elkaar verbinden.",
        "Zoekt een Duitse partner voor een gezamenlijk ontwikkelproject.",
        "Experimenteert met cobots in de assemblage.",
        "Werkt aan een digitale strategie voor de komende jaren.",
        "Meet de productie in realtime met sensoren.",
        "Wil onderhoud voorspellen op basis van machinedata.",
        "Zoekt vakmensen met digitale vaardigheden.",
        "Levert al jaren aan klanten in Duitsland.",
    ),
    "DE": (
        "Möchte ERP und Maschinendaten miteinander verbinden.",
        "Sucht einen niederländischen Partner für ein gemeinsames Entwicklungsprojekt.",
        "Erprobt kollaborierende Roboter in der Montage.",
        "Arbeitet an einer Digitalstrategie für die kommenden Jahre.",
        "Erfasst die Produktion in Echtzeit mit Sensoren.",
        "Will die Wartung auf Basis von Maschinendaten vorausplanen.",
        "Sucht Fachkräfte mit digitalen Kompetenzen.",
        "Beliefert seit Jahren Kunden in den Niederlanden.",
    ),
}
FIELDLAB_THEMES = {  # (in the name, in the description)
    "NL": (("Lasrobotica", "lasrobots"), ("Slim Verspanen", "slim verspanen"),
           ("Digitale Tweeling", "digitale tweelingen"), ("Kunststofrecycling", "het recyclen van kunststof"),
           ("Sensoren in de Fabriek", "sensoren in de fabriek"), ("Flexibel Assembleren", "flexibel assembleren"),
           ("Vision & Kwaliteit", "beeldverwerking voor kwaliteitscontrole"), ("Cobots", "cobots"),
           ("Voorspellend Onderhoud", "voorspellend onderhoud"), ("Slimme Logistiek", "slimme logistiek")),
    "DE": (("Robotik", "Robotik"), ("Digitaler Zwilling", "digitale Zwillinge"),
           ("Vernetzte Fertigung", "vernetzte Fertigung"), ("Additive Fertigung", "additive Fertigung"),
           ("Vorausschauende Wartung", "vorausschauende Wartung"), ("Intralogistik", "digitale Intralogistik"),
           ("Bildverarbeitung", "industrielle Bildverarbeitung"), ("Kollaborative Robotik", "Cobots"),
           ("Smarte Sensorik", "smarte Sensorik"), ("Energiedaten", "die Auswertung von Energiedaten")),
}  # fmt: skip
FIELDLAB_TEXT = {
    "NL": ("Fieldlab {theme} {town}", "Fieldlab in {town} waar mkb-bedrijven {topic} uitproberen in een echte "
           "productieomgeving."),
    "DE": ("Lernfabrik {theme} {town}", "Lernfabrik in {town}, in der KMU {topic} in einer realen "
           "Produktionsumgebung erproben."),
}  # fmt: skip
ADVISER_TEXT = {
    "NL": (("{surname} Innovatieadvies", "Innovatiebureau {surname}"),
           "Adviesbureau in {town} dat mkb-bedrijven begeleidt bij subsidies, digitalisering en grensoverschrijdende "
           "samenwerking."),
    "DE": (("{surname} Innovationsberatung GmbH", "Innovationsbüro {surname}"),
           "Beratungsbüro aus {town}, das KMU bei Förderprogrammen, Digitalisierung und grenzüberschreitender "
           "Zusammenarbeit begleitet."),
}  # fmt: skip
ACADEMY_TEXT = {
    "NL": (("{surname} Techniekacademie", "Opleidingscentrum {surname}"),
           "Opleidingscentrum in {town} voor technische vakmensen, met cursussen over automatisering en data."),
    "DE": (("{surname} Technikakademie gGmbH", "Bildungswerk {surname} gGmbH"),
           "Weiterbildungszentrum in {town} für technische Fachkräfte, mit Kursen zu Automatisierung und Daten."),
}  # fmt: skip
MAIN_LANGUAGE = {"NL": "nl", "DE": "de"}
OTHER_LANGUAGE = {"NL": "de", "DE": "nl"}
# Chance that a firm also works in the neighbour's language: near the border, and on the Dutch side more often.
NEIGHBOUR_LANGUAGE = {("NL", True): 0.45, ("NL", False): 0.1, ("DE", True): 0.15, ("DE", False): 0.03}


def demo_population(
    *,
    towns: Iterable[DemoTown],
    nace_codes: Iterable[str],
    seed: int = DEFAULT_SEED,
    size: int = DEFAULT_SIZE,
    reserved_slugs: Iterable[str] = (),
) -> tuple[DemoOrganisation, ...]:
    """`size` fictional organisations in the given towns, all different in name, slug and website."""
    towns = sorted(towns, key=lambda t: t.geonameid)  # the caller's order must not matter
    available = set(nace_codes)
    if not {t.country for t in towns} >= {"NL", "DE"}:
        raise ValueError("the demo needs towns in both the Netherlands and Germany")
    rng = random.Random(seed)
    pools = _town_pools(towns)
    sectors = [(code, entry[0]) for code, entry in SECTORS.items() if code in available]
    if not sectors:
        raise ValueError("none of the demo's NACE divisions is available")

    kinds = []
    for kind, share in KIND_SHARES:
        kinds += [kind] * round(size * share)
    kinds += ["company"] * (size - len(kinds))
    countries = ["NL", "DE"] * (size // 2) + ["NL"] * (size % 2)
    rng.shuffle(kinds)
    rng.shuffle(countries)
    unlisted = set(rng.sample(range(size), round(size * UNLISTED_SHARE)))

    taken_names: set[str] = set()
    taken_slugs = set(reserved_slugs)
    organisations = []
    for index, (kind, country) in enumerate(zip(kinds, countries, strict=True)):
        town = _pick_town(rng, pools, country)
        size_class = _weighted(rng, SIZE_WEIGHTS[kind])
        sector: str | None
        if kind == "company":
            sector = _weighted(rng, sectors)
        else:
            sector = KIND_SECTOR[kind] if KIND_SECTOR[kind] in available else None
        for _attempt in range(1000):
            base, legal_form, description = _name_and_text(rng, kind, country, size_class, sector, town)
            name = f"{base} {legal_form}".strip()
            base_slug = slugify(base)
            slug = slugify(name)
            if base.lower() not in taken_names and base_slug not in taken_slugs and slug not in taken_slugs:
                break
        else:
            raise ValueError("ran out of distinct names; ask for fewer organisations")
        taken_names.add(base.lower())
        taken_slugs.update({base_slug, slug})
        first, last = FOUNDED[kind if kind != "company" else size_class]
        organisations.append(
            DemoOrganisation(
                name=name,
                slug=slug,
                kind=kind,
                town=town.geonameid,
                size_class=size_class,
                sector=sector,
                founded_year=rng.randint(first, last),
                website=f"https://www.{base_slug[:63].strip('-')}.example" if rng.random() < 0.9 else "",
                working_languages=_languages(rng, kind, country, size_class, town.in_programme_area),
                description=description,
                listed_publicly=index not in unlisted,
            )
        )
    return tuple(organisations)


def persona_company(
    organisations: Sequence[DemoOrganisation],
    towns: Iterable[DemoTown],
    *,
    nuts3_codes: Iterable[str],
    size_classes: Iterable[str] = ("small", "medium"),
    sectors: Iterable[str] = CORE_INDUSTRIES,
) -> DemoOrganisation:
    """The first listed small or medium core-industry company in one of the given NUTS-3 regions (for a persona)."""
    regions = set(nuts3_codes)
    sizes = set(size_classes)
    wanted_sectors = set(sectors)
    in_regions = {t.geonameid for t in towns if t.nuts3 in regions}
    for organisation in organisations:
        if (
            organisation.kind == "company"
            and organisation.listed_publicly
            and organisation.size_class in sizes
            and organisation.sector in wanted_sectors
            and organisation.town in in_regions
        ):
            return organisation
    raise LookupError(f"no listed company in {sorted(regions)}")


def _town_pools(towns: Sequence[DemoTown]) -> dict[tuple[str, bool], tuple[list[DemoTown], list[float]]]:
    # Weights grow less than population: cities get more firms, but the Mittelstand of small towns stays visible.
    pools: dict[tuple[str, bool], tuple[list[DemoTown], list[float]]] = {}
    for town in towns:
        members, weights = pools.setdefault((town.country, town.in_programme_area), ([], []))
        members.append(town)
        weights.append(max(town.population, 1000) ** 0.6)
    return pools


def _pick_town(
    rng: random.Random, pools: dict[tuple[str, bool], tuple[list[DemoTown], list[float]]], country: str
) -> DemoTown:
    inside = rng.random() < PROGRAMME_AREA_SHARE
    members, weights = pools.get((country, inside)) or pools[(country, not inside)]
    return rng.choices(members, weights=weights)[0]


def _weighted(rng: random.Random, options: Sequence[tuple[str, float]]) -> str:
    values = [value for value, _ in options]
    return rng.choices(values, weights=[weight for _, weight in options])[0]


def _surname(rng: random.Random, country: str) -> str:
    stems, endings, prefixes = SURNAME_PARTS[country]
    while True:
        surname = rng.choice(stems) + rng.choice(endings)
        if surname not in BLOCKED_SURNAMES:
            return rng.choice(prefixes) + surname


def _name_and_text(
    rng: random.Random, kind: str, country: str, size_class: str, sector: str | None, town: DemoTown
) -> tuple[str, str, str]:
    """Name without legal form, the legal form, and the description in the country's language."""
    if kind == "fieldlab":
        theme, topic = rng.choice(FIELDLAB_THEMES[country])
        name, text = FIELDLAB_TEXT[country]
        return name.format(theme=theme, town=town.name), "", text.format(town=town.name, topic=topic)
    if kind in ("intermediary", "knowledge"):
        patterns, text = (ADVISER_TEXT if kind == "intermediary" else ACADEMY_TEXT)[country]
        return rng.choice(patterns).format(surname=_surname(rng, country)), "", text.format(town=town.name)

    _, activities_nl, activities_de, product_nl, product_de = SECTORS[sector]  # type: ignore[index]  # a company has one
    activity = rng.choice(activities_nl if country == "NL" else activities_de)
    surname = _surname(rng, country)
    pattern = rng.random()
    if pattern < 0.55:
        base = f"{surname} {activity}"
    elif pattern < 0.8:
        base = f"{activity} {surname}"
    elif pattern < 0.9:
        base = f"{surname} & {_surname(rng, country).removeprefix('Van de ')} {activity}"
    else:
        base = f"Gebr. {surname}" if country == "DE" else f"Gebroeders {surname}"
    legal_form = _weighted(rng, LEGAL_FORMS[country][size_class])
    description = COMPANY_TEXT[country].format(
        lead=LEAD[country][size_class],
        town=town.name,
        product=product_nl if country == "NL" else product_de,
        topic=rng.choice(TOPICS[country]),
    )
    return base, legal_form, description


def _languages(rng: random.Random, kind: str, country: str, size_class: str, near_border: bool) -> tuple[str, ...]:
    languages = [MAIN_LANGUAGE[country]]
    if rng.random() < NEIGHBOUR_LANGUAGE[(country, near_border)] or kind == "intermediary":
        languages.append(OTHER_LANGUAGE[country])
    if rng.random() < ENGLISH_BY_SIZE[size_class] or kind in ("fieldlab", "knowledge"):
        languages.append("en")
    return tuple(languages)
