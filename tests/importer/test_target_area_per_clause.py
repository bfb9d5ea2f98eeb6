"""A target sentence no area section places, of clauses split by ';' each with its own figure ('100% thủ tục hành
chính được giải quyết đúng hạn; tối thiểu 90% hồ sơ được số hóa kết quả giải quyết', tests/fixtures/other-unseen8,
xã Vĩnh Thạnh): each figure's area is guessed from its own clause, not the whole sentence's. And a rate of dossiers
submitted online ('Tỷ lệ hồ sơ cấp Phiếu lý lịch tư pháp được nộp trực tuyến', Sở Tư pháp Hưng Yên) is a
procedure's (TTHC) figure, as the Bộ chỉ số 766 counts it."""

from importer.areas import topic_of
from importer.pipeline import run

PLAN = """ỦY BAN NHÂN DÂN XÃ AN PHÚ
Số: 05/KH-UBND
An Phú, ngày 10 tháng 01 năm 2026
KẾ HOẠCH
Cải cách hành chính năm 2026
I. MỤC TIÊU
- 100% thủ tục hành chính được giải quyết đúng hạn; tối thiểu 90% hồ sơ được số hóa kết quả giải quyết.
- Tỷ lệ hồ sơ cấp Phiếu lý lịch tư pháp được nộp trực tuyến đạt tối thiểu 70%.
II. TỔ CHỨC THỰC HIỆN
Văn phòng HĐND và UBND xã theo dõi, tổng hợp kết quả thực hiện.
"""


def test_it_guesses_each_figures_area_from_its_clause(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_text(PLAN, encoding="utf-8")
    targets = run(path).targets
    assert [(t.value, t.area) for t in targets] == [(100, "tthc"), (90, "chinh_phu_so"), (70, "tthc")]


def test_it_takes_a_rate_of_dossiers_submitted_online_for_a_procedures_figure():
    assert topic_of("Tỷ lệ hồ sơ được nộp trực tuyến đạt tối thiểu 70%").value == "tthc"
    assert topic_of("Tỷ lệ người dân sử dụng dịch vụ trực tuyến đạt 50%").value == "chinh_phu_so"
