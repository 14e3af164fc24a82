from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.utils import ErrorDict
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from borderless.core.accounts import normalise_email
from borderless.organisations.forms import OrganisationProfileForm
from borderless.organisations.models import OrganisationKind

from .models import Role, User
from .services import ROLE_ORGANISATION_KINDS


class SignUpForm(OrganisationProfileForm):
    """A new account and the organisation it signs up for, in one form."""

    full_name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not a common password and not only digits."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    role = forms.ChoiceField(
        label=_("I sign up as"),
        choices=[
            (Role.SME, _("a member of a company (SME)")),
            (Role.INTERMEDIARY, _("an intermediary (development agency, chamber, hub, knowledge institution)")),
            (Role.ANALYST, _("a programme manager or policy analyst")),
        ],
        initial=Role.SME,
        widget=forms.RadioSelect,
        help_text=_("Intermediary and analyst accounts are confirmed by our staff before their extra rights apply."),
    )

    field_order = ["full_name", "email", "password1", "password2", "language", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].initial = OrganisationKind.COMPANY
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.order_fields(self.field_order)

    def account_fields(self):
        return [self[name] for name in self.field_order]

    def organisation_fields(self):
        return [self[name] for name in self.fields if name not in self.field_order]

    def clean_email(self):
        # Whether the address has an account is not said here: the sign-up mails its owner instead.
        return normalise_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", ValidationError(_("The two passwords differ."), code="password_mismatch"))
        elif p1:
            candidate = User(email=cleaned.get("email") or "", full_name=cleaned.get("full_name") or "")
            try:
                password_validation.validate_password(p1, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        role, kind = cleaned.get("role"), cleaned.get("kind")
        if role and kind and kind not in ROLE_ORGANISATION_KINDS[role]:
            allowed = ", ".join(str(OrganisationKind(k).label) for k in sorted(ROLE_ORGANISATION_KINDS[role]))
            self.add_error(
                "kind",
                ValidationError(
                    _("With this role the organisation must be one of: %(kinds)s."),
                    params={"kinds": allowed},
                    code="kind_for_role",
                ),
            )
        return cleaned

    def _post_clean(self):
        # The organisation is built by the sign-up service, not from this form's instance.
        pass


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )
    error_messages = {
        "invalid_login": _("The e-mail address or password is not correct."),
        "inactive": _("This account is inactive."),
        "unverified": _(
            "Please confirm your e-mail address first: open the link in the message we sent you when you signed up."
        ),
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.email_verified:
            raise ValidationError(self.error_messages["unverified"], code="unverified")

    def refuse(self, message: str) -> None:
        """Show `message` as the form's error without validating it: the password is not checked."""
        self._errors = ErrorDict()
        self.cleaned_data = {}
        self.add_error(None, message)

    @property
    def needs_confirmation(self) -> bool:
        """The password was right, but the address is not confirmed yet."""
        return self.has_error(NON_FIELD_ERRORS, "unverified")


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "language"]
        labels = {"full_name": _("Your name"), "language": _("Language")}


class PasswordResetRequestForm(PasswordResetForm):
    """Sends the reset e-mail in the language the person chose for their account."""

    email = forms.EmailField(
        label=_("E-mail address"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def get_users(self, email):
        # The stored address is in its normal form; an exact match finds it on every database.
        users = User.objects.filter(email=normalise_email(email), is_active=True)
        return (user for user in users if user.has_usable_password())

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        with translation.override(context["user"].language):
            super().send_mail(
                subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name
            )


class ConfirmationResendForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
