"""Writes for the quickscan: drafts, completion and scoring, attaching, advisor access."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone

from borderless.core.quickscan.groups import GroupRules
from borderless.core.quickscan.scoring import InvalidAnswers, Result, score, validate_answers
from borderless.organisations.models import Organisation, OrganisationKind

from .models import AdvisorAccess, Assessment, GroupRulesConfig
from .serialise import result_to_dict

# Session key under which a visitor's quickscans are remembered until they register or sign in.
ANONYMOUS_QUICKSCAN_KEY = "quickscan_anonymous_key"

COMPANY_QUESTIONS = ("C.size_class", "C.sector", "C.country", "C.region")


def group_rules() -> GroupRules:
    """The follower-group thresholds in force (staff may change them in the admin)."""
    config = GroupRulesConfig.objects.order_by("pk").first()
    return config.as_rules() if config else GroupRules()


def profile_answers(organisation: Organisation | None) -> dict[str, str]:
    """Company-data answers taken from the organisation profile; only what the profile knows."""
    if organisation is None:
        return {}
    answers = {"C.country": f"C.country.{organisation.country}"}
    if organisation.size_class:
        answers["C.size_class"] = f"C.size_class.{organisation.size_class}"
    if organisation.town_id is not None:
        answers["C.region"] = organisation.nuts3.code
    if organisation.sector_id:
        answers["C.sector"] = organisation.sector_id
    return answers


def _clean_partial(answers: Mapping[str, Any]) -> dict[str, Any]:
    errors = validate_answers(answers, complete=False)
    if errors:
        raise InvalidAnswers(errors)
    return dict(answers)


@transaction.atomic
def assessment_start(
    *, organisation: Organisation | None = None, user=None, anonymous_key: str = "", language: str = "en"
) -> Assessment:
    """The open draft of this organisation (or visitor), or a new one prefilled from the profile."""
    if organisation is None and not anonymous_key:
        raise ValueError("a quickscan belongs to an organisation or to a visitor's session")
    drafts = Assessment.objects.select_for_update().filter(status=Assessment.Status.DRAFT)
    draft = (
        drafts.filter(organisation=organisation).first()
        if organisation is not None
        else drafts.filter(organisation__isnull=True, anonymous_key=anonymous_key).first()
    )
    if draft is not None:
        return draft
    return Assessment.objects.create(
        organisation=organisation,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        anonymous_key="" if organisation is not None else anonymous_key,
        language=language,
        answers=profile_answers(organisation),
    )


@transaction.atomic
def assessment_save_answers(*, assessment: Assessment, answers: Mapping[str, Any]) -> Assessment:
    """Merge answers into a draft. Any bad answer raises InvalidAnswers and nothing is saved."""
    if assessment.status != Assessment.Status.DRAFT:
        raise ValueError("a completed quickscan cannot be changed; start a new one")
    merged = {**assessment.answers, **answers}
    assessment.answers = _clean_partial(merged)
    assessment.save(update_fields=["answers", "updated_at"])
    return assessment


def _store_result(assessment: Assessment, result: Result) -> None:
    assessment.overall = result.overall
    assessment.band = result.band.value
    for i, field in enumerate(Assessment.DIMENSIONS):
        setattr(assessment, field, result.dimension_scores[f"D{i + 1}"])
    assessment.stage = result.stage.reached
    assessment.stage_progress = result.stage.progress
    assessment.follower_group = result.group.group.value
    assessment.island_score = result.technology.island_score
    assessment.country = result.company.country
    assessment.size_class = result.company.size_class
    assessment.sector = result.company.sector
    assessment.region = result.company.region
    assessment.result = result_to_dict(result)


@transaction.atomic
def assessment_complete(
    *,
    assessment: Assessment,
    answers: Mapping[str, Any] | None = None,
    share_for_research: bool = False,
    rules: GroupRules | None = None,
) -> Assessment:
    """Score and store a draft. Bad or missing answers raise InvalidAnswers and nothing is stored.

    Completing an already completed assessment returns it unchanged, so a form sent twice
    stores one assessment.
    """
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if locked.status == Assessment.Status.COMPLETED:
        return locked
    merged = {**locked.answers, **(answers or {})}
    result = score(merged, rules=rules or group_rules())
    locked.answers = merged
    locked.share_for_research = share_for_research
    _store_result(locked, result)
    locked.status = Assessment.Status.COMPLETED
    locked.completed_at = timezone.now()
    if locked.organisation_id is not None:
        Assessment.objects.filter(organisation_id=locked.organisation_id, is_latest=True).update(is_latest=False)
        locked.is_latest = True
    locked.save()
    return locked


@transaction.atomic
def assessment_attach(*, anonymous_key: str, organisation: Organisation, user) -> int:
    """Give a visitor's quickscans to the organisation they registered or signed in for."""
    if not anonymous_key:
        return 0
    mine = Assessment.objects.filter(organisation__isnull=True, anonymous_key=anonymous_key)
    # Company data from the profile replaces what the visitor typed for a draft.
    for draft in mine.filter(status=Assessment.Status.DRAFT):
        draft.answers = {**draft.answers, **profile_answers(organisation)}
        draft.save(update_fields=["answers"])
    count = mine.update(organisation=organisation, created_by=user, anonymous_key="")
    _mark_latest(organisation)
    return count


