"""The city's consolidation of one period: who has submitted, who is late or was returned, and the figures.

Figures come only from the latest frozen version of each **accepted** unit report (``ReportVersion.content``), so
what the city sums is what the units sent and Sở Nội vụ accepted — later edits to tasks or figures change nothing.
Counts are summed; a rate is recomputed from the summed numerators and denominators, never averaged from the
units' percentages (a unit that sent a rate without its numerator and denominator is left out of it, and named).

``consolidate(period)`` reads a fixed number of queries whatever the number of units (units, reports, accepted
versions' figures, the city's targets, the indicator catalogue).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from apps.plans.models import Area, Attainment, IndicatorKind, PlanStatus, ReportStatus, Target, attainment
from apps.reports.content import ATTAINMENTS, BUCKETS, current_guidance
from apps.reports.models import Report, ReportState, ReportVersion
from apps.tracking.models import Period
from apps.units.models import BLOCK_LABELS, BLOCK_OF, Membership, Role, Unit, UnitKind

NOT_STARTED = "not_started"
STATES = {NOT_STARTED: "Chưa lập"} | {s.value: s.label for s in ReportState}
RANKING_RULE = (
    "Xếp hạng trong khối theo tỷ lệ nhiệm vụ đã hoàn thành (đúng hạn và quá hạn) trên tổng số nhiệm vụ, "
    "bằng nhau thì theo tỷ lệ hoàn thành đúng hạn, rồi tỷ lệ chỉ tiêu đạt; chỉ đơn vị có báo cáo đã được chấp nhận."
)


@dataclass(frozen=True)
class Rate:
    """A rate kept as its numerator and denominator, so rates of several units add up correctly."""

    numerator: float = 0
    denominator: float = 0

    def __add__(self, other: Rate) -> Rate:
        return Rate(self.numerator + other.numerator, self.denominator + other.denominator)

    @property
    def percent(self) -> float | None:
        if not self.denominator:
            return None
        return round(100 * self.numerator / self.denominator, 2)


@dataclass
class Figures:
    """Task counts by the four report buckets and target counts by attainment: sums of units' figures."""

    tasks: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BUCKETS, 0))
    targets: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTAINMENTS, 0))
    units: int = 0  # how many accepted reports these figures sum

    @classmethod
    def from_areas(cls, areas: list[dict]) -> Figures:
        figures = cls(units=1)
        for area in areas:
            for key in BUCKETS:
                figures.tasks[key] += area["tasks"].get(key, 0)
            for key in ATTAINMENTS:
                figures.targets[key] += area["targets"].get(key, 0)
        return figures

    def add(self, other: Figures) -> None:
        for key in BUCKETS:
            self.tasks[key] += other.tasks[key]
        for key in ATTAINMENTS:
            self.targets[key] += other.targets[key]
        self.units += other.units

    @property
    def total_tasks(self) -> int:
        return sum(self.tasks.values())

    @property
    def total_targets(self) -> int:
        return sum(self.targets.values())

    @property
    def done(self) -> int:
        return self.tasks[ReportStatus.DONE_ON_TIME] + self.tasks[ReportStatus.DONE_LATE]

    @property
    def completion(self) -> Rate:
        return Rate(self.done, self.total_tasks)

    @property
    def on_time(self) -> Rate:
        return Rate(self.tasks[ReportStatus.DONE_ON_TIME], self.total_tasks)

    @property
    def targets_met(self) -> Rate:
        """Met targets over the targets that have a value this period."""
        return Rate(self.targets[Attainment.MET], self.total_targets - self.targets["no_value"])

    def as_dict(self) -> dict:
        return {
            "units": self.units,
            "tasks": dict(self.tasks),
            "tasks_total": self.total_tasks,
            "targets": dict(self.targets),
            "targets_total": self.total_targets,
            "completion_rate": self.completion.percent,
            "on_time_rate": self.on_time.percent,
            "targets_met_rate": self.targets_met.percent,
        }


@dataclass
class UnitRow:
    unit: Unit
    block: str
    report: Report | None
    late: bool
    figures: Figures | None = None  # only from an accepted report
    version_id: int | None = None
    areas: list[dict] = field(default_factory=list)  # the accepted version's per-area counts
    rates: dict[str, Rate] = field(default_factory=dict)  # indicator code -> the unit's numerator/denominator
    values: dict[str, float] = field(default_factory=dict)  # indicator code -> a value sent without its counts
    rank: int | None = None

    @property
    def state(self) -> str:
        return self.report.state if self.report else NOT_STARTED

    @property
    def state_label(self) -> str:
        return STATES[self.state]

    @property
    def return_reason(self) -> str:
        return self.report.return_reason if self.report and self.state == ReportState.RETURNED else ""

    def ranking_key(self) -> tuple:
        f = self.figures
        return tuple(-(r.percent if r.percent is not None else -1) for r in (f.completion, f.on_time, f.targets_met))


@dataclass
class Block:
    key: str
    label: str
    rows: list[UnitRow]
    figures: Figures

    def count(self, state: str) -> int:
        return sum(row.state == state for row in self.rows)

    @property
    def late(self) -> int:
        return sum(row.late for row in self.rows)


