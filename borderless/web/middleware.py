import json

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils.functional import empty
from django.utils.translation import gettext

from borderless.core.text import bidi_controls_marked, has_bidi_controls

from . import errors


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware (Django 5.2 has none built in), writing the directives in a fixed order.

    django-csp joins the directives in set order, which changes from one process to the next; a
    header that stays the same is easier to compare, cache and test. The order is that of
    settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]; directives a view added come after them.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if HEADER in response:
            response[HEADER] = _directives_ordered(response[HEADER])
        return response


def _directives_ordered(policy: str) -> str:
    order = list(settings.CONTENT_SECURITY_POLICY.get("DIRECTIVES", {}))
    directives = [part.strip() for part in policy.split(";") if part.strip()]

    def position(directive: str) -> int:
        name = directive.split(" ", 1)[0]
        return order.index(name) if name in order else len(order)

    return "; ".join(sorted(directives, key=position))


class RejectNulCharactersMiddleware:
    """Answers 400 to a request with a NUL character in its path, query, cookies, form fields or JSON body.

    No text we store or look up may contain NUL (PostgreSQL refuses it outright), so such a request
    can only be a mistake or a probe. It is refused before any view or session lookup sees it: with
    a JSON error under /api/, with a translated page elsewhere. Runs after LocaleMiddleware, so the
    message is in the request's language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _request_has_nul(request):
            return errors.bad_request_response(
                request,
                code="invalid_characters",
                message=gettext(
                    "The address or the form contains a character that is not allowed (a NUL character). "
                    "Please remove it and try again."
                ),
            )
        return self.get_response(request)


def _request_has_nul(request) -> bool:
    if NUL in request.path or NUL in request.path_info:
        return True
    if _query_dict_has_nul(request.GET) or _mapping_has_nul(request.COOKIES):
        return True
    content_type = request.content_type or ""
    if request.method in {"GET", "HEAD", "OPTIONS"}:
        return False
    if content_type in FORM_CONTENT_TYPES:
        # A body Django cannot parse (a multipart body without boundary) raises MultiPartParserError
        # here, which Django answers through handler400, as it would in the view.
        return _query_dict_has_nul(request.POST)
    return _body_has_nul(request.body)


NUL = "\x00"
FORM_CONTENT_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


def _mapping_has_nul(mapping) -> bool:
    return any(NUL in key or NUL in value for key, value in mapping.items())


def _query_dict_has_nul(query) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in query.lists())


def _body_has_nul(body: bytes) -> bool:
    """A raw NUL byte, or a JSON string with the escape \\u0000 in a key or value."""
    if not body:
        return False
    if b"\x00" in body:
        return True
    if b"\\u0000" not in body.lower():
        return False
    try:
        data = json.loads(body)
    except ValueError:
        return False  # not JSON after all; whatever reads it answers its own error
    return _json_has_nul(data)


def _json_has_nul(value) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if NUL in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


class PrivateNoStoreMiddleware:
    """``Cache-Control: private, no-store`` on every response that may be personal.

    That is every response to a request that carries a session (a signed-in person, or a visitor
    whose anonymous quickscan is kept in the session) and every response that starts one. A view that
    set its own Cache-Control keeps it. Decided from cookies alone, without loading the session, so
    it works during a database outage too. Sits outside SessionMiddleware to see the cookie it sets.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Cache-Control" not in response and _is_private(request, response):
            response["Cache-Control"] = "private, no-store"
        return response


def _is_private(request, response) -> bool:
    name = settings.SESSION_COOKIE_NAME
    if request.COOKIES.get(name) or name in response.cookies:
        return True
    user = getattr(request, "user", None)
    # Only a user that was already loaded is asked; loading it here could need the database.
    wrapped = getattr(user, "_wrapped", None)
    return wrapped is not None and wrapped is not empty and bool(getattr(wrapped, "is_authenticated", False))


class BidiControlsMarkedMiddleware:
    """Shows bidirectional control characters in HTML pages as visible marks instead of applying them.

    A name or message with a right-to-left override could otherwise reorder what a page says;
    see borderless.core.text. Our templates never contain these characters, so every one in a page
    came from what someone typed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return response
        charset = response.charset or "utf-8"
        try:
            html = response.content.decode(charset)
        except (LookupError, UnicodeDecodeError):
            return response
        if has_bidi_controls(html):
            response.content = bidi_controls_marked(html).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
