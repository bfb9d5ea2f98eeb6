"""The audit log page: the standing officer of a unit and the city read it; everybody else gets 404."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from apps.audit.models import AuditEntry
from apps.units.access import Access
from apps.units.models import Unit

PAGE_SIZE = 50


def changes(entry: AuditEntry) -> list[tuple[str, object, object]]:
    """The fields an entry changed, as (name, before, after)."""
    before, after = entry.before or {}, entry.after or {}
    if not isinstance(before, dict) or not isinstance(after, dict):
        return [("", before, after)]
    keys = list(dict.fromkeys([*before, *after]))
    return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


def _page(request, entries):
    page = Paginator(entries.select_related("user", "unit"), PAGE_SIZE).get_page(request.GET.get("trang"))
    for entry in page:
        entry.changes = changes(entry)
    return page


@login_required
def audit_home(request):
    access = Access(request.user)
    if access.is_city:
        page = _page(request, AuditEntry.objects.all())
        return render(request, "audit/log.html", {"unit": None, "page": page})
    if access.managed_unit_ids:
        return redirect("audit-log", unit_id=min(access.managed_unit_ids))
    raise Http404("Không tìm thấy.")


@login_required
def audit_log(request, unit_id: int):
    access = Access(request.user)
    unit = get_object_or_404(Unit, pk=unit_id)
    if not access.can_read_audit(unit):
        raise Http404("Không tìm thấy.")
    page = _page(request, AuditEntry.objects.filter(unit=unit.governing_unit))
    return render(request, "audit/log.html", {"unit": unit.governing_unit, "page": page})
