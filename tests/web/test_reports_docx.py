"""Kẽ Sắt's Q1 report as a .docx follows Nghị định 30/2020: rendered to PDF by LibreOffice, the pages are where
the State's format puts them (motto top right, signature right of centre, page numbers from page 2, a landscape
appendix with the tables and the charts)."""

import datetime as dt
import io
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.enum.section import WD_ORIENT

from apps.reports.models import Report
from apps.reports.services import open_draft
from apps.reports.word import vietnamese_date
from apps.tracking.models import Period, PeriodKind

SOFFICE = Path("/usr/bin/soffice")


MM = 72 / 25.4


def above_body(page) -> list[str]:
    """Words in the top margin (20 mm): where the page number goes."""
    return [w["text"] for w in page.extract_words() if w["bottom"] < 20 * MM]


def lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped by the line they sit on, each line left to right (the left and right blocks split apart)."""
    rows: dict[int, list[dict]] = {}
    for word in words:
        rows.setdefault(round(word["top"]), []).append(word)
    split = []
    for row in rows.values():
        row.sort(key=lambda w: w["x0"])
        current = [row[0]]
        for word in row[1:]:
            if word["x0"] - current[-1]["x1"] > 30:  # a gap wider than a space: the other block
                split.append(current)
                current = []
            current.append(word)
        split.append(current)
    return split


def q1_report(plan, officer) -> Report:
    Period.ensure_year(2026)
    plan.signer = "Nguyễn Văn Thành"
    plan.save()
    report, _ = open_draft(plan.unit, Period.objects.get(year=2026, kind=PeriodKind.Q1), officer)
    return report


def docx_bytes(client, officer, report) -> bytes:
    client.force_login(officer)
    response = client.get(f"/bao-cao/{report.pk}/bao-cao.docx")
    assert response.status_code == 200
    return response.content


def test_it_writes_dates_with_the_leading_zeros_of_the_decree():
    assert vietnamese_date(dt.date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert vietnamese_date(dt.date(2026, 3, 14)) == "ngày 14 tháng 3 năm 2026"
    assert vietnamese_date(dt.date(2026, 12, 1)) == "ngày 01 tháng 12 năm 2026"


def test_it_sets_the_page_font_and_the_landscape_appendix(client, plan, officer):
    document = Document(io.BytesIO(docx_bytes(client, officer, q1_report(plan, officer))))

    body, appendix = document.sections
    assert (round(body.page_width.mm), round(body.page_height.mm)) == (210, 297)
    margins = (body.top_margin, body.bottom_margin, body.left_margin, body.right_margin)
    assert [round(m.mm) for m in margins] == [20, 20, 30, 15]
    assert appendix.orientation == WD_ORIENT.LANDSCAPE and appendix.page_width > appendix.page_height
    assert body.different_first_page_header_footer
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size.pt == 14
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO" in text and "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026" in text
    assert len(document.inline_shapes) == 2  # the two charts


@pytest.mark.skipif(not SOFFICE.exists(), reason="LibreOffice is not installed")
def test_it_renders_to_pdf_with_everything_in_its_place(client, plan, officer, tmp_path):
    report = q1_report(plan, officer)
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(docx_bytes(client, officer, report))
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )

    with pdfplumber.open(tmp_path / "bao-cao.pdf") as pdf:
        pages = pdf.pages
        assert len(pages) >= 2
        first = pages[0]
        words = first.extract_words()
        motto = next(line for line in lines(words) if line[0]["text"] == "CỘNG")
        assert (motto[0]["x0"] + motto[-1]["x1"]) / 2 > first.width / 2 and motto[0]["top"] < first.height / 4
        freedom = next(line for line in lines(words) if line[0]["text"] == "Độc")
        assert freedom[0]["x0"] > first.width / 2 and freedom[0]["top"] < first.height / 4
        issuer = [w for w in words if w["text"] == "KẼ"]
        assert issuer and issuer[0]["x1"] < first.width / 2 and issuer[0]["top"] < first.height / 4
        assert above_body(first) == []
        assert above_body(pages[1]) == ["2"]
        portrait = [p for p in pages if p.height > p.width]
        landscape = [p for p in pages if p.width > p.height]
        assert portrait and landscape and pages[-1].width > pages[-1].height
        assert all(pages.index(p) > pages.index(portrait[-1]) for p in landscape)
        assert "PHỤ LỤC" in landscape[0].extract_text()
        signer = [(p, w) for p in portrait for w in p.extract_words() if w["text"] == "Thành"]
        assert signer and signer[-1][1]["x0"] > signer[-1][0].width / 2
