"""Writes of the contact flow: ask for contact, introduce, answer, withdraw, block and report.

Every refusal raises a translated ValidationError and stores nothing. Every step keeps a
ContactEvent (the request's state history) and tells the people concerned: an in-app Notification
and an e-mail in each person's own language.

For an anonymous receiver the request carries, in ``broker``, the intermediary that answers on the
firm's behalf (chosen by the firm in its profile); the firm's own members may answer as well. The
receiver's name stays hidden from the requester until the request is accepted.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from borderless.atlas.models import AtlasProfile, Visibility
from borderless.atlas.selectors import visible_profiles
from borderless.organisations.models import Membership, Organisation

from . import selectors as sel
from .models import AbuseReport, Block, ContactEvent, ContactRequest, Notification

logger = logging.getLogger(__name__)

MESSAGE_MAX_LENGTH = 1000
MESSAGE_MIN_LENGTH = 10
REASON_MAX_LENGTH = 1000


# --- checks ------------------------------------------------------------------------------------


def _require_member(*, user, organisation: Organisation) -> None:
    if not Membership.objects.filter(user=user, organisation=organisation).exists():
        raise ValidationError(_("You are not a member of this organisation."), code="not_member")


def _clean_message(message: str) -> str:
    message = (message or "").strip()
    if len(message) < MESSAGE_MIN_LENGTH:
        raise ValidationError(
            _("Write a short message of at least %(min)d characters: who you are and why you ask."),
            code="message_too_short",
            params={"min": MESSAGE_MIN_LENGTH},
        )
    if len(message) > MESSAGE_MAX_LENGTH:
        raise ValidationError(
            _("The message is too long: at most %(max)d characters."),
            code="message_too_long",
            params={"max": MESSAGE_MAX_LENGTH},
        )
    return message


def _visible_to(*, organisation: Organisation, user) -> bool:
    """The organisation's atlas profile is visible to the user (anonymous profiles count as visible)."""
    return visible_profiles(user=user).filter(organisation=organisation).exists()


def _check_pair(*, a: Organisation, b: Organisation) -> None:
    if a.pk == b.pk:
        raise ValidationError(_("An organisation cannot ask itself for contact."), code="self_contact")
    if sel.is_blocked(blocker=b, blocked=a) or sel.is_blocked(blocker=a, blocked=b):
        raise ValidationError(
            _("Contact between these two organisations is not possible: one of them has blocked the other."),
            code="blocked",
        )
    existing = sel.open_request_between(a=a, b=b)
    if existing is not None and existing.state == ContactRequest.State.ACCEPTED:
        raise ValidationError(_("These organisations are already in contact."), code="already_in_contact")
    if existing is not None:
        raise ValidationError(
            _("There is already an open request for contact between these organisations."), code="already_open"
        )


def _check_limits(*, sender: Organisation, receivers: list[Organisation]) -> None:
    limit = sel.daily_limit()
    if sel.sent_today(organisation=sender) >= limit:
        raise ValidationError(
            _("Your organisation has used its %(limit)d requests for today. Please try again tomorrow."),
            code="daily_limit",
            params={"limit": limit},
        )
    receiver_limit = sel.receiver_daily_limit()
    for receiver in receivers:
        if sel.received_today(organisation=receiver) >= receiver_limit:
            raise ValidationError(
                _(
                    "This organisation has already received %(limit)d requests today, the most we pass on per "
                    "day so that no firm is flooded. Please try again tomorrow."
                ),
                code="receiver_limit",
                params={"limit": receiver_limit},
            )


# --- sending -----------------------------------------------------------------------------------


@transaction.atomic
def contact_request_send(
    *, requester_org: Organisation, receiver_org: Organisation, user, message: str, base_url: str = ""
) -> ContactRequest:
    """Ask another organisation for contact. Nothing is revealed until the receiver accepts."""
    _require_member(user=user, organisation=requester_org)
    if requester_org.pk == receiver_org.pk:
        raise ValidationError(_("An organisation cannot ask itself for contact."), code="self_contact")
    if not _visible_to(organisation=receiver_org, user=user):
        raise ValidationError(_("This organisation cannot be contacted through the atlas."), code="not_visible")
    message = _clean_message(message)
    # Lock the requester's row so that two requests sent at the same moment cannot both pass the limits.
    Organisation.objects.select_for_update().filter(pk=requester_org.pk).first()
    _check_pair(a=requester_org, b=receiver_org)
    intermediary = None
    profile = AtlasProfile.objects.filter(organisation=receiver_org).first()
    if profile is not None and profile.visibility == Visibility.ANONYMOUS:
        intermediary = profile.contact_intermediary
        if intermediary is None:
            raise ValidationError(
                _("This anonymous organisation has not named an intermediary for requests, so it cannot be contacted."),
                code="no_intermediary",
            )
    _check_limits(sender=requester_org, receivers=[receiver_org])
    request = ContactRequest.objects.create(
        kind=ContactRequest.Kind.DIRECT,
        requester=requester_org,
        receiver=receiver_org,
        broker=intermediary,
        created_by=user,
        message=message,
        requester_accepted=True,
        receiver_accepted=False,
    )
    _record(request=request, action=ContactEvent.Action.SENT, organisation=requester_org, user=user,
            base_url=base_url)  # fmt: skip
    return request


