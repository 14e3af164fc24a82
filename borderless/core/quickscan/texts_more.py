"""Texts of the non-DMA parts of the quickscan and of the answer scales, results and rules.

Pure data: company data, the acatech statements, the technology profile, strategy and value,
answer labels, bands and follower groups. Keys are stable identifiers and must never be renamed.
"""

from __future__ import annotations

from borderless.core.i18n import Message, _

# --- answer labels -----------------------------------------------------------------------------

SCALE_LABELS: tuple[Message, ...] = (  # index = level 0..5
    _("Not used"),
    _("Considering it"),
    _("Building a prototype"),
    _("Testing"),
    _("Introducing it"),
    _("In regular operation"),
)
TRI_LABELS: dict[str, Message] = {
    "no": _("No"),
    "partly": _("Partly"),
    "yes": _("Yes"),
}
AREA_FLAG_LABELS: dict[str, Message] = {
    "done": _("Already digitalised"),
    "planned": _("Planned"),
}
TECH_STATUS_LABELS: dict[str, Message] = {
    "in_use": _("In use"),
    "piloting": _("Piloting"),
    "planned": _("Planned"),
    "none": _("Not used"),
}

# --- sections ----------------------------------------------------------------------------------

SECTIONS: dict[str, tuple[Message, Message]] = {  # id -> (title, intro)
    "C": (
        _("Your company"),
        _("We take these details from your organisation profile and ask only for what is missing."),
    ),
    "DMA": (
        _("Digital maturity"),
        _("Eleven questions in six dimensions, scored like the EU Digital Maturity Assessment for SMEs."),
    ),
    "A": (
        _("Industrie 4.0 development stage"),
        _(
            "Answer each statement with yes, partly or no. A stage counts as reached when all of its statements, "
            "and those of every stage below it, are answered yes."
        ),
    ),
    "T": (
        _("Technology profile"),
        _("Which technologies you use, and whether they exchange data with each other."),
    ),
    "S": (
        _("Strategy and value"),
        _("Your digital strategy, research and development, and what you want digitalisation to achieve."),
    ),
}

# --- company data (from the organisation profile) ----------------------------------------------

COMPANY_QUESTIONS: dict[str, tuple[Message, Message]] = {
    "C.size_class": (
        _("Size of your company"),
        _("Count everyone employed, full-time or part-time."),
    ),
    "C.sector": (
        _("Sector (NACE division)"),
        _("The two-digit NACE code of your main activity, for example 28 for machinery."),
    ),
    "C.country": (
        _("Country"),
        _("The country of the site the answers describe."),
    ),
    "C.region": (
        _("Region (NUTS 3)"),
        _("The NUTS-3 region of that site, for example NL213 (Twente) or DEA34 (Borken)."),
    ),
}
SIZE_CLASSES: tuple[tuple[str, Message], ...] = (
    ("micro", _("Micro (1–9 employees)")),
    ("small", _("Small (10–49 employees)")),
    ("medium", _("Medium (50–249 employees)")),
    (
        "large",
        _("Large (250+ employees)"),
    ),
)
COUNTRIES: tuple[tuple[str, Message], ...] = (
    ("NL", _("Netherlands")),
    ("DE", _("Germany")),
)

# --- acatech Industrie 4.0 stages ----------------------------------------------------------------

