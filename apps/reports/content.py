"""What a report says, built from what was tracked in the period's data window.

``generate(unit, period)`` returns the content as plain JSON-ready data — the same shape a submission freezes in a
``ReportVersion`` — so the page, the .docx and the .xlsx read one thing whether the report is live or frozen.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.utils import timezone

from apps.plans.models import Area, Attainment, PlanStatus, ReportStatus, Target, Task, TaskState, attainment
from apps.tracking.models import Measurement, Period, TaskUpdate, UpdateStatus
from apps.units.models import Unit
from cchc.numbers import num

# the four ways official reports count a task at the window's end (not started within its deadline counts as
# "in progress within the deadline")
BUCKETS = {
    status: ReportStatus(status).label
    for status in (ReportStatus.DONE_ON_TIME, ReportStatus.DONE_LATE, ReportStatus.IN_PROGRESS, ReportStatus.OVERDUE)
}
ATTAINMENTS = {a.value: a.label for a in Attainment} | {"no_value": "Chưa có số liệu"}


@dataclass(frozen=True)
class StatRow:
    """One row of the statistics table: counted from the tasks, or read from the figure of an indicator."""

    key: str
    label: str
    unit: str
    tasks: str = ""  # a bucket name, or "total"
    indicator: str = ""  # an indicator code of the catalogue


# The statistics table of the periodic report (DOMAIN.md "Reports"; field names unconfirmed): the one place to
# change it. Rows without a source yet stay in the table with no value so the officer fills them in by hand.
STATISTICS: tuple[StatRow, ...] = (
    StatRow("tasks_total", "Tổng số nhiệm vụ trong kế hoạch", "nhiệm vụ", tasks="total"),
    StatRow("tasks_done_on_time", "Nhiệm vụ hoàn thành đúng hạn", "nhiệm vụ", tasks=ReportStatus.DONE_ON_TIME),
    StatRow("tasks_done_late", "Nhiệm vụ hoàn thành quá hạn", "nhiệm vụ", tasks=ReportStatus.DONE_LATE),
    StatRow("tasks_in_progress", "Nhiệm vụ đang thực hiện, trong hạn", "nhiệm vụ", tasks=ReportStatus.IN_PROGRESS),
    StatRow("tasks_overdue", "Nhiệm vụ quá hạn chưa hoàn thành", "nhiệm vụ", tasks=ReportStatus.OVERDUE),
    StatRow("legal_documents", "Văn bản quy phạm pháp luật ban hành, rà soát", "văn bản"),
    StatRow("procedures_published", "TTHC được công khai đầy đủ, đúng hạn", "%", indicator="tthc-cong-khai"),
    StatRow("dossiers_on_time", "Hồ sơ giải quyết đúng hạn", "%", indicator="giai-quyet-dung-han"),
    StatRow("dossiers_online", "Hồ sơ tiếp nhận, giải quyết trực tuyến", "%", indicator="ho-so-truc-tuyen"),
    StatRow("payments_online", "Hồ sơ thanh toán trực tuyến", "%", indicator="thanh-toan-truc-tuyen"),
    StatRow("dossiers_digitised", "Hồ sơ, kết quả giải quyết được số hóa", "%", indicator="so-hoa-ho-so"),
    StatRow("satisfaction", "Mức độ hài lòng của người dân, doanh nghiệp", "%", indicator="hai-long-tthc"),
    StatRow("complaints", "Phản ánh, kiến nghị tiếp nhận và xử lý đúng hạn", "lượt"),
    StatRow("staff_trained", "Lượt cán bộ, công chức được bồi dưỡng", "lượt"),
)


def current_guidance() -> tuple[tuple[StatRow, ...], list[dict]]:
    """The statistics table and the outline's headings (``outline_entries``) of the report type in force
    (``ReportType``), or the defaults."""
    from apps.reports.models import ReportType, outline_entries

    current = ReportType.objects.filter(is_current=True).order_by("-pk").first()
    if current is None:
        return STATISTICS, outline_entries(None)
    rows = tuple(
        StatRow(r["key"], r["label"], r.get("unit", ""), tasks=r.get("tasks", ""), indicator=r.get("indicator", ""))
        for r in current.statistics
    )
    return rows, outline_entries(current.outline)


def _d(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def window_end_moment(period: Period) -> dt.datetime:
    """The first moment after the data window (local midnight after its last day)."""
    return timezone.make_aware(dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min))


def _plans_filter(unit: Unit, period: Period) -> Q:
    return (
        Q(plan__unit=unit, plan__status=PlanStatus.PUBLISHED)
        & (Q(plan__period_start__isnull=True) | Q(plan__period_start__lte=period.end))
        & (Q(plan__period_end__isnull=True) | Q(plan__period_end__gte=period.start))
    )


def task_rows(unit: Unit, period: Period) -> list[dict]:
    """The unit's tasks with their status at the window's end: the latest accepted update made before it (an update
    still waiting for the standing officer's review, or returned, does not count)."""
    end = window_end_moment(period)
    updates = TaskUpdate.objects.filter(created_at__lt=end, status=UpdateStatus.ACCEPTED)
    tasks = (
        Task.objects.filter(_plans_filter(unit, period))
        .select_related("plan", "lead")
        .prefetch_related(Prefetch("updates", queryset=updates.prefetch_related("evidence"), to_attr="window_updates"))
        .order_by("plan__issued_on", "plan_id", "position", "pk")
    )
    rows = []
    for task in tasks:
        latest = task.window_updates[0] if task.window_updates else None
        # the task as it stood at the window's end (an unsaved copy of its state)
        task.state = latest.state if latest else TaskState.NOT_STARTED
        task.progress = latest.progress if latest else 0
        task.completed_on = latest.completed_on if latest else None
        status = task.report_status(period.end)
        if status == ReportStatus.NOT_STARTED:
            status = ReportStatus.IN_PROGRESS
        evidence = [e.original_name for u in task.window_updates for e in u.evidence.all()]
        rows.append(
            {
                "id": task.pk,
                "plan": task.plan.number or task.plan.title[:60],
                "no": ".".join(part for part in (task.section, task.no) if part),
                "area": task.area,
                "content": task.content,
                "lead": task.lead.name if task.lead else task.lead_text,
                "deadline": task.deadline_text or _d(task.current_due(period.end)),
                "status": status,
                "progress": task.progress,
                "completed_on": _d(task.completed_on),
                "output": task.output,
                "evidence": evidence,
            }
        )
    return rows


def target_rows(unit: Unit, period: Period) -> list[dict]:
    """Every target of the unit's plans with its accepted value for the period and its attainment at the window's
    end (a figure waiting for review or returned is shown as no value yet)."""
    targets = (
        Target.objects.filter(_plans_filter(unit, period))
        .select_related("plan", "indicator")
        .prefetch_related(
            Prefetch(
                "measurements",
                queryset=Measurement.objects.filter(period=period, status=UpdateStatus.ACCEPTED),
                to_attr="found",
            )
        )
        .order_by("plan__issued_on", "plan_id", "position", "pk")
    )
    rows = []
    for target in targets:
        figure = target.found[0] if target.found else None
        rows.append(
            {
                "id": target.pk,
                "plan": target.plan.number or target.plan.title[:60],
                "area": target.area or (target.indicator.area if target.indicator else ""),
                "text": target.text,
                "indicator": target.indicator.code if target.indicator else "",
                "goal": target.goal,
                "target": _number(target.value),
                "unit": target.unit,
                "value": _number(figure.value) if figure else None,
                "numerator": _number(figure.numerator) if figure else None,
                "denominator": _number(figure.denominator) if figure else None,
                "attainment": attainment(target, figure.value, period.end) if figure else "no_value",
            }
        )
    return rows


def statistics(tasks: list[dict], targets: list[dict], table: tuple[StatRow, ...] = STATISTICS) -> list[dict]:
    counts = Counter(row["status"] for row in tasks)
    by_indicator = {row["indicator"]: row for row in targets if row["indicator"] and row["value"] is not None}
    rows = []
    for stat in table:
        value = numerator = denominator = None
        if stat.tasks:
            value = len(tasks) if stat.tasks == "total" else counts[stat.tasks]
        elif stat.indicator in by_indicator:
            found = by_indicator[stat.indicator]
            value, numerator, denominator = found["value"], found["numerator"], found["denominator"]
        rows.append(
            {
                "key": stat.key,
                "label": stat.label,
                "unit": stat.unit,
                "value": value,
                "numerator": numerator,
                "denominator": denominator,
            }
        )
    return rows


def area_summary(tasks: list[dict], targets: list[dict]) -> list[dict]:
    """Per area: task counts by bucket and target counts by attainment (the charts and the changes read these)."""
    summary = []
    for area in Area:
        area_tasks = [row for row in tasks if row["area"] == area]
        area_targets = [row for row in targets if row["area"] == area]
        summary.append(
            {
                "area": area.value,
                "label": area.label,
                "tasks": {bucket: sum(r["status"] == bucket for r in area_tasks) for bucket in BUCKETS},
                "targets": {key: sum(r["attainment"] == key for r in area_targets) for key in ATTAINMENTS},
            }
        )
    return summary


def generate(unit: Unit, period: Period) -> dict:
    tasks = task_rows(unit, period)
    targets = target_rows(unit, period)
    table, outline = current_guidance()
    return {
        "unit": {"id": unit.pk, "name": unit.name, "kind": unit.kind},
        "period": {
            "code": period.code,
            "label": str(period),
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "due_on": period.due_on.isoformat(),
        },
        "generated_at": timezone.now().isoformat(),
        "tasks": tasks,
        "targets": targets,
        "areas": area_summary(tasks, targets),
        "statistics": statistics(tasks, targets, table),
        "outline": outline,
    }


def _names(rows: list[dict], limit: int = 3) -> str:
    shown = "; ".join(f"{r['content'].rstrip('.')}" for r in rows[:limit])
    return shown + (f" và {len(rows) - limit} nhiệm vụ khác" if len(rows) > limit else "")


def draft_results(content: dict, area: str) -> str:
    """A paragraph for one area naming what was done, with counts, and what is late."""
    tasks = [row for row in content["tasks"] if row["area"] == area]
    targets = [row for row in content["targets"] if row["area"] == area]
    if not tasks and not targets:
        return "Trong kỳ, kế hoạch không có nhiệm vụ, chỉ tiêu thuộc lĩnh vực này."
    by = {bucket: [r for r in tasks if r["status"] == bucket] for bucket in BUCKETS}
    done = by[ReportStatus.DONE_ON_TIME] + by[ReportStatus.DONE_LATE]
    parts = [
        f"Trong kỳ, đơn vị triển khai {len(tasks)} nhiệm vụ; đã hoàn thành {len(done)} nhiệm vụ "
        f"({len(by[ReportStatus.DONE_ON_TIME])} đúng hạn, {len(by[ReportStatus.DONE_LATE])} quá hạn), "
        f"{len(by[ReportStatus.IN_PROGRESS])} nhiệm vụ đang thực hiện trong hạn, "
        f"{len(by[ReportStatus.OVERDUE])} nhiệm vụ quá hạn chưa hoàn thành."
    ]
    if done:
        parts.append(f"Đã hoàn thành: {_names(done)}.")
    if by[ReportStatus.OVERDUE]:
        parts.append(f"Chậm tiến độ: {_names(by[ReportStatus.OVERDUE])}.")
    if targets:
        met = sum(r["attainment"] == Attainment.MET for r in targets)
        missing = sum(r["attainment"] == "no_value" for r in targets)
        parts.append(
            f"Về chỉ tiêu: {met}/{len(targets)} chỉ tiêu đạt"
            + (f", {missing} chỉ tiêu chưa có số liệu kỳ này." if missing else ".")
        )
    return " ".join(parts)


def draft_shortcomings(content: dict) -> str:
    overdue = [r for r in content["tasks"] if r["status"] == ReportStatus.OVERDUE]
    behind = [r for r in content["targets"] if r["attainment"] in (Attainment.AT_RISK, Attainment.MISSED)]
    if not overdue and not behind:
        return "Các nhiệm vụ, chỉ tiêu được triển khai đúng tiến độ. (Bổ sung nguyên nhân của tồn tại, nếu có.)"
    parts = []
    if overdue:
        parts.append(f"Còn {len(overdue)} nhiệm vụ quá hạn chưa hoàn thành: {_names(overdue)}.")
    if behind:
        parts.append(f"Có {len(behind)} chỉ tiêu chưa đạt hoặc có nguy cơ không đạt.")
    parts.append("Nguyên nhân: (nêu nguyên nhân khách quan, chủ quan).")
    return " ".join(parts)


def draft_next_tasks(content: dict) -> str:
    open_tasks = [r for r in content["tasks"] if r["status"] in (ReportStatus.IN_PROGRESS, ReportStatus.OVERDUE)]
    if not open_tasks:
        return "Tiếp tục duy trì kết quả đã đạt được; triển khai các nhiệm vụ của kế hoạch năm."
    overdue = [r for r in open_tasks if r["status"] == ReportStatus.OVERDUE]
    if not overdue:
        return f"Tập trung hoàn thành {len(open_tasks)} nhiệm vụ còn lại: {_names(open_tasks)}."
    return (
        f"Tập trung hoàn thành {len(open_tasks)} nhiệm vụ còn lại, ưu tiên {len(overdue)} nhiệm vụ quá hạn: "
        f"{_names(sorted(open_tasks, key=lambda r: r['status'] != ReportStatus.OVERDUE))}."
    )


def draft_text(content: dict, kind: str, area: str = "") -> str:
    if kind == "results":
        return draft_results(content, area)
    if kind == "shortcomings":
        return draft_shortcomings(content)
    if kind == "next_tasks":
        return draft_next_tasks(content)
    if kind == "proposals":
        return "(Nêu đề xuất, kiến nghị với cấp trên, nếu có.)"
    return ""


def changes(frozen: dict, current: dict) -> list[str]:
    """What differs in the data between a frozen content and the data as it now is, as sentences (counts)."""
    lines = []
    now = {row["area"]: row for row in current["areas"]}
    for then in frozen["areas"]:
        area = now.get(then["area"])
        if area is None:
            continue
        for bucket, label in BUCKETS.items():
            before, after = then["tasks"].get(bucket, 0), area["tasks"].get(bucket, 0)
            if before != after:
                lines.append(f"{then['label']} – {label.lower()}: {before} khi gửi, nay {after}.")
        for key, label in ATTAINMENTS.items():
            before, after = then["targets"].get(key, 0), area["targets"].get(key, 0)
            if before != after:
                lines.append(f"{then['label']} – chỉ tiêu {label.lower()}: {before} khi gửi, nay {after}.")
    stats_now = {row["key"]: row for row in current["statistics"]}
    for row in frozen["statistics"]:
        after = stats_now.get(row["key"], {}).get("value")
        if row["value"] != after and not row["key"].startswith("tasks_"):
            lines.append(f"{row['label']}: {_vi(row['value'])} khi gửi, nay {_vi(after)}.")
    if len(frozen["tasks"]) != len(current["tasks"]):
        lines.append(f"Số nhiệm vụ: {len(frozen['tasks'])} khi gửi, nay {len(current['tasks'])}.")
    return lines


def _vi(value) -> str:
    return "chưa có" if value is None else num(value)
