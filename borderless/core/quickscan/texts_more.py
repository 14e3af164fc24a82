"""Texts of the non-DMA parts of the quickscan and of the answer scales, results and rules (en/de/nl).

Pure data: company data, the acatech statements, the technology profile, strategy and value,
answer labels, bands and follower groups. Keys are stable identifiers and must never be renamed.
"""

from __future__ import annotations

from borderless.core.quickscan.text import Text as T

# --- answer labels -----------------------------------------------------------------------------

SCALE_LABELS: tuple[T, ...] = (  # index = level 0..5
    T("Not used", "Nicht genutzt", "Niet gebruikt"),
    T("Considering it", "In Überlegung", "Overwegen we"),
    T("Building a prototype", "Prototyp im Bau", "Prototype in ontwikkeling"),
    T("Testing", "Im Test", "In test"),
    T("Introducing it", "In Einführung", "In invoering"),
    T("In regular operation", "Im Regelbetrieb", "In vast gebruik"),
)
TRI_LABELS: dict[str, T] = {
    "no": T("No", "Nein", "Nee"),
    "partly": T("Partly", "Teilweise", "Gedeeltelijk"),
    "yes": T("Yes", "Ja", "Ja"),
}
AREA_FLAG_LABELS: dict[str, T] = {
    "done": T("Already digitalised", "Bereits digitalisiert", "Al gedigitaliseerd"),
    "planned": T("Planned", "Geplant", "Gepland"),
}
TECH_STATUS_LABELS: dict[str, T] = {
    "in_use": T("In use", "Im Einsatz", "In gebruik"),
    "piloting": T("Piloting", "In Erprobung", "In een pilot"),
    "planned": T("Planned", "Geplant", "Gepland"),
    "none": T("Not used", "Nicht genutzt", "Niet gebruikt"),
}

# --- sections ----------------------------------------------------------------------------------

SECTIONS: dict[str, tuple[T, T]] = {  # id -> (title, intro)
    "C": (
        T("Your company", "Ihr Unternehmen", "Uw bedrijf"),
        T(
            "We take these details from your organisation profile and ask only for what is missing.",
            "Diese Angaben übernehmen wir aus Ihrem Organisationsprofil; wir fragen nur nach, was fehlt.",
            "Deze gegevens nemen we over uit uw organisatieprofiel; we vragen alleen wat ontbreekt.",
        ),
    ),
    "DMA": (
        T("Digital maturity", "Digitale Reife", "Digitale volwassenheid"),
        T(
            "Eleven questions in six dimensions, scored like the EU Digital Maturity Assessment for SMEs.",
            "Elf Fragen in sechs Dimensionen, bewertet wie das EU Digital Maturity Assessment für KMU.",
            "Elf vragen in zes dimensies, gescoord zoals het EU Digital Maturity Assessment voor het mkb.",
        ),
    ),
    "A": (
        T("Industrie 4.0 development stage", "Entwicklungsstufe Industrie 4.0", "Ontwikkelingsfase Industrie 4.0"),
        T(
            "Answer each statement with yes, partly or no. A stage counts as reached when all of its statements, "
            "and those of every stage below it, are answered yes.",
            "Beantworten Sie jede Aussage mit ja, teilweise oder nein. Eine Stufe gilt als erreicht, wenn alle "
            "ihre Aussagen und die aller Stufen darunter mit ja beantwortet sind.",
            "Beantwoord elke uitspraak met ja, gedeeltelijk of nee. Een fase geldt als bereikt wanneer alle "
            "uitspraken van die fase en van alle fasen daaronder met ja zijn beantwoord.",
        ),
    ),
    "T": (
        T("Technology profile", "Technologieprofil", "Technologieprofiel"),
        T(
            "Which technologies you use, and whether they exchange data with each other.",
            "Welche Technologien Sie nutzen und ob diese untereinander Daten austauschen.",
            "Welke technologieën u gebruikt en of ze onderling gegevens uitwisselen.",
        ),
    ),
    "S": (
        T("Strategy and value", "Strategie und Wertschöpfung", "Strategie en waarde"),
        T(
            "Your digital strategy, research and development, and what you want digitalisation to achieve.",
            "Ihre Digitalstrategie, Forschung und Entwicklung und was die Digitalisierung bewirken soll.",
            "Uw digitale strategie, onderzoek en ontwikkeling, en wat digitalisering moet opleveren.",
        ),
    ),
}

