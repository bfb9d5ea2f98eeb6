"""The administrator moves Q1 2026's data window and due date when the guidance changes: drafts follow the new
window, a report already sent keeps the one it was frozen with; bad dates and a change made meanwhile are refused
with a message; nobody else may change a period."""

import datetime as dt

import pytest

from apps.reports.forms import PeriodForm
from apps.reports.services import open_draft, shown_content, submit
from apps.tracking.models import Period, PeriodKind
from apps.units.models import Role
from tests.web.conftest import make_user


@pytest.fixture
def administrator(city):
    return make_user("qtht", city, Role.ADMINISTRATOR)


def q1() -> Period:
    Period.ensure_year(2026)
    return Period.objects.get(year=2026, kind=PeriodKind.Q1)


def change(client, period, **values):
    body = {"start": "2025-12-15", "end": "2026-03-14", "due_on": "2026-03-20", "was": PeriodForm.stamp(period)}
    return client.post(f"/bao-cao/ky-bao-cao/{period.pk}/", body | values)


def test_it_moves_the_window_for_drafts_but_not_for_sent_reports(client, administrator, plan, officer, maodien):
    sent, _ = open_draft(plan.unit, q1(), officer)
    submit(sent, officer)
    client.force_login(administrator)

    response = change(client, q1(), end="2026-03-10", due_on="2026-03-12")

    period = q1()
    assert response.status_code == 302
    assert (period.end, period.due_on) == (dt.date(2026, 3, 10), dt.date(2026, 3, 12))
    assert shown_content(sent)[0]["period"]["end"] == "2026-03-14"  # frozen as sent
    draft, _ = open_draft(maodien, period, None)
    assert shown_content(draft)[0]["period"]["end"] == "2026-03-10"
    assert "Đã lưu Quý I 2026" in client.get("/bao-cao/ky-bao-cao/").content.decode()


def test_it_refuses_bad_dates_with_a_message(client, administrator):
    client.force_login(administrator)

    backwards = change(client, q1(), end="2025-12-01")
    early_due = change(client, q1(), due_on="2026-03-01")
    garbage = change(client, q1(), start="hôm qua")

    assert backwards.status_code == early_due.status_code == garbage.status_code == 422
    assert "phải sau ngày đầu" in backwards.content.decode()
    assert "không được trước ngày cuối" in early_due.content.decode()
    assert q1().end == dt.date(2026, 3, 14)


def test_it_does_not_overwrite_a_change_made_meanwhile(client, administrator):
    period = q1()
    loaded = PeriodForm.stamp(period)
    Period.objects.filter(pk=period.pk).update(due_on=dt.date(2026, 3, 25))  # another administrator's tab
    client.force_login(administrator)

    response = change(client, period, was=loaded, due_on="2026-03-22")

    assert response.status_code == 422 and "vừa được người khác sửa" in response.content.decode()
    assert q1().due_on == dt.date(2026, 3, 25)


def test_it_lets_only_the_administrator_change_a_period(client, reviewer, officer):
    for user in (reviewer, officer):
        client.force_login(user)
        assert change(client, q1(), due_on="2026-03-30").status_code == 403
        page = client.get("/bao-cao/ky-bao-cao/").content.decode()
        assert "20/03/2026" in page and "<button" not in page.split("<table")[1]
    assert q1().due_on == dt.date(2026, 3, 20)
