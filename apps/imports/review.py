"""Saving the review of a draft and the edits of a published plan: every change is an audit entry."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from apps.audit.models import record, snapshot
from apps.imports.services import plan_snapshot, task_dates
from apps.plans.indicators import bind_indicator
from apps.plans.models import Plan, PlanStatus, Target, Task


def row_snapshot(obj) -> dict:
    if isinstance(obj, Plan):
        return plan_snapshot(obj)
    data = snapshot(obj)
    if isinstance(obj, Task) and obj.pk:
        data["partners"] = sorted(obj.partners.values_list("pk", flat=True))
    return data


def save_plan(plan: Plan, header, targets, tasks, user) -> int:
    """Save valid forms of ``plan`` in one transaction, recording each changed row; returns the number of changes.

    On a published plan a task's dates follow its printed deadline and the plan's period, and a target
    whose wording changed is bound to its indicator again."""
    published = plan.status != PlanStatus.DRAFT
    changes = 0
    with transaction.atomic():
        period_changed = False
        if header.has_changed():
            before = plan_snapshot(Plan.objects.get(pk=plan.pk))
            plan = header.save()
            after = plan_snapshot(plan)
            period_changed = (before["period_start"], before["period_end"]) != (
                after["period_start"],
                after["period_end"],
            )
            record(user, "edit", plan, plan.unit, before, after, f"Sửa thông tin chung của {plan}")
            changes += 1
        for formset, model in ((targets, Target), (tasks, Task)):
            next_position = (model.objects.filter(plan=plan).aggregate(m=Max("position"))["m"] or 0) + 1
            for form in formset.deleted_forms:
                obj = form.instance
                if obj.pk is None:
                    continue
                before = row_snapshot(obj)
                record(user, "delete", obj, plan.unit, before, None, f"Xóa {model._meta.verbose_name}")
                obj.delete()
                changes += 1
            for form in formset.forms:
                if form in formset.deleted_forms or not form.has_changed():
                    continue
                obj = form.instance
                is_new = obj.pk is None
                before = None if is_new else row_snapshot(model.objects.get(pk=obj.pk))
                obj = form.save(commit=False)
                obj.plan = plan
                if is_new:
                    obj.position = next_position
                    next_position += 1
                if published and isinstance(obj, Task):
                    task_dates(obj, plan)
                if published and isinstance(obj, Target) and (is_new or before["text"] != obj.text):
                    obj.indicator = bind_indicator(obj.text)
                obj.save()
                form.save_m2m()
                action = "add" if is_new else "edit"
                verb = "Thêm" if is_new else "Sửa"
                record(user, action, obj, plan.unit, before, row_snapshot(obj), f"{verb} {model._meta.verbose_name}")
                changes += 1
        if published and period_changed:
            for task in plan.tasks.all():
                before = row_snapshot(task)
                task_dates(task, plan)
                task.save(update_fields=["due_start", "due_on", "recurring"])
                if row_snapshot(task) != before:
                    record(
                        user,
                        "edit",
                        task,
                        plan.unit,
                        before,
                        row_snapshot(task),
                        "Tính lại hạn theo thời gian thực hiện",
                    )
    return changes


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
        for field in ("lead_text", "partners_text", "deadline_text", "section", "no", "area"):
            if not getattr(first, field):
                setattr(first, field, getattr(second, field))
        if second.output and second.output not in first.output:
            first.output = "; ".join(t for t in (first.output, second.output) if t)[:500]
        if first.lead_id is None:
            first.lead_id = second.lead_id
        first.save()
        first.partners.add(*second.partners.all())
        second.delete()
        record(user, "merge", first, plan.unit, before, row_snapshot(first), "Gộp hai dòng nhiệm vụ")
    return first
