"""Rows of an uploaded workbook into changes, conflicts and problems (``review``), and the changes saved
(``apply``).

What the uploader changed is told by comparing each row with the values it was downloaded with (the hidden
"as downloaded" column), never with today's values: a row the uploader did not touch is skipped, whatever
happened to its record since, so a stale file never undoes anyone's work and others' edits are never reported
as the uploader's. A row the uploader changed is a change when its record is still at the version the file was
downloaded at (the hidden version column), and a conflict otherwise: it is shown with the value now in cchc
(who, when) and the file's value, and saved only if the uploader ticks it, row by row, to overwrite; so is a
changed row that carries no version (typed by hand, pasted from another file) over a task or a value. Every
save names the version it was made from, so a record changed between the preview and the confirmation is a
``Conflict`` and nothing of the file is saved.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from apps.audit.models import AuditEntry, record
from apps.plans.models import Plan, PlanStatus, Task, TaskState
from apps.tracking import notify
from apps.tracking.figures import (
    FigureError,
    compute,
    parse_number,
    parse_period,
    period_label,
    plan_years,
    save_measurement,
)
from apps.tracking.models import Measurement, Period
from apps.tracking.services import UpdateError, contradiction, submit_update
from apps.tracking.spreadsheets.layout import FIGURE_COLUMNS, FIGURES, TASK_COLUMNS, TASKS
from apps.tracking.spreadsheets.reading import Problem
from apps.tracking.spreadsheets.writing import plain
from apps.units.access import Access
from apps.units.models import person_name
from importer.text import fold


def _show(value) -> str:
    """A cell as the user wrote it, for a message."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _vi(text: str) -> str:
    return text.replace(".", ",")


UNKNOWN = "không rõ (dòng không mang phiên bản lúc tải về)"


def _who(user) -> str:
    if user is None:
        return "không rõ"
    return person_name(user)


def _when(at) -> str:
    return timezone.localtime(at).strftime("%H:%M %d/%m/%Y") if at else ""


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
    expected_version: int | None  # the measurement's version the change is made from; None for a first value

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
    expected_version: int  # the task's version the update is made from

    @property
    def old_state_label(self) -> str:
        return TaskState(self.old_state).label

    @property
    def state_label(self) -> str:
        return TaskState(self.state).label


@dataclass
class RowConflict:
    """A row the uploader changed whose record someone else changed after the file was downloaded."""

    sheet: str  # FIGURES or TASKS
    row: int
    subject: str  # what the row is about, for the table
    downloaded: str  # the record's value in the file as downloaded
    current: str  # the record's value now in cchc
    who: str
    when: str
    file: str  # the uploader's value
    current_version: int
    figure: FigureChange | None = None  # the change made if the uploader chooses to overwrite
    task: TaskChange | None = None

    @property
    def key(self) -> str:
        return f"{'f' if self.sheet == FIGURES else 't'}{self.row}"


