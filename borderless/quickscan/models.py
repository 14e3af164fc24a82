import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from borderless.core.quickscan.groups import GroupRules
from borderless.organisations.models import Organisation

QUESTIONNAIRE_VERSION = "2026.1"


class Band(models.TextChoices):
    BASIC = "basic", _("Basic")
    AVERAGE = "average", _("Average")
    MODERATELY_ADVANCED = "moderately_advanced", _("Moderately advanced")
    ADVANCED = "advanced", _("Advanced")


class FollowerGroup(models.TextChoices):
    # The strategy's own terms; kept in English in every language.
    FRONTRUNNER = "frontrunner", "Frontrunner"
    FAST_FOLLOWER = "fast_follower", "Fast Follower"
    LATE_FOLLOWER = "late_follower", "Late Follower"


class AssessmentQuerySet(models.QuerySet):
    def completed(self):
        return self.filter(status=Assessment.Status.COMPLETED)


class Assessment(models.Model):
    """One quickscan of one organisation: its answers and, once completed, its scores.

    The scores are stored beside the answers so that history, peer comparison and exports
    read columns instead of re-scoring; `result` keeps the full explanation for display.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        COMPLETED = "completed", _("Completed")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A visitor's quickscan belongs to their browser session until they register.
    anonymous_key = models.CharField(max_length=64, blank=True, db_index=True)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    language = models.CharField(_("language"), max_length=8, default="en")
    questionnaire_version = models.CharField(max_length=16, default=QUESTIONNAIRE_VERSION)
    answers = models.JSONField(_("answers"), default=dict)
    # The organisation's consent to use this result, without its name, in regional statistics.
    share_for_research = models.BooleanField(_("share de-identified for regional statistics"), default=False)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True, db_index=True)
    # The organisation's newest completed assessment; peers are compared on these only (one per firm).
    is_latest = models.BooleanField(default=False)

    # Company data at the time of the assessment (for peer groups and exports).
    country = models.CharField(_("country"), max_length=2, blank=True)
    size_class = models.CharField(_("size class"), max_length=8, blank=True)
    sector = models.CharField(_("sector"), max_length=2, blank=True)
    region = models.CharField(_("NUTS-3 region"), max_length=5, blank=True)

    overall = models.FloatField(_("overall score"), null=True, blank=True)
    band = models.CharField(_("band"), max_length=24, choices=Band.choices, blank=True)
    d1 = models.FloatField(_("digital business strategy"), null=True, blank=True)
    d2 = models.FloatField(_("digital readiness"), null=True, blank=True)
    d3 = models.FloatField(_("human-centric digitalisation"), null=True, blank=True)
    d4 = models.FloatField(_("data management and connectedness"), null=True, blank=True)
    d5 = models.FloatField(_("automation and artificial intelligence"), null=True, blank=True)
    d6 = models.FloatField(_("green digitalisation"), null=True, blank=True)
    stage = models.PositiveSmallIntegerField(_("acatech stage"), null=True, blank=True)
    stage_progress = models.FloatField(_("progress towards the next stage"), null=True, blank=True)
    follower_group = models.CharField(_("follower group"), max_length=16, choices=FollowerGroup.choices, blank=True)
    island_score = models.FloatField(_("island score"), null=True, blank=True)
    result = models.JSONField(_("result details"), default=dict, blank=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-completed_at", "-started_at"]
        indexes = [
            models.Index(fields=["is_latest", "country", "size_class", "sector"], name="assessment_peers"),
            models.Index(fields=["organisation", "status", "completed_at"], name="assessment_history"),
        ]

    def __str__(self) -> str:
        owner = self.organisation or _("anonymous")
        return f"{owner} {self.completed_at or self.started_at:%Y-%m-%d}"

    DIMENSIONS = ("d1", "d2", "d3", "d4", "d5", "d6")

    @property
    def dimension_scores(self) -> dict[str, float | None]:
        return {f"D{i + 1}": getattr(self, f) for i, f in enumerate(self.DIMENSIONS)}


class AdvisorAccess(models.Model):
    """An organisation lets an intermediary see its quickscan results."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="advisor_grants"
    )
    advisor = models.ForeignKey(
        Organisation, verbose_name=_("advising organisation"), on_delete=models.CASCADE, related_name="client_grants"
    )
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("advisor access")
        verbose_name_plural = _("advisor accesses")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "advisor"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_active_grant_per_advisor",
            )
        ]

    def __str__(self) -> str:
        return f"{self.advisor} → {self.organisation}"


class GroupRulesConfig(models.Model):
    """Staff-configurable thresholds of the follower-group rule (one row)."""

    frontrunner_min_stage = models.PositiveSmallIntegerField(_("Frontrunner: lowest acatech stage"), default=4)
    late_max_stage = models.PositiveSmallIntegerField(_("Late Follower: highest acatech stage"), default=2)
    late_min_q4_level = models.PositiveSmallIntegerField(
        _("advanced technology counts as piloted from level"),
        default=2,
        help_text=_("0 not used, 1 considering, 2 prototyping, 3 testing, 4 implementing, 5 operational"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("follower-group rule")
        verbose_name_plural = _("follower-group rule")

    def __str__(self) -> str:
        return str(_("Follower-group rule"))

    def as_rules(self) -> GroupRules:
        return GroupRules(
            frontrunner_min_stage=self.frontrunner_min_stage,
            late_max_stage=self.late_max_stage,
            late_min_q4_level=self.late_min_q4_level,
        )


class ReportPdf(models.Model):
    """A PDF report made for one assessment in one language, kept so that any app server can send it again.

    It is made again when it is older than a day (the peer comparison moves on) or when what it was
    made from has changed (`source`: the assessment's and the organisation's last change).
    """

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="pdf_reports"
    )
    language = models.CharField(_("language"), max_length=8)
    source = models.CharField(max_length=64)
    content = models.BinaryField()
    created_at = models.DateTimeField(_("made"))

    class Meta:
        verbose_name = _("PDF report")
        verbose_name_plural = _("PDF reports")
        constraints = [models.UniqueConstraint(fields=["assessment", "language"], name="one_pdf_per_language")]

    def __str__(self) -> str:
        return f"{self.assessment} {self.language}"
