"""The API keeps its OpenAPI contract under generated input: no server error, no response off the schema.

Schemathesis reads /api/openapi.json from the running app (a live server) and sends, per operation,
requests generated from the schema: valid ones (positive) and ones the schema forbids (negative).
Every response is checked: no 5xx, the status code is documented, the content type and the body
match the documented response. Once as a visitor and once signed in (session cookie and CSRF token,
as a browser sends them) as a firm with an organisation, a completed quickscan and an atlas profile,
with contact requests and the instrument catalogue in place, so that the fuzzer reaches real objects.

Bounded: FUZZ_EXAMPLES examples per operation and mode (default 6) and FUZZ_SECONDS seconds per
run (default 25), so that the suite stays quick; derandomised, so a CI run sends the same requests
each time. `make fuzz` runs it alone with many more examples (FUZZ_EXAMPLES=100, FUZZ_SECONDS=600);
set FUZZ_SEED to any number to explore other inputs.
"""

from __future__ import annotations

import os
import secrets
import time
from dataclasses import dataclass, field

import pytest
import requests
import schemathesis
from django.conf import settings
from django.test import Client
from hypothesis import HealthCheck, Phase, given, seed
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.failures import FailureGroup

from borderless.atlas.taxonomy import taxonomy_load
from borderless.contacts.services import contact_request_send
from borderless.instruments.matching import snapshot_clear
from tests.atlas.atlas_profiles import profiled_org
from tests.contacts.contact_setup import org_of, profile
from tests.instruments.finder_data import seed_catalogue
from tests.quickscan.completed import complete, fast_follower_answers

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "6"))
SECONDS = float(os.environ.get("FUZZ_SECONDS", "25"))
SEED = os.environ.get("FUZZ_SEED")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@dataclass
class Findings:
    failures: dict[tuple[str, str], str] = field(default_factory=dict)
    requests: int = 0
    skipped: list[str] = field(default_factory=list)
    statuses: dict[str, set[int]] = field(default_factory=dict)

    def report(self) -> str:
        return "\n\n".join(f"{label} [{kind}]\n{text}" for (label, kind), text in sorted(self.failures.items()))


@dataclass
class World:
    user: object
    known: dict[str, dict[str, object]]  # real values of path and query parameters, by location and name


@pytest.fixture
def world(transactional_db, alice, bob, dora):
    """A small platform: alice's firm with a quickscan and atlas profile, partners, contacts, instruments."""
    taxonomy_load()
    instruments = seed_catalogue()
    snapshot_clear()
    organisation = org_of(alice)
    assessment = complete(organisation, fast_follower_answers())
    profile(organisation, contact_email="info@alice.example")
    profile(org_of(dora), contact_email="info@dora.example")
    partner = profiled_org(
        "Sensorik Borken GmbH", town_name="Borken", country="DE", offers=["tech.sensors"], needs=["tech.ai"]
    )
    contact = contact_request_send(
        requester_org=organisation,
        receiver_org=partner,
        user=alice,
        message="We are looking for a partner for condition monitoring.",
    )
    known = {
        "path": {
            "slug": organisation.slug,
            "reference": partner.slug,
            "identifier": next(iter(instruments)),
            "public_id": str(assessment.public_id),
            "contact_id": contact.pk,
        },
        "query": {"organisation": organisation.slug},
    }
    yield World(user=alice, known=known)
    snapshot_clear()


def signed_in_session(user) -> requests.Session:
    browser = Client()
    browser.force_login(user)
    http = requests.Session()
    csrf = secrets.token_hex(16)
    http.cookies.set(settings.SESSION_COOKIE_NAME, browser.cookies[settings.SESSION_COOKIE_NAME].value)
    http.cookies.set(settings.CSRF_COOKIE_NAME, csrf)
    http.headers["X-CSRFToken"] = csrf
    return http


def fuzz(
    base_url: str, http: requests.Session, known: dict[str, dict[str, object]], session_cookie: dict[str, str] | None
) -> Findings:
    """``session_cookie``: the signed-in session, put into every valid request (the schema declares the
    cookie, so schemathesis generates a value of its own); negative requests keep their varied one."""
    schema = schemathesis.openapi.from_url(f"{base_url}/api/openapi.json")
    findings = Findings()
    deadline = time.monotonic() + SECONDS
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15, [o.label for o in operations]
    passes = []
    passes += [(f"positive {o.label}", o.as_strategy()) for o in operations]
    passes += [(f"negative {o.label}", o.as_strategy(generation_mode=GenerationMode.NEGATIVE)) for o in operations]
    # Generated slugs and ids almost never exist: once more with the real objects of the world.
    for operation in operations:
        overrides = {
            location: {p.name: known[location][p.name] for p in parameters if p.name in known[location]}
            for location, parameters in (("path", operation.path_parameters), ("query", operation.query))
        }
        if any(overrides.values()):
            strategy = operation.as_strategy(
                path_parameters=overrides["path"] or None, query=overrides["query"] or None
            )
            passes.append((f"known {operation.label}", strategy))
    for label, strategy in passes:
        if time.monotonic() > deadline:
            findings.skipped.append(label)
            continue
        cookies = session_cookie if not label.startswith("negative") else None
        run = examples_run(
            strategy, base_url=base_url, http=http, cookies=cookies, findings=findings, deadline=deadline
        )
        try:
            run()
        except Unsatisfiable:
            pass  # nothing to break: no parameters, so no input that the schema forbids
    return findings


def examples_run(strategy, *, base_url: str, http: requests.Session, cookies, findings: Findings, deadline: float):
    """A hypothesis test that sends each generated case, checks the response and records what fails."""

    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=SEED is None,
        phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure is recorded, not minimised
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
    @given(case=strategy)
    def run(case):
        if time.monotonic() > deadline:
            return
        if cookies:
            case.cookies = {**(case.cookies or {}), **cookies}
        response = case.call(base_url=base_url, session=http, timeout=30)
        findings.requests += 1
        findings.statuses.setdefault(case.operation.label, set()).add(response.status_code)
        try:
            case.validate_response(response, checks=CHECKS)
        except FailureGroup as failure:  # record it and go on, to see every operation's failures
            key = (case.operation.label, str(failure).splitlines()[0][:120])
            findings.failures.setdefault(key, f"{case.as_curl_command()}\n{failure}"[:3000])

    return seed(int(SEED))(run) if SEED is not None else run


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "signed-in"])
def test_the_api_keeps_its_contract_under_generated_input(live_server, world, signed_in):
    http = signed_in_session(world.user) if signed_in else requests.Session()
    name = settings.SESSION_COOKIE_NAME
    session_cookie = {name: http.cookies[name]} if signed_in else None
    started = time.monotonic()
    with http:  # closed at the end, so that the live server's request threads let go of the database
        findings = fuzz(live_server.url, http, world.known, session_cookie)
    took = time.monotonic() - started
    print(f"fuzzed {findings.requests} requests in {took:.0f} s; not reached in time: {findings.skipped}")
    for label, statuses in sorted(findings.statuses.items()):
        print(label, sorted(statuses))
    assert not findings.failures, findings.report()
    assert findings.requests >= 100
