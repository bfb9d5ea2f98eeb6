"""Task tables in text become Table items: tables typed with pipes (Markdown, grid) as the text is read,
flattened tables (one cell per line, interleaved OCR columns) rebuilt from their lines."""

from pathlib import Path

from importer.model import Block, Document, Location, Table
from importer.readers.text import read_text
from importer.table_lines import CONTENT, DEADLINE, LEAD, OUTPUT, PARTNERS, Line, column_order, parse_lines
from importer.tables import recover_tables


def _document(text: str) -> Document:
    lines = text.strip("\n").splitlines()
    return Document(items=tuple(Block(line.strip(), Location(line=n)) for n, line in enumerate(lines, start=1)))


def _table(document: Document) -> Table:
    tables = [item for item in document.items if isinstance(item, Table)]
    assert len(tables) == 1
    return tables[0]


ONE_CELL_PER_LINE = """
III. TỔ CHỨC THỰC HIỆN
TT
Nội dung công việc
Cơ quan chủ trì
Cơ quan
phối hợp
Thời gian
hoàn thành
Sản phẩm
I CẢI CÁCH THỂ CHẾ
1
Rà soát văn bản quy phạm pháp luật sửa
đổi, bổ sung, thay thế
Văn phòng
HĐND và
UBND xã
Các cơ quan,
đơn vị
2026-
02/2027
Báo cáo (theo hướng dẫn của Sở
Tư pháp)
2 Rà soát, đơn giản hóa thủ tục hành chính
- Rà soát, đánh giá thủ tục hành chính trong quá trình
thực hiện.
Trung tâm Phục
vụ hành chính
công
Các cơ quan,
đơn vị
Hàng năm
Văn bản rà soát, đơn giản hóa
TTHC
Thực hiện các quy định về tiêu chí phân loại, điều kiện
Phòng Văn hóa -
Xã hội
Các cơ quan,
đơn vị
Theo văn
bản chỉ
Kế hoạch
Danh mục gồm 3 nhiệm vụ.
"""


def test_it_rebuilds_a_table_written_one_cell_per_line():
    document = recover_tables(_document(ONE_CELL_PER_LINE))
    rows = _table(document).rows
    assert rows[1] == ("I", "CẢI CÁCH THỂ CHẾ", "", "", "", "")
    assert rows[2] == (
        "1",
        "Rà soát văn bản quy phạm pháp luật sửa đổi, bổ sung, thay thế",
        "Văn phòng HĐND và UBND xã",
        "Các cơ quan, đơn vị",
        "2026-02/2027",
        "Báo cáo (theo hướng dẫn của Sở Tư pháp)",
    )
    assert rows[3][:2] == ("2", "Rà soát, đơn giản hóa thủ tục hành chính")
    assert rows[3][2:] == ("", "", "", "")
    assert rows[4] == (
        "",
        "- Rà soát, đánh giá thủ tục hành chính trong quá trình thực hiện.",
        "Trung tâm Phục vụ hành chính công",
        "Các cơ quan, đơn vị",
        "Hàng năm",
        "Văn bản rà soát, đơn giản hóa TTHC",
    )
    assert rows[5][1:] == (
        "Thực hiện các quy định về tiêu chí phân loại, điều kiện",
        "Phòng Văn hóa - Xã hội",
        "Các cơ quan, đơn vị",
        "Theo văn bản chỉ",
        "Kế hoạch",
    )


def test_it_keeps_text_before_and_after_the_table():
    document = recover_tables(_document(ONE_CELL_PER_LINE))
    texts = [item.text for item in document.items if isinstance(item, Block)]
    assert texts == ["III. TỔ CHỨC THỰC HIỆN", "Danh mục gồm 3 nhiệm vụ."]


INTERLEAVED = """
TT
Noi dung cong viéc
Co quan
cha tri
Co quan
phdi hop
Thoi gian
hoan thanh
I. Chi dao diéu hanh, kiém tra va tuyén truyén
1 | Ban hanh Ké hoach cai cach hanh chinh nam | Phong Vian hoa - | Cac co quan, don | Quy 1V/2025 | Ké hoach
Danh gia xac dinh Chi s6 cai cach hanh chinh va danh gia | Phong Vin héa - | Cac co quan, don | Bao cao
2 | trach nhiém ngudi dimg dau cac co quan | Xa hoi | vi thuoc UBND | Quy IV/2025 | UBND xa
12
e n . Co quan Co quan Thot gian ) 2
Il Noi dung cong viéc chi tri phéi hep hoan thanh Sdn pham
3 | Kiém tra cai cach hanh chinh | Phong Vin hoa - | Cac co quan, don |6 thang cudi | Ké hoach
"""


