"""A fax's lone section numeral I with a speck or two over it is read as a marked I ('ï', 'Í', 'Î'): it is still the
numeral I (``markers.ocr_roman``), and a table printed without rules goes on over its section row (``unruled``)
instead of ending there. Nghệ An's health department plan faxed ('ï CẢI CÁCH THỂ CHẾ')."""

from __future__ import annotations

from importer.markers import ocr_roman
from importer.readers.pdf.unruled import unruled_rules
from tests.printed import page

HEAD = [(10, 14, "TT"), (50, 14, "Nội dung"), (200, 14, "Chủ trì"), (300, 14, "Thời hạn")]


def test_it_reads_a_marked_i_as_the_numeral_i():
    assert [ocr_roman(t) for t in ("ï", "Ï", "î", "Î", "í", "ì", "ïI")] == ["I"] * 6 + ["II"]
    assert [ocr_roman(t) for t in ("i", "ü", "ö")] == [None] * 3


def test_a_table_without_rules_goes_on_over_a_section_row_numbered_with_a_marked_i():
    words = HEAD + [
        (10, 34, "1"),
        (50, 34, "Tham mưu xây dựng quy định"),
        (200, 34, "Phòng Tổ chức"),
        (300, 34, "Quý II/2026"),
        (10, 50, "2"),
        (50, 50, "Rà soát văn bản"),
        (200, 50, "Thanh tra Sở"),
        (300, 50, "Tháng 9/2026"),
        (8, 66, "ï"),
        (24, 66, "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),  # across the number column
        (10, 82, "1"),
        (50, 82, "Số hóa hồ sơ"),
        (200, 82, "Văn phòng Sở"),
        (300, 82, "Tháng 8/2026"),
    ]
    rules, _ = unruled_rules(page(words))
    assert max(rule["top"] for rule in rules) > 82  # its end rule under the last row, not over the section row
