from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from borderless.core.accounts import normalise_email


class Role(models.TextChoices):
    SME = "sme", _("SME member")
    INTERMEDIARY = "intermediary", _("Intermediary")
    ANALYST = "analyst", _("Analyst")
    ADMIN = "admin", _("Staff admin")


class UserManager(BaseUserManager):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email: str | None) -> str:
        return normalise_email(email or "")

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        # Accounts made here (staff, demo, tests) count as verified; sign-up passes None.
        extra.setdefault("email_verified_at", timezone.now())
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("role", Role.ADMIN)
        extra.setdefault("role_confirmed", True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        # An exact match on the normal form: the same answer on SQLite and PostgreSQL.
        return self.get(email=normalise_email(username or ""))


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Signs in with an e-mail address; belongs to organisations through memberships."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.SME)
    # Intermediary and analyst roles give more rights; staff confirm them after sign-up.
    role_confirmed = models.BooleanField(_("role confirmed"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # When the person opened the confirmation link of their address; None: not yet (no log-in).
    email_verified_at = models.DateTimeField(_("e-mail address confirmed"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email

    @classmethod
    def normalize_username(cls, username):
        # Called by `clean()`, so every model form (the admin's too) stores the normal form.
        return normalise_email(username) if isinstance(username, str) else username

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def effective_role(self) -> str:
        """The role whose rights apply now: an unconfirmed role counts as SME member."""
        if self.is_staff:
            return Role.ADMIN
        return self.role if self.role_confirmed else Role.SME


class LimitEvent(models.Model):
    """One counted event of a limit (a failed log-in, a reset mail sent, a PDF made); see `limits`."""

    scope = models.CharField(_("limit"), max_length=32)
    key = models.CharField(_("counted for"), max_length=255)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("limit event")
        verbose_name_plural = _("limit events")
        ordering = ["-at"]
        indexes = [models.Index(fields=["scope", "key", "at"], name="limit_event_window")]

    def __str__(self) -> str:
        return f"{self.scope} {self.key} {self.at:%Y-%m-%d %H:%M}"


class LimitLock(models.Model):
    """One row per (scope, key), locked while its window is counted, so counting and storing are one step."""

    scope = models.CharField(max_length=32)
    key = models.CharField(max_length=255)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "key"], name="one_lock_per_limit_key")]

    def __str__(self) -> str:
        return f"{self.scope} {self.key}"