@dataclass
class Review:
    figures: list[FigureChange] = field(default_factory=list)
    tasks: list[TaskChange] = field(default_factory=list)
    conflicts: list[RowConflict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def count(self) -> int:
        return len(self.figures) + len(self.tasks)

    def digest(self) -> str:
        """A fingerprint of the changes and conflicts, to tell whether they still hold when the user confirms."""
        data = [[asdict(c) for c in part] for part in (self.figures, self.tasks, self.conflicts)]
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()

    def chosen(self, overwrite: set[str]) -> tuple[list[FigureChange], list[TaskChange]]:
        """The changes to save: every change, and the conflicts the user chose to overwrite."""
        picked = [c for c in self.conflicts if c.key in overwrite]
        return (
            self.figures + [c.figure for c in picked if c.figure],
            self.tasks + [c.task for c in picked if c.task],
        )


def _id(raw) -> int | None:
    try:
        number = parse_number(raw)
    except FigureError:
        return None
    if number is None or number != number.to_integral_value() or not 0 < number < 2**31:
        return None
    return int(number)


FIGURE_ORIGINAL = (int, str, str, str, str, str)  # target, period, value, numerator, denominator, source
TASK_ORIGINAL = (int, str, int)  # task, state, progress


def _original(raw, types: tuple) -> list | None:
    """The row's values as downloaded (the hidden column), or None when absent or not as cchc wrote them."""
    if not isinstance(raw, str):
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(value, list) or len(value) != len(types):
        return None
    if not all(type(v) is t for v, t in zip(value, types, strict=True)):
        return None
    if types is FIGURE_ORIGINAL and any(_decimal(v) is None and v for v in value[2:5]):
        return None
    return value


def _number_as_typed(raw):
    try:
        return plain(parse_number(raw))
    except FigureError:
        return raw


_STATES = {fold(label): value for value, label in TaskState.choices} | {v: v for v in TaskState.values}
_STATES |= {"chua": TaskState.NOT_STARTED, "dang": TaskState.IN_PROGRESS, "xong": TaskState.DONE}
_STATES |= {"hoan thanh": TaskState.DONE, "da xong": TaskState.DONE, "dang thuc hien": TaskState.IN_PROGRESS}


def _state(raw) -> str | None:
    return _STATES.get(fold(str(raw)).strip())


def _figure_rows(plan: Plan, access: Access, rows: list, review: Review) -> None:
    targets = {t.pk: t for t in plan.targets.select_related("indicator", "agency")}
    for t in targets.values():
        t.plan = plan
    existing = {
        (m.target_id, m.period_id): m
        for m in Measurement.objects.filter(target__plan=plan).select_related("entered_by")
    }
    seen: dict[tuple[int, int], int] = {}
    years = plan_years(plan)
    periods: dict[str, Period | FigureError] = {}  # each period text read once, not once per row
    col = FIGURE_COLUMNS

    def problem(row, key, message):
        review.problems.append(Problem(message, FIGURES, row, col[key] if key else ""))

    for row, cells in rows:
        original = _original(cells.get("original"), FIGURE_ORIGINAL)
        as_typed = [
            _id(cells.get("target")),
            _show(cells.get("period")),
            *(_number_as_typed(cells.get(k)) for k in ("value", "numerator", "denominator")),
            str(cells.get("source") or "").strip()[:300],
        ]
        if original is not None and as_typed == original:
            continue  # the uploader did not change this row: never written, whatever happened to it since
        raw_id = cells.get("target")
        target = targets.get(_id(raw_id))
        if target is None:
            problem(row, "target", f"'{_show(raw_id)}' không phải là mã chỉ tiêu của kế hoạch này")
            continue
        if all(cells.get(k) is None for k in ("value", "numerator", "denominator")):
            continue  # a period left blank: nothing to change
        key = _show(cells.get("period"))
        if key not in periods:
            try:
                periods[key] = parse_period(cells.get("period"), years)
            except FigureError as error:
                periods[key] = error
        period = periods[key]
        if isinstance(period, FigureError):
            problem(row, "period", str(period))
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
        source = as_typed[5]
        label = period_label(period)
        if (target.pk, period.pk) in seen:
            problem(row, "period", f"{label} của chỉ tiêu này đã có ở dòng {seen[target.pk, period.pk]}")
            continue
        seen[target.pk, period.pk] = row
        new = _figure_values(figure.value, figure.numerator, figure.denominator, source)
        current = existing.get((target.pk, period.pk))
        old = _figure_values(current.value, current.numerator, current.denominator, current.source) if current else None
        if old == new:
            continue  # already so in cchc
        if not access.can_enter_measurement(target):
            who = f" (do {target.agency.name} theo dõi)" if target.agency else ""
            problem(row, "target", f"bạn không được nhập số liệu cho chỉ tiêu này{who}")
            continue
        # the row's version holds for the record it was downloaded as; a copied row for another period is new
        based = original is not None and original[:2] == [target.pk, label]
        expected = _id(cells.get("version")) if based and current is not None else None
        change = FigureChange(row, target.pk, period.pk, target.text, label, target.unit, old, new, expected)
        if expected == (current.version if current else None):
            review.figures.append(change)
            continue
        downloaded = _figure_values(*(_decimal(v) for v in original[2:5]), original[5]) if based else None
        downloaded_text = change.describe(downloaded) if based else UNKNOWN
        review.conflicts.append(
            RowConflict(
                FIGURES,
                row,
                f"{target.text} · {label}",
                downloaded_text,
                change.old_text,
                _who(current.entered_by),
                _when(current.entered_at),
                change.new_text,
                current.version,
                figure=replace(change, expected_version=current.version),
            )
        )


def _figure_values(value, numerator, denominator, source) -> dict:
    return {"value": plain(value), "numerator": plain(numerator), "denominator": plain(denominator), "source": source}


def _decimal(text: str) -> Decimal | None:
    """A number as ``plain`` wrote it; None for '' (or for anything else)."""
    try:
        return Decimal(text) if text else None
    except ArithmeticError:
        return None


def _task_rows(plan: Plan, access: Access, rows: list, review: Review) -> None:
    tasks = {t.pk: t for t in plan.tasks.select_related("lead")}
    for t in tasks.values():
        t.plan = plan
    seen: dict[int, int] = {}
    col = TASK_COLUMNS

    def problem(row, key, message):
        review.problems.append(Problem(message, TASKS, row, col[key] if key else ""))

    for row, cells in rows:
        original = _original(cells.get("original"), TASK_ORIGINAL)
        raw_state, raw_progress = cells.get("state"), cells.get("progress")
        comment = str(cells.get("comment") or "").strip()
        if original is not None and not comment:
            as_typed = [
                _id(cells.get("task")),
                original[1] if raw_state is None else _state(raw_state),
                original[2] if raw_progress is None else _whole(raw_progress),
            ]
            if as_typed == original:
                continue  # the uploader did not change this row: never written, whatever happened to it since
        raw_id = cells.get("task")
        task = tasks.get(_id(raw_id))
        if task is None:
            problem(row, "task", f"'{_show(raw_id)}' không phải là ID nhiệm vụ của kế hoạch này")
            continue
        if task.pk in seen:
            problem(row, "task", f"nhiệm vụ này đã có ở dòng {seen[task.pk]}")
            continue
        seen[task.pk] = row
        # what the row said when downloaded (or, for a row typed in by hand, what the task says now)
        based = original is not None and original[0] == task.pk and original[1] in TaskState.values
        base_state, base_progress = (original[1], original[2]) if based else (task.state, task.progress)
        state = base_state
        if raw_state is not None:
            state = _state(raw_state)
            if state is None:
                labels = ", ".join(TaskState.labels)
                problem(row, "state", f"'{raw_state}' không phải là tình trạng (chọn một trong: {labels})")
                continue
        progress = base_progress
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
        if state != base_state and progress != base_progress and (question := contradiction(state, progress)):
            problem(row, "progress", question + " Sửa ô tình trạng hoặc ô tiến độ cho khớp rồi tải lên lại.")
            continue  # both typed and they disagree: asked, not decided here
        if state == base_state and progress != base_progress:
            # only the percentage was touched: the state follows it
            state = TaskState.DONE if progress == 100 else TaskState.IN_PROGRESS if progress > 0 else state
        if state == TaskState.DONE:
            progress = 100
        elif state == TaskState.NOT_STARTED:
            progress = 0
        else:
            progress = min(progress, 99)
        if state == task.state and progress == task.progress and not comment:
            continue  # already so in cchc
        if not access.can_update_task(task):
            lead = task.lead.name if task.lead else (task.lead_text or "cơ quan khác")
            problem(row, "task", f"bạn không được cập nhật nhiệm vụ do {lead} chủ trì")
            continue
        if plan.status != PlanStatus.PUBLISHED:
            problem(row, "task", "kế hoạch chưa ban hành hoặc đã được thay thế; không cập nhật được nhiệm vụ")
            continue
        label = ".".join(p for p in (task.section, task.no) if p)
        # a row without the version it was downloaded at (typed by hand, pasted from another file) may be stale:
        # like a changed record, it is saved only if the uploader chooses to
        expected = _id(cells.get("version")) if based else None
        change = TaskChange(
            row, task.pk, label, task.content, task.state, task.progress, state, progress, comment, task.version
        )
        if expected == task.version:
            review.tasks.append(change)
            continue
        last = AuditEntry.objects.filter(object_type="plans.task", object_id=str(task.pk)).select_related("user")
        last = last.first()
        review.conflicts.append(
            RowConflict(
                TASKS,
                row,
                f"{label} {task.content}".strip(),
                _task_text(base_state, base_progress) if expected is not None else UNKNOWN,
                _task_text(task.state, task.progress),
                _who(last.user) if last else "không rõ",
                _when(last.at) if last else "",
                _task_text(state, progress, comment),
                task.version,
                task=change,
            )
        )


def _whole(raw) -> int | None:
    try:
        number = parse_number(raw)
    except FigureError:
        return None
    return int(number) if number is not None and number == number.to_integral_value() else None


def _task_text(state: str, progress: int, comment: str = "") -> str:
    text = f"{TaskState(state).label} ({progress}%)"
    return f"{text} · {comment}" if comment else text


def review(plan: Plan, access: Access, rows: dict) -> Review:
    """What the rows would change, what conflicts with changes made since the download, and every problem
    found, by sheet, row and column."""
    result = Review()
    _figure_rows(plan, access, rows.get("figures", []), result)
    _task_rows(plan, access, rows.get("tasks", []), result)
    return result


def apply(plan: Plan, user, result: Review, file_name: str = "", overwrite: set[str] = frozenset()) -> int:
    """Save the changes of a clean review, and the conflicts chosen in ``overwrite``, in one transaction; audited
    row by row and once for the file. Each save names its version: a record changed since the review raises
    ``cchc.versioning.Conflict`` and nothing is saved."""
    if not result.ok:
        raise ValueError("a review with problems is never applied")
    figures, task_changes = result.chosen(overwrite)
    targets = {t.pk: t for t in plan.targets.select_related("indicator")}
    tasks = {t.pk: t for t in Task.objects.filter(plan=plan)}
    periods = {p.pk: p for p in Period.objects.filter(pk__in={c.period_id for c in figures})}
    author = person_name(user)
    told = (
        f"{author} nhập bảng tính {file_name or 'kế hoạch'} của kế hoạch {plan.number or plan.title[:60]}: "
        f"{len(figures)} số liệu, {len(task_changes)} cập nhật nhiệm vụ — chờ duyệt."
    )
    with transaction.atomic(), notify.one_notice(told, plan, reverse("tracking-review")):
        for change in figures:
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
                expected_version=change.expected_version,
            )
        for change in task_changes:
            task = tasks[change.task_id]
            task.plan = plan
            try:
                submit_update(
                    task,
                    user,
                    state=change.state,
                    progress=change.progress,
                    comment=change.comment,
                    expected_version=change.expected_version,
                )
            except UpdateError as error:  # the plan changed status between preview and confirm
                raise FigureError(str(error)) from error
        count = len(figures) + len(task_changes)
        record(
            user,
            "plan.sheet_import",
            plan,
            plan.unit,
            after={"file": file_name, "figures": len(figures), "tasks": len(task_changes)},
            summary=f"Nhập bảng tính {file_name}: {len(figures)} số liệu, {len(task_changes)} nhiệm vụ",
        )
    return count
