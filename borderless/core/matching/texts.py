"""Texts of partner matching in English, German and Dutch (German "Sie", Dutch "u").

Every text is a whole sentence with %(name)s placeholders; lists of competences are joined per
language (`join_list`), so no sentence is stitched from pieces in different languages.
"""

from __future__ import annotations

from borderless.core.quickscan.text import Text

T = Text

AND = T("and", "und", "en")

COMPONENT_TITLES: dict[str, Text] = {
    "complementarity": T("What you need", "Was Sie brauchen", "Wat u nodig hebt"),
    "reciprocity": T(
        "What they need from you", "Was die andere Seite von Ihnen braucht", "Wat de ander van u nodig heeft"
    ),
    "common_ground": T("Common ground", "Gemeinsame Basis", "Gemeenschappelijke basis"),
    "proximity": T("Distance", "Entfernung", "Afstand"),
    "maturity": T("Maturity fit", "Passender Reifegrad", "Passende volwassenheid"),
    "novelty": T("New in the network", "Neu im Netzwerk", "Nieuw in het netwerk"),
}

CLASS_TITLES: dict[str, Text] = {
    "frontrunner": T("a Frontrunner", "ein Frontrunner", "een Frontrunner"),
    "fast_follower": T("a Fast Follower", "ein Fast Follower", "een Fast Follower"),
    "late_follower": T("a Late Follower", "ein Late Follower", "een Late Follower"),
    "company": T(
        "a company without a quickscan result",
        "ein Unternehmen ohne Quickscan-Ergebnis",
        "een bedrijf zonder quickscanresultaat",
    ),
    "knowledge": T("a knowledge institution", "eine Wissenseinrichtung", "een kennisinstelling"),
    "intermediary": T("an intermediary", "ein Intermediär", "een intermediair"),
    "authority": T("a public authority", "eine Behörde", "een overheidsinstantie"),
    "fieldlab": T("a field lab", "ein Fieldlab", "een fieldlab"),
    "hub": T("a hub or EDIH", "ein Hub oder EDIH", "een hub of EDIH"),
}

