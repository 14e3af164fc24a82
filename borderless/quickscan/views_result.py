"""Results: the result page, the history, advisor access and an intermediary's clients."""

from __future__ import annotations

from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from borderless.accounts.selectors import confirmation_pending
from borderless.organisations.models import Organisation

from . import selectors, services
from .models import AdvisorAccess, Assessment
from .presentation import assessment_view, client_rows, history_view


def viewable_assessment(request: HttpRequest, public_id: UUID) -> Assessment:
    """The completed assessment, if this visitor may see it (404 otherwise)."""
    assessment = selectors.assessment_for_viewer(
        public_id=public_id,
        user=request.user,
        anonymous_key=request.session.get(services.ANONYMOUS_QUICKSCAN_KEY, ""),
    )
    if assessment.status != Assessment.Status.COMPLETED:
        raise Http404
    return assessment


@require_safe
def result(request: HttpRequest, public_id: UUID) -> HttpResponse:
    assessment = viewable_assessment(request, public_id)
    view = assessment_view(assessment, lang=get_language())
    return render(
        request,
        "quickscan/result.html",
        {
            "assessment": assessment,
            "view": view,
            "is_anonymous": assessment.organisation_id is None,
        },
    )


@login_required
@require_safe
def history(request: HttpRequest, slug: str = "") -> HttpResponse:
    if slug:
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None or not selectors.can_view_organisation_results(
            user=request.user, organisation=organisation
        ):
            raise Http404
        others: list[Organisation] = []
    else:
        mine = selectors.quickscan_organisations(user=request.user)
        organisation = mine[0] if mine else None
        others = mine[1:]
    assessments = selectors.assessment_history(organisation=organisation) if organisation else []
    return render(
        request,
        "quickscan/history.html",
        {
            "organisation": organisation,
            "other_organisations": others,
            "history": history_view(assessments, lang=get_language()),
            "is_member": organisation is not None and organisation.memberships.filter(user=request.user).exists(),
        },
    )


class GrantForm(forms.Form):
    advisor = forms.ModelChoiceField(
        label=gettext_lazy("Advising organisation"),
        queryset=Organisation.objects.none(),
        empty_label=gettext_lazy("Choose an organisation"),
        help_text=gettext_lazy(
            "Its members will see your quickscan results and their history until you revoke the access."
        ),
        error_messages={
            "required": gettext_lazy("Please choose the organisation that should see your results."),
            "invalid_choice": gettext_lazy("Please choose an organisation from the list."),
        },
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advisor"].queryset = selectors.advisor_candidates(organisation=organisation)


class RevokeForm(forms.Form):
    grant = forms.ModelChoiceField(
        queryset=AdvisorAccess.objects.none(),
        error_messages={
            "required": gettext_lazy("This access has already been revoked."),
            "invalid_choice": gettext_lazy("This access has already been revoked."),
        },
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grant"].queryset = selectors.active_advisor_grants(organisation=organisation)


@login_required
@require_http_methods(["GET", "POST"])
def advisors(request: HttpRequest) -> HttpResponse:
    """Who sees the firm's results: managers grant and revoke access, other members see the list."""
    mine = selectors.quickscan_organisations(user=request.user)
    slug = request.GET.get("organisation", "")
    organisation = next((org for org in mine if org.slug == slug), None) if slug else (mine[0] if mine else None)
    if organisation is None:
        raise Http404
    can_manage = selectors.managed_organisations(user=request.user).filter(pk=organisation.pk).exists()
    grant_form = GrantForm(organisation=organisation) if can_manage else None
    revoke_errors: list[str] = []
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        action = request.POST.get("action")
        if action == "grant":
            grant_form = GrantForm(request.POST, organisation=organisation)
            if grant_form.is_valid():
                advisor = grant_form.cleaned_data["advisor"]
                services.advisor_access_grant(organisation=organisation, advisor=advisor, user=request.user)
                messages.success(
                    request, _("%(advisor)s can now see your quickscan results.") % {"advisor": advisor.name}
                )
                return redirect(request.get_full_path())
        elif action == "revoke":
            revoke_form = RevokeForm(request.POST, organisation=organisation)
            if revoke_form.is_valid():
                grant = revoke_form.cleaned_data["grant"]
                services.advisor_access_revoke(grant=grant)
                messages.success(
                    request,
                    _("%(advisor)s can no longer see your quickscan results.") % {"advisor": grant.advisor.name},
                )
                return redirect(request.get_full_path())
            revoke_errors = revoke_form.errors.get("grant", [])
        else:
            revoke_errors = [_("Nothing was changed: the form was not understood.")]
    return render(
        request,
        "quickscan/advisors.html",
        {
            "organisation": organisation,
            "other_organisations": [org for org in mine if org.pk != organisation.pk],
            "can_manage": can_manage,
            "grants": selectors.active_advisor_grants(organisation=organisation),
            "grant_form": grant_form,
            "revoke_errors": revoke_errors,
            "confirmation_pending": confirmation_pending(user=request.user),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_safe
def clients(request: HttpRequest) -> HttpResponse:
    """The organisations that let the user's advising organisation see their results, with their progress.

    An intermediary or analyst whom staff have not confirmed yet is told so, and sees no client.
    """
    if confirmation_pending(user=request.user):
        return render(request, "quickscan/clients.html", {"clients": (), "confirmation_pending": True})
    if not selectors.may_advise(request.user):
        raise PermissionDenied
    progress = selectors.client_progress(user=request.user)
    return render(request, "quickscan/clients.html", {"clients": client_rows(progress, lang=get_language())})
