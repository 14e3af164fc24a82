"""The quickscan in the API: submit answers, read a result and the history of one's own organisation,
and read the questionnaire.

Authentication is the platform's session (log in on the website, then call the API from the same
browser or with the session cookie). Unsafe methods (POST) also need the CSRF token, as every form of
the website does: send the ``csrftoken`` cookie's value in the ``X-CSRFToken`` header. Results and
history are the caller's own organisations' only (membership); anything else answers 404, whether it
exists or not.

Submitting twice stores one assessment: the client chooses the assessment's id (a random UUID) and
sends it with the answers. A repeated request with the same id and the same answers returns the
stored assessment (200 instead of 201); the same id with other answers, or for another of one's own
organisations, is refused (409). An id that belongs to an organisation one is not a member of answers
404, as reading it does.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import SessionAuth

from borderless.core.quickscan.questionnaire import (
    AREA_FLAG_LABELS,
    QUESTIONNAIRE,
    SCALE_LABELS,
    TECH_STATUS_LABELS,
    TRI_LABELS,
    Question,
)
from borderless.core.quickscan.validation import AnswerError, ErrorCode, InvalidAnswers
from borderless.i18n.translation import language, translate
from borderless.organisations.models import Organisation
from borderless.quickscan import services as quickscan_services
from borderless.quickscan.models import QUESTIONNAIRE_VERSION, Assessment
from borderless.quickscan.selectors import assessment_history
from borderless.quickscan.services import profile_answers

from .errors import ApiError, not_found, unknown_parameters_reject
from .schemas import ErrorOut

# Descriptions in this module are API documentation for developers and stay in English.


class SessionAuthJSON(SessionAuth):
    """django-ninja's session authentication (CSRF checked for unsafe methods), with our JSON errors."""

    def _get_key(self, request: HttpRequest) -> str | None:
        try:
            return super()._get_key(request)
        except HttpError:
            raise ApiError(
                status=403,
                code="csrf_failed",
                message=_("The CSRF token is missing or wrong. Send the csrftoken cookie's value in X-CSRFToken."),
            ) from None

    def authenticate(self, request: HttpRequest, key: str | None):
        if request.user.is_authenticated:
            return request.user
        raise ApiError(status=401, code="not_authenticated", message=_("Log in to use this endpoint."))


session_auth = SessionAuthJSON()
router = Router(tags=["quickscan"], auth=session_auth)

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"


# --- schemas -----------------------------------------------------------------------------------


class AssessmentIn(Schema):
    id: UUID = Field(
        description=(
            "Chosen by the client: a new random UUID per assessment. Sending the same request again (for "
            "example after a timeout) returns the stored assessment instead of storing a second one."
        )
    )
    organisation: str = Field(
        pattern=SLUG_PATTERN, max_length=220, description="Slug of one of your organisations.", examples=["acme"]
    )
    answers: dict[str, Any] = Field(
        description=(
            "Complete answers keyed by question id, in the shapes of GET /api/quickscan/questionnaire "
            "(for example {'D1.Q2': ['D1.Q2.funding'], 'D2.Q4': {'D2.Q4.iot': 3, …}, 'A.S1': {'A.S1.culture': "
            "'yes', …}}). Company data (C.*) comes from the organisation profile where the profile has it."
        )
    )
    share_for_research: bool = Field(
        False, description="Consent to use this result, without the organisation's name, in regional statistics."
    )


class AnswerErrorOut(Schema):
    question: str = Field(description="Question id, e.g. 'D1.Q2'.")
    item: str | None = Field(description="Item id where the problem is one item or row, e.g. 'D2.Q4.iot'.")
    code: ErrorCode
    message: str = Field(description="In the language of the request.")


class AnswerErrorsOut(Schema):
    detail: str
    code: str = Field(description="'invalid_answers'.")
    errors: list[AnswerErrorOut]


class StageOut(Schema):
    reached: int = Field(description="acatech stage 0..6.")
    progress: float | None = Field(description="Share of the next stage's statements met (yes 1, partly 0.5).")
    can_do: list[str] = Field(description="Statement ids answered 'yes'.")
    next_needs: list[str] = Field(description="Statement ids of the next stage not yet 'yes'.")


