import json

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import AdvisorAccess, Assessment, GroupRulesConfig

MAX_STAGE = 6
MAX_LEVEL = 5


def _pretty_json(value) -> str:
    return format_html("<pre>{}</pre>", json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True))


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    """Quickscans are the firms' own data: staff may look, filter and delete, but not change a score."""

    list_display = [
        "__str__",
        "organisation",
        "status",
        "completed_at",
        "overall_rounded",
        "band",
        "stage",
        "follower_group",
        "share_for_research",
    ]
    list_filter = ["status", "band", "stage", "follower_group", "country", "size_class", "share_for_research"]
    search_fields = ["organisation__name", "public_id"]
    list_select_related = ["organisation"]
    date_hierarchy = "completed_at"
    exclude = ["answers", "result"]
    readonly_fields = [
        "organisation",
        "created_by",
        "public_id",
        "status",
        "language",
        "questionnaire_version",
        "share_for_research",
        "started_at",
        "updated_at",
        "completed_at",
        "is_latest",
        "country",
        "size_class",
        "sector",
        "region",
        "overall",
        "band",
        *Assessment.DIMENSIONS,
        "stage",
        "stage_progress",
        "follower_group",
        "island_score",
        "answers_display",
        "result_display",
    ]

    @admin.display(description=_("overall score"), ordering="overall")
    def overall_rounded(self, obj: Assessment):
        return None if obj.overall is None else round(obj.overall, 1)

    @admin.display(description=_("answers"))
    def answers_display(self, obj: Assessment) -> str:
        return _pretty_json(obj.answers)

    @admin.display(description=_("result details"))
    def result_display(self, obj: Assessment) -> str:
        return _pretty_json(obj.result)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        # Viewing only: the change form shows every field read-only.
        return False


@admin.register(AdvisorAccess)
class AdvisorAccessAdmin(admin.ModelAdmin):
    list_display = ["organisation", "advisor", "granted_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["organisation__name", "advisor__name"]
    list_select_related = ["organisation", "advisor"]
    autocomplete_fields = ["organisation", "advisor"]
    readonly_fields = ["granted_by", "granted_at"]


class GroupRulesConfigForm(forms.ModelForm):
    class Meta:
        model = GroupRulesConfig
        fields = ["frontrunner_min_stage", "late_max_stage", "late_min_q4_level"]

    def clean_frontrunner_min_stage(self) -> int:
        value = self.cleaned_data["frontrunner_min_stage"]
        if not 1 <= value <= MAX_STAGE:
            raise ValidationError(_("Choose a stage from 1 to 6."))
        return value

    def clean_late_max_stage(self) -> int:
        value = self.cleaned_data["late_max_stage"]
        if not 0 <= value <= MAX_STAGE:
            raise ValidationError(_("Choose a stage from 0 to 6."))
        return value

    def clean_late_min_q4_level(self) -> int:
        value = self.cleaned_data["late_min_q4_level"]
        if not 1 <= value <= MAX_LEVEL:
            raise ValidationError(_("Choose a level from 1 (considering it) to 5 (in regular operation)."))
        return value

    def clean(self):
        cleaned = super().clean()
        late, frontrunner = cleaned.get("late_max_stage"), cleaned.get("frontrunner_min_stage")
        if late is not None and frontrunner is not None and late >= frontrunner:
            # Otherwise a company could be a Frontrunner and a Late Follower at once.
            self.add_error(
                "late_max_stage", _("The highest Late Follower stage must be below the lowest Frontrunner stage.")
            )
        return cleaned


@admin.register(GroupRulesConfig)
class GroupRulesConfigAdmin(admin.ModelAdmin):
    """One row: the thresholds in force. New results use them; earlier results keep theirs."""

    form = GroupRulesConfigForm
    list_display = ["__str__", "frontrunner_min_stage", "late_max_stage", "late_min_q4_level", "updated_at"]
    readonly_fields = ["updated_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and not GroupRulesConfig.objects.exists()

    def changelist_view(self, request: HttpRequest, extra_context=None):
        # There is only the one rule: go straight to it (or to creating it).
        config = GroupRulesConfig.objects.order_by("pk").first()
        if config is None and self.has_add_permission(request):
            return HttpResponseRedirect(reverse("admin:quickscan_grouprulesconfig_add"))
        if config is not None and self.has_view_or_change_permission(request, config):
            return HttpResponseRedirect(reverse("admin:quickscan_grouprulesconfig_change", args=[config.pk]))
        return super().changelist_view(request, extra_context)
