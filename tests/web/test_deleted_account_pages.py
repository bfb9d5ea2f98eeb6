"""An account deleted after its holder worked (a task update, a figure, a return) leaves the pages that name that
person working: they show "—" where the name was, never a 500."""

from django.urls import reverse

from apps.tracking.services import return_update
from tests.web.test_review_queue import sent_by_agency


def test_it_shows_the_pages_naming_a_deleted_account(client, plan, officer, agency_officer):
    update, figure = sent_by_agency(plan, agency_officer)
    agency_officer.delete()
    client.force_login(officer)

    queue = client.get(reverse("tracking-review"))
    assert queue.status_code == 200 and "— gửi lúc" in queue.content.decode()

    update.refresh_from_db()  # its author is gone
    return_update(update, officer, "Thiếu minh chứng")
    officer_name = officer.get_full_name() or officer.username
    task = client.get(reverse("tracking-task", args=[update.task_id]))
    assert task.status_code == 200 and f"Trả lại bởi {officer_name}" in task.content.decode()
    assert client.get(reverse("figures-target", args=[figure.target_id])).status_code == 200
