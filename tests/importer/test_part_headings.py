"""Plans split into parts 'Phần thứ nhất' / 'Phần thứ hai' (tests/fixtures/other-unseen3), the part's title on
the line under it, the roman areas ('I. CẢI CÁCH THỂ CHẾ') inside the task part. The part is a heading of the top
rank: the body starts there, and the targets under 'Phần thứ nhất MỤC TIÊU, YÊU CẦU' > '1. Mục tiêu' are read."""

import pytest

from importer.markers import ROMAN, find_marker
from importer.pipeline import run

PLAN = """ỦY BAN NHÂN DÂN
XÃ HÒA VANG
Số: 11/KH-UBND
Hòa Vang, ngày 19 tháng 01 năm 2026

KẾ HOẠCH
Cải cách hành chính năm 2026

Phần thứ nhất
MỤC TIÊU, YÊU CẦU
1. Mục tiêu
- Phấn đấu 100% hồ sơ thủ tục hành chính được giải quyết đúng hạn.
- Tỷ lệ hồ sơ nộp trực tuyến đạt từ 80% trở lên.

Phần thứ hai
NHIỆM VỤ CỤ THỂ
I. CẢI CÁCH THỂ CHẾ
1. Rà soát văn bản quy phạm pháp luật của xã. Giao Văn phòng HĐND-UBND chủ trì; hoàn thành trong Quý II.
"""


@pytest.mark.parametrize("line", ["Phần thứ nhất", "PHẦN THỨ HAI: NHIỆM VỤ", "Phần II. NHIỆM VỤ", "Phần 1"])
def test_it_reads_a_part_as_a_marker_of_the_top_rank(line):
    assert find_marker(line)[1] == ROMAN


@pytest.mark.parametrize("line", ["phần 2 của Kế hoạch này", "Phần 2 gồm các nhiệm vụ trọng tâm", "Phần mềm một cửa"])
def test_it_reads_a_sentence_opening_with_the_word_as_no_part(line):
    assert find_marker(line)[1] != ROMAN


def test_it_reads_the_targets_of_a_plan_split_into_parts(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_text(PLAN, encoding="utf-8")
    plan = run(path)
    assert [(t.value, t.comparator) for t in plan.targets] == [(100, "="), (80, ">=")]
    assert [t.lead for t in plan.tasks] == ["Văn phòng HĐND-UBND"]