def assessment_attach_for_user(*, anonymous_key: str, user) -> int:
    """Give a visitor's quickscans to the first organisation of the person who just signed in."""
    if not anonymous_key:
        return 0
    organisation = user.organisations.order_by("memberships__created_at").first()
    if organisation is None:
        return 0
    return assessment_attach(anonymous_key=anonymous_key, organisation=organisation, user=user)


def _mark_latest(organisation: Organisation) -> None:
    newest = organisation.assessments.completed().order_by("-completed_at", "-pk").first()
    organisation.assessments.filter(is_latest=True).exclude(pk=getattr(newest, "pk", None)).update(is_latest=False)
    if newest is not None and not newest.is_latest:
        Assessment.objects.filter(pk=newest.pk).update(is_latest=True)


def advisor_access_grant(*, organisation: Organisation, advisor: Organisation, user) -> AdvisorAccess:
    if advisor.kind not in (OrganisationKind.INTERMEDIARY, OrganisationKind.HUB, OrganisationKind.KNOWLEDGE):
        raise ValueError("only intermediaries, hubs and knowledge institutions advise firms")
    if advisor.pk == organisation.pk:
        raise ValueError("an organisation does not advise itself")
    if not advisor.confirmed:
        raise ValueError("an organisation that staff have not confirmed does not advise firms")
    grant, _ = AdvisorAccess.objects.get_or_create(
        organisation=organisation, advisor=advisor, revoked_at__isnull=True, defaults={"granted_by": user}
    )
    return grant


def advisor_access_revoke(*, grant: AdvisorAccess) -> None:
    if grant.revoked_at is None:
        grant.revoked_at = timezone.now()
        grant.save(update_fields=["revoked_at"])


def _reusable_answers(previous: Mapping[str, Any]) -> dict[str, Any]:
    """The answers of an earlier quickscan that are still valid for today's questionnaire."""
    invalid = {error.question_id for error in validate_answers(previous, complete=False)}
    return {qid: answer for qid, answer in previous.items() if qid not in invalid}


