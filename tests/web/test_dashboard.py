"""The dashboards: the home page leads each user to their unit or to the city; a unit's dashboard counts its
tasks by area and agency, lists the overdue and the due-soon, and shows every target against its figure."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import time_machine

from apps.plans.models import Area, Plan, PlanStatus, Target, Task, TaskState
from apps.tracking.models import Measurement, Period, PeriodKind
from tests.web.conftest import PASSWORD

JUNE = dt.datetime(2026, 6, 20, 9, 0, tzinfo=dt.UTC)


def test_home_leads_to_the_users_unit_or_the_city(client, officer, agency_officer, reviewer, kesat):
    client.login(username=officer.username, password=PASSWORD)
    assert client.get("/").url == f"/tong-quan/don-vi/{kesat.pk}/"
    client.login(username=agency_officer.username, password=PASSWORD)
    assert client.get("/").url == f"/tong-quan/don-vi/{kesat.pk}/"
    client.login(username=reviewer.username, password=PASSWORD)
    assert client.get("/").url == "/tong-quan/thanh-pho/"


@time_machine.travel(JUNE)
def test_the_unit_dashboard_shows_the_numbers(client, leader, plan, pvhcc, vanphong):
    Task.objects.create(
        plan=plan, position=3, area=Area.TTHC, content="Công khai TTHC", lead=pvhcc, due_on=dt.date(2026, 6, 1)
    )
    Task.objects.create(
        plan=plan, position=4, area=Area.TTHC, content="Báo cáo 6 tháng", lead=pvhcc, due_on=dt.date(2026, 6, 30)
    )
    Task.objects.create(
        plan=plan,
        position=5,
        area=Area.THE_CHE,
        content="Kiểm tra văn bản",
        lead=vanphong,
        due_on=dt.date(2026, 3, 31),
        state=TaskState.DONE,
        progress=100,
        completed_on=dt.date(2026, 4, 5),
    )
    draft = Plan.objects.create(unit=plan.unit, title="Bản nháp", status=PlanStatus.DRAFT)
    Task.objects.create(plan=draft, content="Không được tính", due_on=dt.date(2026, 1, 1))
    target = plan.targets.get()
    Period.ensure_year(2026)
    for kind, value in ((PeriodKind.Q1, "80"), (PeriodKind.H1, "86")):
        Measurement.objects.create(target=target, period=Period.objects.get(kind=kind, year=2026), value=Decimal(value))
    Target.objects.create(plan=plan, position=2, text="Mức độ hài lòng tối thiểu 95%", value=95)

    client.login(username=leader.username, password=PASSWORD)
    response = client.get(f"/tong-quan/don-vi/{plan.unit_id}/")
    assert response.status_code == 200
    ctx = response.context
    assert ctx["total"].total == 5
    assert (ctx["total"].done, ctx["total"].overdue) == (1, 1)
    areas = {row.key: row for row in ctx["areas"]}
    assert areas[Area.TTHC].total == 3 and areas[Area.TTHC].overdue == 1
    assert areas[Area.THE_CHE].by_status["done_late"] == 1
    agencies = {row.label: row for row in ctx["agencies"]}
    assert agencies["Trung tâm Phục vụ hành chính công"].total == 3
    assert agencies["Văn phòng HĐND và UBND"].done_percent == 50.0
    assert [t.content for t in ctx["overdue"]] == ["Công khai TTHC"]
    assert [t.content for t in ctx["due_soon"]] == ["Báo cáo 6 tháng"]
    assert ctx["targets_met"] == 1
    page = response.content.decode()
    assert "Không được tính" not in page
    assert "86%" in page and 'class="badge met"' in page and "Chưa có số liệu" in page
    assert 'viewBox="0 0 200 56"' in page and "6 tháng 2026: 86" in page


def test_another_commune_does_not_see_the_dashboard(client, other_commune_officer, kesat, maodien):
    client.login(username=other_commune_officer.username, password=PASSWORD)
    assert client.get(f"/tong-quan/don-vi/{kesat.pk}/").status_code == 404
    assert client.get(f"/tong-quan/don-vi/{maodien.pk}/").status_code == 200
    assert client.get("/tong-quan/thanh-pho/").status_code == 403


@time_machine.travel(JUNE)
def test_the_city_dashboard_puts_every_unit_side_by_side(client, reviewer, plan, maodien, snv):
    plan.tasks.filter(position=1).update(state=TaskState.DONE, progress=100, completed_on=dt.date(2026, 5, 1))
    plan.tasks.filter(position=2).update(due_on=dt.date(2026, 5, 1))
    Period.ensure_year(2026)
    Measurement.objects.create(
        target=plan.targets.get(), period=Period.objects.get(kind=PeriodKind.Q1, year=2026), value=Decimal("90")
    )
    client.login(username=reviewer.username, password=PASSWORD)
    response = client.get("/tong-quan/thanh-pho/")
    assert response.status_code == 200
    blocks = dict(response.context["blocks"])
    communes = {row.unit.name: row for row in blocks["Xã, đặc khu"]}
    kesat = communes["Xã Kẽ Sắt"]
    assert (kesat.tasks.total, kesat.tasks.done_percent, kesat.tasks.overdue) == (2, 50.0, 1)
    assert kesat.targets == {"total": 1, "measured": 1, "met": 1} and kesat.targets_met_percent == 100.0
    assert communes["Xã Mao Điền"].tasks.total == 0
    assert [row.unit.name for row in blocks["Sở, ban, ngành"]] == ["Sở Nội vụ"]
    page = response.content.decode()
    assert f'href="/tong-quan/don-vi/{plan.unit_id}/"' in page and 'preserveAspectRatio="none"' in page
