from django.contrib import admin

from apps.reports.models import ReportType


@admin.register(ReportType)
class ReportTypeAdmin(admin.ModelAdmin):
    """Where an administrator changes the outline and the statistics table when the guidance changes."""

    list_display = ("name", "basis", "is_current")
    fields = ("name", "basis", "is_current", "outline", "statistics")
