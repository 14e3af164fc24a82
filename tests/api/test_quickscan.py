"""The quickscan in the API: submit answers, read a result and the history, read the questionnaire."""

from __future__ import annotations

import json
import uuid

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from borderless.core.quickscan.questionnaire import QUESTIONNAIRE, TRI_LABELS
from borderless.core.quickscan.scoring import score
from borderless.i18n.translation import translate
from borderless.organisations.models import Organisation
from borderless.organisations.services import membership_add
from borderless.quickscan.models import Assessment
from borderless.quickscan.services import advisor_access_grant, assessment_save_answers, assessment_start
from tests.conftest import make_org
from tests.core.quickscan import builders
from tests.quickscan.completed import complete, fast_follower_answers

SUBMIT = "/api/quickscan/assessments"
HISTORY = "/api/quickscan/history"
QUESTIONNAIRE_URL = "/api/quickscan/questionnaire"


def org_of(user) -> Organisation:
    return user.organisations.get()


def post(client, body: dict, **headers):
    return client.post(SUBMIT, json.dumps(body), content_type="application/json", **headers)


def submission(organisation: Organisation, answers: dict | None = None, **extra) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "organisation": organisation.slug,
        "answers": answers if answers is not None else fast_follower_answers(),
        **extra,
    }


def assert_json_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] == code
    assert isinstance(body["detail"], str) and body["detail"]
    return body


# Submitting answers


def test_a_member_submits_complete_answers_and_gets_the_scored_result(client, alice):
    client.force_login(alice)
    body = submission(org_of(alice), share_for_research=True)

    response = post(client, body)

    assert response.status_code == 201, response.content
    result = response.json()
    expected = score(fast_follower_answers())
    assert result["id"] == body["id"]
    assert result["organisation"] == org_of(alice).slug
    assert result["overall"] == expected.overall
    assert result["band"] == expected.band.value
    assert result["dimensions"] == {d: v for d, v in expected.dimension_scores.items()}
    assert set(result["questions"]) == {q for d in QUESTIONNAIRE.dimensions for q in d.question_ids}
    assert result["stage"]["reached"] == 2
    assert result["follower_group"]["group"] == "fast_follower"
    assert result["share_for_research"] is True
    assert result["links"]["pdf"].endswith(f"/quickscan/results/{body['id']}/report.pdf")
    stored = Assessment.objects.get(public_id=body["id"])
    assert (stored.status, stored.is_latest, stored.created_by, stored.overall) == (
        Assessment.Status.COMPLETED,
        True,
        alice,
        expected.overall,
    )


def test_submitting_the_same_request_twice_stores_one_assessment(client, alice):
    client.force_login(alice)
    body = submission(org_of(alice))

    first = post(client, body)
    second = post(client, body)

    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json() == second.json()
    assert Assessment.objects.count() == 1


def test_the_same_id_with_other_answers_is_refused(client, alice):
    client.force_login(alice)
    body = submission(org_of(alice))
    post(client, body)

    response = post(client, {**body, "answers": builders.nothing_yet()})

    assert_json_error(response, 409, "id_conflict")
    assert Assessment.objects.count() == 1
    assert Assessment.objects.get().answers["D1.Q2"] == fast_follower_answers()["D1.Q2"]


def test_another_organisations_assessment_id_answers_like_an_id_one_may_not_read(client, alice, dora):
    client.force_login(dora)
    doras = submission(org_of(dora))
    assert post(client, doras).status_code == 201
    client.force_login(alice)

    submitted = post(client, {**doras, "organisation": org_of(alice).slug})
    read = client.get(f"{SUBMIT}/{doras['id']}")
    unknown = client.get(f"{SUBMIT}/{uuid.uuid4()}")

    assert_json_error(submitted, 404, "not_found")
    assert submitted.json() == read.json() == unknown.json()
    assert Assessment.objects.get().organisation == org_of(dora)


def test_company_data_comes_from_the_organisation_profile(client, alice):
    client.force_login(alice)
    answers = {**fast_follower_answers(), "C.country": "C.country.DE", "C.region": "DEA34"}
    del answers["C.sector"]

    response = post(client, submission(org_of(alice), answers))

    assert response.status_code == 201
    assert response.json()["company"] == {"size_class": "small", "sector": "28", "country": "NL", "region": "NL213"}


def test_the_websites_open_draft_is_left_alone(client, alice):
    organisation = org_of(alice)
    draft = assessment_start(organisation=organisation, user=alice)
    assessment_save_answers(assessment=draft, answers={"S.rd": "S.rd.own"})
    client.force_login(alice)

    assert post(client, submission(organisation)).status_code == 201

    draft.refresh_from_db()
    assert draft.status == Assessment.Status.DRAFT
    assert draft.answers["S.rd"] == "S.rd.own"


