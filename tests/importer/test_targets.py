"""Targets come from goal parts and catalogue rows, one per figure, with comparator, area and phase."""

import json
from collections import Counter
from pathlib import Path

import pytest

from importer.model import Block, Document, Location, Meta, Table
from importer.pipeline import run
from importer.targets import comparator_of, describe_period, extract_targets, find_figures

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
PLAN = Meta(period_start="2026-01", period_end="2030-12")


def lines(text: str) -> Document:
    return Document(
        items=tuple(Block(line, Location(line=n)) for n, line in enumerate(text.splitlines(), 1) if line.strip())
    )


def paragraphs(*texts: str) -> Document:
    """Blocks as a Word reader gives them: one per paragraph, no line numbers."""
    return Document(items=tuple(Block(text) for text in texts))


AREAS = """I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Thành phố duy trì nhóm 5 địa phương dẫn đầu, 100% đơn vị hưởng ứng.
II. MỤC TIÊU VÀ NHIỆM VỤ CỤ THỂ
1. Cải cách thủ tục hành chính
a) Mục tiêu
- 100% thủ tục hành chính, có yêu cầu nghĩa vụ tài chính, được triển khai thanh toán trực tuyến, trong số đó, tỷ lệ
giao dịch thanh toán trực tuyến đạt từ
50% trở lên.
- Mức độ hài lòng của người dân đạt tối thiểu 95%. Trong đó, lĩnh vực đất đai đạt tối thiểu 90%.
b) Nhiệm vụ
- Công khai 100% TTHC trên Cổng thông tin điện tử.
2. Cải cách tài chính công
a) Mục tiêu
- Phấn đấu giảm bình quân 15% chi ngân sách.
"""


def test_it_reads_one_target_per_figure_only_in_goal_parts():
    targets, _ = extract_targets(lines(AREAS), PLAN)
    assert [(t.value, t.comparator, t.area) for t in targets] == [
        (100, "=", "tthc"),
        (50, ">=", "tthc"),
        (95, ">=", "tthc"),
        (90, ">=", "tthc"),
        (15, "=", "tai_chinh_cong"),
    ]
    assert targets[0].text == targets[1].text  # one sentence, two figures
    assert targets[2].text == "Mức độ hài lòng của người dân đạt tối thiểu 95%."
    assert targets[3].text.startswith("Trong đó")
    assert {t.phase for t in targets} == {"2026-2030"}


def test_it_reads_word_paragraphs_and_phase_lines():
    document = paragraphs(
        "I. MỤC TIÊU, CHỈ TIÊU, YÊU CẦU",
        "2. Một số chỉ tiêu cụ thể",
        "- Giai đoạn 2026 - 2027:",
        "+ Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử đạt 100%.",
        "- Giai đoạn 2028 - 2030:",
        "+ Mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước đạt tối thiểu 95%.",
        "+ Thành phố đạt cấp độ 4 mức độ trưởng thành về quản trị dữ liệu.",
        "3. Yêu cầu:",
        "- Bảo đảm 100% cán bộ quán triệt.",
    )
    targets, problems = extract_targets(document, PLAN)
    assert [(t.value, t.unit, t.area, t.phase) for t in targets] == [
        (100, "%", "tthc", "2026-2027"),
        (95, "%", "bo_may", "2028-2030"),
        (4, "cấp độ", "chinh_phu_so", "2028-2030"),
    ]
    assert [p.code for p in problems] == ["target_area_guessed"]


def test_it_reads_figures_in_catalogue_table_rows_with_the_section_area():
    table = Table(
        rows=(
            ("TT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian"),
            ("I", "Cải cách thủ tục hành chính", "", ""),
            (
                "1",
                "Tỷ lệ hồ sơ giải quyết trực tuyến: Tối thiểu 80% Tỷ lệ thanh toán: Tối thiểu 30%",
                "TT PVHCC",
                "2025",
            ),
            ("2", "Rà soát thủ tục hành chính", "TT PVHCC", "2025"),
            ("II", "Chính quyền điện tử, chính quyền số", "", ""),
            ("3", "100% hồ sơ được số hóa", "TT PVHCC", "2025"),
        )
    )
    half = Meta(period_start="2025-07", period_end="2025-12")
    targets, _ = extract_targets(Document(items=(Block("II. CHỈ TIÊU"), table)), half)
    assert [(t.value, t.comparator, t.area, t.location.row) for t in targets] == [
        (80, ">=", "tthc", 2),
        (30, ">=", "tthc", 2),
        (100, "=", "chinh_phu_so", 5),
    ]
    assert targets[1].text == "Tỷ lệ thanh toán: Tối thiểu 30%"
    assert {t.phase for t in targets} == {"6 tháng cuối năm 2025"}


def test_it_reads_a_flattened_catalogue_and_joins_lines_across_page_breaks():
    text = """II. MỤC TIÊU
- Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ đạt tối thiểu 85%.
Noi nhan:
- Luu VT.
TT
Noi dung cong viec
IV. Xay dung Chinh quyen dien tir, Chinh quyen so
15

Ty 18 thanh toan truc tuyen trén Cong Dich vu cong qudc
gia trén tong sb giao dich t6i


thiéu 30%
"""
    targets, _ = extract_targets(lines(text), PLAN)
    assert [(t.value, t.comparator, t.area) for t in targets] == [(85, ">=", "tthc"), (30, ">=", "chinh_phu_so")]
    assert targets[1].text.endswith("giao dich t6i thiéu 30%")


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("ty le dat toi thieu ", "", ">="),
        ("ti thieu ", " nguoi dan", ">="),
        ("t61 thi€u ", "", ">="),
        ("dat tren ", "", ">="),
        ("dat tu ", " tre 1en", ">="),
        ("khong qua ", "", "<="),
        ("dat ", "", "="),
        ("toi thieu dat 90%; ty le ho so tren tong so dat ", "", "="),
        ("doi voi su phuc vu cua so dat toi thieu-", "", ">="),  # a 150 dpi scan: a dash for the space
    ],
)
def test_it_reads_comparators_as_printed_and_as_ocr_damages_them(before, after, expected):
    assert comparator_of(before, after) == expected


def test_it_does_not_take_years_or_document_numbers_for_figures():
    assert find_figures("Bố trí biên chế so với năm 2025 theo Nghị định 150/2025/NĐ-CP") == []


def test_it_names_the_plan_period_as_a_phase():
    assert describe_period(PLAN) == "2026-2030"
    assert describe_period(Meta(period_start="2025-07", period_end="2025-12")) == "6 tháng cuối năm 2025"
    assert describe_period(Meta(period_start="2026-01", period_end="2026-12")) == "năm 2026"
    assert describe_period(Meta()) is None


GOLD = sorted((SEEDS / "gold").glob("*.json"))


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_it_reads_the_seed_targets_as_the_gold_does(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    plan = run(SEEDS / gold["doc"])

    def fields(t):
        return (float(t["value"]), t["unit"], t["comparator"], t["area"], t["phase"])

    assert Counter(fields(t) for t in (target.__dict__ for target in plan.targets)) == Counter(
        fields(t) for t in gold["targets"]
    )
