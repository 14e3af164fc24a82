"""Reads of contact requests and notifications, with the rules of who may see what applied here.

Who sees a request: the members of the requesting and the receiving organisation and of the
intermediary organisation involved (the broker of an introduction, or the intermediary that answers
for an anonymous receiver). Contact details and the name of an anonymous organisation are revealed
only once the request is accepted; until then an anonymous side is described exactly as its atlas
card describes it (`selectors_anonymity`), in lists, pages, notices and e-mails alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from borderless.accounts.models import Role
from borderless.atlas.anonymity import Description, descriptions_for
from borderless.atlas.models import AtlasProfile, Visibility
from borderless.atlas.selectors import visible_profiles
from borderless.organisations.models import Membership, Organisation

from .models import Block, ContactEvent, ContactRequest, Notification

DEFAULT_DAILY_LIMIT = 10
DEFAULT_RECEIVER_DAILY_LIMIT = 3


# --- limits ------------------------------------------------------------------------------------


def daily_limit() -> int:
    """Requests (and introductions) one organisation may start per day."""
    return int(getattr(settings, "ATLAS_CONTACT_DAILY_LIMIT", DEFAULT_DAILY_LIMIT))


def receiver_daily_limit() -> int:
    """New requests one organisation may receive per day from all senders together."""
    return int(getattr(settings, "ATLAS_CONTACT_RECEIVER_DAILY_LIMIT", DEFAULT_RECEIVER_DAILY_LIMIT))


def start_of_today() -> datetime:
    """Midnight of today in the platform's time zone: the limits count per calendar day."""
    return timezone.make_aware(datetime.combine(timezone.localdate(), time.min))


def sent_today(*, organisation: Organisation) -> int:
    """Direct requests the organisation sent today, plus introductions it brokered today."""
    return ContactRequest.objects.filter(
        Q(kind=ContactRequest.Kind.DIRECT, requester=organisation)
        | Q(kind=ContactRequest.Kind.INTRODUCTION, broker=organisation),
        created_at__gte=start_of_today(),
    ).count()


def received_today(*, organisation: Organisation) -> int:
    """Requests addressed to the organisation today, introductions to it included."""
    return ContactRequest.objects.filter(
        Q(receiver=organisation) | Q(kind=ContactRequest.Kind.INTRODUCTION, requester=organisation),
        created_at__gte=start_of_today(),
    ).count()


def remaining_today(*, organisation: Organisation) -> int:
    return max(0, daily_limit() - sent_today(organisation=organisation))


# --- who is who in a request -------------------------------------------------------------------


def member_org_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))


def receiver_is_anonymous(request: ContactRequest) -> bool:
    """A direct request to an anonymous profile carries the intermediary that answers for the firm."""
    return request.kind == ContactRequest.Kind.DIRECT and request.broker_id is not None


def _is_anonymous(request: ContactRequest, organisation: Organisation) -> bool:
    if request.kind == ContactRequest.Kind.DIRECT:
        return organisation.pk == request.receiver_id and receiver_is_anonymous(request)
    try:
        profile = organisation.atlas_profile
    except AtlasProfile.DoesNotExist:
        return False
    return profile.visibility == Visibility.ANONYMOUS


@dataclass(frozen=True)
class Party:
    """One side of a request as a particular viewer may see it."""

    organisation: Organisation  # server-side only: never render its fields
    name: str
    revealed: bool
    region: str  # the NUTS-3 region's name, or the region an anonymous side's description shows (or "")
    country: str  # "" when an anonymous side's description does not show it
    reference: str  # where the viewer may address it (the block page): the slug, or the anonymous reference


@dataclass(frozen=True)
class ContactView:
    """A request seen by one user: which sides the user speaks for and what the user may do."""

    request: ContactRequest
    requester: Party
    receiver: Party
    is_requester: bool
    is_receiver: bool
    is_intermediary: bool  # answers for an anonymous receiver
    is_broker: bool  # introduced the two
    can_decide: bool
    can_withdraw: bool
    can_report: bool
    block_target: Party | None
    my_answer_pending: bool
    waiting_for: list[str] = field(default_factory=list)

    @property
    def direction(self) -> str:
        if self.is_broker:
            return "brokered"
        if self.is_requester:
            return "outgoing"
        return "incoming"

    @property
    def other(self) -> Party:
        return self.receiver if self.is_requester else self.requester


