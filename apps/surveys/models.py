"""SIPAS satisfaction surveys: the questionnaire (versioned data the city edits), a unit's population per year
(N, for the sample needed) and the anonymous responses, flagged against abuse and excluded with a reason."""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.db import models

from apps.surveys import questionnaire as q
from apps.units.models import Unit
from cchc.versioning import Versioned


class Questionnaire(Versioned):
    """One version of the form. The active one is what the public page asks; a version with responses is never
    changed (its answers would no longer match), the city saves a new version instead."""

    name = models.CharField("tên phiếu", max_length=200)
    decision = models.CharField("căn cứ (quyết định)", max_length=120, blank=True)
    valid_from = models.DateField("áp dụng từ", null=True, blank=True)
    active = models.BooleanField("đang dùng", default=False)
    content = models.JSONField("nội dung phiếu")
    method = models.JSONField("phương pháp tính")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-active", "-valid_from", "-pk"]
        verbose_name = "phiếu khảo sát SIPAS"
        verbose_name_plural = "phiếu khảo sát SIPAS"

    def __str__(self) -> str:
        return self.name

    @cached_property
    def form(self) -> q.Form:
        return q.read(self.content, self.method)

    @classmethod
    def current(cls) -> Questionnaire:
        """The version the public page asks (the standard one is created when none is active)."""
        found = cls.objects.filter(active=True).order_by("-valid_from", "-pk").first()
        if found is None:
            found = cls.objects.create(
                name=q.STANDARD_NAME,
                decision="1001/QĐ-BNV",
                active=True,
                content=q.STANDARD_CONTENT,
                method=q.STANDARD_METHOD,
            )
        return found


class Survey(Versioned):
    """A unit's survey for one year: N, the number of people it served (dossiers received), for the sample needed."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="surveys", verbose_name="đơn vị")
    year = models.PositiveSmallIntegerField("năm")
    population = models.PositiveIntegerField("số người được phục vụ trong năm (N)", null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="unique_survey_per_unit_year")]
        verbose_name = "khảo sát của đơn vị"
        verbose_name_plural = "khảo sát của đơn vị"

    def __str__(self) -> str:
        return f"{self.unit} – {self.year}"


class Flag(models.TextChoices):
    HONEYPOT = "honeypot", "Trường ẩn có nội dung (máy tự điền)"
    TOO_FAST = "too_fast", "Trả lời quá nhanh (dưới vài giây)"
    SAME_ANSWER = "same_answer", "Mọi câu cùng một mức"
    BURST = "burst", "Nhiều phiếu từ cùng một địa chỉ trong thời gian ngắn"


class Response(models.Model):
    """One anonymous answer sheet. Never deleted: flagged when it looks like abuse; the city excludes it from the
    results with a reason (and may take the exclusion back)."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="survey_responses", verbose_name="đơn vị")
    desk = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="desk_survey_responses",
        verbose_name="nơi tiếp nhận",
    )
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="responses")
    submitted_at = models.DateTimeField("thời gian gửi", db_index=True)
    answers = models.JSONField("câu trả lời", default=dict)
    visit_token = models.CharField(max_length=64, unique=True)
    address_hash = models.CharField(max_length=32, blank=True)
    flags = models.JSONField("dấu hiệu bất thường", default=list)
    flagged = models.BooleanField("có dấu hiệu bất thường", default=False)
    excluded = models.BooleanField("loại khỏi kết quả", default=False)
    exclude_reason = models.CharField("lý do loại", max_length=500, blank=True)
    excluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    excluded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["unit", "submitted_at"])]
        verbose_name = "phiếu trả lời"
        verbose_name_plural = "phiếu trả lời"

    def __str__(self) -> str:
        return f"Phiếu {self.pk} – {self.unit}"

    @property
    def flag_labels(self) -> list[str]:
        return [Flag(flag).label if flag in Flag.values else flag for flag in self.flags]
