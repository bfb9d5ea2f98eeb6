"""A task's partner agencies in the API, in the order of the units' list (kind, then name), wherever the task is
read: the list of tasks, the task itself, its plan; a task without partners has an empty list."""

from apps.api.models import ApiToken


def test_it_lists_each_tasks_partners(client, officer, plan, pvhcc, vanphong):
    shared, alone = plan.tasks.order_by("position")
    shared.partners.set([vanphong, pvhcc])
    headers = {"Authorization": f"Bearer {ApiToken.issue(officer)[1]}"}
    expected = sorted([pvhcc, vanphong], key=lambda u: (u.kind, u.name))

    listed = {t["id"]: t for t in client.get(f"/api/tasks?plan={plan.pk}", headers=headers).json()["items"]}
    one = client.get(f"/api/tasks/{shared.pk}", headers=headers).json()
    in_plan = {t["id"]: t for t in client.get(f"/api/plans/{plan.pk}", headers=headers).json()["tasks"]}

    for shown in (listed[shared.pk], one, in_plan[shared.pk]):
        assert shown["partners"] == [{"id": u.pk, "name": u.name} for u in expected]
    assert listed[alone.pk]["partners"] == [] == in_plan[alone.pk]["partners"]
