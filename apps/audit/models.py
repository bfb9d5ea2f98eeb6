"""The audit log: every change — who, when, before, after — readable by the standing officer and the city."""

from __future__ import annotations

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from apps.units.models import Unit

# events of somebody not signed in (a sign-in attempt, a reset e-mail asked for)
ANONYMOUS_ACTIONS = ("login.failed", "login.throttled", "password_reset.throttled")


class AuditEntry(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    unit = models.ForeignKey(Unit, null=True, on_delete=models.SET_NULL, related_name="audit_entries")
    action = models.CharField(max_length=40)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40)
    summary = models.CharField(max_length=300, blank=True)
    before = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)
    after = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            # an object's history (a plan's page), and a unit's log newest first, without reading the whole table
            models.Index(fields=["object_type", "object_id"], name="audit_by_object"),
            models.Index(fields=["unit", "at", "id"], name="audit_by_unit_time"),
            models.Index(fields=["at", "id"], name="audit_by_time"),
        ]
        verbose_name = "nhật ký thay đổi"
        verbose_name_plural = "nhật ký thay đổi"

    @property
    def by_anonymous(self) -> bool:
        return self.user_id is None and self.action in ANONYMOUS_ACTIONS


# kept for the machine, not a value anybody set: the folded copy searches read (apps.plans.search)
UNRECORDED = frozenset({"search_text"})


def snapshot(obj, fields: list[str] | None = None) -> dict:
    """The concrete field values of a model instance, JSON-ready."""
    names = [n for n in fields or [f.attname for f in obj._meta.concrete_fields] if n not in UNRECORDED]
    encoder = DjangoJSONEncoder()
    data = {}
    for name in names:
        value = getattr(obj, name)
        data[name] = value if isinstance(value, (str, int, float, bool, type(None))) else encoder.default(value)
    return data


def record(
    user, action: str, obj, unit: Unit | None, before: dict | None = None, after: dict | None = None, summary: str = ""
) -> AuditEntry:
    """Write one audit entry; call it inside the transaction of the change it records. ``obj`` is None for an event
    about no stored object (a sign-in attempt for an unknown account)."""
    return AuditEntry.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        unit=unit.governing_unit if unit is not None else None,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        summary=summary[:300],
        before=before,
        after=after,
    )
