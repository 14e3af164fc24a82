"""JSON errors for the API, with the message in the language of the request.

Every error body is ``{"detail": <message>, "code": <stable code>}``; validation errors add
``"errors": [{"field": ..., "message": ...}]``. Clients branch on ``code``; ``detail`` is for people
and follows ``Accept-Language`` (LocaleMiddleware has activated the language before the view runs).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any, get_args

from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from ninja.errors import HttpError, ValidationError

from borderless.web.errors import RETRY_AFTER_SECONDS, is_database_outage

if TYPE_CHECKING:
    from ninja import NinjaAPI
    from pydantic import BaseModel

logger = logging.getLogger("django.request")


class ApiError(Exception):
    """An error answered to the client; ``message`` is a lazy translation with named placeholders."""

    def __init__(self, *, status: int, code: str, message, params: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.params = params or {}

    @property
    def detail(self) -> str:
        return str(self.message) % self.params if self.params else str(self.message)


def not_found() -> ApiError:
    return ApiError(status=404, code="not_found", message=_("Not found."))


def unknown_parameters_reject(*, request: HttpRequest, allowed: set[str]) -> None:
    """Refuse query parameters the endpoint does not know, so a typo is not silently ignored."""
    unknown = sorted(set(request.GET) - allowed)
    if unknown:
        raise ApiError(
            status=400,
            code="unknown_parameter",
            message=_("Unknown query parameter: %(names)s. Allowed are: %(allowed)s."),
            params={"names": ", ".join(unknown), "allowed": ", ".join(sorted(allowed))},
        )


def method_not_allowed_as_json(*, api: NinjaAPI, view: Callable) -> Callable:
    """Wrap a django-ninja URL view so that its plain-text 405 becomes a JSON error like all others."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code != 405:
            return response
        allowed = response.get("Allow", "")
        json_response = api.create_response(
            request,
            {
                "detail": gettext("The method %(method)s is not allowed here. Allowed: %(allowed)s.")
                % {"method": request.method, "allowed": allowed},
                "code": "method_not_allowed",
            },
            status=405,
        )
        json_response["Allow"] = allowed
        return json_response

    return wrapper


def error_handlers_register(*, api: NinjaAPI, query_schemas: list[type[BaseModel]]) -> None:
    """Replace django-ninja's English-only handlers with ours."""

    def respond(request: HttpRequest, status: int, body: dict) -> HttpResponse:
        return api.create_response(request, body, status=status)

    def on_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return respond(request, exc.status, {"detail": exc.detail, "code": exc.code})

    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return on_api_error(request, not_found())

    def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [_field_error(request, error, query_schemas) for error in exc.errors]
        return respond(
            request,
            400,
            {"detail": gettext("Some parameters are invalid."), "code": "invalid", "errors": errors},
        )

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        # django-ninja raises these itself (for example for a body it cannot parse); its text is English.
        return respond(
            request,
            exc.status_code,
            {"detail": gettext("The request could not be processed."), "code": "bad_request"},
        )

    def on_exception(request: HttpRequest, exc: Exception) -> HttpResponse:
        if isinstance(exc, MultiPartParserError):
            # A multipart body Django cannot parse (no boundary, broken framing): the client's mistake.
            return respond(
                request,
                400,
                {"detail": gettext("The request body could not be read as a form."), "code": "bad_request"},
            )
        if is_database_outage(exc):
            # The database is down or unreachable: nothing is wrong with the request, trying again is safe.
            logger.error("Service Unavailable: %s", request.path, exc_info=exc, extra={"status_code": 503})
            response = respond(
                request,
                503,
                {
                    "detail": gettext("The service is briefly unavailable. Please try again in a minute."),
                    "code": "service_unavailable",
                },
            )
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        # A bug on our side. Log it as Django would (admins' e-mail handler included), answer JSON.
        logger.error("Internal Server Error: %s", request.path, exc_info=exc, extra={"status_code": 500})
        return respond(
            request,
            500,
            {"detail": gettext("Something went wrong on our side. Please try again later."), "code": "server_error"},
        )

    api.add_exception_handler(ApiError, on_api_error)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(ValidationError, on_validation_error)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(Exception, on_exception)


def _field_error(request: HttpRequest, error: dict, query_schemas: list[type[BaseModel]]) -> dict[str, str]:
    """One pydantic error as ``{"field", "message"}``, with our own translated wording."""
    # loc is (source, ..., field), e.g. ("query", "page_size").
    names = [part for part in tuple(error.get("loc", ()))[1:] if isinstance(part, str)]
    field = names[-1] if names else ""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        message = gettext("Enter a whole number.")
    elif kind == "greater_than_equal":
        message = gettext("Enter a number of at least %(limit)s.") % {"limit": ctx.get("ge")}
    elif kind == "less_than_equal":
        message = gettext("Enter a number of at most %(limit)s.") % {"limit": ctx.get("le")}
    elif kind in {"enum", "literal_error"}:
        message = gettext("“%(value)s” is not allowed here. Choose one of: %(choices)s.") % {
            "value": request.GET.get(field, ""),
            "choices": ", ".join(_choices(field, query_schemas)),
        }
    elif kind in {"bool_parsing", "bool_type"}:
        message = gettext("Enter true or false.")
    elif kind == "string_too_long":
        message = gettext("Enter at most %(limit)s characters.") % {"limit": ctx.get("max_length")}
    elif kind == "string_pattern_mismatch":
        example = _example(field, query_schemas)
        message = (
            gettext("Enter a value in the form %(example)s.") % {"example": example}
            if example
            else gettext("Enter a valid value.")
        )
    elif kind == "missing":
        message = gettext("This parameter is required.")
    else:
        message = gettext("Enter a valid value.")
    return {"field": field, "message": message}


def _field_info(field: str, query_schemas: list[type[BaseModel]]):
    for schema in query_schemas:
        if field in schema.model_fields:
            return schema.model_fields[field]
    return None


def _choices(field: str, query_schemas: list[type[BaseModel]]) -> list[str]:
    info = _field_info(field, query_schemas)
    if info is None:
        return []
    for candidate in (info.annotation, *get_args(info.annotation)):
        if isinstance(candidate, type) and issubclass(candidate, Enum):
            return [str(member.value) for member in candidate]
    return []


def _example(field: str, query_schemas: list[type[BaseModel]]) -> str:
    info = _field_info(field, query_schemas)
    return str(info.examples[0]) if info is not None and info.examples else ""
