"""The assumptions behind the synthetic population, as data (see `synthetic` for how they are used).

Competence codes follow the taxonomy's convention: "tech.*" digital technologies (the six technology
clusters of the European Manufacturing Survey plus what industrial SMEs ask about today), "svc.*"
services and capabilities, "nace.NN" sectors (offered: "we supply this sector's products"; needed:
"we look for a supplier from this sector"). An app whose taxonomy lacks some of them passes its own
codes to the generator, which then leaves the others out.

Weights are relative frequencies, not shares; they are plausible, not measured.
"""

from __future__ import annotations

from types import MappingProxyType

# --- technologies and services -------------------------------------------------------------------

TECHNOLOGIES: tuple[str, ...] = (
    # 1 sensors & data
    "tech.sensors",
    "tech.iot",
    "tech.rfid",
    # 2 production planning
    "tech.erp",
    "tech.crm",
    "tech.plm",
    "tech.mes",
    # 3 real-time logistics
    "tech.realtime_logistics",
    "tech.edi",
    # 4 mobile solutions
    "tech.mobile",
    # 5 digital services
    "tech.remote_diagnostics",
    "tech.data_management",
    "tech.vr_ar",
    # 6 robotics / production automation
    "tech.robotics",
    "tech.cobots",
    "tech.plc_automation",
    # asked about today
    "tech.ai",
    "tech.machine_vision",
    "tech.cybersecurity",
    "tech.cloud",
    "tech.digital_twin",
    "tech.additive",
    "tech.edge",
    "tech.5g",
    "tech.simulation",
    "tech.cad_cam",
)

SERVICES: tuple[str, ...] = (
    "svc.prototyping",
    "svc.systems_integration",
    "svc.data_analytics",
    "svc.fieldlab_access",
    "svc.shared_facility",
    "svc.training",
    "svc.consultancy",
    "svc.rd_cooperation",
    "svc.testing_certification",
    "svc.software_development",
    "svc.engineering_design",
    "svc.contract_manufacturing",
    "svc.maintenance",
    "svc.logistics",
    "svc.funding_advice",
    "svc.market_access",
    "svc.quality_management",
)

# --- sectors -----------------------------------------------------------------------------------------

# NACE division -> relative frequency among companies; manufacturing (10-33) is over-represented on
# purpose: the platform is for industrial SMEs and their suppliers and customers.
SECTOR_WEIGHTS: MappingProxyType[str, float] = MappingProxyType(
    {
        "10": 4.5, "11": 0.4, "13": 0.6, "16": 1.5, "17": 0.6, "18": 1.2, "20": 0.9, "21": 0.2,
        "22": 1.8, "23": 1.2, "24": 0.8, "25": 6.0, "26": 1.5, "27": 1.5, "28": 4.5, "29": 1.0,
        "30": 0.4, "31": 1.2, "32": 1.5, "33": 3.0,
        "01": 3.0, "35": 0.5, "38": 0.6, "41": 1.5, "43": 6.0, "45": 2.5, "46": 6.0, "49": 3.0,
        "52": 1.2, "62": 4.0, "63": 0.6, "70": 3.0, "71": 4.0, "72": 0.6, "73": 1.0, "74": 1.0,
        "82": 1.0,
    }
)  # fmt: skip

# Sector -> profile group: firms of one group offer and need similar things.
SECTOR_GROUP: MappingProxyType[str, str] = MappingProxyType(
    {
        **dict.fromkeys(("10", "11"), "food"),
        **dict.fromkeys(("13", "16", "17", "18", "23", "31", "32"), "light_industry"),
        **dict.fromkeys(("20", "21", "22"), "process"),
        **dict.fromkeys(("24", "25"), "metal"),
        **dict.fromkeys(("26", "27"), "electronics"),
        **dict.fromkeys(("28", "29", "30", "33"), "machinery"),
        **dict.fromkeys(("01",), "agri"),
        **dict.fromkeys(("35", "38"), "utilities"),
        **dict.fromkeys(("41", "43"), "construction"),
        **dict.fromkeys(("45", "46"), "trade"),
        **dict.fromkeys(("49", "52"), "logistics"),
        **dict.fromkeys(("62", "63"), "ict"),
        **dict.fromkeys(("70", "73", "74", "82"), "business_services"),
        **dict.fromkeys(("71", "72"), "engineering"),
    }
)