@dataclass(frozen=True)
class Indicator:
    """A figure consolidated city-wide from the accepted reports, against the city's own target when it has one."""

    code: str
    label: str
    unit: str
    value: float | None  # the rate recomputed from the sums, or the summed count
    numerator: float | None
    denominator: float | None
    units_counted: int  # units whose counts went into the value
    units_without_counts: list[str]  # units that sent a rate without numerator and denominator
    goal: str = ""
    attainment: str = ""


@dataclass
class Consolidation:
    period: Period
    rows: list[UnitRow]
    blocks: list[Block]
    city: Figures
    statistics: list[dict]
    indicators: list[Indicator]
    today: dt.date

    @property
    def areas(self) -> list[dict]:
        """Per area, the task and target counts of all accepted reports summed (the shape of a unit's areas)."""
        summed = {
            area.value: {
                "area": area.value,
                "label": area.label,
                "tasks": dict.fromkeys(BUCKETS, 0),
                "targets": dict.fromkeys(ATTAINMENTS, 0),
            }
            for area in Area
        }
        for row in self.rows:
            for area in row.areas:
                into = summed.get(area["area"])
                if into is None:
                    continue
                for part in ("tasks", "targets"):
                    for key in into[part]:
                        into[part][key] += area[part].get(key, 0)
        return list(summed.values())

    def count(self, state: str) -> int:
        return sum(row.state == state for row in self.rows)

    @property
    def late(self) -> list[UnitRow]:
        return [row for row in self.rows if row.late]

    @property
    def returned(self) -> list[UnitRow]:
        return [row for row in self.rows if row.state == ReportState.RETURNED]

    @property
    def submitted(self) -> int:
        return sum(row.state in (ReportState.SUBMITTED, ReportState.ACCEPTED) for row in self.rows)

    @property
    def version_ids(self) -> list[int]:
        return sorted(row.version_id for row in self.rows if row.version_id)


def reporting_units(period: Period):
    """The units that report to Sở Nội vụ for the period: departments, wards, communes and special zones in being
    (DOMAIN.md: the commune reports to Sở Nội vụ) — but not Sở Nội vụ itself, the unit of the city reviewers, which
    receives the reports and writes the city's."""
    overseer = Membership.objects.filter(role=Role.CITY_REVIEWER).values("unit")
    return (
        Unit.objects.filter(kind__in=list(BLOCK_OF))
        .exclude(dissolved_on__lte=period.start)
        .exclude(pk__in=overseer)
        .select_related("parent")
        .order_by("name")
    )


def has_accepted(period: Period) -> bool:
    """Whether any unit's report of the period has been accepted: the city's report is built from nothing else."""
    return ReportVersion.objects.filter(report__period=period, report__state=ReportState.ACCEPTED).exists()


def accepted_figures(period: Period) -> dict[int, dict]:
    """Per unit id: the figures of the latest version of its accepted report for the period (one query; the task
    lists, the heaviest part of a version, are not read)."""
    latest = ReportVersion.objects.filter(report=OuterRef("report")).order_by("-number").values("number")[:1]
    versions = ReportVersion.objects.filter(
        report__period=period, report__state=ReportState.ACCEPTED, number=Subquery(latest)
    ).values("id", "report__unit_id", "content__areas", "content__targets")
    return {row["report__unit_id"]: row for row in versions}


def _unit_indicators(targets: list[dict]) -> tuple[dict[str, Rate], dict[str, float]]:
    """A unit's figure per indicator: its numerator and denominator where sent, else its bare value."""
    rates: dict[str, Rate] = {}
    values: dict[str, float] = {}
    for row in targets or []:
        code = row.get("indicator")
        if not code or row.get("value") is None or code in rates:
            continue
        if row.get("numerator") is not None and row.get("denominator"):
            rates[code] = Rate(row["numerator"], row["denominator"])
            values.pop(code, None)
        else:
            values.setdefault(code, row["value"])
    return rates, values


def _rank(rows: list[UnitRow]) -> None:
    """Competition ranking (1, 2, 2, 4) of the rows with accepted figures."""
    ranked = sorted((row for row in rows if row.figures), key=lambda row: (row.ranking_key(), row.unit.name))
    previous, rank = None, 0
    for i, row in enumerate(ranked, start=1):
        key = row.ranking_key()
        if key != previous:
            rank, previous = i, key
        row.rank = rank


