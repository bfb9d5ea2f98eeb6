"""Agency names read in one place (importer.agencies): a cell that names bodies, the one body a heading names,
and one body under two spellings."""

import pytest

from importer.agencies import agency_named_by, agreed_names, bodies_in, looks_like_agency, mend_cell, unique_names


def test_it_tells_a_cell_naming_bodies_from_other_cells():
    assert all(
        looks_like_agency(cell)
        for cell in ("Văn phòng HĐND và UBND xã", "Các phòng chuyên môn", "UBND các xã", "Sở Nội vụ", "Vian phong")
    )
    assert not any(looks_like_agency(cell) for cell in ("Quý II/2026", "Báo cáo kết quả", "Thường xuyên"))


def test_it_names_the_body_of_a_heading_without_its_commune():
    assert agency_named_by("Trung tâm Phục vụ hành chính công xã:") == "Trung tâm Phục vụ hành chính công"


def test_it_keeps_one_body_named_in_two_spellings():
    names = ["Văn phòng HĐND và UBND xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Công an xã"]
    assert unique_names(names) == ("Văn phòng HĐND và UBND xã", "Công an xã")


def test_it_parts_a_cell_at_a_comma_only_where_another_body_starts():
    assert bodies_in("Phòng Kinh tế, Hạ tầng và Đô thị; Phòng Văn hóa - Xã hội") == [
        "Phòng Kinh tế, Hạ tầng và Đô thị",
        "Phòng Văn hóa - Xã hội",
    ]
    assert bodies_in("Công an tỉnh, Bảo hiểm xã hội tỉnh") == ["Công an tỉnh", "Bảo hiểm xã hội tỉnh"]
    assert bodies_in("Các phòng, đơn vị thuộc Sở") == ["Các phòng, đơn vị thuộc Sở"]


def test_it_ends_a_name_where_the_sentence_says_what_the_body_does():
    assert agency_named_by("Phòng Văn hóa - Xã hội là cơ quan thường trực, giúp Ủy ban nhân dân phường") == (
        "Phòng Văn hóa - Xã hội"
    )
    assert agency_named_by("Văn phòng Sở chủ trì, phối hợp với các phòng chuyên môn") == "Văn phòng Sở"
    assert agency_named_by("Bảo hiểm xã hội tỉnh") == "Bảo hiểm xã hội tỉnh"


@pytest.mark.parametrize(
    ("read", "mended"),
    [  # lead and partners cells as Tesseract read them on the office scans and the fax
        ("Phòng Văn hóa-Xã hội", "Phòng Văn hóa - Xã hội"),
        ("Trung tâm Văn hóa - Thể thao-Truyền thông", "Trung tâm Văn hóa - Thể thao - Truyền thông"),
        ("Phòng-Kinh tế", "Phòng Kinh tế"),
        ("-Công an tỉnh", "Công an tỉnh"),
        ("Vấn phòng .HĐND và UBND xã", "Vấn phòng HĐND và UBND xã"),
    ],
)
def test_it_mends_the_dashes_ocr_read_in_an_agency_cell(read, mended):
    assert mend_cell(read) == mended


@pytest.mark.parametrize(
    "cell", ["Phòng Văn hóa - Xã hội", "UBND-MTTQ xã", "Ban Chỉ đạo 2026-2030", "Các phòng, đơn vị"]
)
def test_it_leaves_an_agency_cell_printed_so_alone(cell):
    assert mend_cell(cell) == cell


def test_it_reads_a_damaged_agency_cell_as_the_spelling_the_plan_gives_more_often():
    cells = ["Văn phòng HĐND và UBND xã"] * 2 + ["Văn phòng HĐND và MBND xã", "Văn phòng f", "Văn phòng", "Văn phòng"]
    cells += ["Trung tâm Phục vự hành chính công"] * 2 + ["Trung tâm Phục vụ hành chính công"]
    cells += ["Phòng Kinh tế", "Phòng Kinh tế", "Phòng Y tế"]
    assert agreed_names(cells) == {
        "Văn phòng HĐND và MBND xã": "Văn phòng HĐND và UBND xã",  # one letter in 20
        "Văn phòng f": "Văn phòng",
    }  # marks alone ('vự'/'vụ') are not voted on; 'Phòng Y tế' is three letters from 'Phòng Kinh tế'
