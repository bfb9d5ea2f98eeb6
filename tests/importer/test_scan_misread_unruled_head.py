"""A scanned table printed without rules is found by its head, as OCR reads it: a space moved a letter on ('Đơn vịch
ủ' for 'Đơn vị chủ', 'Đơn vip hối'), a letter read as a stroke or a j ('Đơnv|phối', 'Đơnvjphối'), Đ read as the
look-alike Ð, the number column's name read with a dot ('ST.' over 'T') or past reading ('ĐỀ.' over 'T': the rows
under it numbered all the same), and a word of a name centred from top to bottom beside the others read with a
line it does not stand on ('MNg', '6' among the names of the head's second line). When such a table is found,
the page around it keeps the words it was read with (read again, blanked where the tables are, its lines came out
otherwise: 'II. MỤC TIÊU' read 'IHMỤCTIÊU', and the plan lost its targets)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from importer.readers import ocr
from importer.readers.pdf.unruled import unruled_rules
from importer.table_lines import is_header_line
from importer.text import fold
from tests.degrade import render
from tests.printed import page

ROWS = [(12, 40, "1"), (60, 40, "Rà soát thủ tục"), (190, 40, "Văn phòng"), (270, 40, "Bưu điện")]
ROWS += [(350, 40, "Quý I"), (12, 60, "2"), (60, 60, "Số hóa hồ sơ"), (190, 60, "Phòng Kinh tế")]
ROWS += [(270, 60, "Công an"), (350, 60, "Quý II")]
BORDERLESS = (
    Path(__file__).resolve().parents[1] / "fixtures" / "other-borderless" / "phuong_hoankiem_kh_cchc_2026_lo.pdf"
)


def _found(head):
    return bool(unruled_rules(page(head + ROWS))[0])


def test_it_knows_the_names_of_a_head_whose_spaces_ocr_moved():
    assert all(is_header_line(name) for name in ("Đơn vịch ủ", "Đơn vip hối", "Đơnv|phối", "Đơnvjphối"))
    assert not any(is_header_line(text) for text in ("Rà soát thủ tục", "Sở Tư pháp", "Văn phòng"))
    assert fold("Ðơn vị") == "don vi"


def test_it_finds_a_table_by_a_head_misread_in_a_scan():
    names = [(60, 14, "Nội dung"), (190, 14, "Đơn vịch ủ"), (270, 14, "Đơn vip hối"), (350, 14, "Thời")]
    under = [(190, 24, "trì"), (270, 24, "hợp"), (350, 24, "hạn")]

    assert _found([(10, 14, "ST."), *names, (10, 24, "T"), (60, 24, "MNg"), *under])
    assert _found([(10, 14, "ĐỀ."), *names, (10, 24, "T"), (60, 24, "6"), *under])
    assert not _found([(10, 14, "Nhóm"), *names, (10, 24, "việc"), *under])  # a first column named otherwise


@pytest.mark.ocr
def test_it_keeps_the_words_around_a_table_without_rules_as_first_read(monkeypatch):
    pages = []
    read = ocr._read_pieces

    def counted(pieces, dpi, lines_before, gap=None):
        pages.extend([gap] if gap == 0 else [])  # the page around the tables is read with no gap
        return read(pieces, dpi, lines_before, gap)

    monkeypatch.setattr(ocr, "_read_pieces", counted)
    ocr._start_worker(ocr._tessdata())
    seen = ocr.see_sheet(Image.fromarray(render(BORDERLESS, 200)[0]), 200)

    (sight,) = seen
    words, tables = sight.words, sight.tables
    assert any(ocr.is_table(table) for table in tables)  # found without rules, read again column by column
    assert pages == [0]  # the page around it read once
    assert any(text.startswith("MỤC") for _, _, _, text in words)
