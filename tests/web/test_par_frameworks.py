"""A criteria framework is data: the sample loads with its totals right, goes out and back in as YAML and .xlsx
unchanged, and a framework whose points do not add up is refused with what to fix."""

from decimal import Decimal

import pytest
import yaml

from apps.par import frameworks
from apps.par.frameworks import FrameworkError
from apps.par.models import Assessment, AssessmentYear, Framework, Part
from apps.units.models import Unit, UnitKind


@pytest.fixture
def sample(db):
    return frameworks.load_sample()


def test_it_ships_a_sample_of_eight_contents_bonus_and_penalty_adding_up_to_100(sample):
    assert sample.is_sample and "MẪU" in sample.name
    roots = [n for n in sample.nodes() if n.depth == 0]
    assert [r.part for r in roots].count(Part.MAIN) == 8
    assert {r.part for r in roots} == {Part.MAIN, Part.BONUS, Part.PENALTY}
    assert sum(r.max_points for r in roots if r.part == Part.MAIN) == Decimal(100)
    assert any(leaf.method == "survey" for leaf in sample.leaves())
    assert frameworks.check_framework(sample) == []


def test_it_round_trips_through_yaml_and_xlsx(sample):
    as_dict = frameworks.to_dict(sample)
    again = yaml.safe_load(frameworks.dump_yaml(sample))
    assert again == as_dict
    from_book = frameworks.read_xlsx(frameworks.dump_xlsx(sample))
    meta, nodes = frameworks.from_dict(from_book)
    assert meta["decision_number"] == "MẪU" and meta["is_sample"]
    assert [frameworks._node_dict(n) for n in nodes] == as_dict["criteria"]


def test_it_refuses_a_framework_whose_points_do_not_add_up(db):
    data = {
        "name": "Bộ thử",
        "decision_number": "12/QĐ-UBND",
        "year": 2026,
        "groups": ["communes"],
        "criteria": [
            {"code": "1", "title": "A", "max": 60, "children": [{"code": "1.1", "title": "a", "max": 50}]},
            {"code": "2", "title": "B", "max": 30, "method": "rate", "params": {"threshold": "x"}},
        ],
    }
    with pytest.raises(FrameworkError) as caught:
        frameworks.save(*frameworks.from_dict(data))
    problems = caught.value.problems
    assert "1: các tiêu chí con cộng lại 50 điểm, khác điểm tối đa 60." in problems
    assert "Các nội dung chấm điểm cộng lại 90 điểm, phải đúng 100 điểm." in problems
    assert any(p.startswith("2: Tham số “threshold”") for p in problems)
    assert not Framework.objects.exists()


def test_it_refuses_a_workbook_that_is_not_one(db):
    with pytest.raises(FrameworkError, match="không phải bảng tính"):
        frameworks.load_xlsx(b"not a workbook")
    with pytest.raises(FrameworkError, match="YAML"):
        frameworks.load_yaml(b"criteria: [unclosed")


def test_it_keeps_a_framework_in_use_and_asks_for_a_new_decision_number(sample):
    city = Unit.objects.create(name="Thành phố Hải Phòng", kind=UnitKind.CITY, code="hp")
    unit = Unit.objects.create(name="Xã Kẽ Sắt", kind=UnitKind.COMMUNE, parent=city, code="ks")
    year = AssessmentYear.objects.create(year=2025, self_deadline="2025-12-15")
    Assessment.objects.create(year=year, unit=unit, framework=sample, group="communes")
    with pytest.raises(FrameworkError, match="số quyết định mới"):
        frameworks.load_yaml(frameworks.dump_yaml(sample))
    assert frameworks.load_sample() == sample


def test_it_reads_the_bands_the_city_sets_and_refuses_a_bad_one():
    from apps.par.bands import BandError, parse

    assert parse("0: Khá; 80: Tốt; 93: Xuất sắc") == [[93.0, "Xuất sắc"], [80.0, "Tốt"], [0.0, "Khá"]]
    assert parse("  ") is None
    with pytest.raises(BandError, match="93: Xuất sắc"):
        parse("xuất sắc từ 93")
