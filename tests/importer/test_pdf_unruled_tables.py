"""A text PDF whose task table is printed with no rule at all (a Word table with its borders set to none, a web
page's table without borders, a LibreOffice table "no borders") is read as a table: its head is known by the
catalogue's column names side by side, its body runs while its lines fit the head's columns, and it ends at a
paragraph or a part heading across the number column. A header's two columns, prose and a list of targets stay
text."""

from __future__ import annotations

from pathlib import Path

from importer.readers.pdf.unruled import unruled_rules
from tests.golden import tasks_and_gold
from tests.printed import page, rows_read

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "other-borderless"
HEAD = [(10, 14, "TT"), (60, 14, "Nội dung"), (200, 14, "Chủ trì"), (300, 14, "Thời")]
HEAD_BELOW = [(300, 24, "gian")]  # the head's name wrapped in its narrow column
ROWS = [  # two rows under the head, the first one's task wrapped
    (12, 44, "1"),
    (40, 44, "Rà soát thủ tục"),
    (190, 44, "Văn phòng Sở"),
    (300, 44, "Quý I/2026"),
    (40, 54, "hành chính của Sở"),
    (12, 74, "2"),
    (40, 74, "Số hóa hồ sơ"),
    (190, 74, "Trung tâm Tin học"),
    (300, 74, "Tháng 6/2026"),
]


def test_it_reads_a_table_printed_without_rules():
    """Cells at the top of their rows, a cell wrapped over two lines, the head's last name over two lines."""
    text = page(HEAD + HEAD_BELOW + ROWS)
    assert rows_read(unruled_rules(text)[0], text) == (
        ("TT", "Nội dung", "Chủ trì", "Thời gian"),
        ("1", "Rà soát thủ tục hành chính của Sở", "Văn phòng Sở", "Quý I/2026"),
        ("2", "Số hóa hồ sơ", "Trung tâm Tin học", "Tháng 6/2026"),
    )


