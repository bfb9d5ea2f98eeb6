"""The PAR Index (Chỉ số cải cách hành chính): criteria frameworks as versioned data, a year's assessments, and
each leaf's score through self-assessment, appraisal round 1, the unit's explanation and round 2.

- ``Framework``: the criteria set a decision issues (number, date, the year it applies to, the unit groups);
  a tree of ``Criterion`` rows (areas → criteria → sub-criteria). Leaves carry the points, the method and its
  parameters (apps/par/methods.py), the evidence asked and the groups they apply to.
- ``AssessmentYear``: the city opens a year with a framework per unit group (``YearFramework``) and deadlines.
- ``Assessment``: one unit's assessment of a year, on the framework version it was opened with; its ``Score``
  rows (one per leaf) and ``ScoreEntry`` history (every score given, by whom, when).
- ``CriterionTag``: a task or target tagged with the criterion it serves, so its evidence shows up there.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone

from apps.plans.models import Target, Task
from apps.tracking.models import Evidence
from apps.units.models import Unit, UnitKind
from cchc.versioning import Versioned


class UnitGroup(models.TextChoices):
    """The blocks units are ranked in."""

    DEPARTMENTS = "departments", "Sở, ban, ngành"
    WARDS = "wards", "Phường"
    COMMUNES = "communes", "Xã, đặc khu"


def block_name(group: str) -> str:
    """A block as headings and sentences name it, its label in lower case after "Khối": 'Khối xã, đặc khu'."""
    label = UnitGroup(group).label
    return f"Khối {label[0].lower()}{label[1:]}"


GROUP_OF_KIND = {
    UnitKind.DEPARTMENT: UnitGroup.DEPARTMENTS,
    UnitKind.WARD: UnitGroup.WARDS,
    UnitKind.COMMUNE: UnitGroup.COMMUNES,
    UnitKind.SPECIAL_ZONE: UnitGroup.COMMUNES,
}


def group_of(unit: Unit) -> str | None:
    return GROUP_OF_KIND.get(unit.kind)


class Part(models.TextChoices):
    MAIN = "main", "Nội dung chấm điểm"
    BONUS = "bonus", "Điểm thưởng"
    PENALTY = "penalty", "Điểm trừ"


class Framework(Versioned):
    """A criteria set, as issued by one decision for one year."""

    name = models.CharField("tên bộ tiêu chí", max_length=300)
    decision_number = models.CharField("số quyết định", max_length=60)
    decision_date = models.DateField("ngày quyết định", null=True, blank=True)
    year = models.PositiveSmallIntegerField("áp dụng cho năm")
    groups = models.JSONField("khối đơn vị áp dụng", default=list)
    is_sample = models.BooleanField(
        "bộ mẫu", default=False, help_text="Bộ tiêu chí mẫu, cần thay bằng quyết định của thành phố."
    )
    note = models.TextField("ghi chú", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "decision_number"]
        constraints = [models.UniqueConstraint(fields=["decision_number", "year"], name="unique_par_framework")]
        verbose_name = "bộ tiêu chí Chỉ số CCHC"
        verbose_name_plural = "bộ tiêu chí Chỉ số CCHC"

    def __str__(self) -> str:
        return f"{self.name} ({self.decision_number})"

    def group_labels(self) -> str:
        return ", ".join(UnitGroup(g).label for g in self.groups if g in UnitGroup.values)

    def in_use(self) -> bool:
        """An opened year scores with it (or already has): it is not changed in place any more."""
        return self.years.exists() or self.assessments.exists()

    def nodes(self) -> list[Criterion]:
        """Every criterion in tree order, each with ``children`` and ``depth`` filled in (one query)."""
        rows = list(self.criteria.all())
        by_parent: dict[int | None, list[Criterion]] = {}
        for row in rows:
            by_parent.setdefault(row.parent_id, []).append(row)
        ordered: list[Criterion] = []

        def walk(parent_id, depth):
            for row in sorted(by_parent.get(parent_id, []), key=lambda r: (r.position, r.pk)):
                row.depth = depth
                row.kids = by_parent.get(row.pk, [])
                ordered.append(row)
                walk(row.pk, depth + 1)

        walk(None, 0)
        return ordered

    def leaves(self) -> list[Criterion]:
        return [n for n in self.nodes() if not n.kids]


class Criterion(models.Model):
    """A node of a framework: an area (content), a criterion or a sub-criterion; the leaves are scored."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="criteria")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    position = models.PositiveIntegerField(default=0)
    code = models.CharField("mã", max_length=30)
    title = models.TextField("nội dung")
    part = models.CharField("phần", max_length=10, choices=Part.choices, default=Part.MAIN)
    max_points = models.DecimalField("điểm tối đa", max_digits=6, decimal_places=2)
    method = models.CharField("cách chấm", max_length=30, default="manual")
    params = models.JSONField("tham số cách chấm", default=dict, blank=True)
    evidence = models.TextField("tài liệu kiểm chứng", blank=True)
    groups = models.JSONField("áp dụng cho khối", default=list, blank=True, help_text="Trống: mọi khối.")

    class Meta:
        ordering = ["framework", "position"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="unique_par_criterion_code")]
        verbose_name = "tiêu chí"
        verbose_name_plural = "tiêu chí"

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"

    def applies_to(self, group: str | None) -> bool:
        return not self.groups or group in self.groups

    @property
    def params_json(self) -> str:
        import json

        return json.dumps(self.params or {}, ensure_ascii=False)

    @property
    def params_text(self) -> str:
        from apps.par.methods import describe_params

        return describe_params(self.params)

    @property
    def method_label(self) -> str:
        from apps.par.methods import METHODS

        return METHODS.get(self.method, self.method)


