"""Projects and who took part in them: the raw material of the collaboration network."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from borderless.core import project_sheet
from borderless.core.names import name_key
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


def programme_from_name(text: str) -> str:
    """The programme a free-text name means ("Digipro (Interreg V-A)", "Interreg VI Deutschland-Nederland")."""
    found = project_sheet.programme_for(text)
    return Programme(found.value) if found is not None else Programme.OTHER


class Role(models.TextChoices):
    LEAD = "lead", _("Lead partner or coordinator")
    PARTNER = "partner", _("Partner")
    ASSOCIATED = "associated", _("Associated or indirect partner")
    THIRD_PARTY = "third_party", _("Third party receiving cascade funding")
    SUBCONTRACTOR = "subcontractor", _("Subcontractor")
    OTHER = "other", _("Other")


class Phase(models.TextChoices):
    """The phase of an open-formula project (Digipro's cascade: concept, feasibility, development)."""

    CONCEPT = "concept", _("Concept development")
    FEASIBILITY = "feasibility", _("Feasibility study")
    DEVELOPMENT = "development", _("Development project")


class ParticipantKind(models.TextChoices):
    """What kind of organisation a participant is, as the project data says (CORDIS activity types)."""

    COMPANY = "company", _("Company")
    KNOWLEDGE = "knowledge", _("Knowledge institution")
    AUTHORITY = "authority", _("Public authority")
    OTHER = "other", _("Other")


def participant_kind_of(organisation_kind: str) -> str:
    """The participant kind of a platform organisation's kind (field labs, hubs, intermediaries: other)."""
    return organisation_kind if organisation_kind in ParticipantKind.values else ParticipantKind.OTHER


class Project(models.Model):
    """A cooperation project from a source such as CORDIS; `source_id` is the source's own identifier."""

    title = models.CharField(_("title"), max_length=500)
    acronym = models.CharField(_("acronym"), max_length=60, blank=True)
    programme = models.CharField(_("programme"), max_length=20, choices=Programme.choices)
    # The programme as the source names it ("Digipro (Interreg V-A)"), where `programme` is coarser.
    programme_detail = models.CharField(_("programme as the source names it"), max_length=200, blank=True)
    call = models.CharField(_("call"), max_length=200, blank=True)
    # A project funded by an open-formula umbrella project (Digipro's cascade projects) names it, with
    # the module and phase it was funded in.
    umbrella = models.ForeignKey(
        "self",
        verbose_name=_("umbrella project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cascade_projects",
    )
    module = models.CharField(_("module"), max_length=200, blank=True)
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    # The year the project started; with `start_date` it is that date's year. Some sources (the
    # atlas's project list) know only the year, which is all the network's periods need.
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True, db_index=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    total_cost = models.DecimalField(_("total cost"), max_digits=14, decimal_places=2, null=True, blank=True)
    funding = models.DecimalField(_("funding"), max_digits=14, decimal_places=2, null=True, blank=True)
    source = models.CharField(_("source"), max_length=20)
    source_id = models.CharField(_("identifier at the source"), max_length=40)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-start_year", "-start_date", "title"]
        constraints = [models.UniqueConstraint(fields=["source", "source_id"], name="network_project_source_unique")]

    def __str__(self) -> str:
        return self.acronym or self.title

    def save(self, *args, **kwargs) -> None:
        if self.start_date is not None:
            self.start_year = self.start_date.year
        super().save(*args, **kwargs)

    @property
    def starts_on(self) -> datetime.date | None:
        """The start date, or the first of January of the start year where only the year is known."""
        if self.start_date is not None:
            return self.start_date
        return datetime.date(self.start_year, 1, 1) if self.start_year else None


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
        constraints = [
            models.UniqueConstraint(
                fields=["project", "pic"], condition=~models.Q(pic=""), name="network_participation_pic_unique"
            ),
            models.UniqueConstraint(
                fields=["project", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="network_participation_organisation_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} @ {self.project}"

    @property
    def participant_key(self) -> str:
        """The network's node for this participant: the platform organisation, else the PIC."""
        return participant_key(organisation_id=self.organisation_id, pic=self.pic, name=self.name, country=self.country)


def participant_key(*, organisation_id: int | None, pic: str, name: str, country: str) -> str:
    """A participant's node in the network: the platform organisation, else its PIC, else name and country."""
    if organisation_id is not None:
        return f"org:{organisation_id}"
    if pic:
        return f"pic:{pic}"
    return f"name:{country}:{name_key(name)}"


class RunState(models.TextChoices):
    RUNNING = "running", _("Being computed")
    DONE = "done", _("Computed")
    FAILED = "failed", _("Failed")


class NetworkRun(models.Model):
    """One computation of the network's figures over every period, by the task runner.

    Pages read the latest finished run and say when it was computed; a run that is being computed
    or failed never replaces the one before.
    """

    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    computed_at = models.DateTimeField(_("computed"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=RunState.choices, default=RunState.RUNNING)
    reason = models.CharField(_("reason"), max_length=20, blank=True)  # "import", "nightly", "manual"
    max_participants = models.PositiveSmallIntegerField(_("largest consortium that makes ties"))
    projects = models.PositiveIntegerField(_("projects"), default=0)
    participations = models.PositiveIntegerField(_("participations"), default=0)
    # The sources the figures come from, as "cordis", "sheet:digipro", "atlas" with their project counts.
    sources = models.JSONField(_("sources"), default=dict)
    job = models.ForeignKey(
        "jobs.Job", verbose_name=_("job"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("network computation")
        verbose_name_plural = _("network computations")
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_state_display()} {self.computed_at or self.started_at:%Y-%m-%d %H:%M}"


class PeriodFigures(models.Model):
    """A period's report (the JSON `network_report` prints, with the time series' figures)."""

    run = models.ForeignKey(NetworkRun, verbose_name=_("computation"), on_delete=models.CASCADE, related_name="periods")
    kind = models.CharField(_("kind of period"), max_length=10)  # "programme" or "year"
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))
    label = models.CharField(_("period"), max_length=9)
    report = models.JSONField(_("report"), default=dict)

    class Meta:
        verbose_name = _("figures of a period")
        verbose_name_plural = _("figures of periods")
        ordering = ["run", "kind", "first_year"]
        constraints = [models.UniqueConstraint(fields=["run", "kind", "first_year"], name="network_period_unique")]

    def __str__(self) -> str:
        return self.label


class OrganisationFigures(models.Model):
    """One organisation's figures in one period (organisations with a participation in that period)."""

    period = models.ForeignKey(
        PeriodFigures, verbose_name=_("period"), on_delete=models.CASCADE, related_name="organisations"
    )
    node = models.CharField(_("node"), max_length=80)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="network_figures",
    )
    name = models.CharField(_("name"), max_length=300)
    country = models.CharField(_("country"), max_length=2, blank=True)
    nuts3 = models.CharField(_("NUTS-3 region"), max_length=5, blank=True)
    kind = models.CharField(_("kind"), max_length=16, blank=True)
    size = models.CharField(_("size"), max_length=16, blank=True)
    participations = models.PositiveIntegerField(_("participations"), default=0)
    degree = models.PositiveIntegerField(_("partners"), default=0)
    weighted_degree = models.PositiveIntegerField(_("joint projects with partners"), default=0)
    cross_border_partners = models.PositiveIntegerField(_("partners across the border"), default=0)
    betweenness = models.FloatField(_("betweenness"), default=0)
    constraint = models.FloatField(_("constraint"), null=True, blank=True)
    component = models.PositiveIntegerField(_("component"), null=True, blank=True)
    phase = models.CharField(_("phase"), max_length=16, blank=True)
    coordinator = models.FloatField(_("coordinator"), default=0)
    itinerant = models.FloatField(_("itinerant"), default=0)
    boundary_spanner = models.FloatField(_("boundary spanner"), default=0)
    liaison = models.FloatField(_("liaison"), default=0)
    # "newcomer", "returning", or "" in the data's first period (where no one can be told apart).
    arrival = models.CharField(_("newcomer or returning"), max_length=10, blank=True)
    usual_suspect = models.BooleanField(_("usual suspect"), default=False)

    class Meta:
        verbose_name = _("figures of an organisation")
        verbose_name_plural = _("figures of organisations")
        ordering = ["period", "-degree", "name"]
        constraints = [models.UniqueConstraint(fields=["period", "node"], name="network_figures_node_unique")]
        indexes = [models.Index(fields=["period", "country", "phase"]), models.Index(fields=["period", "nuts3"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.period})"
