"""The standing officer's review queue: what Kẽ Sắt's agencies sent waits there, counted in the menu; several items
are accepted or returned with a reason in one step; an item changed since the page showed it is not decided."""

import datetime as dt
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.plans.models import TaskState
from apps.tracking import review
from apps.tracking.figures import save_measurement
from apps.tracking.models import Measurement, Notification, Period, PeriodKind, TaskUpdate, UpdateStatus
from apps.tracking.services import submit_update
from tests.web.conftest import add_task_2b


def q1() -> Period:
    Period.ensure_year(2026)
    return Period.objects.get(year=2026, kind=PeriodKind.Q1)


def sent_by_agency(plan, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    update = submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=40, comment="Đã rà soát 12 TTHC")
    figure = save_measurement(plan.targets.get(), q1(), agency_officer, value=Decimal("61.5"))
    return update, figure


def sent_more(plan, agency_officer) -> None:
    """Three more figures of the target and updates of three more tasks: six more items waiting."""
    target = plan.targets.get()
    for kind in (PeriodKind.H1, PeriodKind.Q3, PeriodKind.YEAR):
        save_measurement(target, Period.objects.get(year=2026, kind=kind), agency_officer, value=Decimal("70"))
    for n in range(3):
        task = add_task_2b(plan, plan.tasks.first().lead)
        task.no = f"2{n}"
        task.save()
        submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=10)


def key(item) -> str:
    return f"{'u' if isinstance(item, TaskUpdate) else 'm'}:{item.pk}:{item.version}"


def test_it_lists_what_agencies_sent_and_counts_it_in_the_menu(client, plan, officer, agency_officer):
    update, figure = sent_by_agency(plan, agency_officer)
    assert (update.status, figure.status) == (UpdateStatus.SUBMITTED, UpdateStatus.SUBMITTED)
    assert Notification.objects.filter(user=officer, kind="waiting").count() == 2

    client.force_login(officer)
    page = client.get(reverse("tracking-review")).content.decode()

    assert "Đã rà soát 12 TTHC" in page and "61,5" in page
    assert 'Chờ duyệt <span class="badge overdue"' in page  # the menu's line
    assert f'value="{key(update)}"' in page and f'value="{key(figure)}"' in page


def test_it_accepts_several_at_once(client, plan, officer, agency_officer):
    update, figure = sent_by_agency(plan, agency_officer)
    client.force_login(officer)

    response = client.post(reverse("tracking-review"), {"item": [key(update), key(figure)], "action": "accept"})

    assert response.status_code == 302
    update.refresh_from_db()
    figure.refresh_from_db()
    assert (update.status, update.reviewed_by, figure.status, figure.reviewed_by) == (
        UpdateStatus.ACCEPTED,
        officer,
        UpdateStatus.ACCEPTED,
        officer,
    )
    assert {e.action for e in AuditEntry.objects.filter(user=officer)} == {"task.update.accept", "measurement.accept"}
    page = client.get(reverse("tracking-review")).content.decode()
    assert "Đã chấp nhận 2 mục" in page and "Không có cập nhật hay số liệu nào chờ duyệt" in page


def test_it_returns_several_with_one_reason_and_tells_each_author(client, plan, officer, agency_officer):
    update, figure = sent_by_agency(plan, agency_officer)
    client.force_login(officer)

    client.post(
        reverse("tracking-review"),
        {"item": [key(update), key(figure)], "action": "return", "reason": "Thiếu văn bản minh chứng."},
    )

    update.refresh_from_db()
    figure.refresh_from_db()
    assert update.status == figure.status == UpdateStatus.RETURNED
    assert update.return_reason == figure.return_reason == "Thiếu văn bản minh chứng."
    told = Notification.objects.filter(user=agency_officer, kind="returned")
    assert told.count() == 2 and all("Thiếu văn bản minh chứng." in n.message for n in told)
    update.task.refresh_from_db()
    assert update.task.state == TaskState.NOT_STARTED  # the task went back to before the returned update