def test_it_reads_interleaved_ocr_rows_and_drops_repeated_headers():
    rows = _table(recover_tables(_document(INTERLEAVED))).rows
    assert rows[1][:2] == ("I", "Chi dao diéu hanh, kiém tra va tuyén truyén")
    numbers = [row[0] for row in rows[2:]]
    assert numbers == ["1", "2", "3"]
    assert rows[3][1] == (
        "Danh gia xac dinh Chi s6 cai cach hanh chinh va danh gia trach nhiém ngudi dimg dau cac co quan"
    )
    assert rows[3][2] == "Phong Vin héa - Xa hoi"
    assert rows[3][4] == "Quy IV/2025"
    assert "Noi dung" not in " ".join(" ".join(row) for row in rows[2:])


def test_it_leaves_a_document_without_task_table_alone():
    document = _document("KẾ HOẠCH\nNội dung của kế hoạch gồm các nhiệm vụ sau\n1. Rà soát thủ tục")
    assert recover_tables(document) == document


# --- flattened tables whose columns come in another order ---------------------------------------


def _lines(text: str) -> list[Line]:
    return [Line(line.strip(), n) for n, line in enumerate(text.strip("\n").splitlines(), start=1)]


DEADLINE_FIRST_HEADER = ["TT", "Nội dung nhiệm vụ", "Thời gian", "hoàn thành", "Cơ quan chủ trì", "Cơ quan", "phối hợp"]
DEADLINE_FIRST_HEADER += ["Sản phẩm", "Ghi chú"]
DEADLINE_FIRST = """
I CẢI CÁCH THỂ CHẾ
1
Rà soát văn bản quy phạm pháp luật do Ủy ban
nhân dân xã ban hành
Quý II/2026
Văn phòng
HĐND và
UBND xã
Các cơ quan,
đơn vị
Báo cáo kết quả rà
soát
Định kỳ
2
Tự kiểm tra văn bản quy phạm pháp luật
Thường xuyên
Văn phòng HĐND và
UBND xã
Kết luận kiểm tra
"""


def test_it_reads_cells_one_per_line_in_the_order_of_the_header():
    rows = parse_lines(_lines(DEADLINE_FIRST), DEADLINE_FIRST_HEADER)
    assert rows == (
        ("I", "CẢI CÁCH THỂ CHẾ", "", "", "", ""),
        (
            "1",
            "Rà soát văn bản quy phạm pháp luật do Ủy ban nhân dân xã ban hành",
            "Văn phòng HĐND và UBND xã",
            "Các cơ quan, đơn vị",
            "Quý II/2026",
            "Báo cáo kết quả rà soát",  # the 'Ghi chú' cell is read, then left out
        ),
        (
            "2",
            "Tự kiểm tra văn bản quy phạm pháp luật",
            "Văn phòng HĐND và UBND xã",
            "",
            "Thường xuyên",
            "Kết luận kiểm tra",
        ),
    )


def test_it_reads_a_product_column_before_the_deadline_and_no_partners_column():
    lines = _lines("""
1
Công bố danh mục thủ tục hành chính
Văn phòng HĐND và
UBND phường
Danh mục thủ tục hành
chính được niêm yết
Tháng 3/2026
2
Tiếp nhận, xử lý phản ánh, kiến nghị
Trung tâm Phục vụ
hành chính công
Báo cáo
Hằng quý
""")
    rows = parse_lines(lines, ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Sản phẩm", "Thời hạn"])
    assert [row[2:] for row in rows] == [
        ("Văn phòng HĐND và UBND phường", "", "Tháng 3/2026", "Danh mục thủ tục hành chính được niêm yết"),
        ("Trung tâm Phục vụ hành chính công", "", "Hằng quý", "Báo cáo"),
    ]


def test_it_keeps_the_usual_place_of_a_column_the_header_does_not_name():
    # an OCR'd header that lost its last column: the usual order
    assert column_order(["TT", "Noi dung cong viéc", "Co quan", "cha tri", "Co quan", "phdi hop", "Thoi gian"]) == (
        CONTENT,
        LEAD,
        PARTNERS,
        DEADLINE,
        OUTPUT,
    )
    # no partners column: partners would come after the lead, and stays empty
    assert column_order(["Nội dung", "Thời gian", "Cơ quan chủ trì", "Sản phẩm"]) == (
        CONTENT,
        DEADLINE,
        LEAD,
        PARTNERS,
        OUTPUT,
    )


# --- tables typed with pipes in a text file ------------------------------------------------------


def _read(tmp_path: Path, text: str, name: str = "ke_hoach.md") -> list[Block | Table]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(read_text(path).items)


MARKDOWN = """II. NHIỆM VỤ
| STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian |
|:---:|----------|----------------|-----------|
| **I** | **CẢI CÁCH THỂ CHẾ** | | |
| 1 | Rà soát văn bản<br>quy phạm pháp luật | Văn phòng HĐND và UBND | Quý I/2026 |
| II | CẢI CÁCH THỦ TỤC HÀNH CHÍNH |
| 2 | Công khai TTHC \\| niêm yết | Trung tâm Phục vụ hành chính công | Thường xuyên |

III. TỔ CHỨC THỰC HIỆN
"""


def test_it_reads_a_markdown_pipe_table_with_its_section_rows(tmp_path):
    items = _read(tmp_path, MARKDOWN)
    assert [type(item).__name__ for item in items] == ["Block", "Table", "Block", "Block"]
    table = items[1]
    assert table.location.line == 2
    assert table.rows == (
        ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian"),
        ("I", "CẢI CÁCH THỂ CHẾ", "", ""),
        ("1", "Rà soát văn bản quy phạm pháp luật", "Văn phòng HĐND và UBND", "Quý I/2026"),
        ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),  # a merged row keeps the cells it has
        ("2", "Công khai TTHC | niêm yết", "Trung tâm Phục vụ hành chính công", "Thường xuyên"),
    )
    assert (items[3].text, items[3].location.line) == ("III. TỔ CHỨC THỰC HIỆN", 9)


