"""The JSON API of Borderless: root at /api/, OpenAPI 3 schema at /api/openapi.json, docs at /api/docs.

Why django-ninja rather than Django REST framework: its endpoints are typed functions, the same
shape as the rest of the code base (thin function views over selectors), not class hierarchies of
viewsets and serializers. Input and output are pydantic schemas, and the OpenAPI 3 schema is generated
from those same type hints, so the documentation cannot drift from the validation. It ships Swagger UI
as static files, served from our own origin under our Content-Security-Policy, with no CDN. And it adds
little beside pydantic, where DRF would need drf-spectacular (and its dependencies) for the same schema.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from ninja import NinjaAPI, Router, Swagger

from . import atlas, contacts, instruments, matching, network, organisations, quickscan
from .errors import error_handlers_register, method_not_allowed_as_json, not_found
from .schemas import ErrorOut, OrganisationListQuery, RootOut


class BorderlessAPI(NinjaAPI):
    @property
    def urls(self):
        # django-ninja answers a wrong method with a plain-text 405 before any handler of ours runs.
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            pattern.callback = method_not_allowed_as_json(api=self, view=pattern.callback)
        return patterns, app_name, namespace


api = BorderlessAPI(
    title="Borderless API",
    version="1",
    description=(
        "Data of the Borderless platform for the Dutch-German border region: public directory and catalogue, "
        "and, for signed-in members, their own organisation's quickscans. "
        "Error messages follow the Accept-Language header (de, nl, en)."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
    # Swagger UI comes from django-ninja's vendored static files ("ninja" is in INSTALLED_APPS). Its page
    # runs no inline script (settings sit in a JSON data block that swagger-ui-init.js reads), so the
    # site-wide CSP (script-src 'self'; style-src 'self') applies unchanged; checked in headless Chromium
    # with no policy violations, hence no per-view CSP override. No validator badge: it would send our
    # schema's address to validator.swagger.io, and the CSP would block the image anyway.
    docs=Swagger(settings={"validatorUrl": None}),
)

error_handlers_register(
    api=api,
    query_schemas=[
        OrganisationListQuery,
        quickscan.HistoryQuery,
        atlas.AtlasSearchQuery,
        matching.RecommendationsQuery,
        network.ReportQuery,
        network.SubgraphQuery,
    ],
)

api.add_router("/organisations", organisations.router)
api.add_router("/quickscan", quickscan.router)
api.add_router("/instruments", instruments.router)
api.add_router("/atlas/contacts", contacts.router)
api.add_router("/atlas", matching.router)
api.add_router("/atlas", atlas.router)
api.add_router("/network", network.router)

DATA_SOURCES = [
    {
        "name": "NUTS 2021",
        "publisher": "Eurostat",
        "licence": "© European Union; reuse authorised with acknowledgement of the source",
        "url": "https://ec.europa.eu/eurostat/web/nuts",
        "fields": ["nuts3"],
    },
    {
        "name": "Interreg Deutschland-Nederland programme area",
        "publisher": "Interreg Deutschland-Nederland",
        "licence": "Public programme document",
        "url": "https://deutschland-nederland.eu/",
        "fields": ["in_programme_area"],
    },
    {
        "name": "NACE Rev. 2",
        "publisher": "Eurostat",
        "licence": "© European Union; reuse authorised with acknowledgement of the source",
        "url": "https://ec.europa.eu/eurostat/web/nace",
        "fields": ["sector"],
    },
    {
        "name": "GeoNames",
        "publisher": "GeoNames",
        "licence": "CC BY 4.0",
        "url": "https://www.geonames.org/",
        "fields": ["town"],
    },
]


@api.get("/", response=RootOut, url_name="root", summary="API root", tags=["root"])
def root(request: HttpRequest):
    """Where to find the schema, the documentation and the data, and where the data comes from."""
    organisations_url = request.build_absolute_uri(reverse("api:organisation_list"))
    return {
        "name": api.title,
        "version": api.version,
        "links": {
            "self": request.build_absolute_uri(reverse("api:root")),
            "schema": request.build_absolute_uri(reverse("api:openapi-json")),
            "docs": request.build_absolute_uri(reverse("api:openapi-view")),
            "organisations": organisations_url,
            "organisation": organisations_url + "/{slug}",
        },
        "data_sources": DATA_SOURCES,
    }


# A router of its own, mounted after all others, so that it only catches paths no endpoint claims:
# unknown API paths answer JSON like every other API error, not Django's HTML 404 page.
fallback = Router()


@fallback.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"],
    "/{path:path}",
    response={404: ErrorOut},
    include_in_schema=False,
)
def unknown_path(request: HttpRequest, path: str):
    raise not_found()


api.add_router("", fallback)