class FollowerGroupOut(Schema):
    group: str = Field(description="frontrunner, fast_follower or late_follower.")
    conditions: dict[str, bool] = Field(description="Each condition of the rule and whether it held.")
    industrie40_evidence: list[str]


class TechnologyOut(Schema):
    statuses: dict[str, str]
    clusters_in_use: list[str]
    links: list[list[str]]
    cluster_links: list[list[str]]
    islands: list[str]
    island_score: float | None = Field(description="Share of clusters in use connected to another; null if none.")


class CompanyOut(Schema):
    size_class: str
    sector: str = Field(description="NACE Rev. 2 division.")
    country: str
    region: str = Field(description="NUTS-3 code.")


class StrategyOut(Schema):
    written_strategy: str
    rd: str
    data_services: str
    value_sought: list[str]
    cross_border: list[str]


class AssessmentOut(Schema):
    id: UUID
    organisation: str = Field(description="Slug of the organisation.")
    completed_at: datetime
    questionnaire_version: str
    language: str
    share_for_research: bool
    overall: float = Field(description="0..100, unrounded.")
    band: str = Field(description="basic, average, moderately_advanced or advanced.")
    dimensions: dict[str, float] = Field(description="DMA dimension id ('D1' … 'D6') -> 0..100.")
    questions: dict[str, float] = Field(description="DMA question id ('D1.Q1' … 'D6.Q11') -> 0..10.")
    stage: StageOut
    follower_group: FollowerGroupOut
    technology: TechnologyOut
    company: CompanyOut
    strategy: StrategyOut
    answers: dict[str, Any]
    links: dict[str, str] = Field(description="The result page, its JSON export and its PDF report.")


class HistoryQuery(Schema):
    organisation: str = Field(
        pattern=SLUG_PATTERN, max_length=220, examples=["acme"], description="Slug of one of your organisations."
    )


class HistoryItemOut(Schema):
    id: UUID
    completed_at: datetime
    overall: float
    band: str
    dimensions: dict[str, float]
    stage: int
    follower_group: str
    island_score: float | None
    url: str = Field(description="The assessment in this API.")


class ChangeOut(Schema):
    since: UUID = Field(description="The first assessment.")
    overall: float = Field(description="Latest minus first.")
    dimensions: dict[str, float]
    stage: int


class HistoryOut(Schema):
    organisation: str
    count: int
    assessments: list[HistoryItemOut] = Field(description="Completed assessments, oldest first.")
    change_since_first: ChangeOut | None = Field(description="Null with fewer than two assessments.")


class ItemOut(Schema):
    id: str
    text: str
    exclusive: bool = Field(description="'None of these' and the like: excludes every other item.")
    stage: int | None
    area: str | None = Field(description="acatech structural area of a statement.")
    cluster: str | None = Field(description="Technology cluster of a technology.")


class QuestionOut(Schema):
    id: str
    type: str = Field(description="Answer shape: see the API description of POST /api/quickscan/assessments.")
    title: str
    help: str
    dimension: str | None
    from_profile: bool = Field(description="Taken from the organisation profile; asked only where missing.")
    pattern: str | None = Field(description="Regular expression a code answer must match.")
    items: list[ItemOut]


class SectionOut(Schema):
    id: str
    title: str
    intro: str
    questions: list[QuestionOut]


class DimensionOut(Schema):
    id: str
    title: str
    question_ids: list[str]


class StageInfoOut(Schema):
    number: int
    name: str
    description: str
    question_id: str


class ClusterOut(Schema):
    id: str
    number: int
    title: str
    technology_ids: list[str]


class QuestionnaireOut(Schema):
    version: str
    language: str = Field(description="de, nl or en, from the Accept-Language header.")
    sections: list[SectionOut]
    dimensions: list[DimensionOut]
    stages: list[StageInfoOut]
    clusters: list[ClusterOut]
    labels: dict[str, dict[str, str]] = Field(
        description="Labels of answer values: scale (0..5), no_partly_yes, tech_status, area_flags."
    )


# --- endpoints ---------------------------------------------------------------------------------


