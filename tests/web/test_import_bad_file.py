"""A bad file is refused with a message the officer can act on, and nothing is saved."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.imports.models import ImportRun, RunStatus
from apps.plans.models import Plan


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def upload(client, unit, name: str, content: bytes):
    return client.post(reverse("imports-upload", args=[unit.pk]), {"file": SimpleUploadedFile(name, content)})


def test_it_refuses_an_empty_file(client, officer, kesat):
    client.force_login(officer)
    response = upload(client, kesat, "ke-hoach.pdf", b"")

    assert response.status_code == 200
    assert "rỗng" in response.content.decode()
    assert not ImportRun.objects.exists() and not Plan.objects.exists()


def test_it_refuses_a_program_renamed_to_pdf(client, officer, kesat):
    client.force_login(officer)
    response = upload(client, kesat, "ke-hoach.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200)

    assert response.status_code == 200
    assert "không đúng định dạng .pdf" in response.content.decode()
    assert not ImportRun.objects.exists() and not Plan.objects.exists()


def test_it_refuses_a_file_type_it_does_not_read(client, officer, kesat):
    client.force_login(officer)
    response = upload(client, kesat, "ke-hoach.exe", b"MZ\x90\x00")

    assert "chỉ nhận Word (.docx)" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_it_refuses_a_file_over_the_size_limit(client, officer, kesat, settings):
    settings.UPLOAD_MAX_BYTES = 100
    client.force_login(officer)
    response = upload(client, kesat, "ke-hoach.txt", "Kế hoạch ".encode() * 50)

    assert "nặng 650 byte, vượt giới hạn 100 byte cho một tệp kế hoạch" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_it_shows_the_importers_message_for_a_file_that_is_not_a_plan(client, officer, kesat):
    client.force_login(officer)
    response = upload(client, kesat, "thu-moi.txt", "Thư mời họp chi bộ ngày 5/3.\n".encode() * 20)

    run = ImportRun.objects.get()
    assert response["Location"] == reverse("imports-run", args=[run.pk])
    assert run.status == RunStatus.FAILED
    page = client.get(response["Location"]).content.decode()
    assert "không giống một kế hoạch CCHC" in page
    assert not Plan.objects.exists()
