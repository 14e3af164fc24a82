"""Texts of the roadmap steps and of the reasons why a step was chosen (en/de/nl). Pure data.

Reason texts are templates: %(name)s placeholders are filled from the step's params (numbers,
or `Text` values such as a dimension name, rendered in the same language).
"""

from __future__ import annotations

from borderless.core.quickscan.text import Text as T

# step id -> (title, what to do)
STEPS: dict[str, tuple[T, T]] = {
    "i40_basics": (
        T(
            "Get to know Industrie 4.0 and the value of your data",
            "Industrie 4.0 und den Wert Ihrer Daten kennenlernen",
            "Maak kennis met Industrie 4.0 en de waarde van uw data",
        ),
        T(
            "Visit a demonstration at a digital hub or field lab with your management team, and list which data "
            "your company already has and which decisions they could improve.",
            "Besuchen Sie mit Ihrem Führungsteam eine Vorführung in einem Digital Hub oder Field Lab, und listen "
            "Sie auf, welche Daten Ihr Unternehmen schon hat und welche Entscheidungen sie verbessern könnten.",
            "Bezoek met uw managementteam een demonstratie bij een digitale hub of fieldlab, en maak een lijst "
            "van de data die uw bedrijf al heeft en welke beslissingen die kunnen verbeteren.",
        ),
    ),
    "strategy_value": (
        T(
            "Write a digital strategy aimed at value creation",
            "Eine Digitalstrategie mit dem Ziel der Wertschöpfung erarbeiten",
            "Stel een digitale strategie op die gericht is op waardecreatie",
        ),
        T(
            "Decide which value digitalisation should bring (growth and revenue, or productivity and efficiency), "
            "choose the two or three projects that serve it best, and agree how you will measure success.",
            "Legen Sie fest, welchen Nutzen die Digitalisierung bringen soll (Wachstum und Umsatz oder "
            "Produktivität und Effizienz), wählen Sie die zwei oder drei Vorhaben, die ihm am besten dienen, und "
            "vereinbaren Sie, wie Sie den Erfolg messen.",
            "Bepaal welke waarde digitalisering moet opleveren (groei en omzet, of productiviteit en efficiëntie), "
            "kies de twee of drie projecten die daar het best aan bijdragen, en spreek af hoe u het succes meet.",
        ),
    ),
    "rd_cross_border": (
        T(
            "Start a cross-border R&D project",
            "Ein grenzüberschreitendes FuE-Projekt starten",
            "Start een grensoverschrijdend R&D-project",
        ),
        T(
            "Find a technology partner on the other side of the border and prepare a joint project, for example "
            "in an Interreg open formula, Eurostars or Horizon Europe.",
            "Finden Sie einen Technologiepartner auf der anderen Seite der Grenze und bereiten Sie ein "
            "gemeinsames Projekt vor, zum Beispiel in einer offenen Interreg-Formel, Eurostars oder Horizon Europe.",
            "Zoek een technologiepartner aan de andere kant van de grens en bereid een gezamenlijk project voor, "
            "bijvoorbeeld in een open Interreg-formule, Eurostars of Horizon Europe.",
        ),
    ),
    "connect_technologies": (
        T(
            "Connect your technologies and end the island solutions",
            "Ihre Technologien verbinden und Insellösungen beenden",
            "Verbind uw technologieën en maak een einde aan eilandoplossingen",
        ),
        T(
            "Choose one data flow that matters, such as machine data into your ERP or real-time logistics into "
            "planning, and have it connected, with a feasibility study first if needed.",
            "Wählen Sie einen wichtigen Datenfluss, etwa Maschinendaten ins ERP oder Echtzeit-Logistik in die "
            "Planung, und lassen Sie ihn verbinden, bei Bedarf zuerst mit einer Machbarkeitsstudie.",
            "Kies één belangrijke gegevensstroom, zoals machinedata naar uw ERP of realtime logistiek naar de "
            "planning, en laat die koppelen, zo nodig eerst met een haalbaarheidsstudie.",
        ),
    ),
    "culture_competences": (
        T(
            "Build digital culture and skills",
            "Digitale Kultur und Kompetenzen aufbauen",
            "Bouw digitale cultuur en vaardigheden op",
        ),
        T(
            "Assess which digital skills are missing, plan training for them, and involve your staff early when "
            "you choose new tools.",
            "Ermitteln Sie, welche digitalen Kompetenzen fehlen, planen Sie Schulungen dafür, und beziehen Sie "
            "Ihre Beschäftigten früh ein, wenn Sie neue Werkzeuge auswählen.",
            "Breng in kaart welke digitale vaardigheden ontbreken, plan daarvoor opleidingen, en betrek uw "
            "medewerkers vroeg bij de keuze van nieuwe hulpmiddelen.",
        ),
    ),
    "technology_pilot": (
        T(
            "Try an advanced technology in a field lab",
            "Eine fortgeschrittene Technologie in einem Field Lab erproben",
            "Probeer een geavanceerde technologie uit in een fieldlab",
        ),
        T(
            "Pick one technology that fits a real problem in your production and test it in a field lab or "
            "shared facility before you invest.",
            "Wählen Sie eine Technologie, die zu einem echten Problem in Ihrer Produktion passt, und testen Sie "
            "sie in einem Field Lab oder einer gemeinsamen Einrichtung, bevor Sie investieren.",
            "Kies één technologie die past bij een echt probleem in uw productie, en test die in een fieldlab of "
            "gedeelde faciliteit voordat u investeert.",
        ),
    ),
    "data_basics": (
        T("Put your data management in order", "Ihr Datenmanagement ordnen", "Breng uw databeheer op orde"),
        T(
            "Agree rules for your data, store them digitally in one place, and link the systems that hold the "
            "same information.",
            "Vereinbaren Sie Regeln für Ihre Daten, speichern Sie sie digital an einer Stelle, und verknüpfen Sie "
            "die Systeme, die dieselben Informationen enthalten.",
            "Spreek regels af voor uw data, sla ze digitaal op één plek op, en koppel de systemen die dezelfde "
            "informatie bevatten.",
        ),
    ),
    "cybersecurity": (
        T("Strengthen your cybersecurity", "Ihre IT-Sicherheit stärken", "Versterk uw cyberveiligheid"),
        T(
            "Have a security check done, back up critical data regularly, train your staff, and write down how "
            "you will carry on after an attack.",
            "Lassen Sie einen Sicherheitscheck durchführen, sichern Sie kritische Daten regelmäßig, schulen Sie "
            "Ihre Beschäftigten und halten Sie fest, wie es nach einem Angriff weitergeht.",
            "Laat een beveiligingscheck uitvoeren, maak regelmatig back-ups van kritieke data, train uw "
            "medewerkers en leg vast hoe u na een aanval verder werkt.",
        ),
    ),
    "automation_ai": (
        T(
            "Start a small pilot with AI or automation",
            "Ein kleines Pilotprojekt mit KI oder Automatisierung starten",
            "Start een kleine pilot met AI of automatisering",
        ),
        T(
            "Choose one task with enough data, such as visual inspection or demand forecasting, and try a proven "
            "solution with a technology partner.",
            "Wählen Sie eine Aufgabe mit genügend Daten, etwa optische Prüfung oder Bedarfsprognose, und "
            "erproben Sie eine bewährte Lösung mit einem Technologiepartner.",
            "Kies één taak met voldoende data, zoals visuele inspectie of vraagvoorspelling, en probeer een "
            "beproefde oplossing uit met een technologiepartner.",
        ),
    ),
    "green": (
        T(
            "Use digital technology for sustainability",
            "Digitale Technik für Nachhaltigkeit nutzen",
            "Zet digitale technologie in voor duurzaamheid",
        ),
        T(
            "Measure your energy and material use digitally, and pick one process where the data show the "
            "largest saving.",
            "Erfassen Sie Ihren Energie- und Materialverbrauch digital und wählen Sie einen Prozess, in dem die "
            "Daten die größte Einsparung zeigen.",
            "Meet uw energie- en materiaalverbruik digitaal en kies één proces waar de data de grootste "
            "besparing laten zien.",
        ),
    ),
    "lighthouse": (
        T(
            "Learn from lighthouse examples at your next stage",
            "Von Leuchtturmbeispielen auf Ihrer nächsten Stufe lernen",
            "Leer van voorbeeldprojecten in uw volgende fase",
        ),
        T(
            "Visit a company or field lab that already works at your next stage, and ask what they did first and "
            "what they would do differently.",
            "Besuchen Sie ein Unternehmen oder Field Lab, das bereits auf Ihrer nächsten Stufe arbeitet, und "
            "fragen Sie, womit es angefangen hat und was es heute anders machen würde.",
            "Bezoek een bedrijf of fieldlab dat al in uw volgende fase werkt, en vraag waarmee zij begonnen en "
            "wat zij nu anders zouden doen.",
        ),
    ),
}

