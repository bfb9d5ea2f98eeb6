"""Sở Nội vụ sees Kẽ Sắt's flagged responses and excludes one with a reason (audited, not deleted), or takes an
exclusion back; the commune sees the flags but cannot exclude; an exclusion without a reason is refused."""

import datetime as dt

from django.test import Client

from apps.audit.models import AuditEntry
from apps.surveys.models import Response
from tests.web.survey_answers import stored

DAY = dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_it_lets_the_city_exclude_a_flagged_response_with_a_reason(kesat, reviewer, officer):
    (flagged,) = stored(kesat, {"overall": 1, "access.1": 1}, submitted_at=DAY, flags=["burst"], flagged=True)
    stored(kesat, {"overall": 5, "access.1": 5}, submitted_at=DAY)

    page = logged_in(reviewer).get(f"/ket-qua-khao-sat/don-vi/{kesat.pk}/phieu/?ky=2026-year")
    assert "Nhiều phiếu từ cùng một địa chỉ" in page.content.decode()

    logged_in(reviewer).post(f"/ket-qua-khao-sat/phieu/{flagged.pk}/loai/", {"reason": "Gửi dồn từ một máy"})

    flagged.refresh_from_db()
    assert flagged.excluded and flagged.exclude_reason == "Gửi dồn từ một máy" and flagged.excluded_by == reviewer
    assert Response.objects.count() == 2
    assert AuditEntry.objects.filter(action="survey_response.exclude", unit=kesat).exists()
    shown = logged_in(officer).get(f"/ket-qua-khao-sat/don-vi/{kesat.pk}/?ky=2026-year").content.decode()
    assert '<div class="stat">100%</div>' in shown  # the excluded "1" no longer counts

    logged_in(reviewer).post(f"/ket-qua-khao-sat/phieu/{flagged.pk}/loai/", {"action": "include"})
    flagged.refresh_from_db()
    assert not flagged.excluded


def test_it_refuses_an_exclusion_without_a_reason(kesat, reviewer):
    (response,) = stored(kesat, {"overall": 1}, submitted_at=DAY)

    answer = logged_in(reviewer).post(f"/ket-qua-khao-sat/phieu/{response.pk}/loai/", {"reason": " "}, follow=True)

    assert "Hãy ghi lý do loại phiếu" in answer.content.decode()
    response.refresh_from_db()
    assert not response.excluded


def test_it_does_not_let_the_commune_exclude_its_own_responses(kesat, officer):
    (response,) = stored(kesat, {"overall": 1}, submitted_at=DAY)

    answer = logged_in(officer).post(f"/ket-qua-khao-sat/phieu/{response.pk}/loai/", {"reason": "Không thích"})

    assert answer.status_code == 403
    response.refresh_from_db()
    assert not response.excluded
