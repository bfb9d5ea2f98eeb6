"""The report pages: Kẽ Sắt's officer sees each period with its state and late flag, drafts and submits; the
reviewer finds it in the list awaiting review; a submitted report shows what it froze and what changed since."""

import datetime as dt

import time_machine

from apps.plans.models import Task
from apps.reports.models import Report, ReportState
from apps.tracking.models import Period, PeriodKind


def q1() -> Period:
    Period.ensure_year(2026)
    return Period.objects.get(year=2026, kind=PeriodKind.Q1)


@time_machine.travel(dt.datetime(2026, 3, 25, 9, 0), tick=False)
def test_it_lists_the_periods_with_state_and_late_flag(client, plan, officer):
    client.force_login(officer)

    page = client.get(f"/bao-cao/don-vi/{plan.unit.pk}/").content.decode()

    assert "Quý I 2026" in page and "Năm 2025" in page
    assert "Chưa lập" in page and "Lập báo cáo" in page
    assert page.count("Chậm") >= 1  # Q1 2026 was due on 20/03/2026


def test_it_drafts_edits_and_submits_in_the_browser(client, plan, officer):
    client.force_login(officer)
    response = client.post(f"/bao-cao/don-vi/{plan.unit.pk}/ky/{q1().pk}/tao/")
    report = Report.objects.get()
    assert response.url == f"/bao-cao/{report.pk}/"
    page = client.get(response.url).content.decode()
    assert "Cải cách thủ tục hành chính" in page and "triển khai 1 nhiệm vụ" in page

    client.post(
        f"/bao-cao/{report.pk}/luu/",
        {
            "version": report.version,
            "section-proposals": "Đề nghị hỗ trợ kinh phí số hóa.",
            "signer": "Lê Văn A",
            "then": "submit",
        },
    )

    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED and report.signer == "Lê Văn A"
    assert report.versions.get().content["sections"][-1]["text"] == "Đề nghị hỗ trợ kinh phí số hóa."


def test_it_tells_a_stale_tab_that_someone_saved_first(client, plan, officer):
    client.force_login(officer)
    client.post(f"/bao-cao/don-vi/{plan.unit.pk}/ky/{q1().pk}/tao/")
    report = Report.objects.get()
    client.post(f"/bao-cao/{report.pk}/luu/", {"version": 1, "section-proposals": "Tab một"})

    response = client.post(f"/bao-cao/{report.pk}/luu/", {"version": 1, "section-proposals": "Tab hai"}, follow=True)

    assert "đã được người khác sửa" in response.content.decode()
    assert report.sections.get(kind="proposals").text == "Tab một"


def test_it_shows_the_frozen_report_and_what_changed_since(client, plan, officer, reviewer):
    client.force_login(officer)
    client.post(f"/bao-cao/don-vi/{plan.unit.pk}/ky/{q1().pk}/tao/")
    report = Report.objects.get()
    client.post(f"/bao-cao/{report.pk}/gui/")
    Task.objects.create(plan=plan, content="Nhiệm vụ thêm sau khi gửi", due_on=dt.date(2026, 1, 31), area="the_che")

    client.force_login(reviewer)
    listing = client.get("/bao-cao/cho-tham-dinh/").content.decode()
    page = client.get(f"/bao-cao/{report.pk}/").content.decode()

    assert "Xã Kẽ Sắt" in listing and f"/bao-cao/{report.pk}/" in listing
    assert "Đây là nội dung đã gửi lần 1" in page
    assert "Số nhiệm vụ: 2 khi gửi, nay 3." in page
    assert "Cải cách thể chế – quá hạn chưa hoàn thành: 0 khi gửi, nay 1." in page
    assert "Nhiệm vụ thêm sau khi gửi" not in page  # the frozen task list
    assert "Chấp nhận báo cáo" in page


def test_it_forbids_other_people_to_draft_or_review(client, plan, officer, agency_officer, other_commune_officer):
    client.force_login(officer)
    client.post(f"/bao-cao/don-vi/{plan.unit.pk}/ky/{q1().pk}/tao/")
    report = Report.objects.get()
    client.post(f"/bao-cao/{report.pk}/gui/")

    accepted_by_self = client.post(f"/bao-cao/{report.pk}/chap-nhan/")
    client.force_login(agency_officer)
    drafted_by_agency = client.post(f"/bao-cao/don-vi/{plan.unit.pk}/ky/{q1().pk}/tao/")
    client.force_login(other_commune_officer)
    seen_by_neighbour = client.get(f"/bao-cao/{report.pk}/")

    assert accepted_by_self.status_code == 403
    assert drafted_by_agency.status_code == 403
    assert seen_by_neighbour.status_code == 404
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED


def test_it_returns_with_a_reason_shown_to_the_unit(client, plan, officer, reviewer):
    client.force_login(officer)
    client.post(f"/bao-cao/don-vi/{plan.unit.pk}/ky/{q1().pk}/tao/")
    report = Report.objects.get()
    client.post(f"/bao-cao/{report.pk}/gui/")
    client.force_login(reviewer)

    without = client.post(f"/bao-cao/{report.pk}/tra-lai/", {"reason": "", "version": 2}, follow=True)
    reason = {"reason": "Thiếu số liệu hồ sơ trực tuyến.", "version": 2, "confirmed": f"return:{report.pk}"}
    client.post(f"/bao-cao/{report.pk}/tra-lai/", reason)
    client.force_login(officer)
    page = client.get(f"/bao-cao/{report.pk}/").content.decode()

    assert "Hãy ghi lý do trả lại" in without.content.decode()
    assert "Lý do: Thiếu số liệu hồ sơ trực tuyến." in page and "Lưu và gửi Sở Nội vụ" in page
