"""A Dutch SME takes the quickscan in Dutch, reads its result, downloads the PDF and re-assesses."""

from __future__ import annotations

import io
import re

import pytest
from django.template.defaultfilters import floatformat
from django.utils.translation import override
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from borderless.core.quickscan.questionnaire import (
    AREA_FLAG_LABELS,
    QUESTIONNAIRE,
    SCALE_LABELS,
    TECH_STATUS_LABELS,
    TRI_LABELS,
)
from borderless.i18n.translation import translate
from borderless.organisations.services import membership_add
from borderless.quickscan.models import Assessment

from ..conftest import PASSWORD, make_org, make_user
from .steps import log_in, t

pytestmark = pytest.mark.e2e
Q = QUESTIONNAIRE
LANG = "nl"
FIRM = "De Vries Verspaning B.V."


# --- answering, the way a person does: by the texts on the page ----------------------------------


def question(page: Page, qid: str) -> Locator:
    """A question's fieldset, found by its title."""
    return page.get_by_role("group", name=translate(Q.question(qid).title, LANG))


def tick(page: Page, qid: str, *keys: str) -> None:
    for key in keys:
        question(page, qid).get_by_label(translate(Q.item(f"{qid}.{key}").text, LANG), exact=True).check()


def untick(page: Page, qid: str, *keys: str) -> None:
    for key in keys:
        question(page, qid).get_by_label(translate(Q.item(f"{qid}.{key}").text, LANG), exact=True).uncheck()


def choose_rows(page: Page, qid: str, labels: dict[str, str], default: str) -> None:
    """In a matrix question, pick the column `labels[key]` for each row (`default` for the others)."""
    for item in Q.question(qid).items:
        column = labels.get(item.key, default)
        question(page, qid).get_by_role("radio", name=f"{translate(item.text, LANG)} {column}", exact=True).check()


def area(page: Page, key: str, flag: str) -> None:
    name = f"{translate(Q.item(f'D1.Q1.{key}').text, LANG)} {translate(AREA_FLAG_LABELS[flag], LANG)}"
    question(page, "D1.Q1").get_by_role("checkbox", name=name, exact=True).check()


def save_and_continue(page: Page) -> None:
    page.get_by_role("button", name=t(LANG, "Save and continue")).click()


def scale(level: int) -> str:
    return translate(SCALE_LABELS[level], LANG)


def tri(value: str) -> str:
    return translate(TRI_LABELS[value], LANG)


def status(value: str) -> str:
    return translate(TECH_STATUS_LABELS[value], LANG)


def expect_section(page: Page, number: int, total: int, section_id: str) -> None:
    title = translate(next(s for s in Q.sections if s.id == section_id).title, LANG)
    expect(page.get_by_test_id("quickscan-step")).to_have_text(
        t(LANG, "Section %(number)s of %(total)s") % {"number": number, "total": total}
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)


def answer_first_time(page: Page, screenshot) -> None:
    expect_section(page, 1, 4, "DMA")  # the profile answers the company questions
    area(page, "design", "done")
    area(page, "operations", "done")
    area(page, "procurement", "planned")
    tick(page, "D1.Q2", "funding", "infrastructure")
    tick(page, "D2.Q3", "connectivity", "website", "business_systems")
    choose_rows(page, "D2.Q4", {"cad_cam": scale(5)}, scale(0))
    tick(page, "D3.Q5", "learning_by_doing")
    tick(page, "D3.Q6", "none")
    tick(page, "D4.Q7", "stored_digitally")
    tick(page, "D4.Q8", "backups")
    choose_rows(page, "D5.Q9", {}, scale(0))
    tick(page, "D6.Q10", "paperless")
    choose_rows(page, "D6.Q11", {}, tri("no"))
    screenshot(page, LANG, "03-dma-filled")
    save_and_continue(page)

    expect_section(page, 2, 4, "A")
    for stage in range(1, 7):
        choose_rows(page, f"A.S{stage}", {}, tri("yes") if stage == 1 else tri("partly") if stage == 2 else tri("no"))
    save_and_continue(page)

    expect_section(page, 3, 4, "T")
    in_use = {"erp": status("in_use"), "crm": status("in_use"), "iot": status("piloting")}
    choose_rows(page, "T.use", in_use, status("none"))
    save_and_continue(page)

    # Two technologies in use: which of them exchange data is asked next, with only that pair offered.
    expect_section(page, 3, 4, "T")
    links = question(page, "T.links")
    expect(links.get_by_role("checkbox")).to_have_count(2)  # ERP–CRM, and "none of them"
    links.get_by_label(translate(Q.item("T.links.none").text, LANG)).check()
    screenshot(page, LANG, "04-data-exchange")
    save_and_continue(page)

    expect_section(page, 4, 4, "S")
    tick(page, "S.strategy", "in_preparation")
    tick(page, "S.rd", "no")
    tick(page, "S.data_services", "none")
    tick(page, "S.value", "productivity")
    tick(page, "S.cross_border", "customers")
    page.get_by_role("button", name=t(LANG, "Save and review")).click()


def calculate(page: Page, *, share: bool) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(t(LANG, "Review and result"))
    if share:
        page.get_by_label(t(LANG, "Share my result, de-identified, for regional statistics")).check()
    page.get_by_role("button", name=t(LANG, "Calculate my result")).click()