def test_it_ends_the_table_at_a_part_heading_and_keeps_a_section_row_across():
    """A section row merged across the number column ('II. …', a numbered row under it) is a row of the table;
    a part heading across it with a paragraph under it is not, nor what follows."""
    words = (
        HEAD[:3]
        + [(300, 14, "Thời hạn")]
        + [
            (10, 34, "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
            (12, 50, "1"),
            (40, 50, "Rà soát thủ tục"),
            (190, 50, "Văn phòng Sở"),
            (300, 50, "Quý I/2026"),
            (40, 60, "hành chính"),
            (12, 76, "2"),
            (40, 76, "Số hóa hồ sơ"),
            (190, 76, "Trung tâm Tin học"),
            (300, 76, "Tháng 6/2026"),
            (10, 96, "IV. TỔ CHỨC THỰC HIỆN"),
            (10, 110, "Văn phòng Sở theo dõi, tổng hợp kết quả thực hiện của các phòng."),
            (200, 130, "GIÁM ĐỐC"),
        ]
    )
    text = page(words)
    rules, _ = unruled_rules(text)
    assert max(rule["top"] for rule in rules) < 90  # the table ends above the part heading
    assert rows_read(rules, text) == (
        ("TT", "Nội dung", "Chủ trì", "Thời hạn"),
        ("II.", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", ""),  # parted where the number column ends
        ("1", "Rà soát thủ tục hành chính", "Văn phòng Sở", "Quý I/2026"),
        ("2", "Số hóa hồ sơ", "Trung tâm Tin học", "Tháng 6/2026"),
    )


def test_it_reads_a_head_centred_vertically_and_a_number_printed_under_its_section_row():
    """Cells centred vertically: the head's one-line names stand between the lines of the two-line ones and the
    narrow number column wraps its name ('ST' over 'T'); a row's number stands level with the middle of its
    task, under the section row across the table."""
    words = [
        (10, 14, "ST"),
        (190, 14, "Chủ"),
        (300, 14, "Thời"),
        (60, 19, "Nội dung"),
        (13, 24, "T"),
        (190, 24, "trì"),
        (300, 24, "hạn"),
        (10, 40, "I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        (40, 56, "Rà soát thủ tục"),
        (12, 61, "1"),
        (190, 61, "Văn phòng Sở"),
        (300, 61, "Quý I/2026"),
        (40, 66, "hành chính"),
        (12, 82, "2"),
        (40, 82, "Số hóa hồ sơ"),
        (190, 82, "Trung tâm Tin học"),
        (300, 82, "Tháng 6/2026"),
    ]
    text = page(words)
    rows = rows_read(unruled_rules(text)[0], text)
    assert rows[0] == ("ST T", "Nội dung", "Chủ trì", "Thời hạn")
    assert rows[2:] == (
        ("1", "Rà soát thủ tục hành chính", "Văn phòng Sở", "Quý I/2026"),
        ("2", "Số hóa hồ sơ", "Trung tâm Tin học", "Tháng 6/2026"),
    )


def test_it_runs_a_table_the_page_break_cut_on_to_the_next_page_without_its_head():
    """A table that fills its page to the end goes on on the next page when that page's first lines fit its
    columns: the end of the row the break cut, then numbered rows, up to a part heading."""
    first_page = HEAD + HEAD_BELOW + ROWS + [(40, 84, "hộ tịch")]  # the second row's task cut by the break
    _, columns = unruled_rules(page(first_page))
    assert columns is not None
    next_page = [
        (40, 14, "lưu tại xã"),
        (190, 14, "và Công an xã"),
        (12, 34, "3"),
        (40, 34, "Cập nhật dữ liệu"),
        (190, 34, "Công an xã"),
        (300, 34, "Năm 2026"),
        (40, 44, "dân cư"),
        (10, 64, "IV. TỔ CHỨC THỰC HIỆN"),
        (10, 78, "Văn phòng Sở theo dõi, tổng hợp kết quả thực hiện của các phòng."),
    ]
    text = page(next_page)
    rules, cut = unruled_rules(text, (), columns)
    assert cut is None  # the table ends on this page
    assert rows_read(rules, text) == (
        ("", "lưu tại xã", "và Công an xã", ""),  # the end of the row the break cut
        ("3", "Cập nhật dữ liệu dân cư", "Công an xã", "Năm 2026"),
    )
    assert unruled_rules(text) == ([], None)  # without the table above, the same lines are text


def test_it_leaves_a_two_column_header_prose_and_targets_as_text():
    """Texts side by side that name no catalogue's columns are no table: the issuer beside the national motto,
    number beside place and date, a paragraph, a list of targets, a signature."""
    words = [
        (10, 14, "ỦY BAN NHÂN DÂN"),
        (200, 14, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (10, 24, "XÃ TÂN PHÚ"),
        (200, 24, "Độc lập - Tự do - Hạnh phúc"),
        (10, 40, "Số: 27/KH-UBND"),
        (200, 40, "Tân Phú, ngày 19 tháng 01 năm 2026"),
        (10, 60, "II. MỤC TIÊU"),
        (10, 74, "- Tỷ lệ hồ sơ trực tuyến đạt từ 60% trở lên."),
        (10, 84, "- 100% văn bản đi được ký số."),
        (10, 100, "TT"),
        (60, 100, "Chỉ tiêu"),
        (200, 100, "Năm 2026"),  # a short list of targets by year: no catalogue's column names
        (12, 114, "1"),
        (60, 114, "Hồ sơ trực tuyến"),
        (200, 114, "60%"),
        (12, 124, "2"),
        (60, 124, "Văn bản ký số"),
        (200, 124, "100%"),
        (10, 140, "Văn phòng HĐND và UBND xã theo dõi, tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân xã."),
        (40, 160, "Nơi nhận:"),
        (220, 160, "TM. ỦY BAN NHÂN DÂN"),
        (240, 170, "CHỦ TỊCH"),
    ]
    assert unruled_rules(page(words)) == ([], None)


def _tasks(name: str) -> tuple[list[tuple], list[tuple]]:
    """The tasks read from a fixture and those its gold holds, each with all its cells."""
    return tasks_and_gold(FIXTURES, name, ("section", "no", "content", "lead", "partners", "deadline", "output"))


def test_it_reads_a_word_table_with_borders_none_printed_by_libreoffice():
    """Its head repeated on the next page, a row the page break cut, section rows merged but for the number."""
    read, gold = _tasks("so_yte_nghean_kh_cchc_2026_lo")
    assert read == gold


def test_it_reads_a_web_pages_table_without_borders_printed_by_chromium():
    read, gold = _tasks("xa_tanphu_kh_cchc_2026_chromium")
    assert read == gold


def test_it_reads_a_table_whose_head_the_next_page_does_not_repeat():
    """The commune's plan printed from its site: the table's head is the body's first row, printed once."""
    read, gold = _tasks("xa_tanphu_kh_cchc_2026_web_chromium")
    assert read == gold


def test_it_reads_a_word_table_centred_vertically_with_section_rows_across():
    """A ward's Word plan, cells centred vertically, 'I. CẢI CÁCH …' one cell across, 'STT' wrapped in its
    column, the head repeated on the next page."""
    read, gold = _tasks("phuong_hoankiem_kh_cchc_2026_lo")
    assert read == gold
