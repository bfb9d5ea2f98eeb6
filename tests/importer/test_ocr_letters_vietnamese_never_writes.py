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
