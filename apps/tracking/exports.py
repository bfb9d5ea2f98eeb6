"""Lists as .xlsx (tasks, plans, the audit log), as the pages show them: the same rows, a heading saying what the
list is, for which unit, as of when and exported by whom. Written through cchc/xlsx.py, so no text becomes a formula."""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from django.utils import timezone

from apps.units.models import person_name
from cchc import xlsx

TASK_HEADERS = [
    ("TT", 7),
    ("Nhiệm vụ", 60),
    ("Kế hoạch", 16),
    ("Đơn vị", 22),
    ("Cơ quan chủ trì", 28),
    ("Thời hạn", 12),
    ("Thời hạn ghi trong kế hoạch", 18),
    ("Tình trạng", 24),
    ("Tiến độ (%)", 10),
]


def heading(title: str, unit: str, user, day: dt.date | None = None) -> list[str]:
    """The lines above a table: what it is, the unit, the day its figures stand at, who exported it and when."""
    now = timezone.localtime()
    who = person_name(user)
    lines = [title, f"Đơn vị: {unit}"]
    lines.append(f"Số liệu đến ngày {(day or now.date()):%d/%m/%Y}")
    lines.append(f"Người xuất: {who}, lúc {now:%H:%M} ngày {now:%d/%m/%Y}")
    return lines


def task_row(task) -> list:
    """One task as the lists show it (``task`` annotated with ``due``, ``status`` and ``status_label``)."""
    number = f"{task.section}.{task.no}" if task.no else task.section
    return [
        number,
        task.content,
        task.plan.number or "Kế hoạch",
        task.plan.unit.name,
        task.lead.name if task.lead_id else (task.lead_text or ""),
        task.due,
        task.deadline_text,
        task.status_label,
        task.progress,
    ]


def download(book, name: str) -> HttpResponse:
    response = HttpResponse(xlsx.to_bytes(book), content_type=xlsx.XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate():%Y%m%d}.xlsx"'
    return response


def tasks_xlsx(title: str, unit: str, user, sheets: list[tuple[str, list]], name: str) -> HttpResponse:
    """A workbook of task lists, one sheet each (sheet title, tasks), the heading on each sheet."""
    book = xlsx.workbook()
    for sheet_title, tasks in sheets:
        xlsx.add_table(
            book,
            sheet_title,
            TASK_HEADERS,
            [task_row(t) for t in tasks],
            heading(f"{title}: {sheet_title}", unit, user),
        )
    return download(book, name)


def table_xlsx(
    title: str, sheet: str, unit: str, user, headers: list[tuple[str, int]], rows, name: str
) -> HttpResponse:
    """One list as a workbook of one sheet (``sheet``, its tab's name), the heading above it."""
    book = xlsx.workbook()
    xlsx.add_table(book, sheet, headers, rows, heading(title, unit, user))
    return download(book, name)
