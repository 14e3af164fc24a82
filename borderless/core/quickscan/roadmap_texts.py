"""Texts of the roadmap steps and of the reasons why a step was chosen, marked for gettext. Pure data.

Reason texts are templates: %(name)s placeholders are filled from the step's params (numbers,
or messages such as a dimension name, translated in the same language).
"""

from __future__ import annotations

from borderless.core.i18n import Message, _

# step id -> (title, what to do)
STEPS: dict[str, tuple[Message, Message]] = {
    "i40_basics": (
        _("Get to know Industrie 4.0 and the value of your data"),
        _(
            "Visit a demonstration at a digital hub or field lab with your management team, and list which data "
            "your company already has and which decisions they could improve."
        ),
    ),
    "strategy_value": (
        _("Write a digital strategy aimed at value creation"),
        _(
            "Decide which value digitalisation should bring (growth and revenue, or productivity and efficiency), "
            "choose the two or three projects that serve it best, and agree how you will measure success."
        ),
    ),
    "rd_cross_border": (
        _("Start a cross-border R&D project"),
        _(
            "Find a technology partner on the other side of the border and prepare a joint project, for example "
            "in an Interreg open formula, Eurostars or Horizon Europe."
        ),
    ),
    "connect_technologies": (
        _("Connect your technologies and end the island solutions"),
        _(
            "Choose one data flow that matters, such as machine data into your ERP or real-time logistics into "
            "planning, and have it connected, with a feasibility study first if needed."
        ),
    ),
    "culture_competences": (
        _("Build digital culture and skills"),
        _(
            "Assess which digital skills are missing, plan training for them, and involve your staff early when "
            "you choose new tools."
        ),
    ),
    "technology_pilot": (
        _("Try an advanced technology in a field lab"),
        _(
            "Pick one technology that fits a real problem in your production and test it in a field lab or "
            "shared facility before you invest."
        ),
    ),
    "data_basics": (
        _("Put your data management in order"),
        _(
            "Agree rules for your data, store them digitally in one place, and link the systems that hold the "
            "same information."
        ),
    ),
    "cybersecurity": (
        _("Strengthen your cybersecurity"),
        _(
            "Have a security check done, back up critical data regularly, train your staff, and write down how "
            "you will carry on after an attack."
        ),
    ),
    "automation_ai": (
        _("Start a small pilot with AI or automation"),
        _(
            "Choose one task with enough data, such as visual inspection or demand forecasting, and try a proven "
            "solution with a technology partner."
        ),
    ),
    "green": (
        _("Use digital technology for sustainability"),
        _(
            "Measure your energy and material use digitally, and pick one process where the data show the "
            "largest saving."
        ),
    ),
    "lighthouse": (
        _("Learn from lighthouse examples at your next stage"),
        _(
            "Visit a company or field lab that already works at your next stage, and ask what they did first and "
            "what they would do differently."
        ),
    ),
}

# reason code -> why template
REASONS: dict[str, Message] = {
    "group_late": _(
        "As a Late Follower, your first step is a shared understanding of Industrie 4.0 and of what your data "
        "are worth."
    ),
    "group_fast": _(
        "Fast Followers often use new technology without turning it into profit. A strategy that starts from "
        "the value you want sets your priorities."
    ),
    "group_frontrunner": _(
        "As a Frontrunner with your own R&D, you can take on ambitious projects with partners across the border "
        "and in high-tech programmes."
    ),
    "islands": _(
        "Island score %(island_percent)s%%: not every technology cluster you use exchanges data with another "
        "cluster (islands: %(islands)s of %(clusters)s)."
    ),
    "weak_dimension": _("“%(dimension)s” is one of your two weakest dimensions, with %(score)s of 100 points."),
    "weak_security": _(
        "“%(dimension)s” is one of your two weakest dimensions (%(score)s of 100 points), and protecting your "
        "data lags behind using them."
    ),
    "weak_ai_needs_data": _(
        "“%(dimension)s” is one of your two weakest dimensions (%(score)s of 100 points); AI and automation "
        "need reliable data, so that comes first."
    ),
    "no_strategy": _(
        "You have no written digital strategy yet; without one, companies tend to buy partial solutions "
        "without the big picture."
    ),
    "no_value_focus": _(
        "You have not decided yet which value digitalisation should bring: growth and revenue, or productivity "
        "and efficiency."
    ),
    "culture_gap": _(
        "Stage %(next_stage)s, “%(stage_name)s”, also asks something of your culture, and that statement is not "
        "yet fully true for your company."
    ),
    "stage_examples": _(
        "Stage %(next_stage)s, “%(stage_name)s”, is your next stage; companies and field labs that already work "
        "there show what it looks like in practice."
    ),
    "stage_top": _(
        "You have reached the highest stage; as a lighthouse yourself, you can show others in the region their "
        "next step."
    ),
    "fallback": _("This step supports every further step of your digital transformation."),
}

# instrument or partner code -> label
INSTRUMENTS: dict[str, Message] = {
    "voucher": _("Voucher"),
    "coaching": _("Coaching"),
    "field_lab": _("Field lab or shared facility"),
    "feasibility_study": _("Feasibility study"),
    "rd_project": _("R&D project funding"),
    "training": _("Training programme"),
    "edih": _("European Digital Innovation Hub"),
    "partner_technology": _("Technology partner"),
}
