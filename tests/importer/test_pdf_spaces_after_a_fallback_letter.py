"""A Word plan printed by LibreOffice with a font that lacks some Vietnamese letters takes them from a fallback
font, whose letter's box reaches past where it advances to, over the space after it; LibreOffice prints that
space as a gap, not as a character, so the gap between the boxes was too narrow to be a space ('Kếhoạch',
'số84/KH-STP', 'THỨ4'). The gap is measured from where the letter advances to (its font's width) when its box
reaches further, so the space is found and a fallback letter inside a word stays in it ('hoạch')."""

from pathlib import Path

import pypdfium2 as pdfium

from importer.readers.pdf import Char, PageText

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _word(x: float, text: str, width: float = 6.0) -> list[Char]:
    return [
        Char(letter, x + k * width, x + (k + 1) * width, 20.0, 12.0, 17.0, 10.4, 22.4, x + (k + 1) * width)
        for k, letter in enumerate(text)
    ]


def _fallback(x: float, letter: str, advance: float, reach: float) -> Char:
    """A fallback font's letter advancing ``advance`` points, its box ``reach`` points wide."""
    return Char(letter, x, x + reach, 20.0, 14.0, 17.0, 8.8, 22.8, x + advance)


def test_it_finds_the_space_a_fallback_letter_reaches_over():
    # 'K' 'ế' (advance 6, box 8.5 over the 3-point space) 'hoạch'
    chars = _word(10, "K") + [_fallback(16, "ế", 6.0, 8.5)] + _word(25.0, "hoạch")

    assert PageText(chars).lines() == ["Kế hoạch"]


def test_it_keeps_a_fallback_letter_inside_its_word():
    # 'ho' 'ạ' (its box reaching over the 'c' after it) 'ch'
    chars = _word(10, "ho") + [_fallback(22, "ạ", 6.0, 7.0)] + _word(28.0, "ch")

    assert PageText(chars).lines() == ["hoạch"]


def _page_lines(path: Path, page: int) -> list[str]:
    return PageText.of(pdfium.PdfDocument(path)[page]).lines()


def test_it_reads_the_spaces_after_fallback_letters_of_a_libreoffice_print():
    plan = _page_lines(FIXTURES / "other-pdf" / "bacninh_stp_2026_lo.pdf", 2)
    resolution = _page_lines(FIXTURES / "other-unseen2" / "hdnd_xa_nq_ktxh_cchc_2026_odt_lo.pdf", 0)

    assert "(Kèm theo Kế hoạch số 84/KH-STP ngày 12/01/2026 của Sở Tư pháp)" in plan
    assert "KHÓA I, KỲ HỌP THỨ 4" in resolution


def test_it_takes_no_width_for_one_glyph_read_as_several_letters():
    # an OCR'd scan's text layer where one glyph reads 'fi': the font's width for 'i' is not the glyph's
    lines = _page_lines(FIXTURES / "generated" / "000_6a7ac6fa00d068c0.pdf", 0)

    assert any("dfiy du" in line for line in lines)