def test_it_returns_one_item_with_its_own_reason(client, plan, officer, agency_officer):
    update, figure = sent_by_agency(plan, agency_officer)
    client.force_login(officer)

    client.post(reverse("tracking-review"), {"return_one": key(figure), f"reason:{key(figure)}": "Sai kỳ báo cáo."})

    figure.refresh_from_db()
    update.refresh_from_db()
    assert (figure.status, figure.return_reason) == (UpdateStatus.RETURNED, "Sai kỳ báo cáo.")
    assert update.status == UpdateStatus.SUBMITTED


def test_it_refuses_a_return_without_a_reason(client, plan, officer, agency_officer):
    update, figure = sent_by_agency(plan, agency_officer)
    client.force_login(officer)

    response = client.post(
        reverse("tracking-review"),
        {"item": [key(update), key(figure)], "action": "return", "reason": "  "},
        follow=True,
    )

    assert "Cần ghi lý do trả lại" in response.content.decode()
    assert set(TaskUpdate.objects.values_list("status", flat=True)) == {UpdateStatus.SUBMITTED}
    assert set(Measurement.objects.values_list("status", flat=True)) == {UpdateStatus.SUBMITTED}


def test_it_leaves_a_figure_changed_since_the_page_showed_it(client, plan, officer, agency_officer):
    update, figure = sent_by_agency(plan, agency_officer)
    seen = key(figure)
    save_measurement(figure.target, figure.period, agency_officer, value=Decimal("70"), expected_version=figure.version)
    client.force_login(officer)

    response = client.post(reverse("tracking-review"), {"item": [key(update), seen], "action": "accept"}, follow=True)

    figure.refresh_from_db()
    update.refresh_from_db()
    assert figure.status == UpdateStatus.SUBMITTED and figure.value == Decimal("70")
    assert update.status == UpdateStatus.ACCEPTED
    assert "đã được sửa sau khi trang hiện ra" in response.content.decode()


def test_it_accepts_the_standing_officers_own_work_as_entered(client, plan, officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    update = submit_update(task, officer, state=TaskState.DONE, completed_on=dt.date(2026, 3, 1))
    figure = save_measurement(plan.targets.get(), q1(), officer, value=Decimal("80"))

    assert update.status == figure.status == UpdateStatus.ACCEPTED
    assert not Notification.objects.exists()


def test_it_lets_no_one_but_the_units_standing_officer_decide(
    client, plan, agency_officer, other_commune_officer, reviewer
):
    update, figure = sent_by_agency(plan, agency_officer)
    for user in (agency_officer, reviewer):
        client.force_login(user)
        assert client.get(reverse("tracking-review")).status_code == 403
        assert client.post(reverse("tracking-review"), {"item": [key(update)], "action": "accept"}).status_code == 403

    client.force_login(other_commune_officer)
    page = client.get(reverse("tracking-review")).content.decode()
    assert "Đã rà soát 12 TTHC" not in page
    client.post(reverse("tracking-review"), {"item": [key(update), key(figure)], "action": "accept"})
    update.refresh_from_db()
    figure.refresh_from_db()
    assert update.status == figure.status == UpdateStatus.SUBMITTED


def test_it_shows_the_agency_a_returned_figure_with_its_reason(client, plan, officer, agency_officer):
    update, figure = sent_by_agency(plan, agency_officer)
    client.force_login(officer)
    client.post(reverse("tracking-review"), {"return_one": key(figure), f"reason:{key(figure)}": "Sai kỳ báo cáo."})

    client.force_login(agency_officer)
    page = client.get(reverse("figures-target", args=[figure.target_id])).content.decode()

    assert "Bị trả lại" in page and "Sai kỳ báo cáo. — hãy sửa và nhập lại." in page
    figure.refresh_from_db()
    save_measurement(figure.target, figure.period, agency_officer, value=Decimal("62"), expected_version=figure.version)
    figure.refresh_from_db()
    assert (figure.status, figure.return_reason) == (UpdateStatus.SUBMITTED, "")  # corrected: waiting again


def test_it_marks_what_came_since_the_last_look(client, plan, officer, agency_officer):
    update, figure = sent_by_agency(plan, agency_officer)
    client.force_login(officer)

    first = client.get(reverse("tracking-review")).content.decode()
    assert "2 mục mới gửi từ lần bạn xem trước" in first and first.count(">Mới</span>") == 2
    assert not Notification.objects.filter(user=officer, kind="waiting", read_at__isnull=True).exists()

    task_2b = add_task_2b(plan, update.task.lead)
    submit_update(task_2b, agency_officer, state=TaskState.IN_PROGRESS, progress=10)
    again = client.get(reverse("tracking-review")).content.decode()
    assert "1 mục mới gửi từ lần bạn xem trước" in again and again.count(">Mới</span>") == 1


def test_it_reads_the_queue_in_the_same_number_of_queries_however_long(client, plan, officer, agency_officer):
    sent_by_agency(plan, agency_officer)
    client.force_login(officer)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("tracking-review"))
    sent_more(plan, agency_officer)

    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("tracking-review")).content.decode()

    assert page.count('class="card review-item"') == 2 + 3 + 3
    assert len(many) == len(few)


