"""A plan's figures and tasks as an Excel workbook: download it prefilled, fill it in, upload it back.

The upload is read into plain rows (``read_workbook``), checked against the database (``review``) into a list
of changes and a list of errors by row and column, shown, and saved only when the user confirms and the rows
check again (``apply``). A file with any error saves nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from apps.audit.models import record
from apps.plans.models import Plan, PlanStatus, TaskState
from apps.tracking.figures import (
    FigureError,
    compute,
    goal_label,
    parse_number,
    parse_period,
    period_label,
    plan_years,
    save_measurement,
)
from apps.tracking.models import Measurement, Period
from apps.tracking.services import UpdateError, submit_update
from apps.units.access import Access
from importer.text import fold

FIGURES = "Số liệu"
TASKS = "Nhiệm vụ"
GUIDE = "Hướng dẫn"

# column key → header as printed; the reader finds columns by their folded header, so order may change
FIGURE_COLUMNS = {
    "target": "Mã chỉ tiêu",
    "text": "Nội dung",
    "goal": "Chỉ tiêu",
    "period": "Kỳ",
    "value": "Giá trị",
    "numerator": "Tử số",
    "denominator": "Mẫu số",
    "source": "Nguồn",
}
TASK_COLUMNS = {
    "task": "ID",
    "no": "TT",
    "content": "Nội dung",
    "lead": "Chủ trì",
    "due": "Hạn",
    "state": "Tình trạng",
    "progress": "Tiến độ %",
    "comment": "Ghi chú",
}
FIGURE_REQUIRED = ("target", "period", "value", "numerator", "denominator", "source")
TASK_REQUIRED = ("task", "state", "progress", "comment")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- download ------------------------------------------------------------------------------------------------


def _header(sheet, headers: list[str], widths: list[int]) -> None:
    sheet.append(headers)
    for cell, width in zip(sheet[1], widths, strict=True):
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEF2F6")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.freeze_panes = "A2"


def _number(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def export_plan(plan: Plan, today: dt.date | None = None) -> bytes:
    """The plan's workbook: one row per target and period (values entered, and the periods already open this
    year left blank to fill in), one row per task."""
    today = today or timezone.localdate()
    wb = Workbook()
    figures = wb.active
    figures.title = FIGURES
    _header(figures, list(FIGURE_COLUMNS.values()), [12, 60, 12, 16, 12, 12, 12, 30])
    Period.ensure_year(today.year)
    open_now = list(Period.objects.filter(year=today.year, start__lte=today).order_by("end"))
    targets = plan.targets.prefetch_related("measurements__period")
    for target in targets:
        measured = {m.period_id: m for m in target.measurements.all()}
        periods = sorted({m.period for m in measured.values()} | set(open_now), key=lambda p: (p.end, p.start))
        for period in periods:
            m = measured.get(period.pk)
            figures.append(
                [
                    target.pk,
                    target.text,
                    goal_label(target),
                    period_label(period),
                    _number(m.value) if m else None,
                    _number(m.numerator) if m else None,
                    _number(m.denominator) if m else None,
                    m.source if m else None,
                ]
            )
    for row in figures.iter_rows(min_row=2, min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")

    tasks = wb.create_sheet(TASKS)
    _header(tasks, list(TASK_COLUMNS.values()), [8, 8, 60, 30, 14, 18, 10, 40])
    for task in plan.tasks.select_related("lead"):
        due = task.current_due(today)
        tasks.append(
            [
                task.pk,
                ".".join(p for p in (task.section, task.no) if p),
                task.content,
                task.lead.name if task.lead else task.lead_text,
                due.strftime("%d/%m/%Y") if due else task.deadline_text,
                task.get_state_display(),
                task.progress,
                None,
            ]
        )
    last = max(tasks.max_row, 2)
    states = DataValidation(type="list", formula1='"' + ",".join(TaskState.labels) + '"', allow_blank=True)
    states.add(f"F2:F{last}")
    tasks.add_data_validation(states)
    for row in tasks.iter_rows(min_row=2, min_col=3, max_col=3):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")

    guide = wb.create_sheet(GUIDE)
    for line in (
        f"Kế hoạch: {plan}",
        "Trang tính “Số liệu”: điền Giá trị, hoặc Tử số và Mẫu số (giá trị tỷ lệ sẽ tự tính). Có thể viết 85,5 "
        "hoặc 85.5%. Thêm kỳ khác bằng cách chép dòng, giữ Mã chỉ tiêu và sửa Kỳ (VD: Quý I 2026, 6 tháng 2026, "
        "Quý III 2026, Năm 2026).",
        "Trang tính “Nhiệm vụ”: sửa Tình trạng (" + ", ".join(TaskState.labels) + "), Tiến độ % và Ghi chú.",
        "Ô để trống là không thay đổi. Không sửa cột Mã chỉ tiêu, ID. Chỉ sửa được dòng mình được giao.",
        "Tải tệp lên, xem trước các thay đổi rồi xác nhận; tệp còn lỗi thì không dòng nào được lưu.",
    ):
        guide.append([line])
    guide.column_dimensions["A"].width = 120
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- upload: the file into plain rows ------------------------------------------------------------------------


@dataclass
class Problem:
    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""

    def __str__(self) -> str:
        if self.row and self.column:
            return f"Dòng {self.row}, cột {self.column}: {self.message}"
        if self.row:
            return f"Dòng {self.row}: {self.message}"
        return self.message


def _cell(cell):
    """A cell's value as JSON-ready data; a percent-formatted number (0.855 shown as 85,5%) becomes 85.5."""
    value = cell.value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
        return float(Decimal(str(value)) * 100)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _columns(header_row, columns: dict[str, str]) -> dict[str, int]:
    wanted = {fold(label).replace(" ", ""): key for key, label in columns.items()}
    found = {}
    for index, cell in enumerate(header_row):
        key = wanted.get(fold(str(cell.value or "")).replace(" ", ""))
        if key and key not in found:
            found[key] = index
    return found


