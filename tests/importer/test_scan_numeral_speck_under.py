"""A scanned section row's numeral III whose first two strokes joined read 'H' and a speck under the last one read
as its dot: 'HỊ' (Tân Phú's plan scanned at 200 dpi, the second page). Read back as III (``markers.ocr_roman``:
an I with a mark under or over it is a stroke and a speck), the row is a section row, the table printed without
rules goes on over it and is found; it was not, its page's one numbered row before the 'HỊ' too few for a table."""

from __future__ import annotations

from importer.markers import ocr_roman
from importer.readers.pdf.unruled import unruled_rules
from tests.printed import page


def test_it_reads_a_stroke_with_a_speck_under_or_over_it_as_an_i():
    assert [ocr_roman(t) for t in ("HỊ", "Ị", "IỈ", "HĨ.")] == ["III", "I", "II", "III"]
    assert [ocr_roman(t) for t in ("HỊT", "Hị ", "ỊV")] == [None, "III", "IV"]


def test_a_table_without_rules_goes_on_over_a_section_row_numbered_hi_with_a_dot():
    words = [(10, 14, "TT"), (60, 14, "Nội dung"), (200, 14, "Chủ trì"), (300, 14, "Thời hạn")]
    words += [(12, 34, "2"), (60, 34, "Cử công chức"), (200, 34, "Phòng Văn"), (300, 34, "Năm 2026")]
    words += [(10, 50, "HỊ"), (60, 50, "Xây dựng chính quyền số")]
    words += [(12, 66, "1"), (60, 66, "Sử dụng hệ thống"), (200, 66, "Văn phòng"), (300, 66, "Tháng 3")]

    end = max((rule["top"] for rule in unruled_rules(page(words))[0]), default=0.0)

    assert end > 66
