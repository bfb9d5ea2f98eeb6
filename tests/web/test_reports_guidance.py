"""The guidance is data: the outline's headings and the statistics table come from the report type in force
(seeded with the current guidance). When an administrator changes them, new reports follow; a report already sent
keeps the outline and table it was frozen with; a malformed table is refused with a message."""

import io

import pytest
from django.core.exceptions import ValidationError
from docx import Document

from apps.reports.models import ReportType
from apps.reports.services import open_draft, shown_content, submit
from apps.reports.word import build_docx
from apps.tracking.models import Period, PeriodKind


def q1() -> Period:
    Period.ensure_year(2026)
    return Period.objects.get(year=2026, kind=PeriodKind.Q1)


def text_of(report) -> str:
    content, _ = shown_content(report)
    document = Document(io.BytesIO(build_docx(report.unit, content, q1().end)))
    return "\n".join(p.text for p in document.paragraphs)


def test_it_starts_with_the_current_guidance(db):
    current = ReportType.objects.get(is_current=True)

    assert current.outline["direction"] == "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"
    assert [row["key"] for row in current.statistics][:2] == ["tasks_total", "tasks_done_on_time"]


def test_it_follows_a_changed_guidance_but_keeps_what_was_sent(plan, officer, maodien, other_commune_officer):
    sent, _ = open_draft(plan.unit, q1(), officer)
    submit(sent, officer)
    guidance = ReportType.objects.get(is_current=True)
    guidance.outline["proposals"] = "V. KIẾN NGHỊ, ĐỀ XUẤT VỚI CẤP TRÊN"
    guidance.statistics.append({"key": "initiatives", "label": "Sáng kiến CCHC được công nhận", "unit": "sáng kiến"})
    guidance.full_clean()
    guidance.save()

    draft, _ = open_draft(maodien, q1(), other_commune_officer)

    assert "V. KIẾN NGHỊ, ĐỀ XUẤT VỚI CẤP TRÊN" in text_of(draft)
    assert shown_content(draft)[0]["statistics"][-1]["label"] == "Sáng kiến CCHC được công nhận"
    assert "V. ĐỀ XUẤT, KIẾN NGHỊ" in text_of(sent)
    assert all(row["key"] != "initiatives" for row in shown_content(sent)[0]["statistics"])


def test_it_refuses_a_malformed_table(db):
    guidance = ReportType.objects.get(is_current=True)
    guidance.statistics = [{"key": "a", "label": "A", "tasks": "done"}]

    with pytest.raises(ValidationError, match="tasks phải là một trong"):
        guidance.full_clean()


def test_it_keeps_one_type_current(db):
    ReportType.objects.create(name="Báo cáo theo hướng dẫn mới", outline={}, statistics=[], is_current=True)

    assert list(ReportType.objects.filter(is_current=True).values_list("name", flat=True)) == [
        "Báo cáo theo hướng dẫn mới"
    ]