# --- company data (from the organisation profile) ----------------------------------------------

COMPANY_QUESTIONS: dict[str, tuple[T, T]] = {
    "C.size_class": (
        T("Size of your company", "Größe Ihres Unternehmens", "Grootte van uw bedrijf"),
        T(
            "Count everyone employed, full-time or part-time.",
            "Zählen Sie alle Beschäftigten, in Voll- oder Teilzeit.",
            "Tel alle medewerkers, voltijds of deeltijds.",
        ),
    ),
    "C.sector": (
        T("Sector (NACE division)", "Branche (NACE-Abteilung)", "Sector (NACE-afdeling)"),
        T(
            "The two-digit NACE code of your main activity, for example 28 for machinery.",
            "Der zweistellige NACE-Code Ihrer Haupttätigkeit, zum Beispiel 28 für Maschinenbau.",
            "De tweecijferige NACE-code van uw hoofdactiviteit, bijvoorbeeld 28 voor machinebouw.",
        ),
    ),
    "C.country": (
        T("Country", "Land", "Land"),
        T(
            "The country of the site the answers describe.",
            "Das Land des Standorts, den Ihre Antworten beschreiben.",
            "Het land van de vestiging die uw antwoorden beschrijven.",
        ),
    ),
    "C.region": (
        T("Region (NUTS 3)", "Region (NUTS 3)", "Regio (NUTS 3)"),
        T(
            "The NUTS-3 region of that site, for example NL213 (Twente) or DEA34 (Borken).",
            "Die NUTS-3-Region dieses Standorts, zum Beispiel DEA34 (Borken) oder NL213 (Twente).",
            "De NUTS 3-regio van die vestiging, bijvoorbeeld NL213 (Twente) of DEA34 (Borken).",
        ),
    ),
}
SIZE_CLASSES: tuple[tuple[str, T], ...] = (
    ("micro", T("Micro (1–9 employees)", "Kleinstunternehmen (1–9 Beschäftigte)", "Micro (1–9 medewerkers)")),
    ("small", T("Small (10–49 employees)", "Klein (10–49 Beschäftigte)", "Klein (10–49 medewerkers)")),
    ("medium", T("Medium (50–249 employees)", "Mittel (50–249 Beschäftigte)", "Middelgroot (50–249 medewerkers)")),
    (
        "large",
        T("Large (250 employees or more)", "Groß (250 Beschäftigte oder mehr)", "Groot (250 medewerkers of meer)"),
    ),
)
COUNTRIES: tuple[tuple[str, T], ...] = (
    ("NL", T("Netherlands", "Niederlande", "Nederland")),
    ("DE", T("Germany", "Deutschland", "Duitsland")),
)

# --- acatech Industrie 4.0 stages ----------------------------------------------------------------

