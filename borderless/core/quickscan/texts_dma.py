"""Texts of the six DMA dimensions and their eleven questions (our own wording, marked for gettext).

The topics of the items follow the SME version of the EU Digital Maturity Assessment; the
wording is ours. Pure data: `questionnaire.py` assembles it into questions. Item keys are
stable identifiers (they become item ids such as "D1.Q1.design") and must never be renamed.
"""

from __future__ import annotations

from borderless.core.i18n import Message, _

DIMENSIONS: dict[str, Message] = {
    "D1": _("Digital business strategy"),
    "D2": _("Digital readiness"),
    "D3": _("Human-centric digitalisation"),
    "D4": _("Data management and connectedness"),
    "D5": _("Automation and artificial intelligence"),
    "D6": _("Green digitalisation"),
}

TICK_ALL = _("Tick everything that applies today. If nothing applies, choose the last answer.")
ONE_LEVEL_PER_ROW = _("Choose one level per row, from “not used” to “in regular operation”.")
NONE_OF_THESE = _("None of these")

# question id -> (title, help)
QUESTIONS: dict[str, tuple[Message, Message]] = {
    "D1.Q1": (
        _("Which business areas has your company already digitalised, and which do you plan to digitalise?"),
        _(
            "“Already digitalised”: digital tools carry most of the work in this area today. “Planned”: you "
            "intend to invest here within about two years. Both may apply."
        ),
    ),
    "D1.Q2": (
        _("Which of these statements about your readiness for digitalisation are true?"),
        TICK_ALL,
    ),
    "D2.Q3": (
        _("Which of these basic digital technologies does your company use?"),
        TICK_ALL,
    ),
    "D2.Q4": (
        _("How far has your company got with these advanced technologies?"),
        ONE_LEVEL_PER_ROW,
    ),
    "D3.Q5": (
        _("How does your company build the digital skills of its staff?"),
        TICK_ALL,
    ),
    "D3.Q6": (
        _("How does your company involve its staff in digitalisation?"),
        TICK_ALL,
    ),
    "D4.Q7": (
        _("How does your company handle its data?"),
        _("Tick everything that applies. If your company does not collect data digitally, choose only that answer."),
    ),
    "D4.Q8": (
        _("How does your company protect its data?"),
        TICK_ALL,
    ),
    "D5.Q9": (
        _("How far has your company got with these applications of artificial intelligence?"),
        ONE_LEVEL_PER_ROW,
    ),
    "D6.Q10": (
        _("Where does your company use digital technology to become more sustainable?"),
        TICK_ALL,
    ),
    "D6.Q11": (
        _("To what extent does your company follow these environmental practices?"),
        _("Answer each row with no, partly or yes."),
    ),
}

