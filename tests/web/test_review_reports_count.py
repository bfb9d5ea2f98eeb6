"""The periodic report counts accepted work only: an agency's update or figure waiting for review, or returned,
is not in it; once the standing officer accepts it, it is."""

import datetime as dt
from decimal import Decimal

import time_machine

from apps.plans.models import TaskState
from apps.reports.content import generate
from apps.tracking.figures import save_measurement
from apps.tracking.models import Period, PeriodKind
from apps.tracking.review import accept_figure, accept_update
from apps.tracking.services import submit_update


def test_it_counts_an_agencys_work_once_accepted(plan, officer, agency_officer):
    Period.ensure_year(2026)
    q1 = Period.objects.get(year=2026, kind=PeriodKind.Q1)
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    target = plan.targets.get()
    with time_machine.travel(dt.datetime(2026, 2, 10, 9, 0), tick=False):
        update = submit_update(task, agency_officer, state=TaskState.DONE, completed_on=dt.date(2026, 2, 10))
        figure = save_measurement(target, q1, agency_officer, value=Decimal("90"))

    waiting = generate(plan.unit, q1)
    assert {r["id"]: r["status"] for r in waiting["tasks"]}[task.pk] == "in_progress"
    assert {r["id"]: r["value"] for r in waiting["targets"]}[target.pk] is None

    accept_update(update, officer)
    accept_figure(figure, officer)

    accepted = generate(plan.unit, q1)
    assert {r["id"]: r["status"] for r in accepted["tasks"]}[task.pk] == "done_on_time"
    assert {r["id"]: r["value"] for r in accepted["targets"]}[target.pk] == 90.0