def test_invalid_answers_are_listed_per_question_in_the_callers_language_and_nothing_is_stored(client, alice):
    client.force_login(alice)
    answers = fast_follower_answers()
    del answers["D3.Q6"]
    answers["D1.Q2"] = ["D1.Q2.funding", "D1.Q2.none"]
    answers["D2.Q4"] = {**answers["D2.Q4"], "D2.Q4.iot": 9}
    answers["D9.Q99"] = "whatever"

    response = post(client, submission(org_of(alice), answers), HTTP_ACCEPT_LANGUAGE="de")

    body = assert_json_error(response, 422, "invalid_answers")
    found = {(e["question"], e["item"], e["code"]) for e in body["errors"]}
    assert found == {
        ("D9.Q99", None, "unknown_question"),
        ("D1.Q2", "D1.Q2.none", "exclusive_conflict"),
        ("D2.Q4", "D2.Q4.iot", "out_of_range"),
        ("D3.Q6", None, "missing"),
    }
    with translation.override("de"):
        assert body["detail"] == gettext("Some answers are missing or invalid. Nothing was stored.")
        missing = next(e for e in body["errors"] if e["code"] == "missing")
        assert missing["message"] == gettext(
            "Answer this question (every row of it); “none of these” is always possible."
        )
    assert not Assessment.objects.exists()


def test_a_link_between_technologies_not_in_use_is_named(client, alice):
    client.force_login(alice)
    answers = fast_follower_answers()
    answers["T.links"] = [["T.use.erp", "T.use.cobots"]]

    body = assert_json_error(post(client, submission(org_of(alice), answers)), 422, "invalid_answers")

    assert body["errors"] == [
        {
            "question": "T.links",
            "item": "T.use.cobots",
            "code": "not_in_use",
            "message": "Only technologies answered “in use” can exchange data.",
        }
    ]


@pytest.mark.parametrize(
    "change",
    [
        {"id": "not-a-uuid"},
        {"answers": ["D1.Q1.none"]},
        {"organisation": "no spaces allowed"},
        {"share_for_research": "sometimes"},
    ],
)
def test_a_malformed_request_answers_400(client, alice, change):
    client.force_login(alice)
    body = {**submission(org_of(alice)), **change}
    assert_json_error(post(client, body), 400, "invalid")
    assert not Assessment.objects.exists()


def test_a_body_that_is_not_json_answers_400(client, alice):
    client.force_login(alice)
    assert_json_error(client.post(SUBMIT, "{not json", content_type="application/json"), 400, "bad_request")
    assert not Assessment.objects.exists()


def test_submitting_for_another_organisation_answers_404(client, alice, dora):
    client.force_login(alice)
    for slug in (org_of(dora).slug, "no-such-organisation"):
        assert_json_error(post(client, {**submission(org_of(alice)), "organisation": slug}), 404, "not_found")
    assert not Assessment.objects.exists()


def test_a_visitor_must_log_in(client, alice):
    body = assert_json_error(post(client, submission(org_of(alice))), 401, "not_authenticated")
    assert "Log in" in body["detail"]
    assert not Assessment.objects.exists()