AREAS: dict[str, T] = {
    "resources": T("Resources", "Ressourcen", "Middelen"),
    "information_systems": T("Information systems", "Informationssysteme", "Informatiesystemen"),
    "organisation": T("Organisational structure", "Organisationsstruktur", "Organisatiestructuur"),
    "culture": T("Culture", "Kultur", "Cultuur"),
}
STAGES: dict[int, tuple[T, T]] = {  # stage -> (name, what it means)
    1: (
        T("Computerisation", "Computerisierung", "Computerisering"),
        T(
            "Information technologies are used, each on its own.",
            "Informationstechnologien werden eingesetzt, jede für sich.",
            "Informatietechnologieën worden gebruikt, elk op zichzelf.",
        ),
    ),
    2: (
        T("Connectivity", "Konnektivität", "Connectiviteit"),
        T(
            "Systems are linked; shop-floor and office IT are partly connected.",
            "Systeme sind verknüpft; Fertigungs- und Büro-IT sind teilweise verbunden.",
            "Systemen zijn gekoppeld; IT op de werkvloer en op kantoor zijn deels verbonden.",
        ),
    ),
    3: (
        T("Visibility", "Sichtbarkeit", "Zichtbaarheid"),
        T(
            "What is happening? Sensors capture processes in real time and give an up-to-date digital picture.",
            "Was passiert? Sensoren erfassen Prozesse in Echtzeit und liefern ein aktuelles digitales Abbild.",
            "Wat gebeurt er? Sensoren leggen processen realtime vast en geven een actueel digitaal beeld.",
        ),
    ),
    4: (
        T("Transparency", "Transparenz", "Transparantie"),
        T(
            "Why is it happening? Data are analysed to understand cause and effect.",
            "Warum passiert es? Daten werden ausgewertet, um Ursache und Wirkung zu verstehen.",
            "Waarom gebeurt het? Gegevens worden geanalyseerd om oorzaak en gevolg te begrijpen.",
        ),
    ),
    5: (
        T("Predictive capacity", "Prognosefähigkeit", "Voorspellend vermogen"),
        T(
            "What will happen? Scenarios and forecasts show what is likely to come.",
            "Was wird passieren? Szenarien und Prognosen zeigen, was wahrscheinlich kommt.",
            "Wat gaat er gebeuren? Scenario's en voorspellingen laten zien wat er waarschijnlijk komt.",
        ),
    ),
    6: (
        T("Adaptability", "Adaptierbarkeit", "Aanpassingsvermogen"),
        T(
            "How can we respond by ourselves? Systems take certain decisions on their own and optimise themselves.",
            "Wie können wir selbstständig reagieren? Systeme treffen bestimmte Entscheidungen selbst und "
            "optimieren sich selbst.",
            "Hoe kunnen we zelfstandig reageren? Systemen nemen bepaalde beslissingen zelf en optimaliseren zichzelf.",
        ),
    ),
}
STAGE_TITLE = T("Stage %(stage)s: %(name)s", "Stufe %(stage)s: %(name)s", "Fase %(stage)s: %(name)s")
# stage -> ((structural area, statement), ...)
STATEMENTS: dict[int, tuple[tuple[str, T], ...]] = {
    1: (
        (
            "resources",
            T(
                "Our machines and equipment are computer-controlled wherever that pays off.",
                "Unsere Maschinen und Anlagen sind computergesteuert, wo immer sich das lohnt.",
                "Onze machines en installaties zijn computergestuurd waar dat loont.",
            ),
        ),
        (
            "information_systems",
            T(
                "Core tasks such as orders, invoicing and accounting run in business software.",
                "Kernaufgaben wie Aufträge, Rechnungen und Buchhaltung laufen in Unternehmenssoftware.",
                "Kerntaken zoals orders, facturen en boekhouding lopen via bedrijfssoftware.",
            ),
        ),
        (
            "organisation",
            T(
                "It is clear who is responsible for IT.",
                "Die Zuständigkeit für die IT ist klar geregelt.",
                "Het is duidelijk wie verantwoordelijk is voor de IT.",
            ),
        ),
        (
            "culture",
            T(
                "Staff use computers and business software in their daily work as a matter of course.",
                "Die Beschäftigten nutzen Computer und Unternehmenssoftware selbstverständlich in ihrer täglichen "
                "Arbeit.",
                "Medewerkers gebruiken computers en bedrijfssoftware vanzelfsprekend in hun dagelijkse werk.",
            ),
        ),
    ),
    2: (
        (
            "resources",
            T(
                "Machines and equipment are networked and can send and receive data.",
                "Maschinen und Anlagen sind vernetzt und können Daten senden und empfangen.",
                "Machines en installaties zijn verbonden en kunnen gegevens verzenden en ontvangen.",
            ),
        ),
        (
            "information_systems",
            T(
                "Our business systems are linked: data entered once are available to other departments.",
                "Unsere Unternehmenssysteme sind verknüpft: Einmal erfasste Daten stehen anderen Abteilungen zur "
                "Verfügung.",
                "Onze bedrijfssystemen zijn gekoppeld: eenmaal ingevoerde gegevens zijn beschikbaar voor andere "
                "afdelingen.",
            ),
        ),
        (
            "organisation",
            T(
                "Processes across departments are defined and pass information on digitally.",
                "Abteilungsübergreifende Prozesse sind festgelegt und geben Informationen digital weiter.",
                "Processen over afdelingen heen zijn vastgelegd en geven informatie digitaal door.",
            ),
        ),
        (
            "culture",
            T(
                "Staff share information digitally rather than on paper.",
                "Die Beschäftigten teilen Informationen digital statt auf Papier.",
                "Medewerkers delen informatie digitaal in plaats van op papier.",
            ),
        ),
    ),
    3: (
        (
            "resources",
            T(
                "Sensors capture our production and logistics processes in real time.",
                "Sensoren erfassen unsere Produktions- und Logistikprozesse in Echtzeit.",
                "Sensoren leggen onze productie- en logistieke processen realtime vast.",
            ),
        ),
        (
            "information_systems",
            T(
                "An up-to-date digital picture of production is available to everyone who needs it.",
                "Ein aktuelles digitales Abbild der Produktion steht allen zur Verfügung, die es brauchen.",
                "Een actueel digitaal beeld van de productie is beschikbaar voor iedereen die het nodig heeft.",
            ),
        ),
        (
            "organisation",
            T(
                "Decisions rest on current data, not on experience alone.",
                "Entscheidungen beruhen auf aktuellen Daten, nicht allein auf Erfahrung.",
                "Beslissingen berusten op actuele gegevens, niet alleen op ervaring.",
            ),
        ),
        (
            "culture",
            T(
                "Staff accept that data make their work processes visible.",
                "Die Beschäftigten akzeptieren, dass Daten ihre Arbeitsabläufe sichtbar machen.",
                "Medewerkers accepteren dat gegevens hun werkprocessen zichtbaar maken.",
            ),
        ),
    ),
    4: (
        (
            "resources",
            T(
                "We combine engineering knowledge with data analysis to find the causes of problems.",
                "Wir verbinden Fachwissen mit Datenanalyse, um die Ursachen von Problemen zu finden.",
                "We combineren vakkennis met data-analyse om de oorzaken van problemen te vinden.",
            ),
        ),
        (
            "information_systems",
            T(
                "Data from different sources are brought together and analysed in one place.",
                "Daten aus verschiedenen Quellen werden an einer Stelle zusammengeführt und ausgewertet.",
                "Gegevens uit verschillende bronnen worden op één plek samengebracht en geanalyseerd.",
            ),
        ),
        (
            "organisation",
            T(
                "Teams from different departments work together on improvements based on data.",
                "Teams aus verschiedenen Abteilungen arbeiten gemeinsam an datenbasierten Verbesserungen.",
                "Teams uit verschillende afdelingen werken samen aan verbeteringen op basis van data.",
            ),
        ),
        (
            "culture",
            T(
                "Decisions based on data are valued, and mistakes are analysed openly.",
                "Datenbasierte Entscheidungen werden geschätzt, und Fehler werden offen analysiert.",
                "Beslissingen op basis van data worden gewaardeerd, en fouten worden open geanalyseerd.",
            ),
        ),
    ),
    5: (
        (
            "resources",
            T(
                "Models built on our data forecast events such as maintenance needs or quality deviations.",
                "Modelle auf Basis unserer Daten sagen Ereignisse wie Wartungsbedarf oder Qualitätsabweichungen "
                "voraus.",
                "Modellen op basis van onze gegevens voorspellen gebeurtenissen zoals onderhoudsbehoefte of "
                "kwaliteitsafwijkingen.",
            ),
        ),
        (
            "information_systems",
            T(
                "Our planning uses simulations of different future scenarios.",
                "Unsere Planung nutzt Simulationen verschiedener Zukunftsszenarien.",
                "Onze planning gebruikt simulaties van verschillende toekomstscenario's.",
            ),
        ),
        (
            "organisation",
            T(
                "Processes and plans are adjusted in advance on the basis of forecasts.",
                "Abläufe und Pläne werden auf Grundlage von Prognosen vorausschauend angepasst.",
                "Processen en plannen worden op basis van voorspellingen vooraf bijgestuurd.",
            ),
        ),
        (
            "culture",
            T(
                "Staff trust forecasts and act before problems arise.",
                "Die Beschäftigten vertrauen Prognosen und handeln, bevor Probleme entstehen.",
                "Medewerkers vertrouwen op voorspellingen en handelen voordat er problemen ontstaan.",
            ),
        ),
    ),
    6: (
        (
            "resources",
            T(
                "Machines and systems respond to changes by themselves and optimise themselves.",
                "Maschinen und Systeme reagieren selbstständig auf Veränderungen und optimieren sich selbst.",
                "Machines en systemen reageren zelf op veranderingen en optimaliseren zichzelf.",
            ),
        ),
        (
            "information_systems",
            T(
                "Our systems take certain decisions automatically and carry them out.",
                "Unsere Systeme treffen bestimmte Entscheidungen automatisch und setzen sie um.",
                "Onze systemen nemen bepaalde beslissingen automatisch en voeren ze uit.",
            ),
        ),
        (
            "organisation",
            T(
                "Decision rights lie with teams and systems, so we can adapt quickly.",
                "Entscheidungsbefugnisse liegen bei Teams und Systemen, sodass wir uns schnell anpassen können.",
                "Beslissingsbevoegdheden liggen bij teams en systemen, zodat we ons snel kunnen aanpassen.",
            ),
        ),
        (
            "culture",
            T(
                "Continuous change and learning are part of everyday work.",
                "Ständiger Wandel und Lernen gehören zum Arbeitsalltag.",
                "Voortdurende verandering en leren horen bij het dagelijkse werk.",
            ),
        ),
    ),
}

