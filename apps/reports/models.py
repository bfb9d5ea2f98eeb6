"""The unit's periodic CCHC report: a draft with narrative sections, frozen as a version at each submission."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from apps.plans.models import Area
from apps.tracking.models import Period
from apps.units.models import Unit
from cchc.versioning import Versioned


class ReportState(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    SUBMITTED = "submitted", "Đã gửi, chờ thẩm định"
    ACCEPTED = "accepted", "Đã chấp nhận"
    RETURNED = "returned", "Bị trả lại"


class SectionKind(models.TextChoices):
    RESULTS = "results", "Kết quả thực hiện"
    SHORTCOMINGS = "shortcomings", "Tồn tại, hạn chế và nguyên nhân"
    NEXT_TASKS = "next_tasks", "Nhiệm vụ trọng tâm kỳ tới"
    PROPOSALS = "proposals", "Đề xuất, kiến nghị"


class Report(Versioned):
    """One governing unit's report for one period. Editable while a draft or returned; frozen once submitted."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="reports", verbose_name="đơn vị")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="reports", verbose_name="kỳ báo cáo")
    state = models.CharField("trạng thái", max_length=20, choices=ReportState.choices, default=ReportState.DRAFT)
    number = models.CharField("số báo cáo", max_length=20, blank=True)
    signer = models.CharField("người ký", max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    returned_at = models.DateTimeField(null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    return_reason = models.TextField("lý do trả lại", blank=True)

    class Meta:
        ordering = ["-period__end", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["unit", "period"], name="unique_report_per_period")]
        verbose_name = "báo cáo"
        verbose_name_plural = "báo cáo"

    def __str__(self) -> str:
        return f"Báo cáo CCHC {self.period} – {self.unit}"

    @property
    def is_editable(self) -> bool:
        return self.state in (ReportState.DRAFT, ReportState.RETURNED)

    def is_late(self, today: dt.date | None = None) -> bool:
        """Late when first submitted after the due date, or not submitted and the due date has passed."""
        if self.first_submitted_at is not None:
            return timezone.localdate(self.first_submitted_at) > self.period.due_on
        return (today or timezone.localdate()) > self.period.due_on


class ReportVersion(models.Model):
    """What one submission said: figures, task lists and narrative, frozen as JSON; never changed afterwards."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("lần gửi")
    content = models.JSONField(encoder=DjangoJSONEncoder)
    submitted_at = models.DateTimeField(default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["report", "-number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="unique_report_version")]
        verbose_name = "lần gửi báo cáo"
        verbose_name_plural = "lần gửi báo cáo"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValueError("A submitted report version is never changed.")
        super().save(*args, **kwargs)


class ReportSection(models.Model):
    """A narrative part of a report: the results of one area, or one of the closing sections."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(max_length=20, choices=SectionKind.choices)
    area = models.CharField("lĩnh vực", max_length=30, choices=Area.choices, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField("nội dung", blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["report", "kind", "area"], name="unique_report_section")]

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.area}" if self.area else self.kind

    @property
    def title(self) -> str:
        return Area(self.area).label if self.area else SectionKind(self.kind).label


class RenderState(models.TextChoices):
    QUEUED = "queued", "Đang chờ lập"
    RUNNING = "running", "Đang lập"
    DONE = "done", "Đã lập xong"
    FAILED = "failed", "Không lập được"


class CityReport(models.Model):
    """The city's consolidated report of one period (.docx and .xlsx), rendered by the background worker from the
    accepted unit reports; each request is a row, so the page shows its state and the files of the last one."""

    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="city_reports", verbose_name="kỳ báo cáo")
    state = models.CharField("trạng thái", max_length=20, choices=RenderState.choices, default=RenderState.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    docx = models.FileField(upload_to="reports/city/%Y/", blank=True)
    xlsx = models.FileField(upload_to="reports/city/%Y/", blank=True)
    built_from = models.JSONField("các lần gửi đã tổng hợp", default=list, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = "báo cáo tổng hợp của thành phố"
        verbose_name_plural = "báo cáo tổng hợp của thành phố"

    def __str__(self) -> str:
        return f"Báo cáo tổng hợp CCHC {self.period}"

    @property
    def is_working(self) -> bool:
        return self.state in (RenderState.QUEUED, RenderState.RUNNING)
