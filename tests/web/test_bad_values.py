"""A hostile or clumsy value (a number with 30 digits, the year 0001, an offset of 10^20, a NUL character, a body
that is not JSON, an id past 64 bits) gets a message saying what is wrong, never a 500, and changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django import forms

from apps.api.models import ApiToken
from apps.plans.forms import ForgivingDecimalField
from apps.plans.models import Plan, Target
from apps.tracking.figures import FigureError, compute, parse_number, parse_period, plan_years
from apps.tracking.models import Measurement, Period, TaskUpdate
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.usefixtures("frozen")
HUGE = str(10**20)
BIG = "1" + "0" * 20  # 10^20 written out (in exponent form it is refused before its size is looked at)
HUGE_NUMBERS = [BIG, "1" * 27, "123456789012345678901234567890,5", "9" * 60, "1e999999999"]


@pytest.fixture
def frozen():
    with time_machine.travel(dt.datetime(2026, 4, 10, 9, 0), tick=False):
        yield


@pytest.fixture
def headers(officer) -> dict:
    return {"Authorization": f"Bearer {ApiToken.issue(officer)[1]}"}


def post(client, url, body, headers):
    return client.post(url, body, content_type="application/json", headers=headers)


def measure(client, plan, headers, **body):
    return post(client, f"/api/targets/{plan.targets.get().pk}/measurements", {"period": "2026-q1"} | body, headers)


# --- numbers -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", HUGE_NUMBERS + [pytest.param(10**5000, id="10^5000"), 1e300])
def test_it_refuses_numbers_too_large_for_any_figure(raw):
    with pytest.raises(FigureError, match="quá lớn|quá dài|lũy thừa"):
        parse_number(raw)


@pytest.mark.parametrize("raw", ["NaN", "sNaN", "Infinity", "-inf", float("nan"), float("inf"), Decimal("sNaN")])
def test_it_refuses_what_is_not_a_finite_number(raw):
    with pytest.raises(FigureError, match="không phải là số"):
        parse_number(raw)


def test_it_computes_no_figure_from_impossible_parts():
    rate = Target(text="Tỷ lệ hồ sơ trực tuyến", value=85, unit="%")
    count = Target(text="Số TTHC được rà soát", value=20, unit="TTHC")
    for parts, message in [
        ((BIG,), "quá lớn"),
        ((None, BIG, "2"), "quá lớn"),
        ((None, "1", "0,001"), "Mẫu số phải lớn hơn 0"),
        ((None, "-5", "10"), "Tử số không được âm"),
        (("5", None, "-10"), "Mẫu số phải lớn hơn 0"),
    ]:
        with pytest.raises(FigureError, match=message):
            compute(rate, *parts)
    with pytest.raises(FigureError, match="không được âm"):
        compute(count, "-3")
    with pytest.raises(FigureError, match="quá lớn"):
        compute(count, None, "999999999999", "0,01")
    assert compute(count, "12.500").value == Decimal("12500.00")


@pytest.mark.parametrize("raw", HUGE_NUMBERS + ["NaN", "sNaN", "Infinity", "-1e13"])
def test_the_plan_form_number_field_says_the_value_is_wrong(raw):
    field = ForgivingDecimalField(max_digits=12, decimal_places=2)

    with pytest.raises(forms.ValidationError) as refused:
        field.clean(raw)

    message = refused.value.messages[0]
    assert message in ("Số quá lớn: phần nguyên tối đa 10 chữ số.", field.error_messages["invalid"]) or (
        "lũy thừa" in message
    )
    assert field.has_changed("85", raw)
    assert field.clean("9.999.999.999,99") == Decimal("9999999999.99")


def test_the_figures_page_says_a_huge_value_is_too_large(client, agency_officer, plan):
    target = plan.targets.get()
    client.login(username=agency_officer.username, password=PASSWORD)
    Period.ensure_year(2026)
    period = Period.objects.get(year=2026, kind="q1")

    for raw in (BIG, "1" * 27):
        response = client.post(f"/chi-tieu/{target.pk}/", {"period": period.pk, "value": raw})
        assert response.status_code == 200
        assert "quá lớn" in response.content.decode()
    response = client.post(f"/chi-tieu/{target.pk}/", {"period": period.pk, "numerator": BIG, "denominator": "1"})
    assert "quá lớn" in response.content.decode()
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    "body, message",
    [
        ({"value": BIG}, "quá lớn"),
        ({"value": "1" * 27}, "quá lớn"),
        ({"value": 1e300}, "quá lớn"),
        ({"value": "NaN"}, "phải là số hữu hạn"),
        ({"value": "Infinity"}, "phải là số hữu hạn"),
        ({"value": -5}, "phải nằm trong khoảng 0–100%"),
        ({"numerator": BIG, "denominator": 2}, "quá nhiều chữ số"),
        ({"numerator": -1, "denominator": 2}, "phải lớn hơn hoặc bằng 0"),
    ],
)
def test_the_api_says_a_figure_is_out_of_range(client, plan, headers, body, message):
    response = measure(client, plan, headers, **body)

    assert response.status_code == 422
    assert message in response.json()["detail"]
    assert not Measurement.objects.exists()


# --- periods -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("period", ["0001-q1", "9999-q1", "Quý I 0001", "6 tháng 1899", "2101-year"])
def test_it_refuses_a_period_outside_the_years_kept(client, plan, headers, period):
    with pytest.raises(FigureError, match="kỳ báo cáo phải thuộc các năm 2000–2100"):
        parse_period(period)

    response = measure(client, plan, headers, period=period, value=80)

    assert response.status_code == 422
    assert "kỳ báo cáo phải thuộc các năm 2000–2100" in response.json()["detail"]
    assert not Period.objects.filter(year__lt=2000).exists() and not Period.objects.filter(year__gt=2100).exists()


@pytest.mark.parametrize("period", [HUGE, int(HUGE), "²", "Quý I 2026 và Quý III 2027", ""])
def test_it_refuses_a_period_that_is_no_period(client, plan, headers, period):
    response = measure(client, plan, headers, period=period, value=80)

    assert response.status_code == 422
    assert response.json()["detail"]
    assert not Measurement.objects.exists()


def test_it_keeps_a_plan_of_impossible_years_to_the_years_kept(plan):
    plan.period_start, plan.period_end = dt.date(1, 1, 1), dt.date(9999, 12, 31)

    assert plan_years(plan) == list(range(2000, 2027))
    assert plan_years(Plan(period_start=dt.date(2200, 1, 1))) == [2026]


# --- lists, ids, text, bodies -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/plans", "/api/tasks", "/api/targets", "/api/tasks?status=overdue"])
@pytest.mark.parametrize(
    "query",
    ["offset=1e20", f"offset={HUGE}", "offset=-1", f"limit={HUGE}", "limit=0", "limit=501"],
)
def test_it_refuses_a_page_out_of_range(client, plan, headers, path, query):
    response = client.get(f"{path}{'&' if '?' in path else '?'}{query}", headers=headers)

    assert response.status_code == 422
    assert response.json()["detail"].startswith("Dữ liệu không hợp lệ: ")
    assert response.json()["detail"].split(": ")[1] in ("offset", "limit")


def test_it_pages_up_to_the_largest_offset(client, plan, headers):
    response = client.get("/api/tasks?limit=500&offset=1000000000", headers=headers)

    assert response.status_code == 200
    assert response.json() == {"items": [], "count": 2}


@pytest.mark.parametrize("query", [f"unit={HUGE}", f"plan={HUGE}", "agency=0", f"agency=-{HUGE}"])
def test_it_refuses_a_filter_id_out_of_range(client, plan, headers, query):
    path = "/api/plans" if query.startswith("unit") else "/api/tasks"

    response = client.get(f"{path}?{query}", headers=headers)

    assert response.status_code == 422
    assert "phải" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/api/plans/{}", "/api/tasks/{}", "/api/targets/{}"])
@pytest.mark.parametrize("pk", [HUGE, str(2**63), str(2**64 + 1), "-" + HUGE])
def test_it_finds_nothing_at_an_id_past_64_bits(client, plan, headers, path, pk):
    response = client.get(path.format(pk), headers=headers)

    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy."}


@pytest.mark.parametrize("pk", [HUGE, str(2**63)])
def test_it_writes_nothing_at_an_id_past_64_bits(client, plan, headers, pk):
    update = post(client, f"/api/tasks/{pk}/updates", {"status": "done"}, headers)
    figure = post(client, f"/api/targets/{pk}/measurements", {"period": "2026-q1", "value": 1}, headers)
    listed = client.get(f"/api/targets/{pk}/measurements", headers=headers)

    assert (update.status_code, figure.status_code, listed.status_code) == (404, 404, 404)


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x7f", "\ud800"])
def test_it_refuses_control_characters_in_text(client, plan, headers, char):
    task = plan.tasks.first()

    update = post(client, f"/api/tasks/{task.pk}/updates", {"status": "done", "comment": f"Đã xong{char}"}, headers)
    figure = measure(client, plan, headers, value=80, source=f"Cổng DVC{char}")
    period = measure(client, plan, headers, value=80, period=f"2026-q1{char}")
    token = post(client, "/api/auth/token", {"username": f"kesat{char}vhxh", "password": PASSWORD}, {})

    for response, field in [(update, "comment"), (figure, "source"), (period, "period"), (token, "username")]:
        assert response.status_code == 422, response.content
        assert f"{field}: chứa ký tự điều khiển hoặc ký tự hỏng (" in response.json()["detail"]
    assert not TaskUpdate.objects.exists() and not Measurement.objects.exists()


def test_it_keeps_tabs_and_line_breaks_in_text(client, plan, headers):
    task = plan.tasks.first()

    body = {"status": "done", "comment": "Dòng 1\r\n\tDòng 2"}

    response = post(client, f"/api/tasks/{task.pk}/updates", body, headers)

    assert response.status_code == 201
    assert TaskUpdate.objects.get().comment == "Dòng 1\r\n\tDòng 2"


@pytest.mark.parametrize("body", [b"{status", b"\xff\xfe{}", b'{"status": "done"', b"\x00"])
def test_it_says_a_body_is_not_json(client, plan, headers, body):
    response = client.post(
        f"/api/tasks/{plan.tasks.first().pk}/updates", body, content_type="application/json", headers=headers
    )

    assert response.status_code == 400
    assert response.json() == {"detail": "Nội dung yêu cầu không phải JSON hợp lệ."}


@pytest.mark.parametrize("body", [b"[]", b'"done"', b"42", b"null", b'{"status": ["done"]}'])
def test_it_says_what_a_json_body_lacks(client, plan, headers, body):
    response = client.post(
        f"/api/tasks/{plan.tasks.first().pk}/updates", body, content_type="application/json", headers=headers
    )

    assert response.status_code == 422
    assert response.json()["detail"].startswith("Dữ liệu không hợp lệ")
    assert not TaskUpdate.objects.exists()
