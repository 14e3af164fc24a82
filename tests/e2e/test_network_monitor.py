"""An analyst reads the network monitor in a real browser, on a phone: the series, the organisations,
an ego network drawn by the graph script and the map, none of them wider than the screen."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from borderless.accounts.models import Role
from borderless.network import figures
from tests.conftest import PASSWORD, make_org, make_user
from tests.network.test_network_report import project

from .steps import log_in, t

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def analyst(transactional_db):
    firms = [make_org(f"Enschede Sensors {i}", town_name="Enschede", country="NL") for i in range(5)]
    partner = make_org("Münster Maschinen", town_name="Münster", country="DE")
    for i, firm in enumerate(firms):
        project(f"p{i}", datetime.date(2015, 1 + i, 1), firm, partner)
    figures.figures_compute(reason="manual")
    return make_user("analyst@provincie.example", role=Role.ANALYST, confirmed=True, language="de")


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_an_analyst_reads_the_monitor_on_a_phone(new_context, live_server, analyst, screenshot):
    lang = "de"
    page = new_context(locale="de-DE", viewport=PHONE).new_page()
    page.goto(f"{live_server.url}/{lang}/")
    log_in(page, lang, analyst.email, PASSWORD)
    page.goto(f"{live_server.url}/{lang}/network/")
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Collaboration network monitor"))
    expect(page.get_by_test_id("series")).to_contain_text("2014–2020")
    expect(page.get_by_test_id("provenance")).to_contain_text("test: 5")
    assert fits(page), "the monitor is wider than 390 px"
    screenshot(page, lang, "monitor")

    page.get_by_role("navigation", name=t(lang, "Network monitor")).get_by_role(
        "link", name=t(lang, "Organisations")
    ).click()
    table = page.get_by_test_id("organisations")
    expect(table).to_contain_text("Münster Maschinen")
    assert fits(page), "the organisations table is wider than 390 px (it scrolls in its wrapper)"

    table.get_by_role("link", name="Münster Maschinen").click()
    expect(page.get_by_test_id("graph-summary")).to_be_visible()
    expect(page.locator(".network-graph-canvas.is-active")).to_be_visible()
    assert fits(page), "the graph page is wider than 390 px"
    screenshot(page, lang, "graph")

    page.goto(f"{live_server.url}/{lang}/network/map/")
    expect(page.locator(".network-map.is-active")).to_be_visible()
    expect(page.get_by_test_id("euregios")).to_be_attached()
    assert fits(page), "the map page is wider than 390 px"
    screenshot(page, lang, "map")
