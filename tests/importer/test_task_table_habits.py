"""Task tables of other bodies: groups lettered, roman and numbered (A → I → 5.1 → 5.1.1), a header over two
rows, a column-number row, an extra 'Ghi chú' column, a header repeated on a new table without its TT cell,
a time span ('Bắt đầu | Hoàn thành') whose end is the deadline."""

import pytest

from importer.model import Document, Table
from importer.tasks import extract_tasks


def _tasks(*tables: Table) -> list[tuple]:
    tasks, _ = extract_tasks(Document(items=tables))
    return [(t.no, t.content, t.lead, t.partners, t.deadline, t.output) for t in tasks]


def test_it_takes_a_numbered_title_over_rows_numbered_under_it_for_a_group():
    table = Table(
        rows=(
            ("STT", "Nhiệm vụ, giải pháp", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện", "Sản phẩm"),
            ("A", "PHÁT TRIỂN KINH TẾ SỐ"),
            ("I", "Phát triển thương mại, công nghiệp"),
            ("5.1", "Thương mại", "", "", "", ""),
            ("5.1.1", "Triển khai Kế hoạch thương mại điện tử", "Sở Công Thương", "Các sở", "2026 - 2030", "Kế hoạch"),
            ("5.1.2", "Hỗ trợ đưa sản phẩm lên sàn", "Sở Công Thương", "", "2026 - 2030", "Chương trình"),
        )
    )
    assert _tasks(table) == [
        ("5.1.1", "Triển khai Kế hoạch thương mại điện tử", "Sở Công Thương", "Các sở", "2026 - 2030", "Kế hoạch"),
        ("5.1.2", "Hỗ trợ đưa sản phẩm lên sàn", "Sở Công Thương", None, "2026 - 2030", "Chương trình"),
    ]


def test_it_reads_a_header_over_two_rows_and_skips_the_column_numbers():
    table = Table(
        rows=(
            ("TT", "Nội dung", "Cơ quan thực hiện", "Cơ quan thực hiện", "Thời gian", "Sản phẩm", "Ghi chú"),
            ("TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm", "Ghi chú"),
            ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"),
            ("1", "Rà soát thủ tục", "Văn phòng Sở", "Các phòng", "Quý II/2026", "Báo cáo", "Định kỳ"),
        )
    )
    assert _tasks(table) == [("1", "Rà soát thủ tục", "Văn phòng Sở", "Các phòng", "Quý II/2026", "Báo cáo")]


def test_it_reads_groups_above_a_header_repeated_on_the_next_table():
    first = Table(
        rows=(
            ("STT", "Nội dung", "Đơn vị thực hiện", "Thời gian thực hiện", "Sản phẩm đầu ra"),
            ("1.1", "Rà soát quy định", "Sở Tư pháp", "2026", "Văn bản"),
        )
    )
    second = Table(
        rows=(
            ("B", "PHÁT TRIỂN XÃ HỘI SỐ"),
            ("I", "Y tế"),
            ("", "Nội dung", "Đơn vị thực hiện", "Thời gian thực hiện", "Sản phẩm đầu ra"),
            ("1.1", "Triển khai bệnh án điện tử", "Sở Y tế", "2026 - 2030", "Hệ thống"),
        )
    )
    tasks, _ = extract_tasks(Document(items=(first, second)))
    assert [(t.no, t.lead) for t in tasks] == [("1.1", "Sở Tư pháp"), ("1.1", "Sở Y tế")]
    assert tasks[0].section != tasks[1].section


def test_it_names_sections_after_their_lettered_group():
    table = Table(
        rows=(
            ("STT", "Nội dung", "Đơn vị thực hiện", "Thời gian thực hiện", "Sản phẩm"),
            ("A", "PHÁT TRIỂN NỀN MÓNG"),
            ("I", "Hoàn thiện thể chế"),
            ("1.1", "Rà soát quy định", "Sở Tư pháp", "2026", "Văn bản"),
            ("B", "PHÁT TRIỂN XÃ HỘI SỐ"),
            ("I", "Y tế"),
            ("1.1", "Triển khai bệnh án điện tử", "Sở Y tế", "2026 - 2030", "Hệ thống"),
            ("II", "Giáo dục"),
            ("2.1", "Triển khai học bạ số", "Sở Giáo dục và Đào tạo", "2026", "Học bạ số"),
        )
    )
    tasks, _ = extract_tasks(Document(items=(table,)))
    assert [(t.section, t.no) for t in tasks] == [("A.I", "1.1"), ("B.I", "1.1"), ("B.II", "2.1")]


def test_it_takes_the_end_of_a_time_span_for_the_deadline():
    table = Table(
        rows=(
            ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "", "Sản phẩm"),
            ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Bắt đầu", "Hoàn thành", "Sản phẩm"),
            ("1", "Nâng cấp Trung tâm dữ liệu tỉnh", "Sở Khoa học và Công nghệ", "Công an", "2026", "2028", "Báo cáo"),
        )
    )
    assert _tasks(table) == [
        ("1", "Nâng cấp Trung tâm dữ liệu tỉnh", "Sở Khoa học và Công nghệ", "Công an", "2028", "Báo cáo")
    ]


