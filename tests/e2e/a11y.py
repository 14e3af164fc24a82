"""The accessibility check of the browser tests: axe-core, vendored, run in the page as it stands.

axe comes from tests/e2e/vendor/ (scripts/vendor-frontend fetches it; nothing is downloaded at test
time). The site's Content-Security-Policy allows no inline script, so a <script> tag with axe's source
would be refused; Playwright's evaluate runs outside the page's CSP, so axe is loaded through it and
the page keeps the policy it has for real visitors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA: the rules the platform promises to meet.
WCAG_21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

RUN = """async ([tags, exclude]) => {
    const context = exclude.length ? { include: [document], exclude: exclude.map((s) => [s]) } : document;
    const options = { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] };
    const results = await window.axe.run(context, options);
    return results.violations.map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(" "), summary: n.failureSummary || "" })),
    }));
}"""


@dataclass(frozen=True)
class Offence:
    """One element that breaks a rule."""

    target: str  # axe's CSS selector of the element
    summary: str  # what axe says is wrong with it


@dataclass(frozen=True)
class Violation:
    rule: str  # axe's rule id, e.g. "color-contrast"
    impact: str | None  # minor, moderate, serious or critical
    help: str
    offences: tuple[Offence, ...]

    @property
    def targets(self) -> tuple[str, ...]:
        return tuple(offence.target for offence in self.offences)


def axe_violations(page: Page, *, exclude: Sequence[str] = (), tags: Sequence[str] = WCAG_21_AA) -> list[Violation]:
    """Run axe on the page; `exclude` lists CSS selectors whose subtrees axe does not look at."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    found = page.evaluate(RUN, [list(tags), list(exclude)])
    return [
        Violation(
            rule=v["rule"],
            impact=v["impact"],
            help=v["help"],
            offences=tuple(Offence(target=n["target"], summary=n["summary"]) for n in v["nodes"]),
        )
        for v in found
    ]


def report(url: str, violations: Sequence[Violation]) -> str:
    """The violations of one page, readable in a test failure."""
    lines = [f"{url}: {len(violations)} accessibility rule(s) broken"]
    for violation in violations:
        lines.append(f"  [{violation.impact}] {violation.rule}: {violation.help}")
        # Elements that fail for the same reason are listed under it once.
        by_summary: dict[str, list[str]] = {}
        for offence in violation.offences:
            by_summary.setdefault(offence.summary, []).append(offence.target)
        for summary, targets in by_summary.items():
            lines.extend(f"      {target}" for target in targets)
            lines.extend(f"        {detail.strip()}" for detail in summary.splitlines() if detail.strip())
    return "\n".join(lines)


def accessibility_problems(page: Page, *, exclude: Sequence[str] = ()) -> str:
    """An empty string when the page passes, else the readable report of what it breaks."""
    violations = axe_violations(page, exclude=exclude)
    return report(page.url, violations) if violations else ""


def expect_accessible(page: Page, *, exclude: Sequence[str] = ()) -> None:
    problems = accessibility_problems(page, exclude=exclude)
    assert not problems, problems
