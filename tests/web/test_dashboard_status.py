"""The dashboards count task status in SQL; it must say what Task.report_status() says, deadline by deadline."""

from __future__ import annotations

import datetime as dt
import itertools

from apps.dashboards.stats import with_status
from apps.plans.models import Task, TaskState


def test_the_sql_status_agrees_with_the_model_for_every_case(plan):
    today = dt.date(2026, 6, 20)
    dues = [None, dt.date(2026, 6, 19), today, dt.date(2026, 6, 21), dt.date(2027, 3, 1)]
    completions = [None, dt.date(2026, 6, 1), dt.date(2026, 6, 20), dt.date(2026, 12, 31)]
    for n, (state, due, recurring, completed) in enumerate(
        itertools.product(TaskState.values, dues, (False, True), completions)
    ):
        Task.objects.create(
            plan=plan,
            position=10 + n,
            content=f"{n}",
            state=state,
            due_on=due,
            recurring=recurring,
            completed_on=completed if state == TaskState.DONE else None,
        )
    for day in (today, dt.date(2026, 12, 31), dt.date(2027, 1, 2)):
        rows = with_status(Task.objects.all(), day)
        assert rows.count() > 100
        for task in rows:
            assert task.status == task.report_status(day), (task.content, day)
            assert task.due == task.current_due(day)
