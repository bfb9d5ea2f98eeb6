"""Saving the review of a draft and the edits of a published plan: every change is an audit entry.

Two people (or two tabs) may edit one plan at once. Each form on the page carries what it showed (``Seen``: the
record's version and a fingerprint of each field), so a save is decided row by row — the header is one row, each
target and each task another:

- a row the user did not change is never written and never conflicts, whatever happened to it meanwhile;
- a row the user changed is written when nobody else changed its fields since the page was loaded (a progress
  update moves a task's version, not the fields of this page: no conflict), or when every field the other person
  changed already reads, in the user's copy, as they saved it;
- otherwise the row conflicts: someone else changed (or deleted) it and the user's copy does not have that change.
  So if A changed the header, B's save conflicts as soon as B changed any header field, even another one; B's
  rows A did not touch would be fine, but one conflicting row and NOTHING is saved (one transaction). The page
  comes back with what B typed, the rest of each row as it now is, per field what A saved, who and when; saving
  again is then a decision made knowing A's change.
- publishing and merging act on rows as the page showed them: publishing needs the whole plan unchanged by others
  (header, every row, none added or deleted), merging the two rows merged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max, Q
from django.forms.models import construct_instance
from django.utils import timezone

from apps.audit.models import AuditEntry, record, snapshot
from apps.imports.services import plan_snapshot, task_dates
from apps.plans.forms import fingerprint, plain
from apps.plans.indicators import bind_indicator
from apps.plans.models import Plan, PlanStatus, Target, Task
from apps.units.models import person_name
from cchc.versioning import claim


def row_snapshot(obj) -> dict:
    if isinstance(obj, Plan):
        return plan_snapshot(obj)
    data = snapshot(obj)
    if isinstance(obj, Task) and obj.pk:
        data["partners"] = sorted(obj.partners.values_list("pk", flat=True))
    return data


@dataclass
class RowState:
    """One form of the page against its record as it now is."""

    form: object
    current: object | None  # the record now; None for a new row or one deleted meanwhile
    deleting: bool = False
    mine: set[str] = field(default_factory=set)  # fields the user changed
    theirs: set[str] = field(default_factory=set)  # fields someone else changed since the page was loaded
    decision: str = "skip"  # skip, write or conflict
    entry: AuditEntry | None = None  # the other person's latest change, for who and when

    @property
    def is_new(self) -> bool:
        return self.form.instance.pk is None and not getattr(self.form, "gone", None)

    @property
    def stale(self) -> bool:
        """Someone else changed or deleted the row since the page was loaded."""
        return not self.is_new and (self.current is None or bool(self.theirs))


class PlanConflict(Exception):
    """Nothing was saved: rows changed by someone else meanwhile (``rows``), or, for ``reason``, the plan as a whole."""

    def __init__(self, states: list[RowState], reason: str = "") -> None:
        self.states = states
        self.rows = [s for s in states if s.decision == "conflict"]
        self.reason = reason
        super().__init__(reason or f"{len(self.rows)} dòng đã được người khác sửa trong lúc bạn sửa.")


def _decide(form, current, deleting: bool) -> RowState:
    gone = getattr(form, "gone", None)
    state = RowState(form, current, deleting)
    if form.instance.pk is None and not gone:  # a new row
        state.decision = "write" if form.has_changed() and not deleting else "skip"
        return state
    seen = form.submitted_seen()
    if seen is None:  # a page that did not say what it showed: compare with the row as it now is
        if current is None:
            return state
        seen = form.seen_of(current)
    if seen.version == 0:  # the user was already told this row was deleted
        return state
    typed = form.typed_values()
    state.mine = form.changed_names(seen, typed)
    now = form.values_of(current) if current is not None else None
    if now is not None:
        state.theirs = form.changed_names(seen, now)
    if not state.mine and not deleting:
        return state
    if current is None:
        state.decision = "skip" if deleting else "conflict"
    elif deleting:
        state.decision = "conflict" if state.theirs else "write"
    else:
        clash = [n for n in state.theirs if fingerprint(now[n]) != fingerprint(typed[n])]
        state.decision = "conflict" if clash else "write"
    return state


def compare(plan: Plan, header, targets, tasks, *, lock: bool = False) -> tuple[Plan, list[RowState]]:
    """The plan as it now is (held for this transaction with ``lock``) and each valid form of the page against it."""
    plans = Plan.objects.select_related("unit")
    current_plan = (plans.select_for_update() if lock else plans).get(pk=plan.pk)
    rows = {
        Target: {t.pk: t for t in Target.objects.filter(plan=plan)},
        Task: {t.pk: t for t in Task.objects.filter(plan=plan).prefetch_related("partners")},
    }
    states = [_decide(header, current_plan, False)]
    for formset, model in ((targets, Target), (tasks, Task)):
        deleted = set(map(id, formset.deleted_forms))
        for form in formset.forms:
            pk = form.instance.pk or form.gone
            states.append(_decide(form, rows[model].get(pk), id(form) in deleted))
    return current_plan, states


def _added_by_others(plan: Plan, targets, tasks) -> bool:
    for formset, model in ((targets, Target), (tasks, Task)):
        shown = {f.instance.pk or f.gone for f in formset.forms} - {None}
        if model.objects.filter(plan=plan).exclude(pk__in=shown).exists():
            return True
    return False


def _with_entries(states: list[RowState]) -> None:
    """The latest audit entry that changed (or deleted) each stale row, for who and when."""
    stale = [s for s in states if s.stale]
    if not stale:
        return
    keys = Q()
    for s in stale:
        model = s.current._meta if s.current is not None else s.form._meta.model._meta
        pk = s.current.pk if s.current is not None else s.form.gone
        keys |= Q(object_type=model.label_lower, object_id=str(pk))
    latest = {}
    for entry in AuditEntry.objects.filter(keys).exclude(action__startswith="task.update").select_related("user"):
        latest.setdefault((entry.object_type, entry.object_id), entry)  # newest first
    for s in stale:
        pk = s.current.pk if s.current is not None else s.form.gone
        s.entry = latest.get((s.form._meta.model._meta.label_lower, str(pk)))


def _write(state: RowState, plan: Plan, user, published: bool, next_position: dict) -> Plan | None:
    """Write one row the user changed; returns the plan when it was the header."""
    form, model = state.form, state.form._meta.model
    if model is Plan:
        obj = state.current
        before = plan_snapshot(obj)
        construct_instance(form, obj, fields=form._meta.fields)
        obj.save(update_fields=form._meta.fields)
        record(user, "edit", obj, obj.unit, before, plan_snapshot(obj), f"Sửa thông tin chung của {obj}")
        return obj
    label = model._meta.verbose_name
    if state.deleting:
        obj = state.current
        record(user, "delete", obj, plan.unit, row_snapshot(obj), None, f"Xóa {label}")
        claim(obj)
        obj.delete()
        return None
    if state.is_new:
        obj, before = form.save(commit=False), None
        obj.plan = plan
        obj.position = next_position[model]
        next_position[model] += 1
    else:
        obj = state.current
        before = row_snapshot(obj)
        construct_instance(form, obj, fields=form._meta.fields)
    names = [n for n in form._meta.fields if not obj._meta.get_field(n).many_to_many]
    if published and model is Task:
        task_dates(obj, plan)
        names += ["due_start", "due_on", "recurring"]
    if published and model is Target and (before is None or before["text"] != obj.text):
        obj.indicator = bind_indicator(obj.text)
        names.append("indicator")
    if before is None:
        obj.save()
    else:
        obj.save(update_fields=names)
    for name in form._meta.fields:
        if obj._meta.get_field(name).many_to_many:
            getattr(obj, name).set(form.cleaned_data[name])
    verb, action = ("Thêm", "add") if before is None else ("Sửa", "edit")
    record(user, action, obj, plan.unit, before, row_snapshot(obj), f"{verb} {label}")
    return None


def save_plan(plan: Plan, header, targets, tasks, user, *, merge: int | None = None, whole: bool = False) -> int:
    """Save valid forms of ``plan`` in one transaction, recording each changed row; returns the number of changes.
    Raises ``PlanConflict`` (and saves nothing) by the rule of this module's docstring. ``merge`` (a task's id)
    merges that row with the row below it as the page showed them; ``whole`` (before publishing) needs the page to
    show the plan as it now is.

    On a published plan a task's dates follow its printed deadline and the plan's period, and a target
    whose wording changed is bound to its indicator again."""
    with transaction.atomic():
        current_plan, states = compare(plan, header, targets, tasks, lock=True)
        reason = ""
        if whole and (any(s.stale for s in states) or _added_by_others(plan, targets, tasks)):
            for s in states:
                s.decision = "conflict" if s.stale else s.decision
            reason = (
                "Kế hoạch đã được người khác sửa trong lúc bạn duyệt nên chưa được ban hành, và chưa lưu gì. "
                "Các dòng đổi khác được đánh dấu bên dưới; hãy bấm Lưu, xem lại kế hoạch rồi mới ban hành."
            )
        if merge is not None:
            reason = reason or _merge_problem(states, merge)
        if reason or any(s.decision == "conflict" for s in states):
            _with_entries(states)
            raise PlanConflict(states, reason)
        published = current_plan.status != PlanStatus.DRAFT
        next_position = {
            model: (model.objects.filter(plan=plan).aggregate(m=Max("position"))["m"] or 0) + 1
            for model in (Target, Task)
        }
        before_period = (current_plan.period_start, current_plan.period_end)
        changes = 0
        for state in states:
            if state.decision == "write":
                current_plan = _write(state, current_plan, user, published, next_position) or current_plan
                changes += 1
        if published and (current_plan.period_start, current_plan.period_end) != before_period:
            for task in current_plan.tasks.all():
                before = row_snapshot(task)
                task_dates(task, current_plan)
                task.save(update_fields=["due_start", "due_on", "recurring"])
                if row_snapshot(task) != before:
                    record(
                        user,
                        "edit",
                        task,
                        current_plan.unit,
                        before,
                        row_snapshot(task),
                        "Tính lại hạn theo thời gian thực hiện",
                    )
        if merge is not None and merge_tasks(current_plan, merge, user):
            changes += 1
    return changes


def _merge_problem(states: list[RowState], task_id: int) -> str:
    """Why the task row ``task_id`` and the row below it on the page cannot be merged now ("" when they can)."""
    rows = [s for s in states if s.form._meta.model is Task and not s.is_new]
    index = next((i for i, s in enumerate(rows) if (s.form.instance.pk or s.form.gone) == task_id), None)
    if index is None or index + 1 >= len(rows):
        return "Không tìm thấy hai dòng cần gộp; hãy tải lại trang."
    pair = rows[index : index + 2]
    if any(s.stale for s in pair):
        for s in pair:
            s.decision = "conflict" if s.stale else s.decision
        return "Chưa gộp và chưa lưu gì: một trong hai dòng đã được người khác sửa hoặc xóa trong lúc bạn sửa."
    first, second = (s.current for s in pair)
    below = (
        Task.objects.filter(plan_id=first.plan_id)
        .order_by("position", "pk")
        .filter(Q(position__gt=first.position) | Q(position=first.position, pk__gt=first.pk))
    )
    if below.values_list("pk", flat=True).first() != second.pk:
        return "Chưa gộp và chưa lưu gì: thứ tự các dòng đã đổi trong lúc bạn sửa; hãy tải lại trang."
    return ""


def merge_tasks(plan: Plan, task_id: int, user) -> Task | None:
    """Merge a task row with the row below it: contents joined, the lower row's cells fill empty ones."""
    with transaction.atomic():
        rows = list(plan.tasks.order_by("position", "pk"))
        index = next((i for i, t in enumerate(rows) if t.pk == task_id), None)
        if index is None or index + 1 >= len(rows):
            return None
        first, second = rows[index], rows[index + 1]
        before = {"first": row_snapshot(first), "second": row_snapshot(second)}
        first.content = "\n".join(t for t in (first.content.strip(), second.content.strip()) if t)
        for name in ("lead_text", "partners_text", "deadline_text", "section", "no", "area"):
            if not getattr(first, name):
                setattr(first, name, getattr(second, name))
        if second.output and second.output not in first.output:
            first.output = "; ".join(t for t in (first.output, second.output) if t)[:500]
        if first.lead_id is None:
            first.lead_id = second.lead_id
        first.save()
        first.partners.add(*second.partners.all())
        claim(second)
        second.delete()
        record(user, "merge", first, plan.unit, before, row_snapshot(first), "Gộp hai dòng nhiệm vụ")
    return first


