"""OCR-damaged words of agency and product cells are read back against the administrative vocabulary."""

import pytest

from importer.markers import ROMAN, find_marker
from importer.ocrfix import Lexicon, fix_cell, unglue
from importer.sections import heading_kind
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


def test_it_takes_the_lead_from_the_next_line_when_the_partners_cell_starts_a_line_higher():
    lines = [
        Line("1 | Ra soat thu tuc hanh chinh noi bo | Cac phong"),
        Line("cua co quan | Van phong | thudc So, So Noi vu | 2026-2030 | Bao cao"),
    ]
    row = parse_lines(lines)[0]
    assert row[2] == "Van phong"
    assert row[3] == "Cac phong thudc So, So Noi vu"
    assert row[4] == "2026-2030"


def test_it_keeps_a_content_word_that_only_looks_like_the_next_word_of_an_open_agency():
    lines = [
        Line("1 | Ra soat cac co so du lieu | Van phong | Cac phong | 2026-2030 | Bao cao"),
        Line("hien co va du lieu san co."),
    ]
    row = parse_lines(lines)[0]
    assert row[1].endswith("du lieu san co.")
    assert row[2] == "Van phong"


def test_it_reads_a_frequent_glued_word_as_the_vocabulary_words_it_joins():
    lexicon = Lexicon(["Vanphong thuoc So"] * 5)
    assert fix_cell("Vanphong", lexicon) == "Văn phòng"


@pytest.mark.parametrize(
    "printed",
    [
        "II. MỤC TIÊU",
        "Il. MỤC TIÊU",
        "IL. MOT SO CHI TIEU",
        "|I. MUC TIEU",
        "I1. MUC TIEU",
        "IIL MOT SO CHI TIEU",
        "II MỤC TIÊU",
    ],
)
def test_it_reads_an_ocr_damaged_roman_numeral_as_a_part_heading(printed):
    assert find_marker(printed)[1] == ROMAN


@pytest.mark.parametrize(
    "printed", ["L. Lập kế hoạch", "11. Công tác", "LII. MỤC TIÊU", "IIL Mục tiêu", "VL là", "II Mục tiêu"]
)
def test_it_does_not_take_other_markers_for_roman_numerals(printed):
    assert find_marker(printed)[1] != ROMAN


@pytest.mark.parametrize("heading", ["II. MỤC TIÊU", "II. MOT SO CHI TIEU CHU YEU", "II. MOT SO CHI 11EU CHU YEU"])
def test_it_knows_a_goal_heading_whose_capitals_ocr_read_as_figures(heading):
    assert heading_kind(heading) == "goal"


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("phòngHĐND", "phòng HĐND"),
        ("đơnvị,", "đơn vị,"),
        ("quyếtđịnh", "quyết định"),
        ("Vănphònghuyện", "Văn phòng huyện"),
        # as Tesseract read the 150 dpi office scans' agency cells
        ("HĐNDvà", "HĐND và"),
        ("MBNDxã,", "MBND xã,"),
        ("Vănhóa-Xã", "Văn hóa-Xã"),  # each part of a hyphenated word; 'vănh' is no syllable
        ("Thểthao-Truyền", "Thể thao-Truyền"),  # nor 'thểt' (a stop final under the asking tone)
        ("cảicách", "cải cách"),
        ("phòng,đơnvị", "phòng, đơn vị"),  # a comma between letters
        ("đơnvjị", "đơn vị"),  # the dot of ị read as a 'j'
        ("6thángcuối", "6 tháng cuối"),
    ],
)
def test_it_splits_a_word_where_the_vietnamese_model_lost_a_space(read, meant):
    assert unglue(read) == meant


@pytest.mark.parametrize(
    "word",
    [
        "nghiêng",
        "người",
        "ThS.",
        "VNeID",
        "video",
        "online",
        "UBND",
        "2026-2030",
        "PHÁP",
        "HOẠCH",
        "cỦa",
        "KH-UBND",
        "QuýlV/2026",
        "‘Các",
        "(Phòng",
        "YouTube",
        "bệnh",
        "kênh",
    ],
)
def test_it_leaves_whole_syllables_names_and_foreign_words_alone(word):
    assert unglue(word) == word
