"""Alignment pages: a plan beside another (the plan it implements by default), the officer's decisions on a pair,
and for one plan every plan implementing it with its gaps counted."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.alignment import services
from apps.alignment.compare import GAPS, HOW, compare, compare_many
from apps.plans.models import Plan, PlanStatus
from apps.units.access import Access

FORBIDDEN_DECIDE = "Chỉ cán bộ thường trực CCHC của đơn vị ban hành kế hoạch được xác nhận hoặc bỏ cặp tương ứng."


def _plan(access: Access, pk) -> Plan:
    plan = get_object_or_404(Plan.objects.select_related("unit", "unit__parent"), pk=pk)
    access.require_view(plan.unit)
    return plan


def other_plan(access: Access, plan: Plan, raw: str | None) -> Plan | None:
    """The plan to compare with: the one asked for, else the one it implements; read by the user, or the plan
    ``plan`` implements (a commune compares its plan with the city's it implements)."""
    if raw:
        if not str(raw).isdigit():
            return None
        other = get_object_or_404(Plan.objects.select_related("unit", "unit__parent"), pk=int(raw))
    else:
        other = services.implemented_plan(plan)
        if other is None:
            return None
    if not (access.can_view(other.unit) or access.can_view_implemented(plan, other)):
        raise Http404("Không tìm thấy.")
    return other


@login_required
def compare_page(request, plan_id: int):
    access = Access.of(request)
    plan = _plan(access, plan_id)
    other = other_plan(access, plan, request.GET.get("with"))
    choices = list(
        access.visible(
            Plan.objects.filter(status=PlanStatus.PUBLISHED).exclude(pk=plan.pk).select_related("unit")
        ).order_by("unit__name", "-issued_on")
    )
    if other is not None and other not in choices:  # the plan it implements, of a unit the user reads no more of
        choices.insert(0, other)
    context = {
        "plan": plan,
        "other": other,
        "choices": choices,
        "alignment": compare(other, plan) if other else None,
        "gaps": GAPS,
        "how": HOW,
        "can_decide": access.can_manage(plan.unit),
    }
    return render(request, "alignment/compare.html", context)


@login_required
@require_POST
def decide(request, plan_id: int):
    access = Access.of(request)
    plan = _plan(access, plan_id)
    access.require_manage(plan.unit, FORBIDDEN_DECIDE)
    other = other_plan(access, plan, request.POST.get("with"))
    if other is None:
        messages.error(request, "Hãy chọn kế hoạch để đối chiếu trước.")
        return redirect("alignment-compare", plan_id=plan.pk)
    try:
        words = services.decide(
            request.user,
            plan,
            other,
            request.POST.get("kind", ""),
            int(request.POST.get("parent") or 0) if str(request.POST.get("parent", "")).isdigit() else 0,
            int(request.POST.get("child") or 0) if str(request.POST.get("child", "")).isdigit() else 0,
            request.POST.get("decision", ""),
        )
    except services.DecisionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã ghi: {words.lower()} cặp tương ứng; lần đối chiếu sau giữ nguyên lựa chọn này.")
    return redirect(reverse("alignment-compare", args=[plan.pk]) + f"?with={other.pk}")


@login_required
def implementing(request, plan_id: int):
    access = Access.of(request)
    plan = _plan(access, plan_id)
    children = list(access.visible(services.implementing_plans(plan), "unit").order_by("unit__name"))
    alignments = compare_many(plan, children)
    rows = [
        {"plan": child, "summary": alignments[child.pk].summary, "gaps": alignments[child.pk].gap_count}
        for child in children
    ]
    return render(request, "alignment/implementing.html", {"plan": plan, "rows": rows, "gaps": GAPS})
