"""Kẽ Sắt's Q1 2026 report is generated from what was tracked in the data window (15/12/2025 – 14/03/2026):
each task counted by its latest accepted update made before the window's end, each target with its Q1 figure."""

import datetime as dt
from decimal import Decimal

import time_machine

from apps.plans.models import Area, Indicator, Task
from apps.reports.content import generate
from apps.reports.services import open_draft
from apps.tracking.figures import save_measurement
from apps.tracking.models import Period, PeriodKind
from apps.tracking.services import return_update, submit_update

Q1_END = dt.date(2026, 3, 14)


def q1() -> Period:
    Period.ensure_year(2026)
    return Period.objects.get(year=2026, kind=PeriodKind.Q1)


def at(day: dt.date):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 9, 0), tick=False)


def tracked_plan(plan, officer):
    """Four tasks ending the window in each of the four ways, and a later update that must not count."""
    simplify, review = plan.tasks.order_by("position")
    late = Task.objects.create(
        plan=plan, position=3, area=Area.TTHC, content="Công khai TTHC", due_on=dt.date(2026, 1, 31)
    )
    overdue = Task.objects.create(
        plan=plan, position=4, area=Area.CONG_VU, content="Ban hành quy chế văn hóa công vụ", due_on=dt.date(2026, 3, 1)
    )
    with at(dt.date(2026, 2, 10)):
        submit_update(simplify, officer, state="done", completed_on=dt.date(2026, 2, 10))
        returned = submit_update(review, officer, state="done", completed_on=dt.date(2026, 2, 10))
        return_update(returned, officer, "Thiếu văn bản kết quả rà soát.")
    with at(dt.date(2026, 2, 20)):
        submit_update(late, officer, state="done", completed_on=dt.date(2026, 2, 20))
    with at(dt.date(2026, 4, 2)):
        submit_update(overdue, officer, state="done", completed_on=dt.date(2026, 4, 2))
    return simplify, review, late, overdue


def test_it_counts_each_task_as_it_stood_at_the_window_end(plan, officer):
    simplify, review, late, overdue = tracked_plan(plan, officer)

    content = generate(plan.unit, q1())

    status = {row["id"]: row["status"] for row in content["tasks"]}
    assert status == {
        simplify.pk: "done_on_time",
        review.pk: "in_progress",  # its only update before the end was returned
        late.pk: "done_late",
        overdue.pk: "overdue",  # done only after the window
    }
    tthc = next(area for area in content["areas"] if area["area"] == Area.TTHC)
    assert tthc["tasks"] == {"done_on_time": 1, "done_late": 1, "in_progress": 0, "overdue": 0}


def test_it_gives_every_target_its_period_value_and_attainment(plan, officer, pvhcc):
    target = plan.targets.get()
    target.indicator = Indicator.objects.get(code="ho-so-truc-tuyen")
    target.save()
    save_measurement(target, q1(), officer, numerator=Decimal(160), denominator=Decimal(200))
    unmeasured = plan.targets.create(text="100% TTHC công khai", value=Decimal(100), area=Area.TTHC)

    content = generate(plan.unit, q1())

    rows = {row["id"]: row for row in content["targets"]}
    assert rows[target.pk]["value"] == 80.0
    assert rows[target.pk]["attainment"] == "on_track"  # 5.9% short, the plan runs to 2030
    assert rows[unmeasured.pk]["attainment"] == "no_value"
    online = next(row for row in content["statistics"] if row["key"] == "dossiers_online")
    assert (online["value"], online["numerator"], online["denominator"]) == (80.0, 160.0, 200.0)


def test_it_fills_the_statistics_table_from_the_tasks(plan, officer):
    tracked_plan(plan, officer)

    stats = {row["key"]: row["value"] for row in generate(plan.unit, q1())["statistics"]}

    assert stats["tasks_total"] == 4
    assert (stats["tasks_done_on_time"], stats["tasks_done_late"]) == (1, 1)
    assert (stats["tasks_in_progress"], stats["tasks_overdue"]) == (1, 1)
    assert stats["staff_trained"] is None


def test_it_prefills_a_paragraph_per_area_from_the_data(plan, officer):
    tracked_plan(plan, officer)

    report, created = open_draft(plan.unit, q1(), officer)

    texts = {section.key: section.text for section in report.sections.all()}
    assert created and len(texts) == 10
    assert "triển khai 2 nhiệm vụ; đã hoàn thành 2 nhiệm vụ (1 đúng hạn, 1 quá hạn)" in texts["results-tthc"]
    assert "Rà soát, đơn giản hóa thủ tục hành chính" in texts["results-tthc"]
    assert "Chậm tiến độ: Ban hành quy chế văn hóa công vụ" in texts["results-cong_vu"]
    assert "1 nhiệm vụ quá hạn" in texts["shortcomings"]
    assert report.signer == plan.signer