AREAS: dict[str, Message] = {
    "resources": _("Resources"),
    "information_systems": _("Information systems"),
    "organisation": _("Organisational structure"),
    "culture": _("Culture"),
}
STAGES: dict[int, tuple[Message, Message]] = {  # stage -> (name, what it means)
    1: (
        _("Computerisation"),
        _("Information technologies are used, each on its own."),
    ),
    2: (
        _("Connectivity"),
        _("Systems are linked; shop-floor and office IT are partly connected."),
    ),
    3: (
        _("Visibility"),
        _("What is happening? Sensors capture processes in real time and give an up-to-date digital picture."),
    ),
    4: (
        _("Transparency"),
        _("Why is it happening? Data are analysed to understand cause and effect."),
    ),
    5: (
        _("Predictive capacity"),
        _("What will happen? Scenarios and forecasts show what is likely to come."),
    ),
    6: (
        _("Adaptability"),
        _("How can we respond by ourselves? Systems take certain decisions on their own and optimise themselves."),
    ),
}
STAGE_TITLE = _("Stage %(stage)s: %(name)s")
# stage -> ((structural area, statement), ...)
STATEMENTS: dict[int, tuple[tuple[str, Message], ...]] = {
    1: (
        (
            "resources",
            _("Our machines and equipment are computer-controlled wherever that pays off."),
        ),
        (
            "information_systems",
            _("Core tasks such as orders, invoicing and accounting run in business software."),
        ),
        (
            "organisation",
            _("It is clear who is responsible for IT."),
        ),
        (
            "culture",
            _("Staff use computers and business software in their daily work as a matter of course."),
        ),
    ),
    2: (
        (
            "resources",
            _("Machines and equipment are networked and can send and receive data."),
        ),
        (
            "information_systems",
            _("Our business systems are linked: data entered once are available to other departments."),
        ),
        (
            "organisation",
            _("Processes across departments are defined and pass information on digitally."),
        ),
        (
            "culture",
            _("Staff share information digitally rather than on paper."),
        ),
    ),
    3: (
        (
            "resources",
            _("Sensors capture our production and logistics processes in real time."),
        ),
        (
            "information_systems",
            _("An up-to-date digital picture of production is available to everyone who needs it."),
        ),
        (
            "organisation",
            _("Decisions rest on current data, not on experience alone."),
        ),
        (
            "culture",
            _("Staff accept that data make their work processes visible."),
        ),
    ),
    4: (
        (
            "resources",
            _("We combine engineering knowledge with data analysis to find the causes of problems."),
        ),
        (
            "information_systems",
            _("Data from different sources are brought together and analysed in one place."),
        ),
        (
            "organisation",
            _("Teams from different departments work together on improvements based on data."),
        ),
        (
            "culture",
            _("Decisions based on data are valued, and mistakes are analysed openly."),
        ),
    ),
    5: (
        (
            "resources",
            _("Models built on our data forecast events such as maintenance needs or quality deviations."),
        ),
        (
            "information_systems",
            _("Our planning uses simulations of different future scenarios."),
        ),
        (
            "organisation",
            _("Processes and plans are adjusted in advance on the basis of forecasts."),
        ),
        (
            "culture",
            _("Staff trust forecasts and act before problems arise."),
        ),
    ),
    6: (
        (
            "resources",
            _("Machines and systems respond to changes by themselves and optimise themselves."),
        ),
        (
            "information_systems",
            _("Our systems take certain decisions automatically and carry them out."),
        ),
        (
            "organisation",
            _("Decision rights lie with teams and systems, so we can adapt quickly."),
        ),
        (
            "culture",
            _("Continuous change and learning are part of everyday work."),
        ),
    ),
}

# --- technology profile --------------------------------------------------------------------------

TECH_QUESTIONS: dict[str, tuple[Message, Message]] = {
    "T.use": (
        _("Which of these technologies does your company use?"),
        _("For each technology choose: in use, piloting, planned or not used."),
    ),
    "T.links": (
        _("Which of the technologies in use exchange data with each other automatically?"),
        _("Name each pair, for example ERP and networked sensors. Only technologies in use count."),
    ),
}
NO_LINKS = _("None of them exchange data automatically")
# cluster -> (name, ((technology key, text), ...)); numbered as in the European Manufacturing Survey.
CLUSTERS: dict[str, tuple[Message, tuple[tuple[str, Message], ...]]] = {
    "sensors_data": (
        _("Sensors and data"),
        (
            ("iot", _("Networked sensors and IoT")),
            (
                "rfid",
                _("RFID and automatic identification"),
            ),
        ),
    ),
    "production_planning": (
        _("Production planning"),
        (
            (
                "erp",
                _("ERP (enterprise resource planning)"),
            ),
            (
                "crm",
                _("CRM (customer relationship management)"),
            ),
            (
                "plm",
                _("PLM (product lifecycle management)"),
            ),
            (
                "srm",
                _("SRM (supplier relationship management)"),
            ),
        ),
    ),
    "realtime_logistics": (
        _("Real-time logistics"),
        (
            (
                "internal_logistics",
                _("Real-time tracking in internal logistics"),
            ),
            (
                "external_logistics",
                _("Real-time tracking of shipments with suppliers and customers"),
            ),
            (
                "digital_exchange",
                _("Digital data exchange with suppliers and customers (EDI)"),
            ),
        ),
    ),
    "mobile": (
        _("Mobile solutions"),
        (
            (
                "mobile_devices",
                _("Tablets, smartphones or wearables on the shop floor"),
            ),
            (
                "mobile_access",
                _("Mobile access to business systems away from the office"),
            ),
        ),
    ),
    "digital_services": (
        _("Digital services"),
        (
            (
                "remote_diagnostics",
                _("Remote diagnostics and maintenance for customers"),
            ),
            (
                "data_management",
                _("Data management and data-based services"),
            ),
            (
                "vr",
                _("Virtual reality (training, design, service)"),
            ),
        ),
    ),
    "robotics": (
        _("Robotics and production automation"),
        (
            ("industrial_robots", _("Industrial robots")),
            (
                "cobots",
                _("Collaborative robots (cobots)"),
            ),
            (
                "automated_transport",
                _("Automated guided vehicles and automated material handling"),
            ),
        ),
    ),
}