def test_it_lists_a_returned_figure_in_the_agency_officers_tasks(client, plan, officer, agency_officer):
    update, figure = sent_by_agency(plan, agency_officer)
    client.force_login(officer)
    client.post(reverse("tracking-review"), {"return_one": key(figure), f"reason:{key(figure)}": "Sai kỳ báo cáo."})

    client.force_login(agency_officer)
    page = client.get(reverse("tracking-my-tasks")).content.decode()

    assert 'id="returned-figures"' in page and "Sai kỳ báo cáo." in page and "Nhập lại" in page


def test_it_shows_a_page_of_each_list_at_a_time(client, plan, officer, agency_officer, monkeypatch):
    """A long queue comes in pages, the updates and the figures each with its own pager: the page reads the same
    number of queries however much waits, an item not shown yet stays "new", and deciding keeps the pages."""
    monkeypatch.setattr(review, "PER_PAGE", 2)
    sent_by_agency(plan, agency_officer)
    client.force_login(officer)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("tracking-review"))
    Notification.objects.update(read_at=None)
    sent_more(plan, agency_officer)  # 4 updates and 4 figures waiting now

    with CaptureQueriesContext(connection) as many:
        first = client.get(reverse("tracking-review")).content.decode()
    still_new = Notification.objects.filter(user=officer, kind="waiting", read_at__isnull=True).count()
    second = client.get(reverse("tracking-review") + "?trang=2&trang-so-lieu=2").content.decode()
    oldest_left = TaskUpdate.objects.filter(status=UpdateStatus.SUBMITTED).order_by("created_at", "pk")[2]
    decided = client.post(reverse("tracking-review") + "?trang=2&trang-so-lieu=2", {"accept_one": key(oldest_left)})

    assert len(many) == len(few)
    assert first.count('class="card review-item"') == 4 and second.count('class="card review-item"') == 4
    assert "Cập nhật nhiệm vụ (4)" in first and "Số liệu chỉ tiêu (4)" in first
    assert "Chọn tất cả trên trang này (4 trong 8 mục)" in first
    assert 'href="?trang=2"' in first and 'href="?trang-so-lieu=2"' in first
    assert "1–2 trong 4" in first and "3–4 trong 4" in second
    # the two tasks on the second page are still new; the target's figures share one notice, read on the first
    assert still_new == 2 and "2 mục mới gửi từ lần bạn xem trước" in second
    assert decided["Location"].endswith("?trang=2&trang-so-lieu=2")
    assert TaskUpdate.objects.filter(status=UpdateStatus.SUBMITTED).count() == 3


def test_it_shows_each_figure_beside_the_one_of_the_period_before(client, plan, officer, agency_officer):
    sent_by_agency(plan, agency_officer)
    sent_more(plan, agency_officer)  # H1, Q3 and the year of the same target, 70 each, after Q1's 61,5
    client.force_login(officer)

    page = client.get(reverse("tracking-review")).content.decode()

    assert page.count("· kỳ trước (") == 3  # Q1 has none before it
    assert "kỳ trước (Quý I 2026): 61,5%" in page and "kỳ trước (Quý III 2026): 70%" in page