# --- technology profile --------------------------------------------------------------------------

TECH_QUESTIONS: dict[str, tuple[T, T]] = {
    "T.use": (
        T(
            "Which of these technologies does your company use?",
            "Welche dieser Technologien nutzt Ihr Unternehmen?",
            "Welke van deze technologieën gebruikt uw bedrijf?",
        ),
        T(
            "For each technology choose: in use, piloting, planned or not used.",
            "Wählen Sie für jede Technologie: im Einsatz, in Erprobung, geplant oder nicht genutzt.",
            "Kies per technologie: in gebruik, in een pilot, gepland of niet gebruikt.",
        ),
    ),
    "T.links": (
        T(
            "Which of the technologies in use exchange data with each other automatically?",
            "Welche der eingesetzten Technologien tauschen automatisch Daten miteinander aus?",
            "Welke van de technologieën in gebruik wisselen automatisch gegevens met elkaar uit?",
        ),
        T(
            "Name each pair, for example ERP and networked sensors. Only technologies in use count.",
            "Nennen Sie jedes Paar, zum Beispiel ERP und vernetzte Sensoren. Es zählen nur Technologien im Einsatz.",
            "Noem elk paar, bijvoorbeeld ERP en verbonden sensoren. Alleen technologieën in gebruik tellen mee.",
        ),
    ),
}
NO_LINKS = T(
    "None of them exchange data automatically",
    "Keine davon tauscht automatisch Daten aus",
    "Geen ervan wisselt automatisch gegevens uit",
)
# cluster -> (name, ((technology key, text), ...)); numbered as in the European Manufacturing Survey.
CLUSTERS: dict[str, tuple[T, tuple[tuple[str, T], ...]]] = {
    "sensors_data": (
        T("Sensors and data", "Sensorik und Daten", "Sensoren en data"),
        (
            ("iot", T("Networked sensors and IoT", "Vernetzte Sensoren und IoT", "Verbonden sensoren en IoT")),
            (
                "rfid",
                T(
                    "RFID and automatic identification",
                    "RFID und automatische Identifikation",
                    "RFID en automatische identificatie",
                ),
            ),
        ),
    ),
    "production_planning": (
        T("Production planning", "Produktionsplanung", "Productieplanning"),
        (
            (
                "erp",
                T(
                    "ERP (enterprise resource planning)",
                    "ERP (Ressourcenplanung)",
                    "ERP (planning van bedrijfsmiddelen)",
                ),
            ),
            (
                "crm",
                T(
                    "CRM (customer relationship management)",
                    "CRM (Kundenbeziehungsmanagement)",
                    "CRM (klantrelatiebeheer)",
                ),
            ),
            (
                "plm",
                T(
                    "PLM (product lifecycle management)",
                    "PLM (Produktlebenszyklusmanagement)",
                    "PLM (productlevenscyclusbeheer)",
                ),
            ),
            (
                "srm",
                T(
                    "SRM (supplier relationship management)",
                    "SRM (Lieferantenmanagement)",
                    "SRM (leveranciersrelatiebeheer)",
                ),
            ),
        ),
    ),
    "realtime_logistics": (
        T("Real-time logistics", "Echtzeit-Logistik", "Realtime logistiek"),
        (
            (
                "internal_logistics",
                T(
                    "Real-time tracking in internal logistics",
                    "Echtzeit-Verfolgung in der innerbetrieblichen Logistik",
                    "Realtime volgen in de interne logistiek",
                ),
            ),
            (
                "external_logistics",
                T(
                    "Real-time tracking of shipments with suppliers and customers",
                    "Echtzeit-Verfolgung von Sendungen mit Lieferanten und Kunden",
                    "Realtime volgen van zendingen met leveranciers en klanten",
                ),
            ),
            (
                "digital_exchange",
                T(
                    "Digital data exchange with suppliers and customers (EDI)",
                    "Digitaler Datenaustausch mit Lieferanten und Kunden (EDI)",
                    "Digitale gegevensuitwisseling met leveranciers en klanten (EDI)",
                ),
            ),
        ),
    ),
    "mobile": (
        T("Mobile solutions", "Mobile Lösungen", "Mobiele oplossingen"),
        (
            (
                "mobile_devices",
                T(
                    "Tablets, smartphones or wearables on the shop floor",
                    "Tablets, Smartphones oder Wearables in der Fertigung",
                    "Tablets, smartphones of wearables op de werkvloer",
                ),
            ),
            (
                "mobile_access",
                T(
                    "Mobile access to business systems away from the office",
                    "Mobiler Zugriff auf Unternehmenssoftware außerhalb des Büros",
                    "Mobiele toegang tot bedrijfssoftware buiten kantoor",
                ),
            ),
        ),
    ),
    "digital_services": (
        T("Digital services", "Digitale Dienstleistungen", "Digitale diensten"),
        (
            (
                "remote_diagnostics",
                T(
                    "Remote diagnostics and maintenance for customers",
                    "Ferndiagnose und Fernwartung für Kunden",
                    "Diagnose en onderhoud op afstand voor klanten",
                ),
            ),
            (
                "data_management",
                T(
                    "Data management and data-based services",
                    "Datenmanagement und datenbasierte Dienste",
                    "Databeheer en diensten op basis van data",
                ),
            ),
            (
                "vr",
                T(
                    "Virtual reality (training, design, service)",
                    "Virtuelle Realität (Schulung, Konstruktion, Service)",
                    "Virtual reality (training, ontwerp, service)",
                ),
            ),
        ),
    ),
    "robotics": (
        T(
            "Robotics and production automation",
            "Robotik und Produktionsautomatisierung",
            "Robotica en productieautomatisering",
        ),
        (
            ("industrial_robots", T("Industrial robots", "Industrieroboter", "Industriële robots")),
            (
                "cobots",
                T("Collaborative robots (cobots)", "Kollaborierende Roboter (Cobots)", "Samenwerkende robots (cobots)"),
            ),
            (
                "automated_transport",
                T(
                    "Automated guided vehicles and automated material handling",
                    "Fahrerlose Transportsysteme und automatisierter Materialfluss",
                    "Automatisch geleide voertuigen en geautomatiseerde materiaalstroom",
                ),
            ),
        ),
    ),
}

