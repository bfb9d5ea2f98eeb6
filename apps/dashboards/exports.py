"""The dashboards as .xlsx: the same tables the page shows, each with a heading (what, which unit, as of when,
who exported it), through cchc/xlsx.py."""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.html import strip_tags

from apps.plans.models import ReportStatus
from apps.tracking import exports
from apps.tracking.figures import period_label
from cchc import xlsx

STATUS_HEADERS = [(ReportStatus(s).label, 14) for s in ReportStatus.values]


def attainment_rule() -> str:
    """The attainment rule as the pages write it (templates/_attainment_rule.html), as plain text."""
    return " ".join(strip_tags(render_to_string("_attainment_rule.html")).split())


def _status_rows(rows) -> list[list]:
    return [[r.label, r.total, *(r.by_status[s] for s in ReportStatus.values), r.done_percent, r.overdue] for r in rows]


def _status_headers(first: str) -> list[tuple[str, int]]:
    return [(first, 36), ("Tổng", 8), *STATUS_HEADERS, ("Hoàn thành (%)", 12), ("Quá hạn", 9)]


def unit_xlsx(user, context: dict) -> HttpResponse:
    unit, day = context["unit"], context["today"]
    title = f"Tổng quan {unit.name}"

    def head(what: str) -> list[str]:
        return exports.heading(f"{title}: {what}", unit.name, user, day)

    book = xlsx.workbook()
    xlsx.add_table(
        book,
        "Theo lĩnh vực",
        _status_headers("Lĩnh vực"),
        _status_rows(context["areas"]),
        head("nhiệm vụ theo lĩnh vực"),
    )
    xlsx.add_table(
        book,
        "Theo cơ quan chủ trì",
        _status_headers("Cơ quan chủ trì"),
        _status_rows(context["agencies"]),
        head("nhiệm vụ theo cơ quan chủ trì"),
    )
    targets = [
        [
            row.target.text,
            row.target.plan.number,
            row.target.agency.name if row.target.agency_id else "",
            row.goal,
            row.latest.value if row.latest else None,
            row.target.unit,
            period_label(row.latest.period) if row.latest else "",
            row.attainment_label,
        ]
        for row in context["progress"]
    ]
    xlsx.add_table(
        book,
        "Chỉ tiêu",
        [
            ("Chỉ tiêu", 60),
            ("Kế hoạch", 14),
            ("Cơ quan theo dõi", 24),
            ("Mục tiêu", 16),
            ("Số liệu mới nhất", 12),
            ("Đơn vị tính", 10),
            ("Kỳ", 12),
            ("Đánh giá", 20),
        ],
        targets,
        [*head("chỉ tiêu"), attainment_rule()],
    )
    for name, tasks in (("Quá hạn", context["overdue"]), ("Sắp đến hạn", context["due_soon"])):
        for task in tasks:
            task.status_label = ReportStatus(task.status).label
        rows = [exports.task_row(t) for t in tasks]
        xlsx.add_table(book, name, exports.TASK_HEADERS, rows, head(f"nhiệm vụ {name.lower()}"))
    return exports.download(book, "tong-quan-don-vi")


def city_xlsx(user, context: dict) -> HttpResponse:
    book = xlsx.workbook()
    headers = [
        ("Đơn vị", 36),
        ("Nhiệm vụ", 10),
        ("Hoàn thành (%)", 12),
        ("Quá hạn", 9),
        ("Chỉ tiêu đạt", 10),
        ("Chỉ tiêu", 9),
        ("Chỉ tiêu đạt (%)", 12),
    ]
    for title, rows in context["blocks"]:
        data = [
            [
                r.unit.name,
                r.tasks.total,
                r.tasks.done_percent,
                r.tasks.overdue,
                r.targets.get("met", 0),
                r.targets.get("total", 0),
                r.targets_met_percent,
            ]
            for r in rows
        ]
        lines = exports.heading(f"Tổng quan toàn thành phố: {title}", "Toàn thành phố", user, context["today"])
        xlsx.add_table(book, title, headers, data, lines)
    if not context["blocks"]:
        xlsx.add_table(
            book, "Tổng quan", headers, [], exports.heading("Tổng quan toàn thành phố", "Toàn thành phố", user)
        )
    return exports.download(book, "tong-quan-thanh-pho")
