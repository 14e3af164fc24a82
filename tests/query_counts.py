"""How many queries a page costs: the same for a small and a large population, or it has an N+1."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url: str, params: dict | None = None) -> list[str]:
    """The SQL of one GET of the page, after a first GET that warms per-process caches and indexes."""
    assert client.get(url, params).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]
