"""End to end on plans of other provinces and ministries, in the shapes web sites and offices make them.

tests/fixtures/other holds two real plans as a legal-document site publishes them (Đồng Nai 179/KH-UBND,
Đồng Tháp 597/KH-UBND, copied from /work/shared/real) and five plans written for these tests in other
bodies' styles (a ministry plan flattened between '|' lines, a province plan pasted as tab-separated tables,
a ward plan with prose task blocks, a department plan saved as HTML from a site, a commune plan in TCVN3),
each with gold written by reading the document. tests/fixtures/other-offices holds documents of other offices
made by other producers (a ministry plan in Word and printed by LibreOffice, a province plan in Markdown, a
Quyết định issuing a plan printed by Chromium, a Thông báo kết luận with a task annex printed by LibreOffice),
made by its make_documents.py, which reads no gold. tests/fixtures/other-producers holds plans made by producers
the others use little (a ward plan in Word with a 'Lĩnh vực' column merged down, and it printed by LibreOffice; a
board's plan saved as .docx by LibreOffice Writer, its tasks a numbered list with their cells in brackets; a
department's plan laid out by reportlab, its appendix tables ruled only across; a province's plan printed by
Chromium from a web page's table, ruled across, shaded, a lead merged down), made by its make_documents.py.
tests/fixtures/other-threeline holds plans whose task table is a "three-line" table, rules only above and under
the head and at its end (a department's and a ward's Word plans printed by LibreOffice, the ward's cells centred
vertically; a province's web page printed by Chromium, its cells centred vertically; a commune's web page printed
by Chromium on a landscape page, every row on one line), made by its make_documents.py.
tests/fixtures/other-unseen2 holds plans in shapes none of those has (a ward's plan kept as .odt and printed by
LibreOffice in a font without Vietnamese letters, one column 'Cơ quan chủ trì/phối hợp'; a department's work
programme pasted as text, each item's lead in a sentence 'Giao X chủ trì, …'; a province's five-year plan printed
by Chromium, targets by year in Phụ lục I and tasks in Phụ lục II on one page; a department's Word plan whose
'Chủ trì/Phối hợp' cells give the lead in bold over the partners' paragraph), made by its make_documents.py.
tests/fixtures/other-borderless holds plans whose task table is printed with no rules at all (a department's Word
plan, its table's borders set to none, printed by LibreOffice; a commune's web page, its table without borders,
printed by Chromium, each with its head repeated on the next page and a row cut by the page break; the commune's
plan printed from its site, the table's head printed once; a ward's Word plan, cells centred vertically, section
rows one cell across), made by its make_documents.py.
tests/fixtures/other-unseen3 holds a third round of shapes (a merged ward's plan as a province portal serves it in
HTML, lettered parts, section rows merged across in sentence case, a lead merged down, and that page printed by
Chromium; a department's Word plan with one table per reform area, only the first headed, columns 'Kinh phí',
'Nguồn kinh phí', and it printed by LibreOffice; a commune's plan pasted as text in parts 'Phần thứ nhất', 'Phần
thứ hai', its tasks a numbered list with the lead and time in brackets; a province's long plan in Word, 108 tasks
in one table with a column 'Mức độ ưu tiên', and it printed by LibreOffice on 14 pages; a department's Word plan
with one table per area, two areas of one task starting a page each, and it printed by LibreOffice), made by its
make_documents.py.
tests/fixtures/other-unseen4 holds a fourth round (a ward's Word plan whose task table is grouped under one row per
leading agency, no lead column, and it printed by LibreOffice; a department's plan written as flat OpenDocument XML
and printed by LibreOffice with a running header 'Trang N/M', footnotes and columns in another order; a province's
task appendix alone, a spreadsheet printed by LibreOffice Calc; a commune's Word plan whose catalogue is a table
nested in a framing table; a province's plan whose tasks are a numbered list ending '(X chủ trì, phối hợp với Y;
hoàn thành trong …)', printed by Chromium with its header and footer lines; a ministry's plan laid out by fpdf2, its
tasks in Phụ lục I; a department's plan as Markdown from a site, '<br>' in its lines and cells), made by its
make_documents.py.
tests/fixtures/other-unseen5 holds a fifth round (a department's Word plan left with tracked changes and a comment,
section rows of the area's name only merged across; a department's Word plan printed by LibreOffice whose targets
are a table 'Chỉ tiêu | Đơn vị tính | Năm 2025 | Kế hoạch 2026' cut by a page break; a commune's plan as an e-mail
client keeps it, inline styles and '&nbsp;'; a province's plan printed by Chromium with two task catalogues, the
departments' and the communes'; a ward's plan in VNI-Windows text, its tasks tab-separated), made by its
make_documents.py.
tests/fixtures/other-unseen6 holds a sixth round (a ministry's Word plan printed by LibreOffice, its tasks grouped
under rows 'a) Nhiệm vụ về …' merged across; a commune's Word plan whose last column 'Đơn vị thực hiện' says 'X chủ
trì, phối hợp với Y', after the output; a ward's plan copied from its site with the banner, menu and footer; a
province's Word plan with a landscape catalogue whose lead cells are merged down; a department's web page printed
by Chromium, its targets a dashed list 'Phấn đấu …'), made by its make_documents.py.
tests/fixtures/other-unseen7 holds a seventh round (a commune's Word plan with the time before the bodies and
'Kết quả/sản phẩm dự kiến', tasks 1.1 with '-' sub-items in their cell; a department's Word plan printed by
LibreOffice whose targets are bullets 'Về <area>: …; …; …' of several figures, a count '02 (hai) cuộc'; a ministry's
Quyết định issuing its plan, the catalogue a landscape appendix over two pages; a ward's plan on a provincial portal
with a two-row head; a province's Word plan printed by LibreOffice with a 'Lĩnh vực' column merged down and a
target 'tăng ít nhất 03 bậc'), made by its make_documents.py.
tests/fixtures/other-unseen8 holds an eighth round (a commune's Word plan whose tasks are numbered paragraphs, each
followed by one line '- Chủ trì: …; phối hợp: …; thời gian: …', deadlines written every way ('Tháng 6 và tháng 12',
'Trước ngày 15/6/2026', '6 tháng đầu năm', 'Hằng quý'); a province's Word plan printed by LibreOffice whose lead cells
are merged down, one run across the page break; a department's web page printed by Chromium, its table split by
section rows 'Nhiệm vụ 1: …'; a ward's plan pasted from a PDF, hard-wrapped, the running head and page numbers
between the pages; a commune's Word plan printed by LibreOffice, sections 'Nội dung 1. …', the time before the
bodies, a row cut by the page break), made by its make_documents.py.
Scored with the scorer's own logic (tests/scoring.py).

The issue's bar for real plans of other bodies is overall ≥ 0.80 with tasks_f1 ≥ 0.80. BARS are what the
importer reaches today where that is higher: raise them as it improves, never lower them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from importer.pipeline import run
from tests.scoring import score_doc, summarize

OTHER = Path(__file__).resolve().parents[1] / "fixtures" / "other"
OFFICES = Path(__file__).resolve().parents[1] / "fixtures" / "other-offices"
PRODUCERS = Path(__file__).resolve().parents[1] / "fixtures" / "other-producers"
THREELINE = Path(__file__).resolve().parents[1] / "fixtures" / "other-threeline"
UNSEEN2 = Path(__file__).resolve().parents[1] / "fixtures" / "other-unseen2"
BORDERLESS = Path(__file__).resolve().parents[1] / "fixtures" / "other-borderless"
UNSEEN3 = Path(__file__).resolve().parents[1] / "fixtures" / "other-unseen3"
UNSEEN4 = Path(__file__).resolve().parents[1] / "fixtures" / "other-unseen4"
UNSEEN5 = Path(__file__).resolve().parents[1] / "fixtures" / "other-unseen5"
UNSEEN6 = Path(__file__).resolve().parents[1] / "fixtures" / "other-unseen6"
UNSEEN7 = Path(__file__).resolve().parents[1] / "fixtures" / "other-unseen7"
UNSEEN8 = Path(__file__).resolve().parents[1] / "fixtures" / "other-unseen8"
REAL = ("dongnai_kh179_kinhteso_2026_2030", "dongthap_kh597_cds_giaothong_2025")
GOLDS = sorted((OTHER / "gold").glob("*.json"))

# group -> (overall, targets_f1, tasks_f1) that must hold
BARS = {
    "real": (0.90, 0.95, 0.95),  # 0.959 today; below it only for the header fields, read by header.py
    "written": (0.95, 0.95, 0.95),
    "offices": (0.99, 1.00, 1.00),  # 1.000 / 1.000 / 1.000 today
    "producers": (0.99, 1.00, 1.00),  # 1.000 / 1.000 / 1.000 today (0.825 / 0.833 / 0.940 before its mends)
    "threeline": (0.99, 1.00, 1.00),  # 1.000 / 1.000 / 1.000 today (0.660 / 0.947 / 0.353 before its rows parted)
    "unseen2": (0.99, 1.00, 1.00),  # 0.995 / 1.000 / 1.000 today (its first three 0.614 / 0.647 / 0.650 before)
    "borderless": (0.99, 1.00, 1.00),  # 1.000 / 1.000 / 1.000 today (0.726 / 1.000 / 0.632 before its heads were read)
    "unseen3": (0.98, 1.00, 1.00),  # 0.987 / 1.000 / 1.000 today (its first four 0.791 / 0.875 / 0.744 before)
    "unseen4": (0.99, 1.00, 1.00),  # 0.996 / 1.000 / 1.000 today (0.901 / 1.000 / 0.935 before its mends)
    "unseen5": (0.99, 1.00, 1.00),  # 0.995 / 1.000 / 1.000 today (0.860 / 0.720 / 0.941 before its mends)
    "unseen6": (0.99, 1.00, 1.00),  # 1.000 / 1.000 / 1.000 today (0.867 / 1.000 / 0.714 before its mends)
    "unseen7": (0.99, 1.00, 1.00),  # 1.000 / 1.000 / 1.000 today (0.960 / 0.938 / 1.000 before its mends)
    "unseen8": (0.99, 1.00, 1.00),  # 1.000 / 1.000 / 1.000 today (0.929 / 1.000 / 0.842 before its mends)
}
FOLDERS = {
    "offices": OFFICES,
    "producers": PRODUCERS,
    "threeline": THREELINE,
    "unseen2": UNSEEN2,
    "borderless": BORDERLESS,
    "unseen3": UNSEEN3,
    "unseen4": UNSEEN4,
    "unseen5": UNSEEN5,
    "unseen6": UNSEEN6,
    "unseen7": UNSEEN7,
    "unseen8": UNSEEN8,
}


def _summary(names: list[Path]) -> dict:
    scored = []
    for gold_path in names:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        scored.append(score_doc(run(gold_path.parents[1] / gold["doc"]).to_dict(), gold))
    return summarize(scored)


def _group(group: str) -> list[Path]:
    if group in FOLDERS:
        return sorted((FOLDERS[group] / "gold").glob("*.json"))
    return [g for g in GOLDS if (g.stem in REAL) == (group == "real")]


@pytest.mark.parametrize(
    "group",
    [
        "real",
        "written",
        "offices",
        "producers",
        "threeline",
        "unseen2",
        "borderless",
        "unseen3",
        "unseen4",
        "unseen5",
        "unseen6",
        "unseen7",
        "unseen8",
    ],
)
def test_it_imports_plans_of_other_bodies_as_well_as_the_bar(group):
    names = _group(group)
    assert (
        len(names)
        == {
            "real": 2,
            "written": 5,
            "offices": 6,
            "producers": 5,
            "threeline": 4,
            "unseen2": 4,
            "borderless": 4,
            "unseen3": 9,
            "unseen4": 8,
            "unseen5": 5,
            "unseen6": 5,
            "unseen7": 5,
            "unseen8": 5,
        }[group]
    )
    summary = _summary(names)
    overall, targets, tasks = BARS[group]
    shown = ", ".join(f"{k}={v:.3f}" for k, v in summary.items())
    assert summary["overall"] >= overall, shown
    assert summary["targets_f1"] >= targets, shown
    assert summary["tasks_f1"] >= tasks, shown
