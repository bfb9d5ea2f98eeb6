"""Plans (kế hoạch), their targets (chỉ tiêu) and tasks (nhiệm vụ), and the indicator catalogue."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.plans.search import Searchable, plan_parts, target_parts, task_parts
from apps.units.models import Unit
from cchc.numbers import num
from cchc.versioning import Versioned


class Area(models.TextChoices):
    CHI_DAO_DIEU_HANH = "chi_dao_dieu_hanh", "Công tác chỉ đạo, điều hành"
    THE_CHE = "the_che", "Cải cách thể chế"
    TTHC = "tthc", "Cải cách thủ tục hành chính"
    BO_MAY = "bo_may", "Cải cách tổ chức bộ máy"
    CONG_VU = "cong_vu", "Cải cách chế độ công vụ"
    TAI_CHINH_CONG = "tai_chinh_cong", "Cải cách tài chính công"
    CHINH_PHU_SO = "chinh_phu_so", "Chính phủ điện tử, chính phủ số"


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Bản nháp (chờ duyệt)"
    PUBLISHED = "published", "Đã ban hành"
    SUPERSEDED = "superseded", "Đã được thay thế"


class Plan(Searchable, Versioned):
    search_fields = frozenset({"number", "title", "issuer", "signer", "unit", "unit_id"})

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="plans", verbose_name="đơn vị")
    status = models.CharField("trạng thái", max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    number = models.CharField("số, ký hiệu", max_length=60, blank=True)
    title = models.CharField("trích yếu", max_length=500)
    issuer = models.CharField("cơ quan ban hành", max_length=200, blank=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    period_start = models.DateField("từ", null=True, blank=True)
    period_end = models.DateField("đến", null=True, blank=True)
    signer = models.CharField("người ký", max_length=120, blank=True)
    signer_title = models.CharField("chức vụ người ký", max_length=120, blank=True)
    source_file = models.FileField("tệp gốc", upload_to="plans/%Y/", blank=True)
    source_name = models.CharField("tên tệp gốc", max_length=255, blank=True)
    low_fidelity = models.BooleanField("văn bản mất dấu", default=False)
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="supersedes_plans"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-issued_on", "-created_at"]
        verbose_name = "kế hoạch"
        verbose_name_plural = "kế hoạch"

    def __str__(self) -> str:
        return f"{self.number or 'Kế hoạch'} – {self.title}"

    def search_parts(self) -> list:
        return plan_parts(self)

    @property
    def is_draft(self) -> bool:
        return self.status == PlanStatus.DRAFT


def in_force(day: dt.date | None = None, via: str = "") -> models.Q:
    """The plans in force (``via`` the path to the plan, e.g. ``"plan__"``): published now, or, with ``day``, at
    the end of that day — published by then and not yet replaced by then (a plan is replaced when its replacement,
    ``superseded_by``, is published). A plan published before publishing times were kept counts as published."""

    def q(**lookups) -> models.Q:
        return models.Q(**{f"{via}{key}": value for key, value in lookups.items()})

    if day is None:
        return q(status=PlanStatus.PUBLISHED)
    day_after = timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time()))
    published = q(published_at__isnull=True) | q(published_at__lt=day_after)
    not_yet_replaced = q(status=PlanStatus.PUBLISHED) | q(
        status=PlanStatus.SUPERSEDED, superseded_by__published_at__gte=day_after
    )
    return published & not_yet_replaced


class ReferenceKind(models.TextChoices):
    IMPLEMENTS = "implements", "Thực hiện"
    SUPERSEDES = "supersedes", "Thay thế"
    AMENDS = "amends", "Sửa đổi, bổ sung"


class PlanReference(models.Model):
    """A document the plan implements or a plan it replaces, by number; linked when it is in the system."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="references")
    kind = models.CharField(max_length=20, choices=ReferenceKind.choices)
    number = models.CharField("số, ký hiệu", max_length=60)
    linked_plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="cited_by")

    class Meta:
        ordering = ["kind", "number"]


