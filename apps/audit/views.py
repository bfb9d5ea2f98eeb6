"""The audit log page: the standing officer of a unit and the city read it; everybody else gets 404. Entries read
as sentences, in local time, filtered by person, kind of object (or one object) and dates."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.audit.sentences import KINDS, Sentences
from apps.tracking import exports
from apps.units.access import Access
from apps.units.models import Unit, person_name
from cchc.listing import paged

PAGE_SIZE = 50
EXPORT_LIMIT = 5000
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


class PeopleSelect(forms.Select):
    """The list of people, its options written in the select's own template: the city's log offers every person
    who did something (a thousand and more), and a template included per option cost ~40 ms a page."""

    template_name = "audit/widgets/people_select.html"


class AuditFilterForm(forms.Form):
    nguoi = forms.TypedChoiceField(
        label="Người thực hiện", required=False, coerce=int, empty_value=None, widget=PeopleSelect
    )
    loai = forms.ChoiceField(label="Đối tượng", required=False, choices=[("", "Tất cả"), *KINDS.items()])
    ma = forms.IntegerField(required=False, min_value=1, max_value=2_000_000_000, widget=forms.HiddenInput)
    tu = forms.DateField(label="Từ ngày", required=False, input_formats=DATE_FORMATS)
    den = forms.DateField(label="Đến ngày", required=False, input_formats=DATE_FORMATS)

    def __init__(self, *args, people: list[tuple[int, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nguoi"].choices = [("", "Tất cả"), *people]
        for name in ("tu", "den"):
            self.fields[name].widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def clean(self):
        data = super().clean()
        if data.get("tu") and data.get("den") and data["tu"] > data["den"]:
            raise forms.ValidationError("“Từ ngày” phải trước hoặc bằng “Đến ngày”.")
        if data.get("ma") and not data.get("loai"):
            raise forms.ValidationError("Chọn loại đối tượng cho mã đã nhập.")
        return data

    def apply(self, entries):
        data = self.cleaned_data
        if data["nguoi"]:
            entries = entries.filter(user_id=data["nguoi"])
        if data["loai"]:
            entries = entries.filter(object_type=data["loai"])
            if data["ma"]:
                entries = entries.filter(object_id=str(data["ma"]))
        if data["tu"]:
            entries = entries.filter(at__gte=_start_of(data["tu"]))
        if data["den"]:
            entries = entries.filter(at__lt=_start_of(data["den"] + dt.timedelta(days=1)))
        return entries


def _start_of(day: dt.date) -> dt.datetime:
    """Midnight of ``day`` in local time (Asia/Ho_Chi_Minh), so a day means the local day."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _people(entries) -> list[tuple[int, str]]:
    """(id, name) of everyone with an entry, by name, named as everywhere else (``person_name``)."""
    ids = entries.exclude(user_id=None).values_list("user_id", flat=True).distinct()
    users = get_user_model().objects.filter(pk__in=ids).only("first_name", "last_name", "username")
    return sorted(((u.pk, person_name(u)) for u in users), key=lambda p: p[1].lower())


def _log(request, entries, unit: Unit | None):
    form = AuditFilterForm(request.GET or None, people=_people(entries))
    filtered = False
    if form.is_bound and form.is_valid():
        shown = form.apply(entries)
        filtered = shown is not entries
        entries = shown
    if request.GET.get("xuat") == "xlsx":
        return _xlsx(request.user, entries.select_related("user", "unit"), unit, filtered)
    listing = paged(request, entries.select_related("user", "unit"), per_page=PAGE_SIZE)
    context = {
        "unit": unit,
        "listing": listing,
        "entries": Sentences(listing.page),
        "form": form,
        "filtered": filtered,
        "query": listing.params.urlencode(),
        "object_label": _object_label(form),
    }
    return render(request, "audit/log.html", context)


AUDIT_HEADERS = [("Thời gian", 17), ("Đơn vị", 22), ("Việc đã làm", 70), ("Chi tiết thay đổi", 50)]


def _xlsx(user, entries, unit: Unit | None, filtered: bool):
    """The log as filtered, newest first, up to ``EXPORT_LIMIT`` entries (the heading says when it is cut)."""
    shown = list(entries[: EXPORT_LIMIT + 1])
    title = "Nhật ký thay đổi" + (" (đã lọc)" if filtered else "")
    if len(shown) > EXPORT_LIMIT:
        shown = shown[:EXPORT_LIMIT]
        title += f", {EXPORT_LIMIT:,} thay đổi mới nhất".replace(",", ".")
    rows = [
        [
            timezone.localtime(e.at).replace(tzinfo=None, second=0, microsecond=0),  # as the page: to the minute
            e.unit.name if e.unit else "",
            e.sentence,
            "\n".join(_change(label, old, new) for label, old, new in e.changes),
        ]
        for e in Sentences(shown)
    ]
    name = unit.name if unit else "Toàn thành phố"
    return exports.table_xlsx(title, "Nhật ký", name, user, AUDIT_HEADERS, rows, "nhat-ky")


def _change(label: str, old: str, new: str) -> str:
    """One changed field as the page writes it."""
    value = f"{old} → {new}" if old and new else new or f"{old} (đã xóa)"
    return f"{label}: {value}" if label else value


def _object_label(form: AuditFilterForm) -> str:
    """The one object the log is narrowed to, by its kind and number (when a page linked here)."""
    if form.is_bound and form.is_valid() and form.cleaned_data["ma"] and form.cleaned_data["loai"]:
        return f"{KINDS[form.cleaned_data['loai']]} số {form.cleaned_data['ma']}"
    return ""


@login_required
def audit_home(request):
    access = Access.of(request)
    if access.is_city:
        return _log(request, AuditEntry.objects.all(), None)
    if access.managed_unit_ids:
        url = redirect("audit-log", unit_id=min(access.managed_unit_ids))
        if request.GET:
            url["Location"] += "?" + request.GET.urlencode()
        return url
    raise Http404("Không tìm thấy.")


@login_required
def audit_log(request, unit_id: int):
    access = Access.of(request)
    unit = get_object_or_404(Unit, pk=unit_id)
    if not access.can_read_audit(unit):
        raise Http404("Không tìm thấy.")
    return _log(request, AuditEntry.objects.filter(unit=unit.governing_unit), unit.governing_unit)