def test_it_reads_pipe_rows_without_rule_line_or_outer_pipes(tmp_path):
    items = _read(
        tmp_path,
        "TT | Nội dung | Cơ quan chủ trì | Thời gian hoàn thành\n"
        "I | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\n"
        "1 | Ban hành kế hoạch | Phòng Văn hóa - Xã hội | Quý I/2026\n"
        "2 | Kiểm tra cải cách hành chính | Phòng Văn hóa - Xã hội | Quý III/2026\n",
        "ke_hoach.txt",
    )
    assert len(items) == 1
    assert items[0].rows[1] == ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH")
    assert items[0].rows[3] == ("2", "Kiểm tra cải cách hành chính", "Phòng Văn hóa - Xã hội", "Quý III/2026")


def test_it_reads_a_grid_table_whose_cells_wrap(tmp_path):
    items = _read(
        tmp_path,
        "+----+---------------------+-------------+\n"
        "| TT | Nội dung            | Chủ trì     |\n"
        "+====+=====================+=============+\n"
        "| 1  | Rà soát văn bản quy | Văn phòng   |\n"
        "|    | phạm pháp luật      | HĐND và     |\n"
        "|    |                     | UBND xã     |\n"
        "+----+---------------------+-------------+\n",
    )
    assert items[0].rows == (
        ("TT", "Nội dung", "Chủ trì"),
        ("1", "Rà soát văn bản quy phạm pháp luật", "Văn phòng HĐND và UBND xã"),
    )


def test_it_starts_a_new_table_at_a_header_with_its_own_rule_line(tmp_path):
    targets = "| Chỉ tiêu | Giá trị |\n|---|---|\n| Hồ sơ đúng hạn | 100% |\n\n"
    items = _read(tmp_path, targets + "Ghi chú: TT | số thứ tự\n" + MARKDOWN.split("\n", 1)[1])
    assert [item.rows[0][0] if isinstance(item, Table) else item.text for item in items[:4]] == [
        "Chỉ tiêu",
        "",
        "Ghi chú: TT | số thứ tự",
        "STT",
    ]


def test_it_leaves_ocr_lines_with_stray_pipes_as_text(tmp_path):
    ocr = (
        "Phat trién cac co s dir lieu chuyén nganh | . _ . Cacphong | 2026-2030\n"
        "\\ : ] . .~ | Vanphong | thudc So, So e 1A\n"
        "6 | phuc vu ng dung, dich vu Chinh phu so trén \\ X Co so dur liéu\n"
        "1 | Ban hanh Ké hoach | Phong Vian hoa - | Cac co quan, don | Quy 1V/2025 | Ké hoach\n"
    )
    assert all(isinstance(item, Block) for item in _read(tmp_path, ocr, "ocr.txt"))


def test_it_ends_a_table_at_the_next_part_of_the_plan():
    """A catalogue in the body, with no closing count, stops where "IV. TỔ CHỨC THỰC HIỆN" begins."""
    text = ONE_CELL_PER_LINE.replace("Danh mục gồm 3 nhiệm vụ.", "IV. TỔ CHỨC THỰC HIỆN\n1. Phòng Văn hóa - Xã hội")
    document = recover_tables(_document(text))
    assert _table(document).rows[-1][1].startswith("Thực hiện các quy định về tiêu chí phân loại")
    texts = [item.text for item in document.items if isinstance(item, Block)]
    assert texts[-2:] == ["IV. TỔ CHỨC THỰC HIỆN", "1. Phòng Văn hóa - Xã hội"]
