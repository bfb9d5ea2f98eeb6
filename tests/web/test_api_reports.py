"""The reports API: periods by code, Kẽ Sắt's officer creates and submits the Q1 report, Sở Nội vụ returns it
(a reason required) and accepts the resubmission; the files come out; nobody reviews their own report."""

import io

from openpyxl import load_workbook

from apps.api.models import ApiToken
from apps.units.models import Role
from tests.web.conftest import make_user


def bearer(user) -> dict:
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


def post(client, url, headers, body=None):
    return client.post(url, body or {}, content_type="application/json", headers=headers)


def test_it_lists_the_periods_with_their_codes(client, officer):
    periods = client.get("/api/periods", headers=bearer(officer)).json()

    q1 = next(p for p in periods if p["code"] == "2026-q1")
    assert (q1["start"], q1["end"], q1["due_on"]) == ("2025-12-15", "2026-03-14", "2026-03-20")
    assert {"2026-h1", "2026-q3", "2026-year"} <= {p["code"] for p in periods}


def test_it_runs_the_workflow(client, plan, officer, reviewer):
    unit_headers, city_headers = bearer(officer), bearer(reviewer)

    created = post(client, "/api/reports", unit_headers, {"unit": plan.unit.pk, "period": "2026-q1"})
    again = post(client, "/api/reports", unit_headers, {"unit": plan.unit.pk, "period": "2026-q1"})
    report_id = created.json()["id"]
    submitted = post(client, f"/api/reports/{report_id}/submit", unit_headers)
    no_reason = post(client, f"/api/reports/{report_id}/return", city_headers, {"reason": " "})
    returned = post(client, f"/api/reports/{report_id}/return", city_headers, {"reason": "Bổ sung số liệu."})
    post(client, f"/api/reports/{report_id}/submit", unit_headers)
    accepted = post(client, f"/api/reports/{report_id}/accept", city_headers)
    detail = client.get(f"/api/reports/{report_id}", headers=city_headers).json()
    listed = client.get(f"/api/reports?unit={plan.unit.pk}&period=2026-q1", headers=unit_headers).json()["items"]

    assert created.status_code == 201 and created.json()["state"] == "draft"
    assert again.status_code == 200 and again.json()["id"] == report_id
    assert submitted.json()["state"] == "submitted"
    assert no_reason.status_code == 422 and "lý do" in no_reason.json()["detail"]
    assert returned.json()["state"] == "returned" and returned.json()["return_reason"] == "Bổ sung số liệu."
    assert accepted.status_code == 200 and accepted.json()["state"] == "accepted"
    assert detail["versions"] == 2 and len(detail["content"]["tasks"]) == 2
    assert [r["id"] for r in listed] == [report_id]


def test_it_forbids_a_unit_to_accept_or_return_its_own_report(client, plan, officer):
    kesat_reviewer = make_user("kesat.thamdinh", plan.unit, Role.CITY_REVIEWER)
    report_id = post(client, "/api/reports", bearer(officer), {"unit": plan.unit.pk, "period": "2026-q1"}).json()["id"]
    post(client, f"/api/reports/{report_id}/submit", bearer(officer))

    by_officer = post(client, f"/api/reports/{report_id}/accept", bearer(officer))
    by_own_reviewer = post(client, f"/api/reports/{report_id}/return", bearer(kesat_reviewer), {"reason": "Tự trả"})

    assert by_officer.status_code == 403
    assert by_own_reviewer.status_code == 403 and "chính mình" in by_own_reviewer.json()["detail"]


def test_it_hides_other_units_reports_and_refuses_their_drafts(client, plan, officer, other_commune_officer):
    report_id = post(client, "/api/reports", bearer(officer), {"unit": plan.unit.pk, "period": "2026-q1"}).json()["id"]
    headers = bearer(other_commune_officer)

    assert client.get(f"/api/reports/{report_id}", headers=headers).status_code == 404
    assert client.get("/api/reports", headers=headers).json() == {"items": [], "count": 0}
    assert post(client, "/api/reports", headers, {"unit": plan.unit.pk, "period": "2026-q1"}).status_code == 404
    assert post(client, "/api/reports", bearer(officer), {"unit": plan.unit.pk, "period": "q1"}).status_code == 422


def test_it_serves_the_docx_and_a_printable_xlsx(client, plan, officer):
    headers = bearer(officer)
    report_id = post(client, "/api/reports", headers, {"unit": plan.unit.pk, "period": "2026-q1"}).json()["id"]
    plan.tasks.filter(position=1).update(content='=HYPERLINK("http://x")', output="+84 sản phẩm")

    docx = client.get(f"/api/reports/{report_id}/docx", headers=headers)
    xlsx = client.get(f"/api/reports/{report_id}/xlsx", headers=headers)

    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames == ["Thống kê", "Nhiệm vụ", "Chỉ tiêu"]
    tasks = book["Nhiệm vụ"]
    assert tasks.freeze_panes == "A2" and tasks["A1"].font.bold and tasks.column_dimensions["D"].width == 60
    contents = {tasks.cell(row, 4).value: tasks.cell(row, 4).data_type for row in range(2, tasks.max_row + 1)}
    assert contents['=HYPERLINK("http://x")'] == "s"  # text stays text
    stats = book["Thống kê"]
    assert stats["D2"].value == 2 and stats["D2"].data_type == "n"  # numbers as numbers
