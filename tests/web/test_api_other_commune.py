"""The standing officer of another commune learns nothing of Kẽ Sắt's plan: every address answers 404."""

from apps.api.models import ApiToken
from apps.plans.models import TaskState


def bearer(user) -> dict:
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


def test_it_hides_the_plan_its_tasks_and_targets(client, other_commune_officer, plan):
    headers = bearer(other_commune_officer)
    task = plan.tasks.first()
    target = plan.targets.first()

    for url in (f"/api/plans/{plan.pk}", f"/api/tasks/{task.pk}", f"/api/targets/{target.pk}/measurements"):
        response = client.get(url, headers=headers)
        assert response.status_code == 404, url
        assert response.json() == {"detail": "Không tìm thấy."}


def test_it_leaves_the_plan_out_of_every_list(client, other_commune_officer, plan):
    headers = bearer(other_commune_officer)

    for url in ("/api/plans", "/api/tasks", f"/api/tasks?plan={plan.pk}", f"/api/targets?plan={plan.pk}"):
        assert client.get(url, headers=headers).json() == {"items": [], "count": 0}, url


def test_it_answers_404_not_403_to_a_write(client, other_commune_officer, plan):
    headers = bearer(other_commune_officer)
    task = plan.tasks.first()
    target = plan.targets.first()

    update = client.post(
        f"/api/tasks/{task.pk}/updates", {"status": "done"}, content_type="application/json", headers=headers
    )
    figure = client.post(
        f"/api/targets/{target.pk}/measurements",
        {"period": "2026-q1", "value": 90},
        content_type="application/json",
        headers=headers,
    )

    assert (update.status_code, figure.status_code) == (404, 404)
    task.refresh_from_db()
    assert task.state == TaskState.NOT_STARTED
    assert not target.measurements.exists()
