"""Hostile and broken workbooks are refused with a message saying why and what to do, never a 500: too big (as
sent or unpacked), too many rows (a million rows refused in seconds, whether the file says its size or not),
an old .xls, a password-protected file, a zip that is not a workbook, a workbook that is not XML."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from apps.tracking.models import SheetUpload
from tests.web.conftest import PASSWORD
from tests.web.sheet_files import task_sheet

APRIL = dt.datetime(2026, 4, 10, 9, 0, tzinfo=dt.UTC)
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def post(client, plan, data: bytes, name: str = "so-lieu.xlsx"):
    return client.post(f"/ke-hoach/{plan.pk}/bang-tinh/tai-len/", {"file": SimpleUploadedFile(name, data)})


def refused(response) -> str:
    assert response.status_code == 200
    assert not SheetUpload.objects.exists()
    return " ".join(str(p) for p in response.context["problems"])


def downloaded(client, plan) -> bytes:
    return client.get(f"/ke-hoach/{plan.pk}/bang-tinh/tai-ve/").content


@pytest.fixture
def signed_in(client, officer):
    client.login(username=officer.username, password=PASSWORD)
    return client


def test_it_refuses_a_million_rows_fast_whether_the_file_says_its_size_or_not(signed_in, plan, settings):
    settings.SHEET_MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # 25 MB unpacked: the row count must refuse it
    for dimension in ("", "auto"):
        data = task_sheet(1_000_000, dimension=dimension)
        started = time.monotonic()
        message = refused(post(signed_in, plan, data))
        elapsed = time.monotonic() - started
        assert "Một trang tính của tệp có 1.000.000 dòng, vượt giới hạn 5.000 dòng mỗi trang tính" in message
        assert elapsed < 10, elapsed  # counted in the raw XML: a fraction of a second alone, loose for a busy machine


def test_it_refuses_a_row_of_a_million_cells(signed_in, plan):
    data = task_sheet(raw=b"<row>" + b"<c><v>1</v></c>" * 1_000_000 + b"</row>")
    message = refused(post(signed_in, plan, data))
    assert "Một trang tính của tệp có 1.000.008 ô, vượt giới hạn 150.000 ô mỗi trang tính" in message


def test_it_stops_at_the_cap_when_rows_are_numbered_far_apart(signed_in, plan):
    far = b'<row r="1000000"><c r="A1000000"><v>1</v></c></row>'  # two rows in the file, a million to read
    started = time.monotonic()
    message = refused(post(signed_in, plan, task_sheet(raw=far)))
    assert "Trang tính “Nhiệm vụ” có hơn 5.000 dòng, vượt giới hạn 5.000 dòng mỗi trang tính" in message
    assert time.monotonic() - started < 10


def test_it_reads_rows_a_too_small_stated_size_would_hide(signed_in, plan, settings):
    settings.SHEET_MAX_ROWS = 10
    far = b'<row r="30"><c r="A30"><v>1</v></c></row>'  # three rows in the file, the last one row 30
    data = task_sheet(1, dimension="A1:H2", raw=far)
    assert "Trang tính “Nhiệm vụ” có hơn 10 dòng" in refused(post(signed_in, plan, data))


@time_machine.travel(APRIL)
def test_it_takes_a_workbook_at_the_row_cap(signed_in, plan, settings):
    settings.SHEET_MAX_ROWS = 5  # the guide sheet has six lines, the others fewer
    assert post(signed_in, plan, downloaded(signed_in, plan)).status_code == 302


@time_machine.travel(APRIL)
def test_it_refuses_a_file_too_big_as_sent_or_unpacked(signed_in, plan, settings):
    data = downloaded(signed_in, plan)
    settings.SHEET_MAX_BYTES = 4 * 1024
    message = refused(post(signed_in, plan, data))
    size = f"{len(data) / 1024:.1f}".replace(".", ",")
    assert f"nặng {size} KB, vượt giới hạn 4,0 KB cho một bảng tính" in message

    settings.SHEET_MAX_BYTES = 5 * 1024 * 1024
    unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist())
    settings.SHEET_MAX_UNPACKED_BYTES = unpacked - 1
    message = refused(post(signed_in, plan, data))
    assert "khi giải nén nặng" in message and "vượt giới hạn" in message and "KB" in message


def test_it_tells_an_old_xls_from_a_password_protected_file(signed_in, plan):
    xls = OLE + b"\x00" * 504 + "Workbook".encode("utf-16-le") + b"\x00" * 1000
    message = refused(post(signed_in, plan, xls, "so-lieu.xls"))
    assert "Excel 97–2003 (.xls)" in message and "Lưu thành" in message
    encrypted = OLE + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 1000
    message = refused(post(signed_in, plan, encrypted))
    assert "được đặt mật khẩu" in message and "bỏ mật khẩu" in message


def test_it_refuses_a_broken_zip_a_word_file_and_a_workbook_that_is_not_xml(signed_in, plan):
    assert "bị hỏng" in refused(post(signed_in, plan, b"PK\x03\x04" + b"\x00" * 200))
    word = io.BytesIO()
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert "không phải là bảng tính Excel" in refused(post(signed_in, plan, word.getvalue()))
    not_xml = task_sheet(1, workbook="this is not XML <<<")
    assert "bị hỏng hoặc không phải bảng tính Excel (.xlsx) đọc được" in refused(post(signed_in, plan, not_xml))
    assert "không đúng định dạng .xlsx" in refused(post(signed_in, plan, b"%PDF-1.4 not a workbook"))
    damaged = bytearray(task_sheet(5000))  # the sheet's deflated bytes altered: a bad stream or a bad CRC
    sheet = next(i for i in zipfile.ZipFile(io.BytesIO(bytes(damaged))).infolist() if "worksheets" in i.filename)
    start = sheet.header_offset + 30 + len(sheet.filename.encode()) + 40
    damaged[start : start + 20] = b"\xff" * 20
    assert "bị hỏng" in refused(post(signed_in, plan, bytes(damaged)))


def test_a_control_character_in_a_cell_is_refused_with_a_message(signed_in, plan):
    for bad in ("Đã rà&#0; soát", "Đã rà\x00 soát", "Đã rà\x0b soát"):  # a NUL would break PostgreSQL text
        row = ["1", "II.1", "", "", "", "Đang thực hiện", "40", bad]
        assert "bị hỏng" in refused(post(signed_in, plan, task_sheet(0, extra=[row])))


@time_machine.travel(APRIL)
def test_the_upload_waits_in_the_database_not_the_session_and_old_ones_are_cleared(
    signed_in, officer, agency_officer, plan
):
    wb = load_workbook(io.BytesIO(downloaded(signed_in, plan)))
    wb["Nhiệm vụ"]["G2"] = 40
    out = io.BytesIO()
    wb.save(out)
    stale = SheetUpload.objects.create(user=agency_officer, plan=plan, file_name="cu.xlsx", rows={})
    SheetUpload.objects.filter(pk=stale.pk).update(created_at=dt.datetime(2026, 4, 8, 9, 0, tzinfo=dt.UTC))

    assert post(signed_in, plan, out.getvalue()).status_code == 302
    stored = SheetUpload.objects.get()  # the stale upload of the other officer is gone
    assert (stored.user, stored.plan, stored.file_name) == (officer, plan, "so-lieu.xlsx")
    assert len(stored.rows["tasks"]) == 2
    assert not any("sheet" in key or "rows" in str(value) for key, value in signed_in.session.items())

    with time_machine.travel(APRIL + dt.timedelta(hours=25)):
        response = signed_in.get(f"/ke-hoach/{plan.pk}/bang-tinh/xem-truoc/")
        assert response.status_code == 302 and response["Location"].endswith("/bang-tinh/tai-len/")
        assert not SheetUpload.objects.exists()


def test_the_command_clears_uploads_left_waiting(officer, agency_officer, plan):
    kept = SheetUpload.objects.create(user=officer, plan=plan, file_name="moi.xlsx", rows={})
    old = SheetUpload.objects.create(user=agency_officer, plan=plan, file_name="cu.xlsx", rows={})
    SheetUpload.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(hours=25))
    out = io.StringIO()
    call_command("clear_sheet_uploads", stdout=out)
    assert "Đã xóa 1 bảng tính" in out.getvalue()
    assert list(SheetUpload.objects.all()) == [kept]


def test_a_stored_upload_that_cannot_be_reviewed_still_shows_and_cancels(signed_in, officer, plan):
    SheetUpload.objects.create(user=officer, plan=plan, file_name="hong.xlsx", rows={"figures": "not rows"})
    page = signed_in.get(f"/ke-hoach/{plan.pk}/bang-tinh/xem-truoc/")
    assert page.status_code == 200
    assert "Không xem trước được tệp đã tải lên" in page.content.decode()
    assert "Xác nhận lưu" not in page.content.decode()
    response = signed_in.post(f"/ke-hoach/{plan.pk}/bang-tinh/xem-truoc/", {"cancel": "1"})
    assert response.status_code == 302 and response["Location"] == f"/ke-hoach/{plan.pk}/so-lieu/"
    assert not SheetUpload.objects.exists()


@time_machine.travel(APRIL)
def test_a_huge_number_in_the_workbook_is_never_a_500(signed_in, plan):
    wb = load_workbook(io.BytesIO(downloaded(signed_in, plan)))
    wb["Số liệu"]["E2"] = "1e30"
    out = io.BytesIO()
    wb.save(out)
    response = post(signed_in, plan, out.getvalue())
    page = signed_in.get(response["Location"])
    assert page.status_code == 200
    assert "Xác nhận lưu" not in page.content.decode()
    response = signed_in.post(f"/ke-hoach/{plan.pk}/bang-tinh/xem-truoc/", {"cancel": "1"})
    assert response.status_code == 302 and not SheetUpload.objects.exists()


def test_the_upload_page_tells_the_limits(signed_in, plan):
    page = signed_in.get(f"/ke-hoach/{plan.pk}/bang-tinh/tai-len/").content.decode()
    assert "Tệp .xlsx tối đa 5,0 MB, 5.000 dòng mỗi trang tính." in page
