"""Forms of the contact flow. They check the shape of the input; the rules live in services_contacts."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from borderless.organisations.models import Organisation

from .services import MESSAGE_MAX_LENGTH, REASON_MAX_LENGTH


class OrganisationField(forms.ModelChoiceField):
    """One of the user's own organisations, chosen by slug."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("empty_label", None)
        kwargs.setdefault(
            "error_messages",
            {
                "invalid_choice": _("Choose one of your organisations."),
                "required": _("Choose one of your organisations."),
            },
        )
        super().__init__(*args, **kwargs)


class ContactRequestForm(forms.Form):
    organisation = OrganisationField(label=_("On behalf of"), queryset=Organisation.objects.none())
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Who you are, what you are looking for and why this organisation. At most 1,000 characters."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].slug
            self.fields["organisation"].widget = forms.HiddenInput()


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("decline", _("Decline"))])


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this request?"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only the platform's staff read this. The other organisation is not told."),
    )


class BlockForm(forms.Form):
    organisation = OrganisationField(label=_("Block for"), queryset=Organisation.objects.none())

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class IntroductionForm(forms.Form):
    broker = OrganisationField(label=_("Introduce on behalf of"), queryset=Organisation.objects.none())
    organisation_a = forms.ModelChoiceField(
        label=_("First organisation"),
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        error_messages={"invalid_choice": _("Choose an organisation from the list.")},
    )
    organisation_b = forms.ModelChoiceField(
        label=_("Second organisation"),
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        error_messages={"invalid_choice": _("Choose an organisation from the list.")},
    )
    message = forms.CharField(
        label=_("Why should they meet?"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Both organisations read this. At most 1,000 characters."),
    )

    def __init__(self, *args, brokers, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["broker"].queryset = brokers
        if len(brokers) == 1:
            self.fields["broker"].initial = brokers[0].slug
            self.fields["broker"].widget = forms.HiddenInput()
        for name in ("organisation_a", "organisation_b"):
            self.fields[name].queryset = candidates
            self.fields[name].label_from_instance = _organisation_label

    def clean(self):
        data = super().clean()
        a, b = data.get("organisation_a"), data.get("organisation_b")
        if a is not None and a == b:
            self.add_error("organisation_b", _("Choose two different organisations."))
        return data


def _organisation_label(organisation: Organisation) -> str:
    return f"{organisation.name} ({organisation.place_name}, {organisation.country})"


class NotificationsReadForm(forms.Form):
    notification = forms.IntegerField(required=False, min_value=1)
