"""Officers enter a target's value per reporting period: forgiving numbers, rates from numerator and denominator,
evidence files, attainment badges, an audit entry per change; others may not."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.audit.models import AuditEntry
from apps.plans.models import Attainment
from apps.tracking.figures import FigureError, parse_number
from apps.tracking.models import Measurement, Period, PeriodKind
from tests.web.conftest import PASSWORD

APRIL = dt.datetime(2026, 4, 10, 9, 0, tzinfo=dt.UTC)


def q1():
    Period.ensure_year(2026)
    return Period.objects.get(kind=PeriodKind.Q1, year=2026)


def test_it_reads_numbers_as_people_type_them():
    assert parse_number("85,5") == Decimal("85.5")
    assert parse_number("85.5%") == Decimal("85.5")
    assert parse_number(" 90 % ") == Decimal("90")
    assert parse_number("1.234") == Decimal("1234")
    assert parse_number("1.234,5") == Decimal("1234.5")
    assert parse_number("") is None
    assert parse_number(12) == Decimal("12")
    with pytest.raises(FigureError, match="“abc” không phải là số: hãy ghi số, VD 85,5"):
        parse_number("abc")


@time_machine.travel(APRIL)
def test_the_agency_officer_enters_a_rate_from_numerator_and_denominator(client, agency_officer, plan, pvhcc):
    target = plan.targets.get()
    client.login(username=agency_officer.username, password=PASSWORD)
    page = client.get(f"/chi-tieu/{target.pk}/")
    assert "Nhập số liệu" in page.content.decode()
    response = client.post(
        f"/chi-tieu/{target.pk}/",
        {
            "period": q1().pk,
            "value": "",
            "numerator": "171",
            "denominator": "200",
            "source": "Hệ thống thông tin giải quyết TTHC",
            "files": SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4\n% test\n", "application/pdf"),
        },
    )
    assert response.status_code == 302
    measurement = Measurement.objects.get(target=target)
    assert measurement.value == Decimal("85.50")
    assert (measurement.numerator, measurement.denominator) == (Decimal("171"), Decimal("200"))
    assert measurement.entered_by == agency_officer
    assert [e.original_name for e in measurement.evidence.all()] == ["bao-cao.pdf"]
    entry = AuditEntry.objects.get(action="measurement.create")
    assert entry.user == agency_officer and entry.after["value"] == "85.50"
    assert target.attainment() == Attainment.MET
    page = client.get(f"/chi-tieu/{target.pk}/").content.decode()
    assert "85,5%" in page and 'class="badge met"' in page and "bao-cao.pdf" in page


@time_machine.travel(APRIL)
def test_a_correction_replaces_the_periods_value_and_is_audited_with_before_and_after(client, officer, plan):
    target = plan.targets.get()
    client.login(username=officer.username, password=PASSWORD)
    client.post(f"/chi-tieu/{target.pk}/", {"period": q1().pk, "value": "70"})
    assert target.attainment() == Attainment.AT_RISK
    form = client.get(f"/chi-tieu/{target.pk}/?period={q1().pk}").context["form"]  # the row's "Sửa"
    assert form["value"].value() == "70"
    client.post(f"/chi-tieu/{target.pk}/", {"period": q1().pk, "value": "80,5", "seen": form["seen"].value()})
    assert Measurement.objects.get(target=target).value == Decimal("80.50")
    assert target.attainment() == Attainment.ON_TRACK
    entry = AuditEntry.objects.get(action="measurement.update")
    assert entry.before["value"] == "70.00" and entry.after["value"] == "80.50"


@time_machine.travel(APRIL)
def test_a_bad_value_is_explained_and_nothing_is_saved(client, officer, plan):
    target = plan.targets.get()
    client.login(username=officer.username, password=PASSWORD)
    page = client.post(f"/chi-tieu/{target.pk}/", {"period": q1().pk, "value": "abc"})
    assert page.status_code == 200
    assert "không phải là số" in page.content.decode()
    page = client.post(f"/chi-tieu/{target.pk}/", {"period": q1().pk, "value": "120"})
    assert "0–100%" in page.content.decode()
    page = client.post(f"/chi-tieu/{target.pk}/", {"period": q1().pk, "numerator": "5", "denominator": "0"})
    assert "Mẫu số phải lớn hơn 0" in page.content.decode()
    assert not Measurement.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="measurement").exists()


@time_machine.travel(APRIL)
def test_a_disguised_evidence_file_is_refused(client, officer, plan):
    target = plan.targets.get()
    client.login(username=officer.username, password=PASSWORD)
    fake = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    page = client.post(f"/chi-tieu/{target.pk}/", {"period": q1().pk, "value": "90", "files": fake})
    assert page.status_code == 200
    assert "không đúng định dạng" in page.content.decode()
    assert not Measurement.objects.exists()


@time_machine.travel(APRIL)
def test_another_agency_officer_and_the_leader_may_read_but_not_enter(client, other_agency_officer, leader, plan):
    target = plan.targets.get()
    for user in (other_agency_officer, leader):
        client.login(username=user.username, password=PASSWORD)
        page = client.get(f"/chi-tieu/{target.pk}/")
        assert page.status_code == 200
        assert "Lưu số liệu" not in page.content.decode()
        assert client.post(f"/chi-tieu/{target.pk}/", {"period": q1().pk, "value": "90"}).status_code == 403
    assert not Measurement.objects.exists()


def test_another_commune_does_not_see_the_target(client, other_commune_officer, plan):
    target = plan.targets.get()
    client.login(username=other_commune_officer.username, password=PASSWORD)
    assert client.get(f"/chi-tieu/{target.pk}/").status_code == 404
    assert client.get(f"/ke-hoach/{plan.pk}/so-lieu/").status_code == 404
    assert client.post(f"/chi-tieu/{target.pk}/", {"value": "90"}).status_code == 404


@time_machine.travel(APRIL)
def test_the_plans_figures_page_shows_each_target_with_its_badge_and_trend(client, officer, plan):
    target = plan.targets.get()
    Period.ensure_year(2025)
    Period.ensure_year(2026)
    for kind, year, value in ((PeriodKind.YEAR, 2025, "78"), (PeriodKind.Q1, 2026, "70")):
        period = Period.objects.get(kind=kind, year=year)
        Measurement.objects.create(target=target, period=period, value=Decimal(value))
    client.login(username=officer.username, password=PASSWORD)
    page = client.get(f"/ke-hoach/{plan.pk}/so-lieu/").content.decode()
    assert "≥ 85%" in page
    assert "70%" in page and 'class="badge at_risk"' in page
    assert "<svg" in page and "<polyline" in page and "Năm 2025: 78" in page


@time_machine.travel(APRIL)
def test_the_standing_officer_binds_the_plans_targets_and_it_is_audited(client, officer, plan):
    client.login(username=officer.username, password=PASSWORD)
    client.post(f"/ke-hoach/{plan.pk}/so-lieu/gan-chi-so/")
    assert plan.targets.get().indicator.code == "ho-so-truc-tuyen"
    assert AuditEntry.objects.filter(action="plan.bind_indicators").exists()


def test_an_agency_officer_may_not_bind_indicators(client, agency_officer, plan):
    client.login(username=agency_officer.username, password=PASSWORD)
    assert client.post(f"/ke-hoach/{plan.pk}/so-lieu/gan-chi-so/").status_code == 403
    assert plan.targets.get().indicator is None
