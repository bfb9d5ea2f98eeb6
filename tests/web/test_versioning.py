"""Every changed record moves to its next version; a change made from an older version is refused, not written."""

import pytest

from apps.plans.models import Plan, Task, TaskState
from apps.tracking import services
from cchc.versioning import Conflict, claim, parse_etag


def test_it_moves_a_saved_row_to_its_next_version(plan):
    assert plan.version == 1
    plan.title = "Kế hoạch CCHC năm 2026 (sửa)"
    plan.save()
    assert plan.version == 2
    assert Plan.objects.get(pk=plan.pk).version == 2


def test_it_refuses_a_save_from_a_stale_copy_and_keeps_the_other_change(plan):
    first_tab = Plan.objects.get(pk=plan.pk)
    second_tab = Plan.objects.get(pk=plan.pk)
    first_tab.signer = "Nguyễn Văn A"
    first_tab.save()
    second_tab.signer = "Trần Thị B"
    with pytest.raises(Conflict) as refused:
        second_tab.save()
    assert refused.value.current.signer == "Nguyễn Văn A"
    assert "người khác sửa" in str(refused.value)
    assert Plan.objects.get(pk=plan.pk).signer == "Nguyễn Văn A"


def test_it_refuses_a_claim_of_a_deleted_row(plan):
    copy = Plan.objects.get(pk=plan.pk)
    Plan.objects.filter(pk=plan.pk).delete()
    with pytest.raises(Conflict) as refused:
        claim(copy)
    assert refused.value.current is None


@pytest.fixture
def task(plan):
    return Task.objects.get(plan=plan, section="II")


def test_it_appends_an_update_to_a_task_changed_meanwhile(task, agency_officer):
    stale = Task.objects.get(pk=task.pk)
    services.submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=30)
    services.submit_update(stale, agency_officer, state=TaskState.IN_PROGRESS, progress=50)
    stale.refresh_from_db()
    assert (stale.progress, stale.version) == (50, 3)


def test_it_refuses_an_update_made_from_an_older_task_version(task, agency_officer):
    services.submit_update(task, agency_officer, state=TaskState.IN_PROGRESS, progress=30)
    with pytest.raises(Conflict):
        services.submit_update(task, agency_officer, state=TaskState.DONE, expected_version=1)
    task.refresh_from_db()
    assert task.progress == 30


@pytest.mark.parametrize(
    ("header", "version"), [('"v3"', 3), ('W/"v12"', 12), ("4", 4), ("*", None), (None, None), ("", None)]
)
def test_it_reads_the_version_an_if_match_header_names(header, version):
    assert parse_etag(header) == version


def test_it_rejects_an_if_match_that_names_no_version():
    with pytest.raises(ValueError):
        parse_etag('"abc"')
