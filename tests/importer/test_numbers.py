"""Figures read the way Vietnamese plans print them (importer.numbers): a comma before the decimals, dots
between thousands, and a dot before the decimals as some producers write it."""

from importer.model import Document, Meta, Table
from importer.numbers import has_percentage, parse_number
from importer.targets import extract_targets


def test_it_reads_decimal_commas_dots_and_grouped_thousands():
    assert [parse_number(text) for text in ("85", "85,5", "99.5", "1.000", "12.500,5", "2026")] == [
        85.0,
        85.5,
        99.5,
        1000.0,
        12500.5,
        2026.0,
    ]


def test_it_tells_a_percentage_from_a_number():
    assert has_percentage("đạt 100%;") and has_percentage("tối thiểu 95 %")
    assert not has_percentage("Năm 2026") and not has_percentage("% còn lại")


def test_it_reads_a_target_of_thousands_in_a_target_table():
    table = Table(
        rows=(
            ("TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả năm 2026"),
            ("1", "Số tài khoản định danh điện tử được kích hoạt", "tài khoản", "Tối thiểu 1.500"),
            ("2", "Tỷ lệ hồ sơ được số hóa", "%", "85,5"),
        )
    )
    targets, _ = extract_targets(Document(items=(table,)), Meta(period_start="2026-01", period_end="2026-12"))
    assert [(t.value, t.unit, t.comparator) for t in targets] == [(1500.0, "tài khoản", ">="), (85.5, "%", "=")]
