"""Optimistic concurrency: every record people change carries a version, and a change names the version it
was made from. Two people (or two tabs) who start from the same version cannot both save: the second is told
what changed meanwhile and keeps what they typed.

- ``Versioned`` gives a model its ``version`` (1 when created) and its HTTP ``etag``.
- ``claim(obj, expected)`` inside the transaction of a change moves the row from ``expected`` to the next
  version with one conditional UPDATE, or raises ``Conflict`` with the row as it now is. The UPDATE holds the
  row until the transaction ends, so two claims of one version never both succeed, on SQLite or PostgreSQL.
- Append-only records (a task update) are accepted without an expected version; the task they change is still
  claimed at whatever version it has, so a later change made from the old version is refused.
"""

from __future__ import annotations

import re

from django.db import models, transaction
from django.db.models import F
from django.http import JsonResponse
from django.shortcuts import render

ETAG = re.compile(r'^\s*(?:W/)?"v(\d{1,9})"\s*$')


class Versioned(models.Model):
    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        """Saving a row that exists claims it from the version it was read at (``self.version``): a row changed
        meanwhile raises ``Conflict`` instead of being overwritten. Set ``version`` to the version the user's
        change was made from (a form's hidden field, ``If-Match``) before saving."""
        if self._state.adding or self.pk is None:
            super().save(*args, **kwargs)
            return
        with transaction.atomic():
            claim(self)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
            super().save(*args, **kwargs)

    @property
    def etag(self) -> str:
        return f'"v{self.version}"'


class Conflict(Exception):
    """The record changed (or was deleted) since the version the change was made from."""

    def __init__(self, current: Versioned | None, expected: int | None = None, label: str = "") -> None:
        self.current = current
        self.expected = expected
        self.label = label or (current._meta.verbose_name if current is not None else "bản ghi")
        if current is None:
            message = (
                f"{self.label.capitalize()} đã bị người khác xóa trong lúc bạn sửa; thay đổi của bạn chưa được lưu."
            )
        else:
            message = (
                f"{self.label.capitalize()} đã được người khác sửa trong lúc bạn sửa (bạn sửa từ phiên bản "
                f"{expected}, nay là phiên bản {current.version}); thay đổi của bạn chưa được lưu. "
                "Hãy xem bản hiện tại rồi nhập lại phần của bạn."
            )
        super().__init__(message)


def claim(obj: Versioned, expected: int | None = None) -> Versioned:
    """Take ``obj``'s row from version ``expected`` (``obj.version`` when None) to the next one; call it inside the
    change's ``transaction.atomic``. Raises ``Conflict`` when the row is at another version or gone."""
    model = type(obj)
    expected = obj.version if expected is None else int(expected)
    if model.objects.filter(pk=obj.pk, version=expected).update(version=F("version") + 1) == 0:
        raise Conflict(model.objects.filter(pk=obj.pk).first(), expected)
    obj.version = expected + 1
    return obj


def parse_etag(value: str | None) -> int | None:
    """The version an ``If-Match`` header (or a form's hidden field) names: ``"v3"``, ``W/"v3"`` or ``3``;
    None when absent or ``*``; raises ValueError when it is not a version."""
    if value is None:
        return None
    text = str(value).strip()
    if text in ("", "*"):
        return None
    if text.isdigit() and len(text) < 10:
        return int(text)
    match = ETAG.match(text)
    if not match:
        raise ValueError(text)
    return int(match[1])


class ConflictMiddleware:
    """The safety net: a ``Conflict`` no view caught (the admin, a page not yet told) answers 409 — a page in
    Vietnamese with the menu, or JSON under /api/ — never a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, Conflict):
            return None
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": str(exception)}, status=409)
        return render(request, "409.html", {"message": str(exception)}, status=409)
