"""The final index ranks units within their block with the year's bands and the change from last year; the
score sheet is a landscape .docx with the ND30 header and a row per leaf, and an .xlsx whose text stays text."""

import datetime as dt
import io
from decimal import Decimal

import docx
import pytest
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook

from apps.par import exports, frameworks, services
from apps.units.models import Unit, UnitKind
from tests.web.par_steps import final


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # signed files and evidence go to a temporary folder


def test_it_ranks_per_block_with_bands_and_the_change_from_last_year(
    officer, other_commune_officer, reviewer, kesat, maodien, city
):
    framework = frameworks.load_sample()
    ward = Unit.objects.create(name="Phường Lê Chân", kind=UnitKind.WARD, parent=city, code="le-chan")
    ward_officer = type(officer).objects.create_user("lechan", "lc@example.vn", "x")
    ward_officer.memberships.create(unit=ward, role="standing_officer")
    last = services.open_year(2024, dt.date(2099, 1, 1), {"communes": framework}, reviewer)
    final(last, kesat, officer, reviewer, Decimal("0.8"))
    year = services.open_year(2025, dt.date(2099, 1, 1), {"communes": framework, "wards": framework}, reviewer)
    ks = final(year, kesat, officer, reviewer, Decimal("0.95"))
    final(year, maodien, other_commune_officer, reviewer, Decimal("0.7"))
    final(year, ward, ward_officer, reviewer, Decimal("0.5"))

    blocks = services.ranking(year)
    assert list(blocks) == ["wards", "communes"]
    communes = blocks["communes"]
    assert [(r.assessment.unit.name, r.rank) for r in communes] == [("Xã Kẽ Sắt", 1), ("Xã Mao Điền", 2)]
    top = communes[0]
    assert top.totals.index >= 93 and top.band == "Xuất sắc"
    assert top.change == top.totals.index - services.totals(last.assessments.get()).index
    assert blocks["wards"][0].rank == 1 and communes[1].change is None

    sheet = docx.Document(io.BytesIO(exports.score_sheet_docx(ks)))
    assert sheet.sections[0].orientation == WD_ORIENT.LANDSCAPE
    text = "\n".join(c.text for t in sheet.tables for row in t.rows for c in row.cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Chỉ số CCHC" in text and "Điểm thưởng" in text
    assert "3.3" in text and "TM. ỦY BAN NHÂN DÂN" in text
    book = load_workbook(io.BytesIO(exports.score_sheet_xlsx(ks)))
    cells = [c for row in book.active.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)
    ranking = load_workbook(io.BytesIO(exports.ranking_xlsx(year))).active
    names = [row[1] for row in ranking.iter_rows(values_only=True) if row and len(row) > 1]
    assert names.index("Xã Kẽ Sắt") < names.index("Xã Mao Điền")


def test_it_shows_the_city_who_has_not_locked_and_who_is_late(client, officer, reviewer, kesat, maodien):
    year = services.open_year(2025, dt.date(2026, 1, 15), {"communes": frameworks.load_sample()}, reviewer)
    services.open_assessment(year, kesat, officer)
    rows = services.board(year, today=dt.date(2026, 1, 20))
    assert [(r["unit"].name, r["assessment"] is not None, r["late"]) for r in rows] == [
        ("Xã Kẽ Sắt", True, True),
        ("Xã Mao Điền", False, True),
    ]
    assert [r["late"] for r in services.board(year, today=dt.date(2026, 1, 10))] == [False, False]
    client.force_login(reviewer)
    assert "Đơn vị chưa khóa tự chấm (2)" in client.get(f"/chi-so-cchc/nam/{year.pk}/xep-hang/").content.decode()
    client.force_login(officer)
    assert "Đơn vị chưa khóa tự chấm" not in client.get(f"/chi-so-cchc/nam/{year.pk}/xep-hang/").content.decode()
