"""The city's consolidated report has a workflow: a draft whose narrative Sở Nội vụ edits (prefilled from the
figures), rendered as often as needed with every rendering kept, then issued with its number, date, signer and the
signed file (its type checked), after which it is frozen; its state shows on its page and in the API."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from apps.api.models import ApiToken
from apps.reports.models import CityDocument, CityReport, CityState, Report, ReportState
from apps.units.models import UnitKind
from tests.web.consolidation_world import report, reporting_unit
from tests.web.queue import DATABASE_QUEUE, work

pytestmark = pytest.mark.django_db(transaction=True)  # jobs are queued when their transaction commits

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def queue(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture
def document(client, city, reviewer) -> CityDocument:
    kesat = reporting_unit(city, "ks", "Xã Kẽ Sắt", done=3, overdue=1, online=(9, 10))
    haian = reporting_unit(city, "ha", "Phường Hải An", kind=UnitKind.WARD, done=2, online=(1, 1))
    report(*kesat, reviewer)
    report(*haian, reviewer)
    client.force_login(reviewer)
    client.post("/bao-cao/tong-hop/lap/", {"period": "2026-q1"})
    work()
    return CityDocument.objects.get()


def save(client, document, **fields):
    body = {"version": document.version, "number": "15", "signer": "Nguyễn Văn Hải"} | fields
    return client.post(f"/bao-cao/tong-hop/van-ban/{document.pk}/luu/", body)


def issue(client, document, name="ban-da-ky.pdf", content=PDF):
    body = {"version": document.version, "issued_on": "2026-03-25", "signed": SimpleUploadedFile(name, content)}
    return client.post(f"/bao-cao/tong-hop/van-ban/{document.pk}/ban-hanh/", body)


def page(client, document) -> str:
    return client.get(f"/bao-cao/tong-hop/van-ban/{document.pk}/").content.decode()


def docx_text(client, job: CityReport) -> str:
    content = b"".join(client.get(f"/bao-cao/tong-hop/{job.pk}/bao-cao-tong-hop.docx").streaming_content)
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def test_it_drafts_edits_renders_and_issues_the_city_report(client, document):
    drafted = page(client, document)
    save(client, document, **{"section-proposals": "Đề nghị Bộ Nội vụ sớm ban hành hướng dẫn mới."})
    document.refresh_from_db()
    stale = issue(client, document)
    save(client, document, then="render")
    document.refresh_from_db()
    work()

    issued = issue(client, document)

    document.refresh_from_db()
    first, latest = CityReport.objects.order_by("pk")
    assert "Đang soạn" in drafted and "2/2 đơn vị đã gửi báo cáo" in drafted
    assert "hãy lập lại báo cáo theo nội dung đã lưu" in client.get(stale["Location"]).content.decode().lower()
    assert issued.status_code == 302 and document.state == CityState.ISSUED
    assert document.issued_report == latest and document.number == "15" and str(document.issued_on) == "2026-03-25"
    assert "Đề nghị Bộ Nội vụ sớm ban hành hướng dẫn mới." in docx_text(client, latest)
    assert "Số: 15/BC-UBND" in "\n".join(
        c.text
        for t in Document(
            io.BytesIO(b"".join(client.get(f"/bao-cao/tong-hop/{latest.pk}/bao-cao-tong-hop.docx").streaming_content))
        ).tables
        for row in t.rows
        for c in row.cells
    )
    assert "Đề nghị Bộ Nội vụ" not in docx_text(client, first)  # every rendering kept as it was
    assert "Đã ký, ban hành" in page(client, document)
    signed = client.get(f"/bao-cao/tong-hop/van-ban/{document.pk}/ban-da-ky/")
    assert b"".join(signed.streaming_content) == PDF


def test_it_freezes_the_issued_report(client, document):
    save(client, document, then="render")
    document.refresh_from_db()
    work()
    issue(client, document)
    document.refresh_from_db()
    page(client, document)

    edited = client.post(
        f"/bao-cao/tong-hop/van-ban/{document.pk}/luu/",
        {"version": document.version, "section-proposals": "Sửa sau khi ban hành."},
        follow=True,
    )
    again = client.post("/bao-cao/tong-hop/lap/", {"period": "2026-q1"}, follow=True)

    document.refresh_from_db()
    assert "đã ký, ban hành; không lập lại hay sửa được nữa" in edited.content.decode()
    assert "không lập lại hay sửa được nữa" in again.content.decode()
    assert all(s["text"] != "Sửa sau khi ban hành." for s in document.sections)
    assert CityReport.objects.count() == 2


def test_it_checks_the_signed_file(client, document):
    save(client, document, then="render")
    document.refresh_from_db()
    work()

    script = client.get(issue(client, document, "ban-da-ky.pdf", b"#!/bin/sh\nrm -rf /\n")["Location"])
    word = client.get(issue(client, document, "ban-da-ky.docx", PDF)["Location"])
    missing = client.post(f"/bao-cao/tong-hop/van-ban/{document.pk}/ban-hanh/", {"issued_on": "2026-03-25"})

    document.refresh_from_db()
    assert "không đúng định dạng .pdf" in script.content.decode()
    assert "không đúng định dạng .docx" in word.content.decode()
    assert "thiếu bản đã ký" in client.get(missing["Location"]).content.decode()
    assert document.state == CityState.DRAFT


def test_it_refuses_a_stale_save(client, document):
    loaded = document.version
    save(client, document, **{"section-proposals": "Bản của tab thứ nhất."})

    stale = save(client, document, version=loaded, **{"section-proposals": "Bản của tab thứ hai."})

    document.refresh_from_db()
    assert "đã được người khác sửa" in client.get(stale["Location"]).content.decode()
    assert next(s for s in document.sections if s["key"] == "proposals")["text"] == "Bản của tab thứ nhất."


def test_it_tells_the_state_in_the_api(client, document, reviewer, officer):
    headers = {"Authorization": f"Bearer {ApiToken.issue(reviewer)[1]}"}
    again = client.post("/api/city-reports", {"period": "2026-q1"}, "application/json", headers=headers)

    listed = client.get("/api/city-reports?period=2026-q1", headers=headers).json()
    docx = client.get(f"/api/city-reports/{document.pk}/docx", headers=headers)
    forbidden = client.get("/api/city-reports", headers={"Authorization": f"Bearer {ApiToken.issue(officer)[1]}"})

    assert again.status_code == 200 and again.json()["id"] == document.pk and again.json()["sections"]
    assert [(d["state"], len(d["renderings"]), d["up_to_date"]) for d in listed] == [("draft", 1, True)]
    assert docx.status_code == 200
    assert forbidden.status_code == 403


def test_the_city_report_waits_for_an_accepted_report(client, city, reviewer):
    """Nothing accepted yet: the page, "save and render" and the API all say so, and no empty report is drafted or
    queued; once a report is accepted the API drafts it (201)."""
    kesat = reporting_unit(city, "ks", "Xã Kẽ Sắt", done=3, overdue=1, online=(9, 10))
    report(*kesat, reviewer, state="submitted")
    client.force_login(reviewer)
    headers = {"Authorization": f"Bearer {ApiToken.issue(reviewer)[1]}"}

    page = client.post("/bao-cao/tong-hop/lap/", {"period": "2026-q1"})
    refused = client.post("/api/city-reports", {"period": "2026-q1"}, "application/json", headers=headers)
    told = client.get(page["Location"]).content.decode()
    nothing = (CityDocument.objects.count(), CityReport.objects.count())
    report(*reporting_unit(city, "ha", "Phường Hải An", kind=UnitKind.WARD, done=2, online=(1, 1)), reviewer)
    created = client.post("/api/city-reports", {"period": "2026-q1"}, "application/json", headers=headers)

    assert page.status_code == 302 and page["Location"].endswith("/bao-cao/tong-hop/?period=2026-q1")
    assert "chưa có báo cáo nào của đơn vị được chấp nhận" in told
    assert refused.status_code == 409 and "chưa có báo cáo nào" in refused.json()["detail"]
    assert nothing == (0, 0)
    assert created.status_code == 201 and created.json()["state"] == "draft"


def test_save_and_render_keeps_the_text_when_nothing_is_accepted_any_more(client, document, reviewer):
    """A unit's report reopened after the draft was made: the text is saved, the rendering is refused with the
    reason, and the officer lands back on the draft — not on an error page."""
    Report.objects.update(state=ReportState.RETURNED)
    renderings = CityReport.objects.count()

    saved = save(client, document, then="render", **{"section-proposals": "Giữ lại đoạn này."})

    document.refresh_from_db()
    assert saved.status_code == 302 and saved["Location"].endswith(f"/van-ban/{document.pk}/")
    assert "chưa có báo cáo nào của đơn vị được chấp nhận" in client.get(saved["Location"]).content.decode()
    assert next(s for s in document.sections if s["key"] == "proposals")["text"] == "Giữ lại đoạn này."
    assert CityReport.objects.count() == renderings
