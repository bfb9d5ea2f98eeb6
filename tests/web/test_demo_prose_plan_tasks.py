"""Kẽ Sắt's plan in force (seed 003) is written as prose, with no task table: load_demo has its standing officer
add its tasks with the bulk task add from the plan's paragraphs, each under its reform area, so there are tasks to
track; a second run adds none."""

import pytest
from django.core.management import call_command

from apps.audit.models import AuditEntry
from apps.plans.models import Area, Plan, PlanStatus, Task


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.DEBUG = True


def test_it_gives_the_prose_plan_its_tasks_from_its_paragraphs(db):
    call_command("load_demo")
    plan = Plan.objects.get(unit__code="ke-sat", status=PlanStatus.PUBLISHED)
    tasks = list(plan.tasks.order_by("position"))

    assert len(tasks) == 24  # the lettered items of "II. NHIỆM VỤ TRỌNG TÂM", six areas
    assert (tasks[0].section, tasks[0].no, tasks[0].area) == ("I", "a", Area.THE_CHE)
    assert tasks[0].content.startswith("Xây dựng, hoàn thiện hệ thống văn bản quy phạm pháp luật")
    assert {t.area for t in tasks} == {
        Area.THE_CHE,
        Area.TTHC,
        Area.BO_MAY,
        Area.CONG_VU,
        Area.TAI_CHINH_CONG,
        Area.CHINH_PHU_SO,
    }
    assert all(t.due_on == plan.period_end for t in tasks)
    entry = AuditEntry.objects.get(action="task.create_many")
    assert entry.user.username == "kesat.vhxh" and "24 nhiệm vụ" in entry.summary

    call_command("load_demo")
    assert Task.objects.filter(plan=plan).count() == 24
