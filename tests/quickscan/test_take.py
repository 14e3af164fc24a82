"""Taking the quickscan through its pages: start, save, resume, errors, tampering, completion."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pytest
from django.test import Client
from django.utils.translation import gettext, ngettext, override

from borderless.core.quickscan.questionnaire import QUESTIONNAIRE, QuestionType
from borderless.core.quickscan.scoring import score
from borderless.i18n.translation import translate
from borderless.organisations.models import NaceDivision
from borderless.organisations.services import membership_add
from borderless.quickscan.models import Assessment
from borderless.quickscan.services import ANONYMOUS_QUICKSCAN_KEY, profile_answers

from ..conftest import PASSWORD, make_org, make_user
from ..core.quickscan.builders import all_ticked, items, nothing_yet, stages_yes, use

pytestmark = pytest.mark.django_db
Q = QUESTIONNAIRE


# --- helpers -------------------------------------------------------------------------------------


def form_data(question_ids, answers: Mapping[str, Any], action: str = "continue") -> dict[str, Any]:
    """What the browser posts for these answers on a page with these questions."""
    data: dict[str, Any] = {"action": action}
    for qid in question_ids:
        if qid not in answers:
            continue
        question, answer = Q.question(qid), answers[qid]
        if question.type in (QuestionType.CHECKBOX, QuestionType.CHECKBOX_EXCLUSIVE):
            data[qid] = [answer] if isinstance(answer, str) else list(answer)
        elif question.type is QuestionType.AREA_DONE_PLANNED:
            if isinstance(answer, str):
                data[qid] = [answer]
            else:
                for area, flags in answer.items():
                    data[area] = [flag for flag, on in flags.items() if on]
        elif question.type in (QuestionType.SCALE_0_5, QuestionType.NO_PARTLY_YES, QuestionType.TECH_STATUS):
            data.update({row: str(value) for row, value in answer.items()})
        elif question.type is QuestionType.TECH_LINKS:
            order = Q.question("T.use").item_ids()
            data[qid] = (
                [answer] if isinstance(answer, str) else ["|".join(sorted(pair, key=order.index)) for pair in answer]
            )
        else:
            data[qid] = answer
    return data


def firm_answers() -> dict[str, Any]:
    """A machine builder that has started: some areas digitalised, ERP linked to sensors, stage 2."""
    answers = nothing_yet()
    answers["D1.Q1"] = {
        "D1.Q1.design": {"done": True, "planned": False},
        "D1.Q1.operations": {"done": True, "planned": True},
        "D1.Q1.procurement": {"done": False, "planned": True},
    }
    answers["D1.Q2"] = items("D1.Q2", "funding", "infrastructure", "risks")
    answers["D2.Q3"] = all_ticked("D2.Q3")[:6]
    answers["D2.Q4"] = {**answers["D2.Q4"], "D2.Q4.cad_cam": 5, "D2.Q4.iot": 2}
    answers["D4.Q7"] = items("D4.Q7", "policy", "stored_digitally")
    answers["D4.Q8"] = items("D4.Q8", "backups", "security_policy")
    answers["D6.Q11"] = {**answers["D6.Q11"], Q.question("D6.Q11").item_ids()[0]: "partly"}
    stages_yes(answers, 2)
    use(answers, "in_use", "erp", "iot", "cobots")
    use(answers, "piloting", "crm")
    answers["T.links"] = [["T.use.erp", "T.use.iot"]]
    answers["S.rd"] = "S.rd.with_partners"
    answers["S.value"] = items("S.value", "productivity")
    return answers


def take_every_page(client, first_url: str, answers: Mapping[str, Any]) -> str:
    """Answer each page the quickscan shows, starting at `first_url`; returns the review page's URL."""
    url = first_url
    seen = []
    while "/take/" in url:
        page = client.get(url)
        assert page.status_code == 200, url
        step = page.context["step"]
        seen.append(step.key)
        response = client.post(url, form_data(step.question_ids, answers))
        assert response.status_code == 302, (url, page.context["form"].error_summary())
        url = response["Location"]
        assert len(seen) < 10
    return url


def start(client, lang: str = "nl", query: str = "") -> str:
    response = client.post(f"/{lang}/quickscan/{query}", {"action": "start"})
    assert response.status_code == 302
    return response["Location"]


