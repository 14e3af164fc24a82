"""The API root, the OpenAPI schema and the interactive documentation."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest


class ScriptsAndLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.urls: list[str] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.urls += [value for name, value in attrs.items() if name in {"src", "href"} and value]
        if tag == "script":
            self._in_script = {**attrs, "body": ""}
            self.scripts.append(self._in_script)

    def handle_data(self, data):
        if self._in_script is not None:
            self._in_script["body"] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def test_root_links_to_schema_docs_and_organisations(client, db):
    response = client.get("/api/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["name"] == "Borderless API"
    assert body["version"] == "1"
    links = body["links"]
    assert links["schema"] == "http://testserver/api/openapi.json"
    assert links["docs"] == "http://testserver/api/docs"
    assert links["organisations"] == "http://testserver/api/organisations"
    assert links["organisation"] == "http://testserver/api/organisations/{slug}"
    for name in ("self", "schema", "docs", "organisations"):
        assert client.get(links[name]).status_code == 200, name


def test_root_names_the_data_sources_and_their_licences(client, db):
    sources = {source["name"]: source for source in client.get("/api/").json()["data_sources"]}
    assert sources["NUTS 2021"]["publisher"] == "Eurostat"
    assert sources["NACE Rev. 2"]["publisher"] == "Eurostat"
    assert sources["GeoNames"]["licence"] == "CC BY 4.0"
    assert sources["GeoNames"]["fields"] == ["town"]


def test_schema_is_openapi_3_and_describes_the_organisation_endpoints(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert schema["info"] == {**schema["info"], "title": "Borderless API", "version": "1"}
    paths = schema["paths"]
    assert "/api/organisations" in paths
    assert "/api/organisations/{slug}" in paths
    assert "/api/" in paths
    # The catch-all that turns unknown API paths into JSON 404s is not part of the contract.
    assert not any("{path}" in p for p in paths)
    parameters = {p["name"] for p in paths["/api/organisations"]["get"]["parameters"]}
    assert parameters == {
        "q",
        "kind",
        "country",
        "nuts3",
        "euregio",
        "size_class",
        "sector",
        "in_programme_area",
        "page",
        "page_size",
    }
    assert {"200", "400", "404"} <= set(paths["/api/organisations"]["get"]["responses"])


def test_docs_are_served_from_our_own_static_files(client, db):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    page = ScriptsAndLinks()
    page.feed(html)
    assert "/static/ninja/swagger-ui-bundle.js" in page.urls
    assert "/static/ninja/swagger-ui.css" in page.urls
    assert all(url.startswith("/static/") for url in page.urls), page.urls
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    # The vendored Swagger UI needs no inline script: every script is a file from /static/ or a JSON
    # data block (which the browser does not execute), so the site-wide CSP can stay as it is.
    for script in page.scripts:
        assert script.get("src") or script.get("type") == "application/json", script
    assert "script-src 'self';" in response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    # Swagger UI reads its settings from that block: the schema URL, and no external validator.
    settings = json.loads(next(s["body"] for s in page.scripts if s.get("type") == "application/json"))
    assert settings["url"] == "/api/openapi.json"
    assert settings["validatorUrl"] is None


@pytest.mark.parametrize("name", ["swagger-ui-bundle.js", "swagger-ui-init.js", "swagger-ui.css"])
def test_the_docs_static_files_are_served(client, db, name):
    response = client.get(f"/static/ninja/{name}")
    assert response.status_code == 200
    b"".join(response.streaming_content)
    response.close()


def test_unknown_api_path_is_a_json_404(client, db):
    response = client.get("/api/nothing/here")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


# The schema: one name per shape, and the checked lists written out


def test_every_schema_name_stands_for_one_shape():
    """The OpenAPI components are keyed by class name: two classes of one name document only one of them."""
    import importlib
    import inspect
    import pkgutil

    from ninja import Schema

    import borderless.api

    defined: dict[str, list[str]] = {}
    for module_info in pkgutil.iter_modules(borderless.api.__path__):
        module = importlib.import_module(f"borderless.api.{module_info.name}")
        for name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Schema) and value.__module__ == module.__name__:
                defined.setdefault(name, []).append(module.__name__)
    assert {name: modules for name, modules in defined.items() if len(modules) > 1} == {}


def test_the_match_reasons_and_the_partner_reasons_are_documented_apart(client, db):
    schema = client.get("/api/openapi.json").json()
    components = schema["components"]["schemas"]
    result = components["MatchResultOut"]["properties"]["reasons"]["items"]["$ref"].rsplit("/", 1)[-1]
    assert set(components[result]["properties"]) == {"criterion", "status", "text", "action", "action_url"}
    assert components[result]["properties"]["status"]["enum"] == ["met", "not_met", "unknown", "needs_action", "info"]
    partner = components["RecommendationOut"]["properties"]["reasons"]["items"]["$ref"].rsplit("/", 1)[-1]
    assert "component" in components[partner]["properties"]
    assert result != partner


def test_the_instrument_filters_name_their_allowed_values(client, db):
    schema = client.get("/api/openapi.json").json()
    parameters = {p["name"]: p["schema"] for p in schema["paths"]["/api/instruments"]["get"]["parameters"]}
    assert "voucher" in parameters["kind"]["enum"]
    assert "unknown" in parameters["status"]["enum"]
    assert set(parameters["cross_border"]["enum"]) == {"", "required", "not_required"}
