"""The city's list of the plans implementing one of its plans compares them all at once: the page reads as many
queries for five communes' plans as for one, and counts each one's gaps as the side-by-side view does."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.alignment.compare import compare
from apps.plans.models import Area, Plan, PlanReference, PlanStatus, ReferenceKind, Target, Task
from apps.units.models import Unit, UnitKind
from tests.web.test_alignment import city_plan, online  # noqa: F401  (fixtures)


def implementing(city, city_plan, n: int) -> Plan:  # noqa: F811
    unit = Unit.objects.create(name=f"Xã Thử {n}", kind=UnitKind.COMMUNE, parent=city, code=f"thu-{n}")
    plan = Plan.objects.create(
        unit=unit, status=PlanStatus.PUBLISHED, number=f"{n:02d}/KH-UBND", title=f"Cải cách hành chính xã {n}"
    )
    PlanReference.objects.create(plan=plan, kind=ReferenceKind.IMPLEMENTS, number="3470/KH-UBND", linked_plan=city_plan)
    Target.objects.create(
        plan=plan, position=1, text="Tỷ lệ hồ sơ giải quyết trực tuyến đạt 60%", value=Decimal(60 + n), phase="2026"
    )
    Task.objects.create(plan=plan, position=1, area=Area.TTHC, content="Rà soát, đơn giản hóa thủ tục hành chính")
    return plan


def test_it_reads_the_same_queries_for_five_plans_as_for_one(client, city, city_plan, reviewer):  # noqa: F811
    url = f"/ke-hoach/{city_plan.pk}/ke-hoach-thuc-hien/"
    client.force_login(reviewer)
    first = implementing(city, city_plan, 1)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for n in range(2, 6):
        implementing(city, city_plan, n)

    with CaptureQueriesContext(connection) as five:
        response = client.get(url)

    rows = response.context["rows"]
    assert len(rows) == 5
    assert len(five) == len(one)
    assert rows[0]["gaps"] == compare(city_plan, first).gap_count
