"""An officer's decisions on how two plans line up: a target or task of one plan confirmed as the counterpart of
one of another plan, or a suggested match broken. Suggestions themselves are computed (``apps.alignment.compare``);
only the officer's choices are stored, and they are kept."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from apps.plans.models import Target, Task


class Decision(models.TextChoices):
    CONFIRMED = "confirmed", "Đã xác nhận"
    BROKEN = "broken", "Không phải cặp tương ứng"


class _Match(models.Model):
    decision = models.CharField("quyết định", max_length=20, choices=Decision.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class TargetMatch(_Match):
    """A target of the reference plan (``parent``) and one of the compared plan (``child``)."""

    parent = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="+")
    child = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["parent", "child"], name="unique_target_match")]
        verbose_name = "cặp chỉ tiêu tương ứng"
        verbose_name_plural = "cặp chỉ tiêu tương ứng"


class TaskMatch(_Match):
    """A task of the reference plan (``parent``) and one of the compared plan (``child``)."""

    parent = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="+")
    child = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["parent", "child"], name="unique_task_match")]
        verbose_name = "cặp nhiệm vụ tương ứng"
        verbose_name_plural = "cặp nhiệm vụ tương ứng"
