"""Import runs: an uploaded plan file, the importer's result, and the draft plan it produced."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from apps.plans.models import Plan
from apps.units.models import Unit


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Đang chờ"
    RUNNING = "running", "Đang đọc"
    DONE = "done", "Đã đọc xong"
    FAILED = "failed", "Không đọc được"


class ImportRun(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="import_runs")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    file = models.FileField(upload_to="imports/%Y/%m/")
    original_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    status = models.CharField(max_length=20, choices=RunStatus.choices, default=RunStatus.QUEUED)
    pages_done = models.PositiveIntegerField(default=0)
    pages_total = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    result = models.JSONField(null=True, blank=True)
    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_runs")
    # the worker that runs it (``host:pid``), its last sign of life and how many times it was started: a run
    # whose worker died is queued again or failed (services.sweep), never left running
    worker = models.CharField(max_length=80, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def working(self) -> bool:
        return self.status in (RunStatus.QUEUED, RunStatus.RUNNING)
