"""Browser fixtures: Debian's Chromium, headless, driven by Playwright for Python.

Playwright never downloads a browser here (no `playwright install`): it drives the Chromium the
system has, from BORDERLESS_CHROMIUM or `chromium` on the PATH. Every browser context runs on a
fresh, empty profile directory, so no cookie, cache or language choice leaks from one test (or
from a developer's own browser) into another.

Without Chromium the tests are skipped, loudly; with BORDERLESS_REQUIRE_BROWSER=1 (as in CI) a
missing browser is an error instead.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Playwright, sync_playwright
from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
FALLBACK_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000
SKIP_BANNER = "END-TO-END BROWSER TESTS SKIPPED: Chromium not installed"
# Part of every skip reason, so the terminal summary can count exactly these skips.
SKIP_TAG = "[borderless-e2e-no-browser]"
CALL_FAILED = pytest.StashKey[bool]()


def chromium_executable() -> tuple[str | None, str]:
    """The Chromium binary to drive, or None and why there is none."""
    configured = os.environ.get("BORDERLESS_CHROMIUM")
    if configured:
        if shutil.which(configured):
            return shutil.which(configured), ""
        return None, f"BORDERLESS_CHROMIUM={configured} is not an executable file"
    found = shutil.which("chromium") or shutil.which(FALLBACK_CHROMIUM)
    if found:
        return found, ""
    return None, "no `chromium` on the PATH and none at /usr/bin/chromium"


@dataclass
class Chromium:
    """Launches Chromium contexts, each on a fresh temporary profile."""

    playwright: Playwright
    executable: str

    def launch(self, profile_dir: str, **options) -> BrowserContext:
        options.setdefault("locale", "en-GB")
        options.setdefault("viewport", {"width": 1280, "height": 800})
        return self.playwright.chromium.launch_persistent_context(
            profile_dir, executable_path=self.executable, headless=True, args=CHROMIUM_ARGS, **options
        )


# Module scope, not session: while Playwright runs, DJANGO_ALLOW_ASYNC_UNSAFE is set, and no test of
# another module (with pytest-xdist, any test may follow on the same worker) should run under it or
# pass it on to the processes it starts.
@pytest.fixture(scope="module")
def chromium() -> Iterator[Chromium]:
    executable, why = chromium_executable()
    if executable is None:
        advice = "install Debian's package (apt-get install chromium) or point BORDERLESS_CHROMIUM at a Chromium binary"
        if os.environ.get("BORDERLESS_REQUIRE_BROWSER") == "1":
            pytest.fail(f"BORDERLESS_REQUIRE_BROWSER=1 but Chromium is not installed: {why}; {advice}.", pytrace=False)
        pytest.skip(f"{SKIP_BANNER} {SKIP_TAG}: {why}; {advice}.")
    with pytest.MonkeyPatch.context() as env, sync_playwright() as playwright:
        # Playwright's sync API keeps an asyncio event loop in the test thread, and Django then
        # refuses ORM calls from the test body (the database assertions). Only while it runs.
        env.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield Chromium(playwright=playwright, executable=executable)


@dataclass
class ConsoleLog:
    """Errors the pages reported: script exceptions, console.error, failed sub-resources."""

    errors: list[str] = field(default_factory=list)
    # A page may answer 400 on purpose (a form with errors); Chromium logs that as a failed load.
    documents: set[str] = field(default_factory=set)

    def watch(self, page: Page) -> None:
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: uncaught {error}"))
        page.on("console", self._console)
        page.on("response", self._response)

    def _response(self, response) -> None:
        if response.request.resource_type == "document":
            self.documents.add(response.url)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        source = message.location.get("url", "")
        if source in self.documents and re.match(r"Failed to load resource: .* status of 4\d\d", message.text):
            return
        self.errors.append(f"{source}: {message.text}")


@pytest.fixture
def console() -> ConsoleLog:
    return ConsoleLog()


@pytest.fixture
def new_context(chromium: Chromium, console: ConsoleLog, request) -> Iterator[Callable[..., BrowserContext]]:
    """Open a fresh browser (context) with Playwright's context options, e.g. locale="nl-NL"."""
    opened: list[tuple[BrowserContext, str]] = []

    def open_context(**options) -> BrowserContext:
        profile = tempfile.mkdtemp(prefix="borderless-chromium-")
        context = chromium.launch(profile, **options)
        opened.append((context, profile))
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        for page in context.pages:
            console.watch(page)
        context.on("page", console.watch)
        return context

    yield open_context

    failed = request.node.stash.get(CALL_FAILED, False)
    for number, (context, profile) in enumerate(opened, start=1):
        if failed:
            # Keep what the browser showed when the test failed, next to the step screenshots.
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            for tab, page in enumerate(context.pages, start=1):
                with contextlib.suppress(PlaywrightError):
                    page.screenshot(path=SCREENSHOTS / f"{screenshot_stem(request)}-FAILED-{number}-{tab}.png")
        context.close()
        shutil.rmtree(profile, ignore_errors=True)
    if not failed:
        assert not console.errors, "The browser reported errors:\n" + "\n".join(console.errors)


@pytest.fixture
def page(new_context) -> Page:
    context = new_context()
    return context.pages[0] if context.pages else context.new_page()


def screenshot_stem(request) -> str:
    return request.node.originalname.removeprefix("test_").replace("_", "-")


@pytest.fixture
def screenshot(request) -> Callable[[Page, str, str], Path]:
    """Save the whole page as test-artifacts/screenshots/<test>-<lang>-<step>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    stem = screenshot_stem(request)

    def take(page: Page, lang: str, step: str) -> Path:
        path = SCREENSHOTS / f"{stem}-{lang}-{step}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return take


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.stash[CALL_FAILED] = True
    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if SKIP_TAG in str(r.longrepr)]
    if not skipped:
        return
    terminalreporter.write_sep("!", SKIP_BANNER, red=True, bold=True)
    terminalreporter.write_line(
        f"{len(skipped)} end-to-end tests did not run. Install Chromium (sudo apt-get install chromium) "
        "or set BORDERLESS_CHROMIUM; BORDERLESS_REQUIRE_BROWSER=1 (as in .ci/run) turns this into a failure.",
        red=True,
        bold=True,
    )
    terminalreporter.write_sep("!", red=True, bold=True)
