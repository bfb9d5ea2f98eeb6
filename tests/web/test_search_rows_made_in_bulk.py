"""Rows made in bulk (``bulk_create`` calls no ``save()``) are found by search like rows saved one by one, once
``with_search_text`` has given them their folded copy."""

from decimal import Decimal

from apps.plans.models import Plan, PlanStatus, Target, Task
from apps.plans.search import matching


def test_it_finds_plans_tasks_and_targets_made_in_bulk(kesat, pvhcc):
    [plan] = Plan.objects.bulk_create(
        Plan.with_search_text([Plan(unit=kesat, status=PlanStatus.PUBLISHED, number="12/KH-UBND", title="Số hóa")])
    )
    Task.objects.bulk_create(Task.with_search_text([Task(plan=plan, content="Rà soát thủ tục", lead=pvhcc)]))
    Target.objects.bulk_create(Target.with_search_text([Target(plan=plan, text="Hài lòng 90%", value=Decimal(90))]))

    assert list(matching(Plan.objects.all(), "so hoa 12")) == [plan]
    assert matching(Task.objects.all(), "ra soat phuc vu").count() == 1  # the lead agency's name too
    assert matching(Target.objects.all(), "HÀI LÒNG").count() == 1