MATURITY_RULES: dict[str, Text] = {
    "ahead_for_fast": T(
        "A Fast Follower gains most from a Frontrunner or a knowledge institution: they have already done "
        "what a Fast Follower is about to try.",
        "Ein Fast Follower profitiert am meisten von einem Frontrunner oder einer Wissenseinrichtung: Diese "
        "haben bereits umgesetzt, was ein Fast Follower gerade angeht.",
        "Een Fast Follower heeft het meeste aan een Frontrunner of een kennisinstelling: zij hebben al gedaan "
        "wat een Fast Follower nu wil proberen.",
    ),
    "facility_for_fast": T(
        "A field lab or hub lets a Fast Follower try technology in a real production setting before investing.",
        "Ein Fieldlab oder Hub lässt einen Fast Follower Technik in echter Produktionsumgebung erproben, "
        "bevor er investiert.",
        "Een fieldlab of hub laat een Fast Follower technologie in een echte productieomgeving uitproberen "
        "voordat hij investeert.",
    ),
    "peers_fast": T(
        "Two Fast Followers can experiment together and share the risk.",
        "Zwei Fast Follower können gemeinsam experimentieren und das Risiko teilen.",
        "Twee Fast Followers kunnen samen experimenteren en het risico delen.",
    ),
    "step_ahead_for_late": T(
        "A Late Follower gains most from organisations one step ahead and from those that guide the first steps.",
        "Ein Late Follower profitiert am meisten von Organisationen, die einen Schritt weiter sind, und von "
        "denen, die die ersten Schritte begleiten.",
        "Een Late Follower heeft het meeste aan organisaties die een stap verder zijn en aan wie de eerste "
        "stappen begeleidt.",
    ),
    "far_ahead_for_late": T(
        "A Frontrunner or a knowledge institution is a big step ahead of a Late Follower; a joint project "
        "needs someone to guide it.",
        "Ein Frontrunner oder eine Wissenseinrichtung ist einem Late Follower weit voraus; ein gemeinsames "
        "Projekt braucht jemanden, der es begleitet.",
        "Een Frontrunner of een kennisinstelling is een Late Follower ver vooruit; een gezamenlijk project "
        "heeft iemand nodig die het begeleidt.",
    ),
    "late_with_late": T(
        "Two Late Followers have little experience to pass on to each other yet.",
        "Zwei Late Follower haben einander noch wenig Erfahrung weiterzugeben.",
        "Twee Late Followers hebben elkaar nog weinig ervaring door te geven.",
    ),
    "research_for_front": T(
        "Frontrunners move ahead with research partners and other Frontrunners.",
        "Frontrunner kommen mit Forschungspartnern und anderen Frontrunnern voran.",
        "Frontrunners komen verder met onderzoekspartners en andere Frontrunners.",
    ),
    "transfer_from_front": T(
        "A Frontrunner can bring proven solutions to a Fast Follower or a field lab.",
        "Ein Frontrunner kann erprobte Lösungen zu einem Fast Follower oder in ein Fieldlab bringen.",
        "Een Frontrunner kan beproefde oplossingen naar een Fast Follower of een fieldlab brengen.",
    ),
    "transfer_to_firms": T(
        "Knowledge institutions and field labs reach the firms that can put their knowledge to use.",
        "Wissenseinrichtungen und Fieldlabs erreichen so die Unternehmen, die ihr Wissen anwenden können.",
        "Kennisinstellingen en fieldlabs bereiken zo de bedrijven die hun kennis kunnen toepassen.",
    ),
    "support_for_firms": T(
        "Intermediaries and hubs reach the firms that need their support most.",
        "Intermediäre und Hubs erreichen so die Unternehmen, die ihre Unterstützung am meisten brauchen.",
        "Intermediairs en hubs bereiken zo de bedrijven die hun ondersteuning het meest nodig hebben.",
    ),
    "first_contact": T(
        "Without a quickscan result, an intermediary, hub or field lab is a good first contact.",
        "Ohne Quickscan-Ergebnis ist ein Intermediär, Hub oder Fieldlab ein guter erster Kontakt.",
        "Zonder quickscanresultaat is een intermediair, hub of fieldlab een goed eerste contact.",
    ),
    "support_network": T(
        "Support organisations on both sides of the border strengthen each other's networks.",
        "Unterstützende Organisationen auf beiden Seiten der Grenze stärken gegenseitig ihre Netzwerke.",
        "Ondersteunende organisaties aan beide kanten van de grens versterken elkaars netwerken.",
    ),
    "no_rule": T(
        "No particular maturity fit: neither side is known to be a step ahead of the other.",
        "Kein besonderer Reifegrad-Vorteil: Von keiner Seite ist bekannt, dass sie der anderen voraus ist.",
        "Geen bijzondere volwassenheidsmatch: van geen van beide kanten is bekend dat ze de ander vooruit is.",
    ),
}

# --- explanation lines -------------------------------------------------------------------------

