"""Kẽ Sắt's plan page says "chưa giao" for a target no agency tracks yet: to its standing officer as a link to
that target on the plan's edit page, to its leader as plain words; a tracked target names its agency."""

from decimal import Decimal

from apps.plans.models import Target


def test_it_says_a_target_is_not_assigned_and_links_to_where_it_is_set(client, plan, officer, leader):
    target = Target.objects.create(plan=plan, position=2, text="Tỷ lệ hài lòng đạt 90%", value=Decimal("90"))

    client.force_login(officer)
    managed = client.get(f"/ke-hoach/{plan.pk}/").content.decode()
    client.force_login(leader)
    read = client.get(f"/ke-hoach/{plan.pk}/").content.decode()

    link = f'<a href="/ke-hoach/{plan.pk}/sua/#target-{target.pk}" title="Chọn cơ quan theo dõi chỉ tiêu này">'
    assert link + "chưa giao</a>" in managed
    assert "<td>Trung tâm Phục vụ hành chính công</td>" in managed
    assert '<span class="muted">chưa giao</span>' in read and f"/sua/#target-{target.pk}" not in read
