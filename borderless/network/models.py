"""Projects and who took part in them: the raw material of the collaboration network."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from borderless.organisations.models import Organisation


class Programme(models.TextChoices):
    INTERREG_IV = "interreg_iv", _("Interreg Deutschland-Nederland IV")
    INTERREG_V = "interreg_v", _("Interreg Deutschland-Nederland V")
    INTERREG_VI = "interreg_vi", _("Interreg Deutschland-Nederland VI")
    OPEN_FORMULA = "open_formula", _("Open-formula umbrella project")
    H2020 = "h2020", _("Horizon 2020")
    HORIZON_EUROPE = "horizon_europe", _("Horizon Europe")
    EUROSTARS = "eurostars", _("Eurostars")
    NATIONAL = "national", _("National or regional scheme")
    OTHER = "other", _("Other")


class Role(models.TextChoices):
    LEAD = "lead", _("Lead partner or coordinator")
    PARTNER = "partner", _("Partner")
    ASSOCIATED = "associated", _("Associated or indirect partner")
    THIRD_PARTY = "third_party", _("Third party receiving cascade funding")
    SUBCONTRACTOR = "subcontractor", _("Subcontractor")
    OTHER = "other", _("Other")


class ParticipantKind(models.TextChoices):
    """What kind of organisation a participant is, as the project data says (CORDIS activity types)."""

    COMPANY = "company", _("Company")
    KNOWLEDGE = "knowledge", _("Knowledge institution")
    AUTHORITY = "authority", _("Public authority")
    OTHER = "other", _("Other")


class Project(models.Model):
    """A cooperation project from a source such as CORDIS; `source_id` is the source's own identifier."""

    title = models.CharField(_("title"), max_length=500)
    acronym = models.CharField(_("acronym"), max_length=60, blank=True)
    programme = models.CharField(_("programme"), max_length=20, choices=Programme.choices)
    call = models.CharField(_("call"), max_length=200, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    total_cost = models.DecimalField(_("total cost"), max_digits=14, decimal_places=2, null=True, blank=True)
    funding = models.DecimalField(_("funding"), max_digits=14, decimal_places=2, null=True, blank=True)
    source = models.CharField(_("source"), max_length=20)
    source_id = models.CharField(_("identifier at the source"), max_length=40)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-start_date", "title"]
        constraints = [models.UniqueConstraint(fields=["source", "source_id"], name="network_project_source_unique")]

    def __str__(self) -> str:
        return self.acronym or self.title


class Participation(models.Model):
    """An organisation's part in a project.

    A partner that is not (yet) an organisation of the platform, for example one abroad or in a town
    the platform does not know, keeps its identity here (PIC, name, country, town) with `organisation`
    empty, so that the network has every partner.
    """

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="participations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
    )
    pic = models.CharField(_("PIC"), max_length=20, blank=True)
    name = models.CharField(_("name"), max_length=300)
    country = models.CharField(_("country"), max_length=2)
    city = models.CharField(_("town"), max_length=150, blank=True)
    nuts_code = models.CharField(_("NUTS code"), max_length=5, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=ParticipantKind.choices, blank=True)
    outside_programme_area = models.BooleanField(_("outside the programme area"), default=False)
    outside_nl_de = models.BooleanField(_("outside Germany and the Netherlands"), default=False)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    contribution = models.DecimalField(_("contribution"), max_digits=14, decimal_places=2, null=True, blank=True)
    ended_early = models.BooleanField(_("ended early"), default=False)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["project", "name"]
        constraints = [models.UniqueConstraint(fields=["project", "pic"], name="network_participation_pic_unique")]

    def __str__(self) -> str:
        return f"{self.name} @ {self.project}"

    @property
    def participant_key(self) -> str:
        """The network's node for this participant: the platform organisation, else the PIC."""
        if self.organisation_id is not None:
            return f"org:{self.organisation_id}"
        return f"pic:{self.pic}"
