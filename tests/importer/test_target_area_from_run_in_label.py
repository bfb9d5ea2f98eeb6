"""A target bullet that opens with its own area's label, run into the text ('- Về xây dựng chính quyền số: 100%
thủ tục hành chính …; …'; tests/fixtures/other-unseen7, Sở Nông nghiệp và Môi trường Quảng Ngãi, under '2. Mục
tiêu cụ thể'), stands in that area: the label is the section heading, not a guess from the wording (which would
put a figure of procedures offered online under procedures), and no guess is reported."""

from importer.pipeline import run

PLAN = """SỞ TÀI NGUYÊN TỈNH AN GIANG
Số: 12/KH-STN
An Giang, ngày 15 tháng 01 năm 2026
KẾ HOẠCH
Cải cách hành chính năm 2026
I. MỤC TIÊU
1. Mục tiêu chung
Nâng cao chất lượng phục vụ người dân.
2. Mục tiêu cụ thể
- Về xây dựng chính quyền số: 100% thủ tục hành chính được cung cấp trực tuyến; hồ sơ trực tuyến đạt tối thiểu 80%.
- Về cải cách chế độ công vụ: 100% công chức được bồi dưỡng kiến thức về cải cách hành chính.
II. NHIỆM VỤ
| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian | Sản phẩm |
|---|---|---|---|---|
| 1 | Rà soát thủ tục hành chính | Văn phòng Sở | Quý II/2026 | Báo cáo |
"""


def test_it_takes_a_targets_area_from_the_label_it_opens_with(tmp_path):
    path = tmp_path / "ke-hoach.md"
    path.write_text(PLAN, encoding="utf-8")
    plan = run(path)
    assert [(t.value, t.area) for t in plan.targets] == [
        (100.0, "chinh_phu_so"),
        (80.0, "chinh_phu_so"),
        (100.0, "cong_vu"),
    ]
    assert "target_area_guessed" not in {problem.code for problem in plan.problems}


def test_it_takes_no_label_from_a_sentence_that_only_opens_with_ve():
    from importer.areas import run_in_area

    assert run_in_area("Về đích sớm: 100% thủ tục hành chính được công khai.") is None
    assert run_in_area("Tỷ lệ hồ sơ thủ tục hành chính: tối thiểu 60%.") is None
