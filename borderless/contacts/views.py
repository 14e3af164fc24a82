"""Pages of the contact flow: ask for contact, answer, withdraw, report, block, introduce, notifications.

Every change is a POST with a CSRF token. A request that is not the user's answers 404, whether it
exists or not. Refusals come back as translated messages and change nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from borderless.atlas.selectors import profile_for_viewer
from borderless.organisations.models import Organisation
from borderless.organisations.selectors import user_organisations

from . import selectors as sel
from . import services
from .forms import (
    BlockForm,
    ContactRequestForm,
    DecisionForm,
    IntroductionForm,
    NotificationsReadForm,
    ReportForm,
)
from .models import ContactRequest


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _error_messages(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


def _limits(organisations) -> list[dict]:
    return [
        {"organisation": org, "remaining": sel.remaining_today(organisation=org), "limit": sel.daily_limit()}
        for org in organisations
    ]


# --- asking for contact ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def contact_new(request: HttpRequest, slug: str) -> HttpResponse:
    card = profile_for_viewer(slug=slug, user=request.user)
    own = user_organisations(user=request.user).exclude(pk=card.organisation.pk)
    organisations = list(own)
    form = ContactRequestForm(request.POST or None, organisations=own)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                contact = services.contact_request_send(
                    requester_org=form.cleaned_data["organisation"],
                    receiver_org=card.organisation,
                    user=request.user,
                    message=form.cleaned_data["message"],
                    base_url=_base_url(request),
                )
            except ValidationError as error:
                for message in _error_messages(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("Your request has been sent. You will be told when it is answered."))
                return redirect("contacts:detail", pk=contact.pk)
        status = 400
    return render(
        request,
        "contacts/new.html",
        {
            "card": card,
            "form": form,
            "organisations": organisations,
            "limits": _limits(organisations),
            "receiver_limit": sel.receiver_daily_limit(),
            "intermediary": card.contact_intermediary,
        },
        status=status,
    )


# --- my requests -------------------------------------------------------------------------------


@login_required
def contacts(request: HttpRequest) -> HttpResponse:
    views = sel.contact_views_for_user(user=request.user)
    organisations = list(user_organisations(user=request.user))
    return render(
        request,
        "contacts/list.html",
        {
            "incoming": [v for v in views if v.request.kind == ContactRequest.Kind.DIRECT and not v.is_requester],
            "outgoing": [v for v in views if v.request.kind == ContactRequest.Kind.DIRECT and v.is_requester],
            "introductions": [v for v in views if v.request.kind == ContactRequest.Kind.INTRODUCTION],
            "limits": _limits(organisations),
            "daily_limit": sel.daily_limit(),
            "receiver_limit": sel.receiver_daily_limit(),
            "can_introduce": sel.broker_organisations(user=request.user).exists(),
        },
    )


def _detail(request: HttpRequest, contact: ContactRequest, *, errors=(), report_form=None, status=200) -> HttpResponse:
    view = sel.contact_view(request=contact, user=request.user)
    return render(
        request,
        "contacts/detail.html",
        {
            "view": view,
            "contact": contact,
            "blocker": contact.receiver if view.is_receiver else contact.requester,
            "history": sel.state_history(request=contact, user=request.user, view=view),
            "details": sel.contact_details_for(request=contact, viewer=request.user),
            "report_form": report_form or ReportForm(),
            "errors": list(errors),
        },
        status=status,
    )


@login_required
def contact_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contact = sel.contact_request_for_user(pk=pk, user=request.user)
    # Opening the request is reading its news.
    services.notifications_mark_read(user=request.user, request=contact)
    return _detail(request, contact)


@login_required
@require_POST
def contact_decide(request: HttpRequest, pk: int) -> HttpResponse:
    contact = sel.contact_request_for_user(pk=pk, user=request.user)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _detail(request, contact, errors=[_("Choose to accept or to decline.")], status=400)
    accept = form.cleaned_data["decision"] == "accept"
    try:
        contact = services.contact_request_decide(
            request=contact, user=request.user, accept=accept, base_url=_base_url(request)
        )
    except ValidationError as error:
        return _detail(request, contact, errors=_error_messages(error), status=400)
    if contact.state == ContactRequest.State.ACCEPTED:
        messages.success(request, _("You accepted. Both sides now see each other's contact details."))
    elif accept:
        messages.success(request, _("You accepted. Contact details are shared once the other side accepts too."))
    else:
        messages.success(request, _("You declined. Nothing has been shared."))
    return redirect("contacts:detail", pk=contact.pk)


@login_required
@require_POST
def contact_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    contact = sel.contact_request_for_user(pk=pk, user=request.user)
    try:
        services.contact_request_withdraw(request=contact, user=request.user, base_url=_base_url(request))
    except ValidationError as error:
        return _detail(request, contact, errors=_error_messages(error), status=400)
    messages.success(request, _("The request has been withdrawn."))
    return redirect("contacts:detail", pk=contact.pk)


@login_required
@require_POST
def contact_report(request: HttpRequest, pk: int) -> HttpResponse:
    contact = sel.contact_request_for_user(pk=pk, user=request.user)
    form = ReportForm(request.POST)
    if not form.is_valid():
        return _detail(request, contact, report_form=form, status=400)
    try:
        services.report(request=contact, user=request.user, reason=form.cleaned_data["reason"],
                        base_url=_base_url(request))  # fmt: skip
    except ValidationError as error:
        return _detail(request, contact, errors=_error_messages(error), report_form=form, status=400)
    messages.success(request, _("Thank you. The platform's staff will look at this request."))
    return redirect("contacts:detail", pk=contact.pk)


def _organisation_to_block(slug: str, user) -> tuple[Organisation, str]:
    """An organisation the user can name, with the name the user knows it by: one seen in the atlas (as its
    card names it), or one that contacted the user (as the request names it). Never more than that."""
    try:
        card = profile_for_viewer(slug=slug, user=user)
    except Http404:
        pass
    else:
        return card.organisation, card.name
    for view in sel.contact_views_for_user(user=user):
        target = view.block_target
        if target is not None and target.reference == slug:
            return target.organisation, target.name
    raise Http404


@login_required
@require_POST
def block(request: HttpRequest, slug: str) -> HttpResponse:
    blocked, blocked_name = _organisation_to_block(slug, request.user)
    form = BlockForm(request.POST, organisations=user_organisations(user=request.user).exclude(pk=blocked.pk))
    if not form.is_valid():
        for error in form.errors.get("organisation", []):
            messages.error(request, error)
        return render(request, "contacts/blocked.html", {"blocked_name": "", "form": form}, status=400)
    try:
        services.block(blocker_org=form.cleaned_data["organisation"], blocked_org=blocked, user=request.user,
                       base_url=_base_url(request))  # fmt: skip
    except ValidationError as error:
        for message in _error_messages(error):
            messages.error(request, message)
        return render(request, "contacts/blocked.html", {"blocked_name": "", "form": form}, status=400)
    return render(
        request,
        "contacts/blocked.html",
        {"blocked_name": blocked_name, "blocker": form.cleaned_data["organisation"], "form": form},
    )


# --- introductions -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def introduce(request: HttpRequest) -> HttpResponse:
    brokers = list(sel.broker_organisations(user=request.user))
    if not brokers:
        raise PermissionDenied
    chosen = brokers[0]
    slug = request.POST.get("broker") if request.method == "POST" else request.GET.get("broker")
    for broker in brokers:
        if broker.slug == slug:
            chosen = broker
    candidates = sel.introduction_candidates(user=request.user, broker_org=chosen)
    form = IntroductionForm(
        request.POST or None, brokers=sel.broker_organisations(user=request.user), candidates=candidates
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                contact = services.introduction_create(
                    broker_org=form.cleaned_data["broker"],
                    user=request.user,
                    org_a=form.cleaned_data["organisation_a"],
                    org_b=form.cleaned_data["organisation_b"],
                    message=form.cleaned_data["message"],
                    base_url=_base_url(request),
                )
            except ValidationError as error:
                for message in _error_messages(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("The introduction has been sent. Both organisations must accept it."))
                return redirect("contacts:detail", pk=contact.pk)
        status = 400
    return render(
        request,
        "contacts/introduce.html",
        {"form": form, "limits": _limits([chosen]), "receiver_limit": sel.receiver_daily_limit()},
        status=status,
    )


# --- notifications -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def notifications(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = NotificationsReadForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("This notification could not be found."))
            return redirect("contacts:notifications")
        pk = form.cleaned_data["notification"]
        services.notifications_mark_read(user=request.user, pks=[pk] if pk else None)
        return redirect("contacts:notifications")
    items = sel.notification_items(user=request.user)
    return render(
        request,
        "contacts/notifications.html",
        {"items": items, "unread": sum(1 for i in items if i["notification"].read_at is None)},
    )
