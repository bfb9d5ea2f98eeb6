"""load_demo's reports: Kẽ Sắt and Mao Điền get a report per past period of 2025–2026 in several states — accepted,
submitted, returned with a reason, one late — and a draft for the current one; running it twice changes nothing."""

import datetime as dt

import time_machine

from apps.plans.models import Plan, PlanStatus
from apps.reports.demo import RETURN_REASON, add_reports
from apps.reports.models import Report, ReportState
from apps.units.demo import DemoReport

TODAY = dt.date(2026, 12, 2)


@time_machine.travel(dt.datetime(2026, 12, 2, 9, 0), tick=False)
def test_it_adds_reports_in_every_state(plan, officer, reviewer, maodien, other_commune_officer):
    other = Plan.objects.create(unit=maodien, status=PlanStatus.PUBLISHED, number="12/KH-UBND", title="Kế hoạch CCHC")

    add_reports([plan, other], TODAY, DemoReport())
    first = {(r.unit.code, str(r.period)): r for r in Report.objects.select_related("unit", "period")}
    add_reports([plan, other], TODAY, DemoReport())

    assert Report.objects.count() == len(first) == 2 * 8  # 7 past periods and the current one, per unit
    states = {r.state for r in first.values()}
    assert states == {ReportState.ACCEPTED, ReportState.SUBMITTED, ReportState.RETURNED, ReportState.DRAFT}
    assert first[("ke-sat", "Năm 2026")].state == ReportState.DRAFT
    assert (
        first[("ke-sat", "Quý III 2026")].state == ReportState.SUBMITTED and first[("ke-sat", "Quý III 2026")].is_late()
    )
    assert not first[("mao-dien", "Quý III 2026")].is_late()
    assert first[("ke-sat", "6 tháng 2026")].return_reason == RETURN_REASON
    assert all(r.versions.exists() for r in first.values() if r.state != ReportState.DRAFT)
