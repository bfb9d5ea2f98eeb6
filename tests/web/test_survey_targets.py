"""Kẽ Sắt's standing officer writes the year's survey result into the plan's satisfaction target — only when they
ask for it, never silently — and a value already there is replaced only when they tick so."""

import datetime as dt
from decimal import Decimal

from django.test import Client

from apps.audit.models import AuditEntry
from apps.plans.models import Area, Indicator, Target
from apps.tracking.models import Measurement
from tests.web.survey_answers import stored

DAY = dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC)


def satisfaction_target(plan):
    return Target.objects.create(
        plan=plan,
        position=2,
        text="Mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính đạt trên 95%",
        value=Decimal("95"),
        area=Area.TTHC,
        indicator=Indicator.objects.get(code="sipas"),
    )


def test_it_writes_the_overall_rate_into_the_ticked_target_when_asked(plan, officer):
    target = satisfaction_target(plan)
    stored(plan.unit, {"overall": 5, "access.1": 5}, n=3, submitted_at=DAY)
    stored(plan.unit, {"overall": 2, "access.1": 2}, submitted_at=DAY)
    client = Client()
    client.force_login(officer)

    page = client.get(f"/ket-qua-khao-sat/don-vi/{plan.unit.pk}/?ky=2026-year")
    assert target.text in page.content.decode()
    assert not Measurement.objects.exists()  # showing results writes nothing

    client.post(f"/ket-qua-khao-sat/don-vi/{plan.unit.pk}/ghi-chi-tieu/", {"ky": "2026-year", "target": target.pk})

    measurement = Measurement.objects.get(target=target)
    assert measurement.value == Decimal("75.00") and measurement.period.code == "2026-year"
    assert "Khảo sát SIPAS" in measurement.source and measurement.entered_by == officer
    assert AuditEntry.objects.filter(action="measurement.create").exists()


def test_it_replaces_a_value_already_there_only_when_ticked(plan, officer):
    target = satisfaction_target(plan)
    stored(plan.unit, {"overall": 5, "access.1": 5}, submitted_at=DAY)
    client = Client()
    client.force_login(officer)
    url = f"/ket-qua-khao-sat/don-vi/{plan.unit.pk}/ghi-chi-tieu/"
    client.post(url, {"ky": "2026-year", "target": target.pk})
    stored(plan.unit, {"overall": 1, "access.1": 1}, submitted_at=DAY)

    refused = client.post(url, {"ky": "2026-year", "target": target.pk}, follow=True)
    assert "đã có số liệu" in refused.content.decode()
    assert Measurement.objects.get(target=target).value == Decimal("100.00")

    client.post(url, {"ky": "2026-year", "target": target.pk, "replace": "1"})
    assert Measurement.objects.get(target=target).value == Decimal("50.00")


def test_it_lets_only_the_standing_officer_write_targets(plan, agency_officer, reviewer):
    target = satisfaction_target(plan)
    stored(plan.unit, {"overall": 5}, submitted_at=DAY)
    for user in (agency_officer, reviewer):
        client = Client()
        client.force_login(user)
        answer = client.post(f"/ket-qua-khao-sat/don-vi/{plan.unit.pk}/ghi-chi-tieu/", {"target": target.pk})
        assert answer.status_code == 403
    assert not Measurement.objects.exists()
