"""The plan list and the audit log download as .xlsx as filtered (every page of them, not only the one shown),
under the heading that says what the list is, for which unit, and who exported it."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import time_machine
from openpyxl import load_workbook

from apps.plans.models import Plan, PlanStatus, TaskState
from apps.tracking.services import submit_update

HN = ZoneInfo("Asia/Ho_Chi_Minh")


def rows(response, sheet: str) -> list[tuple]:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return list(load_workbook(io.BytesIO(response.content))[sheet].iter_rows(values_only=True))


@time_machine.travel(dt.datetime(2026, 12, 20, 9, 0, tzinfo=HN))
def test_it_downloads_the_plan_list_as_searched(client, plan, officer, kesat):
    Plan.objects.create(unit=kesat, status=PlanStatus.DRAFT, number="=1+1", title="Kế hoạch chuyển đổi số năm 2027")
    client.force_login(officer)

    page = client.get("/ke-hoach/", {"q": "ke sat"}).content.decode()
    assert "q=ke+sat&amp;xuat=xlsx" in page and '<table class="cards">' in page

    everything = rows(client.get("/ke-hoach/", {"q": "ke sat", "xuat": "xlsx"}), "Kế hoạch")
    assert everything[0][0] == "Kế hoạch CCHC có “ke sat”"
    assert everything[1][0] == "Đơn vị: Xã Kẽ Sắt" and everything[3][0].startswith("Người xuất: kesat.vhxh")
    assert everything[5][:4] == ("Số, ký hiệu", "Trích yếu", "Đơn vị", "Ngày ban hành")
    assert {r[0] for r in everything[6:]} == {"=1+1", "94/KH-UBND"}  # text, never a formula

    drafts = rows(client.get("/ke-hoach/", {"status": "draft", "xuat": "xlsx"}), "Kế hoạch")
    assert drafts[0][0] == "Kế hoạch CCHC (bản nháp (chờ duyệt))"
    assert [r[1] for r in drafts[6:]] == ["Kế hoạch chuyển đổi số năm 2027"]


def test_it_downloads_the_audit_log_as_filtered(client, plan, officer, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 30, tzinfo=HN)):
        submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=40)
    with time_machine.travel(dt.datetime(2026, 4, 2, 9, 30, tzinfo=HN)):
        submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=60)
    client.force_login(officer)
    url = f"/nhat-ky/{plan.unit_id}/"

    page = client.get(url, {"den": "2026-03-31"}).content.decode()
    assert "den=2026-03-31&amp;xuat=xlsx" in page and '<table class="audit cards">' in page

    march = rows(client.get(url, {"den": "2026-03-31", "xuat": "xlsx"}), "Nhật ký")
    assert march[0][0] == "Nhật ký thay đổi (đã lọc)" and march[1][0] == "Đơn vị: Xã Kẽ Sắt"
    assert march[5] == ("Thời gian", "Đơn vị", "Việc đã làm", "Chi tiết thay đổi")
    assert [r[:3] for r in march[6:]] == [
        (
            dt.datetime(2026, 3, 2, 9, 30),
            "Xã Kẽ Sắt",
            "kesat.pvhcc cập nhật nhiệm vụ II.1: Chưa thực hiện → Đang thực hiện, 40%",
        )
    ]
    everything = rows(client.get(url, {"xuat": "xlsx"}), "Nhật ký")[6:]
    assert len(everything) > 2 and any(r[2].endswith("40% → 60%") for r in everything)


def test_it_refuses_the_audit_log_download_to_those_who_may_not_read_it(client, plan, agency_officer):
    client.force_login(agency_officer)
    assert client.get(f"/nhat-ky/{plan.unit_id}/", {"xuat": "xlsx"}).status_code == 404
