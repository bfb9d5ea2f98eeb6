"""Sở Nội vụ edits the report's outline in the browser: renames, adds, removes and reorders headings and rows of
the statistics table. A draft already open follows the new outline (a new heading gets its own section to write),
a sent report keeps the one it was frozen with; a stale save is refused with what changed meanwhile; a heading
left without a name is refused with a message; each change is audited."""

import io

from docx import Document

from apps.audit.models import AuditEntry
from apps.reports.guidance import heading_initial, statistics_initial
from apps.reports.models import ReportType
from apps.reports.services import open_draft, shown_content, submit
from apps.reports.word import build_docx
from apps.tracking.models import Period, PeriodKind

URL = "/bao-cao/de-cuong/"


def q1() -> Period:
    Period.ensure_year(2026)
    return Period.objects.get(year=2026, kind=PeriodKind.Q1)


def body(report_type: ReportType, headings=None, stats=None) -> dict:
    """The form as the page sends it: every heading and row as loaded, with the changes given by position."""
    headings = headings if headings is not None else heading_initial(report_type)
    stats = stats if stats is not None else statistics_initial(report_type)
    data = {"version": report_type.version, "loaded": ""}
    for prefix, rows, initial in (("h", headings, len(heading_initial(report_type))), ("s", stats, None)):
        data |= {f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": initial or len(stats)}
        data |= {f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000}
        for i, row in enumerate(rows):
            data |= {f"{prefix}-{i}-{name}": value for name, value in row.items() if value is not False}
    return data


def text_of(report) -> str:
    content, _ = shown_content(report)
    document = Document(io.BytesIO(build_docx(report.unit, content, q1().end)))
    return "\n".join(p.text for p in document.paragraphs)


def test_it_changes_the_headings_for_drafts_but_not_for_sent_reports(
    client, reviewer, plan, officer, maodien, other_commune_officer
):
    sent, _ = open_draft(plan.unit, q1(), officer)
    submit(sent, officer)
    draft, _ = open_draft(maodien, q1(), other_commune_officer)
    guidance = ReportType.objects.get(is_current=True)
    headings = heading_initial(guidance)
    by_part = {h["part"]: h for h in headings}
    by_part["proposals"]["title"] = "V. KIẾN NGHỊ VỚI CẤP TRÊN"
    by_part["next_tasks"]["DELETE"] = "on"
    by_part["proposals"]["ORDER"] = 1  # right after the direction (numbered 1 too, and above it)
    headings.append({"title": "VI. SÁNG KIẾN CẢI CÁCH HÀNH CHÍNH", "ORDER": 9})
    client.force_login(reviewer)

    response = client.post(URL, body(guidance, headings))

    assert response.status_code == 302
    page = client.get(f"/bao-cao/{draft.pk}/").content.decode()
    assert "VI. SÁNG KIẾN CẢI CÁCH HÀNH CHÍNH" in page
    new_key = ReportType.objects.get(pk=guidance.pk).outline[-1]["key"]
    client.force_login(other_commune_officer)
    client.post(f"/bao-cao/{draft.pk}/luu/", {"version": draft.version, f"section-{new_key}": "Hai sáng kiến."})
    text = text_of(draft)
    assert text.index("I. CÔNG TÁC CHỈ ĐẠO") < text.index("V. KIẾN NGHỊ VỚI CẤP TRÊN") < text.index("II. KẾT QUẢ")
    assert "IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI" not in text
    assert text.index("VI. SÁNG KIẾN CẢI CÁCH HÀNH CHÍNH") < text.index("Hai sáng kiến.")
    assert "IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI" in text_of(sent)
    assert "SÁNG KIẾN" not in text_of(sent)
    entry = AuditEntry.objects.get(action="report_type.edit")
    assert "Thêm đề mục “VI. SÁNG KIẾN CẢI CÁCH HÀNH CHÍNH”" in entry.summary
    assert "Bỏ đề mục “IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI”" in entry.summary


def test_it_changes_the_statistics_table(client, reviewer, plan, officer):
    guidance = ReportType.objects.get(is_current=True)
    stats = statistics_initial(guidance)
    stats[5]["DELETE"] = "on"  # legal documents
    stats.append({"label": "Sáng kiến CCHC được công nhận", "unit": "sáng kiến", "ORDER": 0})
    client.force_login(reviewer)

    client.post(URL, body(guidance, stats=stats))

    draft, _ = open_draft(plan.unit, q1(), officer)
    labels = [row["label"] for row in shown_content(draft)[0]["statistics"]]
    assert labels[0] == "Sáng kiến CCHC được công nhận"
    assert "Văn bản quy phạm pháp luật ban hành, rà soát" not in labels


def test_it_refuses_a_stale_save_with_what_changed(client, reviewer):
    guidance = ReportType.objects.get(is_current=True)
    client.force_login(reviewer)
    first = heading_initial(guidance)
    first[0]["title"] = "I. CHỈ ĐẠO, ĐIỀU HÀNH"
    loaded = client.get(URL).context["loaded"]
    client.post(URL, body(guidance, first) | {"loaded": loaded})
    second = heading_initial(guidance)
    second[-1]["title"] = "V. KIẾN NGHỊ"

    response = client.post(URL, body(guidance, second) | {"loaded": loaded})

    page = response.content.decode()
    assert response.status_code == 409
    assert "đã được người khác sửa" in page
    assert "Đổi đề mục “I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC” thành “I. CHỈ ĐẠO, ĐIỀU HÀNH”" in page
    assert ReportType.objects.get(pk=guidance.pk).outline[-1]["title"] == "V. ĐỀ XUẤT, KIẾN NGHỊ"


def test_it_refuses_a_heading_without_a_name(client, reviewer):
    guidance = ReportType.objects.get(is_current=True)
    headings = heading_initial(guidance)
    headings[1]["title"] = "  "
    client.force_login(reviewer)

    response = client.post(URL, body(guidance, headings))

    assert response.status_code == 422
    assert "Đề mục thứ 2 chưa có tên" in response.content.decode()
    assert ReportType.objects.get(pk=guidance.pk).version == guidance.version


def test_it_lets_only_the_city_edit(client, officer):
    client.force_login(officer)

    assert client.get(URL).status_code == 403
