"""Taking the quickscan: start or resume, one page per section, completion, and "how we score".

A signed-in member takes the quickscan for an organisation (the first they manage, or the one chosen
with ?organisation=<slug>); a visitor takes it for their browser session, keyed by a random key in
the session. Pages never start a quickscan themselves: only the start page's POST does, so a form
sent again after completion cannot open a new draft behind the firm's back.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from borderless.core.quickscan.groups import FollowerGroup, GroupRules
from borderless.core.quickscan.peers import MIN_GROUP, PEER_LEVELS
from borderless.core.quickscan.questionnaire import AREA_TITLES, QUESTIONNAIRE, SCALE_LABELS
from borderless.core.quickscan.scoring import BAND_UPPER_BOUNDS, Band, InvalidAnswers
from borderless.i18n.translation import language, translate
from borderless.organisations.models import Organisation

from . import selectors, services
from .forms import ACTIONS, BACK, CONTINUE, SectionForm, Tampered
from .models import Assessment
from .wizard import LINKS_PART, Step, first_open_step, position, section_count, section_number, step_done, steps_for

START_AGAIN = "again"
CONSENT_VALUE = "yes"


@dataclass(frozen=True)
class Taker:
    """Who takes the quickscan: an organisation, or a visitor's browser session."""

    organisation: Organisation | None
    anonymous_key: str
    organisations: list[Organisation]

    @property
    def query(self) -> str:
        """The query string that keeps the chosen organisation on every page of the quickscan."""
        if self.organisation is None or len(self.organisations) < 2:
            return ""
        return "?" + urlencode({"organisation": self.organisation.slug})

    @property
    def known(self) -> tuple[str, ...]:
        """Company questions the organisation profile answers."""
        return tuple(services.profile_answers(self.organisation))

    def draft(self) -> Assessment | None:
        return selectors.draft_for(organisation=self.organisation, anonymous_key=self.anonymous_key)

    def completed(self):
        return selectors.completed_assessments_of(organisation=self.organisation, anonymous_key=self.anonymous_key)


def _taker(request: HttpRequest) -> Taker:
    organisations = selectors.quickscan_organisations(user=request.user)
    organisation = selectors.acting_organisation(organisations=organisations, slug=request.GET.get("organisation", ""))
    key = "" if organisation is not None else request.session.get(services.ANONYMOUS_QUICKSCAN_KEY, "")
    return Taker(organisation=organisation, anonymous_key=key, organisations=organisations)


def _bad_request(request: HttpRequest) -> HttpResponse:
    """A value that no page of ours offers: refuse it, change nothing."""
    return HttpResponseBadRequest(render_to_string("quickscan/take/bad_request.html", request=request))


def _step_url(step: Step, taker: Taker) -> str:
    url = reverse("quickscan:section", args=[step.section.id])
    query = {"organisation": taker.organisation.slug} if taker.query and taker.organisation else {}
    if step.part:
        query["part"] = step.part
    return url + ("?" + urlencode(query) if query else "")


def _url(name: str, taker: Taker) -> str:
    return reverse(f"quickscan:{name}") + taker.query


def _progress(steps: list[Step], answers, current: Step | None, taker: Taker) -> list[dict]:
    """The sections for the progress list: title, link, done, current."""
    sections: dict[str, dict] = {}
    for step in steps:
        entry = sections.setdefault(
            step.section.id,
            {
                "title": translate(step.section.title),
                "url": _step_url(step, taker),
                "done": True,
                "current": False,
            },
        )
        entry["done"] = entry["done"] and step_done(step, answers)
        entry["current"] = entry["current"] or (current is not None and step.section.id == current.section.id)
    return list(sections.values())


# --- start ---------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    taker = _taker(request)
    if request.method == "POST":
        return _start_draft(request, taker)
    draft = taker.draft()
    completed = list(taker.completed()[:1])
    resume_url = ""
    if draft is not None:
        steps = steps_for(answers=draft.answers, known=taker.known)
        open_step = first_open_step(steps, draft.answers)
        resume_url = _step_url(open_step, taker) if open_step else _url("complete", taker)
    context = {
        "taker": taker,
        "draft": draft,
        "latest": completed[0] if completed else None,
        "resume_url": resume_url,
        "start_url": _url("start", taker),
        "section_count": len(QUESTIONNAIRE.sections),
        "question_count": len(QUESTIONNAIRE.questions),
    }
    return render(request, "quickscan/start.html", context)


