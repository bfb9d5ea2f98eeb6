"""Two tabs (or two people) edit one plan: the second save never overwrites the first one unseen; it is refused
with what the other person saved, and keeps what was typed. Rows the second tab did not change are never written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.plans.models import Plan, PlanStatus, Target, Task, TaskState
from apps.tracking.services import submit_update
from apps.units.models import Role
from tests.web.conftest import make_user
from tests.web.plan_forms import plan_form_data


@pytest.fixture
def colleague(kesat):
    """A second standing officer of Kẽ Sắt."""
    user = make_user("kesat.vhxh2", kesat, Role.STANDING_OFFICER)
    user.first_name, user.last_name = "Trần Thị", "Lan"
    user.save()
    return user


@pytest.fixture
def draft(kesat, officer):
    draft = Plan.objects.create(unit=kesat, status=PlanStatus.DRAFT, title="Kế hoạch CCHC năm 2026", created_by=officer)
    Target.objects.create(plan=draft, position=1, text="Tỷ lệ hồ sơ trực tuyến", value=Decimal(60))
    Task.objects.create(plan=draft, position=1, no="1", content="Rà soát TTHC")
    Task.objects.create(plan=draft, position=2, no="2", content="Tuyên truyền CCHC")
    Task.objects.create(plan=draft, position=3, no="3", content="Kiểm tra công tác CCHC")
    return draft


def tab(client, user, url_name, plan, **changes):
    """What one tab posts: the page as it was loaded now, with ``changes`` typed in."""
    client.force_login(user)
    return plan_form_data(client, url_name, plan, **changes)


def post(client, user, url_name, plan, data):
    client.force_login(user)
    return client.post(reverse(url_name, args=[plan.pk]), data)


def test_it_refuses_the_second_save_and_keeps_what_it_typed(client, officer, colleague, plan):
    b = tab(client, officer, "plans-edit", plan, **{"plan-signer": "Nguyễn Văn Bình", "tasks-0-output": "Báo cáo B"})
    a = tab(client, colleague, "plans-edit", plan, **{"plan-title": "Kế hoạch của A", "tasks-0-output": "Báo cáo A"})
    assert post(client, colleague, "plans-edit", plan, a).status_code == 302

    response = post(client, officer, "plans-edit", plan, b)

    assert response.status_code == 409
    page = response.content.decode()
    assert "Chưa lưu gì" in page
    assert "Người khác đã sửa thành: Kế hoạch của A" in page and "Người khác đã sửa thành: Báo cáo A" in page
    assert "Trần Thị Lan" in page
    assert 'value="Nguyễn Văn Bình"' in page and 'value="Báo cáo B"' in page  # what B typed is still there
    plan.refresh_from_db()
    task = plan.tasks.get(position=1)
    assert (plan.title, plan.signer, task.output) == ("Kế hoạch của A", "", "Báo cáo A")
    assert AuditEntry.objects.filter(user=officer).count() == 0


def test_it_saves_on_the_second_try_what_the_user_changed_and_keeps_the_rest_of_the_other_change(
    client, officer, colleague, plan
):
    b = tab(client, officer, "plans-edit", plan, **{"plan-signer": "Nguyễn Văn Bình"})
    a = tab(client, colleague, "plans-edit", plan, **{"plan-title": "Kế hoạch của A"})
    post(client, colleague, "plans-edit", plan, a)
    refused = post(client, officer, "plans-edit", plan, b)
    assert refused.status_code == 409

    again = {}
    for form in (refused.context["header"], refused.context["targets"], refused.context["tasks"]):
        for field in getattr(form, "management_form", []):
            again[field.html_name] = field.value()
        for row in getattr(form, "forms", [form]):
            for field in row:
                value = field.value()
                if value not in (None, False, ""):
                    again[field.html_name] = [str(v) for v in value] if isinstance(value, list) else str(value)
    response = post(client, officer, "plans-edit", plan, again)

    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.title, plan.signer) == ("Kế hoạch của A", "Nguyễn Văn Bình")


def test_it_saves_rows_the_other_tab_did_not_touch(client, officer, colleague, plan):
    b = tab(client, officer, "plans-edit", plan, **{"tasks-1-output": "Báo cáo B"})
    a = tab(client, colleague, "plans-edit", plan, **{"plan-title": "Kế hoạch của A", "tasks-0-output": "Báo cáo A"})
    post(client, colleague, "plans-edit", plan, a)

    response = post(client, officer, "plans-edit", plan, b)

    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.title == "Kế hoạch của A"  # B's stale copy of the header was not written back
    assert list(plan.tasks.order_by("position").values_list("output", flat=True)) == ["Báo cáo A", "Báo cáo B"]
    assert AuditEntry.objects.filter(user=officer).count() == 1


def test_it_refuses_a_header_change_when_the_other_tab_changed_another_header_field(client, officer, colleague, plan):
    b = tab(client, officer, "plans-edit", plan, **{"plan-signer": "Nguyễn Văn Bình"})
    a = tab(client, colleague, "plans-edit", plan, **{"plan-signer_title": "Phó Chủ tịch"})
    post(client, colleague, "plans-edit", plan, a)

    assert post(client, officer, "plans-edit", plan, b).status_code == 409
    plan.refresh_from_db()
    assert (plan.signer, plan.signer_title) == ("", "Phó Chủ tịch")


def test_it_accepts_the_same_change_made_in_both_tabs(client, officer, colleague, plan):
    b = tab(client, officer, "plans-edit", plan, **{"plan-signer": "Nguyễn Văn Bình"})
    a = tab(client, colleague, "plans-edit", plan, **{"plan-signer": "Nguyễn Văn Bình"})
    post(client, colleague, "plans-edit", plan, a)

    assert post(client, officer, "plans-edit", plan, b).status_code == 302


def test_it_tells_a_row_was_deleted_meanwhile_and_saves_nothing(client, officer, colleague, plan):
    b = tab(client, officer, "plans-edit", plan, **{"tasks-1-output": "Báo cáo B", "plan-signer": "Nguyễn Văn Bình"})
    a = tab(client, colleague, "plans-edit", plan, **{"tasks-1-DELETE": "on"})
    post(client, colleague, "plans-edit", plan, a)
    assert plan.tasks.count() == 1

    response = post(client, officer, "plans-edit", plan, b)

    assert response.status_code == 409
    page = response.content.decode()
    assert "đã xóa dòng này" in page and "Trần Thị Lan" in page and 'value="Báo cáo B"' in page
    plan.refresh_from_db()
    assert plan.signer == "" and plan.tasks.count() == 1


def test_it_ignores_a_row_deleted_meanwhile_that_the_user_did_not_change(client, officer, colleague, plan):
    b = tab(client, officer, "plans-edit", plan, **{"plan-signer": "Nguyễn Văn Bình"})
    a = tab(client, colleague, "plans-edit", plan, **{"tasks-1-DELETE": "on"})
    post(client, colleague, "plans-edit", plan, a)

    assert post(client, officer, "plans-edit", plan, b).status_code == 302
    plan.refresh_from_db()
    assert plan.signer == "Nguyễn Văn Bình" and plan.tasks.count() == 1


def test_it_refuses_to_delete_a_row_someone_changed_meanwhile(client, officer, colleague, plan):
    b = tab(client, officer, "plans-edit", plan, **{"tasks-1-DELETE": "on"})
    a = tab(client, colleague, "plans-edit", plan, **{"tasks-1-output": "Báo cáo A"})
    post(client, colleague, "plans-edit", plan, a)

    assert post(client, officer, "plans-edit", plan, b).status_code == 409
    assert plan.tasks.count() == 2


def test_it_does_not_count_a_progress_update_as_a_change_of_the_row(client, officer, agency_officer, plan):
    task = plan.tasks.get(position=1)
    b = tab(client, officer, "plans-edit", plan, **{"tasks-0-output": "Báo cáo B"})
    submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=50)

    assert post(client, officer, "plans-edit", plan, b).status_code == 302
    task.refresh_from_db()
    assert (task.output, task.state, task.progress) == ("Báo cáo B", TaskState.IN_PROGRESS, 50)


def test_it_refuses_to_save_a_review_once_the_other_tab_published(client, officer, colleague, draft):
    draft.period_start, draft.period_end = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    draft.save()
    b = tab(client, officer, "plans-review", draft, **{"tasks-0-content": "Rà soát TTHC (B)"})
    a = tab(client, colleague, "plans-review", draft, action="publish")
    assert post(client, colleague, "plans-review", draft, a).status_code == 302
    assert Plan.objects.get(pk=draft.pk).status == PlanStatus.PUBLISHED

    response = post(client, officer, "plans-review", draft, b)

    assert response.status_code == 409
    page = response.content.decode()
    assert "Trần Thị Lan (lúc" in page and "đã ban hành kế hoạch này" in page and "Rà soát TTHC (B)" in page
    assert reverse("plans-edit", args=[draft.pk]) in page  # the form now posts to the edit of the published plan
    assert draft.tasks.get(position=1).content == "Rà soát TTHC"


def test_it_does_not_publish_a_plan_changed_since_the_page_was_loaded(client, officer, colleague, draft):
    draft.period_start, draft.period_end = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    draft.save()
    b = tab(client, officer, "plans-review", draft, action="publish")
    a = tab(client, colleague, "plans-review", draft, **{"tasks-2-content": "Kiểm tra (A)"})
    post(client, colleague, "plans-review", draft, a)

    response = post(client, officer, "plans-review", draft, b)

    assert response.status_code == 409
    assert "chưa được ban hành" in response.content.decode()
    assert Plan.objects.get(pk=draft.pk).status == PlanStatus.DRAFT


def test_it_does_not_merge_rows_changed_since_the_page_was_loaded(client, officer, colleague, draft):
    first = draft.tasks.get(position=1)
    b = tab(client, officer, "plans-review", draft, merge=str(first.pk))
    a = tab(client, colleague, "plans-review", draft, **{"tasks-1-content": "Tuyên truyền (A)"})
    post(client, colleague, "plans-review", draft, a)

    response = post(client, officer, "plans-review", draft, b)

    assert response.status_code == 409
    assert draft.tasks.count() == 3 and draft.tasks.get(position=2).content == "Tuyên truyền (A)"


def test_it_merges_when_only_other_rows_changed(client, officer, colleague, draft):
    first = draft.tasks.get(position=1)
    b = tab(client, officer, "plans-review", draft, merge=str(first.pk))
    a = tab(client, colleague, "plans-review", draft, **{"tasks-2-content": "Kiểm tra (A)"})
    post(client, colleague, "plans-review", draft, a)

    assert post(client, officer, "plans-review", draft, b).status_code == 302
    assert list(draft.tasks.order_by("position").values_list("content", flat=True)) == [
        "Rà soát TTHC\nTuyên truyền CCHC",
        "Kiểm tra (A)",
    ]


def test_it_never_fails_on_a_tampered_form(client, officer, draft):
    data = tab(client, officer, "plans-review", draft, **{"plan-seen": "x.y", "tasks-0-seen": "²", "merge": "²"})
    data["tasks-1-id"] = "99999999999999999999"

    response = post(client, officer, "plans-review", draft, data)

    assert response.status_code in (200, 302, 409)
    assert draft.tasks.count() == 3
