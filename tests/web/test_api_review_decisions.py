"""``POST /api/review/accept`` and ``/api/review/return``: the standing officer decides several waiting items in one
request, as the page does; a return needs a reason, which the authors are told."""

from apps.api.models import ApiToken
from apps.audit.models import AuditEntry
from apps.plans.models import TaskState
from apps.tracking.models import Measurement, Notification, TaskUpdate, UpdateStatus
from tests.web.test_review_queue import sent_by_agency


def bearer(user) -> dict:
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


def sent_with_items(plan, agency_officer):
    update, figure = sent_by_agency(plan, agency_officer)
    items = [
        {"kind": "update", "id": update.pk, "version": update.version},
        {"kind": "figure", "id": figure.pk, "version": figure.version},
    ]
    return update, figure, items


def test_it_accepts_several_at_once(client, plan, officer, agency_officer):
    update, figure, items = sent_with_items(plan, agency_officer)

    response = client.post(
        "/api/review/accept", {"items": items}, content_type="application/json", headers=bearer(officer)
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["accepted"], body["returned"], body["refused"]) == (2, 0, [])
    assert body["decided"] == [{"kind": "update", "id": update.pk}, {"kind": "figure", "id": figure.pk}]
    update.refresh_from_db()
    figure.refresh_from_db()
    assert update.status == figure.status == UpdateStatus.ACCEPTED
    assert update.reviewed_by == figure.reviewed_by == officer
    assert {e.action for e in AuditEntry.objects.filter(user=officer)} == {"task.update.accept", "measurement.accept"}
    assert client.get("/api/review", headers=bearer(officer)).json()["count"] == 0


def test_it_returns_several_with_one_reason_and_tells_each_author(client, plan, officer, agency_officer):
    update, figure, items = sent_with_items(plan, agency_officer)

    response = client.post(
        "/api/review/return",
        {"items": items, "reason": "Thiếu văn bản minh chứng."},
        content_type="application/json",
        headers=bearer(officer),
    )

    assert response.status_code == 200 and response.json()["returned"] == 2
    update.refresh_from_db()
    figure.refresh_from_db()
    assert [(x.status, x.return_reason) for x in (update, figure)] == [
        (UpdateStatus.RETURNED, "Thiếu văn bản minh chứng."),
    ] * 2
    told = Notification.objects.filter(user=agency_officer, kind="returned").values_list("message", flat=True)
    assert len(told) == 2 and all("Thiếu văn bản minh chứng." in message for message in told)
    assert update.task.state == TaskState.NOT_STARTED  # the task went back to before the returned update


def test_it_refuses_a_return_without_a_reason_and_decides_nothing(client, plan, officer, agency_officer):
    _, _, items = sent_with_items(plan, agency_officer)

    for body in ({"items": items}, {"items": items, "reason": "   "}):
        response = client.post("/api/review/return", body, content_type="application/json", headers=bearer(officer))
        assert response.status_code == 422 and "lý do" in response.json()["detail"]

    assert set(TaskUpdate.objects.values_list("status", flat=True)) == {UpdateStatus.SUBMITTED}
    assert set(Measurement.objects.values_list("status", flat=True)) == {UpdateStatus.SUBMITTED}


def test_it_refuses_an_empty_or_unknown_kind_of_item(client, plan, officer, agency_officer):
    update, _, _ = sent_with_items(plan, agency_officer)
    headers = bearer(officer)

    empty = client.post("/api/review/accept", {"items": []}, content_type="application/json", headers=headers)
    task = client.post(
        "/api/review/accept",
        {"items": [{"kind": "task", "id": update.pk, "version": 1}]},
        content_type="application/json",
        headers=headers,
    )

    assert empty.status_code == task.status_code == 422
    assert "kind" in task.json()["detail"]
    update.refresh_from_db()
    assert update.status == UpdateStatus.SUBMITTED
