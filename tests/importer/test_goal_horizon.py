"""A plan that states no period of its own but heads its goals 'Mục tiêu … đến năm 2030' runs until then: the
plan's end is that year's December, its targets' phase 'đến năm 2030', and the reviewer is not told that the
phase is missing. A plan with its own period keeps it (its goals' horizon names the same end)."""

from __future__ import annotations

from importer.pipeline import run
from importer.sections import goal_horizon

SHAPE = """ỦY BAN NHÂN DÂN
TỈNH AN GIANG
Số: 212/KH-UBND
An Giang, ngày 03 tháng 3 năm 2026
KẾ HOẠCH
Ứng dụng công nghệ số trong quản lý chợ truyền thống trên địa bàn tỉnh
I. MỤC ĐÍCH, YÊU CẦU
Đẩy mạnh ứng dụng công nghệ số trong quản lý chợ.
II. MỤC TIÊU
1. Mục tiêu chung
Hình thành mô hình chợ số, thanh toán không dùng tiền mặt.
2. Mục tiêu cụ thể {until}
- Phấn đấu 80% chợ hạng I và hạng II tổ chức thanh toán không dùng tiền mặt.
- Phấn đấu 100% chợ được số hóa hồ sơ quản lý.
III. NHIỆM VỤ VÀ GIẢI PHÁP
Tuyên truyền, hướng dẫn tiểu thương sử dụng các ứng dụng thanh toán.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Phước
"""


def test_a_goal_heading_names_its_horizon_and_no_other_line_does():
    assert goal_horizon("2. Mục tiêu cụ thể đến năm 2030") == "2030"
    assert goal_horizon("**b) Các mục tiêu đến năm 2027:**") == "2027"
    assert goal_horizon("MỤC TIÊU ĐẾN NĂM 2028") == "2028"
    assert goal_horizon("2. Mục tiêu cụ thể") is None
    assert goal_horizon("3. Nhiệm vụ đến năm 2030") is None  # not a goal heading
    assert goal_horizon("Phấn đấu đến năm 2030, 100% hồ sơ được số hóa") is None


def test_a_plan_without_a_period_runs_until_its_goals_horizon(tmp_path):
    path = tmp_path / "kh.txt"
    path.write_text(SHAPE.format(until="đến năm 2030"), encoding="utf-8")

    plan = run(path)

    assert (plan.meta.period_start, plan.meta.period_end) == (None, "2030-12")
    assert [t.phase for t in plan.targets] == ["đến năm 2030", "đến năm 2030"]
    assert "target_phase_missing" not in {p.code for p in plan.problems}


def test_without_a_horizon_the_reviewer_is_told_the_phase_is_missing(tmp_path):
    path = tmp_path / "kh.txt"
    path.write_text(SHAPE.format(until=""), encoding="utf-8")

    plan = run(path)

    assert (plan.meta.period_start, plan.meta.period_end) == (None, None)
    assert {t.phase for t in plan.targets} == {None}
    assert "target_phase_missing" in {p.code for p in plan.problems}
