"""A citizen at Kẽ Sắt's one-stop desk scans the QR code, answers the survey on their phone without logging in and
without JavaScript, and is thanked; their answers are stored once, however often the page is sent."""

from django.test import Client

from apps.surveys.models import Response
from tests.web.survey_answers import open_and_send


def test_it_shows_the_survey_to_an_anonymous_visitor_in_vietnamese_without_scripts(kesat, pvhcc):
    page = Client().get(f"/khao-sat/{kesat.pk}/?quay={pvhcc.pk}")

    html = page.content.decode()
    assert page.status_code == 200
    assert "Xã Kẽ Sắt – Trung tâm Phục vụ hành chính công" in html
    assert "Tiếp cận dịch vụ" in html and "Công chức trực tiếp giải quyết" in html
    assert "Rất hài lòng" in html and "Không ý kiến" in html
    assert "<script" not in html and "<link" not in html  # nothing else to download
    assert len(page.content) < 40_000
    squeezed = Client().get(f"/khao-sat/{kesat.pk}/", headers={"Accept-Encoding": "gzip"})
    assert squeezed["Content-Encoding"] == "gzip" and len(squeezed.content) < 6_000


def test_it_stores_the_answers_and_thanks_the_visitor(kesat, pvhcc, settings):
    settings.SURVEY_MIN_SECONDS = 0
    client = Client()

    sent = open_and_send(
        client, kesat, 5, desk=str(pvhcc.pk), improve=["Rút ngắn thời gian giải quyết"], comment="Cán bộ nhiệt tình"
    )

    assert sent.status_code == 302
    assert client.get(sent["Location"]).content.decode().count("Cảm ơn Ông/Bà") >= 1
    response = Response.objects.get()
    assert response.unit == kesat and response.desk == pvhcc
    assert response.answers["items"]["servants.1"] == 5
    assert response.answers["improve"] == ["Rút ngắn thời gian giải quyết"]
    assert response.answers["comment"] == "Cán bộ nhiệt tình"
    assert response.flags == [] and not response.excluded


def test_it_stores_a_page_sent_twice_only_once(kesat, settings):
    settings.SURVEY_MIN_SECONDS = 0
    client = Client()
    page = client.get(f"/khao-sat/{kesat.pk}/")
    token = page.content.decode().split('name="token" value="')[1].split('"')[0]

    for _ in range(2):
        again = client.post(f"/khao-sat/{kesat.pk}/", {"token": token, "q-overall": "4"})
        assert again.status_code == 302

    assert Response.objects.count() == 1


def test_it_tells_what_to_fix_when_nothing_is_answered_and_keeps_what_was_typed(kesat):
    client = Client()
    page = client.get(f"/khao-sat/{kesat.pk}/")
    token = page.content.decode().split('name="token" value="')[1].split('"')[0]

    sent = client.post(f"/khao-sat/{kesat.pk}/", {"token": token, "comment": "Phòng chờ hơi nóng"})

    html = sent.content.decode()
    assert sent.status_code == 400
    assert "Hãy chọn mức hài lòng cho ít nhất một câu hỏi." in html
    assert "Phòng chờ hơi nóng" in html
    assert Response.objects.count() == 0


def test_it_refuses_a_level_outside_the_scale_with_a_message(kesat):
    sent = open_and_send(Client(), kesat, {"overall": 9})

    assert sent.status_code == 400
    assert "Hãy chọn một mức từ 1 đến 5" in sent.content.decode()
    assert Response.objects.count() == 0


def test_it_asks_to_reload_a_page_without_a_valid_visit_token(kesat):
    sent = Client().post(f"/khao-sat/{kesat.pk}/", {"token": "gia-mao", "q-overall": "5"})

    assert sent.status_code == 400
    assert "mở lại trang khảo sát" in sent.content.decode()
    assert Response.objects.count() == 0


def test_it_has_no_survey_for_an_agency_or_the_city(city, pvhcc):
    assert Client().get(f"/khao-sat/{pvhcc.pk}/").status_code == 404
    assert Client().get(f"/khao-sat/{city.pk}/").status_code == 404