def _party(
    request: ContactRequest, organisation: Organisation, org_ids: set[int], descriptions: dict[int, Description]
) -> Party:
    visible = (
        organisation.pk in org_ids
        or request.state == ContactRequest.State.ACCEPTED
        or (request.broker_id is not None and request.broker_id in org_ids)
        or not _is_anonymous(request, organisation)
    )
    if visible:
        region = organisation.nuts3
        return Party(organisation=organisation, name=organisation.name, revealed=True,
                     region=region.name if region is not None else "", country=organisation.country,
                     reference=organisation.slug)  # fmt: skip
    description = descriptions.get(organisation.pk)
    if description is None:
        description = descriptions_for([organisation])[organisation.pk]
    return Party(
        organisation=organisation,
        name=description.name,
        revealed=False,
        region=description.region_name,
        country=description.country,
        reference=_reference(organisation),
    )


def _reference(organisation: Organisation) -> str:
    try:
        return organisation.atlas_profile.public_reference
    except AtlasProfile.DoesNotExist:
        return ""


def anonymous_descriptions(requests) -> dict[int, Description]:
    """Descriptions of every side of these requests that may have to be shown without its name (one batch)."""
    sides = {}
    for request in requests:
        for organisation in (request.requester, request.receiver):
            if _is_anonymous(request, organisation):
                sides[organisation.pk] = organisation
    return descriptions_for(sides.values()) if sides else {}


def contact_view(
    *,
    request: ContactRequest,
    user,
    org_ids: set[int] | None = None,
    descriptions: dict[int, Description] | None = None,
) -> ContactView:
    """`org_ids` (the user's organisations) and `descriptions` (`anonymous_descriptions`) may be passed in
    when many requests are viewed at once."""
    if org_ids is None:
        org_ids = member_org_ids(user)
    if descriptions is None:
        descriptions = anonymous_descriptions([request])
    pending = request.state == ContactRequest.State.PENDING
    introduction = request.kind == ContactRequest.Kind.INTRODUCTION
    is_requester = request.requester_id in org_ids
    is_receiver = request.receiver_id in org_ids
    broker_member = request.broker_id is not None and request.broker_id in org_ids
    is_intermediary = broker_member and not introduction
    is_broker = broker_member and introduction
    if introduction:
        my_answer_pending = pending and (
            (is_requester and not request.requester_accepted) or (is_receiver and not request.receiver_accepted)
        )
        can_withdraw = pending and is_broker
    else:
        my_answer_pending = pending and (is_receiver or is_intermediary)
        can_withdraw = pending and is_requester
    requester = _party(request, request.requester, org_ids, descriptions)
    receiver = _party(request, request.receiver, org_ids, descriptions)
    waiting_for = []
    if pending and introduction:
        waiting_for = [
            p.name
            for p, ok in ((requester, request.requester_accepted), (receiver, request.receiver_accepted))
            if not ok
        ]
    elif pending:
        waiting_for = [receiver.name]
    # Only the side that received something unwanted reports or blocks the side that sent it.
    # The target is named (and addressed) as the viewer sees it, so blocking reveals nothing.
    block_target = None
    if is_receiver and not is_requester:
        block_target = requester
    elif introduction and is_requester and not is_receiver and receiver.revealed:
        block_target = receiver
    return ContactView(
        request=request,
        requester=requester,
        receiver=receiver,
        is_requester=is_requester,
        is_receiver=is_receiver,
        is_intermediary=is_intermediary,
        is_broker=is_broker,
        can_decide=my_answer_pending,
        can_withdraw=can_withdraw,
        can_report=(is_receiver or is_intermediary or (introduction and is_requester)) and not is_broker,
        block_target=block_target,
        my_answer_pending=my_answer_pending,
        waiting_for=waiting_for,
    )


# --- lists and single requests -----------------------------------------------------------------


