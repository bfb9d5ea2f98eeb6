"""Only Kẽ Sắt's standing officer uploads and reviews its plans; its other people read; other communes see nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.imports.models import ImportRun
from apps.plans.models import Plan, PlanStatus


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def draft(kesat, officer):
    return Plan.objects.create(unit=kesat, status=PlanStatus.DRAFT, title="Kế hoạch CCHC năm 2026", created_by=officer)


def post_file(client, unit):
    plan_text = "KẾ HOẠCH cải cách hành chính, mục tiêu, nhiệm vụ".encode()
    return client.post(reverse("imports-upload", args=[unit.pk]), {"file": SimpleUploadedFile("kh.txt", plan_text)})


def test_it_forbids_an_agency_officer_to_upload(client, agency_officer, kesat):
    client.force_login(agency_officer)
    assert client.get(reverse("imports-upload", args=[kesat.pk])).status_code == 403
    assert post_file(client, kesat).status_code == 403
    assert client.get(reverse("imports-start")).status_code == 403
    assert not ImportRun.objects.exists()


def test_it_hides_a_commune_from_another_communes_officer(client, other_commune_officer, kesat):
    client.force_login(other_commune_officer)
    assert client.get(reverse("imports-upload", args=[kesat.pk])).status_code == 404
    assert post_file(client, kesat).status_code == 404
    assert not ImportRun.objects.exists()


def test_it_sends_the_standing_officer_to_their_own_units_upload(client, officer, kesat):
    client.force_login(officer)
    response = client.get(reverse("imports-start"))
    assert response["Location"] == reverse("imports-upload", args=[kesat.pk])
    assert client.get(response["Location"]).status_code == 200


def test_it_lets_only_the_standing_officer_review_a_draft(client, draft, officer, agency_officer, leader, reviewer):
    url = reverse("plans-review", args=[draft.pk])
    client.force_login(officer)
    assert client.get(url).status_code == 200
    for user in (agency_officer, leader, reviewer):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url, {"action": "publish"}).status_code == 403
        assert client.get(reverse("plans-detail", args=[draft.pk])).status_code == 200
    draft.refresh_from_db()
    assert draft.status == PlanStatus.DRAFT


def test_it_hides_a_draft_from_another_commune(client, draft, other_commune_officer):
    client.force_login(other_commune_officer)
    assert client.get(reverse("plans-review", args=[draft.pk])).status_code == 404
    assert client.get(reverse("plans-detail", args=[draft.pk])).status_code == 404


def test_it_shows_an_import_run_only_to_the_standing_officer(
    client, kesat, officer, agency_officer, other_commune_officer
):
    run = ImportRun.objects.create(unit=kesat, uploaded_by=officer, original_name="kh.pdf", sha256="0" * 64)
    client.force_login(agency_officer)
    assert client.get(reverse("imports-run", args=[run.pk])).status_code == 403
    assert client.get(reverse("imports-status", args=[run.pk])).status_code == 403
    client.force_login(other_commune_officer)
    assert client.get(reverse("imports-run", args=[run.pk])).status_code == 404
    assert client.get(reverse("imports-file", args=[run.pk])).status_code == 404
