"""Query parameters given empty where a value is needed are refused with the usual JSON error."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def assert_invalid(response, field: str) -> None:
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "invalid"
    assert [error["field"] for error in body["errors"]] == [field]
    assert body["errors"][0]["message"]


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/organisations?page=", "page"),
        ("/api/organisations?page_size=", "page_size"),
        ("/api/organisations?sector=", "sector"),
        ("/api/organisations?nuts3=", "nuts3"),
        ("/api/organisations?euregio=", "euregio"),
        ("/api/instruments?page=", "page"),
        ("/api/instruments?page_size=", "page_size"),
    ],
)
def test_an_empty_number_or_code_is_refused(client, url, field):
    assert_invalid(client.get(url), field)


def test_an_empty_choice_still_means_all_as_documented(client, alice):
    response = client.get("/api/organisations?kind=&country=&size_class=&in_programme_area=")
    assert response.status_code == 200
    assert response.json()["count"] == 1
