"""Kẽ Sắt's one-stop centre writes its part of the Q1 report (prefilled from the tasks it leads); the standing
officer sees it under the section and merges it without losing what they typed; an edit after the merge shows
as not merged again; once the report is sent nobody contributes; other units cannot see it."""

import pytest

from apps.reports.models import ReportSection, SectionContribution
from apps.reports.services import open_draft, submit
from apps.tracking.models import Period, PeriodKind

TTHC = "results-tthc"


@pytest.fixture
def draft(plan, officer):
    Period.ensure_year(2026)
    report, _ = open_draft(plan.unit, Period.objects.get(year=2026, kind=PeriodKind.Q1), officer)
    return report


def contribute(client, report, text, version=None):
    body = {f"section-{TTHC}": text} | ({f"version-{TTHC}": version} if version else {})
    return client.post(f"/bao-cao/{report.pk}/dong-gop/", body)


def test_it_prefills_the_agency_part_from_the_tasks_it_leads(client, draft, agency_officer):
    client.force_login(agency_officer)

    page = client.get(f"/bao-cao/{draft.pk}/dong-gop/").content.decode()

    assert "Phần đóng góp của Trung tâm Phục vụ hành chính công" in page
    assert "Trung tâm Phục vụ hành chính công chủ trì 1 nhiệm vụ" in page
    assert "Rà soát văn bản quy phạm pháp luật" not in page  # the other agency's task


def test_it_lets_the_standing_officer_merge_an_agency_part(client, draft, agency_officer, officer):
    client.force_login(agency_officer)
    contribute(client, draft, "Trung tâm đã tiếp nhận 1.250 hồ sơ, 92% trực tuyến.")
    part = SectionContribution.objects.get()
    client.force_login(officer)

    shown = client.get(f"/bao-cao/{draft.pk}/").content.decode()
    draft.refresh_from_db()
    response = client.post(
        f"/bao-cao/{draft.pk}/luu/",
        {f"section-{TTHC}": "Văn bản cán bộ thường trực vừa sửa.", "version": draft.version, "merge": part.pk},
    )

    section = ReportSection.objects.get(report=draft, kind="results", area="tthc")
    part.refresh_from_db()
    assert "Phần của Trung tâm Phục vụ hành chính công" in shown and "Lưu và gộp vào mục này" in shown
    assert response.status_code == 302 and response["Location"].endswith(f"#section-{TTHC}")
    assert section.text == "Văn bản cán bộ thường trực vừa sửa.\nTrung tâm đã tiếp nhận 1.250 hồ sơ, 92% trực tuyến."
    assert part.merged_at is not None and part.merged_by == officer


def test_it_marks_a_part_edited_after_the_merge_as_not_merged(client, draft, agency_officer, officer):
    client.force_login(agency_officer)
    contribute(client, draft, "Bản đầu.")
    part = SectionContribution.objects.get()
    SectionContribution.objects.filter(pk=part.pk).update(merged_by=officer, merged_at="2026-03-10T09:00:00+07:00")

    contribute(client, draft, "Bản sửa sau khi gộp.", version=part.version)

    part.refresh_from_db()
    assert part.text == "Bản sửa sau khi gộp." and part.merged_at is None


def test_it_refuses_a_stale_edit_of_a_part(client, draft, agency_officer, other_agency_officer, pvhcc):
    client.force_login(agency_officer)
    contribute(client, draft, "Bản đầu.")
    part = SectionContribution.objects.get()
    contribute(client, draft, "Bản của tab thứ hai.", version=part.version)

    response = contribute(client, draft, "Bản của tab thứ nhất, cũ.", version=part.version)

    part.refresh_from_db()
    assert part.text == "Bản của tab thứ hai."
    assert "Hãy xem lại" in client.get(response["Location"]).content.decode()


def test_it_closes_contributions_once_sent_and_hides_them_from_others(
    client, draft, agency_officer, officer, other_commune_officer
):
    submit(draft, officer)
    client.force_login(agency_officer)
    refused = contribute(client, draft, "Muộn rồi.")
    client.force_login(other_commune_officer)
    other = client.get(f"/bao-cao/{draft.pk}/dong-gop/")
    client.force_login(officer)
    own_officer = client.get(f"/bao-cao/{draft.pk}/dong-gop/")

    assert refused.status_code == 302 and not SectionContribution.objects.exists()
    assert other.status_code == 404 and own_officer.status_code == 403
