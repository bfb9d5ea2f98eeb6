"""Search ignores diacritics and case: Mao Điền's officer and the city reviewer find the same rows by "mao dien",
"điền" or "ĐIỀN", in plans, tasks (content, lead, output) and targets, and only among what they may read."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from apps.api.models import ApiToken
from apps.imports.review import row_snapshot
from apps.imports.services import plan_snapshot
from apps.plans.models import Plan, PlanStatus, Target, Task


@pytest.fixture
def theirs(maodien):
    """A Mao Điền plan with a task whose words are only in its output and a target."""
    plan = Plan.objects.create(
        unit=maodien, status=PlanStatus.PUBLISHED, number="84/KH-UBND", title="Cải cách hành chính xã Mao Điền 2026"
    )
    Task.objects.create(
        plan=plan,
        section="III",
        no="4",
        content="Tổ chức hội nghị đối thoại",
        lead_text="Công an xã",
        output="Báo cáo kết quả đối thoại với Nhân dân",
    )
    Target.objects.create(plan=plan, text="Mức độ hài lòng của người dân đạt tối thiểu 90%", value=Decimal("90"))
    return plan


def found(client, query: str) -> str:
    response = client.get(reverse("plans-search"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_it_finds_the_same_rows_with_or_without_diacritics_and_capitals(client, plan, theirs, reviewer):
    client.force_login(reviewer)
    pages = [found(client, q) for q in ("mao dien", "điền", "ĐIỀN", "Mao Điền")]
    for page in pages:
        assert "Cải cách hành chính xã Mao Điền 2026" in page
        assert plan.title not in page
    assert len({page.count("<li>") for page in pages}) == 1


def test_it_searches_tasks_by_content_lead_and_output_and_targets_by_text(client, plan, theirs, reviewer):
    client.force_login(reviewer)
    by_content = found(client, "HOI NGHI doi thoai")
    by_lead = found(client, "cong an xa")
    by_output = found(client, "bao cao ket qua doi thoai")
    by_target = found(client, "muc do hai long")
    by_agency = found(client, "trung tam phuc vu")  # the lead of plan II.1, by its unit's name

    assert "Tổ chức hội nghị đối thoại" in by_content
    assert "Tổ chức hội nghị đối thoại" in by_lead
    assert "Tổ chức hội nghị đối thoại" in by_output and "Sản phẩm: Báo cáo kết quả" in by_output
    assert "Mức độ hài lòng của người dân" in by_target
    assert "Rà soát, đơn giản hóa thủ tục hành chính" in by_agency
    assert "Tỷ lệ hồ sơ giải quyết trực tuyến" in by_agency  # the target the one-stop centre tracks


def test_it_says_nothing_was_found_instead_of_an_empty_list(client, plan, officer):
    client.force_login(officer)
    page = found(client, "không có từ này")
    assert "Không tìm thấy kế hoạch, nhiệm vụ hay chỉ tiêu nào" in page

    listing = client.get(reverse("plans-list"), {"q": "không có từ này"}).content.decode()
    assert "Không tìm thấy kế hoạch nào có “không có từ này”" in listing
    assert "Chưa có kế hoạch nào" not in listing


def test_it_finds_nothing_of_a_unit_the_user_may_not_read(client, plan, theirs, officer, other_commune_officer):
    client.force_login(officer)
    assert "Tổ chức hội nghị đối thoại" not in found(client, "doi thoai")
    assert "Không tìm thấy" in found(client, "mao dien")

    client.force_login(other_commune_officer)
    assert "Tổ chức hội nghị đối thoại" in found(client, "doi thoai")
    assert "Rà soát" not in found(client, "ra soat")


def test_it_filters_the_plan_list_without_diacritics(client, plan, theirs, reviewer):
    client.force_login(reviewer)
    page = client.get(reverse("plans-list"), {"q": "ke sat"}).content.decode()
    assert plan.number in page and theirs.number not in page


def test_it_filters_a_plans_tasks_without_diacritics(client, plan, officer):
    client.force_login(officer)
    page = client.get(reverse("tracking-plan-tasks", args=[plan.pk]), {"q": "VAN BAN quy pham"}).content.decode()
    assert "Rà soát văn bản quy phạm pháp luật" in page
    assert "Rà soát, đơn giản hóa thủ tục hành chính" not in page

    nothing = client.get(reverse("tracking-plan-tasks", args=[plan.pk]), {"q": "xyz"}).content.decode()
    assert "Không tìm thấy nhiệm vụ nào khớp bộ lọc" in nothing


def test_it_searches_the_apis_lists_with_q(client, plan, theirs, reviewer):
    headers = {"Authorization": f"Bearer {ApiToken.issue(reviewer)[1]}"}

    def items(path: str, q: str) -> list[dict]:
        response = client.get(path, {"q": q}, headers=headers)
        assert response.status_code == 200, response.content
        return response.json()["items"]

    assert [p["number"] for p in items("/api/plans", "MAO ĐIỀN")] == ["84/KH-UBND"]
    assert [t["content"] for t in items("/api/tasks", "cong an")] == ["Tổ chức hội nghị đối thoại"]
    assert [t["content"] for t in items("/api/tasks", "trung tam phuc vu")] == [
        "Rà soát, đơn giản hóa thủ tục hành chính"
    ]
    assert len(items("/api/targets", "hài lòng")) == 1
    assert items("/api/targets", "không có") == []
    too_long = client.get("/api/tasks", {"q": "x" * 201}, headers=headers)
    assert too_long.status_code == 422


def test_it_keeps_the_search_copy_current_when_a_task_or_its_lead_is_renamed(client, plan, pvhcc, reviewer):
    task = plan.tasks.get(no="1", section="II")
    task.content = "Số hóa hồ sơ lưu trữ"
    task.save()
    pvhcc.name = "Bộ phận Một cửa xã"
    pvhcc.save()

    client.force_login(reviewer)
    assert "Số hóa hồ sơ lưu trữ" in found(client, "so hoa ho so")
    by_new_name = found(client, "bo phan mot cua")
    assert "Số hóa hồ sơ lưu trữ" in by_new_name
    assert "Tỷ lệ hồ sơ giải quyết trực tuyến" in by_new_name  # the target it tracks
    task.refresh_from_db()
    assert task.version == 2  # the rename did not touch the task's version


def test_it_keeps_the_search_copy_out_of_the_audit_log(plan):
    task = plan.tasks.first()
    assert task.search_text  # it is there, for searches
    assert "search_text" not in row_snapshot(task)
    assert "search_text" not in plan_snapshot(plan)
    assert "search_text" not in row_snapshot(plan.targets.first())


def test_it_matches_whole_words_but_lets_the_last_one_be_half_typed(client, plan, theirs, reviewer):
    client.force_login(reviewer)
    assert "Không tìm thấy" in found(client, "so hoa ho so")  # not "soat … hoa … hanh"
    assert "Cải cách hành chính xã Mao Điền 2026" in found(client, "mao di")
    assert "Tổ chức hội nghị đối thoại" in found(client, "hội nghị đối th")
