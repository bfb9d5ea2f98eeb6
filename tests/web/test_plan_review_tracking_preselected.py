"""Kẽ Sắt's officer reviews an imported draft: a target without a tracking agency has the suggested agency chosen
already in its select, marked as suggested, so saving the page as it is confirms it; a page posted back with
another choice keeps that choice."""

from django.urls import reverse

from apps.plans.models import Target
from tests.web.plan_forms import plan_form_data
from tests.web.test_plan_publish_tells_agencies import make_draft


def test_it_chooses_the_suggested_agency_so_saving_confirms_it(client, kesat, officer, pvhcc, vhxh):
    draft = make_draft(kesat, officer, pvhcc)  # its second target has no tracking agency
    client.force_login(officer)

    page = client.get(reverse("plans-review", args=[draft.pk]))
    form = page.context["targets"].forms[1]
    html = page.content.decode()
    client.post(reverse("plans-review", args=[draft.pk]), plan_form_data(client, "plans-review", draft))

    assert form["agency"].value() == pvhcc.pk  # it leads the plan's task of the same (no) area
    assert f'<option value="{pvhcc.pk}" selected>' in html
    assert "Đã chọn sẵn theo gợi ý: Trung tâm Phục vụ hành chính công (chủ trì 1 nhiệm vụ" in html
    assert Target.objects.get(plan=draft, position=2).agency == pvhcc


def test_it_keeps_another_choice_the_officer_posts(client, kesat, officer, pvhcc, vhxh):
    draft = make_draft(kesat, officer, pvhcc)
    client.force_login(officer)

    data = plan_form_data(client, "plans-review", draft, **{"targets-1-agency": str(vhxh.pk)})
    client.post(reverse("plans-review", args=[draft.pk]), data)

    assert Target.objects.get(plan=draft, position=2).agency == vhxh
