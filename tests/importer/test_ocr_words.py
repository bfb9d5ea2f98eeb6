"""OCR-damaged words of agency and product cells are read back against the administrative vocabulary."""

from importer.ocrfix import Lexicon, fix_cell
from importer.table_lines import Line, parse_lines


def test_it_corrects_damaged_agency_words_and_restores_marks():
    lexicon = Lexicon()
    assert fix_cell("Céc co quan, don V1 thuoc UBND cép xa", lexicon) == "Các cơ quan, đơn vị thuộc UBND cấp xã"
    assert fix_cell("Trung tdm phuc vu hanh chinh cong", lexicon) == "Trung tâm phục vụ hành chính công"


def test_it_splits_glued_words_and_drops_dust():
    lexicon = Lexicon()
    assert fix_cell("Kéhoach, Bao c4o", lexicon) == "Kế hoạch, Báo cáo"
    assert fix_cell("L oL q", lexicon) is None


def test_it_uses_the_neighbouring_word_to_choose_between_readings():
    lexicon = Lexicon()
    assert fix_cell("Phong Vian hoa - Xa hoi", lexicon) == "Phòng Văn hóa - Xã hội"


def test_it_keeps_unknown_words_unmarked_rather_than_guessing():
    lexicon = Lexicon()
    assert fix_cell("Zorblax hoach", lexicon) == "Zorblax hoach"


def test_it_carries_an_open_cell_onto_the_next_interleaved_line():
    lines = [
        Line("1 | Kiem tra cai cach hanh chinh | Phong Van hoa - | Cac co quan, don | 6 thang cuoi | Bao cao"),
        Line("Xa hoi vi thuoc UBND | nam 2025"),
        Line("2 | Ban hanh ke hoach tuyen truyen | Van phong | Cac phong | Quy IV/2025 | Ke hoach"),
    ]
    rows = parse_lines(lines)
    assert rows[0][2:5] == ("Phong Van hoa - Xa hoi", "Cac co quan, don vi thuoc UBND", "6 thang cuoi nam 2025")
