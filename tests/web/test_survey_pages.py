"""The results pages as people use them: the city compares every commune for a period, the commune's officer
enters N and sees the sample needed, downloads the results as .xlsx, and prints the desk's QR poster."""

import datetime as dt
import io

from django.test import Client
from openpyxl import load_workbook
from PIL import Image

from apps.audit.models import AuditEntry
from apps.surveys.models import Survey
from tests.web.survey_answers import stored

DAY = dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_it_shows_the_city_every_commune_side_by_side(kesat, maodien, reviewer):
    stored(kesat, {"overall": 5, "access.1": 5}, n=2, submitted_at=DAY)
    stored(maodien, {"overall": 3, "access.1": 3}, submitted_at=DAY)

    html = logged_in(reviewer).get("/ket-qua-khao-sat/?ky=2026-year").content.decode()

    assert "Xã Kẽ Sắt" in html and "Xã Mao Điền" in html
    assert "<strong>100%</strong>" in html and "<strong>0%</strong>" in html


def test_it_sends_a_commune_officer_to_their_own_results(kesat, officer):
    answer = logged_in(officer).get("/ket-qua-khao-sat/")

    assert answer.status_code == 302 and answer["Location"] == f"/ket-qua-khao-sat/don-vi/{kesat.pk}/"


def test_it_takes_n_and_says_how_many_responses_are_needed(kesat, officer):
    client = logged_in(officer)

    client.post(f"/ket-qua-khao-sat/don-vi/{kesat.pk}/so-nguoi/", {"ky": "2026-year", "population": "4.500"})

    assert Survey.objects.get(unit=kesat, year=2026).population == 4500
    assert AuditEntry.objects.filter(action="survey.population").exists()
    html = client.get(f"/ket-qua-khao-sat/don-vi/{kesat.pk}/?ky=2026-year").content.decode()
    assert '<div class="stat">368</div>' in html and "Chưa đủ mẫu" in html


def test_it_refuses_n_that_is_not_a_number_in_vietnamese(kesat, officer):
    url = f"/ket-qua-khao-sat/don-vi/{kesat.pk}/so-nguoi/"
    answer = logged_in(officer).post(url, {"ky": "2026-year", "population": "khoảng 4 nghìn"}, follow=True)

    assert "không phải là số người hợp lệ" in answer.content.decode()
    assert not Survey.objects.exists()


def test_it_exports_the_results_as_xlsx(kesat, leader):
    stored(kesat, {"overall": 5, "access.1": 4}, submitted_at=DAY)
    (commented,) = stored(kesat, {"overall": 2, "access.1": 1}, submitted_at=DAY)
    commented.answers["comment"] = '=HYPERLINK("http://x") phòng chờ nóng'
    commented.save()

    answer = logged_in(leader).get(f"/ket-qua-khao-sat/don-vi/{kesat.pk}/ket-qua.xlsx?ky=2026-year")

    sheet = load_workbook(io.BytesIO(answer.content))["Kết quả"]
    rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["Số phiếu được tính"][0] == 2
    assert rows["  Nơi ngồi chờ có đủ chỗ ngồi"][:2] == (50, 2)
    assert answer["Content-Disposition"].endswith('khao-sat-sipas-ke-sat-nam-2026.xlsx"')
    comment = load_workbook(io.BytesIO(answer.content))["Ý kiến"]["C2"]
    assert comment.value == '=HYPERLINK("http://x") phòng chờ nóng' and comment.data_type == "s"  # text, not a formula


def test_it_prints_a_poster_with_the_qr_code_of_the_desks_survey(kesat, pvhcc, officer):
    html = logged_in(officer).get(f"/khao-sat/{kesat.pk}/ap-phich/?quay={pvhcc.pk}").content.decode()

    assert "<svg" in html and "@page{size:A4 portrait" in html
    assert f"http://testserver/khao-sat/{kesat.pk}/?quay={pvhcc.pk}" in html
    assert "Trung tâm Phục vụ hành chính công" in html


def test_it_gives_the_qr_code_as_a_png(kesat, officer):
    answer = logged_in(officer).get(f"/khao-sat/{kesat.pk}/ma-qr.png")

    assert answer["Content-Type"] == "image/png" and answer.content.startswith(b"\x89PNG")
    with Image.open(io.BytesIO(answer.content)) as image:
        assert image.width == image.height >= 200