# --- strategy and value --------------------------------------------------------------------------

# question id -> (title, help, ((option or item key, text), ...))
STRATEGY_QUESTIONS: dict[str, tuple[Message, Message, tuple[tuple[str, Message], ...]]] = {
    "S.strategy": (
        _("Does your company have a written digital strategy?"),
        _("A document that says what digitalisation should achieve for your company, and how."),
        (
            ("no", _("No")),
            ("in_preparation", _("Being prepared")),
            ("yes", _("Yes, it is written down")),
        ),
    ),
    "S.rd": (
        _("Does your company do its own research and development?"),
        _("Research and development means systematic work on new products or processes, not routine changes."),
        (
            ("no", _("No")),
            (
                "with_partners",
                _("Only together with partners or by commissioning others"),
            ),
            (
                "own",
                _("Yes, with our own R&D staff or budget"),
            ),
        ),
    ),
    "S.data_services": (
        _("Does your company offer data-driven services or have a data-driven business model?"),
        _("For example remote monitoring sold as a service, pay-per-use, or selling insights from data."),
        (
            ("none", _("No")),
            ("planned", _("Planned")),
            ("piloting", _("In a pilot")),
            ("in_use", _("Yes, in use")),
        ),
    ),
    "S.value": (
        _("What value do you mainly want from digitalisation?"),
        _("Tick one or both. If you have not decided yet, choose the last answer."),
        (
            (
                "growth",
                _("Growth and revenue: new products, services or markets"),
            ),
            (
                "productivity",
                _("Productivity and efficiency: lower costs, faster processes, better quality"),
            ),
            ("none", _("Not decided yet")),
        ),
    ),
    "S.cross_border": (
        _("How is your company active across the Dutch–German border?"),
        _("Tick everything that applies. If none applies, choose the last answer."),
        (
            (
                "customers",
                _("Customers on the other side"),
            ),
            (
                "suppliers",
                _("Suppliers on the other side"),
            ),
            (
                "innovation_partners",
                _("Research or innovation partners on the other side"),
            ),
            (
                "staff",
                _("Staff who live on the other side"),
            ),
            (
                "site",
                _("A branch or site on the other side"),
            ),
            ("none", _("None of these")),
        ),
    ),
}

# --- results -----------------------------------------------------------------------------------

BANDS: dict[str, Message] = {
    "basic": _("Basic"),
    "average": _("Average"),
    "moderately_advanced": _("Moderately advanced"),
    "advanced": _("Advanced"),
}
# The group names are the strategy's own terms and stay English in every language.
GROUPS: dict[str, Message] = {
    "frontrunner": _("Frontrunner"),
    "fast_follower": _("Fast Follower"),
    "late_follower": _("Late Follower"),
}
# The rules as shown to the user; the parameters come from the staff-configurable GroupRules.
GROUP_RULES: dict[str, Message] = {
    "frontrunner": _(
        "Frontrunner: stage %(frontrunner_min_stage)s or higher, own research and development, and a "
        "data-driven service or business model in use or in a pilot."
    ),
    "late_follower": _(
        "Late Follower: stage %(late_max_stage)s or lower, and no Industrie 4.0 technology in use or in a pilot "
        "(networked sensors, real-time logistics, robotics, or an advanced technology at “%(late_min_q4_level)s” "
        "or beyond)."
    ),
    "fast_follower": _("Fast Follower: every company that is neither a Frontrunner nor a Late Follower."),
}
# Each condition of the group rules as a statement; the result page marks it as met or not met.
GROUP_CONDITIONS: dict[str, Message] = {
    "frontrunner_stage": _("Stage %(frontrunner_min_stage)s or higher reached"),
    "own_rd": _("Own research and development"),
    "data_service": _("A data-driven service or business model in use or in a pilot"),
    "late_stage": _("Stage %(late_max_stage)s or lower"),
    "no_i40_technology": _("No Industrie 4.0 technology in use or in a pilot"),
}