# reason code -> why template
REASONS: dict[str, T] = {
    "group_late": T(
        "As a Late Follower, your first step is a shared understanding of Industrie 4.0 and of what your data "
        "are worth.",
        "Als Late Follower ist Ihr erster Schritt ein gemeinsames Verständnis von Industrie 4.0 und davon, was "
        "Ihre Daten wert sind.",
        "Als Late Follower is uw eerste stap een gedeeld begrip van Industrie 4.0 en van wat uw data waard zijn.",
    ),
    "group_fast": T(
        "Fast Followers often use new technology without turning it into profit. A strategy that starts from "
        "the value you want sets your priorities.",
        "Fast Follower setzen neue Technik oft ein, ohne daraus Gewinn zu machen. Eine Strategie, die vom "
        "gewünschten Nutzen ausgeht, setzt Ihre Prioritäten.",
        "Fast Followers gebruiken nieuwe technologie vaak zonder er winst uit te halen. Een strategie die vertrekt "
        "vanuit de waarde die u wilt, bepaalt uw prioriteiten.",
    ),
    "group_frontrunner": T(
        "As a Frontrunner with your own R&D, you can take on ambitious projects with partners across the border "
        "and in high-tech programmes.",
        "Als Frontrunner mit eigener Forschung und Entwicklung können Sie ehrgeizige Projekte mit Partnern "
        "jenseits der Grenze und in Hightech-Programmen angehen.",
        "Als Frontrunner met eigen onderzoek en ontwikkeling kunt u ambitieuze projecten aangaan met partners "
        "over de grens en in hightechprogramma's.",
    ),
    "islands": T(
        "Island score %(island_percent)s%%: not every technology cluster you use exchanges data with another "
        "cluster (islands: %(islands)s of %(clusters)s).",
        "Insel-Score %(island_percent)s %%: Nicht jeder Ihrer eingesetzten Technologiecluster tauscht Daten mit "
        "einem anderen Cluster aus (Inseln: %(islands)s von %(clusters)s).",
        "Eilandscore %(island_percent)s%%: niet elk technologiecluster dat u gebruikt, wisselt gegevens uit met "
        "een ander cluster (eilanden: %(islands)s van %(clusters)s).",
    ),
    "weak_dimension": T(
        "“%(dimension)s” is one of your two weakest dimensions, with %(score)s of 100 points.",
        "„%(dimension)s“ ist eine Ihrer beiden schwächsten Dimensionen, mit %(score)s von 100 Punkten.",
        "‘%(dimension)s’ is een van uw twee zwakste dimensies, met %(score)s van de 100 punten.",
    ),
    "weak_security": T(
        "“%(dimension)s” is one of your two weakest dimensions (%(score)s of 100 points), and protecting your "
        "data lags behind using them.",
        "„%(dimension)s“ ist eine Ihrer beiden schwächsten Dimensionen (%(score)s von 100 Punkten), und der "
        "Schutz Ihrer Daten bleibt hinter ihrer Nutzung zurück.",
        "‘%(dimension)s’ is een van uw twee zwakste dimensies (%(score)s van de 100 punten), en de bescherming "
        "van uw data blijft achter bij het gebruik ervan.",
    ),
    "weak_ai_needs_data": T(
        "“%(dimension)s” is one of your two weakest dimensions (%(score)s of 100 points); AI and automation "
        "need reliable data, so that comes first.",
        "„%(dimension)s“ ist eine Ihrer beiden schwächsten Dimensionen (%(score)s von 100 Punkten); KI und "
        "Automatisierung brauchen verlässliche Daten, deshalb kommen diese zuerst.",
        "‘%(dimension)s’ is een van uw twee zwakste dimensies (%(score)s van de 100 punten); AI en automatisering "
        "hebben betrouwbare data nodig, dus die komen eerst.",
    ),
    "no_strategy": T(
        "You have no written digital strategy yet; without one, companies tend to buy partial solutions "
        "without the big picture.",
        "Sie haben noch keine schriftliche Digitalstrategie; ohne sie kaufen Unternehmen oft Teillösungen ohne "
        "Gesamtbild.",
        "U heeft nog geen schriftelijke digitale strategie; zonder strategie kopen bedrijven vaak deeloplossingen "
        "zonder het grote geheel.",
    ),
    "no_value_focus": T(
        "You have not decided yet which value digitalisation should bring: growth and revenue, or productivity "
        "and efficiency.",
        "Sie haben noch nicht entschieden, welchen Nutzen die Digitalisierung bringen soll: Wachstum und Umsatz "
        "oder Produktivität und Effizienz.",
        "U heeft nog niet besloten welke waarde digitalisering moet opleveren: groei en omzet, of productiviteit "
        "en efficiëntie.",
    ),
    "culture_gap": T(
        "Stage %(next_stage)s, “%(stage_name)s”, also asks something of your culture, and that statement is not "
        "yet fully true for your company.",
        "Stufe %(next_stage)s, „%(stage_name)s“, verlangt auch etwas von Ihrer Kultur, und diese Aussage trifft "
        "auf Ihr Unternehmen noch nicht ganz zu.",
        "Fase %(next_stage)s, ‘%(stage_name)s’, vraagt ook iets van uw cultuur, en die uitspraak klopt voor uw "
        "bedrijf nog niet helemaal.",
    ),
    "stage_examples": T(
        "Stage %(next_stage)s, “%(stage_name)s”, is your next stage; companies and field labs that already work "
        "there show what it looks like in practice.",
        "Stufe %(next_stage)s, „%(stage_name)s“, ist Ihre nächste Stufe; Unternehmen und Field Labs, die dort "
        "schon arbeiten, zeigen, wie sie in der Praxis aussieht.",
        "Fase %(next_stage)s, ‘%(stage_name)s’, is uw volgende fase; bedrijven en fieldlabs die daar al werken, "
        "laten zien hoe die er in de praktijk uitziet.",
    ),
    "stage_top": T(
        "You have reached the highest stage; as a lighthouse yourself, you can show others in the region their "
        "next step.",
        "Sie haben die höchste Stufe erreicht; als Leuchtturm können Sie anderen in der Region ihren nächsten "
        "Schritt zeigen.",
        "U heeft de hoogste fase bereikt; als voorbeeldbedrijf kunt u anderen in de regio hun volgende stap "
        "laten zien.",
    ),
    "fallback": T(
        "This step supports every further step of your digital transformation.",
        "Dieser Schritt trägt jeden weiteren Schritt Ihrer digitalen Transformation.",
        "Deze stap ondersteunt elke volgende stap van uw digitale transformatie.",
    ),
}

# instrument or partner code -> label
INSTRUMENTS: dict[str, T] = {
    "voucher": T("Voucher", "Gutschein", "Voucher"),
    "coaching": T("Coaching", "Coaching", "Coaching"),
    "field_lab": T(
        "Field lab or shared facility", "Field Lab oder gemeinsame Einrichtung", "Fieldlab of gedeelde faciliteit"
    ),
    "feasibility_study": T("Feasibility study", "Machbarkeitsstudie", "Haalbaarheidsstudie"),
    "rd_project": T("R&D project funding", "Förderung von FuE-Projekten", "Subsidie voor R&D-projecten"),
    "training": T("Training programme", "Weiterbildungsprogramm", "Opleidingsprogramma"),
    "edih": T(
        "European Digital Innovation Hub", "Europäischer Digital Innovation Hub", "European Digital Innovation Hub"
    ),
    "partner_technology": T("Technology partner", "Technologiepartner", "Technologiepartner"),
}
