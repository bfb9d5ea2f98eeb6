"""Agency names as printed in plans find their units, whatever the accents, abbreviations or OCR damage."""

from __future__ import annotations

from apps.units.matching import match_agency, match_many
from apps.units.models import Unit, UnitKind


def test_it_matches_a_name_printed_with_abbreviations(kesat, vanphong):
    assert match_agency(kesat, "Văn phòng HĐND&UBND")[0] == vanphong
    assert match_agency(kesat, "Văn phòng HĐND và UBND xã")[0] == vanphong


def test_it_matches_a_name_without_diacritics(kesat, vhxh):
    assert match_agency(kesat, "Phong Van hoa - Xa hoi")[0] == vhxh
    assert match_agency(kesat, "Phòng Văn hóa – Xã hội xã Kẽ Sắt")[0] == vhxh


def test_it_matches_through_an_alias_line(kesat, vanphong):
    assert match_agency(kesat, "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã")[0] == vanphong


def test_it_tolerates_ocr_damage(kesat, vanphong, pvhcc):
    assert match_agency(kesat, "Vin phong HDND N va UBND xa")[0] == vanphong
    assert match_agency(kesat, "Trung tam Phuc vu hanh chinh cong")[0] == pvhcc


def test_it_matches_a_city_department(kesat, snv, vanphong):
    justice = Unit.objects.create(name="Sở Tư pháp", kind=UnitKind.DEPARTMENT, parent=snv.parent, code="so-tu-phap")
    assert match_agency(kesat, "Sở Tư pháp")[0] == justice


def test_it_only_suggests_for_a_generic_name(kesat, vanphong, pvhcc, vhxh):
    best, _ = match_agency(kesat, "Các cơ quan, đơn vị")
    assert best is None
    assert match_many(kesat, "Các cơ quan, đơn vị") == []


def test_it_ranks_suggestions_best_first(kesat, vanphong, pvhcc, vhxh):
    best, suggestions = match_agency(kesat, "Văn phòng UBND")
    assert suggestions[0] == vanphong


def test_it_ignores_another_communes_agencies(kesat, maodien, vanphong):
    Unit.objects.create(name="Văn phòng HĐND và UBND", kind=UnitKind.AGENCY, parent=maodien, code="md-vp")
    assert match_agency(kesat, "Văn phòng HĐND và UBND")[0] == vanphong


def test_it_splits_a_partners_cell(kesat, vanphong, pvhcc, vhxh):
    found = match_many(kesat, "Trung tâm Phục vụ hành chính công; Phòng Văn hóa - Xã hội, các cơ quan liên quan")
    assert found == [pvhcc, vhxh]
