"""A change refused because someone else changed the record first, in a view that does not handle it itself,
answers 409 with a page in Vietnamese and the menu: never a 500."""

from __future__ import annotations

import pytest
from django.db.models import F
from django.db.models.signals import post_init
from django.urls import reverse

from apps.plans.models import Indicator, Target


@pytest.fixture
def edited_meanwhile():
    """Someone else saves the target just after this request has read it."""
    done = []

    def other_person(sender, instance, **kwargs):
        if not done and instance.pk is not None:
            done.append(instance.pk)
            Target.objects.filter(pk=instance.pk).update(version=F("version") + 1, phase="2026-2027")

    post_init.connect(other_person, sender=Target)
    yield done
    post_init.disconnect(other_person, sender=Target)


def test_it_answers_an_uncaught_conflict_with_a_vietnamese_409_page(client, officer, plan, request):
    target = plan.targets.get()
    indicator = Indicator.objects.create(code="online-rate", name="Tỷ lệ hồ sơ trực tuyến")
    client.force_login(officer)
    request.getfixturevalue("edited_meanwhile")

    response = client.post(reverse("figures-target-indicator", args=[target.pk]), {"indicator": indicator.pk})

    assert response.status_code == 409
    page = response.content.decode()
    assert "Chưa lưu: đã có người sửa trước bạn" in page and "đã được người khác sửa" in page
    assert reverse("plans-list") in page  # the menu
    target.refresh_from_db()
    assert target.indicator is None and target.phase == "2026-2027"
