"""Specks under a bold head that a fax left are read as a line of words of their own ('6 cong v4' under 'Nội dung
công việc'), each in a box far narrower than its letters could be printed in ('cong': four letters in 6 points of a
line 11 points high); their pieces broke the head's columns, and Hoàn Kiếm's faxed table was not found. Such a
word is dust; a word as wide as its letters, a number or a part's marker stays."""

from __future__ import annotations

from importer.readers.ocr import squeezed


def test_it_takes_a_word_narrower_than_its_letters_for_dust():
    assert squeezed("cong", 6, 11)
    assert squeezed("v4", 2, 11)


def test_it_keeps_words_numbers_and_markers():
    assert not squeezed("công", 19, 11)
    assert not squeezed("trì", 13, 11)
    assert not squeezed("III", 4, 11)  # a bold roman numeral's strokes
    assert not squeezed("12", 3, 11)
    assert not squeezed("I", 1, 11)  # a lone stroke
    assert not squeezed("6", 6, 11)
