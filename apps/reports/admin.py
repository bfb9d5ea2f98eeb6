from django.contrib import admin

from apps.reports.models import ReportType


@admin.register(ReportType)
class ReportTypeAdmin(admin.ModelAdmin):
    """The report types; their outline and statistics table are changed on their page (reports-guidance), which
    keeps the versions and the audit."""

    list_display = ("name", "basis", "is_current")
    fields = ("name", "basis", "is_current", "outline", "statistics")
    readonly_fields = ("outline", "statistics")
