"""Sở Nội vụ asks for the city's Q1 report: it is rendered by the background worker (the page shows it queued,
then the files), from the accepted unit reports only, as a Nghị định 30/2020 .docx with the units' table in a
landscape appendix and as an .xlsx with numbers as numbers."""

import datetime as dt
import io
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook

from apps.reports.models import CityReport, RenderState
from apps.units.models import UnitKind
from tests.web.consolidation_world import report, reporting_unit
from tests.web.queue import DATABASE_QUEUE, work

pytestmark = pytest.mark.django_db(transaction=True)  # jobs are queued when their transaction commits

SOFFICE = Path("/usr/bin/soffice")


@pytest.fixture(autouse=True)
def queue(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture
def units(city, reviewer):
    kesat = reporting_unit(city, "ks", "Xã Kẽ Sắt", done=3, overdue=1, online=(9, 10))
    maodien = reporting_unit(city, "md", "Xã Mao Điền", done=1, overdue=3, online=(50, 100))
    haian = reporting_unit(city, "ha", "Phường Hải An", kind=UnitKind.WARD, done=2, online=(1, 1))
    report(*kesat, reviewer)
    report(*maodien, reviewer)
    report(*haian, reviewer, state="submitted")
    return kesat, maodien, haian


def ask(client, reviewer) -> CityReport:
    client.force_login(reviewer)
    response = client.post("/bao-cao/tong-hop/lap/", {"period": "2026-q1"})
    job = CityReport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/bao-cao/tong-hop/{job.pk}/"
    return job


def test_it_renders_in_the_background_with_a_visible_state(client, units, reviewer):
    job = ask(client, reviewer)
    waiting = client.get(f"/bao-cao/tong-hop/{job.pk}/").content.decode()
    again = client.post("/bao-cao/tong-hop/lap/", {"period": "2026-q1"})

    work()

    done = client.get(f"/bao-cao/tong-hop/{job.pk}/").content.decode()
    job.refresh_from_db()
    assert "Đang chờ lập" in waiting and 'http-equiv="refresh"' in waiting
    assert again["Location"] == f"/bao-cao/tong-hop/{job.pk}/" and CityReport.objects.count() == 1
    assert job.state == RenderState.DONE and len(job.built_from) == 2  # the two accepted reports, not the ward's
    assert "Tải báo cáo tổng hợp (.docx)" in done and 'http-equiv="refresh"' not in done


def test_it_writes_the_city_report_in_the_state_format(client, units, reviewer):
    job = ask(client, reviewer)
    work()

    docx = b"".join(client.get(f"/bao-cao/tong-hop/{job.pk}/bao-cao-tong-hop.docx").streaming_content)
    document = Document(io.BytesIO(docx))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    heading, _, recipients, _ = cells[:4]
    assert "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG" in heading and "- Bộ Nội vụ;" in recipients
    assert "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026" in text
    assert "3/3 đơn vị đã gửi báo cáo; 2 báo cáo được Sở Nội vụ chấp nhận" in text  # Sở Nội vụ receives them
    assert "Xã Kẽ Sắt" in cells and "Phường Hải An" in cells and "Đã gửi, chờ thẩm định" in cells
    assert "53,64" in cells  # 59/110, recomputed from the counts
    assert document.sections[-1].orientation == WD_ORIENT.LANDSCAPE


def test_it_writes_the_tables_as_numbers_in_the_xlsx(client, units, reviewer):
    job = ask(client, reviewer)
    work()

    xlsx = b"".join(client.get(f"/bao-cao/tong-hop/{job.pk}/bang-tong-hop.xlsx").streaming_content)
    book = load_workbook(io.BytesIO(xlsx))
    rows = {r[2]: r for r in book["Đơn vị"].iter_rows(min_row=2, values_only=True)}
    online = next(r for r in book["Chỉ tiêu thành phố"].iter_rows(min_row=2, values_only=True) if r[5] == 59)
    assert rows["Xã Kẽ Sắt"][4:8] == (3, 0, 0, 1) and rows["Xã Kẽ Sắt"][8] == 75.0
    assert rows["Phường Hải An"][4] is None  # not accepted: no figures
    assert online[3:7] == (53.64, "%", 59, 110)
    assert book["Đơn vị"].freeze_panes == "A2"


def test_it_tells_when_the_worker_died(client, units, reviewer, settings):
    job = ask(client, reviewer)
    settings.JOBS_STALE_AFTER = 60
    CityReport.objects.filter(pk=job.pk).update(requested_at=job.requested_at - dt.timedelta(hours=1))

    page = client.get(f"/bao-cao/tong-hop/{job.pk}/").content.decode()
    client.post("/bao-cao/tong-hop/lap/", {"period": "2026-q1"})

    assert "bị gián đoạn" in page
    assert CityReport.objects.filter(state=RenderState.FAILED).count() == 1
    assert CityReport.objects.filter(state=RenderState.QUEUED).count() == 1


@pytest.mark.skipif(not SOFFICE.exists(), reason="LibreOffice is not installed (scripts/install --browser)")
def test_it_renders_to_pdf_with_the_units_in_a_landscape_appendix(client, units, reviewer, tmp_path):
    job = ask(client, reviewer)
    work()
    path = tmp_path / "tong-hop.docx"
    path.write_bytes(b"".join(client.get(f"/bao-cao/tong-hop/{job.pk}/bao-cao-tong-hop.docx").streaming_content))
    profile = f"-env:UserInstallation=file://{tmp_path}/profile"
    subprocess.run(
        [str(SOFFICE), profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        capture_output=True,
        timeout=180,
    )

    with pdfplumber.open(tmp_path / "tong-hop.pdf") as pdf:
        pages = pdf.pages
        first = pages[0].extract_text()
        landscape = [p for p in pages if p.width > p.height]
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first and "BÁO CÁO" in first
        assert pages[0].height > pages[0].width and landscape
        appendix = "\n".join(p.extract_text() for p in landscape)
        assert "PHỤ LỤC" in appendix and "Xã Mao Điền" in appendix and "Phường Hải An" in appendix
