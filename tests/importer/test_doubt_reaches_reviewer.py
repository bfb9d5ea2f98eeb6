"""Doubt reaches the reviewer: the header's review, unreadable deadlines and coverage are in the result."""

from __future__ import annotations

from pathlib import Path

from importer.pipeline import run

PLAN = """ỦY BAN NHÂN DÂN
XÃ TÂN HƯNG
KẾ HOẠCH
Cải cách hành chính năm 2026
I. MỤC TIÊU
- Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 100%.
II. NHIỆM VỤ
TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm
1 | Rà soát thủ tục hành chính của xã | Văn phòng HĐND và UBND | Các phòng | Quý II/2026 | Báo cáo
2 | Tuyên truyền cải cách hành chính trên loa truyền thanh | Phòng Văn hóa - Xã hội | Các thôn | Theo tiến độ | Tin bài
"""


def _plan(tmp_path: Path, text: str = PLAN) -> dict:
    path = tmp_path / "ke_hoach.txt"
    path.write_text(text, encoding="utf-8")
    return run(path).to_dict()


def test_it_warns_of_the_header_fields_it_could_not_find(tmp_path):
    result = _plan(tmp_path)

    codes = {warning["code"] for warning in result["warnings"]}
    assert {"header_number_missing", "header_date_missing"} <= codes
    assert result["status"] == "partial"


def test_it_warns_of_a_deadline_it_cannot_read_instead_of_using_the_plans_end(tmp_path):
    result = _plan(tmp_path)

    unread = [w for w in result["warnings"] if w["code"] == "deadline_unreadable"]
    assert [w["message"] for w in unread] == [
        "Không đọc được thời hạn “Theo tiến độ” của nhiệm vụ 2; hãy nhập hạn hoàn thành cho nhiệm vụ này."
    ]


def test_it_reports_how_much_of_the_text_ended_in_some_field(tmp_path):
    full = _plan(tmp_path)["coverage"]
    prose = "Đây là một đoạn văn dài không thuộc trường nào của kế hoạch.\n"
    padded = _plan(tmp_path, PLAN.replace("II. NHIỆM VỤ", prose + "II. NHIỆM VỤ"))["coverage"]

    assert 0.5 < full["share"] <= 1.0
    assert padded["words"] > full["words"] and padded["share"] < full["share"]
    assert full["pages_without_fields"] == ()


def test_it_names_the_pages_that_gave_no_field():
    from importer.coverage import measure_coverage
    from importer.model import Block, Document, Location, Meta, Plan, Status, Task

    document = Document(
        items=(
            Block("Rà soát thủ tục hành chính của xã", Location(page=1)),
            Block("Một trang in mờ không đọc được gì", Location(page=2)),
            Block("Tuyên truyền cải cách hành chính trên loa", Location(page=3)),
        ),
        pages=4,
    )
    plan = Plan(
        doc="x.pdf",
        status=Status.SUCCESS,
        meta=Meta(),
        tasks=(Task("Rà soát thủ tục hành chính của xã"), Task("Tuyên truyền cải cách hành chính trên loa")),
    )

    coverage = measure_coverage(document, plan)
    assert coverage.pages_without_fields == (2, 4)
    assert 0.5 < coverage.share < 1.0
