"""The review API never decides an item unseen: one changed since the version sent is left waiting (412, named),
one decided meanwhile is told (409), the others of the request are decided; an item of another unit's plan is
not found (404) and then nothing of the request is decided."""

from decimal import Decimal

from apps.api.models import ApiToken
from apps.plans.models import Plan, PlanStatus, TaskState
from apps.tracking import review
from apps.tracking.figures import save_measurement
from apps.tracking.models import TaskUpdate, UpdateStatus
from apps.tracking.services import submit_update
from apps.units.models import Unit, UnitKind
from tests.web.test_review_queue import sent_by_agency


def bearer(user) -> dict:
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


def item(obj, version=None) -> dict:
    kind = "update" if isinstance(obj, TaskUpdate) else "figure"
    return {"kind": kind, "id": obj.pk, "version": obj.version if version is None else version}


def test_it_leaves_a_figure_changed_since_its_version_and_decides_the_rest(client, plan, officer, agency_officer):
    update, figure = sent_by_agency(plan, agency_officer)
    seen = item(figure)
    save_measurement(figure.target, figure.period, agency_officer, value=Decimal("70"), expected_version=figure.version)

    response = client.post(
        "/api/review/accept",
        {"items": [item(update), seen]},
        content_type="application/json",
        headers=bearer(officer),
    )

    assert response.status_code == 412
    body = response.json()
    assert body["decided"] == [{"kind": "update", "id": update.pk}]
    [refused] = body["refused"]
    assert (refused["kind"], refused["id"], refused["why"], refused["version"]) == (
        "figure",
        figure.pk,
        "changed",
        figure.version + 1,
    )
    assert "đã được sửa" in refused["detail"] and "Quý I 2026" in body["detail"]
    figure.refresh_from_db()
    update.refresh_from_db()
    assert (figure.status, figure.value, update.status) == (
        UpdateStatus.SUBMITTED,
        Decimal("70"),
        UpdateStatus.ACCEPTED,
    )


def test_it_tells_an_item_decided_meanwhile(client, plan, officer, agency_officer):
    update, figure = sent_by_agency(plan, agency_officer)
    review.accept_figure(figure, officer)  # in another tab

    response = client.post(
        "/api/review/return",
        {"items": [item(update), item(figure, version=1)], "reason": "Sai kỳ"},
        content_type="application/json",
        headers=bearer(officer),
    )

    assert response.status_code == 409
    body = response.json()
    assert body["returned"] == 1 and [(r["id"], r["why"]) for r in body["refused"]] == [(figure.pk, "gone")]
    figure.refresh_from_db()
    assert figure.status == UpdateStatus.ACCEPTED


def test_it_finds_no_item_of_another_units_plan_and_decides_nothing(
    client, plan, officer, agency_officer, other_commune_officer, maodien
):
    update, figure = sent_by_agency(plan, agency_officer)
    other = Plan.objects.create(unit=maodien, status=PlanStatus.PUBLISHED, number="12/KH-UBND", title="Kế hoạch CCHC")
    agency = Unit.objects.create(name="Văn phòng", kind=UnitKind.AGENCY, parent=maodien, code="mao-dien-vp")
    task = other.tasks.create(content="Tuyên truyền CCHC", lead=agency)
    theirs = submit_update(task, other_commune_officer, state=TaskState.IN_PROGRESS, progress=10)

    mine = client.post(
        "/api/review/accept",
        {"items": [item(update), {"kind": "update", "id": theirs.pk, "version": theirs.version}]},
        content_type="application/json",
        headers=bearer(officer),
    )
    intruder = client.post(
        "/api/review/accept",
        {"items": [item(figure)]},
        content_type="application/json",
        headers=bearer(other_commune_officer),
    )

    assert mine.status_code == 404 and f"update #{theirs.pk}" in mine.json()["detail"]
    assert intruder.status_code == 404 and "Quý" not in intruder.json()["detail"]
    update.refresh_from_db()
    figure.refresh_from_db()
    assert update.status == figure.status == UpdateStatus.SUBMITTED