# --- strategy and value --------------------------------------------------------------------------

# question id -> (title, help, ((option or item key, text), ...))
STRATEGY_QUESTIONS: dict[str, tuple[T, T, tuple[tuple[str, T], ...]]] = {
    "S.strategy": (
        T(
            "Does your company have a written digital strategy?",
            "Hat Ihr Unternehmen eine schriftliche Digitalstrategie?",
            "Heeft uw bedrijf een schriftelijke digitale strategie?",
        ),
        T(
            "A document that says what digitalisation should achieve for your company, and how.",
            "Ein Dokument, das festhält, was die Digitalisierung für Ihr Unternehmen erreichen soll und wie.",
            "Een document dat vastlegt wat digitalisering voor uw bedrijf moet opleveren, en hoe.",
        ),
        (
            ("no", T("No", "Nein", "Nee")),
            ("in_preparation", T("Being prepared", "In Vorbereitung", "In voorbereiding")),
            ("yes", T("Yes, it is written down", "Ja, sie ist schriftlich festgehalten", "Ja, die is op papier gezet")),
        ),
    ),
    "S.rd": (
        T(
            "Does your company do its own research and development?",
            "Betreibt Ihr Unternehmen eigene Forschung und Entwicklung?",
            "Doet uw bedrijf aan eigen onderzoek en ontwikkeling?",
        ),
        T(
            "Research and development means systematic work on new products or processes, not routine changes.",
            "Forschung und Entwicklung heißt systematische Arbeit an neuen Produkten oder Verfahren, nicht "
            "Routineänderungen.",
            "Onderzoek en ontwikkeling betekent systematisch werk aan nieuwe producten of processen, geen "
            "routinematige aanpassingen.",
        ),
        (
            ("no", T("No", "Nein", "Nee")),
            (
                "with_partners",
                T(
                    "Only together with partners or by commissioning others",
                    "Nur gemeinsam mit Partnern oder im Auftrag",
                    "Alleen samen met partners of in opdracht",
                ),
            ),
            (
                "own",
                T(
                    "Yes, with our own R&D staff or budget",
                    "Ja, mit eigenem FuE-Personal oder -Budget",
                    "Ja, met eigen R&D-medewerkers of -budget",
                ),
            ),
        ),
    ),
    "S.data_services": (
        T(
            "Does your company offer data-driven services or have a data-driven business model?",
            "Bietet Ihr Unternehmen datenbasierte Dienstleistungen an oder hat es ein datenbasiertes Geschäftsmodell?",
            "Biedt uw bedrijf diensten op basis van data aan, of heeft het een verdienmodel op basis van data?",
        ),
        T(
            "For example remote monitoring sold as a service, pay-per-use, or selling insights from data.",
            "Zum Beispiel Fernüberwachung als Dienstleistung, Bezahlung nach Nutzung oder der Verkauf von "
            "Erkenntnissen aus Daten.",
            "Bijvoorbeeld bewaking op afstand als dienst, betalen per gebruik, of het verkopen van inzichten uit data.",
        ),
        (
            ("none", T("No", "Nein", "Nee")),
            ("planned", T("Planned", "Geplant", "Gepland")),
            ("piloting", T("In a pilot", "In Erprobung", "In een pilot")),
            ("in_use", T("Yes, in use", "Ja, im Einsatz", "Ja, in gebruik")),
        ),
    ),
    "S.value": (
        T(
            "What value do you mainly want from digitalisation?",
            "Welchen Nutzen soll die Digitalisierung Ihnen vor allem bringen?",
            "Wat moet digitalisering u vooral opleveren?",
        ),
        T(
            "Tick one or both. If you have not decided yet, choose the last answer.",
            "Kreuzen Sie eines oder beides an. Haben Sie sich noch nicht entschieden, wählen Sie die letzte Antwort.",
            "Kruis één of beide aan. Heeft u nog geen keuze gemaakt, kies dan het laatste antwoord.",
        ),
        (
            (
                "growth",
                T(
                    "Growth and revenue: new products, services or markets",
                    "Wachstum und Umsatz: neue Produkte, Dienstleistungen oder Märkte",
                    "Groei en omzet: nieuwe producten, diensten of markten",
                ),
            ),
            (
                "productivity",
                T(
                    "Productivity and efficiency: lower costs, faster processes, better quality",
                    "Produktivität und Effizienz: geringere Kosten, schnellere Abläufe, bessere Qualität",
                    "Productiviteit en efficiëntie: lagere kosten, snellere processen, betere kwaliteit",
                ),
            ),
            ("none", T("Not decided yet", "Noch nicht entschieden", "Nog niet besloten")),
        ),
    ),
    "S.cross_border": (
        T(
            "How is your company active across the Dutch–German border?",
            "Wie ist Ihr Unternehmen über die deutsch-niederländische Grenze hinweg aktiv?",
            "Hoe is uw bedrijf actief over de Nederlands-Duitse grens?",
        ),
        T(
            "Tick everything that applies. If none applies, choose the last answer.",
            "Kreuzen Sie alles an, was zutrifft. Trifft nichts zu, wählen Sie die letzte Antwort.",
            "Kruis alles aan wat van toepassing is. Is niets van toepassing, kies dan het laatste antwoord.",
        ),
        (
            (
                "customers",
                T("Customers on the other side", "Kunden auf der anderen Seite", "Klanten aan de andere kant"),
            ),
            (
                "suppliers",
                T(
                    "Suppliers on the other side",
                    "Lieferanten auf der anderen Seite",
                    "Leveranciers aan de andere kant",
                ),
            ),
            (
                "innovation_partners",
                T(
                    "Research or innovation partners on the other side",
                    "Forschungs- oder Innovationspartner auf der anderen Seite",
                    "Onderzoeks- of innovatiepartners aan de andere kant",
                ),
            ),
            (
                "staff",
                T(
                    "Staff who live on the other side",
                    "Beschäftigte, die auf der anderen Seite wohnen",
                    "Medewerkers die aan de andere kant wonen",
                ),
            ),
            (
                "site",
                T(
                    "A branch or site on the other side",
                    "Eine Niederlassung auf der anderen Seite",
                    "Een vestiging aan de andere kant",
                ),
            ),
            ("none", T("None of these", "Nichts davon", "Geen van deze")),
        ),
    ),
}