NEEDS_MET = T(
    "This organisation offers %(codes)s, which you need.",
    "Diese Organisation bietet %(codes)s an, was Sie brauchen.",
    "Deze organisatie biedt %(codes)s aan, wat u nodig hebt.",
)
NEEDS_NOT_MET = T(
    "This organisation offers none of the competences you need.",
    "Diese Organisation bietet keine der Kompetenzen an, die Sie brauchen.",
    "Deze organisatie biedt geen van de competenties aan die u nodig hebt.",
)
NO_NEEDS = T(
    "You have not listed any needs yet; add them to your profile to find partners who offer what you need.",
    "Sie haben noch keinen Bedarf angegeben; ergänzen Sie Ihr Profil, um Partner zu finden, die anbieten, "
    "was Sie brauchen.",
    "U hebt nog geen behoeften opgegeven; vul uw profiel aan om partners te vinden die aanbieden wat u nodig hebt.",
)
NEEDS_SERVED = T(
    "This organisation needs %(codes)s, which you offer.",
    "Diese Organisation braucht %(codes)s, was Sie anbieten.",
    "Deze organisatie heeft %(codes)s nodig, wat u aanbiedt.",
)
NEEDS_NOT_SERVED = T(
    "This organisation needs nothing that you offer.",
    "Diese Organisation braucht nichts von dem, was Sie anbieten.",
    "Deze organisatie heeft niets nodig van wat u aanbiedt.",
)
THEY_HAVE_NO_NEEDS = T(
    "This organisation has not listed any needs.",
    "Diese Organisation hat noch keinen Bedarf angegeben.",
    "Deze organisatie heeft nog geen behoeften opgegeven.",
)
NO_OFFERS = T(
    "You have not listed any offers yet; add them to your profile so that others can find you.",
    "Sie haben noch kein Angebot angegeben; ergänzen Sie Ihr Profil, damit andere Sie finden.",
    "U hebt nog geen aanbod opgegeven; vul uw profiel aan zodat anderen u kunnen vinden.",
)
SHARED_TECHNOLOGIES = T(
    "You both work with %(codes)s.",
    "Sie arbeiten beide mit %(codes)s.",
    "U werkt allebei met %(codes)s.",
)
SAME_SECTOR = T(
    "You are both in the same sector: %(sector)s.",
    "Sie sind beide in derselben Branche tätig: %(sector)s.",
    "U bent allebei actief in dezelfde sector: %(sector)s.",
)
SHARED_TECHNOLOGIES_AND_SECTOR = T(
    "You both work with %(codes)s and are in the same sector: %(sector)s.",
    "Sie arbeiten beide mit %(codes)s und sind in derselben Branche tätig: %(sector)s.",
    "U werkt allebei met %(codes)s en bent actief in dezelfde sector: %(sector)s.",
)
NO_COMMON_GROUND = T(
    "You share no technology and are in different sectors.",
    "Sie teilen keine Technologie und sind in verschiedenen Branchen tätig.",
    "U deelt geen technologie en bent actief in verschillende sectoren.",
)
DISTANCE = T(
    "About %(travel)d km by road (%(km)d km in a straight line); crossing the border costs nothing.",
    "Etwa %(travel)d km auf der Straße (%(km)d km Luftlinie); die Grenze zählt dabei nicht.",
    "Ongeveer %(travel)d km over de weg (%(km)d km hemelsbreed); de grens telt daarbij niet.",
)
DISTANCE_NEAR = T(
    "Less than 1 km away.",
    "Weniger als 1 km entfernt.",
    "Minder dan 1 km verwijderd.",
)
MATURITY = T(
    "You are %(mine)s, this organisation is %(theirs)s. %(rule)s",
    "Sie sind %(mine)s, diese Organisation ist %(theirs)s. %(rule)s",
    "U bent %(mine)s, deze organisatie is %(theirs)s. %(rule)s",
)
NEVER_COOPERATED = T(
    "This organisation has never taken part in a cooperation project: a new face in the network.",
    "Diese Organisation hat noch an keinem Kooperationsprojekt teilgenommen: ein neues Gesicht im Netzwerk.",
    "Deze organisatie heeft nog nooit aan een samenwerkingsproject deelgenomen: een nieuw gezicht in het netwerk.",
)
COOPERATED_BEFORE = T(
    "This organisation has cooperated in projects before.",
    "Diese Organisation hat schon in Projekten kooperiert.",
    "Deze organisatie heeft al eerder in projecten samengewerkt.",
)
WORKED_TOGETHER = T(
    "You have cooperated with this organisation before.",
    "Sie haben schon mit dieser Organisation kooperiert.",
    "U hebt al eerder met deze organisatie samengewerkt.",
)
NO_PROFILE = T(
    "Your profile lists no offers or needs yet, so these partners are suggested by distance, maturity and "
    "sector only. Add what you offer and need to get better matches.",
    "Ihr Profil nennt noch kein Angebot und keinen Bedarf; diese Partner sind daher nur nach Entfernung, "
    "Reifegrad und Branche vorgeschlagen. Ergänzen Sie Angebot und Bedarf, um passendere Partner zu finden.",
    "Uw profiel vermeldt nog geen aanbod of behoeften; deze partners zijn daarom alleen op afstand, "
    "volwassenheid en sector voorgesteld. Vul uw aanbod en behoeften aan voor betere matches.",
)
