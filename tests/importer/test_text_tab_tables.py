"""Tab-separated lines pasted from a web page or a spreadsheet are a Table; a cell copied over two lines
carries on its row."""

from importer.model import Block, Table
from importer.readers.text import split_tables


def test_it_reads_tab_separated_lines_into_rows():
    lines = [
        "Các nhiệm vụ như sau:",
        "TT\tNội dung\tCơ quan chủ trì\tThời gian",
        "1\tBan hành kế hoạch kiểm tra\tSở Nội vụ\tTháng 02/2026",
        "2\tRà soát danh mục thủ tục hành chính",
        "không phụ thuộc địa giới hành chính\tVăn phòng UBND tỉnh\tQuý II/2026",
        "3\tTập huấn nghiệp vụ\t\tQuý III/2026",
        "IV. TỔ CHỨC THỰC HIỆN",
    ]
    items = split_tables(lines)
    assert isinstance(items[0], Block) and isinstance(items[-1], Block)
    [table] = [item for item in items if isinstance(item, Table)]
    assert table.rows == (
        ("TT", "Nội dung", "Cơ quan chủ trì", "Thời gian"),
        ("1", "Ban hành kế hoạch kiểm tra", "Sở Nội vụ", "Tháng 02/2026"),
        (
            "2",
            "Rà soát danh mục thủ tục hành chính không phụ thuộc địa giới hành chính",
            "Văn phòng UBND tỉnh",
            "Quý II/2026",
        ),  # noqa: E501
        ("3", "Tập huấn nghiệp vụ", "", "Quý III/2026"),
    )


def test_it_keeps_a_single_tabbed_line_as_text():
    items = split_tables(["Số: 38/KH-UBND\tQuảng Trị, ngày 20 tháng 01 năm 2026", "KẾ HOẠCH"])
    assert [type(item) for item in items] == [Block, Block]


def test_it_keeps_section_rows_and_empty_first_cells_apart():
    lines = [
        "STT\tNội dung\tĐơn vị thực hiện\tThời gian",
        "A\tPHÁT TRIỂN NỀN MÓNG",
        "I\tHoàn thiện thể chế",
        "\tNội dung\tĐơn vị thực hiện\tThời gian",
        "1.1\tRà soát quy định\tSở Tư pháp\t2026 - 2030\t",
    ]
    [table] = split_tables(lines)
    assert table.rows[1:] == (
        ("A", "PHÁT TRIỂN NỀN MÓNG", "", ""),
        ("I", "Hoàn thiện thể chế", "", ""),
        ("", "Nội dung", "Đơn vị thực hiện", "Thời gian"),
        ("1.1", "Rà soát quy định", "Sở Tư pháp", "2026 - 2030", ""),
    )