@transaction.atomic
def assessment_start_again(
    *, organisation: Organisation | None = None, user=None, anonymous_key: str = "", language: str = "en"
) -> Assessment:
    """A new draft prefilled with the answers of the latest completed quickscan (or the open draft).

    Company data come from today's profile, not from the earlier answers.
    """
    if organisation is None and not anonymous_key:
        raise ValueError("a quickscan belongs to an organisation or to a visitor's session")
    if organisation is not None:
        # Serialises two "take it again" requests sent at once: both would find no draft.
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        mine = Assessment.objects.filter(organisation=organisation)
    else:
        mine = Assessment.objects.filter(organisation__isnull=True, anonymous_key=anonymous_key)
    draft = mine.filter(status=Assessment.Status.DRAFT).first()
    if draft is not None:
        return draft
    previous = mine.completed().order_by("-completed_at", "-pk").first()
    answers = _reusable_answers(previous.answers) if previous is not None else {}
    return Assessment.objects.create(
        organisation=organisation,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        anonymous_key="" if organisation is not None else anonymous_key,
        language=language,
        answers={**answers, **profile_answers(organisation)},
    )


@transaction.atomic
def assessment_save_page(
    *, assessment: Assessment, answers: Mapping[str, Any], question_ids: Collection[str]
) -> Assessment:
    """Store one page of a draft: its answers replace what was stored for the page's questions.

    A question left unanswered on the page is no longer answered in the draft (an answer taken
    back stays taken back). Bad answers raise InvalidAnswers and nothing is saved.
    """
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    locked.answers = {qid: answer for qid, answer in locked.answers.items() if qid not in question_ids}
    return assessment_save_answers(assessment=locked, answers=answers)


class AssessmentIdTaken(Exception):
    """The id of a submission belongs to a stored assessment that the submission does not repeat."""

    def __init__(self, *, own: bool) -> None:
        super().__init__("assessment id taken")
        # Whether the stored assessment belongs to one of the submitter's organisations; if not,
        # callers answer as if it did not exist, so that nobody learns of another's assessment.
        self.own = own


@dataclass(frozen=True, slots=True)
class Submission:
    assessment: Assessment
    created: bool  # False: the same submission was stored before and is returned as stored


def assessment_replay(
    *, existing: Assessment, organisation: Organisation, user, answers: Mapping[str, Any]
) -> Assessment:
    """The stored assessment, when a submission repeats it; else AssessmentIdTaken.

    A submission is sent again after a timeout or a double click; it must find what the first one
    stored instead of storing a second assessment or failing. It repeats the stored one when the id,
    the organisation and the answers are the same and the stored one is completed. (The website's
    completion form sends the draft itself, so there `assessment_complete` returns it as stored.)
    """
    own = (
        existing.organisation_id is not None
        and Assessment.objects.filter(pk=existing.pk, organisation__memberships__user=user).exists()
    )
    if (
        own
        and existing.organisation_id == organisation.pk
        and existing.answers == answers
        and existing.status == Assessment.Status.COMPLETED
    ):
        return existing
    raise AssessmentIdTaken(own=own)


def assessment_submit(
    *,
    organisation: Organisation,
    user,
    public_id: UUID,
    answers: dict[str, Any],
    share_for_research: bool,
    language: str,
) -> Submission:
    """Store complete answers as a completed assessment, scored by the same service as the website.

    A new row of its own, not the organisation's open draft on the website (which stays as it is).
    The same submission sent again returns the stored assessment (`created` False), also when both
    arrive at the same moment; see `assessment_replay`. Raises InvalidAnswers (nothing stored)
    for bad answers and AssessmentIdTaken if the id is taken by another assessment.
    """
    existing = Assessment.objects.filter(public_id=public_id).first()
    if existing is None:
        try:
            with transaction.atomic():
                draft = Assessment.objects.create(
                    public_id=public_id, organisation=organisation, created_by=user, language=language, answers=answers
                )
                completed = assessment_complete(assessment=draft, share_for_research=share_for_research)
                return Submission(completed, created=True)
        except IntegrityError:
            # The same id arrived twice at the same moment: the other request stored it.
            existing = Assessment.objects.get(public_id=public_id)
    replayed = assessment_replay(existing=existing, organisation=organisation, user=user, answers=answers)
    return Submission(replayed, created=False)