RELATED = (
    "requester__town__nuts3",
    "requester__sector",
    "requester__atlas_profile",
    "receiver__town__nuts3",
    "receiver__sector",
    "receiver__atlas_profile",
    "broker__town__nuts3",
    "created_by",
)


def contact_requests_for_user(*, user) -> QuerySet[ContactRequest]:
    """Every request the user's organisations sent, received, brokered or answer for."""
    org_ids = Membership.objects.filter(user=user).values("organisation_id")
    return (
        ContactRequest.objects.filter(
            Q(requester_id__in=org_ids) | Q(receiver_id__in=org_ids) | Q(broker_id__in=org_ids)
        )
        .select_related(*RELATED)
        .order_by("-created_at", "-pk")
    )


def contact_request_for_user(*, pk: int, user) -> ContactRequest:
    """One request the user may see; anyone else's is "not found", whether it exists or not."""
    request = contact_requests_for_user(user=user).filter(pk=pk).first()
    if request is None:
        raise Http404
    return request


def contact_views_for_user(*, user) -> list[ContactView]:
    org_ids = member_org_ids(user)
    requests = list(contact_requests_for_user(user=user))
    descriptions = anonymous_descriptions(requests)
    return [contact_view(request=r, user=user, org_ids=org_ids, descriptions=descriptions) for r in requests]


def state_history(*, request: ContactRequest, user, view: ContactView | None = None) -> list[dict]:
    """The request's events, with anonymous sides named as the viewer may see them."""
    org_ids = member_org_ids(user)
    if view is None:
        view = contact_view(request=request, user=user, org_ids=org_ids)
    names = {request.requester_id: view.requester.name, request.receiver_id: view.receiver.name}
    if request.broker_id is not None:
        names[request.broker_id] = request.broker.name
    return [
        {"action": event.action, "label": event.get_action_display(), "at": event.at,
         "organisation": names.get(event.organisation_id, ""), "note": event.note}
        for event in request.events.all()
        # A report stays with the side that made it (and staff): the reported side does not see it.
        if event.action != ContactEvent.Action.REPORTED
        or event.organisation_id in org_ids
        or (request.broker_id is not None and request.broker_id in org_ids)
    ]  # fmt: skip


# --- contact details ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactDetails:
    name: str
    emails: list[str]
    phone: str
    website: str
    town: str
    country: str


def details_of(organisation: Organisation) -> ContactDetails:
    profile = AtlasProfile.objects.filter(organisation=organisation).first()
    if profile is not None and profile.contact_email:
        emails = [profile.contact_email]
    else:
        emails = list(
            Membership.objects.filter(organisation=organisation, is_manager=True, user__is_active=True)
            .order_by("user__email")
            .values_list("user__email", flat=True)
        )
    return ContactDetails(
        name=organisation.name,
        emails=emails,
        phone=phone_shown(profile.contact_phone) if profile is not None else "",
        website=organisation.website,
        town=organisation.place_name,
        country=str(organisation.get_country_display()),
    )


def phone_shown(number) -> str:
    """International format: the other side may well be across the border. A number that could not be
    read when phone numbers became E.164 is shown as it was typed."""
    if not number:
        return ""
    return number.as_international if number.is_valid() else str(number.raw_input)


def contact_details_for(*, request: ContactRequest, viewer) -> ContactDetails | None:
    """The other side's contact details: only after acceptance, and only for a member of one side."""
    if request.state != ContactRequest.State.ACCEPTED or not viewer.is_authenticated:
        return None
    org_ids = member_org_ids(viewer)
    if request.requester_id in org_ids:
        return details_of(request.receiver)
    if request.receiver_id in org_ids:
        return details_of(request.requester)
    return None


# --- sending: what the sender may pick ---------------------------------------------------------


def open_request_between(*, a: Organisation, b: Organisation) -> ContactRequest | None:
    return (
        ContactRequest.objects.filter(
            Q(requester=a, receiver=b) | Q(requester=b, receiver=a),
            state__in=[ContactRequest.State.PENDING, ContactRequest.State.ACCEPTED],
        )
        .order_by("-created_at")
        .first()
    )