def fieldset(html: str, question_id: str) -> str:
    """The HTML of one question's fieldset."""
    begin = html.index('id="q-{}"'.format(question_id.replace(".", "-")))
    end = html.find('<fieldset class="qt-question', begin)
    return html[begin : end if end != -1 else html.index("</form>", begin)]


def t(lang: str, message: str) -> str:
    with override(lang):
        return gettext(message)


# --- the whole way -------------------------------------------------------------------------------


def test_dutch_member_answers_every_page_and_gets_her_result(client, alice):
    client.force_login(alice)
    organisation = alice.organisations.get()
    page = client.get("/nl/quickscan/")
    assert page.status_code == 200
    assert t("nl", "Start the quickscan") in page.content.decode()

    first = start(client)
    assert first == "/nl/quickscan/take/DMA/"  # the profile answers the company questions
    review = take_every_page(client, first, firm_answers())
    assert review == "/nl/quickscan/complete/"
    page = client.get(review)
    assert page.status_code == 200
    draft = Assessment.objects.get(organisation=organisation)
    assert all(p["done"] for p in page.context["pages"])
    # The data-exchange page was shown, because three technologies are in use.
    assert [p["part"] for p in page.context["pages"]] == ["", "", "", "links", ""]

    response = client.post(review, {"assessment": str(draft.public_id), "share": "yes"})
    assessment = Assessment.objects.get(organisation=organisation)
    assert response.status_code == 302
    assert response["Location"] == f"/nl/quickscan/results/{assessment.public_id}/"
    assert assessment.status == Assessment.Status.COMPLETED
    assert assessment.share_for_research is True
    expected = score({**firm_answers(), **profile_answers(organisation)})
    assert assessment.overall == pytest.approx(expected.overall)
    assert assessment.stage == 2
    assert assessment.island_score == pytest.approx(expected.technology.island_score)
    assert assessment.answers["T.links"] == [["T.use.iot", "T.use.erp"]]  # in questionnaire order
    assert assessment.language == "nl"


def test_pages_are_in_the_request_language_with_the_progress(client, alice):
    client.force_login(alice)
    start(client, "de")
    html = client.get("/de/quickscan/take/DMA/").content.decode()
    assert '<html lang="de">' in html
    assert translate(Q.question("D1.Q2").title, "de") in html
    assert translate(Q.dimension("D4").title, "de") in html
    with override("de"):
        assert gettext("Section %(number)s of %(total)s") % {"number": 1, "total": 4} in html
        assert gettext("Save and finish later") in html
    html = client.get("/de/quickscan/take/S/").content.decode()
    with override("de"):
        assert gettext("Section %(number)s of %(total)s") % {"number": 4, "total": 4} in html


# --- company section -----------------------------------------------------------------------------