def _sheet(wb, name: str):
    for sheet in wb.worksheets:
        if fold(sheet.title).strip() == fold(name):
            return sheet
    return None


def read_workbook(data: bytes) -> tuple[dict, list[Problem]]:
    """The figure and task rows of an uploaded workbook as plain data: {'figures': [[row, {key: value}]], …}."""
    try:
        wb = load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        return {}, [Problem("Tệp không phải là bảng tính Excel (.xlsx) đọc được.")]
    rows: dict = {"figures": [], "tasks": []}
    problems: list[Problem] = []
    found_any = False
    for key, name, columns, required in (
        ("figures", FIGURES, FIGURE_COLUMNS, FIGURE_REQUIRED),
        ("tasks", TASKS, TASK_COLUMNS, TASK_REQUIRED),
    ):
        sheet = _sheet(wb, name)
        if sheet is None:
            continue
        found_any = True
        header = next(sheet.iter_rows(min_row=1, max_row=1), ())
        where = _columns(header, columns)
        missing = [columns[k] for k in required if k not in where]
        if missing:
            problems.append(Problem(f"Trang tính “{name}” thiếu cột: {', '.join(missing)}."))
            continue
        for number, cells in enumerate(sheet.iter_rows(min_row=2), start=2):
            values = {k: _cell(cells[i]) if i < len(cells) else None for k, i in where.items()}
            if any(v is not None for v in values.values()):
                rows[key].append([number, values])
    if not found_any:
        problems.append(Problem(f"Không thấy trang tính “{FIGURES}” hoặc “{TASKS}” trong tệp."))
    return rows, problems


# --- upload: rows into changes -------------------------------------------------------------------------------