def is_blocked(*, blocker: Organisation, blocked: Organisation) -> bool:
    return Block.objects.filter(blocker=blocker, blocked=blocked).exists()


def is_confirmed_intermediary(user) -> bool:
    return user.is_authenticated and user.effective_role in {Role.INTERMEDIARY, Role.ADMIN}


def broker_organisations(*, user) -> QuerySet[Organisation]:
    """Organisations a confirmed intermediary may introduce others on behalf of."""
    if not is_confirmed_intermediary(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user).order_by("name")


def introduction_candidates(*, user, broker_org: Organisation) -> QuerySet[Organisation]:
    """Organisations an intermediary may introduce: those whose profile and name the intermediary sees.

    Anonymous firms qualify only when this intermediary answers for them, so the broker always
    knows whom it introduces.
    """
    profiles = visible_profiles(user=user).exclude(organisation=broker_org)
    named = profiles.exclude(visibility=Visibility.ANONYMOUS) | profiles.filter(
        visibility=Visibility.ANONYMOUS, contact_intermediary=broker_org
    )
    return Organisation.objects.filter(pk__in=named.values("organisation_id")).with_geography().order_by("name")


# --- notifications -----------------------------------------------------------------------------


def notifications_for(*, user) -> QuerySet[Notification]:
    return (
        Notification.objects.filter(user=user)
        .select_related(*(f"request__{name}" for name in RELATED))
        .prefetch_related("request__events")
    )


def notice_text(
    *,
    request: ContactRequest,
    action: str,
    user,
    org_ids: set[int] | None = None,
    descriptions: dict[int, Description] | None = None,
) -> str:
    """One sentence saying what happened, in the active language, naming sides as the user may see them."""
    view = contact_view(request=request, user=user, org_ids=org_ids, descriptions=descriptions)
    names = {"requester": view.requester.name, "receiver": view.receiver.name,
             "broker": request.broker.name if request.broker_id else ""}  # fmt: skip
    introduction = request.kind == ContactRequest.Kind.INTRODUCTION
    actor = _actor_name(request, action, view)
    if action == "sent" and introduction:
        return _("%(broker)s introduces %(requester)s and %(receiver)s to each other.") % names
    if action == "sent":
        return _("%(requester)s asks %(receiver)s for contact.") % names
    if action == "accepted" and request.state == ContactRequest.State.ACCEPTED:
        return _("%(requester)s and %(receiver)s have agreed to be in contact: contact details are now shared.") % names
    if action == "accepted":
        return _("%(organisation)s agreed to the introduction; the other side has not answered yet.") % {
            "organisation": actor
        }
    if action == "declined" and introduction:
        return _("%(organisation)s declined the introduction.") % {"organisation": actor}
    if action == "declined":
        return _("%(receiver)s declined the request for contact from %(requester)s.") % names
    if action == "withdrawn" and introduction:
        return _("%(broker)s withdrew the introduction of %(requester)s and %(receiver)s.") % names
    if action == "withdrawn":
        return _("%(requester)s withdrew its request for contact to %(receiver)s.") % names
    return _("A member of your organisation reported a request for contact to the platform's staff.")


def _actor_name(request: ContactRequest, action: str, view: ContactView) -> str:
    events = [e for e in request.events.all() if e.action == action]
    if not events:
        return ""
    organisation_id = events[-1].organisation_id
    if organisation_id == request.requester_id:
        return view.requester.name
    if organisation_id == request.receiver_id:
        return view.receiver.name
    return request.broker.name if request.broker_id and organisation_id == request.broker_id else ""


def notification_items(*, user, limit: int = 100) -> list[dict]:
    """The user's latest notifications, each with its sentence (anonymous sides described in one batch)."""
    org_ids = member_org_ids(user)
    notifications = [n for n in notifications_for(user=user)[:limit] if n.request_id is not None]
    descriptions = anonymous_descriptions([n.request for n in notifications])
    return [
        {
            "notification": n,
            "text": notice_text(
                request=n.request, action=n.action, user=user, org_ids=org_ids, descriptions=descriptions
            ),
        }
        for n in notifications
    ]


def unread_count(*, user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
