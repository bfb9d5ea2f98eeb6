"""Tesseract reads specks over one another just before a scanned row's number as a colon glued to it (':3', Tân
Phú's plan at 200 dpi): no plan starts a word with a colon. The OCR's words are read without it, so the row keeps
its number and the table printed without rules goes on over it (the table ended there and its last task was
lost)."""

from __future__ import annotations

from importer.ocrfix import speck_before
from importer.readers.pdf.unruled import unruled_rules
from tests.printed import page


def test_it_reads_a_word_without_a_colon_glued_before_it():
    assert [speck_before(w) for w in (":3", ";2.", "::1", "Số:", ":", "8:30", "Tháng")] == [
        "3",
        "2.",
        "1",
        "Số:",
        ":",
        "8:30",
        "Tháng",
    ]


def test_a_table_without_rules_goes_on_over_the_row_read_back():
    words = [(10, 14, "TT"), (60, 14, "Nội dung"), (200, 14, "Chủ trì"), (300, 14, "Thời hạn")]
    words += [(12, 34, "1"), (60, 34, "Sử dụng hệ thống"), (200, 34, "Văn phòng"), (300, 34, "Tháng 3")]
    words += [(12, 50, "2"), (60, 50, "Số hóa sổ hộ tịch"), (200, 50, "Phòng Kinh tế"), (300, 50, "Quý IV")]
    words += [(12, 66, speck_before(":3")), (60, 66, "Duy trì hoạt động"), (200, 66, "Phòng Văn")]

    assert max(rule["top"] for rule in unruled_rules(page(words))[0]) > 66
