"""Every list page, dashboard and API read asks the database the same number of questions whatever the size of the
data: measured on a small city, then on one with more units, each with more agencies, tasks, targets and figures."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from apps.plans.models import Plan
from apps.units import city_data
from apps.units.models import Unit

TODAY = dt.datetime(2026, 11, 20, 9, 0)
SMALL = city_data.Size(units=2, agencies=2, tasks=6, targets=3, updates=2, report_periods=1)
BIGGER = city_data.Size(units=5, agencies=4, tasks=18, targets=9, updates=3, report_periods=2)

CITY_PAGES = [
    "/ke-hoach/",
    "/tong-quan/thanh-pho/",
    "/don-vi/",
    "/nhat-ky/",
    "/bao-cao/cho-tham-dinh/",
    "/api/plans",
    "/api/tasks",
    "/api/tasks?overdue=true",
    "/api/tasks?overdue=false",
    "/api/tasks?status=done_on_time",
    "/api/targets",
]
UNIT_PAGES = [
    "/ke-hoach/",
    "/ke-hoach/{plan}/",
    "/ke-hoach/{plan}/nhiem-vu/",
    "/ke-hoach/{plan}/so-lieu/",
    "/chi-tieu/{target}/",
    "/nhiem-vu/cua-toi/",
    "/tong-quan/don-vi/{unit}/",
    "/nhat-ky/{unit}/",
    "/api/tasks?overdue=true",
    "/api/plans/{plan}",
]


def queries(user: User, path: str) -> int:
    client = Client()
    headers = {}
    if path.startswith("/api/"):
        token = client.post("/api/auth/token", {"username": user.username, "password": "demo12345"}, "application/json")
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token.json()['token']}"
    else:
        client.force_login(user)
    client.get(path, **headers)  # first use of a token notes it; sessions settle
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    assert response.status_code == 200, path
    return len(captured)


def unit_pages(code: str) -> dict[str, int]:
    unit = Unit.objects.get(code=code)
    plan = Plan.objects.get(unit=unit)
    values = {"unit": unit.pk, "plan": plan.pk, "target": plan.targets.order_by("pk").first().pk}
    officer = User.objects.get(username=f"{code}.tt")
    return {path: queries(officer, path.format(**values)) for path in UNIT_PAGES}


def city_pages() -> dict[str, int]:
    reviewer = User.objects.get(username="snv.cchc")
    return {path: queries(reviewer, path) for path in CITY_PAGES}


@pytest.mark.django_db
def test_it_asks_as_many_queries_on_a_bigger_city():
    with time_machine.travel(TODAY, tick=False):
        city_data.make(SMALL, say=lambda _: None)
        small_city, small_unit = city_pages(), unit_pages("tp-001")
        city_data.make(BIGGER, say=lambda _: None)  # three more units, each bigger than the first two
        big_city, big_unit = city_pages(), unit_pages("tp-005")
    tasks = {code: Plan.objects.get(unit__code=code).tasks.count() for code in ("tp-001", "tp-005")}
    assert tasks == {"tp-001": 6, "tp-005": 18}
    assert big_city == small_city
    assert big_unit == small_unit
