"""Markdown copied from a site joins a block's lines with '<br>' (tests/fixtures/other-unseen4, a department's
plan): the letterhead typed as one line ('**UBND TỈNH …**<br>**SỞ …**<br>Số: 07/KH-SNNMT') is three lines; in a
pipe table's cell a '<br>' is a space, and a column 'Đơn vị thực hiện' that says 'Chủ trì: X<br>Phối hợp: Y'
gives the lead and the partners apart."""

from importer.header import extract_meta
from importer.model import Block, Document
from importer.readers.text import split_tables
from importer.tasks import extract_tasks

TEXT = """**UBND TỈNH TUYÊN QUANG**<br>**SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG**<br>Số: 07/KH-SNNMT
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>*Tuyên Quang, ngày 15 tháng 01 năm 2026*
**KẾ HOẠCH**<br>**Cải cách hành chính năm 2026**

| STT | Nhiệm vụ | Đơn vị thực hiện | Thời gian |
|---|---|---|---|
| 1 | Rà soát thủ tục<br>lĩnh vực đất đai | Chủ trì: Văn phòng Sở<br>Phối hợp: Chi cục Quản lý đất đai | Quý II |
| 2 | Niêm yết quy trình nội bộ | Chủ trì: Văn phòng Sở | Thường xuyên |
"""


def _document() -> Document:
    return Document(items=tuple(split_tables(TEXT.splitlines())))


def test_it_parts_a_line_at_its_breaks():
    blocks = [item.text for item in _document().items if isinstance(item, Block)]
    assert blocks[:3] == ["**UBND TỈNH TUYÊN QUANG**", "**SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG**", "Số: 07/KH-SNNMT"]


def test_it_reads_the_letterhead_typed_on_one_line():
    meta = extract_meta(_document())
    assert (meta.number, meta.issuer, meta.issuer_level) == (
        "07/KH-SNNMT",
        "Sở Nông nghiệp và Môi trường tỉnh Tuyên Quang",
        "so",
    )


def test_it_joins_a_cells_lines_and_parts_the_labelled_lead_from_the_partners():
    document = _document()
    assert document.tables[0].rows[1][1] == "Rà soát thủ tục lĩnh vực đất đai"
    tasks = extract_tasks(document)[0]
    assert [(t.lead, t.partners) for t in tasks] == [
        ("Văn phòng Sở", "Chi cục Quản lý đất đai"),
        ("Văn phòng Sở", None),
    ]
