"""Rows of task tables (real ones from DOCX/PDF and recovered ones) become Tasks."""

from importer.model import Block, Document, Location, Problem, Table
from importer.tasks import extract_tasks

HEADER = ("TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm")


def _tasks(*tables: tuple[tuple[str, ...], ...], low_fidelity: bool = False):
    items = tuple(Table(rows=rows, location=Location(page=n + 1)) for n, rows in enumerate(tables))
    return extract_tasks(Document(items=(Block("KẾ HOẠCH"), *items), low_fidelity=low_fidelity))


def test_it_reads_sections_numbers_and_cells():
    tasks, problems = _tasks(
        (
            HEADER,
            ("I", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ"),
            ("1", "Rà soát văn bản", "Văn phòng", "Các phòng", "Quý IV/2025", "Báo cáo"),
            ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", ""),
            ("1", "Công khai thủ tục", "Trung tâm Phục vụ hành chính công", "", "2026-2030", "Quyết định"),
        )
    )
    assert [(t.section, t.no, t.content) for t in tasks] == [
        ("I", "1", "Rà soát văn bản"),
        ("II", "1", "Công khai thủ tục"),
    ]
    assert tasks[0].lead == "Văn phòng"
    assert tasks[0].partners == "Các phòng"
    assert tasks[0].deadline == "Quý IV/2025"
    assert tasks[0].output == "Báo cáo"
    assert tasks[1].partners is None
    assert problems == ()


def test_it_numbers_sub_rows_and_keeps_header_only_rows():
    tasks, _ = _tasks(
        (
            HEADER,
            ("I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", ""),
            ("2", "Rà soát, đơn giản hóa thủ tục hành chính", "", "", "", ""),
            ("", "- Rà soát, đánh giá thủ tục", "Văn phòng", "Các phòng", "2026-2030", "Văn bản"),
            ("", "- Cắt giảm quy định kinh doanh", "Văn phòng", "Các phòng", "2026-2030", "Văn bản"),
        )
    )
    assert [t.no for t in tasks] == ["2", "2a", "2b"]
    assert tasks[0].lead is None and tasks[0].deadline is None


def test_it_treats_a_repeated_merged_number_as_a_sub_row():
    tasks, _ = _tasks(
        (
            HEADER,
            ("3", "Tổ chức sắp xếp bộ máy", "Phòng Nội vụ", "Các phòng", "2026", "Báo cáo"),
            ("3", "Kiện toàn đơn vị sự nghiệp", "Phòng Nội vụ", "Các phòng", "2026", "Báo cáo"),
        )
    )
    assert [t.no for t in tasks] == ["3", "3a"]


def test_it_joins_a_row_split_across_a_page_break():
    tasks, _ = _tasks(
        (
            HEADER,
            ("I", "CẢI CÁCH THỂ CHẾ", "", "", "", ""),
            ("1", "Rà soát văn bản quy phạm pháp luật", "Văn phòng", "Các phòng", "2026-", "Danh mục văn bản"),
        ),
        (
            HEADER,
            ("", "do Hội đồng nhân dân ban hành", "", "thuộc Sở", "2030", "cần sửa đổi"),
            ("2", "Kiểm tra văn bản", "Văn phòng", "", "Hàng năm", "Báo cáo"),
        ),
    )
    assert len(tasks) == 2
    assert tasks[0].content == "Rà soát văn bản quy phạm pháp luật do Hội đồng nhân dân ban hành"
    assert tasks[0].partners == "Các phòng thuộc Sở"
    assert tasks[0].output == "Danh mục văn bản cần sửa đổi"
    assert tasks[1].no == "2"


def test_it_continues_a_table_without_header_on_the_next_page():
    tasks, _ = _tasks(
        (HEADER, ("1", "Rà soát văn bản.", "Văn phòng", "Các phòng", "2026", "Báo cáo")),
        (("2", "Kiểm tra văn bản.", "Văn phòng", "Các phòng", "2027", "Báo cáo"),),
    )
    assert [t.no for t in tasks] == ["1", "2"]


def test_it_ignores_tables_that_are_not_task_tables():
    tasks, problems = _tasks((("Chỉ tiêu", "Giá trị"), ("Tỷ lệ hồ sơ trực tuyến", "80%")))
    assert tasks == () and problems == ()


def test_it_infers_a_lost_number_and_says_so():
    tasks, problems = _tasks(
        (
            HEADER,
            ("8", "Ban hành quyết định công bố", "Văn phòng", "Các cơ quan", "Quý IV/2025", "Quyết định"),
            ("", "Đẩy nhanh số hóa hồ sơ", "Văn phòng", "Các cơ quan", "Quý IV/2025", "Dữ liệu"),
            ("10", "Luân chuyển hồ sơ điện tử", "Văn phòng", "Các cơ quan", "Quý IV/2025", "Kết quả"),
        )
    )
    assert [t.no for t in tasks] == ["8", "9", "10"]
    assert [p.code for p in problems] == ["task_number_inferred"]
    assert problems[0].location.table == 0 and problems[0].location.row == 2


def test_it_flags_a_row_without_lead():
    _, problems = _tasks((HEADER, ("1", "Rà soát văn bản", "", "Các phòng", "2026", "Báo cáo")))
    assert [p.code for p in problems] == ["task_without_lead"]


def test_it_cleans_ocr_deadlines_in_low_fidelity_documents():
    tasks, _ = _tasks(
        (
            HEADER,
            ("1", "Ban hanh ke hoach", "Phong Van hoa", "", "Quy 1V/2025", "Ke hoach"),
            ("2", "Ra soat van ban", "Van phong", "", "9026-2030", "Bao cao"),
            ("3", "Kiem tra", "Van phong", "", "Theo chi dao", "Bao cao"),
        ),
        low_fidelity=True,
    )
    assert [t.deadline for t in tasks] == ["Quý IV/2025", "2026-2030", "Theo chỉ đạo"]


def test_it_reads_unnumbered_section_rows_merged_across_the_table():
    """Word plans often merge a section row across every column and leave its numeral out."""
    tasks, problems = _tasks(
        (
            HEADER,
            ("CẢI CÁCH THỂ CHẾ", "", "", "", "", ""),
            ("1", "Rà soát văn bản", "Văn phòng", "Các phòng", "Quý IV/2025", "Báo cáo"),
            ("Cải cách thủ tục hành chính", "Cải cách thủ tục hành chính", "", "", "", ""),
            ("1", "Công khai thủ tục", "Trung tâm Phục vụ hành chính công", "", "2026-2030", "Quyết định"),
        )
    )
    assert [(t.section, t.no, t.content) for t in tasks] == [
        ("I", "1", "Rà soát văn bản"),
        ("II", "1", "Công khai thủ tục"),
    ]
    assert problems == ()


def test_it_gives_each_task_the_area_its_section_heading_names():
    tasks, _ = _tasks(
        (
            HEADER,
            ("I", "Công tác chỉ đạo, điều hành", "", "", "", ""),
            ("1", "Ban hành kế hoạch", "Phòng Văn hóa - Xã hội", "", "Quý I/2026", "Kế hoạch"),
            ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", ""),
            ("1", "Công khai thủ tục", "Trung tâm Phục vụ hành chính công", "", "2026", "Quyết định"),
            ("III", "NHIỆM VỤ KHÁC", "", "", "", ""),
            ("1", "Tổng kết", "Văn phòng", "", "Quý IV/2026", "Báo cáo"),
        )
    )
    assert [(t.section, t.area) for t in tasks] == [("I", "chi_dao_dieu_hanh"), ("II", "tthc"), ("III", None)]


def test_it_mends_ocr_damage_in_the_cells_of_a_scan_only():
    rows = (
        HEADER,
        ("1", "Rà soát văn bản", "Phòng Văn hóa-Xã hội", "-Công an tỉnh", "Quý1IV/2026", "Báo cáo"),
        ("2", "Công khai thủ tục", "Phòng-Kinh tế", "", "QuýH/2026", "Quyết định"),
        ("3", "Kiểm tra công vụ", "Văn phòng", "", "Quý 1/2026", "Báo cáo"),
    )
    table = Table(rows=rows, location=Location(page=1))
    scanned = Document(items=(Block("KẾ HOẠCH"), table), problems=(Problem("ocr", "OCR"),))
    typed = Document(items=(Block("KẾ HOẠCH"), table))

    tasks = extract_tasks(scanned)[0]
    assert [t.deadline for t in tasks] == ["Quý IV/2026", "Quý II/2026", "Quý I/2026"]
    assert [(t.lead, t.partners) for t in tasks[:2]] == [
        ("Phòng Văn hóa - Xã hội", "Công an tỉnh"),
        ("Phòng Kinh tế", None),
    ]
    tasks = extract_tasks(typed)[0]
    assert [t.deadline for t in tasks] == ["Quý1IV/2026", "QuýH/2026", "Quý 1/2026"]
    assert [t.lead for t in tasks[:2]] == ["Phòng Văn hóa-Xã hội", "Phòng-Kinh tế"]


def test_it_takes_a_lone_letter_in_an_agency_cell_for_a_speck():
    tasks, _ = _tasks(
        (HEADER, ("4", "Hướng dẫn cấp xã thực hiện", "Phòng Tư pháp", "Công an tỉnh", "Quý I/2026", "Văn bản")),
        (
            ("", "liên thông thủ tục đăng ký khai sinh", "z", "f", "", ""),
            ("5", "Kiểm tra việc giải quyết", "Văn phòng Sở", "l", "Quý III/2026", "Báo cáo"),
        ),
    )
    assert [(t.no, t.lead, t.partners) for t in tasks] == [
        ("4", "Phòng Tư pháp", "Công an tỉnh"),
        ("5", "Văn phòng Sở", None),
    ]
    assert tasks[0].content == "Hướng dẫn cấp xã thực hiện liên thông thủ tục đăng ký khai sinh"