@transaction.atomic
def introduction_create(
    *, broker_org: Organisation, user, org_a: Organisation, org_b: Organisation, message: str, base_url: str = ""
) -> ContactRequest:
    """An intermediary introduces two organisations; both must accept before anything is shared."""
    if not sel.is_confirmed_intermediary(user):
        raise ValidationError(_("Only confirmed intermediaries can introduce organisations."), code="not_intermediary")
    _require_member(user=user, organisation=broker_org)
    if org_a.pk == org_b.pk:
        raise ValidationError(_("Choose two different organisations."), code="self_contact")
    if broker_org.pk in {org_a.pk, org_b.pk}:
        raise ValidationError(
            _("To contact an organisation yourself, ask for contact instead of introducing."), code="broker_is_party"
        )
    candidates = sel.introduction_candidates(user=user, broker_org=broker_org)
    if not all(candidates.filter(pk=org.pk).exists() for org in (org_a, org_b)):
        raise ValidationError(_("One of these organisations cannot be introduced through the atlas."),
                              code="not_visible")  # fmt: skip
    message = _clean_message(message)
    Organisation.objects.select_for_update().filter(pk=broker_org.pk).first()
    _check_pair(a=org_a, b=org_b)
    _check_limits(sender=broker_org, receivers=[org_a, org_b])
    request = ContactRequest.objects.create(
        kind=ContactRequest.Kind.INTRODUCTION,
        requester=org_a,
        receiver=org_b,
        broker=broker_org,
        created_by=user,
        message=message,
        requester_accepted=False,
        receiver_accepted=False,
    )
    _record(request=request, action=ContactEvent.Action.SENT, organisation=broker_org, user=user, base_url=base_url)
    return request


# --- answering ---------------------------------------------------------------------------------


def _lock(request: ContactRequest) -> ContactRequest:
    return ContactRequest.objects.select_for_update().get(pk=request.pk)


@transaction.atomic
def contact_request_decide(*, request: ContactRequest, user, accept: bool, base_url: str = "") -> ContactRequest:
    """Accept or decline. A direct request: the receiver (or its intermediary). An introduction: each side."""
    request = _lock(request)
    view = sel.contact_view(request=request, user=user)
    if request.state != ContactRequest.State.PENDING:
        raise ValidationError(_("This request has already been answered or withdrawn."), code="not_pending")
    if not view.can_decide:
        raise ValidationError(_("Only the organisation that was asked can answer this request."), code="not_allowed")
    if request.kind == ContactRequest.Kind.INTRODUCTION:
        # Someone who belongs to both sides answers for both.
        side = request.requester if view.is_requester and not request.requester_accepted else request.receiver
        if view.is_requester and not request.requester_accepted:
            request.requester_accepted = accept
        if view.is_receiver and not request.receiver_accepted:
            request.receiver_accepted = accept
    else:
        side = request.receiver
        request.receiver_accepted = accept
    note = ""
    if view.is_intermediary and not view.is_receiver:
        note = str(request.broker)
    if not accept:
        request.state = ContactRequest.State.DECLINED
    elif request.requester_accepted and request.receiver_accepted:
        request.state = ContactRequest.State.ACCEPTED
    request.save(update_fields=["state", "requester_accepted", "receiver_accepted", "updated_at"])
    action = ContactEvent.Action.ACCEPTED if accept else ContactEvent.Action.DECLINED
    _record(request=request, action=action, organisation=side, user=user, note=note, base_url=base_url)
    return request


@transaction.atomic
def contact_request_withdraw(*, request: ContactRequest, user, base_url: str = "") -> ContactRequest:
    """The requester (or, for an introduction, the broker) takes a pending request back."""
    request = _lock(request)
    view = sel.contact_view(request=request, user=user)
    if request.state != ContactRequest.State.PENDING:
        raise ValidationError(_("Only a request still waiting for an answer can be withdrawn."), code="not_pending")
    if not view.can_withdraw:
        raise ValidationError(_("Only the organisation that sent this request can withdraw it."), code="not_allowed")
    request.state = ContactRequest.State.WITHDRAWN
    request.save(update_fields=["state", "updated_at"])
    organisation = request.broker if request.kind == ContactRequest.Kind.INTRODUCTION else request.requester
    _record(request=request, action=ContactEvent.Action.WITHDRAWN, organisation=organisation, user=user,
            base_url=base_url)  # fmt: skip
    return request


# --- protection --------------------------------------------------------------------------------


