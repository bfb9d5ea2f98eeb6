"""The indicator catalogue is seeded from the 766 index and the plans' usual targets; targets bind to it by
their wording, with or without diacritics; officers add their own indicators."""

from __future__ import annotations

from decimal import Decimal

from apps.audit.models import AuditEntry
from apps.plans.indicators import bind_indicator, bind_targets
from apps.plans.models import Indicator, Target
from tests.web.conftest import PASSWORD


def code(text, value=None):
    indicator = bind_indicator(text, value)
    return indicator.code if indicator else None


def test_it_seeds_the_766_groups_and_sipas(db):
    sources = set(Indicator.objects.values_list("source", flat=True))
    for group in ("Công khai, minh bạch", "Tiến độ giải quyết", "Số hóa hồ sơ", "Cung cấp dịch vụ công trực tuyến"):
        assert any(group in s for s in sources)
    assert Indicator.objects.filter(code="sipas", owner__isnull=True).exists()
    assert Indicator.objects.count() >= 25


def test_it_binds_the_seeds_wording_to_indicators(db):
    assert code("Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ đạt tối thiểu 85%.") == "ho-so-truc-tuyen"
    assert code("100% hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa.") == "so-hoa-ho-so"
    assert code("100% hồ sơ TTHC được trả kết quả đúng và trước hạn.") == "giai-quyet-dung-han"
    assert code("Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số hồ sơ TTHC") == "dvc-toan-trinh"
    assert code("Mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước (Chỉ số SIPAS)") == (
        "sipas"
    )
    assert code("Tối thiểu 90% người dân được xác thực định danh điện tử thông suốt.") == "dinh-danh-dien-tu"
    assert code("100% cơ quan hành chính nhà nước công khai mức độ hài lòng của người dân") == "cong-khai-hai-long"
    assert code("Thành phố đạt cấp độ 4 mức độ trưởng thành về quản trị dữ liệu.") == "quan-tri-du-lieu"
    assert code("Trồng thêm cây xanh ở trụ sở") is None


def test_it_binds_without_diacritics_and_across_case(db):
    assert code("TY LE HO SO GIAI QUYET TRUC TUYEN tren tong so ho so toi thieu 60%") == "ho-so-truc-tuyen"
    assert code("muc do hai long cua nguoi dan ve giai quyet thu tuc hanh chinh") == "hai-long-tthc"


def test_it_picks_the_clause_that_states_the_targets_figure(db):
    text = (
        "100% thủ tục hành chính, có yêu cầu nghĩa vụ tài chính, được triển khai thanh toán trực tuyến, trong số đó, "
        "tỷ lệ giao dịch thanh toán trực tuyến đạt từ 50% trở lên."
    )
    assert code(text, Decimal("100")) == "tthc-thanh-toan-truc-tuyen"
    assert code(text, Decimal("50")) == "thanh-toan-truc-tuyen"
    land = (
        "Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính đạt tối thiểu 95%, trong đó, mức độ hài lòng"
        " về giải quyết các thủ tục hành chính lĩnh vực đất đai, xây dựng, đầu tư đạt tối thiểu 90%."
    )
    assert code(land, 95) == "hai-long-tthc"
    assert code(land, 90) == "hai-long-dat-dai"


def test_it_binds_two_targets_cut_from_one_sentence_with_the_same_figure_in_turn(plan):
    text = (
        "Mức độ hài lòng trong tiếp nhận, giải quyết TTHC của người dân, doanh nghiệp: Tối thiểu đạt 90%; tỷ lệ hồ sơ"
        " TTHC do các cơ quan tiếp nhận trong năm được giải quyết trước và đúng hạn đạt trên 90%"
    )
    first = Target.objects.create(plan=plan, position=2, text=text, value=90)
    second = Target.objects.create(plan=plan, position=3, text=text, value=90)
    assert bind_targets(plan.targets.all()) == 3
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.indicator.code == "hai-long-tthc"
    assert second.indicator.code == "giai-quyet-dung-han"
    assert plan.targets.get(position=1).indicator.code == "ho-so-truc-tuyen"


def test_a_standing_officer_adds_an_indicator_for_their_commune(client, officer, kesat):
    client.login(username=officer.username, password=PASSWORD)
    response = client.post(
        "/chi-so/",
        {"name": "Tỷ lệ hộ gia đình dùng nước sạch", "kind": "rate", "unit": "%", "area": "", "keywords": "nuoc sach"},
    )
    assert response.status_code == 302
    indicator = Indicator.objects.get(name="Tỷ lệ hộ gia đình dùng nước sạch")
    assert indicator.owner == kesat
    assert indicator.code == "ty-le-ho-gia-dinh-dung-nuoc-sach"
    assert AuditEntry.objects.filter(action="indicator.create", object_id=str(indicator.pk), unit=kesat).exists()
    assert bind_indicator("90% hộ dân dùng nước sạch", indicators=[indicator]) == indicator


def test_a_city_reviewer_adds_a_shared_indicator(client, reviewer):
    client.login(username=reviewer.username, password=PASSWORD)
    client.post("/chi-so/", {"name": "Chỉ số thử nghiệm", "kind": "score", "unit": "điểm", "keywords": "thu nghiem"})
    assert Indicator.objects.get(name="Chỉ số thử nghiệm").owner is None


def test_an_agency_officer_reads_the_catalogue_but_may_not_add(client, agency_officer):
    client.login(username=agency_officer.username, password=PASSWORD)
    page = client.get("/chi-so/")
    assert page.status_code == 200
    assert "Tỷ lệ hồ sơ giải quyết trực tuyến" in page.content.decode()
    assert "Thêm chỉ số" not in page.content.decode()
    assert client.post("/chi-so/", {"name": "X", "kind": "rate", "unit": "%"}).status_code == 403


def test_another_communes_indicator_is_not_offered(officer, other_commune_officer, maodien, plan):
    own = Indicator.objects.create(
        code="mao-dien-rieng",
        name="Riêng Mao Điền",
        keywords="ho so giai quyet truc tuyen\nho so giai quyet truc tuyen tren tong so",
        owner=maodien,
    )
    target = plan.targets.get()
    bind_targets([target])
    target.refresh_from_db()
    assert target.indicator != own
    assert target.indicator.code == "ho-so-truc-tuyen"
