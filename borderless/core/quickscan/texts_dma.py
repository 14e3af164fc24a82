"""Texts of the six DMA dimensions and their eleven questions (our own wording, in en/de/nl).

The topics of the items follow the SME version of the EU Digital Maturity Assessment; the
wording is ours. Pure data: `questionnaire.py` assembles it into questions. Item keys are
stable identifiers (they become item ids such as "D1.Q1.design") and must never be renamed.
"""

from __future__ import annotations

from borderless.core.quickscan.text import Text as T

DIMENSIONS: dict[str, T] = {
    "D1": T("Digital business strategy", "Digitale Geschäftsstrategie", "Digitale bedrijfsstrategie"),
    "D2": T("Digital readiness", "Digitale Bereitschaft", "Digitale gereedheid"),
    "D3": T("Human-centric digitalisation", "Menschzentrierte Digitalisierung", "Mensgerichte digitalisering"),
    "D4": T(
        "Data management and connectedness",
        "Datenmanagement und Vernetzung",
        "Databeheer en verbondenheid",
    ),
    "D5": T(
        "Automation and artificial intelligence", "Automatisierung und künstliche Intelligenz", "Automatisering en AI"
    ),
    "D6": T("Green digitalisation", "Grüne Digitalisierung", "Groene digitalisering"),
}

TICK_ALL = T(
    "Tick everything that applies today. If nothing applies, choose the last answer.",
    "Kreuzen Sie alles an, was heute zutrifft. Trifft nichts zu, wählen Sie die letzte Antwort.",
    "Kruis alles aan wat nu van toepassing is. Is niets van toepassing, kies dan het laatste antwoord.",
)
ONE_LEVEL_PER_ROW = T(
    "Choose one level per row, from “not used” to “in regular operation”.",
    "Wählen Sie je Zeile eine Stufe, von „nicht genutzt“ bis „im Regelbetrieb“.",
    "Kies per regel één niveau, van ‘niet gebruikt’ tot ‘in vast gebruik’.",
)
NONE_OF_THESE = T("None of these", "Nichts davon", "Geen van deze")

