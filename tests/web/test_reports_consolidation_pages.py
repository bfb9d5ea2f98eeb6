"""Sở Nội vụ opens the consolidation of Q1 2026 on its page and through the API, and drills down from a unit's
overdue count to those tasks; a commune's officer may not see the city's consolidation."""

import datetime as dt

from apps.api.models import ApiToken
from apps.units.models import UnitKind
from tests.web.consolidation_world import at, report, reporting_unit

AFTER_DUE = dt.date(2026, 3, 25)


def bearer(user) -> dict:
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


def world(city, reviewer):
    kesat = reporting_unit(city, "ks", "Xã Kẽ Sắt", done=3, overdue=1, online=(9, 10))
    maodien = reporting_unit(city, "md", "Xã Mao Điền", done=1, overdue=3, online=(50, 100))
    haian = reporting_unit(city, "ha", "Phường Hải An", kind=UnitKind.WARD, done=2)
    accepted = report(*kesat, reviewer)
    report(*maodien, reviewer, on=dt.date(2026, 3, 22))
    report(*haian, reviewer, state="returned", reason="Thiếu số liệu hồ sơ trực tuyến.")
    return kesat, maodien, haian, accepted


def test_it_answers_the_consolidation_through_the_api(client, city, reviewer):
    (kesat, _), (maodien, _), (haian, _), _ = world(city, reviewer)

    with at(AFTER_DUE):
        body = client.get("/api/consolidation?period=2026-q1", headers=bearer(reviewer)).json()

    units = {row["unit_name"]: row for row in body["units"]}
    assert units["Xã Kẽ Sắt"]["block"] == "communes" and units["Xã Kẽ Sắt"]["rank"] == 1
    assert units["Xã Kẽ Sắt"]["tasks"] == {"done_on_time": 3, "done_late": 0, "in_progress": 0, "overdue": 1}
    assert units["Xã Mao Điền"]["late"] is True and units["Xã Mao Điền"]["rank"] == 2
    assert units["Phường Hải An"]["state"] == "returned" and units["Phường Hải An"]["tasks"] is None
    assert units["Phường Hải An"]["return_reason"] == "Thiếu số liệu hồ sơ trực tuyến."
    online = next(i for i in body["indicators"] if i["code"] == "ho-so-truc-tuyen")
    assert (online["numerator"], online["denominator"], online["value"]) == (59, 110, 53.64)
    assert body["city"]["tasks_total"] == 8 and body["city"]["completion_rate"] == 50.0


def test_it_refuses_the_consolidation_to_a_commune(client, city, reviewer):
    (_, kesat_officer), *_ = world(city, reviewer)

    api = client.get("/api/consolidation?period=2026-q1", headers=bearer(kesat_officer))
    client.force_login(kesat_officer)
    page = client.get("/bao-cao/tong-hop/")

    assert api.status_code == 403 and "Sở Nội vụ" in api.json()["detail"]
    assert page.status_code == 403


def test_it_says_what_is_wrong_with_a_bad_period(client, city, reviewer):
    world(city, reviewer)

    api = client.get("/api/consolidation?period=quy-9", headers=bearer(reviewer))
    client.force_login(reviewer)
    with at(AFTER_DUE):
        page = client.get("/bao-cao/tong-hop/?period=quy-9", follow=True)

    assert api.status_code == 422 and "không hợp lệ" in api.json()["detail"]
    assert page.status_code == 200 and "không hợp lệ" in page.content.decode()


def test_it_shows_the_board_and_drills_down_to_the_tasks(client, city, reviewer):
    *_, accepted = world(city, reviewer)
    client.force_login(reviewer)

    with at(AFTER_DUE):
        page = client.get("/bao-cao/tong-hop/?period=2026-q1").content.decode()
        drill = client.get(f"/bao-cao/{accepted.pk}/?tinh-trang=overdue").content.decode()

    assert "Tổng hợp báo cáo CCHC toàn thành phố – Quý I 2026" in page
    assert "Lý do trả lại: Thiếu số liệu hồ sơ trực tuyến." in page
    assert "53,64%" in page  # 59/110, not the mean of 90% and 50%
    assert f"/bao-cao/{accepted.pk}/?tinh-trang=overdue#nhiem-vu" in page
    assert "<td>Nhiệm vụ 4 của Xã Kẽ Sắt</td>" in drill  # the overdue one, in the task table
    assert "<td>Nhiệm vụ 1 của Xã Kẽ Sắt</td>" not in drill


def test_it_points_at_the_latest_period_with_figures_when_none_is_accepted_yet(client, city, reviewer):
    world(city, reviewer)  # Q1 2026 accepted; nothing in the 6-month period
    client.force_login(reviewer)

    with at(dt.date(2026, 6, 25)):
        page = client.get("/bao-cao/tong-hop/?period=2026-h1").content.decode()

    assert "chưa có báo cáo nào được chấp nhận" in page and '<a href="?period=2026-q1">Xem Quý I 2026</a>' in page
