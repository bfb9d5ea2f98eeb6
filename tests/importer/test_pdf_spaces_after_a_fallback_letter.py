"""A Word plan printed by LibreOffice with a font that lacks some Vietnamese letters takes them from a fallback
font, whose letter's box reaches past where it advances to, over the space after it; LibreOffice prints that
space as a gap, not as a character, so the gap between the boxes was too narrow to be a space ('Kếhoạch',
'số84/KH-STP', 'THỨ4'). The gap is measured from where the letter advances to (its font's width) when its box
reaches further, so the space is found and a fallback letter inside a word stays in it ('hoạch')."""

from pathlib import Path

import pypdfium2 as pdfium

from importer.readers.pdf import PageText
from tests.printed import pdf_line

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LATIN = "/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf"
FALLBACK = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf"  # its 'ế' reaches past where it advances to


def _page_lines(path, page: int) -> list[str]:
    return PageText.of(pdfium.PdfDocument(path)[page]).lines()


def _kế_hoạch(size: float = 13.0, scale: float = 1.0) -> list[str]:
    """'Kế hoạch' printed font run by font run, the space after 'ế' a quarter of the font's size wide."""
    runs = [(LATIN, "K", 0), (FALLBACK, "ế", 0), (LATIN, "ho", size / 4), (FALLBACK, "ạ", 0), (LATIN, "ch", 0)]
    return _page_lines(pdf_line(runs, size, scale), 0)


def test_it_finds_the_space_after_a_fallback_letter_printed_with_no_space_character():
    assert _kế_hoạch() == ["Kế hoạch"]


def test_it_scales_the_font_widths_as_the_page_is_drawn():
    assert _kế_hoạch(16.0, 0.75) == ["Kế hoạch"]  # as Chromium draws


def test_it_reads_the_spaces_after_fallback_letters_of_a_libreoffice_print():
    plan = _page_lines(FIXTURES / "other-pdf" / "bacninh_stp_2026_lo.pdf", 2)
    resolution = _page_lines(FIXTURES / "other-unseen2" / "hdnd_xa_nq_ktxh_cchc_2026_odt_lo.pdf", 0)

    assert "(Kèm theo Kế hoạch số 84/KH-STP ngày 12/01/2026 của Sở Tư pháp)" in plan
    assert "KHÓA I, KỲ HỌP THỨ 4" in resolution


def test_it_takes_no_width_for_one_glyph_read_as_several_letters():
    # LibreOffice prints 'fi' as one glyph (a ligature) the text layer reads as two letters: the font's width
    # for 'i' is not the glyph's, and no space follows
    lines = _page_lines(FIXTURES / "generated" / "000_6a7ac6fa00d068c0.pdf", 0)

    assert any("dfiy du" in line for line in lines)
