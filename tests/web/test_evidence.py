"""Evidence files: checked by extension and content, stored under a random name, downloaded only by those
who may see the plan, as an attachment."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.tracking.models import Evidence, TaskUpdate

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def office_file(folder: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}/document.xml", "<x/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def task(plan):
    return plan.tasks.get(lead__code="ke-sat-pvhcc")


def upload(client, user, task, *files):
    client.force_login(user)
    data = {"state": "in_progress", "progress": "20", "files": list(files)}
    return client.post(reverse("tracking-update", args=[task.pk]), data)


def test_it_stores_several_files_under_random_names(client, task, agency_officer, media):
    response = upload(
        client,
        agency_officer,
        task,
        SimpleUploadedFile("Báo cáo.pdf", PDF),
        SimpleUploadedFile("danh-muc.xlsx", office_file("xl")),
        SimpleUploadedFile("ảnh.png", PNG),
    )
    assert response.status_code == 302
    update = TaskUpdate.objects.get()
    names = sorted(e.original_name for e in update.evidence.all())
    assert names == ["Báo cáo.pdf", "danh-muc.xlsx", "ảnh.png"]
    for evidence in update.evidence.all():
        stored = Path(evidence.file.name).name
        assert evidence.original_name not in stored and len(stored.split(".")[0]) == 32
        assert (media / evidence.file.name).exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("script.exe", b"MZ\x90\x00"),
        ("trang.html", b"<html><script>alert(1)</script></html>"),
        ("gia-mao.pdf", b"<?php echo 1; ?>"),
        ("nen.zip", office_file("xl")),
        ("khong-phai-word.docx", office_file("xl")),
        ("anh.jpg", PNG),
    ],
)
def test_it_refuses_files_whose_type_or_content_is_wrong(client, task, agency_officer, name, content):
    response = upload(client, agency_officer, task, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert name in response.content.decode()
    assert not TaskUpdate.objects.exists() and not Evidence.objects.exists()


def test_it_refuses_files_over_the_size_limit(client, task, agency_officer, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    response = upload(client, agency_officer, task, SimpleUploadedFile("lon.pdf", PDF + b"0" * 2048))
    size = f"{(len(PDF) + 2048) / 1024:.1f}".replace(".", ",")
    assert f"Tệp “lon.pdf” nặng {size} KB, vượt giới hạn 1,0 KB cho một tệp minh chứng." in response.content.decode()
    assert not Evidence.objects.exists()


def test_it_serves_a_file_as_an_attachment_to_those_who_may_see_it(client, task, agency_officer, leader, reviewer):
    upload(client, agency_officer, task, SimpleUploadedFile("Báo cáo.pdf", PDF))
    evidence = Evidence.objects.get()
    for user in (leader, reviewer):
        client.force_login(user)
        response = client.get(reverse("tracking-evidence", args=[evidence.pk]))
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content) == PDF


def test_it_hides_a_file_from_another_commune(client, task, agency_officer, other_commune_officer):
    upload(client, agency_officer, task, SimpleUploadedFile("Báo cáo.pdf", PDF))
    evidence = Evidence.objects.get()
    client.force_login(other_commune_officer)
    assert client.get(reverse("tracking-evidence", args=[evidence.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("tracking-evidence", args=[evidence.pk])).status_code == 302


def test_it_keeps_files_out_of_the_public_urls(client, task, agency_officer):
    upload(client, agency_officer, task, SimpleUploadedFile("Báo cáo.pdf", PDF))
    evidence = Evidence.objects.get()
    assert client.get("/media/" + evidence.file.name).status_code == 404