@router.post(
    "/assessments",
    response={200: AssessmentOut, 201: AssessmentOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut,
              409: ErrorOut, 422: AnswerErrorsOut},
    url_name="quickscan_assessment_submit",
    summary="Submit complete answers and store one completed assessment",
)  # fmt: skip
def assessment_submit(request: HttpRequest, payload: AssessmentIn):
    """Scores the answers like the website and stores them as a completed assessment of your organisation.

    Invalid answers store nothing and answer 422 with one error per problem, naming the question and item.
    """
    unknown_parameters_reject(request=request, allowed=set())
    organisation = _own_organisation(request, payload.organisation)
    answers = {**payload.answers, **profile_answers(organisation)}
    try:
        submission = quickscan_services.assessment_submit(
            organisation=organisation,
            user=request.user,
            public_id=payload.id,
            answers=answers,
            share_for_research=payload.share_for_research,
            language=language(),
        )
    except InvalidAnswers as invalid:
        return Status(422, _answer_errors(list(invalid.errors)))
    except quickscan_services.AssessmentIdTaken as taken:
        # Another organisation's id answers 404, exactly as reading it does (GET /assessments/{id}):
        # the API never says whether another organisation's assessment exists.
        if not taken.own:
            raise not_found() from None
        raise ApiError(
            status=409,
            code="id_conflict",
            message=_("An assessment with this id already exists with other answers. Choose a new id."),
        ) from None
    return Status(201 if submission.created else 200, _assessment_out(request, submission.assessment))


@router.get(
    "/assessments/{public_id}",
    response={200: AssessmentOut, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut},
    url_name="quickscan_assessment_detail",
    summary="One completed assessment of your organisation",
)
def assessment_detail(request: HttpRequest, public_id: UUID):
    """The result with the DMA's dimension and question ids, the answers and links to the page and PDF."""
    unknown_parameters_reject(request=request, allowed=set())
    assessment = (
        Assessment.objects.completed()
        .select_related("organisation")
        .filter(public_id=public_id, organisation__memberships__user=request.user)
        .first()
    )
    if assessment is None:
        raise not_found()
    return _assessment_out(request, assessment)


@router.get(
    "/history",
    response={200: HistoryOut, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut},
    url_name="quickscan_history",
    summary="All completed assessments of one of your organisations, with the change since the first",
)
def history(request: HttpRequest, query: Query[HistoryQuery]):
    unknown_parameters_reject(request=request, allowed=set(HistoryQuery.model_fields))
    organisation = _own_organisation(request, query.organisation)
    assessments = assessment_history(organisation=organisation)
    items = [
        {
            "id": a.public_id,
            "completed_at": a.completed_at,
            "overall": a.overall,
            "band": a.band,
            "dimensions": a.dimension_scores,
            "stage": a.stage,
            "follower_group": a.follower_group,
            "island_score": a.island_score,
            "url": request.build_absolute_uri(reverse("api:quickscan_assessment_detail", args=[a.public_id])),
        }
        for a in assessments
    ]
    change = None
    if len(assessments) >= 2:
        first, last = assessments[0], assessments[-1]
        change = {
            "since": first.public_id,
            "overall": last.overall - first.overall,
            "dimensions": {d: last.dimension_scores[d] - first.dimension_scores[d] for d in first.dimension_scores},
            "stage": last.stage - first.stage,
        }
    return {"organisation": organisation.slug, "count": len(items), "assessments": items, "change_since_first": change}


