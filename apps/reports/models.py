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
    FREE = "free", "Mục khác"


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
        return f"Báo cáo CCHC {self.period.words} – {self.unit}"

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
    # a section the administrator added to the outline: its key and heading there
    outline_key = models.CharField(max_length=40, blank=True)
    heading = models.CharField("đề mục", max_length=300, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "kind", "area", "outline_key"], name="unique_report_section")
        ]

    @property
    def key(self) -> str:
        if self.kind == SectionKind.FREE:
            return self.outline_key
        return f"{self.kind}-{self.area}" if self.area else self.kind

    @property
    def title(self) -> str:
        if self.heading:
            return self.heading
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
    # the narrative it was rendered with (the city document's sections, number and signer at the request)
    narrative = models.JSONField("nội dung đã lập", default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = "báo cáo tổng hợp của thành phố"
        verbose_name_plural = "báo cáo tổng hợp của thành phố"

    def __str__(self) -> str:
        return f"Báo cáo tổng hợp CCHC {self.period.words}"

    @property
    def is_working(self) -> bool:
        return self.state in (RenderState.QUEUED, RenderState.RUNNING)


class CityState(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    ISSUED = "issued", "Đã ký, ban hành"


class CityDocument(Versioned):
    """The city's consolidated report of one period as a document: a draft whose narrative Sở Nội vụ edits
    (prefilled from the consolidation), rendered as often as needed (each rendering a ``CityReport`` kept with its
    files and the narrative it was built with), then issued — number, date, signer and the signed file — after
    which nothing of it changes."""

    period = models.OneToOneField(
        Period, on_delete=models.PROTECT, related_name="city_document", verbose_name="kỳ báo cáo"
    )
    state = models.CharField("trạng thái", max_length=20, choices=CityState.choices, default=CityState.DRAFT)
    sections = models.JSONField("các phần nội dung", default=list)
    number = models.CharField("số báo cáo", max_length=20, blank=True)
    signer = models.CharField("người ký", max_length=120, blank=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    signed_file = models.FileField("bản đã ký", upload_to="reports/city/signed/%Y/", blank=True)
    signed_name = models.CharField(max_length=255, blank=True)
    issued_report = models.ForeignKey(
        CityReport, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="bản đã ban hành"
    )
    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "văn bản báo cáo tổng hợp của thành phố"
        verbose_name_plural = "văn bản báo cáo tổng hợp của thành phố"

    def __str__(self) -> str:
        return f"Báo cáo tổng hợp CCHC {self.period.words}"

    @property
    def is_editable(self) -> bool:
        return self.state == CityState.DRAFT

    @property
    def narrative(self) -> dict:
        """What a rendering is built with (compared with a rendering's to tell whether it is up to date)."""
        return {"sections": self.sections, "number": self.number, "signer": self.signer}


# the outline of the periodic report as the current guidance has it (DOMAIN.md "Reports"; unconfirmed headings):
# each built-in part by its key, in this order
DEFAULT_OUTLINE = {
    "direction": "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",
    "results": "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC",
    "assessment": "III. ĐÁNH GIÁ CHUNG",
    "shortcomings": "Tồn tại, hạn chế và nguyên nhân:",
    "next_tasks": "IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
    "proposals": "V. ĐỀ XUẤT, KIẾN NGHỊ",
}
# what each part of the outline holds; "free" is a heading the administrator added, with a text the unit writes
PARTS = {
    "direction": "Chỉ đạo, điều hành (đoạn văn của lĩnh vực chỉ đạo điều hành)",
    "results": "Kết quả theo từng lĩnh vực (mỗi lĩnh vực một mục)",
    "assessment": "Đánh giá chung (tổng số nhiệm vụ theo tình trạng)",
    "shortcomings": "Tồn tại, hạn chế và nguyên nhân (đoạn văn)",
    "next_tasks": "Nhiệm vụ trọng tâm kỳ tới (đoạn văn)",
    "proposals": "Đề xuất, kiến nghị (đoạn văn)",
    "free": "Mục do quản trị thêm (đơn vị tự viết)",
}
STAT_SOURCES = ("total", "done_on_time", "done_late", "in_progress", "overdue")


def outline_entries(outline: dict | list | None) -> list[dict]:
    """The outline as its list of headings ``{"key", "title", "part"}`` in order. Reports frozen before headings could
    be added or reordered hold a dict of the six built-in parts' titles; it reads as those parts in their order."""
    if isinstance(outline, list):
        return outline
    titles = DEFAULT_OUTLINE | (outline or {})
    return [{"key": key, "title": titles[key], "part": key} for key in DEFAULT_OUTLINE]


class ReportType(Versioned):
    """The guidance a periodic report follows, as data the city changes when the guidance changes (its page,
    ``reports-guidance``): the outline's headings and the statistics table. The one marked current is what drafts
    are generated with; a submitted report keeps the outline and table it was frozen with."""

    name = models.CharField("tên loại báo cáo", max_length=200)
    basis = models.CharField("căn cứ (văn bản hướng dẫn)", max_length=300, blank=True)
    is_current = models.BooleanField("đang áp dụng", default=True)
    outline = models.JSONField(
        "đề mục",
        default=dict,
        help_text='Các đề mục theo thứ tự: {"key", "title", "part"} (part: direction, results, assessment, '
        "shortcomings, next_tasks, proposals hoặc free).",
    )
    statistics = models.JSONField(
        "biểu số liệu thống kê",
        default=list,
        help_text='Mỗi dòng: {"key", "label", "unit", "tasks" (total/done_on_time/done_late/in_progress/overdue) '
        'hoặc "indicator" (mã chỉ số)}; dòng không có nguồn để trống cho đơn vị tự điền.',
    )

    class Meta:
        verbose_name = "loại báo cáo (đề cương, biểu thống kê)"
        verbose_name_plural = "loại báo cáo (đề cương, biểu thống kê)"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        """Only one type is current: marking this one current unmarks the others."""
        if self.is_current:
            ReportType.objects.exclude(pk=self.pk).filter(is_current=True).update(is_current=False)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if isinstance(self.outline, dict):
            missing = [key for key in DEFAULT_OUTLINE if not str(self.outline.get(key, "")).strip()]
            if missing:
                raise ValidationError({"outline": f"Thiếu đề mục: {', '.join(missing)}."})
        elif not isinstance(self.outline, list) or not self.outline:
            raise ValidationError({"outline": "Đề cương phải có ít nhất một đề mục."})
        else:
            keys, parts = set(), set()
            for i, entry in enumerate(self.outline, start=1):
                if not isinstance(entry, dict) or not str(entry.get("title", "")).strip() or not entry.get("key"):
                    raise ValidationError({"outline": f"Đề mục {i}: cần có tên đề mục."})
                if entry.get("part") not in PARTS:
                    raise ValidationError({"outline": f"Đề mục {i}: không rõ đề mục này chứa nội dung gì."})
                if entry["key"] in keys or (entry["part"] != "free" and entry["part"] in parts):
                    raise ValidationError({"outline": f"Đề mục {i} “{entry['title']}” bị trùng."})
                keys.add(entry["key"])
                parts.add(entry["part"])
        if not isinstance(self.statistics, list) or not self.statistics:
            raise ValidationError({"statistics": "Biểu thống kê phải là danh sách các dòng."})
        keys = set()
        for i, row in enumerate(self.statistics, start=1):
            if not isinstance(row, dict) or not row.get("key") or not row.get("label"):
                raise ValidationError({"statistics": f"Dòng {i}: cần có key và label."})
            if row["key"] in keys:
                raise ValidationError({"statistics": f"Dòng {i}: key '{row['key']}' bị trùng."})
            keys.add(row["key"])
            if row.get("tasks") and row["tasks"] not in STAT_SOURCES:
                raise ValidationError({"statistics": f"Dòng {i}: tasks phải là một trong {', '.join(STAT_SOURCES)}."})


class SectionContribution(Versioned):
    """An agency's part of one narrative section of its unit's report, written by the agency's officers; the
    standing officer merges it into the section. Editing it after a merge marks it as not merged again."""

    section = models.ForeignKey(ReportSection, on_delete=models.CASCADE, related_name="contributions")
    agency = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name="cơ quan")
    text = models.TextField("nội dung đóng góp")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    merged_at = models.DateTimeField(null=True, blank=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["agency__name"]
        constraints = [models.UniqueConstraint(fields=["section", "agency"], name="unique_contribution")]
        verbose_name = "phần đóng góp của cơ quan"
        verbose_name_plural = "phần đóng góp của cơ quan"
