"""A word of an OCR'd cell too damaged to be read from its letters is read from the phrase around it: the
one vocabulary word with its first letter, two edits off at most (one for two letters), that goes on with the
word before it or leads to the word after ('công bd' → 'công bố', 'Kho dix liệu' → 'Kho dữ liệu')."""

from importer.ocrfix import Lexicon, fix_cell


def test_it_reads_a_damaged_word_from_the_phrase_its_neighbour_opens():
    lexicon = Lexicon()
    assert fix_cell("Quyet dinh cong bd", lexicon) == "Quyết định công bố"
    assert fix_cell("Kho dix lieu", lexicon) == "Kho dữ liệu"


def test_it_keeps_a_damaged_word_that_no_neighbour_names():
    lexicon = Lexicon()
    assert fix_cell("bd", lexicon) == "bd"  # no neighbour
    assert fix_cell("Zorblax bd", lexicon) == "Zorblax bd"  # a neighbour that opens no phrase