# Group -> (what its firms tend to offer, what they tend to need), code -> relative frequency.
W = dict[str, float]
PROFILES: MappingProxyType[str, tuple[W, W]] = MappingProxyType(
    {
        "food": (
            {"svc.contract_manufacturing": 3, "svc.logistics": 1, "svc.quality_management": 2, "tech.erp": 1},
            {"tech.sensors": 4, "tech.mes": 3, "tech.machine_vision": 3, "tech.realtime_logistics": 2,
             "svc.data_analytics": 3, "tech.robotics": 2, "tech.cybersecurity": 1, "svc.training": 2,
             "nace.28": 2, "nace.22": 1, "nace.52": 1},
        ),
        "light_industry": (
            {"svc.contract_manufacturing": 4, "svc.prototyping": 2, "tech.cad_cam": 2, "svc.engineering_design": 1},
            {"tech.erp": 3, "tech.robotics": 2, "tech.cobots": 2, "tech.mes": 2, "tech.additive": 2,
             "svc.training": 2, "tech.crm": 1, "svc.consultancy": 1, "nace.28": 1, "nace.46": 1},
        ),
        "process": (
            {"svc.contract_manufacturing": 3, "svc.testing_certification": 2, "svc.rd_cooperation": 1},
            {"tech.sensors": 4, "tech.iot": 3, "svc.data_analytics": 3, "tech.digital_twin": 2, "tech.ai": 2,
             "tech.plc_automation": 2, "tech.cybersecurity": 2, "nace.28": 1, "nace.71": 1},
        ),
        "metal": (
            {"svc.contract_manufacturing": 5, "svc.prototyping": 2, "tech.cad_cam": 3, "tech.additive": 1,
             "svc.engineering_design": 1, "nace.25": 2},
            {"tech.robotics": 4, "tech.cobots": 3, "tech.mes": 3, "tech.erp": 2, "tech.machine_vision": 2,
             "tech.sensors": 2, "svc.training": 2, "tech.additive": 1, "nace.24": 1, "nace.28": 1},
        ),
        "electronics": (
            {"tech.sensors": 4, "tech.iot": 3, "tech.edge": 2, "tech.rfid": 2, "tech.plc_automation": 2,
             "svc.prototyping": 2, "svc.engineering_design": 2, "nace.26": 1, "nace.27": 1},
            {"tech.ai": 3, "tech.cloud": 3, "tech.cybersecurity": 3, "svc.testing_certification": 3,
             "svc.software_development": 2, "svc.market_access": 2, "nace.25": 1, "nace.22": 1},
        ),
        "machinery": (
            {"tech.robotics": 3, "tech.plc_automation": 3, "tech.cobots": 1, "svc.systems_integration": 3,
             "svc.engineering_design": 3, "svc.maintenance": 3, "svc.contract_manufacturing": 1,
             "tech.remote_diagnostics": 1, "nace.28": 2},
            {"tech.sensors": 3, "tech.iot": 3, "tech.ai": 3, "tech.digital_twin": 3, "tech.cybersecurity": 2,
             "svc.data_analytics": 3, "svc.software_development": 2, "tech.remote_diagnostics": 2,
             "tech.vr_ar": 1, "nace.25": 2, "nace.27": 1, "nace.26": 1},
        ),
        "agri": (
            {"svc.logistics": 1, "nace.01": 2},
            {"tech.sensors": 3, "tech.iot": 2, "tech.robotics": 2, "tech.mobile": 2, "svc.data_analytics": 2,
             "tech.machine_vision": 1, "svc.consultancy": 1},
        ),
        "utilities": (
            {"svc.maintenance": 2, "svc.logistics": 1, "svc.consultancy": 1},
            {"tech.iot": 3, "tech.sensors": 2, "tech.remote_diagnostics": 2, "tech.cybersecurity": 2,
             "tech.5g": 1, "svc.data_analytics": 2},
        ),
        "construction": (
            {"svc.maintenance": 2, "svc.engineering_design": 1, "nace.43": 2},
            {"tech.mobile": 3, "tech.digital_twin": 2, "tech.erp": 2, "tech.vr_ar": 1, "tech.cloud": 1,
             "svc.training": 2, "svc.software_development": 1},
        ),
        "trade": (
            {"svc.logistics": 3, "svc.market_access": 3, "nace.46": 2},
            {"tech.crm": 3, "tech.erp": 3, "tech.edi": 3, "tech.realtime_logistics": 2, "tech.cloud": 2,
             "tech.mobile": 2, "tech.cybersecurity": 1, "svc.market_access": 1},
        ),
        "logistics": (
            {"svc.logistics": 5, "tech.realtime_logistics": 2, "nace.49": 1, "nace.52": 1},
            {"tech.rfid": 3, "tech.realtime_logistics": 3, "tech.mobile": 3, "tech.edi": 2, "tech.cloud": 2,
             "tech.robotics": 1, "tech.ai": 1, "svc.software_development": 2},
        ),
        "ict": (
            {"svc.software_development": 5, "tech.cloud": 3, "tech.cybersecurity": 3, "tech.ai": 3,
             "tech.erp": 2, "tech.crm": 2, "tech.data_management": 2, "svc.data_analytics": 3,
             "svc.systems_integration": 2, "tech.mobile": 2, "tech.iot": 1, "tech.vr_ar": 1, "tech.mes": 1,
             "tech.digital_twin": 1, "tech.5g": 1},
            {"svc.market_access": 3, "svc.rd_cooperation": 2, "nace.28": 1, "svc.funding_advice": 1,
             "svc.fieldlab_access": 1, "tech.machine_vision": 1},
        ),
        "business_services": (
            {"svc.consultancy": 5, "svc.training": 3, "svc.market_access": 2, "svc.funding_advice": 1,
             "svc.quality_management": 2},
            {"tech.crm": 2, "tech.cloud": 2, "tech.cybersecurity": 2, "tech.ai": 1, "svc.software_development": 1},
        ),
        "engineering": (
            {"svc.engineering_design": 4, "svc.prototyping": 3, "svc.testing_certification": 3,
             "svc.rd_cooperation": 3, "tech.simulation": 3, "tech.digital_twin": 2, "tech.cad_cam": 2,
             "svc.systems_integration": 1, "tech.plm": 2},
            {"tech.additive": 2, "tech.ai": 2, "svc.shared_facility": 2, "svc.fieldlab_access": 1,
             "svc.market_access": 2, "nace.28": 1, "nace.25": 1},
        ),
    }
)  # fmt: skip