# question id -> (title, help)
QUESTIONS: dict[str, tuple[T, T]] = {
    "D1.Q1": (
        T(
            "Which business areas has your company already digitalised, and which do you plan to digitalise?",
            "Welche Unternehmensbereiche hat Ihr Unternehmen bereits digitalisiert, und welche wollen Sie "
            "digitalisieren?",
            "Welke bedrijfsonderdelen heeft uw bedrijf al gedigitaliseerd, en welke wilt u nog digitaliseren?",
        ),
        T(
            "“Already digitalised”: digital tools carry most of the work in this area today. “Planned”: you "
            "intend to invest here within about two years. Both may apply.",
            "„Bereits digitalisiert“: Digitale Werkzeuge tragen heute den Großteil der Arbeit in diesem Bereich. "
            "„Geplant“: Sie wollen hier in etwa zwei Jahren investieren. Beides ist möglich.",
            "‘Al gedigitaliseerd’: digitale hulpmiddelen dragen nu het grootste deel van het werk in dit onderdeel. "
            "‘Gepland’: u wilt hier binnen ongeveer twee jaar in investeren. Beide kan.",
        ),
    ),
    "D1.Q2": (
        T(
            "Which of these statements about your readiness for digitalisation are true?",
            "Welche dieser Aussagen zu Ihrer Bereitschaft für die Digitalisierung treffen zu?",
            "Welke van deze uitspraken over uw gereedheid voor digitalisering kloppen?",
        ),
        TICK_ALL,
    ),
    "D2.Q3": (
        T(
            "Which of these basic digital technologies does your company use?",
            "Welche dieser grundlegenden digitalen Technologien nutzt Ihr Unternehmen?",
            "Welke van deze digitale basistechnologieën gebruikt uw bedrijf?",
        ),
        TICK_ALL,
    ),
    "D2.Q4": (
        T(
            "How far has your company got with these advanced technologies?",
            "Wie weit ist Ihr Unternehmen mit diesen fortgeschrittenen Technologien?",
            "Hoe ver is uw bedrijf met deze geavanceerde technologieën?",
        ),
        ONE_LEVEL_PER_ROW,
    ),
    "D3.Q5": (
        T(
            "How does your company build the digital skills of its staff?",
            "Wie baut Ihr Unternehmen die digitalen Kompetenzen seiner Beschäftigten auf?",
            "Hoe bouwt uw bedrijf de digitale vaardigheden van zijn medewerkers op?",
        ),
        TICK_ALL,
    ),
    "D3.Q6": (
        T(
            "How does your company involve its staff in digitalisation?",
            "Wie bezieht Ihr Unternehmen seine Beschäftigten in die Digitalisierung ein?",
            "Hoe betrekt uw bedrijf zijn medewerkers bij digitalisering?",
        ),
        TICK_ALL,
    ),
    "D4.Q7": (
        T(
            "How does your company handle its data?",
            "Wie geht Ihr Unternehmen mit seinen Daten um?",
            "Hoe gaat uw bedrijf met zijn gegevens om?",
        ),
        T(
            "Tick everything that applies. If your company does not collect data digitally, choose only that answer.",
            "Kreuzen Sie alles an, was zutrifft. Erfasst Ihr Unternehmen keine Daten digital, wählen Sie nur "
            "diese Antwort.",
            "Kruis alles aan wat van toepassing is. Verzamelt uw bedrijf geen gegevens digitaal, kies dan alleen "
            "dat antwoord.",
        ),
    ),
    "D4.Q8": (
        T(
            "How does your company protect its data?",
            "Wie schützt Ihr Unternehmen seine Daten?",
            "Hoe beschermt uw bedrijf zijn gegevens?",
        ),
        TICK_ALL,
    ),
    "D5.Q9": (
        T(
            "How far has your company got with these applications of artificial intelligence?",
            "Wie weit ist Ihr Unternehmen mit diesen Anwendungen künstlicher Intelligenz?",
            "Hoe ver is uw bedrijf met deze toepassingen van kunstmatige intelligentie?",
        ),
        ONE_LEVEL_PER_ROW,
    ),
    "D6.Q10": (
        T(
            "Where does your company use digital technology to become more sustainable?",
            "Wo nutzt Ihr Unternehmen digitale Technik, um nachhaltiger zu werden?",
            "Waar gebruikt uw bedrijf digitale technologie om duurzamer te worden?",
        ),
        TICK_ALL,
    ),
    "D6.Q11": (
        T(
            "To what extent does your company follow these environmental practices?",
            "Inwieweit setzt Ihr Unternehmen diese Umweltpraktiken um?",
            "In hoeverre past uw bedrijf deze milieupraktijken toe?",
        ),
        T(
            "Answer each row with no, partly or yes.",
            "Beantworten Sie jede Zeile mit nein, teilweise oder ja.",
            "Beantwoord elke regel met nee, gedeeltelijk of ja.",
        ),
    ),
}

