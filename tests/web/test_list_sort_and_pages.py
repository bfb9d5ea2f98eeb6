"""Lists sort by their columns and come in pages of 50, keeping the filters in every link; a sort or page nobody
can give (an unknown column, a page past the end, text) shows the list in its usual order or its nearest page."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from apps.plans.models import Plan, PlanStatus, Task

LIST = reverse("plans-list")


@pytest.fixture
def many_plans(kesat, officer):
    """120 published plans of Kẽ Sắt, numbered 1–120, the lower numbers issued later and holding more tasks."""
    plans = [
        Plan(
            unit=kesat,
            status=PlanStatus.PUBLISHED,
            number=f"{n}/KH-UBND",
            title=f"Kế hoạch thứ {n:03d}",
            issued_on=dt.date(2026, 1, 1) - dt.timedelta(days=n),
        )
        for n in range(1, 121)
    ]
    plans = Plan.objects.bulk_create(Plan.with_search_text(plans))
    Task.objects.bulk_create(
        Task(plan=p, content="Nhiệm vụ", position=k) for i, p in enumerate(plans[:3]) for k in range(i + 1)
    )
    return plans


def titles(response) -> list[str]:
    assert response.status_code == 200
    return re.findall(r"Kế hoạch thứ (\d{3})", response.content.decode())


def test_it_shows_the_newest_plans_first_fifty_to_a_page(client, officer, many_plans):
    client.force_login(officer)
    first = titles(client.get(LIST))
    assert first == [f"{n:03d}" for n in range(1, 51)]
    third = titles(client.get(LIST + "?trang=3"))
    assert third == [f"{n:03d}" for n in range(101, 121)]
    assert "101–120 trong 120" in client.get(LIST + "?trang=3").content.decode()


def test_it_sorts_by_a_column_either_way(client, officer, many_plans):
    client.force_login(officer)
    assert titles(client.get(LIST + "?sap=trich-yeu"))[:3] == ["001", "002", "003"]
    assert titles(client.get(LIST + "?sap=-trich-yeu"))[:3] == ["120", "119", "118"]
    assert titles(client.get(LIST + "?sap=ngay"))[:2] == ["120", "119"]
    by_tasks = titles(client.get(LIST + "?sap=-nhiem-vu"))[:3]
    counts = [Plan.objects.get(title=f"Kế hoạch thứ {n}").tasks.count() for n in by_tasks]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0


def test_it_keeps_the_search_and_sort_in_the_links_of_the_pages_and_headers(client, officer, many_plans):
    client.force_login(officer)
    html = client.get(LIST + "?q=th%E1%BB%A9&sap=trich-yeu").content.decode()
    assert 'href="?q=th%E1%BB%A9&amp;sap=trich-yeu&amp;trang=2"' in html
    # the header of the column in force turns it around; the others sort ascending first
    assert 'href="?q=th%E1%BB%A9&amp;sap=-trich-yeu"' in html
    assert 'href="?q=th%E1%BB%A9&amp;sap=don-vi"' in html
    assert 'aria-sort="ascending"' in html


def test_it_falls_back_to_the_usual_order_and_the_nearest_page(client, officer, many_plans):
    client.force_login(officer)
    assert titles(client.get(LIST + "?sap=mat-khau"))[:1] == ["001"]
    assert titles(client.get(LIST + "?trang=99"))[-1] == "120"
    assert titles(client.get(LIST + "?trang=abc"))[:1] == ["001"]
