"""Requests for contact in the API: list your organisations' requests, ask for contact, answer, withdraw.

Authentication is the platform's session; unsafe methods (POST) also need the CSRF token in the
``X-CSRFToken`` header, as for the quickscan endpoints. The same rules as on the website apply: a
request that is not yours answers 404; contact details appear only once a request is accepted, and
only to the two sides; an anonymous organisation's name only then, too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status

from borderless.atlas.selectors import profile_for_viewer
from borderless.contacts import selectors as sel
from borderless.contacts import services
from borderless.contacts.models import ContactRequest
from borderless.organisations.models import Organisation

from .errors import ApiError, not_found, unknown_parameters_reject
from .quickscan import SLUG_PATTERN, session_auth
from .schemas import ErrorOut

router = Router(tags=["contacts"], auth=session_auth)

# Descriptions in this module are API documentation for developers and stay in English.

# Refusals of the contact rules, by the code the service gives them.
REFUSAL_STATUS = {
    "not_member": 404,
    "not_visible": 404,
    "blocked": 403,
    "not_allowed": 403,
    "already_open": 409,
    "already_in_contact": 409,
    "not_pending": 409,
    "daily_limit": 429,
    "receiver_limit": 429,
}


class ContactIn(Schema):
    organisation: str = Field(
        pattern=SLUG_PATTERN, max_length=220, description="Slug of your organisation that asks.", examples=["acme"]
    )
    receiver: str = Field(
        pattern=SLUG_PATTERN,
        max_length=220,
        description="The receiver's reference as in the atlas: its slug, or the 'anon-…' reference of an anonymous "
        "profile.",
        examples=["dora-maschinenbau-gmbh"],
    )
    message: str = Field(max_length=1000, description="Who you are and why you ask (10 to 1,000 characters).")


class DecisionIn(Schema):
    accept: bool = Field(
        description="true accepts (and, once every side agreed, shares contact details); false declines."
    )


class PartyOut(Schema):
    name: str = Field(description="The name, or a description without it while an anonymous side is not revealed.")
    revealed: bool
    country: str = Field(description="ISO code; '' while an anonymous side's description does not show it.")
    region: str = Field(
        description="Name of the NUTS-3 region; for an anonymous side not yet revealed, the region its description "
        "shows (NUTS-3, 2 or 1), or ''."
    )


class EventOut(Schema):
    action: str = Field(description="sent, accepted, declined, withdrawn or reported.")
    at: datetime
    organisation: str


class ContactDetailsOut(Schema):
    name: str
    emails: list[str] = Field(description="The profile's contact e-mail, or else the managers' addresses.")
    phone: str
    website: str
    town: str
    country: str


class ContactOut(Schema):
    id: int
    kind: Literal["direct", "introduction"]
    state: Literal["pending", "accepted", "declined", "withdrawn"]
    direction: Literal["incoming", "outgoing", "brokered"] = Field(
        description="From your side: received (or answered by your organisation as intermediary), sent, or brokered."
    )
    requester: PartyOut
    receiver: PartyOut
    broker: str | None = Field(description="The introducing intermediary, or the one answering for an anonymous firm.")
    message: str
    created_at: datetime
    your_answer_needed: bool
    can_withdraw: bool
    history: list[EventOut]
    contact_details: ContactDetailsOut | None = Field(
        description="The other side's contact details: only when accepted, and only for the two sides."
    )


class ContactListOut(Schema):
    count: int
    remaining_today: dict[str, int] = Field(description="Slug of each of your organisations -> requests left today.")
    daily_limit: int
    receiver_daily_limit: int
    items: list[ContactOut]


@router.get(
    "",
    response={200: ContactListOut, 400: ErrorOut, 401: ErrorOut},
    url_name="contact_list",
    summary="Your organisations' requests for contact and introductions, newest first",
)
def contact_list(request: HttpRequest):
    unknown_parameters_reject(request=request, allowed=set())
    org_ids = sel.member_org_ids(request.user)
    requests = list(sel.contact_requests_for_user(user=request.user))
    descriptions = sel.anonymous_descriptions(requests)
    items = [_out(request, r, org_ids, descriptions) for r in requests]
    organisations = Organisation.objects.filter(pk__in=org_ids).order_by("slug")
    return {
        "count": len(items),
        "remaining_today": {o.slug: sel.remaining_today(organisation=o) for o in organisations},
        "daily_limit": sel.daily_limit(),
        "receiver_daily_limit": sel.receiver_daily_limit(),
        "items": items,
    }


@router.post(
    "",
    response={201: ContactOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut,
              422: ErrorOut, 429: ErrorOut},
    url_name="contact_send",
    summary="Ask an organisation for contact",
)  # fmt: skip
def contact_send(request: HttpRequest, payload: ContactIn):
    """Refused with a stable `code`: self_contact, not_visible, blocked, already_open, already_in_contact,
    message_too_short, message_too_long, no_intermediary (422/403/404/409), daily_limit or receiver_limit (429).
    Nothing is stored when refused."""
    unknown_parameters_reject(request=request, allowed=set())
    requester = Organisation.objects.filter(slug=payload.organisation, memberships__user=request.user).first()
    if requester is None:
        raise not_found()
    try:
        receiver = profile_for_viewer(slug=payload.receiver, user=request.user).organisation
    except Http404:
        raise not_found() from None
    try:
        contact = services.contact_request_send(
            requester_org=requester,
            receiver_org=receiver,
            user=request.user,
            message=payload.message,
            base_url=_base_url(request),
        )
    except ValidationError as error:
        raise _refusal(error) from None
    return Status(201, _out(request, contact))


@router.post(
    "/{int:contact_id}/decision",
    response={200: ContactOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    url_name="contact_decide",
    summary="Accept or decline a request you received (or an introduction)",
)
def contact_decide(request: HttpRequest, contact_id: int, payload: DecisionIn):
    unknown_parameters_reject(request=request, allowed=set())
    contact = _mine(request, contact_id)
    try:
        contact = services.contact_request_decide(
            request=contact, user=request.user, accept=payload.accept, base_url=_base_url(request)
        )
    except ValidationError as error:
        raise _refusal(error) from None
    return _out(request, contact)


@router.post(
    "/{int:contact_id}/withdraw",
    response={200: ContactOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    url_name="contact_withdraw",
    summary="Withdraw a request your organisation sent, while it waits for an answer",
)
def contact_withdraw(request: HttpRequest, contact_id: int):
    unknown_parameters_reject(request=request, allowed=set())
    contact = _mine(request, contact_id)
    try:
        contact = services.contact_request_withdraw(request=contact, user=request.user, base_url=_base_url(request))
    except ValidationError as error:
        raise _refusal(error) from None
    return _out(request, contact)


# --- helpers -----------------------------------------------------------------------------------


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _mine(request: HttpRequest, contact_id: int) -> ContactRequest:
    try:
        return sel.contact_request_for_user(pk=contact_id, user=request.user)
    except Http404:
        raise not_found() from None


def _refusal(error: ValidationError) -> ApiError:
    code = error.code if getattr(error, "code", None) else "refused"
    return ApiError(status=REFUSAL_STATUS.get(code, 422), code=code, message=" ".join(error.messages))


def _party(party: sel.Party) -> dict:
    return {
        "name": party.name,
        "revealed": party.revealed,
        "country": party.country,
        "region": party.region,
    }


def _out(request: HttpRequest, contact: ContactRequest, org_ids: set[int] | None = None, descriptions=None) -> dict:
    view = sel.contact_view(request=contact, user=request.user, org_ids=org_ids, descriptions=descriptions)
    details = sel.contact_details_for(request=contact, viewer=request.user)
    return {
        "id": contact.pk,
        "kind": contact.kind,
        "state": contact.state,
        "direction": view.direction,
        "requester": _party(view.requester),
        "receiver": _party(view.receiver),
        "broker": contact.broker.name if contact.broker_id else None,
        "message": contact.message,
        "created_at": contact.created_at,
        "your_answer_needed": view.my_answer_pending,
        "can_withdraw": view.can_withdraw,
        "history": [
            {"action": e["action"], "at": e["at"], "organisation": e["organisation"]}
            for e in sel.state_history(request=contact, user=request.user, view=view)
        ],
        "contact_details": details.__dict__ if details is not None else None,
    }