def _start_draft(request: HttpRequest, taker: Taker) -> HttpResponse:
    action = request.POST.get("action", "")
    if action not in ("start", START_AGAIN):
        return _bad_request(request)
    key = taker.anonymous_key
    if taker.organisation is None and not key:
        key = secrets.token_urlsafe(32)
        request.session[services.ANONYMOUS_QUICKSCAN_KEY] = key
    taker = Taker(organisation=taker.organisation, anonymous_key=key, organisations=taker.organisations)
    if action != START_AGAIN and taker.draft() is None and taker.completed().exists():
        # The first "start" form sent again after completion: a new quickscan only on "take it again".
        return redirect(_url("start", taker))
    start_service = services.assessment_start_again if action == START_AGAIN else services.assessment_start
    draft = start_service(organisation=taker.organisation, user=request.user, anonymous_key=key, language=language())
    steps = steps_for(answers=draft.answers, known=taker.known)
    # Taking it again starts at the first page, so every prefilled answer is seen and can be changed.
    first = steps[0] if action == START_AGAIN else first_open_step(steps, draft.answers)
    return redirect(_step_url(first, taker) if first else _url("complete", taker))


# --- one page per section ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def section(request: HttpRequest, section: str) -> HttpResponse:
    if section not in {s.id for s in QUESTIONNAIRE.sections}:
        raise Http404
    taker = _taker(request)
    draft = taker.draft()
    if draft is None:
        messages.info(request, _("Start the quickscan here; your answers are saved page by page."))
        return redirect(_url("start", taker))
    steps = steps_for(answers=draft.answers, known=taker.known)
    part = request.GET.get("part", "")
    step = next((s for s in steps if s.section.id == section and s.part == part), None)
    if step is None:
        # A page this quickscan skips (company data the profile knows; data links with fewer than
        # two technologies in use): go on with the next page of the quickscan.
        later = [s for s in steps if s.order > position(section, part)]
        return redirect(_step_url(later[0], taker) if later else _url("complete", taker))

    lang = language()
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ACTIONS:
            return _bad_request(request)
        form = SectionForm(step, lang=lang, stored=draft.answers, data=request.POST)
        try:
            valid = form.is_valid(complete=action == CONTINUE)
        except Tampered:
            return _bad_request(request)
        if valid:
            try:
                draft = services.assessment_save_page(
                    assessment=draft, answers=form.answers_to_store(), question_ids=step.question_ids
                )
            except InvalidAnswers:
                return _bad_request(request)
            except ValueError:
                # Completed in another tab a moment ago: a finished quickscan is not changed.
                messages.info(request, _("This quickscan has been completed; its answers can no longer change."))
                return redirect(_url("start", taker))
            return redirect(_after_save(request, action, step, draft, taker))
    else:
        form = SectionForm(step, lang=lang, stored=draft.answers)

    index = steps.index(step)
    context = {
        "form": form,
        "step": step,
        "draft": draft,
        "taker": taker,
        "section_title": translate(step.section.title, lang),
        "section_intro": _section_intro(step, taker),
        "section_number": section_number(steps, step),
        "section_count": section_count(steps),
        "progress": _progress(steps, draft.answers, step, taker),
        "is_links": step.part == LINKS_PART,
        "is_last": index == len(steps) - 1,
        "action_url": _step_url(step, taker),
    }
    return render(request, "quickscan/section.html", context, status=400 if form.data is not None else 200)


def _section_intro(step: Step, taker: Taker) -> str:
    if step.section.id == "C" and taker.organisation is None:
        # The section's own intro speaks of the organisation profile, which a visitor does not have.
        return _("Your company's size, sector, country and region let us compare your result with similar companies.")
    return translate(step.section.intro)


def _after_save(request: HttpRequest, action: str, step: Step, draft: Assessment, taker: Taker) -> str:
    """Where to go after a page was saved; the steps may have changed (technologies in use)."""
    steps = steps_for(answers=draft.answers, known=taker.known)
    if action == CONTINUE:
        later = [s for s in steps if s.order > step.order]
        return _step_url(later[0], taker) if later else _url("complete", taker)
    if action == BACK:
        earlier = [s for s in steps if s.order < step.order]
        return _step_url(earlier[-1], taker) if earlier else _url("start", taker)
    if taker.organisation is None and not request.user.is_authenticated:
        messages.success(
            request,
            _(
                "Your answers are saved in this browser session. Continue on this page at any time; "
                "to keep your answers for longer, sign up or log in."
            ),
        )
    else:
        messages.success(request, _("Your answers are saved. Continue on this page at any time."))
    return _url("start", taker)


