"""``GET /api/review``: what Kẽ Sắt's agencies sent and waits for its standing officer, newest first, each with what
the page shows and the version to decide it by; nobody but a unit's standing officer reads it."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.api.models import ApiToken
from apps.plans.models import TaskState
from apps.tracking.figures import save_measurement
from apps.tracking.models import Period, PeriodKind
from apps.tracking.services import submit_update
from tests.web.test_review_queue import sent_by_agency, sent_more


def bearer(user) -> dict:
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


def test_it_lists_the_waiting_updates_and_figures_newest_first(client, plan, officer, agency_officer):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    update = submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=40, comment="Đã rà soát 12 TTHC")
    Period.ensure_year(2026)
    q1 = Period.objects.get(year=2026, kind=PeriodKind.Q1)
    figure = save_measurement(plan.targets.get(), q1, agency_officer, value=Decimal("61.5"), note="Theo phần mềm")

    response = client.get("/api/review", headers=bearer(officer))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    newest, oldest = body["items"]
    assert (newest["kind"], newest["id"], newest["version"], newest["etag"]) == (
        "figure",
        figure.pk,
        figure.version,
        f'"v{figure.version}"',
    )
    assert newest["target"]["text"].startswith("Tỷ lệ hồ sơ giải quyết trực tuyến")
    assert (newest["period"], Decimal(newest["value"]), newest["comment"]) == (
        "Quý I 2026",
        Decimal("61.5"),
        "Theo phần mềm",
    )
    assert newest["agency"]["name"] == "Trung tâm Phục vụ hành chính công"
    assert (oldest["kind"], oldest["id"], oldest["task"]["id"], oldest["plan"]) == (
        "update",
        update.pk,
        task.pk,
        plan.pk,
    )
    assert (oldest["state"], oldest["progress"], oldest["comment"]) == (TaskState.IN_PROGRESS, 40, "Đã rà soát 12 TTHC")
    assert oldest["sent_by"] == "kesat.pvhcc" and oldest["sent_at"]


def test_it_shows_the_queue_to_the_units_standing_officer_only(
    client, plan, agency_officer, other_commune_officer, reviewer
):
    task = plan.tasks.get(lead__code="ke-sat-pvhcc")
    submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=40, comment="Đã rà soát 12 TTHC")

    for user in (agency_officer, reviewer):
        refused = client.get("/api/review", headers=bearer(user))
        assert refused.status_code == 403 and "cán bộ thường trực" in refused.json()["detail"]
    other = client.get("/api/review", headers=bearer(other_commune_officer))
    assert other.status_code == 200 and other.json()["count"] == 0


def test_it_reads_the_queue_in_the_same_number_of_queries_however_long(client, plan, officer, agency_officer):
    sent_by_agency(plan, agency_officer)
    headers = bearer(officer)
    client.get("/api/review", headers=headers)  # the token's first use is recorded once
    with CaptureQueriesContext(connection) as few:
        assert client.get("/api/review", headers=headers).json()["count"] == 2
    sent_more(plan, agency_officer)

    with CaptureQueriesContext(connection) as many:
        assert client.get("/api/review", headers=headers).json()["count"] == 2 + 3 + 3

    assert len(many) == len(few)
