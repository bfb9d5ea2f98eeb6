"""Tracking: reporting periods, task updates with evidence, indicator measurements, reminders."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.text import slugify

from apps.plans.models import Plan, Target, Task, TaskState
from apps.units.models import Unit
from cchc.versioning import Versioned


class PeriodKind(models.TextChoices):
    Q1 = "q1", "Quý I"
    H1 = "h1", "6 tháng"
    Q3 = "q3", "Quý III"
    YEAR = "year", "Năm"


# A period as a sentence names it ("báo cáo CCHC quý I năm 2026"): the kind in lower case, the year after "năm".
PERIOD_WORDS = {
    PeriodKind.Q1: "quý I năm {year}",
    PeriodKind.H1: "6 tháng đầu năm {year}",
    PeriodKind.Q3: "quý III năm {year}",
    PeriodKind.YEAR: "năm {year}",
}


def period_words(code: str) -> str:
    """'quý I năm 2026', '6 tháng đầu năm 2026', 'năm 2026' for a period's code (``2026-q1``)."""
    year, kind = code.split("-")
    return PERIOD_WORDS[kind].format(year=year)


# Data windows per DOMAIN.md (as the guidance says): (start month, start day, start in previous year?),
# (end month, end day); reports are due on the 20th of the period's last month.
DEFAULT_WINDOWS = {
    PeriodKind.Q1: ((12, 15, True), (3, 14), 3),
    PeriodKind.H1: ((12, 15, True), (6, 14), 6),
    PeriodKind.Q3: ((6, 15, False), (9, 14), 9),
    PeriodKind.YEAR: ((12, 15, True), (12, 14), 12),
}