# --- telling the user -------------------------------------------------------------------------------------------


def who_when(entry: AuditEntry | None) -> str:
    if entry is None:
        return "Người khác"
    who = person_name(entry.user, "Người khác")
    return f"{who} (lúc {timezone.localtime(entry.at):%H:%M ngày %d/%m/%Y})"


def shown(obj, name: str) -> str:
    """A field's value as the page shows it, for "Người khác đã sửa thành: …"."""
    model_field = obj._meta.get_field(name)
    if model_field.many_to_many:
        text = "; ".join(u.name for u in getattr(obj, name).all())
    elif model_field.is_relation:
        related = getattr(obj, name)
        text = related.name if related is not None else ""
    elif model_field.choices:
        text = getattr(obj, f"get_{name}_display")()
    else:
        value = getattr(obj, name)
        if hasattr(value, "strftime"):
            text = value.strftime("%d/%m/%Y")
        else:
            text = plain(value).replace(".", ",") if model_field.get_internal_type() == "DecimalField" else plain(value)
    return text or "(để trống)"


def show_conflict(conflict: PlanConflict) -> None:
    """Prepare the page that comes back after a conflict: each row as it now is except what the user typed (kept),
    marked as seen; per conflicting field what the other person saved, and who and when."""
    for s in conflict.states:
        form = s.form
        if s.is_new:
            continue
        who = who_when(s.entry)
        if s.current is None:
            form.add_error(
                None,
                f"{who} đã xóa dòng này trong lúc bạn sửa. Những gì bạn nhập vẫn còn dưới đây; nếu vẫn cần dòng "
                "này, hãy chép sang dòng “Thêm mới” rồi lưu lại.",
            )
        elif s.decision == "conflict":
            form.add_error(
                None,
                f"{who} đã sửa dòng này trong lúc bạn sửa, nên chưa lưu gì. Ô ghi “Người khác đã sửa thành” là chỗ "
                "người đó đã sửa; những gì bạn nhập vẫn giữ nguyên. Xem lại rồi bấm Lưu lần nữa.",
            )
            for name in sorted(s.theirs, key=form.value_names.index):
                form.add_error(name, f"Người khác đã sửa thành: {shown(s.current, name)}")
        form.show_current(s.current, keep=s.mine)
