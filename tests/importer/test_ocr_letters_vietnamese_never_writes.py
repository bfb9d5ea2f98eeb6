"""Vietnamese never writes an Ñ: OCR reads one where a speck sits over an N ('UBÑD' of 'Kế hoạch số 96/KH-UBÑD'
in an office scan), and the citation was lost; the OCR's words are read back with N."""

from importer.header import find_citations
from importer.ocrfix import native_letters


def test_it_reads_an_n_with_a_speck_as_n():
    assert native_letters("UBÑD") == "UBND"
    assert native_letters("NÑghiệpvụ") == "NNghiệpvụ"
    assert native_letters("phường") == "phường"


def test_the_citation_read_back_is_found():
    assert find_citations(native_letters("Căn cứ Kế hoạch số 96/KH-UBÑD ngày 30/12/2025")) == ["96/KH-UBND"]


def test_it_reads_an_eth_as_the_d_it_stands_for_and_once_beside_it():
    """Tesseract reads a Đ as the eth of its shape ('Ð'), or as both one after the other: Tuyên Quang's fax gave
    its number as '98/QĐÐ-UBND', and the plan's own number was listed among its bases."""
    assert native_letters("QĐÐ-UBND") == "QĐ-UBND"
    assert native_letters("Ðơn") == "Đơn"
    assert native_letters("ĐĐBQH") == "ĐĐBQH"  # printed so: the Đoàn ĐBQH's initials


def test_it_reads_an_oe_as_the_o_with_a_horn():
    """Tesseract takes the horn of an 'ơ' for a second letter joined to it: 'Đœnvịchủ' in a faxed table's head,
    which then named no column."""
    assert native_letters("Đœn") == "Đơn"
    assert native_letters("CŒ") == "CƠ"
