"""The menu's "Chờ duyệt" count: the tasks and targets of the officer's unit with an update or a figure waiting
(a task with two updates waiting counts once), asked of the unit's own tasks and targets, so that it costs the
same on every page whatever waits elsewhere in the city."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.plans.models import PlanStatus, TaskState
from apps.tracking.figures import save_measurement
from apps.tracking.models import Period, PeriodKind
from apps.tracking.review import waiting_count
from apps.tracking.services import submit_update


def test_it_counts_tasks_and_targets_waiting_not_updates(plan, agency_officer, kesat, maodien):
    Period.ensure_year(2026)
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=20, comment="Bắt đầu rà soát")
    submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=40, comment="Đã rà soát 12 TTHC")
    save_measurement(plan.targets.get(), Period.objects.get(year=2026, kind=PeriodKind.Q1), agency_officer, value=1)
    assert waiting_count({kesat.pk}) == 2
    assert waiting_count({maodien.pk}) == 0 and waiting_count(set()) == 0
    plan.status = PlanStatus.DRAFT  # what waits under a plan no longer published is not counted
    plan.save(update_fields=["status"])
    assert waiting_count({kesat.pk}) == 0


def test_it_asks_the_units_tasks_and_targets_not_every_waiting_update(plan, kesat):
    with CaptureQueriesContext(connection) as queries:
        waiting_count({kesat.pk})
    driving = [q["sql"].split(" FROM ", 1)[1].split(" ", 1)[0] for q in queries.captured_queries]
    assert driving == ['"plans_task"', '"plans_target"']
