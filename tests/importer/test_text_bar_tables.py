"""A table a legal-document site flattened one cell per line between lines holding only '|' is a Table."""

from importer.model import Block, Table
from importer.readers.text import split_tables

FLATTENED = """|
**STT**
|
**Nội dung**
|
**Đơn vị thực hiện**
|
**Thời gian thực
hiện**
|
|
**A**
|
**PHÁT TRIỂN NỀN MÓNG**
|
|
1.1
|
Rà soát, sửa đổi các quy định pháp
luật về giao dịch điện tử
|
Sở Tư pháp
|
2026 -
2030
|
|
**Nội dung**
|
**Đơn vị thực hiện**
|
**Thời gian thực hiện**
|"""


def test_it_reads_cells_between_bar_lines_into_rows():
    [table] = split_tables(FLATTENED.splitlines())
    assert isinstance(table, Table)
    assert table.rows[0] == ("STT", "Nội dung", "Đơn vị thực hiện", "Thời gian thực hiện")
    assert table.rows[1] == ("A", "PHÁT TRIỂN NỀN MÓNG")
    # wrapped lines joined, bold marks dropped
    content = "Rà soát, sửa đổi các quy định pháp luật về giao dịch điện tử"
    assert table.rows[2] == ("1.1", content, "Sở Tư pháp", "2026 - 2030")


def test_it_gives_back_the_empty_tt_cell_a_repeated_header_left_out():
    [table] = split_tables(FLATTENED.splitlines())
    assert table.rows[3] == ("", "Nội dung", "Đơn vị thực hiện", "Thời gian thực hiện")


def test_it_reads_a_letterhead_laid_out_side_by_side_into_its_cells():
    lines = (
        "|\n**ỦY BAN NHÂN DÂN**\nTỈNH ĐỒNG NAI\n-------\n|\n**CỘNG HÒA XÃ HỘI**\n|\n|\nSố: 179/KH-UBND\n|\n"
        "*Đồng Nai, ngày 18\ntháng 11 năm 2025*\n|\n\n\n**KẾ HOẠCH**"
    ).splitlines()
    table, *rest = split_tables(lines)
    assert table.rows == (
        ("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI", "CỘNG HÒA XÃ HỘI"),
        ("Số: 179/KH-UBND", "Đồng Nai, ngày 18 tháng 11 năm 2025"),  # an italic line wrapped is one paragraph
    )
    assert [item.text for item in rest if item.text] == ["**KẾ HOẠCH**"]


def test_it_keeps_a_signature_of_one_row_as_text():
    lines = "|\nNơi nhận:\n- Lưu: VT.\n|\n**TM. ỦY BAN NHÂN DÂN**\nCHỦ TỊCH\n|".splitlines()
    assert all(isinstance(item, Block) for item in split_tables(lines))


def test_it_reads_cells_spaced_out_by_blank_lines():
    spaced = FLATTENED.replace("\n|\n", "\n\n|\n\n")
    [table] = [item for item in split_tables(spaced.splitlines()) if isinstance(item, Table)]
    assert table.rows == split_tables(FLATTENED.splitlines())[0].rows
