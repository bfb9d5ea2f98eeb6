"""A figure or an update whose author's account was deleted still shows, with "—" for who: the page does not
fail (a template filter's argument that cannot be read is an error in Django, not an empty value)."""

from __future__ import annotations

from decimal import Decimal

from apps.plans.models import TaskState
from apps.tracking.models import Measurement, Period, PeriodKind
from apps.tracking.services import submit_update
from apps.units.models import Role
from tests.web.conftest import make_user


def test_it_shows_figures_and_updates_of_a_deleted_account(client, plan, officer, pvhcc):
    gone = make_user("kesat.cu", pvhcc, Role.AGENCY_OFFICER)
    Period.ensure_year(2026)
    target = plan.targets.get()
    Measurement.objects.create(
        target=target, period=Period.objects.get(kind=PeriodKind.Q1, year=2026), value=Decimal("70"), entered_by=gone
    )
    task = plan.tasks.get(lead=pvhcc)
    submit_update(task, gone, state=TaskState.IN_PROGRESS, progress=30, comment="Đang rà soát")
    gone.delete()

    client.force_login(officer)
    figures = client.get(f"/chi-tieu/{target.pk}/")
    assert figures.status_code == 200 and "70" in figures.content.decode()
    detail = client.get(f"/nhiem-vu/{task.pk}/")
    assert detail.status_code == 200 and "Đang rà soát" in detail.content.decode()
