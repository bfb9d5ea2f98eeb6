"""A text PDF whose task table is a "three-line" table (booktabs in LaTeX, Word's "Plain Table 2", a web page's
table printed to PDF: a rule above and under the head and one at the table's end, none between the rows or the
columns) is read row by row: rows part where a gap across the whole table is wider than the gap between a cell's
lines and the part below holds the number column's text. A row whose cells are centred vertically (fpdf2, Word's
"centre vertically", a browser's ``vertical-align: middle``) keeps the lines printed above its number, and a table
the page break cut before its closing rule runs on to the page's end. A table whose rows all print on one line
each has each line for a row."""

from __future__ import annotations

from pathlib import Path

from importer.pipeline import run
from tests.golden import tasks_and_gold
from tests.printed import table_rows

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "other-threeline"
HEAD = [(10, 14, "TT"), (110, 14, "Nhiệm vụ"), (300, 14, "Chủ trì")]


def test_it_parts_the_rows_of_a_three_line_table():
    """Cells at the top of their rows, 6 points of padding between the rows, lines 10 points apart in a cell."""
    words = HEAD + [
        (10, 34, "I"),
        (50, 34, "CẢI CÁCH THỦ TỤC HÀNH CHÍNH VÀ CHẾ ĐỘ CÔNG VỤ"),  # a section row across the columns
        (10, 50, "1"),
        (50, 50, "Rà soát thủ tục hành chính"),
        (250, 50, "Văn phòng Sở"),
        (50, 60, "thuộc thẩm quyền của Sở"),
        (250, 60, "và các phòng"),
        (10, 86, "2"),
        (50, 86, "Số hóa hồ sơ"),
        (250, 86, "Trung tâm Tin học"),
    ]
    assert table_rows(words, (0, 20, 100)) == (
        ("TT", "Nhiệm vụ", "Chủ trì"),
        ("I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH VÀ CHẾ ĐỘ CÔNG VỤ", ""),
        ("1", "Rà soát thủ tục hành chính thuộc thẩm quyền của Sở", "Văn phòng Sở và các phòng"),
        ("2", "Số hóa hồ sơ", "Trung tâm Tin học"),
    )


def test_it_keeps_the_lines_above_a_vertically_centred_number_in_its_row():
    """Each row's number and lead printed level with the middle of its three-line task: the task's first line
    stands above the number, and a wider gap between the task's two paragraphs has no number under it."""
    words = HEAD + [
        (50, 34, "Rà soát thủ tục hành chính"),
        (10, 44, "1"),
        (250, 44, "Văn phòng Sở"),
        (50, 44, "thuộc thẩm quyền của Sở"),
        (50, 60, "và công khai kết quả"),  # the cell's next paragraph, 6 points below
        (50, 86, "Số hóa hồ sơ"),
        (10, 91, "2"),
        (250, 91, "Trung tâm Tin học"),
        (50, 96, "lĩnh vực hộ tịch"),
    ]
    assert table_rows(words, (0, 20, 110)) == (
        ("TT", "Nhiệm vụ", "Chủ trì"),
        ("1", "Rà soát thủ tục hành chính thuộc thẩm quyền của Sở và công khai kết quả", "Văn phòng Sở"),
        ("2", "Số hóa hồ sơ lĩnh vực hộ tịch", "Trung tâm Tin học"),
    )


def test_it_runs_a_table_the_page_break_cut_on_to_the_page_end():
    """Only the rules above and under the head on this page: the table goes on over the break. Its rows hold a
    line each, and the head's cell wrapped over two lines gives the gap between a cell's lines."""
    words = [(10, 14, "TT"), (110, 14, "Nhiệm vụ"), (300, 9, "Cơ quan"), (300, 19, "chủ trì")]
    words += [(10, 38, "1"), (50, 38, "Rà soát thủ tục"), (10, 54, "2"), (50, 54, "Số hóa hồ sơ")]
    words += [(180, 280, "3")]  # the page number
    assert table_rows(words, (0, 24)) == (
        ("TT", "Nhiệm vụ", "Cơ quan chủ trì"),
        ("1", "Rà soát thủ tục", ""),
        ("2", "Số hóa hồ sơ", ""),
    )


def test_it_makes_each_line_a_row_when_every_row_is_one_line():
    """Head and rows each on one line: no cell's wrapped line gives the gap between a cell's lines, but every line
    holds a number of its own in the first column, so each line is a row."""
    words = HEAD + [
        (10, 36, "1"),
        (50, 36, "Rà soát thủ tục hành chính"),
        (250, 36, "Văn phòng Sở"),
        (10, 52, "2"),
        (50, 52, "Số hóa hồ sơ"),
        (250, 52, "Trung tâm Tin học"),
        (10, 68, "3"),
        (50, 68, "Công khai kết quả"),
        (250, 68, "Các phòng"),
    ]
    assert table_rows(words, (0, 22, 76)) == (
        ("TT", "Nhiệm vụ", "Chủ trì"),
        ("1", "Rà soát thủ tục hành chính", "Văn phòng Sở"),
        ("2", "Số hóa hồ sơ", "Trung tâm Tin học"),
        ("3", "Công khai kết quả", "Các phòng"),
    )


def test_it_reads_a_web_pages_table_whose_rows_are_all_one_line():
    """A commune's plan printed by Chromium on a landscape page: the three-line table's five rows print on one
    line each."""
    plan = run(FIXTURES / "xa_tanphu_kh_kiemtra_cchc_2026_chromium.pdf")
    assert [(task.no, task.content, task.partners, task.deadline) for task in plan.tasks] == [
        ("1", "Kiểm tra việc niêm yết thủ tục hành chính tại Bộ phận một cửa", "Công chức Tư pháp", "Quý I/2026"),
        ("2", "Kiểm tra việc giải quyết hồ sơ trực tuyến", "Phòng Kinh tế", "Quý II/2026"),
        ("3", "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính", "Phòng Văn hóa - Xã hội", "Quý III/2026"),
        ("4", "Kiểm tra công tác văn thư, lưu trữ", "Các phòng chuyên môn", "Tháng 10/2026"),
        ("5", "Tổng hợp kết quả kiểm tra cải cách hành chính năm 2026", "Các phòng chuyên môn", "Tháng 12/2026"),
    ]


def _tasks(name: str) -> tuple[list[tuple], list[tuple]]:
    """The tasks read from a fixture and those its gold holds, each as (no, content, lead, deadline)."""
    return tasks_and_gold(FIXTURES, name, ("no", "content", "lead", "deadline"))


def test_it_reads_a_word_plans_three_line_table_row_by_row():
    """LibreOffice's print: cells at the top, a row cut by the page break, the head repeated on each page."""
    read, gold = _tasks("so_noivu_hatinh_kh_cchc_2026_lo")
    assert read == gold


def test_it_reads_a_three_line_table_whose_cells_are_centred_vertically():
    """A ward's Word plan with Word's "centre vertically" on every cell, printed by LibreOffice, and a web page's
    table with ``vertical-align: middle`` printed by Chromium."""
    for name in ("phuong_ninhkieu_kh_cchc_2026_lo", "tinh_tayninh_kh_cchc_2026_chromium"):
        read, gold = _tasks(name)
        assert read == gold, name
