"""A scanned section row's numeral III read with a closing quote after it: 'HI”' (Nghệ An's plan printed without
rules, scanned at 200 dpi: a speck at the last stroke's top right). Read back as III (``markers.ocr_roman``: a
lone numeral's quote after it is a speck), the row is a section row and the table printed without rules goes on
over it; it ended there, and the tasks of that section and the next were lost."""

from __future__ import annotations

from importer.markers import ocr_roman
from importer.readers.pdf.unruled import unruled_rules
from tests.printed import page


def test_it_reads_a_lone_numeral_with_a_quote_after_it():
    assert [ocr_roman(t) for t in ("HI”", "IV'", 'II"', "I’")] == ["III", "IV", "II", "I"]
    assert ocr_roman("HI”", lone=False) is None


HEAD = ("TT", "Nội dung", "Chủ trì", "Thời hạn")
LINES = (
    ("2", "Cử công chức", "Phòng Văn", "Năm 2026"),
    ("HI”", "Cải cách tổ chức bộ máy"),
    ("1", "Sắp xếp các trạm", "Văn phòng", "Tháng 3"),
)


def test_a_table_without_rules_goes_on_over_a_section_row_numbered_with_a_quote():
    columns = (10, 60, 200, 300)  # where each column's cells start; a section row's title runs across
    words = [(x, 14 + 18 * k, c) for k, line in enumerate([HEAD, *LINES]) for x, c in zip(columns, line, strict=False)]

    rules, _ = unruled_rules(page(words))

    assert max(rule["top"] for rule in rules) > 14 + 18 * 3
