"""A text PDF whose font lacks some Vietnamese letters takes them from a fallback font, whose letter may reach
over the space printed after it (tests/fixtures/other-unseen2, a province's plan printed by Chromium in
Liberation Serif: 'Kế hoạch', 'số 45/KH-UBND' were read 'Kếhoạch', 'số45/KH-UBND'): a space the text layer
prints between two letters is a space, though no gap is left; one pdfium puts in is not."""

from importer.readers.pdf import Char, PageText


def _word(x: float, text: str, width: float = 6.0) -> list[Char]:
    return [
        Char(letter, x + k * width, x + (k + 1) * width, 20.0, 12.0, 17.0, 10.4, 22.4) for k, letter in enumerate(text)
    ]


def test_it_keeps_a_printed_space_a_fallback_letter_reaches_over():
    chars = (
        _word(10, "K") + [Char("ế", 16, 25.5, 20.0, 14.0, 17.0, 8.8, 22.8)] + _word(25.8, "hoạch")
    )  # 'ế' over the space
    assert PageText(chars).lines() == ["Kếhoạch"]  # no gap to tell the space by
    assert PageText(chars, spaces=[(22.8, 20.0)]).lines() == ["Kế hoạch"]


def test_it_takes_a_space_printed_on_another_line_for_none():
    chars = _word(10, "Kế") + _word(22.2, "hoạch")
    assert PageText(chars, spaces=[(21.0, 40.0)]).lines() == ["Kếhoạch"]
