"""Units of the city with Q1 2026 reports in known states, for the consolidation stories.

``reporting_unit`` makes a governing unit with its standing officer and a published plan whose tasks end the
Q1 window (15/12/2025 – 14/03/2026) in known buckets, and one online-filing target with its Q1 figure.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import time_machine

from apps.plans.models import Area, Indicator, Plan, PlanStatus, Target, Task
from apps.reports import services
from apps.tracking.models import Measurement, Period, PeriodKind, UpdateStatus
from apps.tracking.services import submit_update
from apps.units.models import Role, Unit, UnitKind
from tests.web.conftest import make_user


def q1() -> Period:
    Period.ensure_year(2026)
    return Period.objects.get(year=2026, kind=PeriodKind.Q1)


def at(day: dt.date):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 9, 0), tick=False)


def online_indicator() -> Indicator:
    indicator, _ = Indicator.objects.get_or_create(
        code="ho-so-truc-tuyen", defaults={"name": "Tỷ lệ hồ sơ trực tuyến", "area": Area.TTHC}
    )
    return indicator


def reporting_unit(city, code: str, name: str, kind=UnitKind.COMMUNE, done=0, overdue=0, online=None):
    """A unit with ``done`` tasks done on time and ``overdue`` overdue ones in Q1, and its online filing figure
    as (numerator, denominator) or a bare value (a rate sent without its counts)."""
    unit = Unit.objects.create(name=name, kind=kind, parent=city, code=code)
    officer = make_user(f"{code}.vhxh", unit, Role.STANDING_OFFICER)
    plan = Plan.objects.create(
        unit=unit,
        status=PlanStatus.PUBLISHED,
        number=f"1/KH-{code}",
        title=f"Kế hoạch CCHC năm 2026 {name}",
        issued_on=dt.date(2025, 12, 1),
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        created_by=officer,
    )
    for i in range(done + overdue):
        task = Task.objects.create(
            plan=plan, position=i, area=Area.TTHC, content=f"Nhiệm vụ {i + 1} của {name}", due_on=dt.date(2026, 3, 1)
        )
        if i < done:
            with at(dt.date(2026, 2, 10)):
                submit_update(task, officer, state="done", completed_on=dt.date(2026, 2, 10))
    if online is not None:
        target = Target.objects.create(
            plan=plan,
            position=1,
            text="Tỷ lệ hồ sơ giải quyết trực tuyến đạt tối thiểu 85%",
            value=Decimal("85"),
            area=Area.TTHC,
            indicator=online_indicator(),
        )
        if isinstance(online, tuple):
            numerator, denominator = online
            value = Decimal(numerator) * 100 / Decimal(denominator)
            Measurement.objects.create(
                target=target,
                period=q1(),
                value=round(value, 2),
                numerator=numerator,
                denominator=denominator,
                status=UpdateStatus.ACCEPTED,  # the standing officer's own figure
            )
        else:
            Measurement.objects.create(
                target=target, period=q1(), value=Decimal(str(online)), status=UpdateStatus.ACCEPTED
            )
    return unit, officer


def report(unit, officer, reviewer=None, state="accepted", on=dt.date(2026, 3, 18), reason="Bổ sung số liệu."):
    """The unit's Q1 report taken to ``state`` (draft, submitted, returned, accepted), sent on ``on``."""
    with at(on):
        draft, _ = services.open_draft(unit, q1(), officer)
        if state == "draft":
            return draft
        services.submit(draft, officer)
        if state == "returned":
            services.return_report(draft, reviewer, reason)
        elif state == "accepted":
            services.accept(draft, reviewer)
    draft.refresh_from_db()
    return draft
