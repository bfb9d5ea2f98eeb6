"""Targets written as prose under a goal heading the importer cannot read: a paragraph holds targets when
one of its sentences is shaped like a target statement, even after when and who ('Trong năm 2026, tỉnh phấn
đấu 100% …', 'Bảo đảm 100% …'); a paragraph of another part that only mentions a figure stays out."""

from importer.model import Block, Document, Location, Meta
from importer.targets import extract_targets

TEXT = """KẾ HOẠCH
Cải cách hành chính năm 2026
I. M Ụ C T I Ê Ư
1. Cải cách thủ tục hành chính
Trong năm 2026, tỉnh phấn đấu 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình. Tỷ lệ
hồ sơ được giải quyết trực tuyến đạt tối thiểu 60% tổng số hồ sơ.
2. Cải cách chế độ công vụ
Bảo đảm 100% cán bộ, công chức cấp xã đạt chuẩn theo quy định.
3. Chính quyền số
Năm 2025, tỉnh đã cung cấp 85% dịch vụ công trực tuyến; cần tiếp tục nâng cao chất lượng.
"""


def test_it_reads_target_sentences_written_as_prose_under_a_heading_it_cannot_read():
    lines = TEXT.splitlines()
    document = Document(items=tuple(Block(line, Location(line=n)) for n, line in enumerate(lines, start=1)))
    targets, _ = extract_targets(document, Meta(period_start="2026-01", period_end="2026-12"))

    assert [(t.value, t.comparator, t.area) for t in targets] == [
        (100.0, "=", "tthc"),
        (60.0, ">=", "tthc"),
        (100.0, "=", "cong_vu"),
    ]
    assert targets[0].text.startswith("Trong năm 2026, tỉnh phấn đấu 100%")