def test_company_section_is_skipped_when_the_profile_knows_everything(client, alice):
    client.force_login(alice)
    start(client)
    response = client.get("/nl/quickscan/take/C/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/quickscan/take/DMA/"


def test_company_section_asks_only_what_the_profile_lacks(client):
    user = make_user("erik@example.nl", language="nl")
    organisation = make_org("Erik Lasertechniek B.V.", town_name="Enschede", country="NL", sector=None)
    membership_add(organisation=organisation, user=user, is_manager=True)
    client.force_login(user)
    assert start(client) == "/nl/quickscan/take/C/"
    page = client.get("/nl/quickscan/take/C/")
    assert page.context["step"].question_ids == ("C.sector",)
    html = page.content.decode()
    assert 'name="C.sector"' in html and 'name="C.size_class"' not in html
    with override("nl"):
        assert gettext("Section %(number)s of %(total)s") % {"number": 1, "total": 5} in html
    response = client.post("/nl/quickscan/take/C/", {"action": "continue", "C.sector": "25"})
    assert response["Location"] == "/nl/quickscan/take/DMA/"
    assert Assessment.objects.get().answers["C.sector"] == "25"


# --- saving and resuming -------------------------------------------------------------------------


def test_resume_after_leaving(client, alice):
    client.force_login(alice)
    start(client)
    answers = firm_answers()
    dma = [q.id for q in Q.sections[1].questions]
    response = client.post("/nl/quickscan/take/DMA/", form_data(dma, answers, action="later"))
    assert response["Location"] == "/nl/quickscan/"
    client.logout()

    client.force_login(alice)
    page = client.get("/nl/quickscan/")
    assert page.context["resume_url"] == "/nl/quickscan/take/A/"
    assert t("nl", "Continue the quickscan") in page.content.decode()
    html = client.get("/nl/quickscan/take/DMA/").content.decode()
    assert re.search(r'name="D1.Q2" value="D1.Q2.funding" id="[^"]+" checked', html)
    assert re.search(r'name="D2.Q4.cad_cam" value="5"[^>]*checked', html)


def test_save_and_finish_later_keeps_a_half_answered_page(client, alice):
    client.force_login(alice)
    start(client)
    response = client.post(
        "/nl/quickscan/take/DMA/",
        {"action": "later", "D1.Q2": ["D1.Q2.funding"], "D2.Q4.cad_cam": "3"},
    )
    assert response.status_code == 302
    answers = Assessment.objects.get().answers
    assert answers["D1.Q2"] == ["D1.Q2.funding"]
    assert answers["D2.Q4"] == {"D2.Q4.cad_cam": 3}
    assert "D1.Q1" not in answers
    # Taking an answer back on the page takes it back in the draft.
    client.post("/nl/quickscan/take/DMA/", {"action": "later", "D2.Q4.cad_cam": "3"})
    assert "D1.Q2" not in Assessment.objects.get().answers


def test_anonymous_draft_survives_in_the_session(client):
    page = client.get("/nl/quickscan/")
    assert t("nl", "Start the quickscan") in page.content.decode()
    assert page.context["taker"].organisation is None
    assert start(client) == "/nl/quickscan/take/C/"
    key = client.session[ANONYMOUS_QUICKSCAN_KEY]
    company = {"C.size_class": "C.size_class.medium", "C.sector": "28", "C.country": "C.country.DE"}
    company["C.region"] = "DEA34"
    response = client.post("/nl/quickscan/take/C/", form_data(company, company))
    assert response["Location"] == "/nl/quickscan/take/DMA/"

    draft = Assessment.objects.get()
    assert draft.organisation is None and draft.anonymous_key == key
    page = client.get("/nl/quickscan/")
    assert page.context["resume_url"] == "/nl/quickscan/take/DMA/"
    html = client.get("/nl/quickscan/take/C/").content.decode()
    assert re.search(r'value="C.size_class.medium" id="[^"]+" checked', html)
    assert re.search(r'<option value="DEA34" selected>', html)

    # Another browser does not see it.
    other = Client()
    assert other.get("/nl/quickscan/").context["draft"] is None
    assert other.get("/nl/quickscan/take/C/")["Location"] == "/nl/quickscan/"


def test_a_visitor_s_draft_is_attached_when_they_log_in(client, alice):
    start(client)
    company = {"C.size_class": "C.size_class.micro", "C.sector": "28", "C.country": "C.country.NL"}
    company["C.region"] = "NL213"
    client.post("/nl/quickscan/take/C/", form_data(company, company))
    client.post("/nl/accounts/login/", {"username": alice.email, "password": PASSWORD})
    draft = Assessment.objects.get()
    assert draft.organisation == alice.organisations.get()
    assert client.get("/nl/quickscan/").context["draft"] == draft


def test_region_must_lie_in_the_country(client):
    start(client, "en")
    company = {"C.size_class": "C.size_class.small", "C.sector": "28", "C.country": "C.country.NL"}
    company["C.region"] = "DEA34"
    response = client.post("/en/quickscan/take/C/", form_data(company, company))
    assert response.status_code == 400
    assert "This region is not in the country you chose." in fieldset(response.content.decode(), "C.region")
    assert Assessment.objects.get().answers == {}


def test_a_member_of_two_organisations_chooses_one(client, alice):
    second = make_org("Alice Holding B.V.", town_name="Hengelo", country="NL")
    membership_add(organisation=second, user=alice, is_manager=False)
    foreign = make_org("Someone Else GmbH", town_name="Borken", country="DE")
    client.force_login(alice)
    page = client.get("/nl/quickscan/")
    assert page.context["taker"].organisation.name == "Alice Precisietechniek B.V."  # the one she manages
    assert f"?organisation={second.slug}" in page.content.decode()
    first = start(client, query=f"?organisation={second.slug}")
    assert first == f"/nl/quickscan/take/DMA/?organisation={second.slug}"
    assert Assessment.objects.get().organisation == second
    assert client.get(f"/nl/quickscan/?organisation={foreign.slug}").status_code == 404
    assert client.post(f"/nl/quickscan/?organisation={foreign.slug}", {"action": "start"}).status_code == 404


# --- mistakes and tampering ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "de"])
def test_missing_answer_is_named_on_its_question(client, alice, lang):
    client.force_login(alice)
    start(client, lang)
    answers = firm_answers()
    del answers["D1.Q2"]
    answers["D2.Q4"] = {k: v for k, v in answers["D2.Q4"].items() if k != "D2.Q4.blockchain"}
    dma = [q.id for q in Q.sections[1].questions]
    response = client.post(f"/{lang}/quickscan/take/DMA/", form_data(dma, answers))

    assert response.status_code == 400
    html = response.content.decode()
    none = translate(Q.item("D1.Q2.none").text, lang)
    with override(lang):
        missing = gettext("Please tick at least one answer. If none applies, tick “%(none)s”.") % {"none": none}
        one_row = ngettext(
            "Please choose an answer in every row; %(count)d row is still open.",
            "Please choose an answer in every row; %(count)d rows are still open.",
            1,
        ) % {"count": 1}
        this_row = gettext("Please choose an answer for this row.")
    assert missing in fieldset(html, "D1.Q2")
    assert missing not in fieldset(html, "D1.Q1")
    assert 'aria-describedby="q-D1-Q2-help q-D1-Q2-error"' in html
    q4 = fieldset(html, "D2.Q4")
    assert one_row in q4
    blockchain_row = re.search(r'<tr class="qt-row-invalid">.*?</tr>', q4, re.S).group(0)
    assert translate(Q.item("D2.Q4.blockchain").text, lang) in blockchain_row and this_row in blockchain_row
    # The summary at the top links to the questions, in the page's language.
    summary = re.search(r'<div class="qt-error-summary".*?</div>', html, re.S).group(0)
    assert '<a href="#q-D1-Q2">' in summary and translate(Q.question("D1.Q2").title, lang) in summary
    assert '<a href="#q-D2-Q4">' in summary
    # What was ticked stays ticked, and nothing was stored.
    assert re.search(r'name="D2.Q3" value="D2.Q3.connectivity" id="[^"]+" checked', html)
    assert Assessment.objects.get().answers == profile_answers(alice.organisations.get())


def test_none_of_these_with_other_answers_is_a_mistake_not_tampering(client, alice):
    client.force_login(alice)
    start(client, "en")
    answers = firm_answers()
    answers["D1.Q2"] = items("D1.Q2", "funding", "none")
    dma = [q.id for q in Q.sections[1].questions]
    response = client.post("/en/quickscan/take/DMA/", form_data(dma, answers))
    assert response.status_code == 400
    message = "“None of these statements is true” cannot be combined with other answers"
    assert translate(Q.item("D1.Q2.none").text, "en") == "None of these statements is true"
    assert message in fieldset(response.content.decode(), "D1.Q2")
    assert "D1.Q2" not in Assessment.objects.get().answers


TAMPERED = {
    "unknown item": ("DMA", {"D1.Q2": ["D1.Q2.funding", "D1.Q2.bribery"]}),
    "item of another question": ("DMA", {"D1.Q2": ["D1.Q3.website"]}),
    "level out of range": ("DMA", {"D2.Q4.cad_cam": "6"}),
    "level not a number": ("DMA", {"D2.Q4.cad_cam": "five"}),
    "unknown question": ("DMA", {"D9.Q99": "x"}),
    "question of another page": ("DMA", {"S.rd": "S.rd.own"}),
    "unknown area flag": ("DMA", {"D1.Q1.design": ["done", "sometimes"]}),
    "two levels for one row": ("DMA", {"D2.Q4.cad_cam": ["1", "2"]}),
    "unknown choice": ("S", {"S.rd": "S.rd.maybe"}),
    "two choices": ("S", {"S.rd": ["S.rd.no", "S.rd.own"]}),
    "unknown status": ("T", {"T.use.erp": "dreaming"}),
    "unknown stage answer": ("A", {"A.S1.resources": "perhaps"}),
}


@pytest.mark.parametrize("case", TAMPERED)
def test_a_tampered_value_answers_400_and_stores_nothing(client, alice, case):
    client.force_login(alice)
    start(client)
    section, data = TAMPERED[case]
    before = Assessment.objects.get().answers
    response = client.post(f"/nl/quickscan/take/{section}/", {"action": "later", **data})
    assert response.status_code == 400
    assert t("nl", "This form could not be processed") in response.content.decode()
    assert Assessment.objects.get().answers == before


def test_an_unknown_action_or_a_link_between_technologies_not_in_use_answers_400(client, alice):
    client.force_login(alice)
    start(client)
    answers = firm_answers()
    client.post("/nl/quickscan/take/T/", form_data(["T.use"], answers))
    assert client.get("/nl/quickscan/take/T/?part=links").status_code == 200
    before = Assessment.objects.get().answers
    crm_pair = {"action": "continue", "T.links": ["T.use.erp|T.use.crm"]}  # CRM is only piloted
    assert client.post("/nl/quickscan/take/T/?part=links", crm_pair).status_code == 400
    assert client.post("/nl/quickscan/take/T/", {"action": "jump"}).status_code == 400
    assert Assessment.objects.get().answers == before


def test_data_links_offer_the_pairs_of_technologies_in_use_and_follow_their_changes(client, alice):
    client.force_login(alice)
    start(client)
    answers = firm_answers()
    response = client.post("/nl/quickscan/take/T/", form_data(["T.use"], answers))
    assert response["Location"] == "/nl/quickscan/take/T/?part=links"
    html = client.get(response["Location"]).content.decode()
    offered = set(re.findall(r'name="T.links" value="(T\.use\.[a-z_]+\|T\.use\.[a-z_]+)"', html))
    assert offered == {"T.use.iot|T.use.erp", "T.use.iot|T.use.cobots", "T.use.erp|T.use.cobots"}
    client.post("/nl/quickscan/take/T/?part=links", form_data(["T.links"], answers))
    assert Assessment.objects.get().answers["T.links"] == [["T.use.iot", "T.use.erp"]]

    # ERP no longer in use: its link goes, and with one technology in use the page is skipped.
    answers = use(answers, "planned", "erp", "cobots")
    response = client.post("/nl/quickscan/take/T/", form_data(["T.use"], answers))
    assert response["Location"] == "/nl/quickscan/take/S/"
    assert Assessment.objects.get().answers["T.links"] == []
    assert client.get("/nl/quickscan/take/T/?part=links")["Location"] == "/nl/quickscan/take/S/"


# --- completion ----------------------------------------------------------------------------------


def _complete_all_pages(client, lang: str = "nl") -> Assessment:
    review = take_every_page(client, start(client, lang), firm_answers())
    assert review == f"/{lang}/quickscan/complete/"
    return Assessment.objects.get(status=Assessment.Status.DRAFT)


def test_submitting_twice_stores_one_assessment_and_opens_no_new_draft(client, alice):
    client.force_login(alice)
    draft = _complete_all_pages(client)
    first = client.post("/nl/quickscan/complete/", {"assessment": str(draft.public_id)})
    second = client.post("/nl/quickscan/complete/", {"assessment": str(draft.public_id)})
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == f"/nl/quickscan/results/{draft.public_id}/"
    assert Assessment.objects.count() == 1
    assert Assessment.objects.get().share_for_research is False  # the consent box starts unticked
    # A page of the finished quickscan, or the first "start" form, sent again opens no new draft either.
    response = client.post("/nl/quickscan/take/S/", form_data(["S.rd"], firm_answers()))
    assert response["Location"] == "/nl/quickscan/"
    assert client.post("/nl/quickscan/", {"action": "start"})["Location"] == "/nl/quickscan/"
    assert Assessment.objects.count() == 1


def test_taking_it_again_starts_from_the_previous_answers(client, alice):
    client.force_login(alice)
    draft = _complete_all_pages(client)
    client.post("/nl/quickscan/complete/", {"assessment": str(draft.public_id)})
    page = client.get("/nl/quickscan/")
    html = page.content.decode()
    assert page.context["latest"].public_id == draft.public_id
    assert t("nl", "Take the quickscan again") in html

    response = client.post("/nl/quickscan/", {"action": "again"})
    assert response["Location"] == "/nl/quickscan/take/DMA/"  # the first page, to look at every answer
    again = Assessment.objects.get(status=Assessment.Status.DRAFT)
    assert again.pk != draft.pk
    assert again.answers == Assessment.objects.get(pk=draft.pk).answers
    # Sending "take it again" twice keeps one draft.
    client.post("/nl/quickscan/", {"action": "again"})
    assert Assessment.objects.filter(status=Assessment.Status.DRAFT).count() == 1


def test_completing_with_open_pages_names_them_and_stores_no_result(client, alice):
    client.force_login(alice)
    start(client)
    draft = Assessment.objects.get()
    response = client.post("/nl/quickscan/complete/", {"assessment": str(draft.public_id), "share": "yes"})
    assert response.status_code == 400
    assert t("nl", "Some questions are still open") in response.content.decode()
    assert [p["title"] for p in response.context["open_pages"]][:1] == [translate(Q.sections[1].title, "nl")]
    draft.refresh_from_db()
    assert draft.status == Assessment.Status.DRAFT and draft.overall is None


def test_completing_someone_else_s_quickscan_is_refused(client, alice, dora):
    client.force_login(dora)
    start(client, "de")
    theirs = Assessment.objects.get()
    client.force_login(alice)
    response = client.post("/nl/quickscan/complete/", {"assessment": str(theirs.public_id)})
    assert response.status_code == 400
    assert client.post("/nl/quickscan/complete/", {"assessment": "not-a-uuid"}).status_code == 400
    theirs.refresh_from_db()
    assert theirs.status == Assessment.Status.DRAFT


def test_pages_without_a_draft_lead_to_the_start_page(client, alice):
    client.force_login(alice)
    assert client.get("/nl/quickscan/take/DMA/")["Location"] == "/nl/quickscan/"
    assert client.get("/nl/quickscan/complete/")["Location"] == "/nl/quickscan/"
    assert client.get("/nl/quickscan/take/X/").status_code == 404
    assert not Assessment.objects.exists()


def test_sector_choices_are_the_nace_divisions_in_the_page_language(client):
    start(client, "de")
    html = client.get("/de/quickscan/take/C/").content.decode()
    division = NaceDivision.objects.get(code="28")
    assert f'<option value="28">28 {division.label_de}</option>' in html


def test_a_visitor_completes_the_quickscan_and_sees_the_result_in_the_same_session(client):
    company = {"C.size_class": "C.size_class.small", "C.sector": "28", "C.country": "C.country.DE"}
    company["C.region"] = "DEA34"
    review = take_every_page(client, start(client, "de"), {**firm_answers(), **company})
    assert review == "/de/quickscan/complete/"
    draft = Assessment.objects.get()
    response = client.post(review, {"assessment": str(draft.public_id)})
    assert response["Location"] == f"/de/quickscan/results/{draft.public_id}/"
    assessment = Assessment.objects.get()
    assert assessment.organisation is None and assessment.status == Assessment.Status.COMPLETED
    assert assessment.country == "DE" and assessment.region == "DEA34"
    assert client.get(response["Location"]).status_code == 200
    # The start page offers to take it again, prefilled; the company section is asked again to check.
    assert client.get("/de/quickscan/").context["latest"] == assessment
    assert client.post("/de/quickscan/", {"action": "again"})["Location"] == "/de/quickscan/take/C/"
    assert Assessment.objects.get(status=Assessment.Status.DRAFT).answers["C.region"] == "DEA34"


def test_an_account_without_organisation_takes_it_in_its_browser_session(client, staff):
    client.force_login(staff)
    page = client.get("/en/quickscan/")
    assert "Your account does not belong to an organisation" in page.content.decode()
    assert start(client, "en") == "/en/quickscan/take/C/"
    draft = Assessment.objects.get()
    assert draft.organisation is None and draft.anonymous_key == client.session[ANONYMOUS_QUICKSCAN_KEY]
