"""A city-size data set for measuring speed: 114 commune-level units and 14 departments (the issue's numbers), each
with ~8 agencies and their officers, a published plan of ~80 tasks and ~40 targets, five years of quarterly figures,
~3 updates per task with their audit entries, and the unit's reports for past periods in every state.

Rows are made with the models (``bulk_create`` where the model allows it: no signal or ``save()`` rule is skipped
that matters for these rows; task updates and figures carry the audit entries the services would write) so that the
data looks like what the app itself writes. Deterministic (randomness from string seeds) and idempotent: a unit
whose code is already there is left alone, so running it twice, or with a larger ``units``, adds only what is
missing.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone

from apps.audit.models import AuditEntry, snapshot
from apps.plans.models import Area, Comparator, Indicator, Plan, PlanStatus, Target, Task, TaskState
from apps.reports import services as reports
from apps.reports.models import Report, ReportVersion
from apps.tracking.figures import MEASUREMENT_FIELDS, period_label
from apps.tracking.models import Measurement, Period, TaskUpdate, UpdateStatus
from apps.units import demo
from apps.units.models import Membership, Role, Unit, UnitKind

CODE_PREFIX = "tp-"
CITY_UNITS = 128  # 14 departments + 114 communes, wards and special zones
DEPARTMENTS = 14
YEARS = 5
AGENCY_NAMES = [
    "Văn phòng HĐND và UBND",
    "Phòng Văn hóa - Xã hội",
    "Phòng Kinh tế",
    "Trung tâm Phục vụ hành chính công",
    "Công an",
    "Trung tâm Dịch vụ sự nghiệp công",
    "Phòng Tài chính - Kế hoạch",
    "Ban Chỉ huy Quân sự",
]
DEPARTMENT_AGENCY_NAMES = [
    "Văn phòng Sở",
    "Phòng Tổ chức cán bộ",
    "Thanh tra Sở",
    "Phòng Kế hoạch - Tài chính",
    "Phòng Quản lý chuyên ngành",
    "Phòng Pháp chế",
    "Trung tâm Công nghệ thông tin",
    "Chi cục",
]
TASK_VERBS = [
    "Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền",
    "Tổ chức tập huấn nghiệp vụ cải cách hành chính cho cán bộ",
    "Triển khai tiếp nhận hồ sơ trực tuyến toàn trình",
    "Kiểm tra công tác cải cách hành chính tại các cơ quan",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "Tuyên truyền về cải cách hành chính trên cổng thông tin",
    "Đánh giá mức độ hài lòng của người dân, tổ chức",
    "Rà soát văn bản quy phạm pháp luật",
    "Kiện toàn tổ chức bộ máy, vị trí việc làm",
    "Thực hiện cơ chế tự chủ tài chính của đơn vị sự nghiệp",
]
OUTPUTS = ["Báo cáo", "Kế hoạch", "Quyết định", "Văn bản hướng dẫn", "Hội nghị"]
NOTES = [
    "Đã xây dựng dự thảo, đang lấy ý kiến các cơ quan phối hợp.",
    "Đang triển khai theo kế hoạch, đã hoàn thành phần rà soát.",
    "Đã hoàn thành, có văn bản kèm theo.",
    "Đã ban hành văn bản và triển khai thực hiện.",
]
SOURCE = "Dữ liệu cỡ thành phố (make_city_data)"
REVIEW_DELAY = dt.timedelta(days=2)  # the standing officer decides two days after an item is sent
ITEM_RETURN_REASON = "Đề nghị bổ sung minh chứng và giải trình số liệu so với kỳ trước."
RETURN_REASON = "Đề nghị bổ sung số liệu hồ sơ trực tuyến và nguyên nhân các nhiệm vụ quá hạn."


@dataclass(frozen=True)
class Size:
    units: int = CITY_UNITS
    agencies: int = 8
    tasks: int = 80
    targets: int = 40
    updates: int = 3  # per task, on average (one fewer to one more)
    report_periods: int = 4  # the latest past periods that get a report


@dataclass
class Made:
    created: dict[str, int] = field(default_factory=dict)

    def add(self, what: str, n: int = 1) -> None:
        self.created[what] = self.created.get(what, 0) + n


Say = Callable[[str], None]


@contextmanager
def backdating(*fields: models.DateTimeField) -> Iterator[None]:
    """Let ``bulk_create`` keep the times given (an ``auto_now``/``auto_now_add`` field would overwrite them)."""
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f, _, _ in saved:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, now, now_add in saved:
            f.auto_now, f.auto_now_add = now, now_add


def _moment(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _kind(i: int) -> str:
    if i < DEPARTMENTS:
        return UnitKind.DEPARTMENT
    j = i - DEPARTMENTS
    return UnitKind.SPECIAL_ZONE if j % 57 == 56 else (UnitKind.WARD if j % 5 < 2 else UnitKind.COMMUNE)


def _name(i: int, kind: str) -> str:
    label = {
        UnitKind.DEPARTMENT: "Sở",
        UnitKind.WARD: "Phường",
        UnitKind.COMMUNE: "Xã",
        UnitKind.SPECIAL_ZONE: "Đặc khu",
    }[kind]
    return f"{label} Thử nghiệm {i + 1:03d}"


def make(size: Size = Size(), today: dt.date | None = None, say: Say = print) -> Made:
    """Add the city-size units (and everything under them) that are not there yet."""
    today = today or timezone.localdate()
    made = Made()
    with transaction.atomic():
        base = demo.DemoReport()
        units = demo.ensure_units(base)
        demo.ensure_accounts(units, base)
        for what, n in base.created.items():
            made.add(what, n)
    city = units["hai-phong"]
    reviewer = get_user_model().objects.filter(username="snv.cchc").first()
    years = range(today.year - YEARS + 1, today.year + 1)
    periods = [p for y in years for p in Period.ensure_year(y) if p.end < today]
    periods.sort(key=lambda p: p.end)
    indicators = list(Indicator.objects.filter(owner__isnull=True).order_by("code"))
    password = _password_hash()
    existing = set(Unit.objects.filter(code__startswith=CODE_PREFIX).values_list("code", flat=True))
    for i in range(size.units):
        code = f"{CODE_PREFIX}{i + 1:03d}"
        if code in existing:
            continue
        with transaction.atomic():
            unit = _unit(i, code, city, size, password, made)
            plan = _plan(unit, years, made)
            tasks = _tasks(plan, unit, size, today, made)
            targets = _targets(plan, unit, size, indicators, made)
            _figures(targets, unit, periods, made)
            _updates(tasks, unit, size, today, periods[-1].end if periods else today, made)
        _reports(unit, periods[len(periods) - size.report_periods :], reviewer, i, made)
        if (i + 1) % 16 == 0 or i + 1 == size.units:
            say(f"  {i + 1}/{size.units} đơn vị")
    return made


def _password_hash() -> str:
    """Every generated account shares the demo's password; hashing it once keeps the run fast."""
    user = get_user_model()()
    user.set_password(demo.PASSWORD)
    return user.password


