"""The world of the permission matrix: the cast of tests/web/conftest.py plus an administrator and, for each
kind of object, one row per variant — of the agency officer's own agency, of another agency of Kẽ Sắt, of
another commune (Mao Điền) — so every page and API operation can be asked about each.

``Person`` and ``Variant`` carry the facts the rules of test_permission_matrix read; they restate who holds
which role where, independently of ``apps.units.access``, so the matrix checks Access instead of copying it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile

from apps.imports.models import ImportRun, RunStatus
from apps.par import frameworks as par_frameworks
from apps.par import services as par_services
from apps.plans.models import Area, Plan, PlanStatus, Target, Task
from apps.reports.models import CityDocument, CityReport, CityState, RenderState
from apps.reports.services import open_draft
from apps.surveys.models import Questionnaire, Response
from apps.tracking.models import Evidence, Measurement, Notification, Period, PeriodKind, TaskUpdate
from apps.units.models import Membership, Role, Unit, UnitKind

PASSWORD = "demo12345"


@dataclass(frozen=True)
class Person:
    key: str
    username: str = ""
    role: str = ""
    at: str = ""  # the unit (key of World.units) the role is held at
    sees: frozenset[str] | None = frozenset()  # governing units whose plans they read; None: every unit
    manages: frozenset[str] = frozenset()  # governing units they are the standing officer of
    agency: str = ""  # the agency whose tasks and figures they update
    city: bool = False  # reads every unit (reviewer, administrator)

    @property
    def anonymous(self) -> bool:
        return not self.username


KE_SAT = frozenset({"kesat"})

# the eight roles of issue 8, in the order the matrix reports them
PEOPLE = [
    Person("standing officer", "kesat.vhxh", Role.STANDING_OFFICER, "kesat", KE_SAT, manages=KE_SAT),
    Person("agency officer", "kesat.pvhcc", Role.AGENCY_OFFICER, "pvhcc", KE_SAT, agency="pvhcc"),
    Person("other agency officer", "kesat.vp", Role.AGENCY_OFFICER, "vanphong", KE_SAT, agency="vanphong"),
    Person("leader", "kesat.ct", Role.LEADER, "kesat", KE_SAT),
    Person("city reviewer", "snv.cchc", Role.CITY_REVIEWER, "snv", None, city=True),
    Person("administrator", "qtht", Role.ADMINISTRATOR, "city", None, city=True),
    Person(
        "other unit officer",
        "maodien.vhxh",
        Role.STANDING_OFFICER,
        "maodien",
        frozenset({"maodien"}),
        manages=frozenset({"maodien"}),
    ),
    Person("anonymous"),
]


@dataclass(frozen=True)
class Variant:
    """Whose objects: their governing unit, the agency that leads them, the person who owns the personal ones."""

    key: str
    unit: str
    agency: str
    owner: str  # Person.key of the one whose notification it is
    mark: str  # in the titles and texts of its objects, so a page that shows them to the wrong person is caught


VARIANTS = [
    Variant("own agency", "kesat", "pvhcc", "agency officer", "[KS-TTPVHCC]"),
    Variant("other agency", "kesat", "vanphong", "other agency officer", "[KS-VP]"),
    Variant("other unit", "maodien", "md-pvhcc", "other unit officer", "[MD-TTPVHCC]"),
]


@dataclass
class World:
    units: dict[str, Unit] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)  # by Person.key
    objects: dict[str, dict[str, object]] = field(default_factory=dict)  # variant key -> object name -> row
    par_year: object = None


def build_world() -> World:
    world = World()
    u = world.units
    u["city"] = Unit.objects.create(name="Thành phố Hải Phòng", kind=UnitKind.CITY, code="hai-phong")
    u["snv"] = Unit.objects.create(name="Sở Nội vụ", kind=UnitKind.DEPARTMENT, parent=u["city"], code="so-noi-vu")
    for key, name in (("kesat", "Xã Kẽ Sắt"), ("maodien", "Xã Mao Điền")):
        u[key] = Unit.objects.create(name=name, kind=UnitKind.COMMUNE, parent=u["city"], code=key)
    for key, name, parent in (
        ("vhxh", "Phòng Văn hóa - Xã hội", "kesat"),
        ("pvhcc", "Trung tâm Phục vụ hành chính công", "kesat"),
        ("vanphong", "Văn phòng HĐND và UBND", "kesat"),
        ("md-pvhcc", "Trung tâm Phục vụ hành chính công", "maodien"),
    ):
        u[key] = Unit.objects.create(name=name, kind=UnitKind.AGENCY, parent=u[parent], code=f"{parent}-{key}")
    for person in PEOPLE:
        if person.anonymous:
            continue
        user = User.objects.create_user(person.username, f"{person.username}@example.vn", PASSWORD)
        Membership.objects.create(user=user, unit=u[person.at], role=person.role)
        world.users[person.key] = user
    Period.ensure_year(2026)
    q1 = Period.objects.get(year=2026, kind=PeriodKind.Q1)
    framework = par_frameworks.load_sample()
    world.par_year = par_services.open_year(2025, dt.date(2099, 12, 15), {"communes": framework}, None)
    for variant in VARIANTS:
        world.objects[variant.key] = _objects(world, variant, q1)
    # the city's consolidated report (the city's alone: the same row whichever variant is asked about)
    city_report = CityReport.objects.create(period=q1, state=RenderState.DONE)
    city_report.docx.save("tong-hop.docx", ContentFile(b"PK docx"), save=False)
    city_report.xlsx.save("tong-hop.xlsx", ContentFile(b"PK xlsx"), save=True)
    document = CityDocument.objects.create(
        period=q1, sections=[], state=CityState.ISSUED, issued_report=city_report, signed_name="da-ky.pdf"
    )
    document.signed_file.save("da-ky.pdf", ContentFile(b"%PDF-1.4"), save=True)
    for objects in world.objects.values():
        objects["city report"] = city_report
        objects["city document"] = document
    return world


def _objects(world: World, variant: Variant, period: Period) -> dict[str, object]:
    unit, agency = world.units[variant.unit], world.units[variant.agency]
    standing = Membership.objects.get(unit=unit, role=Role.STANDING_OFFICER).user
    owner = world.users[variant.owner]
    plan = Plan.objects.create(
        unit=unit,
        status=PlanStatus.PUBLISHED,
        number=f"9{len(world.objects)}/KH-UBND",
        title=f"Kế hoạch cải cách hành chính năm 2026 {variant.mark}",
        issued_on=dt.date(2025, 12, 1),
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        created_by=standing,
        source_file=ContentFile(b"%PDF-1.4 plan", name="ke-hoach.pdf"),
        source_name="ke-hoach.pdf",
    )
    draft = Plan.objects.create(unit=unit, title=f"Bản nháp {variant.mark}", created_by=standing)
    # its own draft for the delete page, so the other routes keep theirs whatever order they are asked in
    doomed = Plan.objects.create(unit=unit, title=f"Bản nháp để xóa {variant.mark}", created_by=standing)
    target = Target.objects.create(
        plan=plan,
        position=1,
        text=f"Tỷ lệ hồ sơ trực tuyến đạt 85% {variant.mark}",
        value=Decimal("85"),
        area=Area.TTHC,
        agency=agency,
    )
    task = Task.objects.create(
        plan=plan,
        position=1,
        section="II",
        no="1",
        area=Area.TTHC,
        content=f"Rà soát thủ tục hành chính {variant.mark}",
        lead=agency,
        lead_text=agency.name,
        due_on=dt.date(2026, 12, 31),
    )
    update = TaskUpdate.objects.create(
        task=task, author=owner, state="in_progress", progress=40, comment=f"Đang làm {variant.mark}"
    )
    Measurement.objects.create(target=target, period=period, value=Decimal("60"), entered_by=owner)
    evidence = Evidence.objects.create(
        content_type=ContentType.objects.get_for_model(TaskUpdate),
        object_id=update.pk,
        file=ContentFile(b"%PDF-1.4 evidence", name="minh-chung.pdf"),
        original_name="minh-chung.pdf",
        content_kind="application/pdf",
        size=17,
        uploaded_by=owner,
    )
    notification = Notification.objects.create(
        user=owner, unit=unit, task=task, kind="due_soon", message="Sắp đến hạn", sent_on=dt.date(2026, 12, 1)
    )
    run = ImportRun.objects.create(
        unit=unit,
        uploaded_by=standing,
        file=ContentFile(b"%PDF-1.4 run", name="nhap.pdf"),
        original_name="nhap.pdf",
        sha256=f"{len(world.objects):064d}",
        status=RunStatus.DONE,
        plan=draft,
    )
    report, _ = open_draft(unit, period, standing)
    survey_response = Response.objects.create(
        unit=unit,
        desk=agency,
        questionnaire=Questionnaire.current(),
        submitted_at=dt.datetime(2026, 2, 2, 9, tzinfo=dt.UTC),
        answers={"items": {"overall": 5}, "respondent": {}, "improve": [], "comment": f"Rất tốt {variant.mark}"},
        visit_token=f"world-{variant.key}",
        flags=["too_fast"],
        flagged=True,
    )
    assessment, _ = par_services.open_assessment(world.par_year, unit, standing)
    if not assessment.signed_file:
        assessment.signed_name = "tu-cham.pdf"
        assessment.signed_file.save("tu-cham.pdf", ContentFile(b"%PDF-1.4 signed"), save=False)
        type(assessment).objects.filter(pk=assessment.pk).update(signed_file=assessment.signed_file.name)
    return {
        "assessment": assessment,
        "par score": assessment.scores.first(),
        "par year": world.par_year,
        "framework": assessment.framework,
        "unit": unit,
        "period": period,
        "report": report,
        "plan": plan,
        "draft": draft,
        "doomed draft": doomed,
        "target": target,
        "task": task,
        "update": update,
        "evidence": evidence,
        "notification": notification,
        "run": run,
        "survey response": survey_response,
    }
