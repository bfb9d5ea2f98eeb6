"""Sở Nội vụ consolidates Q1 2026: only accepted reports count, as they were frozen; rates are recomputed from the
summed numerators and denominators; units are ranked inside their block; who is late or was returned shows."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.plans.models import Plan, PlanStatus, Target, Task
from apps.reports.consolidation import consolidate
from apps.units.models import UnitKind
from tests.web.consolidation_world import at, online_indicator, q1, report, reporting_unit

AFTER_DUE = dt.date(2026, 3, 25)


@pytest.fixture
def three(city, reviewer):
    """Two communes and a ward: Kẽ Sắt accepted, Mao Điền accepted, Phường Hải An submitted but not accepted."""
    kesat = reporting_unit(city, "ks", "Xã Kẽ Sắt", done=3, overdue=1, online=(9, 10))
    maodien = reporting_unit(city, "md", "Xã Mao Điền", done=1, overdue=3, online=(50, 100))
    haian = reporting_unit(city, "ha", "Phường Hải An", kind=UnitKind.WARD, done=2, overdue=0, online=(1, 1))
    report(*kesat, reviewer)
    report(*maodien, reviewer, on=dt.date(2026, 3, 22))  # sent two days late
    report(*haian, reviewer, state="submitted")
    return kesat[0], maodien[0], haian[0]


def row_of(consolidation, unit):
    return next(row for row in consolidation.rows if row.unit == unit)


def test_it_counts_only_accepted_reports(three):
    kesat, maodien, haian = three

    with at(AFTER_DUE):
        c = consolidate(q1())

    assert c.city.units == 2
    assert c.city.tasks["done_on_time"] == 4 and c.city.tasks["overdue"] == 4
    assert row_of(c, haian).figures is None
    assert row_of(c, haian).state == "submitted"
    wards = next(b for b in c.blocks if b.key == "wards")
    assert wards.figures.total_tasks == 0


def test_it_recomputes_a_rate_from_the_summed_counts_never_the_mean(three):
    with at(AFTER_DUE):
        c = consolidate(q1())

    online = next(i for i in c.indicators if i.code == "ho-so-truc-tuyen")
    # 9/10 and 50/100: 59/110 = 53.64%, not the mean of 90% and 50%
    assert (online.numerator, online.denominator, online.value) == (59, 110, 53.64)
    assert online.units_counted == 2
    stat = next(s for s in c.statistics if s["key"] == "dossiers_online")
    assert (stat["numerator"], stat["denominator"], stat["value"]) == (59, 110, 53.64)


def test_it_names_units_that_sent_a_rate_without_its_counts(city, reviewer):
    counted = reporting_unit(city, "ks", "Xã Kẽ Sắt", done=1, online=(80, 100))
    bare = reporting_unit(city, "hh", "Xã Hưng Thắng", done=1, online=60)
    report(*counted, reviewer)
    report(*bare, reviewer)

    with at(AFTER_DUE):
        online = next(i for i in consolidate(q1()).indicators if i.code == "ho-so-truc-tuyen")

    assert (online.value, online.units_counted) == (80, 1)
    assert online.units_without_counts == ["Xã Hưng Thắng"]


def test_it_keeps_the_figures_as_they_were_accepted(three):
    kesat, *_ = three
    Task.objects.filter(plan__unit=kesat).delete()  # later changes to the plan

    with at(AFTER_DUE):
        figures = row_of(consolidate(q1()), kesat).figures

    assert figures.total_tasks == 4 and figures.done == 3


def test_it_ranks_units_inside_their_block(three):
    kesat, maodien, haian = three

    with at(AFTER_DUE):
        c = consolidate(q1())

    communes = next(b for b in c.blocks if b.key == "communes")
    assert [(row.unit, row.rank) for row in communes.rows] == [(kesat, 1), (maodien, 2)]
    assert row_of(c, haian).rank is None  # not accepted: not ranked
    assert row_of(c, kesat).figures.completion.percent == 75.0


def test_it_shows_who_is_late_returned_or_has_not_started(city, snv, reviewer, three):
    kesat, maodien, haian = three
    returned = reporting_unit(city, "tl", "Xã Tân Lập", done=1)
    report(*returned, reviewer, state="returned", reason="Thiếu số liệu hồ sơ trực tuyến.")
    silent, _ = reporting_unit(city, "so", "Sở Xây dựng", kind=UnitKind.DEPARTMENT, done=1)

    with at(AFTER_DUE):
        c = consolidate(q1())

    # Sở Nội vụ receives the reports (the units report to it) and writes the city's: it is not late for its own
    assert {row.unit for row in c.late} == {maodien, silent}
    assert snv not in {row.unit for row in c.rows}
    assert row_of(c, silent).state == "not_started"
    assert row_of(c, returned[0]).return_reason == "Thiếu số liệu hồ sơ trực tuyến."
    assert c.submitted == 3


def test_it_reads_the_same_number_of_queries_for_3_units_as_for_10(city, reviewer):
    def add_units(start: int, end: int) -> None:
        for i in range(start, end):
            unit = reporting_unit(city, f"u{i}", f"Xã Số {i}", done=i % 3, overdue=1, online=(i + 1, 10))
            report(*unit, reviewer)

    def count() -> int:
        with at(AFTER_DUE), CaptureQueriesContext(connection) as queries:
            assert consolidate(q1()).city.units in (3, 10)
        return len(queries)

    add_units(0, 3)
    with_three = count()
    add_units(3, 10)

    assert count() == with_three


def test_it_measures_the_citys_own_target_by_its_units_figures(city, three, officer):
    plan = Plan.objects.create(
        unit=city,
        status=PlanStatus.PUBLISHED,
        number="3470/KH-UBND",
        title="Kế hoạch CCHC thành phố năm 2026",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
    )
    Target.objects.create(
        plan=plan,
        position=1,
        text="Tỷ lệ hồ sơ trực tuyến toàn thành phố đạt 85%",
        value=85,
        indicator=online_indicator(),
    )

    with at(AFTER_DUE):
        first = consolidate(q1()).indicators[0]

    assert (first.label, first.goal, first.value) == (
        "Tỷ lệ hồ sơ trực tuyến toàn thành phố đạt 85%",
        "tối thiểu 85%",
        53.64,
    )
    assert first.attainment == "at_risk"  # 53.64% of 85% before the year's end