def consolidate(period: Period, today: dt.date | None = None) -> Consolidation:
    today = today or timezone.localdate()
    reports = {r.unit_id: r for r in Report.objects.filter(period=period)}
    figures = accepted_figures(period)
    rows = []
    for unit in reporting_units(period):
        report = reports.get(unit.pk)
        if report is not None:
            report.period = period
        late = report.is_late(today) if report else today > period.due_on
        row = UnitRow(unit=unit, block=BLOCK_OF[unit.kind], report=report, late=late)
        frozen = figures.get(unit.pk)
        if frozen is not None:
            row.areas = frozen["content__areas"] or []
            row.figures = Figures.from_areas(row.areas)
            row.version_id = frozen["id"]
            row.rates, row.values = _unit_indicators(frozen["content__targets"])
        rows.append(row)
    blocks, city = [], Figures()
    for key, label in BLOCK_LABELS.items():
        members = [row for row in rows if row.block == key]
        total = Figures()
        for row in members:
            if row.figures:
                total.add(row.figures)
        _rank(members)
        members.sort(key=lambda row: (row.rank is None, row.rank or 0, row.unit.name))
        blocks.append(Block(key, label, members, total))
        city.add(total)
    indicators = city_indicators(period, rows)
    return Consolidation(
        period=period,
        rows=[row for block in blocks for row in block.rows],
        blocks=blocks,
        city=city,
        statistics=city_statistics(city, indicators),
        indicators=indicators,
        today=today,
    )


def _indicator(code: str, label: str, unit: str, kind: str, rows: list[UnitRow]) -> Indicator:
    with_counts = [row for row in rows if code in row.rates]
    without = [row.unit.name for row in rows if code in row.values]
    if kind == IndicatorKind.COUNT:  # counts add up as they are
        sent = [row.values[code] for row in rows if code in row.values] + [
            row.rates[code].numerator for row in with_counts
        ]
        return Indicator(code, label, unit, sum(sent) if sent else None, None, None, len(sent), [])
    total = sum((row.rates[code] for row in with_counts), Rate())
    return Indicator(
        code,
        label,
        unit,
        total.percent,
        total.numerator if with_counts else None,
        total.denominator if with_counts else None,
        len(with_counts),
        without,
    )


def city_indicators(period: Period, rows: list[UnitRow]) -> list[Indicator]:
    """Every indicator the accepted reports or the city's own targets name, consolidated; the city's targets first."""
    from apps.plans.models import Indicator as Catalogue

    codes = {code for row in rows for code in (*row.rates, *row.values)}
    city_targets = list(
        Target.objects.filter(
            plan__unit__kind=UnitKind.CITY, plan__status=PlanStatus.PUBLISHED, indicator__isnull=False
        ).select_related("indicator", "plan")
    )
    catalogue = {i.code: i for i in Catalogue.objects.filter(code__in=codes | {t.indicator.code for t in city_targets})}
    found = []
    for target in city_targets:
        ind = target.indicator
        base = _indicator(ind.code, target.text, target.unit, ind.kind, rows)
        state = attainment(target, Decimal(str(base.value)), period.end) if base.value is not None else "no_value"
        goal = target.goal
        found.append(replace(base, goal=goal, attainment=state))
    named = {t.indicator.code for t in city_targets}
    for code in sorted(codes - named):
        ind = catalogue.get(code)
        if ind is not None:
            found.append(_indicator(code, ind.name, ind.unit, ind.kind, rows))
    return found


def city_statistics(city: Figures, indicators: list[Indicator]) -> list[dict]:
    """The statistics table of the city's report (the report type in force): task counts summed, indicator rates
    recomputed from the sums."""
    by_code = {i.code: i for i in indicators}
    tasks = {"total": city.total_tasks} | city.tasks
    rows = []
    for stat in current_guidance()[0]:
        value = numerator = denominator = None
        if stat.tasks:
            value = tasks[stat.tasks]
        elif stat.indicator in by_code:
            found = by_code[stat.indicator]
            value, numerator, denominator = found.value, found.numerator, found.denominator
        rows.append(
            {
                "key": stat.key,
                "label": stat.label,
                "unit": stat.unit,
                "value": value,
                "numerator": numerator,
                "denominator": denominator,
            }
        )
    return rows


def as_api(consolidation: Consolidation) -> dict:
    """The consolidation as the API answers it."""

    def unit(row: UnitRow) -> dict:
        f = row.figures
        return {
            "unit": row.unit.pk,
            "unit_name": row.unit.name,
            "block": row.block,
            "block_label": BLOCK_LABELS[row.block],
            "state": row.state,
            "state_label": row.state_label,
            "late": row.late,
            "return_reason": row.return_reason,
            "report": row.report.pk if row.report else None,
            "tasks": dict(f.tasks) if f else None,
            "targets": dict(f.targets) if f else None,
            "completion_rate": f.completion.percent if f else None,
            "targets_met_rate": f.targets_met.percent if f else None,
            "rank": row.rank,
        }

    return {
        "period": consolidation.period.code,
        "due_on": consolidation.period.due_on,
        "submitted": consolidation.submitted,
        "accepted": consolidation.count(ReportState.ACCEPTED),
        "late": len(consolidation.late),
        "returned": len(consolidation.returned),
        "units": [unit(row) for row in consolidation.rows],
        "blocks": [{"block": b.key, "label": b.label, **b.figures.as_dict()} for b in consolidation.blocks],
        "city": consolidation.city.as_dict(),
        "indicators": [
            i.__dict__ | {"units_without_counts": list(i.units_without_counts)} for i in consolidation.indicators
        ],
    }