class CriterionTag(models.Model):
    """A task or a target tagged with the criterion it serves."""

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="tags")
    task = models.ForeignKey(Task, null=True, blank=True, on_delete=models.CASCADE, related_name="par_tags")
    target = models.ForeignKey(Target, null=True, blank=True, on_delete=models.CASCADE, related_name="par_tags")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(task__isnull=False, target__isnull=True)
                | models.Q(task__isnull=True, target__isnull=False),
                name="par_tag_task_or_target",
            ),
            models.UniqueConstraint(fields=["criterion", "task"], name="unique_par_tag_task"),
            models.UniqueConstraint(fields=["criterion", "target"], name="unique_par_tag_target"),
        ]
        verbose_name = "gắn tiêu chí"
        verbose_name_plural = "gắn tiêu chí"


class AssessmentYear(Versioned):
    """A year the city has opened for scoring, with its deadlines and bands (apps/par/bands.py)."""

    year = models.PositiveSmallIntegerField("năm đánh giá", unique=True)
    self_deadline = models.DateField("hạn tự chấm")
    appraisal_start = models.DateField("thẩm định từ", null=True, blank=True)
    appraisal_end = models.DateField("thẩm định đến", null=True, blank=True)
    explanation_deadline = models.DateField("hạn giải trình", null=True, blank=True)
    bands = models.JSONField(
        "xếp loại", default=list, blank=True, help_text='Danh sách [điểm tối thiểu, "tên"], VD [[93, "Xuất sắc"]].'
    )
    opened_at = models.DateTimeField(auto_now_add=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-year"]
        verbose_name = "năm đánh giá Chỉ số CCHC"
        verbose_name_plural = "năm đánh giá Chỉ số CCHC"

    def __str__(self) -> str:
        return f"Chỉ số CCHC năm {self.year}"

    def framework_for(self, group: str | None) -> Framework | None:
        row = self.frameworks.filter(group=group).select_related("framework").first()
        return row.framework if row else None

    def days_left(self, today: dt.date | None = None) -> int:
        return (self.self_deadline - (today or timezone.localdate())).days

    def band(self, index) -> str:
        if index is None:
            return ""
        for minimum, label in sorted(self.bands or [], key=lambda b: -Decimal(str(b[0]))):
            if Decimal(str(index)) >= Decimal(str(minimum)):
                return str(label)
        return ""


class YearFramework(models.Model):
    year = models.ForeignKey(AssessmentYear, on_delete=models.CASCADE, related_name="frameworks")
    group = models.CharField("khối", max_length=20, choices=UnitGroup.choices)
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="years")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["year", "group"], name="unique_par_year_group")]


