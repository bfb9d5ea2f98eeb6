"""Dashboards "as of" the end of a chosen period: tasks counted as they stood that day (done only if completed
by then, in progress only if an update had been posted by then, overdue if their deadline had passed), targets
judged on the figures of the periods ended by then; an unknown period is said and today shown."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import time_machine

from apps.plans.models import Area, Task, TaskState
from apps.tracking.models import Measurement, Period, PeriodKind
from apps.tracking.services import submit_update

HN = ZoneInfo("Asia/Ho_Chi_Minh")


def _world(plan, agency_officer, pvhcc):
    """Q1 2026 ends 14/03. A task due 01/03 done on 20/04 (late, overdue at Q1's end); a task started in May;
    a Q1 figure 70 and a 6-month figure 90 for the 85% target."""
    Period.ensure_year(2026)
    late = Task.objects.create(
        plan=plan, position=3, area=Area.TTHC, content="Niêm yết TTHC", lead=pvhcc, due_on=dt.date(2026, 3, 1)
    )
    started = plan.tasks.get(content="Rà soát, đơn giản hóa thủ tục hành chính")
    with time_machine.travel(dt.datetime(2026, 4, 20, 9, 0, tzinfo=HN)):
        submit_update(late, agency_officer, state=TaskState.DONE, completed_on=dt.date(2026, 4, 20))
    with time_machine.travel(dt.datetime(2026, 5, 5, 9, 0, tzinfo=HN)):
        submit_update(started, agency_officer, state=TaskState.IN_PROGRESS, progress=40)
    target = plan.targets.get()
    for kind, value in ((PeriodKind.Q1, "70"), (PeriodKind.H1, "90")):
        Measurement.objects.create(target=target, period=Period.objects.get(kind=kind, year=2026), value=Decimal(value))


@time_machine.travel(dt.datetime(2026, 7, 1, 9, 0, tzinfo=HN))
def test_it_shows_the_unit_dashboard_as_it_stood_at_the_end_of_a_period(client, leader, plan, agency_officer, pvhcc):
    _world(plan, agency_officer, pvhcc)
    client.force_login(leader)
    url = f"/tong-quan/don-vi/{plan.unit_id}/"

    now = client.get(url).context
    assert (now["total"].done, now["total"].overdue, now["total"].by_status["in_progress"]) == (1, 0, 1)
    assert [p.latest.value for p in now["progress"]] == [Decimal("90")]
    assert now["targets_met"] == 1

    response = client.get(url, {"ky": "2026-q1"})
    assert response.status_code == 200
    then = response.context
    assert then["period"].kind == PeriodKind.Q1 and then["today"] == dt.date(2026, 3, 14)
    assert (then["total"].done, then["total"].overdue, then["total"].by_status["in_progress"]) == (0, 1, 0)
    assert [t.content for t in then["overdue"]] == ["Niêm yết TTHC"]
    assert [p.latest.value for p in then["progress"]] == [Decimal("70")]
    assert then["targets_met"] == 0
    html = response.content.decode()
    assert "Số liệu đến hết Quý I 2026 (ngày 14/03/2026)" in html
    assert '<option value="2026-q1" selected>' in html


@time_machine.travel(dt.datetime(2026, 7, 1, 9, 0, tzinfo=HN))
def test_it_shows_the_city_dashboard_as_of_a_period_and_links_units_at_the_same_day(
    client, reviewer, plan, agency_officer, pvhcc
):
    _world(plan, agency_officer, pvhcc)
    client.force_login(reviewer)
    now = client.get("/tong-quan/thanh-pho/").context
    row = next(r for _, rows in now["blocks"] for r in rows if r.unit.pk == plan.unit_id)
    assert (row.tasks.done, row.targets["met"]) == (1, 1)

    response = client.get("/tong-quan/thanh-pho/", {"ky": "2026-q1"})
    row = next(r for _, rows in response.context["blocks"] for r in rows if r.unit.pk == plan.unit_id)
    assert (row.tasks.done, row.tasks.overdue, row.targets["met"]) == (0, 1, 0)
    assert f'/tong-quan/don-vi/{plan.unit_id}/?ky=2026-q1"' in response.content.decode()


@time_machine.travel(dt.datetime(2026, 7, 1, 9, 0, tzinfo=HN))
def test_it_says_so_and_shows_today_for_a_period_not_ended_or_unknown(client, leader, plan):
    Period.ensure_year(2026)
    client.force_login(leader)
    for code in ("2026-q3", "không-có", "2026-h1'--"):
        response = client.get(f"/tong-quan/don-vi/{plan.unit_id}/", {"ky": code})
        assert response.status_code == 200
        assert response.context["period"] is None and response.context["today"] == dt.date(2026, 7, 1)
        assert "Không có kỳ báo cáo đã kết thúc nào như đã chọn" in response.content.decode()