class IndicatorKind(models.TextChoices):
    RATE = "rate", "Tỷ lệ (%)"
    COUNT = "count", "Số lượng"
    SCORE = "score", "Điểm / cấp độ"


class Indicator(models.Model):
    """A measurable quantity targets bind to (online-filing rate, satisfaction, …)."""

    code = models.SlugField("mã", max_length=60, unique=True)
    name = models.CharField("tên chỉ số", max_length=300)
    kind = models.CharField("loại", max_length=10, choices=IndicatorKind.choices, default=IndicatorKind.RATE)
    unit = models.CharField("đơn vị tính", max_length=30, default="%")
    area = models.CharField("lĩnh vực", max_length=30, choices=Area.choices, blank=True)
    source = models.CharField("nguồn", max_length=200, blank=True, help_text="VD: Bộ chỉ số 766, SIPAS")
    keywords = models.TextField(
        "từ khóa nhận diện", blank=True, help_text="Mỗi dòng một cụm từ (không dấu cũng được) để tự gắn chỉ tiêu."
    )
    higher_is_better = models.BooleanField("càng cao càng tốt", default=True)
    owner = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.CASCADE, help_text="Trống: dùng chung toàn thành phố."
    )

    class Meta:
        ordering = ["area", "name"]
        verbose_name = "chỉ số"
        verbose_name_plural = "chỉ số"

    def __str__(self) -> str:
        return self.name


class Comparator(models.TextChoices):
    AT_LEAST = ">=", "tối thiểu"
    EQUAL = "=", "đạt"
    AT_MOST = "<=", "tối đa"


_SIGNS = {Comparator.AT_LEAST: "≥", Comparator.AT_MOST: "≤", Comparator.EQUAL: "="}


class Target(Searchable, Versioned):
    search_fields = frozenset({"text", "phase", "unit", "agency", "agency_id"})

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField("nội dung chỉ tiêu")
    indicator = models.ForeignKey(Indicator, null=True, blank=True, on_delete=models.SET_NULL, related_name="targets")
    value = models.DecimalField("giá trị", max_digits=12, decimal_places=2)
    unit = models.CharField("đơn vị tính", max_length=30, default="%")
    comparator = models.CharField("so sánh", max_length=2, choices=Comparator.choices, default=Comparator.AT_LEAST)
    area = models.CharField("lĩnh vực", max_length=30, choices=Area.choices, blank=True)
    phase = models.CharField("giai đoạn", max_length=60, blank=True)
    due_on = models.DateField("thời điểm phải đạt", null=True, blank=True)
    agency = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="targets", verbose_name="cơ quan theo dõi"
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"

    def __str__(self) -> str:
        return f"{self.goal}: {self.text[:60]}"

    @property
    def goal(self) -> str:
        """What the target asks, in words: 'tối thiểu 85%', 'đạt 4 cấp độ'."""
        return f"{self.get_comparator_display()} {num(self.value, self.unit)}"

    @property
    def goal_in_signs(self) -> str:
        """The same where room is short (figures tables, workbooks): '≥ 85%', '= 4 cấp độ'."""
        return f"{_SIGNS[self.comparator]} {num(self.value, self.unit)}"

    def search_parts(self) -> list:
        return target_parts(self)

    def is_met_by(self, value: Decimal) -> bool:
        if self.comparator == Comparator.AT_MOST:
            return value <= self.value
        return value >= self.value

    def attainment(self, today: dt.date | None = None) -> str | None:
        """met, on_track, at_risk or missed, from the latest measurement; None without one."""
        latest = self.measurements.order_by("-period_end").select_related("period").first()
        if latest is None:
            return None
        return attainment(self, latest.value, today or timezone.localdate())


class Attainment(models.TextChoices):
    MET = "met", "Đạt"
    ON_TRACK = "on_track", "Đúng hướng"
    AT_RISK = "at_risk", "Có nguy cơ không đạt"
    MISSED = "missed", "Không đạt"