class AssessmentState(models.TextChoices):
    SELF = "self", "Đang tự chấm"
    LOCKED = "locked", "Đã khóa tự chấm, chờ thẩm định"
    ROUND1 = "round1", "Đã thẩm định vòng 1"
    EXPLAINED = "explained", "Đã khóa giải trình, chờ thẩm định vòng 2"
    FINAL = "final", "Đã có điểm cuối cùng"


class Assessment(Versioned):
    """A unit's assessment for one year, on the framework it was opened with."""

    year = models.ForeignKey(AssessmentYear, on_delete=models.PROTECT, related_name="assessments")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="par_assessments", verbose_name="đơn vị")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="assessments")
    group = models.CharField("khối", max_length=20, choices=UnitGroup.choices)
    state = models.CharField("trạng thái", max_length=20, choices=AssessmentState.choices, default="self")
    reopened = models.BooleanField("mở lại sau hạn", default=False)
    signed_file = models.FileField("tệp tự chấm có chữ ký", upload_to="par/%Y/", blank=True)
    signed_name = models.CharField(max_length=255, blank=True)
    locked_at = models.DateTimeField(null=True, blank=True)
    locked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    explanation_file = models.FileField("tệp giải trình", upload_to="par/%Y/", blank=True)
    explanation_name = models.CharField(max_length=255, blank=True)
    explained_at = models.DateTimeField(null=True, blank=True)
    explained_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    survey_rate = models.DecimalField(
        "tỷ lệ hài lòng (%, nhập tay)", max_digits=5, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["-year__year", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["year", "unit"], name="unique_par_assessment")]
        verbose_name = "bản chấm Chỉ số CCHC"
        verbose_name_plural = "bản chấm Chỉ số CCHC"

    def __str__(self) -> str:
        return f"Chỉ số CCHC {self.year.year} – {self.unit}"

    def self_open(self, today: dt.date | None = None) -> bool:
        """The unit may change its self-scores: not locked, and before the deadline unless reopened."""
        if self.state != AssessmentState.SELF:
            return False
        return self.reopened or (today or timezone.localdate()) <= self.year.self_deadline


class Stage(models.TextChoices):
    SELF = "self", "Tự chấm"
    ROUND1 = "round1", "Thẩm định vòng 1"
    EXPLANATION = "explanation", "Giải trình"
    ROUND2 = "round2", "Thẩm định vòng 2"


class Score(Versioned):
    """One leaf of one assessment: the proposed score and the scores of each stage."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    applicable = models.BooleanField("áp dụng", default=True)
    proposed = models.DecimalField("điểm đề xuất", max_digits=6, decimal_places=2, null=True, blank=True)
    computation = models.CharField("cách tính", max_length=300, blank=True)
    self_score = models.DecimalField("điểm tự chấm", max_digits=6, decimal_places=2, null=True, blank=True)
    self_note = models.TextField("giải thích của đơn vị", blank=True)
    round1 = models.DecimalField("điểm thẩm định vòng 1", max_digits=6, decimal_places=2, null=True, blank=True)
    round1_note = models.TextField("ý kiến thẩm định vòng 1", blank=True)
    explanation_asked = models.BooleanField("yêu cầu giải trình", default=False)
    explanation = models.TextField("giải trình", blank=True)
    round2 = models.DecimalField("điểm thẩm định vòng 2", max_digits=6, decimal_places=2, null=True, blank=True)
    round2_note = models.TextField("ý kiến thẩm định vòng 2", blank=True)
    evidence = GenericRelation(Evidence)

    class Meta:
        ordering = ["criterion__position"]
        constraints = [models.UniqueConstraint(fields=["assessment", "criterion"], name="unique_par_score")]
        verbose_name = "điểm tiêu chí"
        verbose_name_plural = "điểm tiêu chí"

    @property
    def unit(self) -> Unit:
        """The unit whose evidence this is (apps.tracking.uploads.evidence_unit reads it)."""
        return self.assessment.unit

    @property
    def final(self) -> Decimal | None:
        """The latest score given: round 2, else round 1, else the self-score."""
        for value in (self.round2, self.round1, self.self_score):
            if value is not None:
                return value
        return None


class ScoreEntry(models.Model):
    """A score given at one stage: the history of a leaf (self, round 1, explanation, round 2), never changed."""

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="entries")
    stage = models.CharField(max_length=20, choices=Stage.choices)
    points = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    applicable = models.BooleanField(default=True)
    note = models.TextField(blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
