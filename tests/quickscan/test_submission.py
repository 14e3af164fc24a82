"""Submitting complete answers: the same submission sent again finds what the first one stored."""

from __future__ import annotations

import uuid

import pytest

from borderless.core.quickscan.scoring import InvalidAnswers
from borderless.organisations.models import Organisation
from borderless.quickscan.models import Assessment
from borderless.quickscan.services import AssessmentIdTaken, assessment_submit, profile_answers
from tests.core.quickscan import builders

pytestmark = pytest.mark.django_db


def _submit(user, public_id, answers=None):
    organisation = Organisation.objects.get(memberships__user=user)
    answers = {**(answers if answers is not None else builders.nothing_yet()), **profile_answers(organisation)}
    return assessment_submit(
        organisation=organisation, user=user, public_id=public_id, answers=answers, share_for_research=False,
        language="en",
    )  # fmt: skip


def test_the_same_submission_twice_is_stored_once_and_returned_as_stored(alice):
    public_id = uuid.uuid4()
    first = _submit(alice, public_id)
    again = _submit(alice, public_id)
    assert first.created and not again.created
    assert again.assessment.pk == first.assessment.pk
    assert Assessment.objects.filter(public_id=public_id).count() == 1


def test_the_same_id_with_other_answers_is_refused_and_the_stored_one_kept(alice):
    public_id = uuid.uuid4()
    first = _submit(alice, public_id)
    other = builders.nothing_yet()
    builders.stages_yes(other, 2)
    with pytest.raises(AssessmentIdTaken) as taken:
        _submit(alice, public_id, other)
    assert taken.value.own
    assert Assessment.objects.get(public_id=public_id).answers == first.assessment.answers


def test_another_organisations_id_is_refused_without_saying_it_is_theirs(alice, dora):
    public_id = uuid.uuid4()
    _submit(alice, public_id)
    with pytest.raises(AssessmentIdTaken) as taken:
        _submit(dora, public_id)
    assert not taken.value.own


def test_bad_answers_store_nothing(alice):
    public_id = uuid.uuid4()
    with pytest.raises(InvalidAnswers):
        _submit(alice, public_id, {})
    assert not Assessment.objects.filter(public_id=public_id).exists()