def _unit(i: int, code: str, city: Unit, size: Size, password: str, made: Made) -> Unit:
    kind = _kind(i)
    unit = Unit.objects.create(code=code, name=_name(i, kind), kind=kind, parent=city)
    names = DEPARTMENT_AGENCY_NAMES if kind == UnitKind.DEPARTMENT else AGENCY_NAMES
    agencies = Unit.objects.bulk_create(
        Unit(
            code=f"{code}-cq{j + 1}",
            name=names[j % len(names)] + (f" {j // len(names) + 1}" if j >= len(names) else ""),
            kind=UnitKind.AGENCY,
            parent=unit,
            is_standing_body=(j == (0 if kind == UnitKind.DEPARTMENT else 1)),
        )
        for j in range(size.agencies)
    )
    User = get_user_model()
    people = [User(username=f"{code}.tt", first_name=f"Cán bộ thường trực CCHC {unit.name}", password=password)]
    people += [
        User(username=f"{a.code}.cb", first_name=f"Cán bộ {a.name} – {unit.name}", password=password) for a in agencies
    ]
    people = User.objects.bulk_create(people)
    if people[0].pk is None:  # a database that does not return keys from a bulk insert
        people = list(User.objects.filter(username__in=[p.username for p in people]).order_by("pk"))
    Membership.objects.bulk_create(
        [Membership(user=people[0], unit=unit, role=Role.STANDING_OFFICER)]
        + [Membership(user=p, unit=a, role=Role.AGENCY_OFFICER) for p, a in zip(people[1:], agencies, strict=True)]
    )
    unit.agency_list = agencies
    unit.officers = {None: people[0]} | {a.pk: p for p, a in zip(people[1:], agencies, strict=True)}
    made.add("đơn vị", 1 + len(agencies))
    made.add("tài khoản", len(people))
    return unit


