from django.contrib import admin

from .models import Participation, Project


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    raw_id_fields = ["organisation"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["acronym", "title", "programme", "start_date", "source", "source_id"]
    list_filter = ["programme", "source"]
    search_fields = ["title", "acronym", "source_id"]
    inlines = [ParticipationInline]
