"""The numbers on the dashboards, counted by the database.

``report_status`` is Task.report_status() as a SQL expression, so a whole city's tasks are counted by status,
area, agency or unit in one query; a test holds the two definitions together."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.lookups import Exact
from django.utils import timezone

from apps.plans.models import Area, Comparator, ReportStatus, Target, Task, TaskState, in_force
from apps.tracking.models import Measurement, TaskUpdate, UpdateStatus
from apps.units.models import BLOCKS, GOVERNING_KINDS, Unit, UnitKind

DONE = (ReportStatus.DONE_ON_TIME, ReportStatus.DONE_LATE)
DUE_SOON_DAYS = 14


class _Sql(Func):
    """A CASE written out as SQL around its compiled columns. Django compiles a Case of Whens node by node, and a
    Case that names another (the status names the deadline three times) again for every reference, in the SELECT,
    the WHERE and the GROUP BY: ~2.5 ms of CPU a query, three queries a dashboard; written out here it is the same
    SQL, put together in microseconds. ``case`` gets each source as its ``(sql, params)``."""

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = self.case(*(compiler.compile(e) for e in self.get_source_expressions()))
        return sql, tuple(params)


class _Due(_Sql):
    """The deadline that applies on ``today``: Task.current_due() — a yearly task's is the year's end at the latest."""

    output_field = DateField()

    def __init__(self, today: dt.date):
        super().__init__(F("due_on"), F("recurring"), Value(dt.date(today.year, 12, 31), output_field=DateField()))

    @staticmethod
    def case(due_on, recurring, year_end):
        (due, p_due), (yearly, p_yearly), (end, p_end) = due_on, recurring, year_end
        sql = f"CASE WHEN ({yearly} AND {due} < {end}) THEN {due} WHEN {yearly} THEN {end} ELSE {due} END"
        return sql, [*p_yearly, *p_due, *p_end, *p_due, *p_yearly, *p_end, *p_due]


class _Status(_Sql):
    """Task.report_status() on ``today`` (a ReportStatus value), from the ``due`` annotation. ``started``: None to
    count tasks as they stand now, else an expression telling whether a task was in progress at the end of
    ``today`` (then a task is done only when completed by then)."""

    output_field = CharField()

    def __init__(self, today: dt.date, started=None):
        day = Value(today, output_field=DateField())
        super().__init__(F("state"), F("completed_on"), F("due"), day, *([started] if started is not None else []))

    @staticmethod
    def case(state, completed_on, due, today, started=None):
        (state, p_state), (completed, p_completed), (due, p_due), (day, p_day) = state, completed_on, due, today
        done, p_done = f"{state} = %s", [*p_state, TaskState.DONE.value]
        if started is not None:  # as of the end of a past day
            done, p_done = f"({done} AND {completed} <= {day})", [*p_done, *p_completed, *p_day]
            in_progress, p_in_progress = started
        else:
            in_progress, p_in_progress = f"{state} = %s", [*p_state, TaskState.IN_PROGRESS.value]
        sql = (
            f"CASE WHEN ({done} AND {completed} > {due}) THEN %s WHEN {done} THEN %s WHEN {due} < {day} THEN %s "
            f"WHEN {in_progress} THEN %s ELSE %s END"
        )
        params = [*p_done, *p_completed, *p_due, ReportStatus.DONE_LATE.value, *p_done, ReportStatus.DONE_ON_TIME.value]
        params += [*p_due, *p_day, ReportStatus.OVERDUE.value, *p_in_progress, ReportStatus.IN_PROGRESS.value]
        return sql, [*params, ReportStatus.NOT_STARTED.value]


def with_status(tasks: QuerySet, today: dt.date, as_of: bool = False) -> QuerySet:
    """Tasks annotated with ``due`` (the deadline that applies today) and ``status`` (a ReportStatus value).

    ``as_of=True`` counts them as they stood at the end of ``today``, a day in the past (a dashboard "as of" the
    end of a period): done when completed by then, in progress when an update not returned had been posted by
    then, overdue when not completed by then and its deadline was passed."""
    started = None
    if as_of:
        day_after = timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=1), dt.time()))
        started = Exists(
            TaskUpdate.objects.filter(task=OuterRef("pk"), created_at__lt=day_after)
            .exclude(state=TaskState.NOT_STARTED)
            .exclude(status=UpdateStatus.RETURNED)
        )
    return tasks.annotate(due=_Due(today)).annotate(status=_Status(today, started))


def count_by(tasks: QuerySet, fields: tuple[str, ...], today: dt.date, as_of: bool = False) -> dict[tuple, dict]:
    """{values of ``fields``: {status: n, ..., 'total': n}}, in one GROUP BY: the status expression is computed
    once a row, where a filtered count per status would compute it once per status."""
    out: dict[tuple, dict] = {}
    for row in with_status(tasks, today, as_of).order_by().values(*fields, "status").annotate(n=Count("pk")):
        counts = out.setdefault(tuple(row[f] for f in fields), {"total": 0})
        counts[row["status"]] = row["n"]
        counts["total"] += row["n"]
    return out


def _sum_by(counts: dict[tuple, dict], index: int | None) -> dict:
    """The counts of ``count_by`` summed over all fields but the one at ``index`` (None: over all of them)."""
    out: dict = {}
    for key, row in counts.items():
        summed = out.setdefault(key[index] if index is not None else None, {})
        for status, n in row.items():
            summed[status] = summed.get(status, 0) + n
    return out


@dataclass
class StatusRow:
    key: object
    label: str
    counts: dict = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.counts.get("total", 0)

    @property
    def done(self) -> int:
        return sum(self.counts.get(s, 0) for s in DONE)

    @property
    def overdue(self) -> int:
        return self.counts.get(ReportStatus.OVERDUE, 0)

    @property
    def done_percent(self) -> float:
        return round(self.done / self.total * 100, 1) if self.total else 0.0

    @property
    def by_status(self) -> dict:
        return {s: self.counts.get(s, 0) for s in ReportStatus.values}


def published_tasks(unit_ids, as_of: dt.date | None = None) -> QuerySet:
    """The tasks of the plans in force now, or at the end of the day ``as_of``."""
    return Task.objects.filter(in_force(as_of, "plan__"), plan__unit_id__in=unit_ids)


def by_area(counts: dict[tuple, dict]) -> list[StatusRow]:
    """Rows per area from the counts by (area, lead)."""
    rows = _sum_by(counts, 0)
    out = [StatusRow(a.value, a.label, rows[a.value]) for a in Area if a.value in rows]
    if "" in rows:
        out.append(StatusRow("", "Chưa xếp lĩnh vực", rows[""]))
    return out


def by_agency(counts: dict[tuple, dict]) -> list[StatusRow]:
    """Rows per lead agency from the counts by (area, lead)."""
    rows = _sum_by(counts, 1)
    names = dict(Unit.objects.filter(pk__in=[lead for lead in rows if lead]).values_list("pk", "name"))
    out = sorted((StatusRow(k, names.get(k, ""), r) for k, r in rows.items() if k), key=lambda r: r.label)
    out += [StatusRow(None, "Chưa xác định cơ quan chủ trì", r) for k, r in rows.items() if not k]
    return out


def total(counts: dict[tuple, dict]) -> StatusRow:
    return StatusRow(None, "Tổng", _sum_by(counts, None).get(None, {}))


def overdue(tasks: QuerySet, today: dt.date, limit: int = 50, as_of: bool = False) -> list[Task]:
    rows = with_status(tasks, today, as_of).filter(status=ReportStatus.OVERDUE).select_related("lead", "plan")
    return list(rows.order_by("due", "plan_id", "position")[:limit])


def due_soon(
    tasks: QuerySet, today: dt.date, days: int = DUE_SOON_DAYS, limit: int = 50, as_of: bool = False
) -> list[Task]:
    rows = with_status(tasks, today, as_of).exclude(status__in=DONE)
    rows = rows.filter(due__gte=today, due__lte=today + dt.timedelta(days=days)).select_related("lead", "plan")
    return list(rows.order_by("due", "plan_id", "position")[:limit])


# --- targets met, per unit, in one query ----------------------------------------------------------------------


def targets_met_by_unit(unit_ids=None, as_of: dt.date | None = None) -> dict[int, dict]:
    """{unit id: {'total': n, 'measured': n, 'met': n}} over targets of the plans in force (latest value; with
    ``as_of``, of the plans in force at the end of that day and the latest of the periods ended by then). The
    latest figure is one step of the index on (target, period end), and whether it meets the goal
    (Target.is_met_by) is told by the database: 1, 0, or NULL without a figure."""
    goal = OuterRef("value")
    met = Case(
        When(Exact(OuterRef("comparator"), Comparator.AT_MOST), then=Case(When(value__lte=goal, then=1), default=0)),
        When(value__gte=goal, then=1),
        default=0,
        output_field=IntegerField(),
    )
    latest = Measurement.objects.filter(target=OuterRef("pk"))
    if as_of is not None:
        latest = latest.filter(period_end__lte=as_of)
    latest = latest.order_by("-period_end").annotate(met=met).values("met")[:1]
    rows = Target.objects.filter(in_force(as_of, "plan__"))
    if unit_ids is not None:
        rows = rows.filter(plan__unit_id__in=unit_ids)
    out: dict[int, dict] = {}
    for unit_id, is_met in rows.order_by().annotate(met=Subquery(latest)).values_list("plan__unit_id", "met"):
        row = out.setdefault(unit_id, {"total": 0, "measured": 0, "met": 0})
        row["total"] += 1
        if is_met is not None:
            row["measured"] += 1
            row["met"] += is_met
    return out


@dataclass
class UnitRow:
    unit: Unit
    tasks: StatusRow
    targets: dict

    @property
    def targets_met_percent(self) -> float:
        t = self.targets.get("total", 0)
        return round(self.targets.get("met", 0) / t * 100, 1) if t else 0.0


def city_rows(today: dt.date, as_of: bool = False) -> list[tuple[str, list[UnitRow]]]:
    """Every governing unit side by side, in the blocks they are ranked in: tasks done, overdue, targets met
    (with ``as_of``, as they stood at the end of ``today``)."""
    units = list(Unit.objects.filter(kind__in=GOVERNING_KINDS, dissolved_on__isnull=True).exclude(kind=UnitKind.CITY))
    ids, day = [u.pk for u in units], today if as_of else None
    tasks = _sum_by(count_by(published_tasks(ids, day), ("plan__unit",), today, as_of), 0)
    targets = targets_met_by_unit(ids, day)
    blocks = []
    for _, title, kinds in BLOCKS:
        rows = [
            UnitRow(u, StatusRow(u.pk, u.name, tasks.get(u.pk, {})), targets.get(u.pk, {}))
            for u in sorted(units, key=lambda u: u.name)
            if u.kind in kinds
        ]
        if rows:
            blocks.append((title, rows))
    return blocks
