"""The body of a plan begins at its first heading in capitals naming a part, whatever its numeral: an office scan
read the roman 'I.' of 'MỤC ĐÍCH, YÊU CẦU' as '1.' and the 'II.' of 'MỤC TIÊU' as 'EI.', and the goal part
stood in the preamble, where no target is read (lines as OCR read them from the scan)."""

from importer.model import Block, Document, Location, Meta
from importer.targets import extract_targets

TEXT = """UBND.TỈNH NGHỆ AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA
SỞ Y TẾ VIỆT NAM
Số: 412/KH-SYT- Nghệ An, ngày 15.tháng 1 năm 2026.
KẾ HOẠCH
Cải cách hành chính năm 2026 của Sở Y tế
Căn cứ Kế hoạch số 96/KH-UBÑD ngày 30/12/2025 của Ủy ban nhân dần tỉnh Nghệ
An về:cải cách hành chính năm 2026, Sở Y tế ban hành Kế hoạch cải cách hành chính
năm 2026 như sau:
1.MỤC ĐÍCH, YÊU CẦU
Triển khai đồng bộ, có hiệu quả các nhiệm vụ cải-cách hành chính của ni gành y tế.
EI. MỤC. TIÊU
1. Cải cách thủ tục hành chính n
- 100% thủ tục hành chính thuộc thẩm quyền của Sở được cúng cấp dịch ởụ công trực
tuyến toàn trình.
2. Xây dựng chính quyền số v
- 100%.bệnh viện tuyến tỉnh triển khai bệnh án điện tử.
III.NHIỆM VỤ CỤ THỂ
"""


def _document(text: str) -> Document:
    lines = text.splitlines()
    return Document(items=tuple(Block(line, Location(page=1, line=n)) for n, line in enumerate(lines, start=1)))


def test_it_reads_the_goal_part_after_a_part_heading_whose_roman_numeral_was_read_as_a_figure():
    targets, _ = extract_targets(_document(TEXT), Meta(period_start="2026-01", period_end="2026-12"))
    assert [(t.value, t.area) for t in targets] == [(100.0, "tthc"), (100.0, "chinh_phu_so")]


def test_it_reads_no_target_in_a_preamble_before_any_part_heading():
    preamble = "KẾ HOẠCH\nCải cách hành chính năm 2026\n- 100% thủ tục hành chính được công khai.\n"
    targets, _ = extract_targets(_document(preamble), Meta(period_start="2026-01", period_end="2026-12"))
    assert targets == ()
