"""The city ranks Kẽ Sắt (through round 2) and Mao Điền (still self-scoring): the block is named in lower case
after "Khối", Mao Điền's band says it waits for round 2 on the page, in the .docx and the .xlsx, and points read
one way on the assessment page ("+2,5 / −0", maximum "1,5" and "1", never "2,50" or "1,50")."""

import datetime as dt
import io
from decimal import Decimal

import docx
import pytest
from openpyxl import load_workbook

from apps.par import frameworks, services
from apps.par.models import Score
from tests.web.par_steps import final


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_it_says_the_band_waits_for_round_two_and_names_the_block_in_lower_case(
    client, officer, other_commune_officer, reviewer, kesat, maodien
):
    year = services.open_year(2025, dt.date(2099, 1, 1), {"communes": frameworks.load_sample()}, reviewer)
    final(year, kesat, officer, reviewer, Decimal("0.9"))
    assessment, _ = services.open_assessment(year, maodien, other_commune_officer)
    for code, value in (("T.1", Decimal("1.5")), ("T.2", Decimal("1"))):
        score = Score.objects.get(assessment=assessment, criterion__code=code)
        services.set_self_score(score, other_commune_officer, value, "có quyết định")
    client.force_login(reviewer)

    page = client.get(f"/chi-so-cchc/nam/{year.pk}/xep-hang/").content.decode()
    word = docx.Document(io.BytesIO(client.get(f"/chi-so-cchc/nam/{year.pk}/xep-hang.docx").content))
    sheet = load_workbook(io.BytesIO(client.get(f"/chi-so-cchc/nam/{year.pk}/xep-hang.xlsx").content)).active
    client.force_login(other_commune_officer)
    scoring = client.get(f"/chi-so-cchc/ban-cham/{assessment.pk}/").content.decode()

    assert "<h2>Khối xã, đặc khu</h2>" in page and "<td>chờ vòng 2</td>" in page
    assert "Khối xã, đặc khu" in [p.text for p in word.paragraphs]
    rows = {row.cells[1].text: row.cells[5].text for row in word.tables[1].rows}
    assert rows["Xã Mao Điền"] == "chờ vòng 2" and rows["Xã Kẽ Sắt"] not in ("", "chờ vòng 2")
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert ["Khối xã, đặc khu"] == [v for v in values if v and v[0] == "Khối xã, đặc khu"][0][:1]
    assert next(v for v in values if v[1] == "Xã Mao Điền")[6] == "chờ vòng 2"
    assert "+2,5 / −0" in scoring and "2,50" not in scoring and "1,50" not in scoring
    assert '<td data-label="Điểm tối đa">1,5</td>' in scoring and '<td data-label="Điểm tối đa">1</td>' in scoring
