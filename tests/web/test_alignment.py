"""Hưng Thắng's 6-month plan implements the city's plan: side by side, its 60% online filing is weaker than the
city's 85% and set for another phase; the city's satisfaction target is missing; a city task has no counterpart.
Pairs come from the indicator first, then from accent-insensitive text; the officer's confirm or break is kept;
the city sees every plan implementing its own with the gaps counted; the API answers the same."""

import datetime as dt
from decimal import Decimal

import pytest

from apps.alignment.compare import compare
from apps.api.models import ApiToken
from apps.plans.models import Area, Indicator, Plan, PlanReference, PlanStatus, ReferenceKind, Target, Task
from apps.units.models import Role, Unit, UnitKind
from tests.web.conftest import make_user


@pytest.fixture
def online(db):
    return Indicator.objects.get(code="ho-so-truc-tuyen")  # in the catalogue the migrations seed


@pytest.fixture
def city_plan(city, online):
    plan = Plan.objects.create(
        unit=city,
        status=PlanStatus.PUBLISHED,
        number="3470/KH-UBND",
        title="Cải cách hành chính nhà nước thành phố giai đoạn 2026 - 2030",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2030, 12, 31),
    )
    Target.objects.create(
        plan=plan,
        position=1,
        text="Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ đạt tối thiểu 85%",
        value=Decimal("85"),
        phase="2026-2030",
        indicator=online,
    )
    Target.objects.create(
        plan=plan,
        position=2,
        text="Mức độ hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính đạt tối thiểu 95%",
        value=Decimal("95"),
        phase="2026-2030",
    )
    Task.objects.create(plan=plan, position=1, area=Area.TTHC, content="Rà soát, đơn giản hóa thủ tục hành chính")
    Task.objects.create(
        plan=plan, position=2, area=Area.CHINH_PHU_SO, content="Xây dựng kho dữ liệu số dùng chung của thành phố"
    )
    return plan


@pytest.fixture
def hung_thang(city, city_plan):
    unit = Unit.objects.create(name="Xã Hưng Thắng", kind=UnitKind.COMMUNE, parent=city, code="hung-thang")
    officer = make_user("hungthang.vhxh", unit, Role.STANDING_OFFICER)
    plan = Plan.objects.create(
        unit=unit,
        status=PlanStatus.PUBLISHED,
        number="05/KH-UBND",
        title="Cải cách hành chính nhà nước 6 tháng cuối năm 2025",
        period_start=dt.date(2025, 7, 1),
        period_end=dt.date(2025, 12, 31),
    )
    PlanReference.objects.create(plan=plan, kind=ReferenceKind.IMPLEMENTS, number="3470/KH-UBND", linked_plan=city_plan)
    # printed without diacritics (a scan), not bound to the indicator: paired by its text
    Target.objects.create(
        plan=plan,
        position=1,
        text="Ty le ho so giai quyet truc tuyen tren tong so ho so dat 60%",
        value=Decimal("60"),
        phase="6 tháng cuối năm 2025",
    )
    Task.objects.create(plan=plan, position=1, area=Area.TTHC, content="Rà soát, đơn giản hoá các thủ tục hành chính")
    return plan, officer


def pair_of(alignment, text_start):
    return next(p for p in alignment.targets if p.parent and p.parent.text.startswith(text_start))


def test_it_shows_the_weaker_target_the_missing_one_and_the_task_without_counterpart(city_plan, hung_thang):
    plan, _ = hung_thang

    alignment = compare(city_plan, plan)

    online = pair_of(alignment, "Tỷ lệ hồ sơ")
    assert (online.child.value, online.how, online.gaps) == (Decimal("60"), "text", ["weaker", "other_deadline"])
    assert pair_of(alignment, "Mức độ hài lòng").gaps == ["missing"]
    tasks = {p.parent.content: p.gap for p in alignment.tasks}
    assert tasks == {
        "Rà soát, đơn giản hóa thủ tục hành chính": "matched",
        "Xây dựng kho dữ liệu số dùng chung của thành phố": "no_counterpart",
    }
    assert alignment.summary["weaker"] == 1 and alignment.summary["missing"] == 1


def test_it_pairs_by_the_indicator_first(city_plan, hung_thang, online):
    plan, _ = hung_thang
    bound = Target.objects.create(plan=plan, position=2, text="Hồ sơ nộp qua mạng: 70%", value=70, indicator=online)

    online_pair = pair_of(compare(city_plan, plan), "Tỷ lệ hồ sơ")

    assert (online_pair.child, online_pair.how) == (bound, "indicator")


