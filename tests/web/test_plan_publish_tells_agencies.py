"""Publishing a plan tells the officers of every agency it names (in the app, one notification each); a plan that
replaces another says so. Before publishing, the review page warns about targets without a tracking agency and
tasks without a lead, and says where to fix them; each target without one gets a suggestion and the reason for it."""

import datetime as dt
from decimal import Decimal

from django.urls import reverse

from apps.imports.services import publish, publish_warnings, tracking_suggestions
from apps.plans.models import Plan, PlanReference, PlanStatus, ReferenceKind, Target, Task
from apps.tracking.models import Notification


def make_draft(kesat, officer, pvhcc, *, replaces: str = "") -> Plan:
    draft = Plan.objects.create(
        unit=kesat,
        title="Kế hoạch CCHC năm 2027",
        period_start=dt.date(2027, 1, 1),
        period_end=dt.date(2027, 12, 31),
        created_by=officer,
    )
    if replaces:
        PlanReference.objects.create(plan=draft, kind=ReferenceKind.SUPERSEDES, number=replaces)
    Target.objects.create(plan=draft, position=1, text="Tỷ lệ hồ sơ trực tuyến 90%", value=Decimal(90), agency=pvhcc)
    Target.objects.create(plan=draft, position=2, text="100% TTHC công khai", value=Decimal(100))
    Task.objects.create(plan=draft, position=1, section="I", no="1", content="Số hóa hồ sơ", lead=pvhcc)
    Task.objects.create(plan=draft, position=2, section="I", no="2", content="Tuyên truyền CCHC")
    return draft


def test_it_tells_the_named_agencys_officers(kesat, officer, pvhcc, agency_officer, other_agency_officer):
    draft = make_draft(kesat, officer, pvhcc)

    publish(draft, officer)

    [note] = Notification.objects.all()
    assert note.user == agency_officer and note.kind == "plan_published" and note.plan == draft
    assert "Trung tâm Phục vụ hành chính công có 2 nhiệm vụ, chỉ tiêu" in note.message


def test_it_says_which_plan_is_replaced(plan, kesat, officer, pvhcc, agency_officer):
    draft = make_draft(kesat, officer, pvhcc, replaces="94/KH-UBND")

    publish(draft, officer, "replace")

    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUPERSEDED
    note = Notification.objects.get(user=agency_officer)
    assert note.kind == "plan_replaced" and "thay thế kế hoạch 94/KH-UBND" in note.message


def test_it_warns_about_untracked_targets_and_tasks_without_lead(client, kesat, officer, pvhcc):
    draft = make_draft(kesat, officer, pvhcc)

    assert publish_warnings(draft) == [
        "1 chỉ tiêu chưa có cơ quan theo dõi: không ai ngoài cán bộ thường trực nhập được số liệu. "
        "Chọn “Cơ quan theo dõi” ở phần Chỉ tiêu trên trang này.",
        "1 nhiệm vụ chưa có cơ quan chủ trì: không cơ quan nào được nhắc hạn hay cập nhật. "
        "Chọn “Cơ quan chủ trì” ở phần Nhiệm vụ trên trang này.",
    ]
    client.force_login(officer)
    page = client.get(reverse("plans-review", args=[draft.pk])).content.decode()
    assert 'id="publish-warnings"' in page and "1 chỉ tiêu chưa có cơ quan theo dõi" in page


def test_it_warns_about_a_plan_another_body_issued(kesat, officer, pvhcc, city):
    """Kẽ Sắt's own plan passes whichever way its issuer is printed; another commune's, read off the file, is
    named before it is published under Kẽ Sắt."""
    draft = make_draft(kesat, officer, pvhcc)
    Target.objects.update(agency=pvhcc)
    Task.objects.update(lead=pvhcc)
    warned = {}
    for issuer in ("UBND xã Kẽ Sắt", "ỦY BAN NHÂN DÂN XÃ KẼ SẮT", "Ban Chỉ đạo CCHC xã Kẽ Sắt", "UBND xã Đại Từ", ""):
        draft.issuer = issuer
        warned[issuer] = publish_warnings(draft)

    assert [issuer for issuer, warnings in warned.items() if warnings] == ["UBND xã Đại Từ"]
    assert warned["UBND xã Đại Từ"] == [
        f"Cơ quan ban hành ghi “UBND xã Đại Từ”, không phải {kesat.name}: kiểm tra lại đã chọn đúng tệp kế hoạch "
        "của đơn vị mình chưa, hoặc sửa ô “Cơ quan ban hành” nếu đọc sai."
    ]


def test_it_suggests_a_tracking_agency_at_review(client, kesat, officer, pvhcc, vhxh, vanphong):
    draft = make_draft(kesat, officer, pvhcc)
    Task.objects.filter(plan=draft).update(area="tthc")
    procedures = Target.objects.get(plan=draft, position=2)
    procedures.area = "tthc"
    procedures.save()
    institutions = Target.objects.create(
        plan=draft, position=3, text="100% văn bản được rà soát", value=100, area="the_che"
    )

    suggested = tracking_suggestions(draft)

    assert suggested[procedures.pk] == (pvhcc, "chủ trì 1 nhiệm vụ cùng lĩnh vực trong kế hoạch")
    assert suggested[institutions.pk] == (vhxh, "cơ quan thường trực CCHC")
    client.force_login(officer)
    page = client.get(reverse("plans-review", args=[draft.pk])).content.decode()
    assert "theo gợi ý: Trung tâm Phục vụ hành chính công (chủ trì 1 nhiệm vụ cùng lĩnh vực trong kế hoạch)" in page
