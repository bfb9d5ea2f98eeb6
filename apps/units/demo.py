"""Demo data: the units, accounts, the five seed plans and a year of plausible activity.

Every step is idempotent (rows are found by their natural key and left alone when present) and deterministic
(randomness comes from string seeds), so ``load_demo`` run twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from apps.audit.models import record, snapshot
from apps.imports.models import ImportRun
from apps.imports.services import import_file, plan_document, publish
from apps.plans import bulk
from apps.plans.models import Comparator, Plan, PlanStatus, Target, Task, TaskState
from apps.reports.demo import add_reports
from apps.surveys.demo import add_survey_responses
from apps.tracking.demo import accept_earlier_work
from apps.tracking.models import Measurement, Period, TaskUpdate
from apps.tracking.services import return_update, submit_update
from apps.units.models import Membership, Role, Unit, UnitKind
from importer.sections import LETTER
from importer.task_blocks import task_paragraph_nodes

PASSWORD = "demo12345"
SEEDS_DIR = Path(settings.BASE_DIR) / "tests" / "fixtures" / "seeds"
DEMO_SOURCE = "Dữ liệu minh họa (demo)"


@dataclass(frozen=True)
class UnitDef:
    code: str
    name: str
    kind: str
    parent: str | None = None
    short_name: str = ""
    standing: bool = False
    aliases: tuple[str, ...] = ()


def commune_agencies(slug: str, service_centre: str = "Trung tâm Dịch vụ sự nghiệp công") -> list[UnitDef]:
    """The agencies of a commune's People's Committee (DOMAIN.md)."""
    agency = UnitKind.AGENCY
    centre_aliases = (
        ("Trung tâm Dịch vụ Sự nghiệp công", "Trung tâm sự nghiệp công", "Trung tâm DVSNC")
        if service_centre.startswith("Trung tâm Dịch vụ")
        else ("Trung tâm Văn hóa - Thể thao và Truyền thông", "Trung tâm VH-TT-TT")
    )
    return [
        UnitDef(
            f"{slug}-vp",
            "Văn phòng HĐND và UBND",
            agency,
            slug,
            aliases=(
                "Văn phòng HĐND&UBND",
                "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
                "Văn phòng HĐND và UBND xã",
            ),
        ),
        UnitDef(f"{slug}-kt", "Phòng Kinh tế", agency, slug),
        UnitDef(
            f"{slug}-vhxh",
            "Phòng Văn hóa - Xã hội",
            agency,
            slug,
            standing=True,
            aliases=("Phòng Văn hóa – Xã hội", "Phòng VH-XH"),
        ),
        UnitDef(
            f"{slug}-pvhcc",
            "Trung tâm Phục vụ hành chính công",
            agency,
            slug,
            aliases=("Trung tâm PVHCC", "Bộ phận Một cửa"),
        ),
        UnitDef(f"{slug}-ca", "Công an xã", agency, slug),
        UnitDef(f"{slug}-ttdv", service_centre, agency, slug, aliases=centre_aliases),
    ]


UNITS: list[UnitDef] = [
    UnitDef("hai-phong", "Thành phố Hải Phòng", UnitKind.CITY, short_name="Hải Phòng"),
    UnitDef("so-noi-vu", "Sở Nội vụ", UnitKind.DEPARTMENT, "hai-phong", aliases=("Sở Nội vụ thành phố Hải Phòng",)),
    UnitDef(
        "so-ngoai-vu", "Sở Ngoại vụ", UnitKind.DEPARTMENT, "hai-phong", aliases=("Sở Ngoại vụ thành phố Hải Phòng",)
    ),
    UnitDef("so-ngoai-vu-vp", "Văn phòng Sở", UnitKind.AGENCY, "so-ngoai-vu", standing=True),
    UnitDef("so-ngoai-vu-htqt", "Phòng Hợp tác quốc tế", UnitKind.AGENCY, "so-ngoai-vu"),
    UnitDef("so-ngoai-vu-ls", "Phòng Lãnh sự", UnitKind.AGENCY, "so-ngoai-vu"),
    UnitDef("ke-sat", "Xã Kẽ Sắt", UnitKind.COMMUNE, "hai-phong", short_name="Kẽ Sắt"),
    *commune_agencies("ke-sat"),
    UnitDef("hung-thang", "Xã Hưng Thắng", UnitKind.COMMUNE, "hai-phong", short_name="Hưng Thắng"),
    *commune_agencies("hung-thang"),
    UnitDef("mao-dien", "Xã Mao Điền", UnitKind.COMMUNE, "hai-phong", short_name="Mao Điền"),
    *commune_agencies("mao-dien", "Trung tâm Văn hóa, Thể thao và Truyền thông"),
]


@dataclass(frozen=True)
class AccountDef:
    username: str
    full_name: str
    unit: str
    role: str
    superuser: bool = False


ACCOUNTS: list[AccountDef] = [
    AccountDef("kesat.vhxh", "Cán bộ thường trực CCHC xã Kẽ Sắt", "ke-sat", Role.STANDING_OFFICER),
    AccountDef("maodien.vhxh", "Cán bộ thường trực CCHC xã Mao Điền", "mao-dien", Role.STANDING_OFFICER),
    AccountDef("hungthang.vhxh", "Cán bộ thường trực CCHC xã Hưng Thắng", "hung-thang", Role.STANDING_OFFICER),
    AccountDef("songoaivu.vp", "Cán bộ Văn phòng Sở Ngoại vụ", "so-ngoai-vu", Role.STANDING_OFFICER),
    # a commune's leader reads all of the commune (its plans, tasks, reports) and changes nothing
    AccountDef("kesat.ld", "Lãnh đạo UBND xã Kẽ Sắt", "ke-sat", Role.LEADER),
    AccountDef("maodien.ld", "Lãnh đạo UBND xã Mao Điền", "mao-dien", Role.LEADER),
    AccountDef("hungthang.ld", "Lãnh đạo UBND xã Hưng Thắng", "hung-thang", Role.LEADER),
    AccountDef("maodien.pvhcc", "Cán bộ Trung tâm PVHCC xã Mao Điền", "mao-dien-pvhcc", Role.AGENCY_OFFICER),
    AccountDef("snv.cchc", "Cán bộ thẩm định CCHC Sở Nội vụ", "so-noi-vu", Role.CITY_REVIEWER),
    AccountDef("admin", "Quản trị hệ thống", "hai-phong", Role.ADMINISTRATOR, superuser=True),
]

# seed file prefix → the unit that issued it (003 replaces 000, so it is published after it)
SEED_UNITS: list[tuple[str, str]] = [
    ("000", "ke-sat"),
    ("001", "hung-thang"),
    ("002", "so-ngoai-vu"),
    ("003", "ke-sat"),
    ("004", "mao-dien"),
]


@dataclass
class DemoReport:
    created: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add(self, what: str, n: int = 1) -> None:
        self.created[what] = self.created.get(what, 0) + n


Say = Callable[[str], None]


# --- units and accounts ----------------------------------------------------------------------------------


def ensure_units(report: DemoReport) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for d in UNITS:
        unit, created = Unit.objects.get_or_create(
            code=d.code,
            defaults={
                "name": d.name,
                "short_name": d.short_name,
                "kind": d.kind,
                "parent": units.get(d.parent) if d.parent else None,
                "is_standing_body": d.standing,
                "aliases": "\n".join(d.aliases),
            },
        )
        if created:
            report.add("đơn vị")
            record(None, "unit.create", unit, unit, after=snapshot(unit), summary=f"Tạo đơn vị {unit.name} (demo)")
        units[d.code] = unit
    return units


def ensure_accounts(units: dict[str, Unit], report: DemoReport) -> dict[str, object]:
    User = get_user_model()
    users = {}
    for d in ACCOUNTS:
        user = User.objects.filter(username=d.username).first()
        if user is None:
            user = User(username=d.username, email=f"{d.username}@example.vn", first_name=d.full_name)
            user.is_staff = user.is_superuser = d.superuser
            user.set_password(PASSWORD)
            user.save()
            report.add("tài khoản")
        _, created = Membership.objects.get_or_create(user=user, unit=units[d.unit], role=d.role)
        if created:
            report.add("vai trò")
        users[d.username] = user
    return users


def standing_officer(unit: Unit):
    m = Membership.objects.filter(unit=unit.governing_unit, role=Role.STANDING_OFFICER).select_related("user")
    first = m.order_by("pk").first()
    return first.user if first else None


# --- plans -----------------------------------------------------------------------------------------------


def seed_path(prefix: str) -> Path:
    matches = sorted(SEEDS_DIR.glob(f"{prefix}_*.txt"))
    if not matches:
        raise FileNotFoundError(f"Không thấy tệp kế hoạch mẫu {prefix}_*.txt trong {SEEDS_DIR}")
    return matches[0]


def import_seeds(units: dict[str, Unit], report: DemoReport, say: Say) -> list[Plan]:
    """Import and publish the five seed plans; a seed already imported for its unit is not imported again."""
    plans = []
    for prefix, code in SEED_UNITS:
        unit, path = units[code], seed_path(prefix)
        user = standing_officer(unit)
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        run = ImportRun.objects.filter(unit=unit, sha256=sha, plan__isnull=False).order_by("-created_at").first()
        try:
            if run is None:
                run = import_file(unit, path, user, original_name=f"Kế hoạch CCHC {unit.name} (mẫu {prefix}).txt")
                report.add("lượt nhập kế hoạch")
            if run.plan is None:
                report.warnings.append(f"Không nhập được {path.name}: {run.error or run.get_status_display()}")
                continue
            plan = run.plan
            if plan.status == PlanStatus.DRAFT:
                plan = publish(plan, user)
                report.add("kế hoạch ban hành")
        except ValidationError as exc:
            report.warnings.append(f"Không ban hành được {path.name}: {' '.join(exc.messages)}")
            continue
        except NotImplementedError:
            report.warnings.append("Chức năng nhập/ban hành kế hoạch chưa sẵn sàng: bỏ qua bước nhập kế hoạch mẫu.")
            return plans
        say(f"  {path.name} → {unit.name}: {plan.number or plan.title[:60]} ({plan.get_status_display()})")
        plans.append(plan)
    return plans


def add_prose_plan_tasks(plans: list[Plan], report: DemoReport) -> None:
    """A plan written as prose (Kẽ Sắt's 003) comes in without tasks; its standing officer adds them with the bulk
    task add from the plan's paragraphs: the lettered items of its task part (the dashes under them are their
    details), under the reform area each is written in. A plan that has tasks is left alone."""
    for plan in plans:
        if plan.tasks.exists() or (document := plan_document(plan)) is None:
            continue
        nodes = [n for n in task_paragraph_nodes(document) if n.paragraph.level == LETTER]
        if nodes:
            made = bulk.create_tasks(plan, bulk.parse_rows(bulk.area_lines(nodes)), standing_officer(plan.unit))
            report.add("nhiệm vụ thêm từ các đoạn của kế hoạch", len(made))


# --- a year of activity ----------------------------------------------------------------------------------

TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

IN_PROGRESS_NOTES = [
    "Đã xây dựng dự thảo, đang lấy ý kiến các cơ quan phối hợp.",
    "Đang triển khai theo kế hoạch, đã hoàn thành phần rà soát.",
    "Đã giao cán bộ phụ trách, đang tổng hợp số liệu.",
    "Đang phối hợp với các cơ quan liên quan thực hiện.",
]
DONE_NOTES = [
    "Đã hoàn thành, có văn bản kèm theo.",
    "Đã ban hành văn bản và triển khai thực hiện.",
    "Đã hoàn thành, báo cáo kết quả gửi cơ quan thường trực.",
]
RETURN_REASON = "Chưa có văn bản minh chứng kèm theo; đề nghị bổ sung báo cáo kết quả trước khi xác nhận hoàn thành."


def _agency_officer(agency_id: int | None):
    if agency_id is None:
        return None
    m = Membership.objects.filter(unit_id=agency_id, role=Role.AGENCY_OFFICER).select_related("user").order_by("pk")
    first = m.first()
    return first.user if first else None


def _between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    if end <= start:
        return start
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def _backdate(update, day: dt.date) -> None:
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(9, 30)))
    type(update).objects.filter(pk=update.pk).update(created_at=moment)


def simulate_task(task: Task, author, today: dt.date, evidence: bool) -> str | None:
    """Give a task plausible updates up to today; the outcome depends only on the plan, the task and today."""
    rng = random.Random(f"demo|{task.plan.number}|{task.plan.title}|{task.position}|{task.section}|{task.no}")
    due = task.current_due(today)
    start = task.due_start or task.plan.period_start or task.plan.issued_on
    if due is None or start is None or start > today:
        return None
    start = max(start, today - dt.timedelta(days=365))
    roll = rng.random()
    if due < today:
        outcome = "on_time" if roll < 0.55 else ("late" if roll < 0.75 else "overdue")
    else:
        outcome = "early" if roll < 0.25 else ("in_progress" if roll < 0.7 else None)
    if outcome is None:
        return None
    first_day = _between(rng, start, min(today, due) - dt.timedelta(days=1))
    if outcome == "on_time":
        done_day = _between(rng, first_day, min(due, today))
    elif outcome == "late":
        done_day = _between(rng, due + dt.timedelta(days=1), min(today, due + dt.timedelta(days=45)))
    elif outcome == "early":
        done_day = _between(rng, first_day, today)
    else:
        done_day = None
    if done_day is None or done_day > first_day:
        update = submit_update(
            task,
            author,
            state=TaskState.IN_PROGRESS,
            progress=rng.choice([20, 30, 40, 50, 60, 70]),
            comment=rng.choice(IN_PROGRESS_NOTES),
            today=first_day,
        )
        _backdate(update, first_day)
    if done_day is not None:
        files = [SimpleUploadedFile("bao-cao-ket-qua.pdf", TINY_PDF, "application/pdf")] if evidence else []
        update = submit_update(
            task,
            author,
            state=TaskState.DONE,
            comment=rng.choice(DONE_NOTES),
            completed_on=done_day,
            files=files,
            today=done_day,
        )
        _backdate(update, done_day)
    return outcome


def add_task_updates(plans: list[Plan], today: dt.date, report: DemoReport) -> None:
    returned = False
    for plan in plans:
        if plan.status != PlanStatus.PUBLISHED:
            continue
        with transaction.atomic():  # one commit per plan keeps a file database quick
            returned = _animate_plan(plan, today, report, returned)


def _animate_plan(plan: Plan, today: dt.date, report: DemoReport, returned: bool) -> bool:
    standing = standing_officer(plan.unit)
    officers: dict[int | None, object] = {}
    updated = set(TaskUpdate.objects.filter(task__plan=plan).values_list("task_id", flat=True))
    for task in plan.tasks.select_related("plan", "plan__unit", "lead").order_by("position", "pk"):
        if task.pk in updated:
            continue
        if task.lead_id not in officers:
            officers[task.lead_id] = _agency_officer(task.lead_id)
        is_agency_author = officers[task.lead_id] is not None
        author = officers[task.lead_id] or standing
        if author is None:
            continue
        outcome = simulate_task(task, author, today, evidence=is_agency_author)
        if outcome is None:
            continue
        report.add("nhiệm vụ có cập nhật")
        if not returned and is_agency_author and task.state == TaskState.IN_PROGRESS:
            # an agency officer reports it done without proof; the standing officer sends it back
            with transaction.atomic():
                day = today - dt.timedelta(days=2)
                update = submit_update(
                    task, author, state=TaskState.DONE, comment="Đã hoàn thành.", completed_on=day, today=day
                )
                _backdate(update, day)
                return_update(update, standing, RETURN_REASON, today=today)
            report.add("cập nhật bị trả lại")
            returned = True
    return returned


def _periods_for(plan: Plan, today: dt.date):
    periods = []
    for year in (today.year - 1, today.year):
        for period in Period.ensure_year(year):
            if period.end > today or period.end < today - dt.timedelta(days=366):
                continue
            if plan.period_end and period.start > plan.period_end:
                continue
            if plan.period_start and period.end < plan.period_start:
                continue
            periods.append(period)
    return sorted(periods, key=lambda p: (p.end, p.start))


def _value(target: Target, rng: random.Random, step: float) -> Decimal:
    """A value near the target that improves over the year (``step`` from 0 to 1)."""
    ratio = rng.uniform(0.82, 0.96) + step * rng.uniform(0.05, 0.14)
    value = float(target.value) * (2 - ratio if target.comparator == Comparator.AT_MOST else ratio)
    if target.unit.strip() == "%":
        value = min(value, 100.0)
    return Decimal(str(round(max(value, 0.0), 2 if target.unit.strip() == "%" else 0)))


def add_measurements(plans: list[Plan], today: dt.date, report: DemoReport) -> None:
    for plan in plans:
        if plan.status != PlanStatus.PUBLISHED:
            continue
        periods = _periods_for(plan, today)
        if not periods:
            continue
        with transaction.atomic():  # one commit per plan
            for target in plan.targets.select_related("agency").order_by("position", "pk"):
                rng = random.Random(f"demo|{plan.number}|{plan.title}|target|{target.position}|{target.text[:80]}")
                user = _author_for_target(target)
                for i, period in enumerate(periods):
                    step = i / (len(periods) - 1) if len(periods) > 1 else 1.0
                    value = _value(target, rng, step)
                    if Measurement.objects.filter(target=target, period=period).exists():
                        continue
                    with transaction.atomic():
                        m = Measurement.objects.create(
                            target=target, period=period, value=value, source=DEMO_SOURCE, entered_by=user
                        )
                        record(
                            user,
                            "measurement.create",
                            m,
                            plan.unit,
                            after=snapshot(m),
                            summary=f"Nhập số liệu {period}: {value} (demo)",
                        )
                    report.add("số liệu kỳ báo cáo")


def _author_for_target(target: Target):
    return _agency_officer(target.agency_id) or standing_officer(target.plan.unit)


# --- all of it -------------------------------------------------------------------------------------------


def load(say: Say = print, today: dt.date | None = None) -> DemoReport:
    today = today or timezone.localdate()
    report = DemoReport()
    with transaction.atomic():
        units = ensure_units(report)
        ensure_accounts(units, report)
    say("Kế hoạch mẫu:")
    imported = import_seeds(units, report, say)
    # 003 replaces 000 when published: only plans still in force get activity
    plans = list(Plan.objects.filter(pk__in=[p.pk for p in imported], status=PlanStatus.PUBLISHED).order_by("pk"))
    add_prose_plan_tasks(plans, report)
    add_task_updates(plans, today, report)
    add_measurements(plans, today, report)
    accept_earlier_work(today, report)
    add_reports(plans, today, report)
    add_survey_responses(today, report)
    return report
