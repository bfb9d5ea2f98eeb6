"""A dashboard "as of" the end of a past period counts the plans that were in force that day: published by then,
and not yet replaced by then — a plan published later is left out, a plan replaced later still counts and its
replacement does not."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import time_machine

from apps.plans.models import Plan, PlanStatus, Target, Task
from apps.tracking.models import Period

HN = ZoneInfo("Asia/Ho_Chi_Minh")


def published(unit, number: str, on: dt.date, content: str, **fields) -> Plan:
    plan = Plan.objects.create(
        unit=unit,
        status=PlanStatus.PUBLISHED,
        number=number,
        title=f"Kế hoạch {number}",
        issued_on=on,
        published_at=dt.datetime.combine(on, dt.time(10), tzinfo=HN),
        **fields,
    )
    Task.objects.create(plan=plan, position=1, content=content, due_on=dt.date(2026, 12, 31))
    Target.objects.create(plan=plan, position=1, text=f"Chỉ tiêu của {number}", value=Decimal("100"))
    return plan


def replace(old: Plan, new: Plan) -> None:
    old.status, old.superseded_by = PlanStatus.SUPERSEDED, new
    old.save(update_fields=["status", "superseded_by"])


def world(kesat):
    """Quý I 2026 ends 14/03. The plan of January is replaced on 15/04; the plan of May came after the period; the
    plan of 01/02 replaced on 01/03 was gone by then."""
    Period.ensure_year(2026)
    january = published(kesat, "5/KH-UBND", dt.date(2026, 1, 10), "Nhiệm vụ của kế hoạch tháng 1")
    replace(january, published(kesat, "40/KH-UBND", dt.date(2026, 4, 15), "Nhiệm vụ của kế hoạch thay thế"))
    published(kesat, "60/KH-UBND", dt.date(2026, 5, 1), "Nhiệm vụ của kế hoạch tháng 5")
    early = published(kesat, "9/KH-UBND", dt.date(2026, 2, 1), "Nhiệm vụ đã bị thay trong quý")
    replace(early, published(kesat, "20/KH-UBND", dt.date(2026, 3, 1), "Nhiệm vụ của kế hoạch thay trong quý"))


@time_machine.travel(dt.datetime(2026, 7, 1, 9, 0, tzinfo=HN))
def test_it_counts_the_plans_in_force_at_the_periods_end_on_the_unit_dashboard(client, leader, plan, kesat):
    world(kesat)
    client.force_login(leader)
    url = f"/tong-quan/don-vi/{kesat.pk}/"

    now = client.get(url).context
    response = client.get(url, {"ky": "2026-q1"})
    then = response.context

    assert {p.number for p in now["plans"]} == {"94/KH-UBND", "40/KH-UBND", "60/KH-UBND", "20/KH-UBND"}
    assert {p.number for p in then["plans"]} == {"94/KH-UBND", "5/KH-UBND", "20/KH-UBND"}
    assert now["total"].total == 2 + 3 and then["total"].total == 2 + 2
    assert {p.target.text for p in then["progress"]} == {
        "Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ đạt tối thiểu 85%",
        "Chỉ tiêu của 5/KH-UBND",
        "Chỉ tiêu của 20/KH-UBND",
    }
    assert "các kế hoạch đang thực hiện ngày đó (đã ban hành và chưa bị thay thế)" in response.content.decode()


@time_machine.travel(dt.datetime(2026, 7, 1, 9, 0, tzinfo=HN))
def test_it_counts_the_plans_in_force_at_the_periods_end_on_the_city_dashboard(client, reviewer, plan, kesat):
    world(kesat)
    client.force_login(reviewer)

    def kesat_row(params):
        blocks = client.get("/tong-quan/thanh-pho/", params).context["blocks"]
        return next(r for _, rows in blocks for r in rows if r.unit.pk == kesat.pk)

    now, then = kesat_row({}), kesat_row({"ky": "2026-q1"})

    assert (now.tasks.total, now.targets["total"]) == (5, 4)
    assert (then.tasks.total, then.targets["total"]) == (4, 3)