# Organisations that are not companies: (sector choices, offers, needs).
SUPPORT_PROFILES: MappingProxyType[str, tuple[tuple[str, ...], W, W]] = MappingProxyType(
    {
        "knowledge": (
            ("85", "72"),
            {"svc.rd_cooperation": 5, "svc.training": 4, "svc.testing_certification": 2, "svc.data_analytics": 3,
             "svc.prototyping": 2, "tech.ai": 3, "tech.digital_twin": 2, "tech.robotics": 2, "tech.sensors": 2,
             "tech.simulation": 2, "tech.cybersecurity": 2, "tech.additive": 1, "tech.machine_vision": 2,
             "tech.vr_ar": 1, "tech.iot": 2, "tech.5g": 1, "svc.shared_facility": 1},
            {"svc.rd_cooperation": 3, "nace.28": 1, "nace.25": 1, "svc.market_access": 1},
        ),
        "fieldlab": (
            ("72",),
            {"svc.fieldlab_access": 5, "svc.shared_facility": 4, "svc.prototyping": 3, "svc.training": 3,
             "svc.testing_certification": 2, "tech.robotics": 2, "tech.cobots": 2, "tech.additive": 2,
             "tech.digital_twin": 2, "tech.sensors": 2, "tech.machine_vision": 2, "tech.5g": 1, "tech.ai": 1,
             "tech.mes": 1, "tech.vr_ar": 1},
            {"svc.rd_cooperation": 2, "svc.funding_advice": 1, "nace.28": 1},
        ),
        "hub": (
            ("70",),
            {"svc.consultancy": 4, "svc.training": 4, "svc.funding_advice": 3, "svc.fieldlab_access": 2,
             "svc.market_access": 2, "svc.data_analytics": 1, "tech.ai": 1, "tech.cybersecurity": 1},
            {"svc.rd_cooperation": 1},
        ),
        "intermediary": (
            ("94", "70"),
            {"svc.funding_advice": 5, "svc.market_access": 4, "svc.consultancy": 3, "svc.training": 1},
            {},
        ),
        "authority": (
            ("84",),
            {"svc.funding_advice": 3, "svc.market_access": 1},
            {},
        ),
    }
)  # fmt: skip

# --- population mix -------------------------------------------------------------------------------------