# --- completion ----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def complete(request: HttpRequest) -> HttpResponse:
    taker = _taker(request)
    if request.method == "POST":
        try:
            public_id = uuid.UUID(request.POST.get("assessment", ""))
        except ValueError:
            return _bad_request(request)
        if request.POST.get("share", CONSENT_VALUE) != CONSENT_VALUE:
            return _bad_request(request)
        assessment = selectors.assessment_of_taker(
            public_id=public_id, organisation=taker.organisation, anonymous_key=taker.anonymous_key
        )
        if assessment is None:
            return _bad_request(request)
        try:
            # The same form sent twice stores one assessment: the service returns it as stored.
            assessment = services.assessment_complete(
                assessment=assessment,
                answers=services.profile_answers(taker.organisation),
                share_for_research="share" in request.POST,
            )
        except InvalidAnswers:
            return _review(request, taker, assessment, status=400)
        return redirect("quickscan:result", public_id=assessment.public_id)

    draft = taker.draft()
    if draft is None:
        messages.info(request, _("Start the quickscan here; your answers are saved page by page."))
        return redirect(_url("start", taker))
    return _review(request, taker, draft)


def _review(request: HttpRequest, taker: Taker, draft: Assessment, *, status: int = 200) -> HttpResponse:
    steps = steps_for(answers=draft.answers, known=taker.known)
    lang = language()
    pages = [
        {
            "title": _page_title(step, lang),
            "part": step.part,
            "url": _step_url(step, taker),
            "done": step_done(step, draft.answers),
        }
        for step in steps
    ]
    open_pages = [page for page in pages if not page["done"]]
    context = {
        "taker": taker,
        "draft": draft,
        "pages": pages,
        "open_pages": open_pages,
        "tried": status != 200,
        "progress": _progress(steps, draft.answers, None, taker),
        "section_count": section_count(steps),
        "back_url": _step_url(steps[-1], taker),
        "action_url": _url("complete", taker),
    }
    return render(request, "quickscan/take/review.html", context, status=status)


def _page_title(step: Step, lang: str) -> str:
    title = translate(step.section.title, lang)
    if step.part == LINKS_PART:
        return _("%(section)s: data exchange") % {"section": title}
    return title


# --- how we score --------------------------------------------------------------------------------


def method(request: HttpRequest) -> HttpResponse:
    return render(request, "quickscan/method.html", _method_context(lang=language(), rules=services.group_rules()))


def _method_context(*, lang: str, rules: GroupRules) -> dict:
    """The questionnaire and the rules in force, in `lang`, for the public "how we score" page."""
    dimensions = [
        {
            "id": dimension.id,
            "title": translate(dimension.title, lang),
            "questions": [
                {
                    "number": qid.split(".")[1],
                    "title": translate(QUESTIONNAIRE.question(qid).title, lang),
                    "type": QUESTIONNAIRE.question(qid).type.value,
                    "items": len(QUESTIONNAIRE.question(qid).positive_items),
                }
                for qid in dimension.question_ids
            ],
        }
        for dimension in QUESTIONNAIRE.dimensions
    ]
    stages = [
        {
            "number": stage.number,
            "name": translate(stage.name, lang),
            "description": translate(stage.description, lang),
            "statements": [
                {"area": translate(AREA_TITLES[item.area.value], lang), "text": translate(item.text, lang)}
                for item in QUESTIONNAIRE.question(stage.question_id).items
                if item.area is not None
            ],
        }
        for stage in QUESTIONNAIRE.stages
    ]
    params = rules.params()
    uppers = {band: upper for upper, band in BAND_UPPER_BOUNDS}
    lowers = [None, *(upper for upper, _band in BAND_UPPER_BOUNDS)]
    return {
        "dimensions": dimensions,
        "bands": [
            {"title": translate(band.title, lang), "lower": lower, "upper": uppers.get(band)}
            for band, lower in zip(Band, lowers, strict=True)
        ],
        "stages": stages,
        "group_rules": [
            {"title": translate(group.title, lang), "rule": translate(group.rule.bind(params), lang)}
            for group in (FollowerGroup.FRONTRUNNER, FollowerGroup.LATE_FOLLOWER, FollowerGroup.FAST_FOLLOWER)
        ],
        "rules": rules,
        "late_min_level": translate(SCALE_LABELS[rules.late_min_q4_level], lang),
        "i40_clusters": [translate(QUESTIONNAIRE.cluster(c).title, lang) for c in rules.i40_clusters],
        "clusters": [
            {
                "number": cluster.number,
                "title": translate(cluster.title, lang),
                "technologies": [translate(QUESTIONNAIRE.item(tech).text, lang) for tech in cluster.technology_ids],
            }
            for cluster in QUESTIONNAIRE.clusters
        ],
        "peer_levels": [translate(level.title, lang) for level in PEER_LEVELS],
        "min_group": MIN_GROUP,
        "scale_labels": [translate(label, lang) for label in SCALE_LABELS],
    }
