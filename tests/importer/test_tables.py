"""Flattened task tables (one cell per line, interleaved OCR columns) are rebuilt as Table items."""

from importer.model import Block, Document, Location, Table
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