def test_it_keeps_the_officers_break_and_confirm(client, city_plan, hung_thang):
    plan, officer = hung_thang
    parent = city_plan.targets.get(position=1)
    child = plan.targets.get()
    satisfaction = city_plan.targets.get(position=2)
    client.force_login(officer)

    url = f"/ke-hoach/{plan.pk}/doi-chieu/quyet-dinh/"
    client.post(
        url, {"with": city_plan.pk, "kind": "target", "parent": parent.pk, "child": child.pk, "decision": "broken"}
    )
    broken = compare(city_plan, plan)
    body = {"with": city_plan.pk, "kind": "target", "parent": satisfaction.pk, "child": child.pk}
    client.post(url, body | {"decision": "confirmed"})
    confirmed = compare(city_plan, plan)

    assert pair_of(broken, "Tỷ lệ hồ sơ").gaps == ["missing"]
    assert any(p.child == child and p.gaps == ["extra"] for p in broken.targets)
    assert pair_of(confirmed, "Mức độ hài lòng").how == "confirmed"
    assert pair_of(confirmed, "Tỷ lệ hồ sơ").child is None  # still broken


def test_it_shows_it_side_by_side_and_through_the_api(client, city_plan, hung_thang, reviewer):
    plan, officer = hung_thang
    client.force_login(officer)

    page = client.get(f"/ke-hoach/{plan.pk}/doi-chieu/").content.decode()  # the implemented plan by default
    token = ApiToken.issue(reviewer)[1]
    api = client.get(
        f"/api/plans/{plan.pk}/alignment?with={city_plan.pk}", headers={"Authorization": f"Bearer {token}"}
    ).json()

    assert "tối thiểu 85%" in page and "tối thiểu 60%" in page and "Đặt thấp hơn" in page
    assert "Chỉ tiêu Xã Hưng Thắng đặt thấp hơn" in page  # first, before the tables
    assert '<strong class="bad">Xã Hưng Thắng 60%</strong>' in page
    assert "Lưu" not in page or "Xác nhận" in page  # the officer may decide
    online_row = next(t for t in api["targets"] if t["parent"] and t["parent"]["indicator"] == "ho-so-truc-tuyen")
    assert online_row["child"]["value"] == 60 and online_row["gaps"] == ["weaker", "other_deadline"]
    assert api["summary"]["no_counterpart"] == 1


def test_it_counts_the_gaps_of_every_plan_implementing_the_citys(client, city_plan, hung_thang, reviewer):
    client.force_login(reviewer)

    page = client.get(f"/ke-hoach/{city_plan.pk}/ke-hoach-thuc-hien/").content.decode()

    assert "Xã Hưng Thắng" in page and "05/KH-UBND" in page
    assert f"/ke-hoach/{hung_thang[0].pk}/doi-chieu/?with={city_plan.pk}" in page


def test_it_lets_only_the_plans_standing_officer_decide(client, city_plan, hung_thang, reviewer, other_commune_officer):
    plan, _ = hung_thang
    body = {
        "with": city_plan.pk,
        "kind": "target",
        "parent": city_plan.targets.first().pk,
        "child": plan.targets.get().pk,
        "decision": "broken",
    }
    answers = []
    for user in (reviewer, other_commune_officer):
        client.force_login(user)
        answers.append(client.post(f"/ke-hoach/{plan.pk}/doi-chieu/quyet-dinh/", body).status_code)

    assert answers == [403, 404]
    assert pair_of(compare(city_plan, plan), "Tỷ lệ hồ sơ").child is not None


def test_it_opens_the_implemented_plan_to_the_commune_but_nothing_else_of_the_city(client, city_plan, hung_thang):
    plan, officer = hung_thang
    client.force_login(officer)

    side_by_side = client.get(f"/ke-hoach/{plan.pk}/doi-chieu/?with={city_plan.pk}")
    city_page = client.get(f"/ke-hoach/{city_plan.pk}/doi-chieu/")
    city_list = client.get(f"/ke-hoach/{city_plan.pk}/ke-hoach-thuc-hien/")

    assert side_by_side.status_code == 200
    assert city_page.status_code == 404 and city_list.status_code == 404
