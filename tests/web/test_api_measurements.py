"""The one-stop centre's officer enters the online-filing rate for a period; the target shows it and how it stands."""

import datetime as dt
from decimal import Decimal

import time_machine

from apps.api.models import ApiToken
from apps.audit.models import AuditEntry
from apps.tracking.models import Measurement, Period


def bearer(user) -> dict:
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


@time_machine.travel(dt.datetime(2026, 3, 16, 9, 0), tick=False)
def test_it_enters_a_figure_and_shows_it_on_the_target(client, agency_officer, plan):
    target = plan.targets.get()
    headers = bearer(agency_officer)

    response = client.post(
        f"/api/targets/{target.pk}/measurements",
        {"period": "2026-q1", "value": "80.5", "numerator": 161, "denominator": 200, "source": "Cổng DVC thành phố"},
        content_type="application/json",
        headers=headers,
    )

    assert response.status_code == 201
    body = response.json()
    assert body["period"]["code"] == "2026-q1"
    assert (body["period"]["start"], body["period"]["end"]) == ("2025-12-15", "2026-03-14")
    assert Decimal(body["value"]) == Decimal("80.5")
    assert body["entered_by"] == "kesat.pvhcc"
    entry = AuditEntry.objects.get(action="measurement.create")
    assert (entry.user, entry.unit.code) == (agency_officer, "ke-sat")
    [listed] = client.get(f"/api/targets?plan={plan.pk}", headers=headers).json()["items"]
    assert Decimal(listed["latest"]["value"]) == Decimal("80.5")
    assert listed["attainment"] == "on_track"


@time_machine.travel(dt.datetime(2026, 7, 1, 9, 0), tick=False)
def test_it_replaces_the_figure_of_the_same_period(client, officer, plan):
    target = plan.targets.get()
    headers = bearer(officer)
    period = Period.ensure_year(2026)[1]  # 6 tháng

    first = client.post(
        f"/api/targets/{target.pk}/measurements",
        {"period": "2026-h1", "value": 70},
        content_type="application/json",
        headers=headers,
    )
    second = client.post(
        f"/api/targets/{target.pk}/measurements",
        {"period": period.pk, "value": 86, "source": "Báo cáo 6 tháng"},
        content_type="application/json",
        headers=headers | {"If-Match": first["ETag"]},
    )

    assert (first.status_code, second.status_code) == (201, 200)
    [measurement] = Measurement.objects.filter(target=target)
    assert (measurement.value, measurement.source) == (Decimal("86"), "Báo cáo 6 tháng")
    entry = AuditEntry.objects.get(action="measurement.update")
    assert (entry.before["value"], entry.after["value"]) == ("70.00", "86.00")
    listed = client.get(f"/api/targets/{target.pk}/measurements", headers=headers).json()
    assert [row["period"]["code"] for row in listed] == ["2026-h1"]


def test_it_forbids_another_agency_to_enter_the_figure(client, other_agency_officer, plan):
    target = plan.targets.get()

    response = client.post(
        f"/api/targets/{target.pk}/measurements",
        {"period": "2026-q1", "value": 99},
        content_type="application/json",
        headers=bearer(other_agency_officer),
    )

    assert response.status_code == 403
    assert response.json() == {"detail": "Bạn không có quyền nhập số liệu cho chỉ tiêu này."}
    assert not Measurement.objects.exists()


@time_machine.travel(dt.datetime(2026, 3, 16, 9, 0), tick=False)
def test_it_rejects_an_unknown_period_and_a_bad_value(client, agency_officer, plan):
    target = plan.targets.get()
    headers = bearer(agency_officer)

    period = client.post(
        f"/api/targets/{target.pk}/measurements",
        {"period": "2026-q2", "value": 80},
        content_type="application/json",
        headers=headers,
    )
    value = client.post(
        f"/api/targets/{target.pk}/measurements",
        {"period": "2026-q1", "value": "tám mươi", "denominator": 0},
        content_type="application/json",
        headers=headers,
    )

    assert period.status_code == 422
    assert "'2026-q2' không phải là kỳ báo cáo" in period.json()["detail"]
    assert value.status_code == 422
    assert value.json()["detail"] == "Dữ liệu không hợp lệ: value: phải là số; denominator: phải lớn hơn 0."
    assert not Measurement.objects.exists()


@time_machine.travel(dt.datetime(2026, 7, 1, 9, 0), tick=False)
def test_it_computes_a_rate_from_numerator_and_denominator(client, agency_officer, plan):
    target = plan.targets.get()

    response = client.post(
        f"/api/targets/{target.pk}/measurements",
        {"period": "6 tháng 2026", "numerator": 87, "denominator": 100},
        content_type="application/json",
        headers=bearer(agency_officer),
    )

    assert response.status_code == 201
    assert (response.json()["period"]["code"], Decimal(response.json()["value"])) == ("2026-h1", Decimal("87"))


@time_machine.travel(dt.datetime(2026, 7, 1, 9, 0), tick=False)
def test_it_keeps_to_the_rules_of_the_figures_page(client, agency_officer, plan):
    target = plan.targets.get()
    headers = bearer(agency_officer)

    over = client.post(
        f"/api/targets/{target.pk}/measurements",
        {"period": "2026-year", "value": 120},
        content_type="application/json",
        headers=headers,
    )
    future = client.post(
        f"/api/targets/{target.pk}/measurements",
        {"period": "2027-q1", "value": 90},
        content_type="application/json",
        headers=headers,
    )

    assert (over.status_code, over.json()["detail"]) == (422, "Tỷ lệ 120% phải nằm trong khoảng 0–100%.")
    assert (future.status_code, future.json()["detail"]) == (
        422,
        "Năm 2027 nằm ngoài thời gian nhập số liệu của kế hoạch.",
    )
    assert not Measurement.objects.exists()


def test_it_says_whether_a_figure_waits_for_review(client, agency_officer, officer, plan):
    Period.ensure_year(2026)
    target = plan.targets.get()
    answer = client.post(
        f"/api/targets/{target.pk}/measurements",
        {"period": "2026-q1", "value": 60},
        content_type="application/json",
        headers=bearer(agency_officer),
    ).json()
    assert answer["status"] == "submitted"

    listed = client.get(f"/api/targets/{target.pk}/measurements", headers=bearer(officer)).json()
    assert [(m["status"], m["return_reason"]) for m in listed] == [("submitted", "")]
