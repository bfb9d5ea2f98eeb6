"""The plan list and a plan's page: who sees which plan, and the original file behind a permission check."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from apps.plans.models import Plan, PlanStatus


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def theirs(maodien):
    return Plan.objects.create(
        unit=maodien, status=PlanStatus.PUBLISHED, number="84/KH-UBND", title="Kế hoạch Mao Điền"
    )


def test_it_lists_only_the_plans_a_user_may_see(client, plan, theirs, agency_officer, reviewer):
    client.force_login(agency_officer)
    page = client.get(reverse("plans-list")).content.decode()
    assert plan.number in page and theirs.title not in page

    client.force_login(reviewer)
    page = client.get(reverse("plans-list")).content.decode()
    assert plan.number in page and theirs.title in page


def test_it_shows_a_plan_with_its_tasks_and_their_status(client, plan, agency_officer):
    client.force_login(agency_officer)
    page = client.get(reverse("plans-detail", args=[plan.pk])).content.decode()
    assert "Rà soát, đơn giản hóa thủ tục hành chính" in page
    assert "Trung tâm Phục vụ hành chính công" in page
    assert "Chưa thực hiện" in page or "Quá hạn" in page
    assert "Sửa kế hoạch" not in page and "Lịch sử thay đổi" not in page


def test_it_hides_a_plan_from_another_commune(client, plan, other_commune_officer):
    client.force_login(other_commune_officer)
    assert client.get(reverse("plans-detail", args=[plan.pk])).status_code == 404


def test_it_serves_the_original_only_to_those_who_may_read_the_plan(client, plan, leader, other_commune_officer):
    plan.source_file.save("ke-hoach-94.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    plan.source_name = "Kế hoạch 94.pdf"
    plan.save()
    url = reverse("plans-file", args=[plan.pk])

    client.force_login(leader)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"

    client.force_login(other_commune_officer)
    assert client.get(url).status_code == 404


def test_it_needs_a_login(client, plan):
    response = client.get(reverse("plans-detail", args=[plan.pk]))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]
