"""Texts of partner matching, marked for gettext (translations in the catalogues; German "Sie", Dutch "u").

Every text is a whole sentence with %(name)s placeholders; lists of competences are joined in the
reader's language (`join_list`), so no sentence is stitched from pieces in different languages.
"""

from __future__ import annotations

from borderless.core.i18n import N_, Message, _

COMPONENT_TITLES: dict[str, Message] = {
    "complementarity": _("What you need"),
    "reciprocity": _("What they need from you"),
    "common_ground": _("Common ground"),
    "proximity": _("Distance"),
    "maturity": _("Maturity fit"),
    "novelty": _("New in the network"),
    "closure": _("Partners of your partners"),
}

CLASS_TITLES: dict[str, Message] = {
    "frontrunner": _("a Frontrunner"),
    "fast_follower": _("a Fast Follower"),
    "late_follower": _("a Late Follower"),
    "company": _("a company without a quickscan result"),
    "knowledge": _("a knowledge institution"),
    "intermediary": _("an intermediary"),
    "authority": _("a public authority"),
    "fieldlab": _("a field lab"),
    "hub": _("a hub or EDIH"),
    "other": _("an organisation of another kind"),
}

MATURITY_RULES: dict[str, Message] = {
    "ahead_for_fast": _(
        "A Fast Follower gains most from a Frontrunner or a knowledge institution: they have already done "
        "what a Fast Follower is about to try."
    ),
    "facility_for_fast": _(
        "A field lab or hub lets a Fast Follower try technology in a real production setting before investing."
    ),
    "peers_fast": _("Two Fast Followers can experiment together and share the risk."),
    "step_ahead_for_late": _(
        "A Late Follower gains most from organisations one step ahead and from those that guide the first steps."
    ),
    "far_ahead_for_late": _(
        "A Frontrunner or a knowledge institution is a big step ahead of a Late Follower; a joint project "
        "needs someone to guide it."
    ),
    "late_with_late": _("Two Late Followers have little experience to pass on to each other yet."),
    "research_for_front": _("Frontrunners move ahead with research partners and other Frontrunners."),
    "transfer_from_front": _("A Frontrunner can bring proven solutions to a Fast Follower or a field lab."),
    "transfer_to_firms": _(
        "Knowledge institutions and field labs reach the firms that can put their knowledge to use."
    ),
    "support_for_firms": _("Intermediaries and hubs reach the firms that need their support most."),
    "first_contact": _("Without a quickscan result, an intermediary, hub or field lab is a good first contact."),
    "support_network": _("Support organisations on both sides of the border strengthen each other's networks."),
    "no_rule": _("No particular maturity fit: neither side is known to be a step ahead of the other."),
}

# --- explanation lines -------------------------------------------------------------------------

NEEDS_MET = _("This organisation offers %(codes)s, which you need.")
NEEDS_NOT_MET = _("This organisation offers none of the competences you need.")
NO_NEEDS = _("You have not listed any needs yet; add them to your profile to find partners who offer what you need.")
NEEDS_SERVED = _("This organisation needs %(codes)s, which you offer.")
NEEDS_NOT_SERVED = _("This organisation needs nothing that you offer.")
THEY_HAVE_NO_NEEDS = _("This organisation has not listed any needs.")
NO_OFFERS = _("You have not listed any offers yet; add them to your profile so that others can find you.")
SHARED_TECHNOLOGIES = _("You both work with %(codes)s.")
SAME_SECTOR = _("You are both in the same sector: %(sector)s.")
SHARED_TECHNOLOGIES_AND_SECTOR = _("You both work with %(codes)s and are in the same sector: %(sector)s.")
NO_COMMON_GROUND = _("You share no technology and are in different sectors.")
DISTANCE = _("About %(travel)d km by road (%(km)d km in a straight line); crossing the border costs nothing.")
DISTANCE_NEAR = _("Less than 1 km away.")
MATURITY = _("You are %(mine)s, this organisation is %(theirs)s. %(rule)s")
NEVER_COOPERATED = _("This organisation has never taken part in a cooperation project: a new face in the network.")
COOPERATED_BEFORE = _("This organisation has cooperated in projects before.")
CLOSURE_NAMED = N_(
    "Your project partner %(names)s has also cooperated with this organisation.",
    "%(n)d of your project partners, %(names)s, have also cooperated with this organisation.",
)
CLOSURE_SOME_NAMED = N_(
    "One of your project partners, %(names)s, has also cooperated with this organisation.",
    "%(n)d of your project partners, among them %(names)s, have also cooperated with this organisation.",
)
CLOSURE_COUNTED = N_(
    "One of your project partners has also cooperated with this organisation.",
    "%(n)d of your project partners have also cooperated with this organisation.",
)
CLOSURE_NONE = _("None of your project partners has cooperated with this organisation.")
CLOSURE_NO_PARTNERS = _("No project partners of yours are known yet, so there are no partners of partners to go by.")
CLOSURE_WORKED_TOGETHER = _(
    "You have cooperated with this organisation yourself, so the partners you share do not count here."
)
CLOSURE_SAME_COUNTRY = _("Partners of your partners count only for organisations across the border.")
WORKED_TOGETHER = _("You have cooperated with this organisation before.")
NO_PROFILE = _(
    "Your profile lists no offers or needs yet, so these partners are suggested by distance, maturity and "
    "sector only. Add what you offer and need to get better matches."
)
