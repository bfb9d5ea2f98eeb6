"""A garbled goal heading does not lose its targets: where no heading says what part a paragraph is in,
a paragraph shaped like a target is one; figures in a task part stay out."""

from importer.model import Block, Document, Location, Meta
from importer.targets import extract_targets

TEXT = """KẾ HOẠCH
Cải cách hành chính năm 2026
I. MVC TJ3U VA NHJEM VJ CU THE
1. Cải cách thủ tục hành chính
a) Mvc tj3u
- Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ đạt tối thiểu 85%.
- 100% thủ tục hành chính được công khai trên Cổng Dịch vụ công quốc gia.
- Tiếp tục rà soát, đơn giản hóa thủ tục hành chính.
b) Nhiệm vụ
- Công khai đầy đủ 100% thủ tục hành chính tại Bộ phận Một cửa.
- Tỷ lệ hồ sơ trễ hạn giảm 50% so với năm 2025.
"""


def test_it_reads_targets_shaped_paragraphs_under_a_heading_it_cannot_read():
    lines = TEXT.splitlines()
    document = Document(items=tuple(Block(line, Location(line=n)) for n, line in enumerate(lines, start=1)))
    targets, _ = extract_targets(document, Meta(period_start="2026-01", period_end="2026-12"))
    assert [(t.value, t.comparator, t.area) for t in targets] == [(85.0, ">=", "tthc"), (100.0, "=", "tthc")]
