"""A target's latest figure is the one of the period that ends last: figures keep their period's end (so the city
dashboard finds each target's latest one in an index), also after the period's end is corrected, and the city
dashboard tells met from missed as Target.is_met_by does, for goals at least and at most."""

import datetime as dt
from decimal import Decimal

from apps.dashboards.stats import targets_met_by_unit
from apps.plans.models import Comparator, Target
from apps.tracking.figures import save_measurement
from apps.tracking.models import Measurement, Period, PeriodKind


def test_it_keeps_the_period_end_with_each_figure_and_follows_a_corrected_end(plan, officer):
    target = plan.targets.get()  # at least 85%
    q1, h1 = (Period.ensure_year(2026)[i] for i in (0, 1))
    assert (q1.kind, h1.kind) == (PeriodKind.Q1, PeriodKind.H1)
    save_measurement(target, q1, officer, value=Decimal("90"))
    save_measurement(target, h1, officer, value=Decimal("80"))
    assert dict(Measurement.objects.values_list("period__kind", "period_end")) == {"q1": q1.end, "h1": h1.end}
    assert target.attainment(dt.date(2026, 7, 1)) != "met"
    assert targets_met_by_unit([plan.unit_id]) == {plan.unit_id: {"total": 1, "measured": 1, "met": 0}}

    q1.end = h1.end + dt.timedelta(days=1)  # a correction that makes the first quarter's figure the latest one
    q1.save()
    assert Measurement.objects.get(period=q1).period_end == q1.end
    assert targets_met_by_unit([plan.unit_id]) == {plan.unit_id: {"total": 1, "measured": 1, "met": 1}}
    assert targets_met_by_unit([plan.unit_id], as_of=h1.end) == {plan.unit_id: {"total": 1, "measured": 1, "met": 0}}


def test_it_tells_met_from_missed_for_goals_at_least_and_at_most(plan, officer):
    period = Period.ensure_year(2026)[0]
    cases = [
        (Comparator.AT_LEAST, "85", "85"),  # met on the goal
        (Comparator.AT_LEAST, "85", "84.99"),
        (Comparator.AT_MOST, "5", "5"),  # met on the goal
        (Comparator.AT_MOST, "5", "5.01"),
        (Comparator.EQUAL, "100", "100"),
    ]
    for i, (comparator, goal, value) in enumerate(cases, start=2):
        target = Target.objects.create(plan=plan, position=i, text=f"Chỉ tiêu {i}", value=goal, comparator=comparator)
        save_measurement(target, period, officer, value=Decimal(value))
    Target.objects.create(plan=plan, position=9, text="Chưa có số liệu", value=1)
    expected = sum(t.is_met_by(t.measurements.get().value) for t in plan.targets.exclude(measurements=None))
    assert expected == 3
    assert targets_met_by_unit([plan.unit_id]) == {plan.unit_id: {"total": 7, "measured": 5, "met": 3}}
