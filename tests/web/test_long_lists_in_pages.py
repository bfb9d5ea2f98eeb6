"""Lists that were cut short now come in pages, nothing out of reach: a commune's survey responses of a period
(300–400 a quarter, cut at 300 before), a person's notifications (cut at 200), the audit log — each with the
shared pager that keeps the page's filters."""

import datetime as dt

from django.test import Client

from apps.surveys import views as survey_views
from apps.tracking.models import Notification, NotificationKind
from tests.web.survey_answers import stored

DAY = dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_every_survey_response_of_a_period_can_be_reached(kesat, reviewer, monkeypatch):
    monkeypatch.setattr(survey_views, "RESPONSES_PAGE", 2)
    oldest, middle, newest = (
        stored(kesat, {"overall": 4}, submitted_at=DAY + dt.timedelta(hours=h))[0] for h in range(3)
    )
    url = f"/ket-qua-khao-sat/don-vi/{kesat.pk}/phieu/?ky=2026-year&loc=all"

    first = logged_in(reviewer).get(url).content.decode()
    second = logged_in(reviewer).get(url + "&trang=2").content.decode()

    assert (
        f"<td>{newest.pk}</td>" in first and f"<td>{middle.pk}</td>" in first and f"<td>{oldest.pk}</td>" not in first
    )
    assert f"<td>{oldest.pk}</td>" in second and "3–3 trong 3" in second
    assert 'href="?ky=2026-year&amp;loc=all&amp;trang=2"' in first  # the period and the choice kept


def test_every_notification_can_be_reached(officer):
    Notification.objects.bulk_create(
        Notification(user=officer, kind=NotificationKind.RETURNED, message=f"Thông báo {n}") for n in range(51)
    )

    first = logged_in(officer).get("/thong-bao/").content.decode()
    second = logged_in(officer).get("/thong-bao/?trang=2").content.decode()

    assert "1–50 trong 51" in first and "Thông báo 50</td>" in first and "Thông báo 0</td>" not in first
    assert "51–51 trong 51" in second and "Thông báo 0</td>" in second
