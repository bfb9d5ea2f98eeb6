"""The city reviewer of Sở Nội vụ reads every commune's plans through the API but changes nothing."""

from apps.api.models import ApiToken
from apps.plans.models import Plan, PlanStatus, Task


def bearer(user) -> dict:
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


def test_it_reads_the_plans_of_every_commune(client, reviewer, plan, maodien):
    other = Plan.objects.create(unit=maodien, status=PlanStatus.PUBLISHED, number="12/KH-UBND", title="Kế hoạch CCHC")
    Task.objects.create(plan=other, content="Tuyên truyền CCHC")
    headers = bearer(reviewer)

    plans = client.get("/api/plans", headers=headers).json()
    detail = client.get(f"/api/plans/{plan.pk}", headers=headers)
    tasks = client.get("/api/tasks", headers=headers).json()

    assert {row["unit"]["name"] for row in plans["items"]} == {"Xã Kẽ Sắt", "Xã Mao Điền"}
    assert detail.status_code == 200
    assert len(detail.json()["tasks"]) == 2 and len(detail.json()["targets"]) == 1
    assert tasks["count"] == 3


def test_it_forbids_the_reviewer_to_post_updates_or_figures(client, reviewer, plan):
    headers = bearer(reviewer)
    task = plan.tasks.first()
    target = plan.targets.first()

    update = client.post(
        f"/api/tasks/{task.pk}/updates",
        {"status": "in_progress", "progress": 10},
        content_type="application/json",
        headers=headers,
    )
    figure = client.post(
        f"/api/targets/{target.pk}/measurements",
        {"period": "2026-q1", "value": 90},
        content_type="application/json",
        headers=headers,
    )

    assert update.status_code == 403
    assert figure.status_code == 403
    assert not task.updates.exists()
    assert not target.measurements.exists()