class Period(models.Model):
    """A reporting period with its data window; rows are data the standing body can correct."""

    kind = models.CharField("kỳ", max_length=10, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField("năm")
    start = models.DateField("số liệu từ")
    end = models.DateField("số liệu đến")
    due_on = models.DateField("hạn gửi báo cáo")

    class Meta:
        ordering = ["end"]
        constraints = [models.UniqueConstraint(fields=["kind", "year"], name="unique_period")]
        verbose_name = "kỳ báo cáo"
        verbose_name_plural = "kỳ báo cáo"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"

    def save(self, *args, **kwargs) -> None:
        adding = self._state.adding
        super().save(*args, **kwargs)
        if not adding:  # a corrected end moves the copy its figures keep (Measurement.period_end)
            self.measurements.exclude(period_end=self.end).update(period_end=self.end)

    @property
    def code(self) -> str:
        """The period's code in the API and the figures' forms: ``2026-q1``, ``2026-h1``, ``2026-year``."""
        return f"{self.year}-{self.kind}"

    @property
    def words(self) -> str:
        """The period as a title or a sentence names it: ``quý I năm 2026``, ``năm 2026``."""
        return period_words(self.code)

    @property
    def file_part(self) -> str:
        """The period in the name of a file people download, as they read it: ``quy-i-2026``, ``nam-2026``."""
        return slugify(str(self))

    @classmethod
    def ensure_year(cls, year: int) -> list[Period]:
        """Create the year's four periods from the default windows where they are missing."""
        return cls.ensure_years([year])

    @classmethod
    def ensure_years(cls, years) -> list[Period]:
        """The four periods of each year, those missing created from the default windows; one query when all are
        there (pages that offer every period of a five-year plan ask for them on each view)."""
        years = sorted(set(years))
        found = {(p.year, p.kind): p for p in cls.objects.filter(year__in=years)}
        periods = []
        for year in years:
            for kind, ((sm, sd, prev), (em, ed), due_month) in DEFAULT_WINDOWS.items():
                period = found.get((year, kind))
                if period is None:
                    period, _ = cls.objects.get_or_create(
                        kind=kind,
                        year=year,
                        defaults={
                            "start": dt.date(year - 1 if prev else year, sm, sd),
                            "end": dt.date(year, em, ed),
                            "due_on": dt.date(year, due_month, 20),
                        },
                    )
                periods.append(period)
        return periods

    @classmethod
    def containing(cls, day: dt.date) -> Period | None:
        """The shortest period whose window holds the day."""
        cls.ensure_year(day.year)
        if day.month == 12 and day.day >= 15:
            cls.ensure_year(day.year + 1)
        candidates = cls.objects.filter(start__lte=day, end__gte=day)
        return min(candidates, key=lambda p: p.end - p.start, default=None)


class Evidence(models.Model):
    """A file that proves something (the output of a task, the source of a figure). Attached to any object."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    file = models.FileField(upload_to="evidence/%Y/%m/")
    original_name = models.CharField("tên tệp", max_length=255)
    content_kind = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = "minh chứng"
        verbose_name_plural = "minh chứng"

    def __str__(self) -> str:
        return self.original_name


class UpdateStatus(models.TextChoices):
    """Where an agency's update or figure stands in the standing officer's review."""

    SUBMITTED = "submitted", "Chờ duyệt"
    ACCEPTED = "accepted", "Đã chấp nhận"
    RETURNED = "returned", "Bị trả lại"


class Reviewed(models.Model):
    """Work an agency sends to the standing officer: submitted, then accepted or returned (who, when, why).
    Accepted work is what the periodic reports count; the standing officer's own work is accepted as entered."""

    status = models.CharField(
        "trạng thái duyệt", max_length=20, choices=UpdateStatus.choices, default=UpdateStatus.SUBMITTED
    )
    return_reason = models.TextField("lý do trả lại", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField("lúc duyệt", null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def waiting(self) -> bool:
        return self.status == UpdateStatus.SUBMITTED


class TaskUpdate(Reviewed, Versioned):
    """A report on a task: state, progress, comment and evidence. The standing officer accepts or returns it."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField("tình trạng", max_length=20, choices=TaskState.choices)
    progress = models.PositiveSmallIntegerField("tiến độ (%)", default=0)
    comment = models.TextField("nội dung cập nhật", blank=True)
    completed_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    evidence = GenericRelation(Evidence)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="taskupdate_review_idx")]
        verbose_name = "cập nhật nhiệm vụ"
        verbose_name_plural = "cập nhật nhiệm vụ"


class Measurement(Reviewed, Versioned):
    """The value of a target's indicator for one reporting period."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="measurements")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="measurements")
    # the period's end, copied so that a target's latest figure is one index step (dashboards read it for every
    # target of a city); set on save, kept by Period.save
    period_end = models.DateField(editable=False)
    value = models.DecimalField("giá trị", max_digits=12, decimal_places=2)
    numerator = models.DecimalField("tử số", max_digits=14, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField("mẫu số", max_digits=14, decimal_places=2, null=True, blank=True)
    source = models.CharField("nguồn số liệu", max_length=300, blank=True)
    note = models.TextField("ghi chú", blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    entered_at = models.DateTimeField(auto_now=True)
    evidence = GenericRelation(Evidence)

    class Meta:
        ordering = ["period_end"]
        constraints = [models.UniqueConstraint(fields=["target", "period"], name="unique_measurement")]
        indexes = [
            models.Index(fields=["status", "entered_at"], name="measurement_review_idx"),
            models.Index(fields=["target", "-period_end"], name="measurement_latest_idx"),
        ]
        verbose_name = "số liệu kỳ báo cáo"
        verbose_name_plural = "số liệu kỳ báo cáo"

    def save(self, *args, **kwargs) -> None:
        if self.period_end is None:
            self.period_end = self.period.end
        super().save(*args, **kwargs)


class NotificationKind(models.TextChoices):
    WAITING = "waiting", "Chờ duyệt"
    RETURNED = "returned", "Bị trả lại"
    DUE_7 = "due_7", "Còn 7 ngày đến hạn"
    DUE_1 = "due_1", "Còn 1 ngày đến hạn"
    OVERDUE = "overdue", "Quá hạn"
    PLAN_PUBLISHED = "plan_published", "Kế hoạch ban hành"
    PLAN_REPLACED = "plan_replaced", "Kế hoạch được thay thế"
    REPORT_DUE_7 = "report_due_7", "Còn 7 ngày đến hạn gửi báo cáo"
    REPORT_DUE_1 = "report_due_1", "Còn 1 ngày đến hạn gửi báo cáo"


class Notification(models.Model):
    """One event told to one user, in the app (and by e-mail when they have an address): its own time and text,
    never rewritten — a second return is a second notification. A deadline reminder is for a day (``sent_on``):
    at most one per user, task, kind and day, however often the reminders run."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.CASCADE)
    task = models.ForeignKey(Task, null=True, blank=True, on_delete=models.CASCADE)
    target = models.ForeignKey(Target, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30, choices=NotificationKind.choices)
    message = models.CharField(max_length=500)
    link = models.CharField("đường dẫn", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_on = models.DateField(null=True, blank=True, help_text="the day a deadline reminder is for; empty for events")
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "task", "kind", "sent_on"],
                condition=models.Q(sent_on__isnull=False),
                name="unique_reminder_per_day",
            )
        ]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread_idx")]
        verbose_name = "thông báo"
        verbose_name_plural = "thông báo"

    def __str__(self) -> str:
        return self.message


class SheetUpload(models.Model):
    """A plan's workbook as its uploader sent it, read into rows and waiting for them to confirm or cancel.
    Kept in the database, not the session; one per user and plan (a new upload replaces it), removed when
    confirmed or cancelled, and once older than ``SHEET_UPLOAD_HOURS`` (on the next upload, or by the
    ``clear_sheet_uploads`` command)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField("tên tệp", max_length=200)
    rows = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "plan"], name="one_sheet_upload_per_user_and_plan")]
        verbose_name = "bảng tính chờ xác nhận"
        verbose_name_plural = "bảng tính chờ xác nhận"

    def __str__(self) -> str:
        return self.file_name

    @classmethod
    def expiry(cls) -> dt.datetime:
        return timezone.now() - dt.timedelta(hours=settings.SHEET_UPLOAD_HOURS)

    @property
    def expired(self) -> bool:
        return self.created_at < self.expiry()

    @classmethod
    def clear_expired(cls) -> int:
        """Remove the uploads nobody confirmed or cancelled in time; returns how many."""
        return cls.objects.filter(created_at__lt=cls.expiry()).delete()[0]
