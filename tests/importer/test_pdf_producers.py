"""Text PDFs of other producers and font set-ups read as printed: characters in reading order by their
position, table heads over two rows, column-number rows, merged cells cut by a page break, a head a PDF
library repeats after the break, unusable text layers told apart. Fixtures: tests/fixtures/other-pdf (made
by its make_pdfs.py, gold written by reading)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from importer.pipeline import Limits, run
from importer.readers import read
from importer.readers.pdf import PageText
from tests.scoring import score_doc, summarize

OTHER = Path(__file__).resolve().parents[1] / "fixtures" / "other-pdf"
LIBREOFFICE = OTHER / "bacninh_stp_2026_lo.pdf"  # Word → LibreOffice, Vietnamese letters from a fallback font
CHROMIUM = OTHER / "thainguyen_xa_2026_chromium.pdf"  # HTML → Chromium
FPDF2 = OTHER / "hue_vyda_2026_fpdf2.pdf"  # laid out by a PDF library, fpdf2


def _task_rows(path: Path) -> list[tuple[str, ...]]:
    return [row for table in read(path, Limits()).tables for row in table.rows]


def test_it_reads_letters_of_a_fallback_font_where_they_are_printed():
    blocks = [block.text for block in read(LIBREOFFICE, Limits()).blocks]

    assert blocks[:7] == [
        "UBND TỈNH BẮC NINH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
        "SỞ TƯ PHÁP",
        "VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 84/KH-STP",
        "Bắc Ninh, ngày 12 tháng 01 năm 2026",
    ]
    assert "KẾ HOẠCH" in blocks


def test_it_reads_table_cells_of_a_fallback_font_in_order():
    rows = _task_rows(LIBREOFFICE)

    assert (
        "1",
        "Rà soát, đề xuất đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của Sở",
        "Văn phòng Sở",
        "Các phòng chuyên môn",
        "Tháng 6/2026",
        "Phương án đơn giản hóa",
    ) in rows


def test_it_reads_the_header_columns_a_pdf_library_placed_side_by_side():
    blocks = [block.text for block in read(FPDF2, Limits()).blocks]

    assert blocks[:8] == [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "PHƯỜNG VỸ DẠ",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 27/KH-UBND",
        "Vỹ Dạ, ngày 09 tháng 01 năm 2026",
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2026",
    ]


def test_it_goes_on_under_the_section_a_page_break_left_behind_past_the_repeated_head():
    plan = run(FPDF2)  # section row IV ends page 2; its tasks 7 and 8 start page 3 under the head again

    tasks = {task.no: task for task in plan.tasks}
    assert len(plan.tasks) == 12 and not any(task.content == "Nội dung" for task in plan.tasks)
    assert [(tasks[no].section, tasks[no].location.page) for no in ("6", "7", "8", "9")] == [
        ("III", 2),
        ("IV", 3),
        ("IV", 3),
        ("V", 3),
    ]
    assert tasks["7"].lead == "Văn phòng HĐND và UBND phường"


@pytest.mark.parametrize("path", [LIBREOFFICE, CHROMIUM], ids=["libreoffice", "chromium"])
def test_it_names_both_sub_columns_of_a_two_row_head_and_drops_the_column_numbers(path):
    rows = _task_rows(path)

    assert rows[0] == (
        "TT",
        "Nội dung nhiệm vụ",
        "Cơ quan thực hiện\nChủ trì",
        "Phối hợp",
        "Thời gian hoàn thành",
        "Sản phẩm",
    )
    assert not any(row[0] == "(1)" for row in rows)


@pytest.mark.parametrize(
    ("path", "numbers", "lead"),
    [
        (LIBREOFFICE, ("3", "4", "5"), "Phòng Hành chính tư pháp"),
        (CHROMIUM, ("2.1", "2.2", "2.3"), "Trung tâm Phục vụ hành chính công"),
    ],
    ids=["libreoffice", "chromium"],
)
def test_it_keeps_the_lead_of_a_merged_cell_the_page_break_cuts(path, numbers, lead):
    plan = run(path)

    tasks = {task.no: task for task in plan.tasks}
    assert [tasks[no].lead for no in numbers] == [lead] * 3
    assert len({task.location.page for task in plan.tasks if task.no in numbers}) == 2


def test_it_imports_the_other_producers_plans_as_their_gold_says():
    scored = []
    for gold_path in sorted((OTHER / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        scored.append(score_doc(run(OTHER / gold["doc"]).to_dict(), gold))
    summary = summarize(scored)

    shown = ", ".join(f"{k}={v:.3f}" for k, v in summary.items())
    assert summary["overall"] >= 0.90 and summary["meta"] >= 0.95, shown
    assert summary["tasks_f1"] >= 0.95 and summary["task_fields"] >= 0.95, shown


def test_it_reads_a_text_pdf_plan_well_under_a_second():
    read(CHROMIUM, Limits())  # libraries loaded
    started = time.process_time()  # the reader's own time, not its wait for a busy machine's cores
    document = read(LIBREOFFICE, Limits())
    elapsed = time.process_time() - started

    assert document.pages == 4 and elapsed < 0.5, f"{elapsed:.2f} s"


def test_it_tells_pages_whose_text_layer_is_a_legacy_font():
    pdf = pdfium.PdfDocument(str(OTHER / "legacy_fonts.pdf"))  # Unicode, then TCVN3, then VNI
    try:
        unusable = [index + 1 for index in range(len(pdf)) if PageText.of(pdf[index]).unusable()]
    finally:
        pdf.close()

    assert unusable == [2, 3]


@pytest.mark.ocr
def test_it_reads_the_legacy_font_pages_by_ocr_and_says_which():
    document = read(OTHER / "legacy_fonts.pdf", Limits())

    pages = [p.location.page for p in document.problems if p.code == "pdf_text_unusable"]
    assert pages == [2, 3]
    assert any("Kế hoạch" in block.text for block in document.blocks if block.location.page == 2)


def test_it_tells_pages_whose_glyphs_have_no_unicode():
    pdf = pdfium.PdfDocument(str(OTHER / "no_unicode.pdf"))  # the fonts' Unicode maps removed
    try:
        unusable = [index + 1 for index in range(len(pdf)) if PageText.of(pdf[index]).unusable()]
    finally:
        pdf.close()

    assert unusable == [1, 2, 3]
