"""Every page a visitor or an analyst reaches first passes axe's WCAG 2.1 A and AA rules, on a phone
(390 px) and on a desktop (1280 px), in German; the public network figures also in Dutch."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import Locator, Page, expect

from borderless.accounts.models import Role
from borderless.atlas.services import atlas_profile_save
from borderless.atlas.taxonomy import taxonomy_load
from borderless.instruments.matching import snapshot_clear
from borderless.network import figures
from tests.conftest import PASSWORD, make_org, make_user
from tests.instruments.finder_data import seed_catalogue
from tests.network.test_network_report import project

from .a11y import AXE, accessibility_problems, axe_violations, report
from .conftest import ROOT
from .steps import NewAccount, fill_sign_up, label, log_in, submit_sign_up, t

pytestmark = pytest.mark.e2e

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
PUBLIC_PAGES = ["/", "/accounts/login/", "/quickscan/", "/instruments/", "/atlas/", "/organisations/"]
MONITOR_PAGES = ["/network/", "/network/organisations/", "/network/patterns/"]
PARTNER = "Münster Maschinen"


@pytest.fixture
def platform(transactional_db):
    """A catalogue, atlas profiles, listed organisations and a computed collaboration network."""
    snapshot_clear()
    seed_catalogue()
    taxonomy_load()
    firms = [make_org(f"Enschede Sensors {i}", town_name="Enschede", country="NL") for i in range(5)]
    partner = make_org(PARTNER, town_name="Münster", country="DE")
    atlas_profile_save(
        organisation=firms[0], offers=["tech.sensors"], needs=["svc.prototyping"], description="Sensoren."
    )
    atlas_profile_save(
        organisation=partner, offers=["svc.prototyping"], needs=["tech.sensors"], description="Maschinenbau."
    )
    for i, firm in enumerate(firms):
        project(f"p{i}", datetime.date(2015, 1 + i, 1), firm, partner)
    figures.figures_compute(reason="manual")
    yield make_user("analyst@provincie.example", role=Role.ANALYST, confirmed=True, language="de")
    snapshot_clear()


def settled(page: Page) -> None:
    """Wait until the page's scripts have drawn what they draw (the map, the graph)."""
    page.wait_for_load_state("networkidle")


def problems_of(page: Page, url: str, ready: Locator | None = None) -> str:
    """What the page at `url` breaks once drawn (`ready` visible) and unfolded: axe's rules, then its width."""
    page.goto(url)
    settled(page)
    if ready is not None:
        expect(ready).to_be_visible()
    # What a person can unfold (the map and the graph as tables) must pass as well.
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    found = accessibility_problems(page)
    if not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"):
        found += f"\n{url}: the page is wider than the {page.viewport_size['width']} px screen"
    return found.strip()


def expect_no_problems(found: list[str]) -> None:
    found = [f for f in found if f]
    if found:
        pytest.fail("\n\n".join(found), pytrace=False)


def test_the_check_names_the_rule_the_impact_and_the_element_and_can_leave_one_out(page):
    page.set_content(
        '<html lang="de"><head><title>Probe</title></head><body><main><h1>Probe</h1>'
        '<p id="photo-box"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="photo"></p>'
        "</main></body></html>"
    )
    violations = axe_violations(page)
    assert [(v.rule, v.impact, v.targets) for v in violations] == [("image-alt", "critical", ("#photo",))]
    assert "image-alt" in report(page.url, violations) and "#photo" in report(page.url, violations)
    assert axe_violations(page, exclude=["#photo-box"]) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_public_pages_pass_the_accessibility_check(new_context, live_server, platform, width):
    page = new_context(locale="de-DE", viewport=WIDTHS[width]).new_page()
    expect_no_problems([problems_of(page, f"{live_server.url}/de{path}") for path in PUBLIC_PAGES])


@pytest.mark.parametrize("width", WIDTHS)
def test_the_network_monitor_passes_the_accessibility_check(new_context, live_server, platform, width):
    base = f"{live_server.url}/de"
    page = new_context(locale="de-DE", viewport=WIDTHS[width]).new_page()
    page.goto(f"{base}/")
    log_in(page, "de", platform.email, PASSWORD)
    expect(page.get_by_test_id("logout")).to_be_visible()

    found = [problems_of(page, f"{base}{path}") for path in MONITOR_PAGES]
    found.append(problems_of(page, f"{base}/network/map/", page.locator(".network-map.is-active")))
    page.goto(f"{base}/network/organisations/")
    ego = page.get_by_test_id("organisations").get_by_role("link", name=PARTNER).get_attribute("href")
    found.append(problems_of(page, f"{live_server.url}{ego}", page.locator(".network-graph-canvas.is-active")))
    found.append(problems_of(page, f"{base}/network/public/"))
    expect_no_problems(found)


def test_the_public_network_figures_pass_the_accessibility_check_in_dutch(new_context, live_server, platform):
    page = new_context(locale="nl-NL", viewport=WIDTHS["phone"]).new_page()
    expect_no_problems([problems_of(page, f"{live_server.url}/nl/network/public/")])


def test_a_screen_reader_reads_a_fields_help_and_its_error_with_the_field(page, live_server, platform):
    page.goto(f"{live_server.url}/de/atlas/")
    search = page.get_by_label(label(t("de", "Search")), exact=True)
    expect(search).to_have_accessible_description(
        t("de", "A competence in German, Dutch or English, an organisation's name or a word of its description.")
    )

    account = NewAccount("Jonas Becker", "jonas.becker@example.de", "Grenzgänger-Fräse-2031", "Becker GmbH", "Münster")
    page.goto(f"{live_server.url}/de/accounts/signup/")
    fill_sign_up(page, "de", account, password_again="Grenzgaenger-Fraese-2031")
    submit_sign_up(page, "de")
    again = page.get_by_test_id("signup-form").get_by_label(label(t("de", "Password again")))
    expect(again).to_have_accessible_description(re.compile(re.escape(t("de", "The two passwords differ."))))


def test_axe_is_vendored_at_the_pinned_version_with_its_licence():
    pinned = re.search(r"^AXE_CORE=(\S+)$", (ROOT / "scripts" / "vendor-frontend").read_text(encoding="utf-8"), re.M)
    assert pinned, "scripts/vendor-frontend pins no axe-core version"
    assert AXE.read_text(encoding="utf-8").startswith(f"/*! axe v{pinned.group(1)}\n")
    assert "Mozilla Public License, version 2.0" in (AXE.parent / "LICENSE").read_text(encoding="utf-8")
    assert f"axe-core {pinned.group(1)} (MPL-2.0" in (AXE.parent / "VERSION").read_text(encoding="utf-8")