KIND_WEIGHTS: MappingProxyType[str, float] = MappingProxyType(
    {"company": 975, "knowledge": 6, "intermediary": 8, "authority": 4, "fieldlab": 4, "hub": 3}
)
COMPANY_SIZES: MappingProxyType[str, float] = MappingProxyType({"micro": 80, "small": 15, "medium": 4, "large": 1})
SUPPORT_SIZES: MappingProxyType[str, float] = MappingProxyType({"small": 40, "medium": 40, "large": 20})
# Mean number of offers and needs of a company by size (the actual number varies around it).
MEAN_OFFERS: MappingProxyType[str, float] = MappingProxyType({"micro": 2.0, "small": 3.0, "medium": 4.0, "large": 5.5})
MEAN_NEEDS: MappingProxyType[str, float] = MappingProxyType({"micro": 2.0, "small": 2.5, "medium": 3.0, "large": 3.5})
SUPPORT_OFFERS = 7.0  # knowledge institutions and field labs offer much more than a firm
SHARE_QUICKSCAN = 0.7  # companies with a follower group; among them about 20/50/30
# size -> (Frontrunner, Fast Follower, Late Follower): larger firms are further ahead.
GROUP_MIX: MappingProxyType[str, tuple[float, float, float]] = MappingProxyType(
    {
        "micro": (0.18, 0.51, 0.31),
        "small": (0.22, 0.50, 0.28),
        "medium": (0.28, 0.50, 0.22),
        "large": (0.35, 0.50, 0.15),
    }
)
SHARE_EMPTY = 0.08  # companies that have not said what they offer or need
SHARE_OWN_SECTOR = 0.5  # companies that offer their own sector's products as a competence
# Share that has taken part in a cooperation project; Dutch firms cooperate more (R&D cooperation
# 63.2% in the eastern Netherlands, 33.0% in NRW), cross-border projects are much rarer.
SHARE_COOPERATED: MappingProxyType[str, float] = MappingProxyType({"NL": 0.15, "DE": 0.08})
SHARE_COOPERATED_SUPPORT = 0.6
VISIBILITY_WEIGHTS: MappingProxyType[str, float] = MappingProxyType({"public": 70, "registered": 20, "anonymous": 10})
SHARE_NL = 0.45

# --- fictional names ------------------------------------------------------------------------------------

NAME_SYLLABLES: MappingProxyType[str, tuple[tuple[str, ...], tuple[str, ...]]] = MappingProxyType(
    {
        "NL": (
            ("Ber", "Hol", "Ven", "Dam", "Ter", "Mol", "Sten", "Wes", "Lin", "Kor", "Zan", "Vel", "Dor", "Ras"),
            ("kamp", "veld", "broek", "horst", "wijk", "dijk", "mans", "hof", "link", "ink", "berg", "stra"),
        ),
        "DE": (
            ("Bre", "Hof", "Wal", "Ker", "Lan", "Mar", "Rot", "Sel", "Tha", "Wes", "Bor", "Hal", "Nie", "Gre"),
            ("mann", "dorf", "berg", "feld", "kamp", "haus", "ing", "ger", "bach", "brink", "hoff", "meier"),
        ),
    }
)
NAME_ACTIVITY: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "NL": ("Techniek", "Metaal", "Systemen", "Automatisering", "Precisie", "Engineering", "Productie", "Data"),
        "DE": ("Technik", "Metallbau", "Systeme", "Automation", "Präzision", "Engineering", "Fertigung", "Data"),
    }
)
LEGAL_FORMS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {"NL": ("B.V.", "B.V.", "B.V.", "V.O.F."), "DE": ("GmbH", "GmbH", "GmbH & Co. KG", "KG")}
)
SUPPORT_NAMES: MappingProxyType[str, dict[str, str]] = MappingProxyType(
    {
        "knowledge": {"NL": "Kenniscentrum %(stem)s %(town)s", "DE": "Institut %(stem)s %(town)s"},
        "fieldlab": {"NL": "Fieldlab %(stem)s", "DE": "Lernfabrik %(stem)s"},
        "hub": {"NL": "Digitale Werkplaats %(stem)s", "DE": "Digitalzentrum %(stem)s"},
        "intermediary": {"NL": "Innovatieloket %(stem)s", "DE": "Innovationsagentur %(stem)s"},
        "authority": {"NL": "Regioloket %(stem)s", "DE": "Wirtschaftsamt %(stem)s"},
    }
)