# question id -> ((item key, text), ...); the exclusive answers come last.
ITEMS: dict[str, tuple[tuple[str, T], ...]] = {
    "D1.Q1": (
        (
            "design",
            T(
                "Designing products or services",
                "Entwicklung von Produkten oder Dienstleistungen",
                "Ontwerp van producten of diensten",
            ),
        ),
        (
            "planning",
            T("Project planning and management", "Projektplanung und -steuerung", "Projectplanning en -beheer"),
        ),
        (
            "operations",
            T(
                "Operations: production, assembly or service delivery",
                "Betrieb: Fertigung, Montage oder Erbringung von Dienstleistungen",
                "Bedrijfsvoering: productie, assemblage of dienstverlening",
            ),
        ),
        (
            "value_chain",
            T(
                "Working with other companies along the value chain",
                "Zusammenarbeit mit anderen Unternehmen entlang der Wertschöpfungskette",
                "Samenwerking met andere bedrijven in de waardeketen",
            ),
        ),
        (
            "inbound",
            T("Inbound logistics and warehousing", "Eingangslogistik und Lager", "Inkomende logistiek en magazijn"),
        ),
        (
            "marketing",
            T(
                "Marketing, sales and customer service",
                "Marketing, Vertrieb und Kundenservice",
                "Marketing, verkoop en klantenservice",
            ),
        ),
        (
            "delivery",
            T(
                "Delivery, outbound logistics and invoicing",
                "Auslieferung, Versand und Rechnungsstellung",
                "Levering, uitgaande logistiek en facturering",
            ),
        ),
        (
            "administration",
            T("Administration and human resources", "Verwaltung und Personalwesen", "Administratie en personeelszaken"),
        ),
        ("procurement", T("Purchasing and procurement", "Einkauf und Beschaffung", "Inkoop en aanbesteding")),
        (
            "security",
            T(
                "Cybersecurity and data protection (GDPR)",
                "IT-Sicherheit und Datenschutz (DSGVO)",
                "Cyberveiligheid en gegevensbescherming (AVG)",
            ),
        ),
        (
            "none",
            T(
                "None of these areas, and none planned",
                "Keiner dieser Bereiche, auch nicht geplant",
                "Geen van deze onderdelen, ook niet gepland",
            ),
        ),
    ),
    "D1.Q2": (
        (
            "needs_aligned",
            T(
                "We know what we need from digital technology, and it serves our business goals",
                "Wir wissen, was wir von digitaler Technik brauchen, und es dient unseren Unternehmenszielen",
                "We weten wat we van digitale technologie nodig hebben, en dat dient onze bedrijfsdoelen",
            ),
        ),
        (
            "funding",
            T(
                "Money for our digital projects is secured for at least the next twelve months",
                "Das Geld für unsere digitalen Vorhaben ist für mindestens zwölf Monate gesichert",
                "Het geld voor onze digitale projecten is voor minstens twaalf maanden geregeld",
            ),
        ),
        (
            "infrastructure",
            T(
                "Our IT infrastructure can carry new digital applications",
                "Unsere IT-Infrastruktur kann neue digitale Anwendungen tragen",
                "Onze IT-infrastructuur kan nieuwe digitale toepassingen aan",
            ),
        ),
        (
            "ict_specialists",
            T(
                "We have ICT specialists, on our staff or contracted",
                "Wir haben IT-Fachleute, angestellt oder beauftragt",
                "We hebben ICT-specialisten, in dienst of ingehuurd",
            ),
        ),
        (
            "management_ready",
            T(
                "Management is ready to lead the digital change",
                "Die Geschäftsführung ist bereit, den digitalen Wandel zu führen",
                "De directie is klaar om de digitale verandering te leiden",
            ),
        ),
        (
            "staff_ready",
            T(
                "Staff are ready to work with new digital tools",
                "Die Beschäftigten sind bereit, mit neuen digitalen Werkzeugen zu arbeiten",
                "Medewerkers zijn klaar om met nieuwe digitale hulpmiddelen te werken",
            ),
        ),
        (
            "adaptable_processes",
            T(
                "Our business processes can be changed to fit digital solutions",
                "Unsere Geschäftsprozesse lassen sich an digitale Lösungen anpassen",
                "Onze bedrijfsprocessen kunnen worden aangepast aan digitale oplossingen",
            ),
        ),
        (
            "servitisation",
            T(
                "We offer, or could offer, our products as a service",
                "Wir bieten unsere Produkte als Dienstleistung an oder könnten dies tun",
                "We bieden onze producten als dienst aan, of zouden dat kunnen",
            ),
        ),
        (
            "customer_online",
            T(
                "We follow how satisfied our customers are online",
                "Wir verfolgen online, wie zufrieden unsere Kunden sind",
                "We volgen online hoe tevreden onze klanten zijn",
            ),
        ),
        (
            "risks",
            T(
                "We weigh the risks of digitalisation, for example in a continuity plan",
                "Wir wägen die Risiken der Digitalisierung ab, zum Beispiel in einem Notfallplan",
                "We wegen de risico's van digitalisering af, bijvoorbeeld in een continuïteitsplan",
            ),
        ),
        (
            "none",
            T("None of these statements is true", "Keine dieser Aussagen trifft zu", "Geen van deze uitspraken klopt"),
        ),
    ),
    "D2.Q3": (
        (
            "connectivity",
            T(
                "Fast internet connection and cloud services",
                "Schneller Internetanschluss und Cloud-Dienste",
                "Snelle internetverbinding en clouddiensten",
            ),
        ),
        ("website", T("Company website", "Firmenwebsite", "Bedrijfswebsite")),
        (
            "web_forms",
            T(
                "Online forms or portals for customers and suppliers",
                "Online-Formulare oder Portale für Kunden und Lieferanten",
                "Onlineformulieren of portalen voor klanten en leveranciers",
            ),
        ),
        (
            "chat_social",
            T(
                "Live chat, chatbots or social media in contact with customers",
                "Live-Chat, Chatbots oder soziale Medien im Kundenkontakt",
                "Livechat, chatbots of sociale media in het klantcontact",
            ),
        ),
        (
            "ecommerce",
            T(
                "Selling online (web shop, marketplaces, electronic orders)",
                "Online-Verkauf (Webshop, Marktplätze, elektronische Bestellungen)",
                "Online verkopen (webwinkel, marktplaatsen, elektronische bestellingen)",
            ),
        ),
        (
            "emarketing",
            T(
                "Online marketing (search engines, newsletters, online advertising)",
                "Online-Marketing (Suchmaschinen, Newsletter, Online-Werbung)",
                "Onlinemarketing (zoekmachines, nieuwsbrieven, online adverteren)",
            ),
        ),
        (
            "egovernment",
            T(
                "Dealing with public authorities online (taxes, permits, tenders)",
                "Behördengänge online (Steuern, Genehmigungen, Ausschreibungen)",
                "Online zakendoen met de overheid (belastingen, vergunningen, aanbestedingen)",
            ),
        ),
        (
            "remote_work",
            T(
                "Tools for working together at a distance (video calls, shared documents)",
                "Werkzeuge für die Zusammenarbeit auf Distanz (Videokonferenzen, gemeinsame Dokumente)",
                "Hulpmiddelen om op afstand samen te werken (videobellen, gedeelde documenten)",
            ),
        ),
        (
            "intranet",
            T("Intranet or internal web portal", "Intranet oder internes Webportal", "Intranet of intern webportaal"),
        ),
        (
            "business_systems",
            T(
                "Business software such as ERP, CRM or SCM",
                "Unternehmenssoftware wie ERP, CRM oder SCM",
                "Bedrijfssoftware zoals ERP, CRM of SCM",
            ),
        ),
        ("none", NONE_OF_THESE),
    ),
    "D2.Q4": (
        (
            "digital_twin",
            T("Simulation and digital twins", "Simulation und digitale Zwillinge", "Simulatie en digitale tweelingen"),
        ),
        (
            "vr_ar",
            T("Virtual and augmented reality", "Virtuelle und erweiterte Realität", "Virtual en augmented reality"),
        ),
        (
            "cad_cam",
            T(
                "Computer-aided design and manufacturing (CAD/CAM)",
                "Rechnergestützte Konstruktion und Fertigung (CAD/CAM)",
                "Computerondersteund ontwerpen en produceren (CAD/CAM)",
            ),
        ),
        (
            "mes",
            T(
                "Manufacturing execution system (MES)",
                "Fertigungsmanagementsystem (MES)",
                "Productiebesturingssysteem (MES)",
            ),
        ),
        (
            "iot",
            T(
                "Internet of Things and industrial IoT",
                "Internet der Dinge und industrielles IoT",
                "Internet of Things en industrieel IoT",
            ),
        ),
        ("blockchain", T("Blockchain", "Blockchain", "Blockchain")),
        (
            "additive",
            T(
                "Additive manufacturing (3D printing)",
                "Additive Fertigung (3D-Druck)",
                "Additieve productie (3D-printen)",
            ),
        ),
    ),
    "D3.Q5": (
        (
            "skills_gaps",
            T(
                "We assess which digital skills are missing",
                "Wir ermitteln, welche digitalen Kompetenzen fehlen",
                "We brengen in kaart welke digitale vaardigheden ontbreken",
            ),
        ),
        (
            "training_plan",
            T(
                "We have a training plan for digital skills",
                "Wir haben einen Weiterbildungsplan für digitale Kompetenzen",
                "We hebben een opleidingsplan voor digitale vaardigheden",
            ),
        ),
        (
            "short_courses",
            T(
                "Short courses, tutorials or e-learning",
                "Kurzschulungen, Tutorials oder E-Learning",
                "Korte cursussen, tutorials of e-learning",
            ),
        ),
        (
            "learning_by_doing",
            T(
                "Learning by doing, learning from colleagues and room to experiment",
                "Lernen in der Praxis, voneinander lernen und Freiraum zum Ausprobieren",
                "Leren door te doen, van collega's leren en ruimte om te experimenteren",
            ),
        ),
        (
            "external_training",
            T(
                "We pay for training by external providers",
                "Wir finanzieren Schulungen bei externen Anbietern",
                "We betalen opleidingen bij externe aanbieders",
            ),
        ),
        (
            "placements",
            T(
                "Traineeships or work placements in digital fields",
                "Traineeprogramme oder Praktika in digitalen Aufgabenfeldern",
                "Traineeships of stages op digitaal gebied",
            ),
        ),
        (
            "subsidised_training",
            T(
                "We use publicly funded training programmes",
                "Wir nutzen öffentlich geförderte Weiterbildungsprogramme",
                "We maken gebruik van opleidingsprogramma's met overheidssteun",
            ),
        ),
        ("none", NONE_OF_THESE),
    ),
    "D3.Q6": (
        (
            "awareness",
            T(
                "We make staff aware of new digital technologies",
                "Wir machen die Beschäftigten mit neuen digitalen Technologien vertraut",
                "We maken medewerkers bekend met nieuwe digitale technologieën",
            ),
        ),
        (
            "open_communication",
            T(
                "We communicate openly about our digital plans",
                "Wir informieren offen über unsere digitalen Pläne",
                "We communiceren open over onze digitale plannen",
            ),
        ),
        (
            "acceptance",
            T(
                "We check how well staff accept new digital tools",
                "Wir prüfen, wie gut die Beschäftigten neue digitale Werkzeuge annehmen",
                "We gaan na hoe goed medewerkers nieuwe digitale hulpmiddelen aanvaarden",
            ),
        ),
        (
            "co_design",
            T(
                "Staff help to choose and shape new digital solutions",
                "Beschäftigte wirken an Auswahl und Gestaltung neuer digitaler Lösungen mit",
                "Medewerkers helpen nieuwe digitale oplossingen te kiezen en vorm te geven",
            ),
        ),
        (
            "autonomy",
            T(
                "Digital tools give staff more autonomy in their work",
                "Digitale Werkzeuge geben den Beschäftigten mehr Eigenständigkeit",
                "Digitale hulpmiddelen geven medewerkers meer zelfstandigheid in hun werk",
            ),
        ),
        (
            "job_redesign",
            T(
                "Jobs are redesigned so that digital tools take over dull or strenuous tasks",
                "Arbeitsplätze werden so gestaltet, dass digitale Werkzeuge eintönige oder belastende Aufgaben "
                "übernehmen",
                "Functies worden zo ingericht dat digitale hulpmiddelen saaie of zware taken overnemen",
            ),
        ),
        (
            "flexible_work",
            T(
                "Digital tools make flexible working hours and places possible",
                "Digitale Werkzeuge ermöglichen flexible Arbeitszeiten und -orte",
                "Digitale hulpmiddelen maken flexibele werktijden en werkplekken mogelijk",
            ),
        ),
        (
            "support",
            T(
                "Staff get help with digital tools when they need it (help desk, key users)",
                "Beschäftigte erhalten bei Bedarf Hilfe mit digitalen Werkzeugen (Helpdesk, Key-User)",
                "Medewerkers krijgen hulp bij digitale hulpmiddelen wanneer ze die nodig hebben (helpdesk, key users)",
            ),
        ),
        ("none", NONE_OF_THESE),
    ),
    "D4.Q7": (
        (
            "policy",
            T(
                "We have rules for handling data (a data policy)",
                "Wir haben Regeln für den Umgang mit Daten (eine Datenrichtlinie)",
                "We hebben regels voor de omgang met gegevens (een databeleid)",
            ),
        ),
        (
            "stored_digitally",
            T(
                "Our data are stored digitally",
                "Unsere Daten werden digital gespeichert",
                "Onze gegevens worden digitaal opgeslagen",
            ),
        ),
        (
            "integrated",
            T(
                "Data from different systems are linked with each other",
                "Daten aus verschiedenen Systemen sind miteinander verknüpft",
                "Gegevens uit verschillende systemen zijn aan elkaar gekoppeld",
            ),
        ),
        (
            "real_time_access",
            T(
                "Data can be reached in real time from different devices and places",
                "Daten sind in Echtzeit von verschiedenen Geräten und Orten aus abrufbar",
                "Gegevens zijn realtime bereikbaar vanaf verschillende apparaten en plaatsen",
            ),
        ),
        (
            "analysed",
            T(
                "Data are analysed systematically and used in decisions",
                "Daten werden systematisch ausgewertet und für Entscheidungen genutzt",
                "Gegevens worden systematisch geanalyseerd en gebruikt bij beslissingen",
            ),
        ),
        (
            "external_sources",
            T(
                "Our analyses also draw on external data sources",
                "Unsere Auswertungen beziehen auch externe Datenquellen ein",
                "Onze analyses gebruiken ook externe gegevensbronnen",
            ),
        ),
        (
            "self_service",
            T(
                "Staff can use analyses without help from specialists (for example dashboards)",
                "Beschäftigte können Auswertungen ohne Hilfe von Fachleuten nutzen (zum Beispiel Dashboards)",
                "Medewerkers kunnen analyses gebruiken zonder hulp van specialisten (bijvoorbeeld dashboards)",
            ),
        ),
        (
            "not_digital",
            T(
                "Our company does not collect data digitally",
                "Unser Unternehmen erfasst keine Daten digital",
                "Ons bedrijf verzamelt geen gegevens digitaal",
            ),
        ),
        (
            "none",
            T(
                "We collect data digitally, but none of these applies",
                "Wir erfassen Daten digital, aber nichts davon trifft zu",
                "We verzamelen gegevens digitaal, maar geen van deze is van toepassing",
            ),
        ),
    ),
    "D4.Q8": (
        (
            "security_policy",
            T(
                "A written IT security policy",
                "Eine schriftliche IT-Sicherheitsrichtlinie",
                "Een schriftelijk informatiebeveiligingsbeleid",
            ),
        ),
        (
            "customer_data",
            T(
                "Customer data are protected as the GDPR requires",
                "Kundendaten werden geschützt, wie es die DSGVO verlangt",
                "Klantgegevens worden beschermd zoals de AVG vereist",
            ),
        ),
        (
            "staff_training",
            T(
                "Staff are trained in cybersecurity and data protection",
                "Beschäftigte werden in IT-Sicherheit und Datenschutz geschult",
                "Medewerkers worden getraind in cyberveiligheid en gegevensbescherming",
            ),
        ),
        (
            "threat_monitoring",
            T("Cyber threats are monitored", "Cyberbedrohungen werden überwacht", "Cyberdreigingen worden bewaakt"),
        ),
        (
            "backups",
            T(
                "Business-critical data are backed up regularly",
                "Geschäftskritische Daten werden regelmäßig gesichert",
                "Bedrijfskritische gegevens worden regelmatig geback-upt",
            ),
        ),
        (
            "continuity_plan",
            T(
                "There is a plan for carrying on after a cyber attack or outage",
                "Es gibt einen Plan, wie es nach einem Cyberangriff oder Ausfall weitergeht",
                "Er is een plan om na een cyberaanval of storing door te kunnen werken",
            ),
        ),
        ("none", NONE_OF_THESE),
    ),
    "D5.Q9": (
        (
            "language",
            T(
                "Text and language: chatbots, text analysis, machine translation",
                "Text und Sprache: Chatbots, Textanalyse, maschinelle Übersetzung",
                "Tekst en taal: chatbots, tekstanalyse, machinevertaling",
            ),
        ),
        (
            "vision",
            T(
                "Vision: image recognition, optical quality inspection",
                "Bildverarbeitung: Bilderkennung, optische Qualitätsprüfung",
                "Beeldverwerking: beeldherkenning, optische kwaliteitscontrole",
            ),
        ),
        (
            "speech",
            T(
                "Speech and sound: speech recognition, acoustic monitoring",
                "Gesprochene Sprache und Ton: Spracherkennung, akustische Überwachung",
                "Spraak en geluid: spraakherkenning, akoestische bewaking",
            ),
        ),
        (
            "robotics",
            T(
                "Robotics and autonomous machines or vehicles",
                "Robotik und autonome Maschinen oder Fahrzeuge",
                "Robotica en autonome machines of voertuigen",
            ),
        ),
        (
            "decision_support",
            T(
                "Decision support: forecasts, recommendations, optimised planning",
                "Entscheidungsunterstützung: Prognosen, Empfehlungen, optimierte Planung",
                "Beslissingsondersteuning: voorspellingen, aanbevelingen, geoptimaliseerde planning",
            ),
        ),
    ),
    "D6.Q10": (
        (
            "business_model",
            T(
                "Sustainable business models (sharing, leasing, product as a service)",
                "Nachhaltige Geschäftsmodelle (Teilen, Leasing, Produkt als Dienstleistung)",
                "Duurzame verdienmodellen (delen, leasen, product als dienst)",
            ),
        ),
        (
            "products",
            T(
                "Products that last longer, use less or can be repaired",
                "Produkte, die länger halten, weniger verbrauchen oder reparierbar sind",
                "Producten die langer meegaan, minder verbruiken of te repareren zijn",
            ),
        ),
        (
            "production",
            T("Production that saves resources", "Ressourcenschonende Produktion", "Productie die grondstoffen spaart"),
        ),
        (
            "energy_use",
            T(
                "Managing and reducing energy use",
                "Energieverbrauch steuern und senken",
                "Energieverbruik sturen en verlagen",
            ),
        ),
        (
            "renewables",
            T(
                "Generating or storing renewable energy",
                "Erneuerbare Energie erzeugen oder speichern",
                "Hernieuwbare energie opwekken of opslaan",
            ),
        ),
        (
            "emissions",
            T(
                "Measuring and reducing emissions and pollution",
                "Emissionen und Umweltbelastung messen und senken",
                "Uitstoot en vervuiling meten en verminderen",
            ),
        ),
        (
            "transport",
            T(
                "Cleaner transport and logistics (route planning, fewer empty trips)",
                "Sauberere Transporte und Logistik (Routenplanung, weniger Leerfahrten)",
                "Schoner transport en schonere logistiek (routeplanning, minder lege ritten)",
            ),
        ),
        (
            "materials",
            T(
                "Less and better packaging and material",
                "Weniger und bessere Verpackung und Material",
                "Minder en betere verpakking en materialen",
            ),
        ),
        (
            "circular",
            T(
                "Reuse, recycling and less waste (circular economy)",
                "Wiederverwendung, Recycling und weniger Abfall (Kreislaufwirtschaft)",
                "Hergebruik, recycling en minder afval (circulaire economie)",
            ),
        ),
        ("paperless", T("Paperless administration", "Papierlose Verwaltung", "Papierloze administratie")),
        ("none", NONE_OF_THESE),
    ),
    "D6.Q11": (
        (
            "management_system",
            T(
                "An environmental management system or certificate (for example ISO 14001 or EMAS)",
                "Ein Umweltmanagementsystem oder -zertifikat (zum Beispiel ISO 14001 oder EMAS)",
                "Een milieumanagementsysteem of -certificaat (bijvoorbeeld ISO 14001 of EMAS)",
            ),
        ),
        (
            "green_purchasing",
            T(
                "Environmental criteria when buying IT and equipment",
                "Umweltkriterien beim Kauf von IT und Ausrüstung",
                "Milieucriteria bij de aankoop van IT en apparatuur",
            ),
        ),
        (
            "it_energy",
            T(
                "Keeping an eye on the energy use of your own IT",
                "Den Energieverbrauch der eigenen IT im Blick behalten",
                "Het energieverbruik van de eigen IT in de gaten houden",
            ),
        ),
        (
            "device_reuse",
            T(
                "Reusing, refurbishing or recycling old devices",
                "Altgeräte weiterverwenden, aufbereiten oder recyceln",
                "Oude apparaten hergebruiken, opknappen of recyclen",
            ),
        ),
        (
            "impact_reporting",
            T(
                "Reporting your environmental impact with digital data",
                "Über die eigenen Umweltwirkungen mit digitalen Daten berichten",
                "Over de eigen milieu-impact rapporteren met digitale gegevens",
            ),
        ),
    ),
}