def test_it_goes_on_with_a_next_table_narrower_than_the_head_as_a_scan_gives_it():
    first = Table(
        rows=(
            ("TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm"),
            ("1", "Rà soát thủ tục", "Văn phòng Sở", "Các phòng", "Quý II/2026", "Báo cáo"),
        )
    )
    second = Table(rows=(("2", "Công khai thủ tục", "Văn phòng Sở", "Các phòng"),))  # rules lost at the right

    assert [no for no, *_ in _tasks(first, second)] == ["1", "2"]


@pytest.mark.parametrize(
    "head",
    [
        # a speck between 'Sản' and 'phẩm' read as a comma, another beside 'Nội'
        ("TT", "Nội- dung nhiệm vụ", "Cơ quan thực hiện\nChủ trì", "Phối họp", "Thời gian", "Sản, phẩm"),
        # specks garbled 'Chủ trì', 'Phối hợp' and 'Sản phẩm': the columns keep their usual place
        ("TT", "Nội-dung nhiệm vụ", "Cơ quan thực hiện\nxo. Chủt ì", "-Phốihợẹp", "Thời gian", "Sản ẩ phẩm"),
    ],
    ids=["parted", "garbled"],
)
def test_it_reads_a_head_as_an_office_scan_damages_it(head):
    row = ("2.3", "Tiếp nhận phản ánh", "Trung tâm Phục vụ", "Các phòng chuyên môn", "Khi có phát sinh", "Văn bản")

    assert _tasks(Table(rows=(head, row))) == [row]


def test_it_takes_a_capital_row_whose_numeral_a_scan_garbled_for_a_section():
    # as Tesseract read an office scan at 200 dpi: 'I.' as '[.', 'III' as 'HÌ', 'V' as 'ÝŸ'; a fax: 'III' as '1H:'
    table = Table(
        rows=(
            ("TT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Sản phẩm"),
            ("[.", "CAI CÁCH THÊ CHẾ", "", "", "", ""),
            ("1", "Rà soát văn bản quy phạm pháp luật", "Văn phòng Sở", "Các phòng", "Quý II/2026", "Báo cáo"),
            ("HÌ", "CẢI CÁCH TÕ CHỨC BỘ MÁY", "", "", "", ""),
            ("1", "Rà soát chức năng, nhiệm vụ", "Văn phòng Sở", "Các phòng", "Năm 2026", "Quyết định"),
            ("1H:", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "", "", "", ""),
            ("1", "Đánh giá công chức", "Văn phòng Sở", "Các phòng", "Hằng tháng", "Phiếu đánh giá"),
        )
    )
    assert [row[1] for row in _tasks(table)] == [
        "Rà soát văn bản quy phạm pháp luật",
        "Rà soát chức năng, nhiệm vụ",
        "Đánh giá công chức",
    ]
