"""OCR reads the dot after a part's roman numeral as a comma ('II, CHỈ TIÊU'): before a heading in capitals it is
still the part, so the targets listed under it are read (lines as OCR read them from an office scan of the
Vĩnh Long department's plan, tests/fixtures/other-unseen6, printed by Chromium); before a word in sentence case
('I, Ví dụ') or a lone capital ('V, X và Y') it is no part."""

from importer.markers import ROMAN, find_marker
from importer.model import Block, Document, Location, Meta
from importer.targets import extract_targets

TEXT = """KẾ HOẠCH
Cải cách hành chính năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Thực hiện đồng bộ các nhiệm vụ cải cách hành chính của ngành; nâng cao
chất lượng phục vụ người dân, doanh nghiệp.
II, CHỈ TIÊU
- Phấn đấu 100% thủ tục hành chính thuộc thẩm quyền của Sở được
cung cấp dịch vụ công trực tuyến toàn trình.
- Phấn đấu mức độ hài lòng của tổ chức, cá nhân đối với việc. giải
quyết thủ tục hành chính đạt trên 90%.
HI. NHIỆM VỤ
IV. TỔ CHỨC THỤC HIỆN
Văn phòng Sở theo dõi, tổng hợp, báo cáo Giám đốc Sở kết quả thực hiện
"""


def test_it_reads_a_numeral_and_a_comma_before_a_heading_in_capitals_as_a_part():
    assert find_marker("II, CHỈ TIÊU")[:2] == ("II", ROMAN)
    assert find_marker("I, Ví dụ")[0] is None
    assert find_marker("V, X và Y")[0] is None


def test_it_reads_the_targets_under_a_part_numbered_with_a_comma():
    lines = TEXT.splitlines()
    document = Document(items=tuple(Block(line, Location(page=1, line=n)) for n, line in enumerate(lines, start=1)))
    targets, _ = extract_targets(document, Meta(period_start="2026-01", period_end="2026-12"))
    assert [(t.value, t.comparator) for t in targets] == [(100.0, "="), (90.0, ">=")]
