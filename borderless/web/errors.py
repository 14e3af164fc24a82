"""Error pages and the errors of the API outside django-ninja's own handling.

Every error under ``/api/`` answers JSON (``{"detail", "code"}``, as ``borderless.api.errors`` does);
every other path a translated page in the site's look. The pages render without the database and
without context processors (no session, no signed-in user, no messages), so that they work in
exactly the situations they are for: a database that does not answer, or a request we refuse to
look at further.

A database outage is told apart from a bug: Django calls ``handler500`` inside its ``except`` block,
so the exception is at hand in ``sys.exc_info()``. An outage answers 503 with ``Retry-After``, so that
clients and proxies know that trying again later is safe.
"""

from __future__ import annotations

import logging
import sqlite3
import sys

from django import db
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30

# Connection-level failures: the database is down, unreachable or refused us. A query that is
# wrong (ProgrammingError, IntegrityError) is a bug and stays a 500.
DATABASE_OUTAGE_ERRORS = (db.OperationalError, db.InterfaceError)

TITLES = {
    400: _("The request could not be processed"),
    404: _("Page not found"),
    500: _("Something went wrong on our side"),
    503: _("Borderless is briefly unavailable"),
}


def is_api_path(request: HttpRequest) -> bool:
    path = request.path_info or ""
    return path == "/api" or path.startswith("/api/")


# SQLite reports every failure as OperationalError, a missing table as much as a missing file; only
# these mean that the database cannot be reached or is busy.
SQLITE_OUTAGE_MESSAGES = ("unable to open database", "database is locked", "disk i/o error", "busy")


def is_database_outage(exc: BaseException | None) -> bool:
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, DATABASE_OUTAGE_ERRORS):
            cause = exc.__cause__
            if isinstance(cause, sqlite3.Error):
                return any(text in str(cause).lower() for text in SQLITE_OUTAGE_MESSAGES)
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def json_error(*, status: int, code: str, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail, "code": code}, status=status, json_dumps_params={"ensure_ascii": False})


def service_unavailable_json() -> JsonResponse:
    response = json_error(
        status=503,
        code="service_unavailable",
        detail=gettext("The service is briefly unavailable. Please try again in a minute."),
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def error_page(*, status: int, message: str = "") -> HttpResponse:
    """A page in the site's look that needs neither the database nor the request's session."""
    title = str(TITLES[status])
    try:
        html = loader.get_template(f"errors/{status}.html").render({"title": title, "message": message})
    except Exception:
        # The page must answer even if templates or static files are broken; a bare page then.
        logger.exception("The error page %s could not be rendered", status)
        html = f"<!doctype html><title>{escape(title)}</title><h1>{escape(title)}</h1><p>{escape(message)}</p>"
    response = HttpResponse(html, status=status, content_type="text/html; charset=utf-8")
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def bad_request_response(request: HttpRequest, *, code: str, message: str) -> HttpResponse:
    if is_api_path(request):
        return json_error(status=400, code=code, detail=message)
    return error_page(status=400, message=message)


# --- handlers (named in borderless/urls.py) -----------------------------------------------------------


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return bad_request_response(
        request,
        code="bad_request",
        message=gettext("The request could not be read. Please check what you sent and try again."),
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api_path(request):
        return json_error(status=404, code="not_found", detail=gettext("Not found."))
    return error_page(status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if is_database_outage(sys.exc_info()[1]):
        if is_api_path(request):
            return service_unavailable_json()
        return error_page(status=503)
    if is_api_path(request):
        return json_error(
            status=500,
            code="server_error",
            detail=gettext("Something went wrong on our side. Please try again later."),
        )
    return error_page(status=500)