@transaction.atomic
def block(*, blocker_org: Organisation, blocked_org: Organisation, user, base_url: str = "") -> Block:
    """The blocker receives no more requests or introductions with the blocked organisation.

    Requests from the blocked organisation that are still waiting are declined.
    """
    _require_member(user=user, organisation=blocker_org)
    if blocker_org.pk == blocked_org.pk:
        raise ValidationError(_("An organisation cannot block itself."), code="self_block")
    blocked, _created = Block.objects.get_or_create(blocker=blocker_org, blocked=blocked_org)
    waiting = ContactRequest.objects.select_for_update().filter(
        requester=blocked_org, receiver=blocker_org, state=ContactRequest.State.PENDING
    ) | ContactRequest.objects.select_for_update().filter(
        kind=ContactRequest.Kind.INTRODUCTION,
        requester=blocker_org,
        receiver=blocked_org,
        state=ContactRequest.State.PENDING,
    )
    for request in waiting:
        side = request.receiver if request.receiver_id == blocker_org.pk else request.requester
        request.state = ContactRequest.State.DECLINED
        request.save(update_fields=["state", "updated_at"])
        _record(request=request, action=ContactEvent.Action.DECLINED, organisation=side, user=user,
                base_url=base_url)  # fmt: skip
    return blocked


@transaction.atomic
def report(*, request: ContactRequest, user, reason: str, base_url: str = "") -> AbuseReport:
    """Tell the platform's staff about an unwanted or abusive request; they find it in the admin."""
    view = sel.contact_view(request=request, user=user)
    if not view.can_report:
        raise ValidationError(_("Only the organisation that received this request can report it."),
                              code="not_allowed")  # fmt: skip
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say briefly what is wrong with this request."), code="reason_missing")
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            _("The reason is too long: at most %(max)d characters."),
            code="reason_too_long",
            params={"max": REASON_MAX_LENGTH},
        )
    abuse = AbuseReport.objects.create(request=request, reporter=user, reason=reason)
    side = request.receiver if view.is_receiver or view.is_intermediary else request.requester
    _record(request=request, action=ContactEvent.Action.REPORTED, organisation=side, user=user, base_url=base_url)
    return abuse


# --- notifications -----------------------------------------------------------------------------


def notifications_mark_read(*, user, pks: list[int] | None = None, request: ContactRequest | None = None) -> int:
    """Mark the user's notifications (all, those given, or those of one request) as read; returns how many."""
    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if pks is not None:
        qs = qs.filter(pk__in=pks)
    if request is not None:
        qs = qs.filter(request=request)
    return qs.update(read_at=timezone.now())


def _recipients(*, request: ContactRequest, action: str, actor_org: Organisation | None, user):
    """Members of the organisations concerned by this step, except the person who took it."""
    if action == ContactEvent.Action.REPORTED:
        # Reports stay on the reporting side (and with staff): the reported side is not told.
        org_ids = {actor_org.pk} if actor_org is not None else set()
        if request.kind == ContactRequest.Kind.DIRECT and request.broker_id:
            org_ids |= {request.broker_id, request.receiver_id}
    else:
        org_ids = {request.requester_id, request.receiver_id}
        if request.broker_id is not None:
            org_ids.add(request.broker_id)
    memberships = (
        Membership.objects.filter(organisation_id__in=org_ids, user__is_active=True)
        .exclude(user=user)
        .select_related("user")
        .order_by("user_id")
    )
    seen, users = set(), []
    for membership in memberships:
        if membership.user_id not in seen:
            seen.add(membership.user_id)
            users.append(membership.user)
    return users


def _record(
    *, request: ContactRequest, action: str, organisation: Organisation | None, user, note: str = "", base_url: str
) -> None:
    ContactEvent.objects.create(request=request, action=action, organisation=organisation, user=user, note=note[:300])
    recipients = _recipients(request=request, action=action, actor_org=organisation, user=user)
    now = timezone.now()
    Notification.objects.bulk_create(
        [Notification(user=recipient, request=request, action=action, created_at=now) for recipient in recipients]
    )
    # The e-mails leave only once the step is stored for good.
    transaction.on_commit(lambda: _send_emails(request_pk=request.pk, action=action, recipients=recipients,
                                               base_url=base_url))  # fmt: skip


def _send_emails(*, request_pk: int, action: str, recipients, base_url: str) -> None:
    request = ContactRequest.objects.select_related(*sel.RELATED).get(pk=request_pk)
    for recipient in recipients:
        try:
            _send_email(request=request, action=action, recipient=recipient, base_url=base_url)
        except Exception:  # one unreachable address must not stop the others
            logger.exception("contact e-mail for request %s to user %s failed", request.pk, recipient.pk)


def _send_email(*, request: ContactRequest, action: str, recipient, base_url: str) -> None:
    language = recipient.language if recipient.language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    with translation.override(language):
        view = sel.contact_view(request=request, user=recipient)
        context = {
            "user": recipient,
            "action": action,
            "notice": sel.notice_text(request=request, action=action, user=recipient),
            "view": view,
            "request": request,
            "show_message": action == ContactEvent.Action.SENT,
            "accepted": request.state == ContactRequest.State.ACCEPTED,
            "url": base_url + reverse("contacts:detail", args=[request.pk]),
            "settings_url": base_url + reverse("contacts:notifications"),
        }
        subject = " ".join(render_to_string("contacts/email_subject.txt", context).split())
        body = render_to_string("contacts/email_body.txt", context)
    send_mail(subject, body, None, [recipient.email])
