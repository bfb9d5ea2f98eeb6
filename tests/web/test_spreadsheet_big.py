"""A big plan's workbook (300 tasks, 40 targets) is downloaded, read and previewed in a handful of queries,
however many rows it has, so a preview stays quick (the issue measured 32 s per preview of a big file)."""

from __future__ import annotations

import datetime as dt
import io

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from apps.plans.models import Area, Target, Task
from tests.web.conftest import PASSWORD

APRIL = dt.datetime(2026, 4, 10, 9, 0, tzinfo=dt.UTC)


@time_machine.travel(APRIL)
def test_a_big_workbook_is_previewed_in_a_few_queries(client, officer, plan, pvhcc, django_assert_max_num_queries):
    Task.objects.bulk_create(
        Task(plan=plan, position=10 + i, section="IV", no=str(i), area=Area.TTHC, content=f"Nhiệm vụ {i}", lead=pvhcc)
        for i in range(300)
    )
    Target.objects.bulk_create(
        Target(plan=plan, position=10 + i, text=f"Chỉ tiêu {i}", value=90, comparator=">=", area=Area.TTHC)
        for i in range(40)
    )
    client.login(username=officer.username, password=PASSWORD)
    with django_assert_max_num_queries(40):
        data = client.get(f"/ke-hoach/{plan.pk}/bang-tinh/tai-ve/").content
    wb = load_workbook(io.BytesIO(data))
    for row in range(2, 42):
        wb["Số liệu"].cell(row, 5).value = 50 + row % 40
        wb["Nhiệm vụ"].cell(row, 7).value = row
    out = io.BytesIO()
    wb.save(out)
    response = client.post(
        f"/ke-hoach/{plan.pk}/bang-tinh/tai-len/", {"file": SimpleUploadedFile("so-lieu.xlsx", out.getvalue())}
    )
    assert response.status_code == 302
    with django_assert_max_num_queries(30):
        preview = client.get(response["Location"])
    result = preview.context["result"]
    assert (len(result.figures), len(result.tasks), result.problems) == (40, 40, [])