def shown(value: float) -> str:
    """A score as the Dutch pages show it (one decimal, decimal comma)."""
    with override(LANG):
        return floatformat(value, 1)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_dutch_sme_takes_the_quickscan_reads_the_result_and_re_assesses(page, live_server, screenshot):
    base = live_server.url
    user = make_user("sanne.devries@example.nl", language=LANG)
    user.full_name = "Sanne de Vries"
    user.save(update_fields=["full_name"])
    organisation = make_org(FIRM, town_name="Enschede", country="NL", founded_year=1987)
    membership_add(organisation=organisation, user=user, is_manager=True)

    page.goto(f"{base}/{LANG}/")
    log_in(page, LANG, user.email, PASSWORD)
    page.get_by_role("navigation").get_by_role("link", name=t(LANG, "Quickscan"), exact=True).click()
    expect(page).to_have_url(f"{base}/{LANG}/quickscan/")
    expect(page.get_by_role("heading", level=1)).to_have_text(t(LANG, "Quickscan: how digital is your company?"))
    expect(page.get_by_text(FIRM).first).to_be_visible()
    screenshot(page, LANG, "01-start")
    page.get_by_role("button", name=t(LANG, "Start the quickscan")).click()
    expect(page).to_have_url(f"{base}/{LANG}/quickscan/take/DMA/")
    screenshot(page, LANG, "02-first-page")

    # A question left open is named on the question, and the page keeps what was ticked.
    tick(page, "D1.Q2", "funding")
    save_and_continue(page)
    expect(page.get_by_role("alert")).to_contain_text(translate(Q.question("D1.Q1").title, LANG))
    expect(question(page, "D2.Q3")).to_contain_text(
        t(LANG, "Please tick at least one answer. If none applies, tick “%(none)s”.")
        % {"none": translate(Q.item("D2.Q3.none").text, LANG)}
    )
    expect(question(page, "D1.Q2").get_by_label(translate(Q.item("D1.Q2.funding").text, LANG))).to_be_checked()
    screenshot(page, LANG, "02b-missing-answers")
    assert Assessment.objects.get().answers.keys() == {"C.size_class", "C.sector", "C.country", "C.region"}

    answer_first_time(page, screenshot)
    screenshot(page, LANG, "05-review")
    calculate(page, share=True)

    first = Assessment.objects.get(status=Assessment.Status.COMPLETED)
    expect(page).to_have_url(f"{base}/{LANG}/quickscan/results/{first.public_id}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(t(LANG, "Quickscan result"))
    expect(page.get_by_text(FIRM).first).to_be_visible()
    expect(page.locator(".qs-score-value")).to_have_text(shown(first.overall))
    expect(page.get_by_role("heading", name=t(LANG, "Your roadmap: the next steps"))).to_be_visible()
    assert first.share_for_research and first.stage == 1
    screenshot(page, LANG, "06-result")

    with page.expect_download() as download_info:
        page.get_by_role("link", name=t(LANG, "Download PDF report")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        data = pdf.read()
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert FIRM in text
    assert shown(first.overall) in text

    # Some months later: the firm takes it again; the earlier answers are filled in.
    page.get_by_role("navigation").get_by_role("link", name=t(LANG, "Quickscan"), exact=True).click()
    expect(page.get_by_test_id("latest-result")).to_be_visible()
    page.get_by_role("button", name=t(LANG, "Take the quickscan again")).click()
    expect_section(page, 1, 4, "DMA")
    expect(question(page, "D1.Q2").get_by_label(translate(Q.item("D1.Q2.funding").text, LANG))).to_be_checked()
    screenshot(page, LANG, "07-again-prefilled")
    tick(page, "D1.Q2", "ict_specialists", "management_ready", "staff_ready")
    untick(page, "D3.Q6", "none")
    tick(page, "D3.Q6", Q.question("D3.Q6").positive_items[0].key)
    choose_rows(page, "D5.Q9", {Q.question("D5.Q9").items[0].key: scale(3)}, scale(0))
    save_and_continue(page)
    choose_rows(page, "A.S2", {}, tri("yes"))
    save_and_continue(page)
    choose_rows(
        page, "T.use", {"erp": status("in_use"), "crm": status("in_use"), "iot": status("in_use")}, status("none")
    )
    save_and_continue(page)
    links = question(page, "T.links")
    links.get_by_label(translate(Q.item("T.links.none").text, LANG)).uncheck()
    iot_group = links.get_by_role("group", name=re.compile(re.escape(translate(Q.item("T.use.iot").text, LANG))))
    iot_group.get_by_label(translate(Q.item("T.use.erp").text, LANG), exact=True).check()
    save_and_continue(page)
    page.get_by_role("button", name=t(LANG, "Save and review")).click()
    calculate(page, share=False)

    latest = Assessment.objects.filter(status=Assessment.Status.COMPLETED).order_by("-completed_at").first()
    assert latest.pk != first.pk
    assert latest.overall > first.overall and latest.stage == 2 and latest.island_score == 2 / 2
    expect(page).to_have_url(f"{base}/{LANG}/quickscan/results/{latest.public_id}/")
    screenshot(page, LANG, "08-second-result")

    page.get_by_role("link", name=t(LANG, "History"), exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t(LANG, "Quickscan history"))
    change = page.get_by_role("table", name=t(LANG, "Change since the first quickscan"))
    expect(change).to_be_visible()
    expect(page.get_by_role("table").first).to_contain_text(shown(latest.overall))
    expect(page.get_by_role("table").first).to_contain_text(shown(first.overall))
    screenshot(page, LANG, "09-history")
    assert Assessment.objects.filter(organisation=organisation).count() == 2
