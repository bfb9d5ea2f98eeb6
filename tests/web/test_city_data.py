"""``manage.py make_city_data`` makes a city-size data set for the benches: units with agencies and officers, a
plan each with tasks, targets, five years of quarterly figures, updates, audit entries, and reports in every
state, reviewed as a standing officer would have (older work accepted or returned, the recent waiting). It refuses
on a production machine and adds nothing when run again."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import CommandError, call_command

from apps.audit.models import AuditEntry
from apps.plans.models import Plan, PlanStatus, Task, TaskState
from apps.reports.models import Report, ReportState
from apps.tracking.models import Measurement, TaskUpdate, UpdateStatus
from apps.units.models import Membership, Role, Unit, UnitKind

TODAY = dt.datetime(2026, 11, 20, 9, 0)
SMALL = ["--units", "3", "--agencies", "3", "--tasks", "7", "--targets", "4", "--reports", "3"]


def make(settings, *args):
    settings.DEBUG = True
    with time_machine.travel(TODAY, tick=False):
        call_command("make_city_data", *args, stdout=io.StringIO())


@pytest.mark.django_db
def test_it_refuses_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("make_city_data", "--units", "1")
    assert not Unit.objects.filter(code__startswith="tp-").exists()


@pytest.mark.django_db
def test_it_makes_units_with_agencies_officers_plans_figures_updates_and_reports(settings):
    make(settings, *SMALL)
    units = Unit.objects.filter(code__startswith="tp-").exclude(kind=UnitKind.AGENCY)
    assert units.count() == 3
    assert Unit.objects.filter(parent__in=units, kind=UnitKind.AGENCY).count() == 9
    assert Membership.objects.filter(unit__in=units, role=Role.STANDING_OFFICER).count() == 3
    assert Membership.objects.filter(unit__parent__in=units, role=Role.AGENCY_OFFICER).count() == 9
    plans = Plan.objects.filter(unit__in=units, status=PlanStatus.PUBLISHED)
    assert plans.count() == 3
    tasks = Task.objects.filter(plan__in=plans)
    assert tasks.count() == 21 and not tasks.filter(lead__isnull=True).exists()
    # five years of quarterly figures, up to the last period that ended
    assert Measurement.objects.filter(target__plan__in=plans).count() == 12 * 19
    updates = TaskUpdate.objects.filter(task__in=tasks)
    assert updates.count() >= tasks.filter(updates__isnull=False).distinct().count() > 0
    # each task holds the state of its latest update, and every update and figure has its audit entry
    for task in tasks.filter(updates__isnull=False).distinct():
        latest = task.updates.order_by("-created_at", "-pk").first()
        assert (task.state, task.progress) == (latest.state, latest.progress)
    assert tasks.filter(state=TaskState.DONE).exists() and tasks.filter(state=TaskState.IN_PROGRESS).exists()
    assert AuditEntry.objects.filter(action="task.update", unit__in=units).count() == updates.count()
    assert AuditEntry.objects.filter(action="measurement.create", unit__in=units).count() == 12 * 19
    # reviewed as a standing officer would have: what was sent before the last period ended is accepted, a few
    # returned with a reason (and the return audited); the last period's figures and later updates wait
    figures = Measurement.objects.filter(target__plan__in=plans)
    last = figures.order_by("-period_end").values_list("period_end", flat=True).first()
    assert figures.filter(period_end=last).count() == 12
    assert set(figures.filter(period_end=last).values_list("status", flat=True)) == {UpdateStatus.SUBMITTED}
    older = figures.exclude(period_end=last)
    assert older.filter(status=UpdateStatus.ACCEPTED).count() == 12 * 18 - 3
    returned = older.filter(status=UpdateStatus.RETURNED)
    assert returned.count() == 3 and not returned.filter(return_reason="").exists()
    assert not older.filter(status=UpdateStatus.SUBMITTED, reviewed_by__isnull=True).exists()
    assert AuditEntry.objects.filter(action="measurement.return", unit__in=units).count() == 3
    assert set(updates.filter(created_at__date__lt=last).values_list("status", flat=True)) == {
        UpdateStatus.ACCEPTED,
        UpdateStatus.RETURNED,
    }
    assert set(updates.filter(created_at__date__gt=last).values_list("status", flat=True)) == {UpdateStatus.SUBMITTED}
    back = updates.filter(status=UpdateStatus.RETURNED)
    assert AuditEntry.objects.filter(action="task.update.return", unit__in=units).count() == back.count() > 0
    assert all(u.task.updates.filter(created_at__gt=u.created_at).exists() for u in back)  # sent again since
    states = set(Report.objects.filter(unit__in=units).values_list("state", flat=True))
    assert states == {ReportState.ACCEPTED, ReportState.SUBMITTED, ReportState.RETURNED, ReportState.DRAFT}


@pytest.mark.django_db
def test_it_adds_nothing_when_run_again_and_only_the_missing_units_when_asked_for_more(settings):
    make(settings, *SMALL)
    counts = (Unit.objects.count(), Task.objects.count(), Measurement.objects.count(), Report.objects.count())
    make(settings, *SMALL)
    assert (Unit.objects.count(), Task.objects.count(), Measurement.objects.count(), Report.objects.count()) == counts
    make(settings, "--units", "4", *SMALL[2:])
    assert Plan.objects.filter(unit__code__startswith="tp-").count() == 4