def _show(value) -> str:
    """A cell as the user wrote it, for a message."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _plain(value: Decimal | None) -> str:
    """A stored number as exact text ('85.5', '1234'); '' for none."""
    return "" if value is None else f"{value.normalize():f}"


def _vi(text: str) -> str:
    return text.replace(".", ",")


@dataclass
class FigureChange:
    row: int
    target_id: int
    period_id: int
    target_text: str
    period: str
    unit: str
    old: dict | None
    new: dict

    def describe(self, part: dict | None) -> str:
        if not part or part.get("value") in (None, ""):
            return "—"
        text = f"{_vi(part['value'])}{self.unit}"
        if part.get("numerator") and part.get("denominator"):
            text += f" ({_vi(part['numerator'])}/{_vi(part['denominator'])})"
        if part.get("source"):
            text += f" · {part['source']}"
        return text

    @property
    def old_text(self) -> str:
        return self.describe(self.old)

    @property
    def new_text(self) -> str:
        return self.describe(self.new)


@dataclass
class TaskChange:
    row: int
    task_id: int
    label: str
    content: str
    old_state: str
    old_progress: int
    state: str
    progress: int
    comment: str

    @property
    def old_state_label(self) -> str:
        return TaskState(self.old_state).label

    @property
    def state_label(self) -> str:
        return TaskState(self.state).label


@dataclass
class Review:
    figures: list[FigureChange] = field(default_factory=list)
    tasks: list[TaskChange] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def count(self) -> int:
        return len(self.figures) + len(self.tasks)

    def digest(self) -> str:
        """A fingerprint of the changes, to tell whether they still hold when the user confirms."""
        data = json.dumps([[asdict(c) for c in self.figures], [asdict(c) for c in self.tasks]], sort_keys=True)
        return hashlib.sha256(data.encode()).hexdigest()


def _id(raw) -> int | None:
    try:
        number = parse_number(raw)
    except FigureError:
        return None
    if number is None or number != number.to_integral_value() or number <= 0:
        return None
    return int(number)


_STATES = {fold(label): value for value, label in TaskState.choices} | {v: v for v in TaskState.values}
_STATES |= {"chua": TaskState.NOT_STARTED, "dang": TaskState.IN_PROGRESS, "xong": TaskState.DONE}
_STATES |= {"hoan thanh": TaskState.DONE, "da xong": TaskState.DONE, "dang thuc hien": TaskState.IN_PROGRESS}


def _figure_rows(plan: Plan, access: Access, rows: list, review: Review) -> None:
    targets = {t.pk: t for t in plan.targets.select_related("indicator", "agency")}
    for t in targets.values():
        t.plan = plan
    existing = {(m.target_id, m.period_id): m for m in Measurement.objects.filter(target__plan=plan)}
    seen: dict[tuple[int, int], int] = {}
    years = plan_years(plan)
    col = FIGURE_COLUMNS

    def problem(row, key, message):
        review.problems.append(Problem(message, FIGURES, row, col[key] if key else ""))

    for row, cells in rows:
        raw_id = cells.get("target")
        target = targets.get(_id(raw_id))
        if target is None:
            problem(row, "target", f"'{_show(raw_id)}' không phải là mã chỉ tiêu của kế hoạch này")
            continue
        if all(cells.get(k) is None for k in ("value", "numerator", "denominator")):
            continue  # a period left blank: nothing to change
        try:
            period = parse_period(cells.get("period"), years)
        except FigureError as error:
            problem(row, "period", str(error))
            continue
        parsed = {}
        bad = False
        for key in ("value", "numerator", "denominator"):
            try:
                parsed[key] = parse_number(cells.get(key))
            except FigureError as error:
                problem(row, key, str(error))
                bad = True
        if bad:
            continue
        try:
            figure = compute(target, parsed["value"], parsed["numerator"], parsed["denominator"])
        except FigureError as error:
            key = "denominator" if "Mẫu số" in str(error) else "numerator" if "Tử số" in str(error) else "value"
            problem(row, key, str(error))
            continue
        source = str(cells.get("source") or "").strip()[:300]
        if (target.pk, period.pk) in seen:
            problem(row, "period", f"{period_label(period)} của chỉ tiêu này đã có ở dòng {seen[target.pk, period.pk]}")
            continue
        seen[target.pk, period.pk] = row
        new = {
            "value": _plain(figure.value),
            "numerator": _plain(figure.numerator),
            "denominator": _plain(figure.denominator),
            "source": source,
        }
        current = existing.get((target.pk, period.pk))
        old = None
        if current is not None:
            old = {
                "value": _plain(current.value),
                "numerator": _plain(current.numerator),
                "denominator": _plain(current.denominator),
                "source": current.source,
            }
            same = (current.value, current.source) == (figure.value, source)
            same = same and _same(current.numerator, figure.numerator)
            same = same and _same(current.denominator, figure.denominator)
            if same:
                continue
        if not access.can_enter_measurement(target):
            who = f" (do {target.agency.name} theo dõi)" if target.agency else ""
            problem(row, "target", f"bạn không được nhập số liệu cho chỉ tiêu này{who}")
            continue
        review.figures.append(
            FigureChange(row, target.pk, period.pk, target.text, period_label(period), target.unit, old, new)
        )


def _decimal(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def _same(a: Decimal | None, b: Decimal | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a == b)


def _task_rows(plan: Plan, access: Access, rows: list, review: Review) -> None:
    tasks = {t.pk: t for t in plan.tasks.select_related("lead")}
    for t in tasks.values():
        t.plan = plan
    seen: dict[int, int] = {}
    col = TASK_COLUMNS

    def problem(row, key, message):
        review.problems.append(Problem(message, TASKS, row, col[key] if key else ""))

    for row, cells in rows:
        raw_id = cells.get("task")
        task = tasks.get(_id(raw_id))
        if task is None:
            problem(row, "task", f"'{_show(raw_id)}' không phải là ID nhiệm vụ của kế hoạch này")
            continue
        if task.pk in seen:
            problem(row, "task", f"nhiệm vụ này đã có ở dòng {seen[task.pk]}")
            continue
        seen[task.pk] = row
        raw_state = cells.get("state")
        state = task.state
        if raw_state is not None:
            state = _STATES.get(fold(str(raw_state)).strip())
            if state is None:
                labels = ", ".join(TaskState.labels)
                problem(row, "state", f"'{raw_state}' không phải là tình trạng (chọn một trong: {labels})")
                continue
        progress = task.progress
        raw_progress = cells.get("progress")
        if raw_progress is not None:
            try:
                number = parse_number(raw_progress)
            except FigureError as error:
                problem(row, "progress", str(error))
                continue
            if number is None or number != number.to_integral_value() or not 0 <= number <= 100:
                problem(row, "progress", f"'{_show(raw_progress)}' phải là số nguyên từ 0 đến 100")
                continue
            progress = int(number)
        comment = str(cells.get("comment") or "").strip()
        if state == task.state and progress != task.progress:
            # only the percentage was touched: the state follows it
            state = TaskState.DONE if progress == 100 else TaskState.IN_PROGRESS if progress > 0 else state
        if state == TaskState.DONE:
            progress = 100
        elif state == TaskState.NOT_STARTED:
            progress = 0
        else:
            progress = min(progress, 99)
        if state == task.state and progress == task.progress and not comment:
            continue
        if not access.can_update_task(task):
            lead = task.lead.name if task.lead else (task.lead_text or "cơ quan khác")
            problem(row, "task", f"bạn không được cập nhật nhiệm vụ do {lead} chủ trì")
            continue
        if plan.status != PlanStatus.PUBLISHED:
            problem(row, "task", "kế hoạch chưa ban hành hoặc đã được thay thế; không cập nhật được nhiệm vụ")
            continue
        label = ".".join(p for p in (task.section, task.no) if p)
        review.tasks.append(
            TaskChange(row, task.pk, label, task.content, task.state, task.progress, state, progress, comment)
        )


def review(plan: Plan, access: Access, rows: dict) -> Review:
    """What the rows would change, and every problem found, by sheet, row and column."""
    result = Review()
    _figure_rows(plan, access, rows.get("figures", []), result)
    _task_rows(plan, access, rows.get("tasks", []), result)
    return result


def apply(plan: Plan, user, result: Review, file_name: str = "") -> int:
    """Save every change of a clean review in one transaction; audited row by row and once for the file."""
    if not result.ok:
        raise ValueError("a review with problems is never applied")
    targets = {t.pk: t for t in plan.targets.select_related("indicator")}
    tasks = {t.pk: t for t in plan.tasks.all()}
    periods = {p.pk: p for p in Period.objects.filter(pk__in={c.period_id for c in result.figures})}
    with transaction.atomic():
        for change in result.figures:
            target = targets[change.target_id]
            target.plan = plan
            save_measurement(
                target,
                periods[change.period_id],
                user,
                value=_decimal(change.new["value"]),
                numerator=_decimal(change.new["numerator"]),
                denominator=_decimal(change.new["denominator"]),
                source=change.new["source"],
                note=f"Nhập từ bảng tính {file_name}".strip(),
                expected_version=Measurement.objects.filter(target=target, period_id=change.period_id)
                .values_list("version", flat=True)
                .first(),
            )
        for change in result.tasks:
            task = tasks[change.task_id]
            task.plan = plan
            try:
                submit_update(task, user, state=change.state, progress=change.progress, comment=change.comment)
            except UpdateError as error:  # the plan changed status between preview and confirm
                raise FigureError(str(error)) from error
        record(
            user,
            "plan.sheet_import",
            plan,
            plan.unit,
            after={"file": file_name, "figures": len(result.figures), "tasks": len(result.tasks)},
            summary=f"Nhập bảng tính {file_name}: {len(result.figures)} số liệu, {len(result.tasks)} nhiệm vụ",
        )
    return result.count
