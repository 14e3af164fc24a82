"""The start page as the README shows it: English, 1280×800, with a few organisations listed."""

from __future__ import annotations

import struct

import pytest
from playwright.sync_api import expect

from .conftest import SCREENSHOTS
from .steps import expect_language, t

pytestmark = pytest.mark.e2e


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_start_page_screenshot_in_english(new_context, live_server, alice, bob, charlie):
    page = new_context(locale="en-GB", viewport={"width": 1280, "height": 800}).pages[0]
    page.goto(f"{live_server.url}/en/")
    expect_language(page, live_server.url, "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        t("en", "Your next digital step, on both sides of the border")
    )
    page.wait_for_load_state("networkidle")

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / "start-page-en.png"
    page.screenshot(path=path)
    assert png_size(path.read_bytes()) == (1280, 800)
