"""Which plans to compare, and the officer's decisions on a pair (kept in TargetMatch / TaskMatch, audited)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from apps.alignment.models import Decision, TargetMatch, TaskMatch
from apps.audit.models import record
from apps.plans.models import Plan, PlanReference, PlanStatus, ReferenceKind, Target, Task


class DecisionError(ValueError):
    """A decision the form cannot make (rows of other plans, an unknown choice); the message says what to do."""


def implemented_plan(plan: Plan) -> Plan | None:
    """The plan this one says it implements, when it is in the system."""
    ref = plan.references.filter(kind=ReferenceKind.IMPLEMENTS, linked_plan__isnull=False).select_related("linked_plan")
    found = ref.first()
    return found.linked_plan if found else None


def implementing_plans(plan: Plan):
    """Published plans that cite ``plan`` as the one they implement (linked, or by its number)."""
    cites = Q(linked_plan=plan)
    if plan.number:
        cites |= Q(number__iexact=plan.number)
    ids = PlanReference.objects.filter(cites, kind=ReferenceKind.IMPLEMENTS).values("plan_id")
    return Plan.objects.filter(pk__in=ids, status=PlanStatus.PUBLISHED).exclude(pk=plan.pk).select_related("unit")


def decide(user, plan: Plan, other: Plan, kind: str, parent_id: int, child_id: int, decision: str) -> str:
    """Confirm or break the pair (a row of ``other``, a row of ``plan``), or forget the decision ("undo")."""
    model, row_model = {"target": (TargetMatch, Target), "task": (TaskMatch, Task)}.get(kind, (None, None))
    if model is None:
        raise DecisionError("Không rõ đối chiếu chỉ tiêu hay nhiệm vụ; hãy tải lại trang rồi chọn lại.")
    parent = row_model.objects.filter(pk=parent_id, plan=other).first()
    child = row_model.objects.filter(pk=child_id, plan=plan).first()
    if parent is None or child is None:
        raise DecisionError("Dòng đã chọn không còn thuộc hai kế hoạch đang đối chiếu; hãy tải lại trang.")
    if decision not in (Decision.CONFIRMED, Decision.BROKEN, "undo"):
        raise DecisionError("Hãy chọn xác nhận hoặc bỏ cặp tương ứng.")
    with transaction.atomic():
        if decision == "undo":
            model.objects.filter(parent=parent, child=child).delete()
        else:
            model.objects.update_or_create(
                parent=parent, child=child, defaults={"decision": decision, "decided_by": user}
            )
        words = {"confirmed": "Xác nhận", "broken": "Bỏ", "undo": "Hủy quyết định về"}[decision]
        record(
            user,
            f"alignment.{decision}",
            plan,
            plan.unit,
            after={"kind": kind, "parent": parent.pk, "child": child.pk},
            summary=f"{words} cặp {'chỉ tiêu' if kind == 'target' else 'nhiệm vụ'} tương ứng với {other}"[:300],
        )
    return words
