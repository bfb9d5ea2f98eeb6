"""OCR reads the dot after an item's figure as a comma ('1, Cải cách thủ tục hành chính'): before a title in
sentence case it is still the item's number, so the goal part's targets are not left under 'MỤC ĐÍCH, YÊU CẦU'
whose heading above them was garbled (lines as OCR read them from an office scan of Ninh Kiều's plan)."""

from importer.markers import ARABIC, find_marker
from importer.model import Block, Document, Location, Meta
from importer.targets import extract_targets

TEXT = """KẾ HOẠCH
Cải cách hành chính năm 2026 của phường Ninh Kiều
1.MỤC ĐÍCH, YÊU CÂU
Nâng cao chất lượng phục vụ người dân, doanh nghiệp tại bộ phận một cửa của
phường.
IHMUỤCTÊU - s.
1, Cải cách thủ tục hành chính sa
-'Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến đạt từ 70% trở lên.
II, NHIỆM VỤ CỤ THỂ
_IV.TÕ CHỨC THỤC HIỆN
Văn phòng HĐND và UBND phường theo dõi, tổng hợp, báo cáo Chủ tịch Ủy ban
"""


def test_it_reads_a_figure_and_a_comma_before_a_title_as_a_numbered_item():
    assert find_marker("1, Cải cách thủ tục hành chính")[:2] == ("1", ARABIC)
    assert find_marker("15, 20 ngày làm việc")[0] is None
    assert find_marker("2, CẢI CÁCH")[0] is None


def test_it_reads_the_targets_under_an_item_numbered_with_a_comma():
    lines = TEXT.splitlines()
    document = Document(items=tuple(Block(line, Location(page=1, line=n)) for n, line in enumerate(lines, start=1)))
    targets, _ = extract_targets(document, Meta(period_start="2026-01", period_end="2026-12"))
    assert [(t.value, t.comparator) for t in targets] == [(70.0, ">=")]