# question id -> ((item key, text), ...); the exclusive answers come last.
ITEMS: dict[str, tuple[tuple[str, Message], ...]] = {
    "D1.Q1": (
        (
            "design",
            _("Designing products or services"),
        ),
        (
            "planning",
            _("Project planning and management"),
        ),
        (
            "operations",
            _("Operations: production, assembly or service delivery"),
        ),
        (
            "value_chain",
            _("Working with other companies along the value chain"),
        ),
        (
            "inbound",
            _("Inbound logistics and warehousing"),
        ),
        (
            "marketing",
            _("Marketing, sales and customer service"),
        ),
        (
            "delivery",
            _("Delivery, outbound logistics and invoicing"),
        ),
        (
            "administration",
            _("Administration and human resources"),
        ),
        ("procurement", _("Purchasing and procurement")),
        (
            "security",
            _("Cybersecurity and data protection (GDPR)"),
        ),
        (
            "none",
            _("None of these areas, and none planned"),
        ),
    ),
    "D1.Q2": (
        (
            "needs_aligned",
            _("We know what we need from digital technology, and it serves our business goals"),
        ),
        (
            "funding",
            _("Money for our digital projects is secured for at least the next twelve months"),
        ),
        (
            "infrastructure",
            _("Our IT infrastructure can carry new digital applications"),
        ),
        (
            "ict_specialists",
            _("We have ICT specialists, on our staff or contracted"),
        ),
        (
            "management_ready",
            _("Management is ready to lead the digital change"),
        ),
        (
            "staff_ready",
            _("Staff are ready to work with new digital tools"),
        ),
        (
            "adaptable_processes",
            _("Our business processes can be changed to fit digital solutions"),
        ),
        (
            "servitisation",
            _("We offer, or could offer, our products as a service"),
        ),
        (
            "customer_online",
            _("We follow how satisfied our customers are online"),
        ),
        (
            "risks",
            _("We weigh the risks of digitalisation, for example in a continuity plan"),
        ),
        (
            "none",
            _("None of these statements is true"),
        ),
    ),
    "D2.Q3": (
        (
            "connectivity",
            _("Fast internet connection and cloud services"),
        ),
        ("website", _("Company website")),
        (
            "web_forms",
            _("Online forms or portals for customers and suppliers"),
        ),
        (
            "chat_social",
            _("Live chat, chatbots or social media in contact with customers"),
        ),
        (
            "ecommerce",
            _("Selling online (web shop, marketplaces, electronic orders)"),
        ),
        (
            "emarketing",
            _("Online marketing (search engines, newsletters, online advertising)"),
        ),
        (
            "egovernment",
            _("Dealing with public authorities online (taxes, permits, tenders)"),
        ),
        (
            "remote_work",
            _("Tools for working together at a distance (video calls, shared documents)"),
        ),
        (
            "intranet",
            _("Intranet or internal web portal"),
        ),
        (
            "business_systems",
            _("Business software such as ERP, CRM or SCM"),
        ),
        ("none", NONE_OF_THESE),
    ),
    "D2.Q4": (
        (
            "digital_twin",
            _("Simulation and digital twins"),
        ),
        (
            "vr_ar",
            _("Virtual and augmented reality"),
        ),
        (
            "cad_cam",
            _("Computer-aided design and manufacturing (CAD/CAM)"),
        ),
        (
            "mes",
            _("Manufacturing execution system (MES)"),
        ),
        (
            "iot",
            _("Internet of Things and industrial IoT"),
        ),
        ("blockchain", _("Blockchain")),
        (
            "additive",
            _("Additive manufacturing (3D printing)"),
        ),
    ),
    "D3.Q5": (
        (
            "skills_gaps",
            _("We assess which digital skills are missing"),
        ),
        (
            "training_plan",
            _("We have a training plan for digital skills"),
        ),
        (
            "short_courses",
            _("Short courses, tutorials or e-learning"),
        ),
        (
            "learning_by_doing",
            _("Learning by doing, learning from colleagues and room to experiment"),
        ),
        (
            "external_training",
            _("We pay for training by external providers"),
        ),
        (
            "placements",
            _("Traineeships or work placements in digital fields"),
        ),
        (
            "subsidised_training",
            _("We use publicly funded training programmes"),
        ),
        ("none", NONE_OF_THESE),
    ),
    "D3.Q6": (
        (
            "awareness",
            _("We make staff aware of new digital technologies"),
        ),
        (
            "open_communication",
            _("We communicate openly about our digital plans"),
        ),
        (
            "acceptance",
            _("We check how well staff accept new digital tools"),
        ),
        (
            "co_design",
            _("Staff help to choose and shape new digital solutions"),
        ),
        (
            "autonomy",
            _("Digital tools give staff more autonomy in their work"),
        ),
        (
            "job_redesign",
            _("Jobs are redesigned so that digital tools take over dull or strenuous tasks"),
        ),
        (
            "flexible_work",
            _("Digital tools make flexible working hours and places possible"),
        ),
        (
            "support",
            _("Staff get help with digital tools when they need it (help desk, key users)"),
        ),
        ("none", NONE_OF_THESE),
    ),
    "D4.Q7": (
        (
            "policy",
            _("We have rules for handling data (a data policy)"),
        ),
        (
            "stored_digitally",
            _("Our data are stored digitally"),
        ),
        (
            "integrated",
            _("Data from different systems are linked with each other"),
        ),
        (
            "real_time_access",
            _("Data can be reached in real time from different devices and places"),
        ),
        (
            "analysed",
            _("Data are analysed systematically and used in decisions"),
        ),
        (
            "external_sources",
            _("Our analyses also draw on external data sources"),
        ),
        (
            "self_service",
            _("Staff can use analyses without help from specialists (for example dashboards)"),
        ),
        (
            "not_digital",
            _("Our company does not collect data digitally"),
        ),
        (
            "none",
            _("We collect data digitally, but none of these applies"),
        ),
    ),
    "D4.Q8": (
        (
            "security_policy",
            _("A written IT security policy"),
        ),
        (
            "customer_data",
            _("Customer data are protected as the GDPR requires"),
        ),
        (
            "staff_training",
            _("Staff are trained in cybersecurity and data protection"),
        ),
        (
            "threat_monitoring",
            _("Cyber threats are monitored"),
        ),
        (
            "backups",
            _("Business-critical data are backed up regularly"),
        ),
        (
            "continuity_plan",
            _("There is a plan for carrying on after a cyber attack or outage"),
        ),
        ("none", NONE_OF_THESE),
    ),
    "D5.Q9": (
        (
            "language",
            _("Text and language: chatbots, text analysis, machine translation"),
        ),
        (
            "vision",
            _("Vision: image recognition, optical quality inspection"),
        ),
        (
            "speech",
            _("Speech and sound: speech recognition, acoustic monitoring"),
        ),
        (
            "robotics",
            _("Robotics and autonomous machines or vehicles"),
        ),
        (
            "decision_support",
            _("Decision support: forecasts, recommendations, optimised planning"),
        ),
    ),
    "D6.Q10": (
        (
            "business_model",
            _("Sustainable business models (sharing, leasing, product as a service)"),
        ),
        (
            "products",
            _("Products that last longer, use less or can be repaired"),
        ),
        (
            "production",
            _("Production that saves resources"),
        ),
        (
            "energy_use",
            _("Managing and reducing energy use"),
        ),
        (
            "renewables",
            _("Generating or storing renewable energy"),
        ),
        (
            "emissions",
            _("Measuring and reducing emissions and pollution"),
        ),
        (
            "transport",
            _("Cleaner transport and logistics (route planning, fewer empty trips)"),
        ),
        (
            "materials",
            _("Less and better packaging and material"),
        ),
        (
            "circular",
            _("Reuse, recycling and less waste (circular economy)"),
        ),
        ("paperless", _("Paperless administration")),
        ("none", NONE_OF_THESE),
    ),
    "D6.Q11": (
        (
            "management_system",
            _("An environmental management system or certificate (for example ISO 14001 or EMAS)"),
        ),
        (
            "green_purchasing",
            _("Environmental criteria when buying IT and equipment"),
        ),
        (
            "it_energy",
            _("Keeping an eye on the energy use of your own IT"),
        ),
        (
            "device_reuse",
            _("Reusing, refurbishing or recycling old devices"),
        ),
        (
            "impact_reporting",
            _("Reporting your environmental impact with digital data"),
        ),
    ),
}