def test_submitting_needs_the_csrf_token(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    body = submission(org_of(alice))

    refused = post(client, body)
    assert_json_error(refused, 403, "csrf_failed")
    assert not Assessment.objects.exists()

    token = "k" * 32
    client.cookies["csrftoken"] = token
    accepted = post(client, body, HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 201, accepted.content


# Reading a result


def test_a_member_reads_a_result_with_dimension_and_question_ids(client, alice):
    assessment = complete(org_of(alice), fast_follower_answers())
    client.force_login(alice)

    response = client.get(f"{SUBMIT}/{assessment.public_id}")

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == str(assessment.public_id)
    assert body["overall"] == assessment.overall
    assert body["dimensions"] == assessment.dimension_scores
    assert body["questions"]["D1.Q2"] == 10.0
    assert body["answers"]["T.use"]["T.use.erp"] == "in_use"
    assert body["technology"]["clusters_in_use"] == ["sensors_data", "production_planning"]


def test_only_members_read_a_result_not_advisors_nor_other_firms(client, alice, bob, dora):
    assessment = complete(org_of(alice), fast_follower_answers())
    advisor_access_grant(organisation=org_of(alice), advisor=org_of(bob), user=alice)
    for user in (bob, dora):
        client.force_login(user)
        assert_json_error(client.get(f"{SUBMIT}/{assessment.public_id}"), 404, "not_found")
    client.logout()
    assert_json_error(client.get(f"{SUBMIT}/{assessment.public_id}"), 401, "not_authenticated")


def test_a_draft_or_an_unknown_id_is_not_found(client, alice):
    draft = assessment_start(organisation=org_of(alice), user=alice)
    client.force_login(alice)
    for public_id in (draft.public_id, uuid.uuid4()):
        assert_json_error(client.get(f"{SUBMIT}/{public_id}"), 404, "not_found")
    body = assert_json_error(client.get(f"{SUBMIT}/not-a-uuid"), 400, "invalid")
    assert body["errors"][0]["field"] == "public_id"


# History


def test_the_history_lists_every_assessment_oldest_first_with_the_change_since_the_first(client, alice):
    organisation = org_of(alice)
    first = complete(organisation, builders.nothing_yet(), days_ago=200)
    second = complete(organisation, fast_follower_answers())
    client.force_login(alice)

    response = client.get(HISTORY, {"organisation": organisation.slug})

    assert response.status_code == 200
    body = response.json()
    assert body["organisation"] == organisation.slug
    assert body["count"] == 2
    assert [a["id"] for a in body["assessments"]] == [str(first.public_id), str(second.public_id)]
    assert body["assessments"][1]["url"].endswith(f"/api/quickscan/assessments/{second.public_id}")
    change = body["change_since_first"]
    assert change["since"] == str(first.public_id)
    assert change["overall"] == pytest.approx(second.overall - first.overall)
    assert change["stage"] == second.stage - first.stage == 2
    assert change["dimensions"]["D1"] == pytest.approx(second.d1 - first.d1)


def test_a_single_assessment_has_no_change_yet(client, alice):
    complete(org_of(alice))
    client.force_login(alice)
    body = client.get(HISTORY, {"organisation": org_of(alice).slug}).json()
    assert (body["count"], body["change_since_first"]) == (1, None)


def test_a_member_of_two_organisations_sees_each_history_separately(client, alice):
    first_firm = org_of(alice)
    second_firm = make_org("Alice Tweede B.V.", town_name="Hengelo", country="NL")
    membership_add(organisation=second_firm, user=alice)
    complete(first_firm)
    client.force_login(alice)
    assert client.get(HISTORY, {"organisation": first_firm.slug}).json()["count"] == 1
    assert client.get(HISTORY, {"organisation": second_firm.slug}).json()["count"] == 0


def test_another_organisations_history_is_not_found(client, alice, dora):
    complete(org_of(dora))
    client.force_login(alice)
    assert_json_error(client.get(HISTORY, {"organisation": org_of(dora).slug}), 404, "not_found")


def test_the_history_needs_a_valid_organisation_parameter(client, alice):
    client.force_login(alice)
    body = assert_json_error(client.get(HISTORY), 400, "invalid")
    assert body["errors"][0]["field"] == "organisation"
    assert_json_error(client.get(HISTORY, {"organisation": "a b"}), 400, "invalid")
    assert_json_error(client.get(HISTORY, {"organisation": org_of(alice).slug, "page": 2}), 400, "unknown_parameter")


# The questionnaire


def test_the_questionnaire_is_public_and_follows_accept_language(client, db):
    english = client.get(QUESTIONNAIRE_URL)
    german = client.get(QUESTIONNAIRE_URL, HTTP_ACCEPT_LANGUAGE="de")
    dutch = client.get(QUESTIONNAIRE_URL, HTTP_ACCEPT_LANGUAGE="nl-NL,nl;q=0.9")

    assert english.status_code == german.status_code == dutch.status_code == 200
    assert (english.json()["language"], german.json()["language"], dutch.json()["language"]) == ("en", "de", "nl")
    assert german["Content-Language"] == "de"
    d1 = QUESTIONNAIRE.dimension("D1").title
    assert german.json()["dimensions"][0]["title"] == translate(d1, "de")
    assert dutch.json()["dimensions"][0]["title"] == translate(d1, "nl")
    q4 = next(q for s in german.json()["sections"] for q in s["questions"] if q["id"] == "D2.Q4")
    assert q4["type"] == "scale_0_5"
    assert q4["dimension"] == "D2"
    assert [i["id"] for i in q4["items"]] == list(QUESTIONNAIRE.question("D2.Q4").item_ids())
    assert german.json()["labels"]["no_partly_yes"]["partly"] == translate(TRI_LABELS["partly"], "de")


def test_the_questionnaire_lists_every_question_and_item_once(client, db):
    body = client.get(QUESTIONNAIRE_URL).json()
    questions = [q for s in body["sections"] for q in s["questions"]]
    assert [q["id"] for q in questions] == [q.id for q in QUESTIONNAIRE.questions]
    assert [s["id"] for s in body["sections"]] == ["C", "DMA", "A", "T", "S"]
    assert [s["number"] for s in body["stages"]] == [1, 2, 3, 4, 5, 6]
    assert len(body["clusters"]) == 6
    statement = next(i for q in questions if q["id"] == "A.S3" for i in q["items"] if i["area"] == "culture")
    assert statement["stage"] == 3
    assert all(q["title"] for q in questions)


# The schema


def test_every_quickscan_endpoint_is_in_the_openapi_schema(client, db):
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    assert set(paths["/api/quickscan/assessments"]) == {"post"}
    assert set(paths["/api/quickscan/assessments/{public_id}"]) == {"get"}
    assert set(paths["/api/quickscan/history"]) == {"get"}
    assert set(paths["/api/quickscan/questionnaire"]) == {"get"}
    post_op = paths["/api/quickscan/assessments"]["post"]
    assert set(post_op["responses"]) >= {"200", "201", "401", "403", "404", "409", "422"}
    assert post_op["security"]
    assert "security" not in paths["/api/quickscan/questionnaire"]["get"]
    components = schema["components"]["schemas"]
    for name in ("AssessmentIn", "AssessmentOut", "AnswerErrorsOut", "HistoryOut", "QuestionnaireOut"):
        assert name in components
    assert components["AssessmentIn"]["required"] == ["id", "organisation", "answers"]
