"""The city changes a year's bands while units are ranked, without reopening the year: the ranking and its export
follow at once and the change is audited; bands that overlap or leave a gap are refused with the band at fault."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from apps.audit.models import AuditEntry
from apps.par import frameworks, services
from apps.par.bands import BandError, parse
from apps.par.models import AssessmentYear
from tests.web.par_steps import final


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_it_changes_the_bands_of_an_opened_year_and_ranks_again(client, officer, reviewer, kesat):
    year = services.open_year(2025, dt.date(2099, 1, 1), {"communes": frameworks.load_sample()}, reviewer)
    final(year, kesat, officer, reviewer, Decimal("0.9"))
    assert services.ranking(year)["communes"][0].band == "Tốt"
    url = f"/chi-so-cchc/nam/{year.pk}/xep-loai/"
    client.force_login(officer)
    assert client.get(url).status_code == 403
    client.force_login(reviewer)
    assert "93: Xuất sắc; 80: Tốt; 65: Khá; 0: Trung bình" in client.get(url).content.decode()

    response = client.post(url, {"version": year.version, "bands": "88: Xuất sắc; 70–88: Tốt; 0-70: Chưa tốt"})
    assert response.status_code == 302
    year.refresh_from_db()
    assert year.bands == [[88.0, "Xuất sắc"], [70.0, "Tốt"], [0.0, "Chưa tốt"]]
    assert services.ranking(year)["communes"][0].band == "Xuất sắc"
    assert "Xuất sắc" in client.get(f"/chi-so-cchc/nam/{year.pk}/xep-hang/").content.decode()
    book = load_workbook(io.BytesIO(client.get(f"/chi-so-cchc/nam/{year.pk}/xep-hang.xlsx").content))
    assert "Xuất sắc" in [c for row in book.active.iter_rows(values_only=True) for c in row]
    entry = AuditEntry.objects.get(action="par.bands_changed")
    assert entry.before["bands"][0] == [93, "Xuất sắc"] and entry.after["bands"][0] == [88.0, "Xuất sắc"]

    page = client.post(url, {"version": year.version, "bands": "93: Xuất sắc; 80–95: Tốt; 0: Khá"}).content.decode()
    assert "“Tốt” (80–95) chồng lên “Xuất sắc” (từ 93)" in page and "80–95: Tốt" in page
    services.open_year(2025, dt.date(2099, 2, 1), {"communes": year.framework_for("communes")}, reviewer)
    assert AssessmentYear.objects.get(pk=year.pk).bands[0] == [88.0, "Xuất sắc"]  # new dates keep the bands
    year.refresh_from_db()
    stale = client.post(url, {"version": year.version - 1, "bands": "90: Giỏi; 0: Khác"}).content.decode()
    assert "đã được người khác sửa" in stale
    assert AssessmentYear.objects.get(pk=year.pk).bands[0] == [88.0, "Xuất sắc"]


def test_it_refuses_bands_with_a_gap_or_an_overlap():
    with pytest.raises(BandError, match="Từ 80 đến dưới 93 điểm không thuộc xếp loại nào"):
        parse("93: Xuất sắc; 65–80: Khá; 0: Trung bình")
    with pytest.raises(BandError, match="Chỉ số dưới 65 không thuộc xếp loại nào"):
        parse("93: Xuất sắc; 65: Khá")
    with pytest.raises(BandError, match="cùng bắt đầu từ 80 điểm"):
        parse("93: Xuất sắc; 80: Tốt; 80: Khá; 0: Yếu")
    with pytest.raises(BandError, match="Từ 98 đến 100 điểm không thuộc"):
        parse("93–98: Xuất sắc; 0: Khá")
