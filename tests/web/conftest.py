"""The fixed cast of the web tests, built inline so each story reads on its own.

Kẽ Sắt commune with its agencies; its standing officer (Phòng Văn hóa - Xã hội); an officer of its
one-stop centre (Trung tâm Phục vụ hành chính công); an officer of another agency (Văn phòng HĐND và UBND);
its leader; the standing officer of another commune (Mao Điền); a city reviewer of Sở Nội vụ; an administrator.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import User

from apps.plans.models import Area, Plan, PlanStatus, Target, Task
from apps.units.models import Membership, Role, Unit, UnitKind

PASSWORD = "demo12345"


def make_user(username: str, unit: Unit, role: str) -> User:
    user = User.objects.create_user(username, f"{username}@example.vn", PASSWORD)
    Membership.objects.create(user=user, unit=unit, role=role)
    return user


def add_task_2b(plan, pvhcc) -> Task:
    """Task II.2b of the stale-spreadsheet story, led by the one-stop centre."""
    return Task.objects.create(
        plan=plan,
        position=3,
        section="II",
        no="2b",
        area=Area.TTHC,
        content="Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        lead=pvhcc,
        lead_text="Trung tâm Phục vụ hành chính công",
        deadline_text="Năm 2026",
        due_on=dt.date(2026, 12, 31),
    )


@pytest.fixture
def city(db):
    return Unit.objects.create(name="Thành phố Hải Phòng", kind=UnitKind.CITY, code="hai-phong")


@pytest.fixture
def snv(city):
    return Unit.objects.create(name="Sở Nội vụ", kind=UnitKind.DEPARTMENT, parent=city, code="so-noi-vu")


@pytest.fixture
def kesat(city):
    return Unit.objects.create(name="Xã Kẽ Sắt", kind=UnitKind.COMMUNE, parent=city, code="ke-sat")


@pytest.fixture
def maodien(city):
    return Unit.objects.create(name="Xã Mao Điền", kind=UnitKind.COMMUNE, parent=city, code="mao-dien")


@pytest.fixture
def vhxh(kesat):
    return Unit.objects.create(
        name="Phòng Văn hóa - Xã hội", kind=UnitKind.AGENCY, parent=kesat, code="ke-sat-vhxh", is_standing_body=True
    )


@pytest.fixture
def pvhcc(kesat):
    return Unit.objects.create(
        name="Trung tâm Phục vụ hành chính công", kind=UnitKind.AGENCY, parent=kesat, code="ke-sat-pvhcc"
    )


@pytest.fixture
def vanphong(kesat):
    return Unit.objects.create(
        name="Văn phòng HĐND và UBND",
        kind=UnitKind.AGENCY,
        parent=kesat,
        code="ke-sat-vp",
        aliases="Văn phòng HĐND&UBND\nVăn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
    )


@pytest.fixture
def officer(kesat, vhxh):
    """Kẽ Sắt's standing CCHC officer."""
    return make_user("kesat.vhxh", kesat, Role.STANDING_OFFICER)


@pytest.fixture
def agency_officer(pvhcc):
    """An officer of Kẽ Sắt's one-stop centre."""
    return make_user("kesat.pvhcc", pvhcc, Role.AGENCY_OFFICER)


@pytest.fixture
def other_agency_officer(vanphong):
    return make_user("kesat.vp", vanphong, Role.AGENCY_OFFICER)


@pytest.fixture
def leader(kesat):
    return make_user("kesat.ct", kesat, Role.LEADER)


@pytest.fixture
def other_commune_officer(maodien):
    return make_user("maodien.vhxh", maodien, Role.STANDING_OFFICER)


@pytest.fixture
def reviewer(snv):
    return make_user("snv.cchc", snv, Role.CITY_REVIEWER)


@pytest.fixture
def plan(kesat, pvhcc, vanphong, officer):
    """A published Kẽ Sắt plan with one target and two tasks, one per agency."""
    plan = Plan.objects.create(
        unit=kesat,
        status=PlanStatus.PUBLISHED,
        number="94/KH-UBND",
        title="Thực hiện Chương trình tổng thể cải cách hành chính nhà nước xã Kẽ Sắt giai đoạn 2026 - 2030",
        issuer="UBND xã Kẽ Sắt",
        issued_on=dt.date(2025, 11, 17),
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2030, 12, 31),
        created_by=officer,
    )
    Target.objects.create(
        plan=plan,
        position=1,
        text="Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ đạt tối thiểu 85%",
        value=Decimal("85"),
        comparator=">=",
        area=Area.TTHC,
        phase="2026-2030",
        agency=pvhcc,
    )
    Task.objects.create(
        plan=plan,
        position=1,
        section="II",
        no="1",
        area=Area.TTHC,
        content="Rà soát, đơn giản hóa thủ tục hành chính",
        lead=pvhcc,
        lead_text="Trung tâm Phục vụ hành chính công",
        deadline_text="Quý IV/2026",
        due_on=dt.date(2026, 12, 31),
    )
    Task.objects.create(
        plan=plan,
        position=2,
        section="I",
        no="1",
        area=Area.THE_CHE,
        content="Rà soát văn bản quy phạm pháp luật",
        lead=vanphong,
        lead_text="Văn phòng HĐND và UBND xã",
        deadline_text="2026-2030",
        due_on=dt.date(2030, 12, 31),
    )
    return plan
