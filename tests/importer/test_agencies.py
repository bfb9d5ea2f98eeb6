"""Agency names read in one place (importer.agencies): a cell that names bodies, the one body a heading names,
and one body under two spellings."""

from importer.agencies import agency_named_by, looks_like_agency, unique_names


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
