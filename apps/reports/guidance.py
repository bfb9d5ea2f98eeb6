"""The city changes the guidance the periodic report follows (``ReportType``): the outline's headings (add, remove,
rename, reorder) and the statistics table, from its page. Each change names the version it was made from, so a
stale save is refused with what changed meanwhile, and is audited with the guidance before and after."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from apps.audit.models import record
from apps.plans.models import Indicator
from apps.reports.content import BUCKETS
from apps.reports.models import ReportType, outline_entries
from cchc.versioning import Conflict

TASK_SOURCES = {"total": "Tổng số nhiệm vụ"} | BUCKETS


def guidance_of(report_type: ReportType) -> dict:
    """The outline (as its list of headings) and the statistics table of a report type."""
    return {"outline": outline_entries(report_type.outline), "statistics": list(report_type.statistics)}


def source_choices() -> list[tuple[str, str]]:
    """Where a row of the statistics table takes its value from: the tasks, an indicator of the city's catalogue,
    or nothing (the unit fills it in)."""
    choices = [("", "Đơn vị tự điền")]
    choices += [(f"tasks:{key}", f"Nhiệm vụ – {label.lower()}") for key, label in TASK_SOURCES.items()]
    indicators = Indicator.objects.filter(owner__isnull=True).order_by("name")
    choices += [(f"indicator:{i.code}", f"Chỉ số – {i.name}") for i in indicators]
    return choices


def row_source(row: dict) -> str:
    if row.get("tasks"):
        return f"tasks:{row['tasks']}"
    return f"indicator:{row['indicator']}" if row.get("indicator") else ""


def heading_initial(report_type: ReportType) -> list[dict]:
    entries = outline_entries(report_type.outline)
    return [{**entry, "ORDER": i} for i, entry in enumerate(entries, start=1)]


def statistics_initial(report_type: ReportType) -> list[dict]:
    return [
        {"key": row["key"], "label": row["label"], "unit": row.get("unit", ""), "source": row_source(row), "ORDER": i}
        for i, row in enumerate(report_type.statistics, start=1)
    ]


def _unique(base: str, taken: set[str]) -> str:
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    taken.add(key)
    return key


def _kept(formset, field: str, nameless: str, none_left: str):
    """(cleaned data, its text in ``field`` tidied, a new key for it) of each row kept, in the order typed (a row
    without a number after the numbered ones); ``ValidationError`` (Vietnamese) for a row left without its text."""
    rows = formset.ordered_forms
    if not rows:
        raise ValidationError(none_left)
    taken = {form.cleaned_data.get("key") for form in formset.forms if form.cleaned_data.get("key")}
    for n, form in enumerate(rows, start=1):
        text = " ".join(form.cleaned_data.get(field, "").split())
        if not text:
            raise ValidationError(nameless.format(n=n))
        yield form.cleaned_data, text, form.cleaned_data.get("key") or _unique(slugify(text)[:30] or "moi", taken)


def read_outline(formset) -> list[dict]:
    """The headings as the form has them; a new one is a section the units write."""
    nameless = "Đề mục thứ {n} chưa có tên; muốn bỏ đề mục thì đánh dấu “Bỏ”."
    return [
        {"key": key, "title": title, "part": data.get("part") or "free"}
        for data, title, key in _kept(formset, "title", nameless, "Đề cương phải còn ít nhất một đề mục.")
    ]


def read_statistics(formset) -> list[dict]:
    """The statistics table as the form has it."""
    nameless = "Dòng thứ {n} của biểu thống kê chưa ghi nội dung; muốn bỏ dòng thì đánh dấu “Bỏ”."
    rows = []
    for data, label, key in _kept(formset, "label", nameless, "Biểu thống kê phải còn ít nhất một dòng."):
        row = {"key": key, "label": label, "unit": data.get("unit", "").strip()}
        kind, _, value = (data.get("source") or "").partition(":")
        if kind in ("tasks", "indicator"):
            row[kind] = value
        rows.append(row)
    return rows


def _source_words(row: dict) -> str:
    if row.get("tasks"):
        return TASK_SOURCES.get(row["tasks"], row["tasks"]).lower()
    return f"chỉ số {row['indicator']}" if row.get("indicator") else "đơn vị tự điền"


def changes(before: dict, after: dict) -> list[str]:
    """What differs between two versions of the guidance, as sentences."""
    lines = []
    for part, name, label in (("outline", "đề mục", "title"), ("statistics", "dòng thống kê", "label")):
        old = {row["key"]: row for row in (outline_entries(before[part]) if part == "outline" else before[part])}
        new = {row["key"]: row for row in (outline_entries(after[part]) if part == "outline" else after[part])}
        for key, row in new.items():
            if key not in old:
                lines.append(f"Thêm {name} “{row[label]}”.")
            elif old[key][label] != row[label]:
                lines.append(f"Đổi {name} “{old[key][label]}” thành “{row[label]}”.")
            elif part == "statistics" and (old[key].get("unit", ""), _source_words(old[key])) != (
                row.get("unit", ""),
                _source_words(row),
            ):
                lines.append(
                    f"Dòng thống kê “{row[label]}”: đơn vị tính “{row.get('unit', '')}”, lấy số liệu từ "
                    f"{_source_words(row)} (trước: “{old[key].get('unit', '')}”, {_source_words(old[key])})."
                )
        lines += [f"Bỏ {name} “{row[label]}”." for key, row in old.items() if key not in new]
        if [k for k in old if k in new] != [k for k in new if k in old]:
            lines.append(f"Đổi thứ tự các {name}.")
    return lines


def change(report_type: ReportType, user, outline: list[dict], statistics: list[dict], expected_version: int) -> list:
    """Write the guidance from the version the form was loaded at; returns what changed. ``Conflict`` when it was
    changed meanwhile, ``ValidationError`` when the result is malformed."""
    with transaction.atomic():
        current = ReportType.objects.select_for_update().get(pk=report_type.pk)
        if current.version != expected_version:
            raise Conflict(current, expected_version, "đề cương báo cáo")
        before = guidance_of(current)
        current.outline, current.statistics = outline, statistics
        current.full_clean()
        after = guidance_of(current)
        changed = changes(before, after)
        if not changed:
            return []
        current.save()
        record(
            user,
            "report_type.edit",
            current,
            None,
            before=before,
            after=after,
            summary=f"Sửa đề cương, biểu thống kê “{current.name}”: " + " ".join(changed),
        )
    report_type.version = current.version
    return changed