def _plan(unit: Unit, years: range, made: Made) -> Plan:
    start = dt.date(years[0], 1, 1)
    plan = Plan.objects.create(
        unit=unit,
        status=PlanStatus.PUBLISHED,
        number=f"{unit.pk}/KH-UBND",
        title=f"Kế hoạch cải cách hành chính giai đoạn {years[0]}–{years[-1] + 1} của {unit.name}",
        issuer=f"UBND {unit.name}" if unit.kind != UnitKind.DEPARTMENT else unit.name,
        issued_on=start,
        period_start=start,
        period_end=dt.date(years[-1] + 1, 12, 31),
        signer="Nguyễn Văn An",
        signer_title="Chủ tịch",
        published_at=_moment(start),
    )
    made.add("kế hoạch")
    return plan


def _tasks(plan: Plan, unit: Unit, size: Size, today: dt.date, made: Made) -> list[Task]:
    rng = random.Random(f"city|{unit.code}|tasks")
    areas = list(Area.values)
    agencies = unit.agency_list
    rows = []
    for n in range(size.tasks):
        area = areas[n % len(areas)]
        due = plan.period_start + dt.timedelta(days=rng.randint(60, (plan.period_end - plan.period_start).days))
        lead = agencies[rng.randrange(len(agencies))]
        rows.append(
            Task(
                plan=plan,
                position=n,
                section=["I", "II", "III", "IV", "V", "VI", "VII"][n % 7],
                no=str(n // 7 + 1),
                area=area,
                content=f"{TASK_VERBS[n % len(TASK_VERBS)]} (nhiệm vụ {n + 1})",
                lead=lead,
                lead_text=lead.name,
                deadline_text=f"Trước ngày {due:%d/%m/%Y}",
                due_on=due,
                recurring=n % 9 == 0,
                output=rng.choice(OUTPUTS),
            )
        )
    tasks = Task.objects.bulk_create(Task.with_search_text(rows))
    Through = Task.partners.through
    Through.objects.bulk_create(
        Through(task_id=t.pk, unit_id=agencies[(agencies.index(t.lead) + k) % len(agencies)].pk)
        for t in tasks
        for k in range(1, 1 + rng.randint(0, 2))
    )
    made.add("nhiệm vụ", len(tasks))
    return tasks


def _targets(plan: Plan, unit: Unit, size: Size, indicators: list[Indicator], made: Made) -> list[Target]:
    rng = random.Random(f"city|{unit.code}|targets")
    agencies = unit.agency_list
    rows = []
    for n in range(size.targets):
        indicator = indicators[n % len(indicators)] if indicators else None
        is_rate = indicator is None or indicator.unit.strip() == "%"
        rows.append(
            Target(
                plan=plan,
                position=n,
                text=(indicator.name if indicator else "Tỷ lệ hồ sơ giải quyết đúng hạn") + f" ({n + 1})",
                indicator=indicator,
                value=Decimal(rng.choice([80, 85, 90, 95, 100])) if is_rate else Decimal(rng.randint(5, 50)),
                unit="%" if is_rate else (indicator.unit if indicator else ""),
                comparator=Comparator.AT_MOST if n % 13 == 12 else Comparator.AT_LEAST,
                area=(indicator.area if indicator and indicator.area else Area.values[n % len(Area.values)]),
                due_on=plan.period_end,
                agency=agencies[n % len(agencies)],
            )
        )
    targets = Target.objects.bulk_create(Target.with_search_text(rows))
    made.add("chỉ tiêu", len(targets))
    return targets


def _figures(targets: list[Target], unit: Unit, periods: list[Period], made: Made) -> None:
    rows, audit = [], []
    for target in targets:
        rng = random.Random(f"city|{unit.code}|figures|{target.position}")
        author = unit.officers.get(target.agency_id) or unit.officers[None]
        for k, period in enumerate(periods):
            returned = k == len(periods) - 2 and target.position % 8 == 1  # a few of the period before the last
            step = k / max(len(periods) - 1, 1)
            ratio = rng.uniform(0.80, 0.95) + step * rng.uniform(0.05, 0.15)
            value = float(target.value) * (2 - ratio if target.comparator == Comparator.AT_MOST else ratio)
            value = min(value, 100.0) if target.unit == "%" else round(value)
            at = _moment(period.end + dt.timedelta(days=3), 10)
            figure = Measurement(
                target=target,
                period=period,
                period_end=period.end,
                value=Decimal(str(round(value, 2))),
                source=SOURCE,
                entered_by=author,
                entered_at=at,
            )
            if k < len(periods) - 1:  # the last period's figures wait in the queue
                _review(figure, at, unit, returned)
            rows.append(figure)
    with backdating(Measurement._meta.get_field("entered_at")):
        rows = Measurement.objects.bulk_create(rows, batch_size=2000)
    for m in rows:
        label = period_label(m.period)
        audit.append(
            AuditEntry(
                at=m.entered_at,
                user=m.entered_by,
                unit=unit,
                action="measurement.create",
                object_type="tracking.measurement",
                object_id=str(m.pk),
                summary=f"Số liệu {label} của chỉ tiêu “{m.target.text[:120]}”: {m.value:f}{m.target.unit}",
                after=snapshot(m, MEASUREMENT_FIELDS) | {"period": label, "evidence": []},
            )
        )
        if m.status == UpdateStatus.RETURNED:
            audit.append(
                AuditEntry(
                    at=m.reviewed_at,
                    user=m.reviewed_by,
                    unit=unit,
                    action="measurement.return",
                    object_type="tracking.measurement",
                    object_id=str(m.pk),
                    summary=f"Trả lại số liệu {label} của chỉ tiêu “{m.target.text[:100]}”: {m.return_reason}",
                    before={"status": UpdateStatus.SUBMITTED},
                    after={"status": UpdateStatus.RETURNED, "reason": m.return_reason, "period": label},
                )
            )
    with backdating(AuditEntry._meta.get_field("at")):
        AuditEntry.objects.bulk_create(audit, batch_size=2000)
    made.add("số liệu", len(rows))
    made.add("nhật ký", len(audit))


def _review(item: Measurement | TaskUpdate, sent: dt.datetime, unit: Unit, returned: bool) -> None:
    """The standing officer's decision on an item sent before the last period ended: accepted (what the reports
    count), or ``returned`` with a reason. Kept on the row as ``review`` writes it; a return's audit entry is
    written with the item's."""
    item.status = UpdateStatus.RETURNED if returned else UpdateStatus.ACCEPTED
    item.return_reason = ITEM_RETURN_REASON if returned else ""
    item.reviewed_by = unit.officers[None]
    item.reviewed_at = min(sent + REVIEW_DELAY, timezone.now())


def _updates(tasks: list[Task], unit: Unit, size: Size, today: dt.date, cut: dt.date, made: Made) -> None:
    """About ``size.updates`` updates per task ending in the task's current state, each with the audit entry
    ``submit_update`` writes for it. Those sent before ``cut`` (the last period's end) are reviewed: accepted, but
    for one task in five whose first update was returned and sent again (so that the task keeps the state of its
    latest update); the rest wait in the queue."""
    rows, befores, changed = [], [], []
    for task in tasks:
        rng = random.Random(f"city|{unit.code}|updates|{task.position}")
        start = max(task.plan.period_start, task.due_on - dt.timedelta(days=300))
        if start >= today:
            continue
        author = unit.officers.get(task.lead_id) or unit.officers[None]
        late = task.due_on < today
        roll = rng.random()
        outcome = ("done" if roll < 0.7 else "in_progress") if late else ("done" if roll < 0.2 else "in_progress")
        until = min(today, task.due_on + dt.timedelta(days=30))
        days = sorted(
            start + dt.timedelta(days=rng.randint(0, max((until - start).days, 0)))
            for _ in range(rng.randint(max(1, size.updates - 1), size.updates + 1))
        )
        progress = 0
        before = {"state": task.state, "progress": task.progress, "completed_on": None}
        for k, day in enumerate(days):
            last = k == len(days) - 1
            state = TaskState.DONE if last and outcome == "done" else TaskState.IN_PROGRESS
            progress = 100 if state == TaskState.DONE else min(90, progress + rng.choice([20, 30, 40]))
            completed = day if state == TaskState.DONE else None
            update = TaskUpdate(
                task=task,
                author=author,
                created_at=_moment(day, 9 + k),
                state=state,
                progress=progress,
                comment=rng.choice(NOTES),
                completed_on=completed,
            )
            if day < cut:
                _review(update, update.created_at, unit, returned=k == 0 and not last and task.position % 5 == 3)
            rows.append(update)
            befores.append(before)
            if update.status == UpdateStatus.RETURNED:
                progress = before["progress"]  # the return took the task back; the next update starts from there
                continue
            before = {"state": state, "progress": progress, "completed_on": completed and completed.isoformat()}
        last_update = rows[-1]
        task.state, task.progress, task.completed_on = last_update.state, last_update.progress, last_update.completed_on
        changed.append(task)
    with backdating(TaskUpdate._meta.get_field("created_at")):
        rows = TaskUpdate.objects.bulk_create(rows, batch_size=2000)
    audit = []
    for update, before in zip(rows, befores, strict=True):
        task = update.task
        completed = update.completed_on and update.completed_on.isoformat()
        audit.append(
            AuditEntry(
                at=update.created_at,
                user=update.author,
                unit=unit,
                action="task.update",
                object_type="plans.task",
                object_id=str(task.pk),
                summary=f"Cập nhật nhiệm vụ {task.section}.{task.no}: {update.get_state_display()} "
                f"({update.progress}%)",
                before=before,
                after={"state": update.state, "progress": update.progress, "completed_on": completed}
                | {"update": update.pk, "comment": update.comment, "evidence": []},
            )
        )
        if update.status == UpdateStatus.RETURNED:
            reason = update.return_reason
            audit.append(
                AuditEntry(
                    at=update.reviewed_at,
                    user=update.reviewed_by,
                    unit=unit,
                    action="task.update.return",
                    object_type="plans.task",
                    object_id=str(task.pk),
                    summary=f"Trả lại cập nhật nhiệm vụ {task.section}.{task.no}: {reason}",
                    before={"state": update.state, "progress": update.progress, "completed_on": completed},
                    after=before | {"update": update.pk, "reason": reason, "was": UpdateStatus.SUBMITTED},
                )
            )
    with backdating(AuditEntry._meta.get_field("at")):
        AuditEntry.objects.bulk_create(audit, batch_size=2000)
    Task.objects.bulk_update(changed, ["state", "progress", "completed_on"], batch_size=500)
    made.add("cập nhật nhiệm vụ", len(rows))
    made.add("nhật ký", len(audit))


def _reports(unit: Unit, periods: list[Period], reviewer, i: int, made: Made) -> None:
    """The unit's reports for the latest past periods, through the reports' own workflow: most accepted, one
    returned with a reason, the latest waiting for review, and one unit in eight still drafting it."""
    officer = unit.officers[None]
    for k, period in enumerate(periods):
        if Report.objects.filter(unit=unit, period=period).exists():
            continue
        draft, _ = reports.open_draft(unit, period, officer)
        made.add("báo cáo")
        latest = k == len(periods) - 1
        if latest and i % 8 == 1:
            continue  # still a draft
        reports.submit(draft, officer)
        sent = _moment(period.due_on - dt.timedelta(days=2 if (i + k) % 5 else -3))
        Report.objects.filter(pk=draft.pk).update(submitted_at=sent, first_submitted_at=sent)
        ReportVersion.objects.filter(report=draft).update(submitted_at=sent)
        if latest or reviewer is None:
            continue  # submitted, waiting for review
        if k == len(periods) - 2 and i % 3 == 0:
            reports.return_report(draft, reviewer, RETURN_REASON)
        else:
            reports.accept(draft, reviewer)
