"""A target in the API shows the figure of its latest period, whatever order the figures were entered in, in the
list of targets, a target's own answer and its plan's."""

import datetime as dt
from decimal import Decimal

from apps.api.models import ApiToken
from apps.plans.models import Target
from apps.tracking.models import Measurement, Period, PeriodKind


def test_it_shows_the_figure_of_the_latest_period(client, officer, plan):
    measured = plan.targets.get()
    unmeasured = Target.objects.create(plan=plan, position=2, text="Tỷ lệ hồ sơ trực tuyến", value=Decimal("60"))
    periods = {p.kind: p for p in Period.ensure_years([2026])}
    for kind, value in ((PeriodKind.H1, "75"), (PeriodKind.Q3, "88"), (PeriodKind.Q1, "60")):  # out of order
        Measurement.objects.create(target=measured, period=periods[kind], value=Decimal(value))
    headers = {"Authorization": f"Bearer {ApiToken.issue(officer)[1]}"}

    listed = {t["id"]: t for t in client.get(f"/api/targets?plan={plan.pk}", headers=headers).json()["items"]}
    alone = client.get(f"/api/targets/{measured.pk}", headers=headers).json()
    in_plan = {t["id"]: t for t in client.get(f"/api/plans/{plan.pk}", headers=headers).json()["targets"]}

    for shown in (listed[measured.pk], alone, in_plan[measured.pk]):
        assert (shown["latest"]["period"]["code"], Decimal(shown["latest"]["value"])) == ("2026-q3", Decimal("88"))
    assert listed[unmeasured.pk]["latest"] is None and in_plan[unmeasured.pk]["latest"] is None
    assert dt.date.fromisoformat(alone["latest"]["period"]["end"]) == periods[PeriodKind.Q3].end
