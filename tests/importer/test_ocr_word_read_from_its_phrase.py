"""A word of an OCR'd cell too damaged to be read from its letters is read from the phrase around it: the
one vocabulary word with its first letter, two edits off at most (one for two letters), that goes on with the
word before it or leads to the word after ('công bd' → 'công bố', 'Kho dix liệu' → 'Kho dữ liệu'). A phrase
both neighbours hold outweighs the document's own frequent misreading ('dix' printed five times), and the
next word counts as read alone ('ligu' → 'liệu')."""

from importer.ocrfix import Lexicon, fix_cell


def test_it_reads_a_damaged_word_from_the_phrase_its_neighbour_opens():
    lexicon = Lexicon()
    assert fix_cell("Quyet dinh cong bd", lexicon) == "Quyết định công bố"
    assert fix_cell("Kho dix lieu", lexicon) == "Kho dữ liệu"


def test_it_keeps_a_damaged_word_that_no_neighbour_names():
    lexicon = Lexicon()
    assert fix_cell("bd", lexicon) == "bd"  # no neighbour
    assert fix_cell("Zorblax bd", lexicon) == "Zorblax bd"  # a neighbour that opens no phrase


def test_it_reads_a_frequent_misreading_from_the_phrase_both_neighbours_hold():
    lexicon = Lexicon(["chia se dix lieu"] * 5)  # 'dix' is one of the document's own frequent words
    assert fix_cell("Co so dix lieu", lexicon) == "Cơ sở dữ liệu"
    assert fix_cell("dix lieu", lexicon) == "dix lieu"  # one neighbour does not outweigh the document
    assert fix_cell("Co so dix ligu", Lexicon()) == "Cơ sở dữ liệu"
