"""A report writes each target's goal the Vietnamese way, as its plan did: "≥ 85%", "1.234,5 hồ sơ", never the
stored "85.00%"."""

from decimal import Decimal

from apps.plans.models import Area
from apps.reports.content import generate
from apps.tracking.models import Period, PeriodKind


def test_it_writes_goals_without_trailing_zeros_and_with_a_decimal_comma(plan):
    Period.ensure_year(2026)
    q1 = Period.objects.get(year=2026, kind=PeriodKind.Q1)
    dossiers = plan.targets.create(text="Tiếp nhận hồ sơ", value=Decimal("1234.5"), unit="hồ sơ", area=Area.TTHC)

    rows = {row["id"]: row for row in generate(plan.unit, q1)["targets"]}

    online = plan.targets.exclude(pk=dossiers.pk).get()
    assert rows[online.pk]["goal"].endswith(" 85%")
    assert rows[dossiers.pk]["goal"].endswith(" 1.234,5 hồ sơ")
