"""Kẽ Sắt's Q1 report reads as Vietnamese is written: the period in lower case inside its title, the commune's
kind in lower case mid-sentence in the .docx, the charts' heading kept with its charts, the next tasks' priority
on overdue tasks said only when there are some; the city's report is not offered before a report is accepted."""

import datetime as dt
import io

from docx import Document

from apps.reports.content import draft_next_tasks
from apps.reports.services import open_draft
from apps.tracking.models import Period, PeriodKind
from tests.web.consolidation_world import at, report, reporting_unit


def q1_report(plan, officer):
    Period.ensure_year(2026)
    return open_draft(plan.unit, Period.objects.get(year=2026, kind=PeriodKind.Q1), officer)[0]


def test_it_writes_the_period_in_lower_case_in_the_title(plan, officer):
    assert str(q1_report(plan, officer)) == "Báo cáo CCHC quý I năm 2026 – Xã Kẽ Sắt"


def test_it_writes_the_commune_in_lower_case_mid_sentence_in_the_docx(client, plan, officer):
    report_ = q1_report(plan, officer)
    client.force_login(officer)

    document = Document(io.BytesIO(client.get(f"/bao-cao/{report_.pk}/bao-cao.docx").content))

    text = "\n".join(p.text for p in document.paragraphs)
    assert "(CCHC), xã Kẽ Sắt báo cáo kết quả thực hiện công tác CCHC quý I năm 2026" in text
    assert "quý I năm 2026 của xã Kẽ Sắt (có phụ lục kèm theo)./." in text
    assert "Xã Kẽ Sắt" not in text
    charts = next(p for p in document.paragraphs if p.text == "Biểu đồ")
    assert charts.paragraph_format.keep_with_next


def test_it_puts_overdue_tasks_first_only_when_there_are_some():
    in_progress = {"status": "in_progress", "content": "Rà soát TTHC"}
    overdue = {"status": "overdue", "content": "Ban hành quy chế"}

    assert draft_next_tasks({"tasks": [in_progress]}) == "Tập trung hoàn thành 1 nhiệm vụ còn lại: Rà soát TTHC."
    assert draft_next_tasks({"tasks": [in_progress, overdue]}) == (
        "Tập trung hoàn thành 2 nhiệm vụ còn lại, ưu tiên 1 nhiệm vụ quá hạn: Ban hành quy chế; Rà soát TTHC."
    )


def test_it_offers_the_city_report_only_once_a_report_is_accepted(client, city, reviewer):
    kesat = reporting_unit(city, "ks", "Xã Kẽ Sắt", done=3, overdue=1)
    client.force_login(reviewer)

    with at(dt.date(2026, 3, 25)):
        before = client.get("/bao-cao/tong-hop/?period=2026-q1").content.decode()
        report(*kesat, reviewer)
        after = client.get("/bao-cao/tong-hop/?period=2026-q1").content.decode()

    assert '<button class="primary" disabled>Lập báo cáo tổng hợp' in before
    assert "Chưa lập được: kỳ này chưa có báo cáo nào được chấp nhận" in before
    assert '<button class="primary">Lập báo cáo tổng hợp' in after