def attainment(target: Target, value: Decimal, today: dt.date) -> str:
    """Met when the value satisfies the target; before the target's due date, within 10% of the
    target is on track and further away at risk; after it, missed."""
    if target.is_met_by(value):
        return Attainment.MET
    due = target.due_on or target.plan.period_end
    if due is not None and today > due:
        return Attainment.MISSED
    gap = abs(target.value - value) / (abs(target.value) or Decimal(1))
    return Attainment.ON_TRACK if gap <= Decimal("0.10") else Attainment.AT_RISK


class TaskState(models.TextChoices):
    NOT_STARTED = "not_started", "Chưa thực hiện"
    IN_PROGRESS = "in_progress", "Đang thực hiện"
    DONE = "done", "Đã hoàn thành"


class ReportStatus(models.TextChoices):
    """Status as official reports count it; derived from state, completion date and deadline."""

    NOT_STARTED = "not_started", "Chưa thực hiện"
    IN_PROGRESS = "in_progress", "Đang thực hiện, trong hạn"
    DONE_ON_TIME = "done_on_time", "Hoàn thành đúng hạn"
    DONE_LATE = "done_late", "Hoàn thành quá hạn"
    OVERDUE = "overdue", "Quá hạn chưa hoàn thành"


class Task(Searchable, Versioned):
    search_fields = frozenset(
        {"section", "no", "content", "lead", "lead_id", "lead_text", "partners_text", "output", "deadline_text"}
    )

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveIntegerField(default=0)
    section = models.CharField("mục", max_length=20, blank=True)
    no = models.CharField("TT", max_length=20, blank=True)
    area = models.CharField("lĩnh vực", max_length=30, choices=Area.choices, blank=True)
    content = models.TextField("nội dung")
    lead = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="led_tasks", verbose_name="cơ quan chủ trì"
    )
    lead_text = models.CharField("chủ trì (như in)", max_length=300, blank=True)
    partners = models.ManyToManyField(Unit, blank=True, related_name="partner_tasks", verbose_name="cơ quan phối hợp")
    partners_text = models.CharField("phối hợp (như in)", max_length=500, blank=True)
    deadline_text = models.CharField("thời hạn (như in)", max_length=200, blank=True)
    due_start = models.DateField("bắt đầu", null=True, blank=True)
    due_on = models.DateField("hạn hoàn thành", null=True, blank=True)
    recurring = models.BooleanField("hàng năm", default=False)
    output = models.CharField("sản phẩm", max_length=500, blank=True)
    # current state, written by the latest accepted update
    state = models.CharField(max_length=20, choices=TaskState.choices, default=TaskState.NOT_STARTED)
    progress = models.PositiveSmallIntegerField(default=0)
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"

    def __str__(self) -> str:
        return f"{self.section}.{self.no} {self.content[:60]}"

    def search_parts(self) -> list:
        return task_parts(self)

    def current_due(self, today: dt.date) -> dt.date | None:
        """The deadline that applies today: a yearly task is due at the end of each year."""
        if self.recurring:
            year_end = dt.date(today.year, 12, 31)
            return min(year_end, self.due_on) if self.due_on else year_end
        return self.due_on

    def report_status(self, today: dt.date | None = None) -> str:
        today = today or timezone.localdate()
        due = self.current_due(today)
        if self.state == TaskState.DONE:
            if due is not None and self.completed_on is not None and self.completed_on > due:
                return ReportStatus.DONE_LATE
            return ReportStatus.DONE_ON_TIME
        if due is not None and today > due:
            return ReportStatus.OVERDUE
        if self.state == TaskState.IN_PROGRESS:
            return ReportStatus.IN_PROGRESS
        return ReportStatus.NOT_STARTED

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.report_status(today) == ReportStatus.OVERDUE

    def is_due_soon(self, today: dt.date | None = None, days: int = 14) -> bool:
        today = today or timezone.localdate()
        due = self.current_due(today)
        return self.state != TaskState.DONE and due is not None and today <= due <= today + dt.timedelta(days=days)
