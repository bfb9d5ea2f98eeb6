"""The plan's workbook, prefilled: one row per target and period, one row per task, each carrying the version
of its record and its values as downloaded (hidden columns), every cell written through ``cchc.xlsx``."""

from __future__ import annotations

import datetime as dt
import io
import json

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from apps.plans.models import Plan, TaskState
from apps.tracking.figures import period_label
from apps.tracking.models import Period
from apps.tracking.spreadsheets.layout import FIGURE_COLUMNS, FIGURES, GUIDE, TASK_COLUMNS, TASKS
from cchc import xlsx


def plain(value) -> str:
    """A stored number as exact text ('85.5', '1234'); '' for none."""
    return "" if value is None else f"{value.normalize():f}"


def figure_original(target_id: int, period: str, value, numerator, denominator, source: str) -> list:
    """A figure row's values in the form the upload compares them in."""
    return [target_id, period, plain(value), plain(numerator), plain(denominator), source or ""]


def task_original(task_id: int, state: str, progress: int) -> list:
    return [task_id, str(state), int(progress)]


def _header(sheet, headers: list[str], widths: list[int]) -> None:
    xlsx.append(sheet, headers)
    for cell, width in zip(sheet[1], widths, strict=True):
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEF2F6")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.freeze_panes = "A2"


def _hide_last_two(sheet) -> None:
    for cell in sheet[1][-2:]:
        sheet.column_dimensions[cell.column_letter].hidden = True


def _wrap(sheet, column: int) -> None:
    for row in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")


def export_plan(plan: Plan, today: dt.date | None = None) -> bytes:
    """The plan's workbook: one row per target and period (values entered, and the periods already open this
    year left blank to fill in), one row per task."""
    today = today or timezone.localdate()
    wb = Workbook()
    figures = wb.active
    figures.title = FIGURES
    _header(figures, list(FIGURE_COLUMNS.values()), [12, 60, 12, 16, 12, 12, 12, 30, 10, 30])
    Period.ensure_year(today.year)
    open_now = list(Period.objects.filter(year=today.year, start__lte=today).order_by("end"))
    for target in plan.targets.prefetch_related("measurements__period"):
        measured = {m.period_id: m for m in target.measurements.all()}
        periods = sorted({m.period for m in measured.values()} | set(open_now), key=lambda p: (p.end, p.start))
        for period in periods:
            m = measured.get(period.pk)
            label = period_label(period)
            values = (m.value, m.numerator, m.denominator, m.source) if m else (None, None, None, None)
            version = m.version if m else None
            original = json.dumps(figure_original(target.pk, label, *values), ensure_ascii=False)
            xlsx.append(figures, [target.pk, target.text, target.goal_in_signs, label, *values, version, original])
    _wrap(figures, 2)
    _hide_last_two(figures)

    tasks = wb.create_sheet(TASKS)
    _header(tasks, list(TASK_COLUMNS.values()), [8, 8, 60, 30, 14, 18, 10, 40, 10, 20])
    for task in plan.tasks.select_related("lead"):
        due = task.current_due(today)
        xlsx.append(
            tasks,
            [
                task.pk,
                ".".join(p for p in (task.section, task.no) if p),
                task.content,
                task.lead.name if task.lead else task.lead_text,
                due.strftime("%d/%m/%Y") if due else task.deadline_text,
                task.get_state_display(),
                task.progress,
                None,
                task.version,
                json.dumps(task_original(task.pk, task.state, task.progress)),
            ],
        )
    last = max(tasks.max_row, 2)
    states = DataValidation(type="list", formula1='"' + ",".join(TaskState.labels) + '"', allow_blank=True)
    states.add(f"F2:F{last}")
    tasks.add_data_validation(states)
    _wrap(tasks, 3)
    _hide_last_two(tasks)

    guide = wb.create_sheet(GUIDE)
    for line in (
        f"Kế hoạch: {plan}",
        "Trang tính “Số liệu”: điền Giá trị, hoặc Tử số và Mẫu số (giá trị tỷ lệ sẽ tự tính). Có thể viết 85,5 "
        "hoặc 85.5%. Thêm kỳ khác bằng cách chép dòng, giữ Mã chỉ tiêu và sửa Kỳ (VD: Quý I 2026, 6 tháng 2026, "
        "Quý III 2026, Năm 2026).",
        "Trang tính “Nhiệm vụ”: sửa Tình trạng (" + ", ".join(TaskState.labels) + "), Tiến độ % và Ghi chú.",
        "Ô để trống là không thay đổi. Không sửa cột Mã chỉ tiêu, ID. Chỉ sửa được dòng mình được giao.",
        "Hai cột ẩn ở cuối mỗi trang tính ghi phiên bản và giá trị của từng dòng lúc tải về: đừng sửa, đừng xóa. "
        "Nhờ đó, dòng bạn không sửa sẽ không ghi đè số liệu người khác nhập sau khi bạn tải tệp; dòng bạn sửa mà "
        "người khác cũng đã sửa sẽ được hiện ra để bạn chọn giữ hay ghi đè.",
        "Tải tệp lên, xem trước các thay đổi rồi xác nhận; tệp còn lỗi thì không dòng nào được lưu.",
    ):
        xlsx.append(guide, [line])
    guide.column_dimensions["A"].width = 120
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