# --- results -----------------------------------------------------------------------------------

BANDS: dict[str, T] = {
    "basic": T("Basic", "Grundlegend", "Basaal"),
    "average": T("Average", "Durchschnittlich", "Gemiddeld"),
    "moderately_advanced": T("Moderately advanced", "Mäßig fortgeschritten", "Redelijk gevorderd"),
    "advanced": T("Advanced", "Fortgeschritten", "Gevorderd"),
}
# The group names are the strategy's own terms and stay English in every language.
GROUPS: dict[str, T] = {
    "frontrunner": T("Frontrunner", "Frontrunner", "Frontrunner"),
    "fast_follower": T("Fast Follower", "Fast Follower", "Fast Follower"),
    "late_follower": T("Late Follower", "Late Follower", "Late Follower"),
}
# The rules as shown to the user; the parameters come from the staff-configurable GroupRules.
GROUP_RULES: dict[str, T] = {
    "frontrunner": T(
        "Frontrunner: stage %(frontrunner_min_stage)s or higher, own research and development, and a "
        "data-driven service or business model in use or in a pilot.",
        "Frontrunner: Stufe %(frontrunner_min_stage)s oder höher, eigene Forschung und Entwicklung und eine "
        "datenbasierte Dienstleistung oder ein datenbasiertes Geschäftsmodell im Einsatz oder in Erprobung.",
        "Frontrunner: fase %(frontrunner_min_stage)s of hoger, eigen onderzoek en ontwikkeling, en een dienst of "
        "verdienmodel op basis van data in gebruik of in een pilot.",
    ),
    "late_follower": T(
        "Late Follower: stage %(late_max_stage)s or lower, and no Industrie 4.0 technology in use or in a pilot "
        "(networked sensors, real-time logistics, robotics, or an advanced technology at “%(late_min_q4_level)s” "
        "or beyond).",
        "Late Follower: Stufe %(late_max_stage)s oder niedriger und keine Industrie-4.0-Technologie im Einsatz "
        "oder in Erprobung (vernetzte Sensorik, Echtzeit-Logistik, Robotik oder eine fortgeschrittene Technologie "
        "ab „%(late_min_q4_level)s“).",
        "Late Follower: fase %(late_max_stage)s of lager, en geen Industrie 4.0-technologie in gebruik of in een "
        "pilot (verbonden sensoren, realtime logistiek, robotica, of een geavanceerde technologie vanaf "
        "‘%(late_min_q4_level)s’).",
    ),
    "fast_follower": T(
        "Fast Follower: every company that is neither a Frontrunner nor a Late Follower.",
        "Fast Follower: jedes Unternehmen, das weder Frontrunner noch Late Follower ist.",
        "Fast Follower: elk bedrijf dat geen Frontrunner en geen Late Follower is.",
    ),
}
# Each condition of the group rules as a statement; the result page marks it as met or not met.
GROUP_CONDITIONS: dict[str, T] = {
    "frontrunner_stage": T(
        "Stage %(frontrunner_min_stage)s or higher reached",
        "Stufe %(frontrunner_min_stage)s oder höher erreicht",
        "Fase %(frontrunner_min_stage)s of hoger bereikt",
    ),
    "own_rd": T("Own research and development", "Eigene Forschung und Entwicklung", "Eigen onderzoek en ontwikkeling"),
    "data_service": T(
        "A data-driven service or business model in use or in a pilot",
        "Eine datenbasierte Dienstleistung oder ein datenbasiertes Geschäftsmodell im Einsatz oder in Erprobung",
        "Een dienst of verdienmodel op basis van data in gebruik of in een pilot",
    ),
    "late_stage": T(
        "Stage %(late_max_stage)s or lower",
        "Stufe %(late_max_stage)s oder niedriger",
        "Fase %(late_max_stage)s of lager",
    ),
    "no_i40_technology": T(
        "No Industrie 4.0 technology in use or in a pilot",
        "Keine Industrie-4.0-Technologie im Einsatz oder in Erprobung",
        "Geen Industrie 4.0-technologie in gebruik of in een pilot",
    ),
}
