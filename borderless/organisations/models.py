from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from borderless.core.instruments.texts import EUREGIO_NAMES
from borderless.core.organisations import SIZE_BANDS
from borderless.i18n.translation import translate


class Country(models.TextChoices):
    NL = "NL", _("Netherlands")
    DE = "DE", _("Germany")


class Euregio(models.Model):
    """One of the four Euregios of the Interreg Deutschland-Nederland programme area."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("Euregio")
        verbose_name_plural = _("Euregios")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The official name in the reader's language ("Euregio Rijn-Waal" for a Dutch reader)."""
        official = EUREGIO_NAMES.get(self.slug)
        return translate(official) if official is not None else self.name


class NutsRegion(models.Model):
    """A region of the NUTS 2021 classification (Eurostat) in Germany or the Netherlands."""

    code = models.CharField(_("NUTS code"), max_length=5, primary_key=True)
    level = models.PositiveSmallIntegerField(_("level"))
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    name = models.CharField(_("name"), max_length=150)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    in_programme_area = models.BooleanField(_("in the programme area"), default=False)
    euregio = models.ForeignKey(
        Euregio,
        verbose_name=_("Euregio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="regions",
    )
    # The shipped Euregio assignment is not from an official source; staff confirm or correct it.
    euregio_verified = models.BooleanField(_("Euregio assignment verified"), default=False)
    euregio_note = models.CharField(_("note on the Euregio assignment"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("NUTS region")
        verbose_name_plural = _("NUTS regions")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class NaceDivision(models.Model):
    """A division (two-digit code) of NACE Rev. 2, with Eurostat's labels in three languages."""

    code = models.CharField(_("code"), max_length=2, primary_key=True)
    section = models.CharField(_("section"), max_length=1)
    # Translated (translation.py): label_en, label_de, label_nl; `label` reads the active language.
    label = models.CharField(_("label"), max_length=250)

    class Meta:
        verbose_name = _("NACE division")
        verbose_name_plural = _("NACE divisions")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.label}"


class Town(models.Model):
    """A town with its GeoNames identifier and coordinates, placed in its NUTS-3 region."""

    geonameid = models.PositiveIntegerField(_("GeoNames ID"), primary_key=True)
    name = models.CharField(_("name"), max_length=150)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    population = models.PositiveIntegerField(_("population"), default=0)
    nuts3 = models.ForeignKey(
        NutsRegion,
        verbose_name=_("NUTS-3 region"),
        on_delete=models.PROTECT,
        related_name="towns",
        limit_choices_to={"level": 3},
    )

    class Meta:
        verbose_name = _("town")
        verbose_name_plural = _("towns")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"


class OrganisationKind(models.TextChoices):
    COMPANY = "company", _("Company")
    KNOWLEDGE = "knowledge", _("Knowledge institution")
    INTERMEDIARY = "intermediary", _("Intermediary")
    AUTHORITY = "authority", _("Public authority")
    FIELDLAB = "fieldlab", _("Field lab / lighthouse")
    HUB = "hub", _("Hub / EDIH")
    # A chamber, an industry association, a foundation: none of the kinds above (CORDIS's "OTH").
    OTHER = "other", _("Other organisation")


class SizeClass(models.TextChoices):
    MICRO = "micro", _("Micro (1–9 employees)")
    SMALL = "small", _("Small (10–49 employees)")
    MEDIUM = "medium", _("Medium (50–249 employees)")
    LARGE = "large", _("Large (250+ employees)")


assert [c.value for c in SizeClass] == [b.size_class.value for b in SIZE_BANDS]  # noqa: S101 - checked at import


class WorkingLanguage(models.TextChoices):
    DE = "de", _("German")
    NL = "nl", _("Dutch")
    EN = "en", _("English")


class OrganisationQuerySet(models.QuerySet):
    def listed(self):
        """Organisations shown by name in the public directory and API.

        The organisation consented to be listed, is confirmed (see `confirmed`), and has not chosen an
        anonymous atlas profile: a name in the directory beside an anonymous card with the same region,
        sector and size would tell who the anonymous firm is.
        """
        return self.filter(listed_publicly=True, confirmed=True).exclude(atlas_profile__visibility="anonymous")

    def confirmed(self):
        """Organisations that may act in their role: every company, and other kinds once staff confirmed them."""
        return self.filter(confirmed=True)

    def with_geography(self):
        return self.select_related(
            "town",
            "town__nuts3",
            "town__nuts3__parent",
            "town__nuts3__euregio",
            "euregio_override",
            "sector",
        )


class Organisation(models.Model):
    """A company, knowledge institution, intermediary, authority, field lab, hub or other organisation.

    NUTS-3 region and programme-area membership follow from the town, and so does the country when
    the town is known; the Euregio follows from the region unless staff set it for this organisation.
    An organisation whose place is not known (imported from a record that names none) keeps its
    country and has no town: it is listed with "place unknown", outside every region, and not on the map.
    The size class may be unknown too (empty).
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=OrganisationKind.choices)
    # The town's country whenever the town is known (see `clean`). The database default lets code that
    # predates the column (older migrations' models) still insert rows.
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, db_default="")
    town = models.ForeignKey(
        Town,
        verbose_name=_("town"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    euregio_override = models.ForeignKey(
        Euregio,
        verbose_name=_("Euregio (if it differs from the region's)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Empty: not known.
    size_class = models.CharField(_("size class"), max_length=8, choices=SizeClass.choices, blank=True)
    sector = models.ForeignKey(
        NaceDivision,
        verbose_name=_("sector (NACE division)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    founded_year = models.PositiveSmallIntegerField(_("founding year"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    # The European Commission's Participant Identification Code, as CORDIS publishes it.
    pic = models.CharField(_("PIC"), max_length=20, null=True, blank=True, unique=True)
    vat_number = models.CharField(_("VAT number"), max_length=20, blank=True, default="", db_default="")
    # Comma-separated language codes from WorkingLanguage, e.g. "de,nl".
    working_languages = models.CharField(_("working languages"), max_length=20, default="")
    description = models.TextField(_("short description"), blank=True)
    # The organisation's consent to appear in the public directory and API.
    listed_publicly = models.BooleanField(_("shown in the public directory"), default=False)
    # An intermediary, authority or other non-company organisation created at sign-up waits for staff
    # to confirm it: until then it is not listed, not offered as an adviser and reads no client data.
    confirmed = models.BooleanField(_("confirmed by staff"), default=True, db_default=True)
    # Why staff should look at this organisation (for example a name that matches another one).
    review_reason = models.CharField(_("to be reviewed by staff"), max_length=300, blank=True, default="")
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        related_name="organisations",
        verbose_name=_("members"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind"]), models.Index(fields=["listed_publicly", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", args=[self.slug])

    def clean(self) -> None:
        # The country follows from the town; only an organisation without a known town has its own.
        if self.town_id is not None:
            self.country = self.town.country

    @property
    def place_name(self) -> str:
        """The town's name, or "place unknown"."""
        return self.town.name if self.town_id is not None else str(_("place unknown"))

    def get_size_class_display(self) -> str:
        return str(SizeClass(self.size_class).label) if self.size_class else str(_("not known"))

    @property
    def nuts3(self) -> NutsRegion | None:
        return self.town.nuts3 if self.town_id is not None else None

    @property
    def in_programme_area(self) -> bool:
        return self.town_id is not None and self.town.nuts3.in_programme_area

    @property
    def euregio(self) -> Euregio | None:
        if self.euregio_override_id is not None:
            return self.euregio_override
        return self.town.nuts3.euregio if self.town_id is not None else None

    @property
    def euregio_verified(self) -> bool:
        return self.euregio_override_id is not None or (self.town_id is not None and self.town.nuts3.euregio_verified)

    @property
    def language_codes(self) -> list[str]:
        return [c for c in self.working_languages.split(",") if c]

    def get_working_languages_display(self) -> list[str]:
        return [str(WorkingLanguage(c).label) for c in self.language_codes if c in WorkingLanguage.values]


class Membership(models.Model):
    """A person's place in an organisation."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    # Managers edit the organisation's profile and invite colleagues.
    is_manager = models.BooleanField(_("manages the profile"), default=False)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"
