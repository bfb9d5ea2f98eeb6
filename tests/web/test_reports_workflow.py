"""Kẽ Sắt's standing officer drafts and submits the Q1 report; Sở Nội vụ's reviewer returns it with a reason, then
accepts the resubmission. Each submission is frozen; nobody may review their own unit's report."""

import datetime as dt

import pytest
import time_machine

from apps.audit.models import AuditEntry
from apps.reports import services
from apps.reports.models import Report, ReportState, ReportVersion
from apps.tracking.models import Period, PeriodKind
from apps.units.access import Access
from apps.units.models import Role
from cchc.versioning import Conflict
from tests.web.conftest import make_user


def q1() -> Period:
    Period.ensure_year(2026)
    return Period.objects.get(year=2026, kind=PeriodKind.Q1)


def at(day: dt.date):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 9, 0), tick=False)


def draft(plan, officer) -> Report:
    report, _ = services.open_draft(plan.unit, q1(), officer)
    return report


def test_it_keeps_every_submission_frozen(plan, officer, reviewer):
    report = draft(plan, officer)
    services.save_draft(report, officer, {"proposals": "Đề nghị tập huấn phần mềm một cửa."}, report.version)
    with at(dt.date(2026, 3, 18)):
        first = services.submit(report, officer)
    services.return_report(report, reviewer, "Bổ sung số liệu hồ sơ trực tuyến.")
    services.save_draft(report, officer, {"proposals": "Đề nghị cấp kinh phí số hóa."}, report.version)
    with at(dt.date(2026, 3, 25)):
        second = services.submit(report, officer)
    services.accept(report, reviewer)

    report.refresh_from_db()
    assert report.state == ReportState.ACCEPTED and report.accepted_by == reviewer
    assert [v.number for v in report.versions.all()] == [2, 1]
    proposals = {
        v.number: next(s["text"] for s in v.content["sections"] if s["key"] == "proposals") for v in (first, second)
    }
    assert proposals == {1: "Đề nghị tập huấn phần mềm một cửa.", 2: "Đề nghị cấp kinh phí số hóa."}
    assert not report.is_late()  # first sent on the 18th, due on the 20th
    with pytest.raises(ValueError):
        first.save()
    entries = AuditEntry.objects.filter(object_type="reports.report").order_by("pk")
    actions = list(entries.values_list("action", flat=True))
    assert actions == [
        "report.create",
        "report.edit",
        "report.submit",
        "report.return",
        "report.edit",
        "report.submit",
        "report.accept",
    ]


def test_it_requires_a_reason_to_return(plan, officer, reviewer):
    report = draft(plan, officer)
    services.submit(report, officer)

    with pytest.raises(services.WorkflowError, match="lý do"):
        services.return_report(report, reviewer, "   ")

    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED


def test_it_refuses_edits_and_a_second_submission_once_submitted(plan, officer):
    report = draft(plan, officer)
    services.submit(report, officer)

    with pytest.raises(services.WorkflowError):
        services.save_draft(report, officer, {"proposals": "Sửa sau khi gửi"}, report.version)
    with pytest.raises(services.WorkflowError):
        services.submit(report, officer)
    assert ReportVersion.objects.filter(report=report).count() == 1


def test_it_refuses_a_save_from_a_stale_tab(plan, officer):
    report = draft(plan, officer)
    loaded = report.version
    services.save_draft(report, officer, {"proposals": "Tab thứ nhất"}, loaded)

    with pytest.raises(Conflict):
        services.save_draft(Report.objects.get(pk=report.pk), officer, {"proposals": "Tab thứ hai"}, loaded)

    assert report.sections.get(kind="proposals").text == "Tab thứ nhất"


def test_it_marks_a_report_sent_after_the_due_date_late(plan, officer):
    report = draft(plan, officer)
    with at(dt.date(2026, 3, 19)):
        assert not report.is_late()
    with at(dt.date(2026, 3, 23)):
        assert report.is_late()  # not sent, past the 20th
        services.submit(report, officer)
    with at(dt.date(2026, 6, 1)):
        assert Report.objects.get(pk=report.pk).is_late()


def test_it_lets_nobody_review_their_own_unit(plan, officer, reviewer, snv):
    kesat_reviewer = make_user("kesat.thamdinh", plan.unit, Role.CITY_REVIEWER)
    report = draft(plan, officer)
    own = services.open_draft(snv, q1(), make_user("snv.vp", snv, Role.STANDING_OFFICER))[0]

    assert services.review_refusal(Access(reviewer), report) is None
    assert services.review_refusal(Access(reviewer), own) == services.FORBIDDEN_OWN
    assert services.review_refusal(Access(kesat_reviewer), report) == services.FORBIDDEN_OWN
    assert services.review_refusal(Access(officer), report) == services.FORBIDDEN_REVIEW
