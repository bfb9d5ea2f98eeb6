"""A figure is never overwritten unseen: a first value for a period that already has one, or a correction made
from a value changed since, says what is there, who entered it, and offers to replace exactly that value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from apps.tracking.figures import save_measurement
from apps.tracking.models import Measurement, Period, PeriodKind
from apps.units.models import Role
from tests.web.conftest import make_user

APRIL = dt.datetime(2026, 4, 10, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def q1(db):
    Period.ensure_year(2026)
    return Period.objects.get(kind=PeriodKind.Q1, year=2026)


@pytest.fixture
def colleague(pvhcc):
    user = make_user("kesat.pvhcc2", pvhcc, Role.AGENCY_OFFICER)
    user.first_name, user.last_name = "Phạm Văn", "Hùng"
    user.save()
    return user


def url(target) -> str:
    return f"/chi-tieu/{target.pk}/"


@time_machine.travel(APRIL)
def test_it_does_not_overwrite_a_value_entered_meanwhile_and_offers_to_replace_it(
    client, agency_officer, colleague, plan, q1
):
    target = plan.targets.get()
    client.force_login(agency_officer)
    seen = client.get(url(target)).context["form"]["seen"].value()
    save_measurement(target, q1, colleague, value="72")

    response = client.post(url(target), {"period": q1.pk, "value": "90", "seen": seen or ""})

    assert response.status_code == 409
    page = response.content.decode()
    assert "đã có số liệu" in page and "72%" in page and "Phạm Văn Hùng" in page and "90%" in page
    assert "Thay số liệu hiện có" in page
    assert Measurement.objects.get().value == Decimal("72.00")

    confirm = response.context["form"]["seen"].value()
    replaced = client.post(url(target), {"period": q1.pk, "value": "90", "seen": confirm, "replace": "1"})

    assert replaced.status_code == 302
    assert Measurement.objects.get().value == Decimal("90.00")


@time_machine.travel(APRIL)
def test_it_refuses_a_correction_of_a_value_changed_since_with_both_values(client, agency_officer, colleague, plan, q1):
    target = plan.targets.get()
    save_measurement(target, q1, colleague, value="72")
    client.force_login(agency_officer)
    form = client.get(f"{url(target)}?period={q1.pk}").context["form"]
    assert form["seen"].value() == f"{q1.pk}:1"
    save_measurement(target, q1, colleague, value="75", expected_version=1)

    response = client.post(url(target), {"period": q1.pk, "value": "80", "seen": form["seen"].value()})

    assert response.status_code == 409
    page = response.content.decode()
    assert "đã được Phạm Văn Hùng sửa thành" in page and "75%" in page and "80%" in page
    assert Measurement.objects.get().value == Decimal("75.00")


@time_machine.travel(APRIL)
def test_it_does_not_replace_a_value_changed_after_the_offer(client, agency_officer, colleague, plan, q1):
    target = plan.targets.get()
    save_measurement(target, q1, colleague, value="72")
    client.force_login(agency_officer)
    offer = client.post(url(target), {"period": q1.pk, "value": "90"})
    save_measurement(target, q1, colleague, value="74", expected_version=1)

    again = client.post(url(target), {"period": q1.pk, "value": "90", "seen": offer.context["form"]["seen"].value()})

    assert again.status_code == 409 and "74%" in again.content.decode()
    assert Measurement.objects.get().value == Decimal("74.00")
