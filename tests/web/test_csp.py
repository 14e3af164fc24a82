"""The Content-Security-Policy header: the same policy everywhere, in a fixed order, adjustable per view."""

from __future__ import annotations

import random

import pytest
from csp.decorators import csp_exempt, csp_update
from django.http import HttpResponse
from django.test import RequestFactory

from borderless.web.middleware import ContentSecurityPolicyMiddleware, _directives_ordered

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'self'; object-src 'none'"
)


def page(request):
    return HttpResponse("<p>ok</p>")


def through_middleware(view):
    request = RequestFactory().get("/en/")
    middleware = ContentSecurityPolicyMiddleware(view)
    return middleware(request)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/api/docs", "/static/css/borderless.css"])
def test_every_response_carries_the_whole_policy_in_its_order(client, path):
    response = client.get(path)
    assert response["Content-Security-Policy"] == POLICY


def test_the_order_does_not_depend_on_how_the_library_joined_the_directives():
    directives = POLICY.split("; ")
    for seed in range(5):
        shuffled = directives[:]
        random.Random(seed).shuffle(shuffled)
        assert _directives_ordered("; ".join(shuffled)) == POLICY


def test_a_view_can_widen_one_directive_without_touching_the_others():
    response = through_middleware(csp_update({"img-src": "https://tiles.example.org"})(page))
    assert response["Content-Security-Policy"] == POLICY.replace(
        "img-src 'self' data:;", "img-src 'self' data: https://tiles.example.org;"
    )


def test_a_view_can_go_without_the_header():
    response = through_middleware(csp_exempt()(page))
    assert "Content-Security-Policy" not in response


def test_a_header_the_view_set_itself_is_kept():
    def own(request):
        response = HttpResponse("x")
        response["Content-Security-Policy"] = "default-src 'none'"
        return response

    assert through_middleware(own)["Content-Security-Policy"] == "default-src 'none'"
