"""A speck right beside a word on a scan is read as a mark glued to it ('`2': a row's number with a speck left of
it). Such marks are never printed at a word's ends, and they are none of its letters (``ocr._letters``): the '`2'
started left of the number column, so the row did not fit the table printed without rules that the page break
cut, and the table ended there, its last rows read as text."""

from __future__ import annotations

from importer.readers.ocr import _letters


def test_a_speck_glued_to_a_word_is_none_of_its_letters():
    letters = _letters("`2", (80.0, 10.0, 96.0, 20.0), 18.0, 12.0)

    assert [(c.text, c.x0, c.x1) for c in letters] == [("2", 88.0, 96.0)]


def test_a_word_keeps_its_letters_and_the_marks_inside_it():
    letters = _letters("a|b~", (0.0, 10.0, 40.0, 20.0), 18.0, 12.0)

    assert [c.text for c in letters] == ["a", "|", "b"]