@router.get(
    "/questionnaire",
    auth=None,
    response={200: QuestionnaireOut, 400: ErrorOut},
    url_name="quickscan_questionnaire",
    summary="The questionnaire: sections, questions, items and answer labels in your language",
)
def questionnaire(request: HttpRequest):
    """Public. Texts follow the Accept-Language header (de, nl, en); ids and types are the same in all."""
    unknown_parameters_reject(request=request, allowed=set())
    lang = language()
    return {
        "version": QUESTIONNAIRE_VERSION,
        "language": lang,
        "sections": [
            {
                "id": section.id,
                "title": translate(section.title, lang),
                "intro": translate(section.intro, lang),
                "questions": [_question_out(question, lang) for question in section.questions],
            }
            for section in QUESTIONNAIRE.sections
        ],
        "dimensions": [
            {"id": d.id, "title": translate(d.title, lang), "question_ids": list(d.question_ids)}
            for d in QUESTIONNAIRE.dimensions
        ],
        "stages": [
            {
                "number": s.number,
                "name": translate(s.name, lang),
                "description": translate(s.description, lang),
                "question_id": s.question_id,
            }
            for s in QUESTIONNAIRE.stages
        ],
        "clusters": [
            {
                "id": c.id,
                "number": c.number,
                "title": translate(c.title, lang),
                "technology_ids": list(c.technology_ids),
            }
            for c in QUESTIONNAIRE.clusters
        ],
        "labels": {
            "scale": {str(level): translate(label, lang) for level, label in enumerate(SCALE_LABELS)},
            "no_partly_yes": {value: translate(label, lang) for value, label in TRI_LABELS.items()},
            "tech_status": {value: translate(label, lang) for value, label in TECH_STATUS_LABELS.items()},
            "area_flags": {value: translate(label, lang) for value, label in AREA_FLAG_LABELS.items()},
        },
    }


# --- writes ------------------------------------------------------------------------------------


# --- helpers -----------------------------------------------------------------------------------

ERROR_MESSAGES = {
    ErrorCode.MISSING: _("Answer this question (every row of it); “none of these” is always possible."),
    ErrorCode.OUT_OF_RANGE: _("This value is not one of the answers the question offers."),
    ErrorCode.UNKNOWN_ITEM: _("This item does not belong to the question."),
    ErrorCode.EXCLUSIVE_CONFLICT: _("This answer excludes every other answer to the question."),
    ErrorCode.UNKNOWN_QUESTION: _("The questionnaire has no question with this id."),
    ErrorCode.INVALID: _("This answer does not have the shape the question needs."),
    ErrorCode.NOT_IN_USE: _("Only technologies answered “in use” can exchange data."),
}


def _answer_errors(errors: list[AnswerError]) -> dict[str, Any]:
    return {
        "detail": str(_("Some answers are missing or invalid. Nothing was stored.")),
        "code": "invalid_answers",
        "errors": [
            {"question": e.question_id, "item": e.item_id, "code": e.code, "message": str(ERROR_MESSAGES[e.code])}
            for e in errors
        ],
    }


def _own_organisation(request: HttpRequest, slug: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug, memberships__user=request.user).first()
    if organisation is None:
        raise not_found()
    return organisation


def _question_out(question: Question, lang: str) -> dict[str, Any]:
    return {
        "id": question.id,
        "type": question.type.value,
        "title": translate(question.title, lang),
        "help": translate(question.help, lang),
        "dimension": question.dimension,
        "from_profile": question.from_profile,
        "pattern": question.pattern,
        "items": [
            {
                "id": item.id,
                "text": translate(item.text, lang),
                "exclusive": item.exclusive,
                "stage": item.stage,
                "area": item.area.value if item.area else None,
                "cluster": item.cluster,
            }
            for item in question.items
        ],
    }


def _assessment_out(request: HttpRequest, assessment: Assessment) -> dict[str, Any]:
    result = assessment.result
    group = result["follower_group"]
    public_id = assessment.public_id
    return {
        "id": public_id,
        "organisation": assessment.organisation.slug,
        "completed_at": assessment.completed_at,
        "questionnaire_version": assessment.questionnaire_version,
        "language": assessment.language,
        "share_for_research": assessment.share_for_research,
        "overall": result["overall"],
        "band": result["band"],
        "dimensions": result["dimensions"],
        "questions": result["questions"],
        "stage": result["stage"],
        "follower_group": {k: group[k] for k in ("group", "conditions", "industrie40_evidence")},
        "technology": result["technology"],
        "company": result["company"],
        "strategy": result["strategy"],
        "answers": assessment.answers,
        "links": {
            name: request.build_absolute_uri(reverse(f"quickscan:{name}", args=[public_id]))
            for name in ("result", "json", "pdf")
        },
    }
