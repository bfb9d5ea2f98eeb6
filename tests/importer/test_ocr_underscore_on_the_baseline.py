"""Tesseract reads a speck on the baseline at a word's end, or the fringe of a rule erased under it, as '_' glued
to the word ('2_', 'UBND_'): no plan prints one there. The OCR's words are read without it, so that a faxed table
printed without rules keeps its row numbered '2_' (Nghệ An's health department plan lost the table of its first
page, and its last task, where the table was taken to end)."""

from __future__ import annotations

from importer.markers import ROW_NUMBER
from importer.ocrfix import off_baseline
from importer.readers.pdf.unruled import unruled_rules
from tests.printed import page

HEAD = [(10, 14, "TT"), (50, 14, "Nội dung"), (200, 14, "Chủ trì"), (300, 14, "Thời hạn")]


def test_it_reads_a_word_without_the_underscores_at_its_ends():
    assert [off_baseline(w) for w in ("2_", "UBND_", "_1", "Sở_,", "2026")] == ["2", "UBND", "1", "Sở_,", "2026"]
    assert off_baseline("___") == "___"  # a form's blank
    assert ROW_NUMBER.match(off_baseline("2_"))


def _rows_under_head(number: str) -> float:
    """Where the table found on a page of three rows ends, its second row numbered ``number``."""
    words = HEAD + [
        (10, 34, "1"),
        (50, 34, "Tham mưu xây dựng quy định"),
        (200, 34, "Phòng Tổ chức"),
        (300, 34, "Quý II/2026"),
        (10, 50, number),
        (50, 50, "Rà soát văn bản"),
        (200, 50, "Thanh tra Sở"),
        (300, 50, "Tháng 9/2026"),
        (10, 66, "3"),
        (50, 66, "Số hóa hồ sơ"),
        (200, 66, "Văn phòng Sở"),
        (300, 66, "Tháng 8/2026"),
    ]
    rules, _ = unruled_rules(page(words))
    return max((rule["top"] for rule in rules), default=0.0)


def test_a_table_without_rules_goes_on_over_the_row_read_back():
    # as Tesseract read it, a speck's underscores longer than a misread number (``markers.misread_number``, which
    # takes a short '2_' too): the table ends at the row (no table of one row)
    assert _rows_under_head("2___") < 50
    assert _rows_under_head(off_baseline("2___")) > 66  # read back: its end under the third row
