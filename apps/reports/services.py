"""The report's workflow: the standing officer drafts and submits, a city reviewer accepts or returns it.

Every step runs in one transaction with its audit entry. Each step names the report version it was made from, so
two tabs cannot overwrite each other's text and a reviewer cannot accept a report that changed under them.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.audit.models import record
from apps.plans.models import Area, Plan, PlanStatus
from apps.reports import content as build
from apps.reports.models import (
    Report,
    ReportSection,
    ReportState,
    ReportVersion,
    SectionContribution,
    SectionKind,
)
from apps.tracking.models import Period
from apps.units.access import Access
from apps.units.models import Role, Unit
from cchc.versioning import claim

FORBIDDEN_EDIT = "Bạn không có quyền soạn, gửi báo cáo của đơn vị này (chỉ cán bộ thường trực CCHC của đơn vị)."
FORBIDDEN_REVIEW = "Chỉ cán bộ thẩm định của Sở Nội vụ được chấp nhận hoặc trả lại báo cáo."
FORBIDDEN_OWN = "Đơn vị không được tự chấp nhận hoặc trả lại báo cáo của chính mình."


class WorkflowError(ValueError):
    """A step that the report's state does not allow, or a missing reason; the message says what to do."""


class Forbidden(Exception):
    """The user may see the report but not take this step (a 403)."""


def can_edit(access: Access, report: Report) -> bool:
    return access.can_manage(report.unit)


def can_review(access: Access, report: Report) -> bool:
    own = {m.unit.governing_unit.pk for m in access.memberships}
    return access.is_reviewer and report.unit_id not in own


def review_refusal(access: Access, report: Report) -> str | None:
    """Why this user may not accept or return the report, or None when they may."""
    if not access.is_reviewer:
        return FORBIDDEN_REVIEW
    if not can_review(access, report):
        return FORBIDDEN_OWN
    return None


def section_layout(outline: list[dict]) -> list[tuple[str, str, str, str]]:
    """The narrative sections an outline asks for, in its order: (kind, area, outline key, heading)."""
    layout = []
    for entry in outline:
        part = entry["part"]
        if part == "direction":
            layout.append((SectionKind.RESULTS, Area.CHI_DAO_DIEU_HANH.value, "", ""))
        elif part == "results":
            layout += [(SectionKind.RESULTS, a.value, "", "") for a in Area if a != Area.CHI_DAO_DIEU_HANH]
        elif part == "free":
            layout.append((SectionKind.FREE, "", entry["key"], entry["title"]))
        elif part in SectionKind.values:
            layout.append((part, "", "", ""))
    return layout


def outline_sections(report: Report) -> list[ReportSection]:
    """The report's narrative sections. A draft follows the outline in force: a section the outline gained since
    is created prefilled from the data, a renamed heading shows its new name, a removed one is left out (its text
    kept, should the heading come back). A sent report keeps the sections it was sent with."""
    sections = list(report.sections.all())
    if not report.is_editable:
        return sections
    existing = {(s.kind, s.area, s.outline_key): s for s in sections}
    layout = section_layout(build.current_guidance()[1])
    missing = [row for row in layout if row[:3] not in existing]
    if missing:
        data = build.generate(report.unit, report.period)
        ReportSection.objects.bulk_create(
            [
                ReportSection(
                    report=report,
                    kind=kind,
                    area=area,
                    outline_key=key,
                    heading=heading,
                    text=build.draft_text(data, kind, area),
                )
                for kind, area, key, heading in missing
            ],
            ignore_conflicts=True,  # another tab created them meanwhile
        )
        existing = {(s.kind, s.area, s.outline_key): s for s in report.sections.all()}
    shown, changed = [], []
    for position, (kind, area, key, heading) in enumerate(layout):
        section = existing[(kind, area, key)]
        if (section.position, section.heading) != (position, heading):
            section.position, section.heading = position, heading
            changed.append(section)
        shown.append(section)
    if changed:
        ReportSection.objects.bulk_update(changed, ["position", "heading"])
    return shown


def _summary(report: Report, verb: str) -> str:
    return f"{verb} báo cáo CCHC {report.period.words} của {report.unit.name_in_sentence}"


def open_draft(unit: Unit, period: Period, user) -> tuple[Report, bool]:
    """The unit's report for the period, created as a draft prefilled from the data when there is none yet."""
    unit = unit.governing_unit
    report = Report.objects.filter(unit=unit, period=period).first()
    if report is not None:
        return report, False
    try:
        return _create_draft(unit, period, user), True
    except IntegrityError:  # created meanwhile by another tab
        return Report.objects.get(unit=unit, period=period), False


def _create_draft(unit: Unit, period: Period, user) -> Report:
    with transaction.atomic():
        plan = Plan.objects.filter(unit=unit, status=PlanStatus.PUBLISHED).exclude(signer="").first()
        report = Report.objects.create(unit=unit, period=period, created_by=user, signer=plan.signer if plan else "")
        outline_sections(report)
        record(user, "report.create", report, unit, after={"period": str(period)}, summary=_summary(report, "Tạo"))
    return report


def save_draft(report: Report, user, texts: dict[str, str], expected_version: int, number="", signer="") -> Report:
    """Write the officer's text of the sections (by key) from the version the form was loaded at."""
    if not report.is_editable:
        raise WorkflowError("Báo cáo đã gửi không sửa được nữa; chờ thẩm định hoặc trả lại để sửa.")
    with transaction.atomic():
        claim(report, expected_version)
        sections = {s.key: s for s in outline_sections(report)}
        before = {key: s.text for key, s in sections.items()}
        for key, text in texts.items():
            if key in sections and sections[key].text != text:
                sections[key].text = text
                sections[key].save(update_fields=["text"])
        report.number, report.signer = number.strip(), signer.strip()
        Report.objects.filter(pk=report.pk).update(number=report.number, signer=report.signer)
        after = {key: s.text for key, s in sections.items()}
        changed = {key: after[key] for key in after if after[key] != before[key]}
        record(
            user,
            "report.edit",
            report,
            report.unit,
            before={k: before[k] for k in changed},
            after=changed,
            summary=_summary(report, "Sửa"),
        )
    return report


def current_content(report: Report) -> dict:
    """The report as it would be submitted now: the data generated afresh and the narrative as written."""
    data = build.generate(report.unit, report.period)
    data["sections"] = [
        {"key": s.key, "kind": s.kind, "area": s.area, "title": s.title, "text": s.text}
        for s in outline_sections(report)
    ]
    data["number"], data["signer"] = report.number, report.signer
    return data


def shown_content(report: Report) -> tuple[dict, ReportVersion | None]:
    """What the report says: the latest frozen version once submitted or accepted, the live data otherwise."""
    version = report.versions.first()
    if report.is_editable or version is None:
        return current_content(report), None
    return version.content, version


def submit(report: Report, user, expected_version: int | None = None) -> ReportVersion:
    """Freeze the report as its next version and send it for review."""
    if not report.is_editable:
        raise WorkflowError("Báo cáo đã được gửi; không gửi lại được khi chưa bị trả lại.")
    now = timezone.now()
    with transaction.atomic():
        claim(report, expected_version)
        number = report.versions.count() + 1
        version = ReportVersion.objects.create(
            report=report, number=number, content=current_content(report), submitted_at=now, submitted_by=user
        )
        report.state, report.submitted_at, report.submitted_by = ReportState.SUBMITTED, now, user
        report.first_submitted_at = report.first_submitted_at or now
        Report.objects.filter(pk=report.pk).update(
            state=report.state, submitted_at=now, submitted_by=user, first_submitted_at=report.first_submitted_at
        )
        record(
            user,
            "report.submit",
            report,
            report.unit,
            after={"version": number},
            summary=_summary(report, f"Gửi (lần {number})"),
        )
    return version


def _review(report: Report, user, expected_version: int | None) -> None:
    if report.state != ReportState.SUBMITTED:
        raise WorkflowError("Chỉ thẩm định được báo cáo đã gửi và đang chờ thẩm định.")
    claim(report, expected_version)


def accept(report: Report, user, expected_version: int | None = None) -> Report:
    with transaction.atomic():
        _review(report, user, expected_version)
        now = timezone.now()
        report.state, report.accepted_at, report.accepted_by = ReportState.ACCEPTED, now, user
        Report.objects.filter(pk=report.pk).update(state=report.state, accepted_at=now, accepted_by=user)
        record(
            user,
            "report.accept",
            report,
            report.unit,
            after={"state": report.state},
            summary=_summary(report, "Chấp nhận"),
        )
    return report


def return_report(report: Report, user, reason: str, expected_version: int | None = None) -> Report:
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError("Hãy ghi lý do trả lại để đơn vị biết cần sửa gì.")
    with transaction.atomic():
        _review(report, user, expected_version)
        now = timezone.now()
        report.state, report.returned_at, report.returned_by = ReportState.RETURNED, now, user
        report.return_reason = reason
        Report.objects.filter(pk=report.pk).update(
            state=report.state, returned_at=now, returned_by=user, return_reason=reason
        )
        record(
            user,
            "report.return",
            report,
            report.unit,
            after={"state": report.state, "reason": reason},
            summary=_summary(report, "Trả lại"),
        )
    return report


def changes_since_frozen(report: Report, version: ReportVersion | None) -> list[str]:
    if version is None:
        return []
    return build.changes(version.content, build.generate(report.unit, report.period))


def change_period(period: Period, user, data: dict) -> Period:
    """Set a period's data window and due date (reports already sent keep the figures they were frozen with)."""
    fields = ("start", "end", "due_on")
    with transaction.atomic():
        before = {f: getattr(period, f).isoformat() for f in fields}
        for f in fields:
            setattr(period, f, data[f])
        period.save(update_fields=list(fields))
        after = {f: getattr(period, f).isoformat() for f in fields}
        record(user, "period.edit", period, None, before=before, after=after, summary=f"Sửa kỳ báo cáo {period}")
    return period


# --- agencies' contributions to the narrative ----------------------------------------------------------------


def contributing_agency(access: Access, report: Report) -> Unit | None:
    """The agency of the report's unit this user writes for (an agency officer there), or None."""
    for m in access.memberships:
        if m.role == Role.AGENCY_OFFICER and m.unit.parent_id == report.unit_id:
            return m.unit
    return None


def agency_drafts(report: Report, agency: Unit) -> dict[str, str]:
    """A first draft of the agency's part of each area's results: the tasks it leads, counted as the report does."""
    data = build.generate(report.unit, report.period)
    mine = [row for row in data["tasks"] if row["lead"] == agency.name]
    drafts = {}
    for area in Area:
        if any(row["area"] == area for row in mine):
            text = build.draft_results({"tasks": mine, "targets": []}, area.value)
            drafts[f"{SectionKind.RESULTS}-{area.value}"] = text.replace("đơn vị triển khai", f"{agency.name} chủ trì")
    return drafts


def save_contributions(report: Report, agency: Unit, user, texts: dict[str, tuple[str, int | None]]) -> int:
    """Write the agency's parts by section key: (text, version it was loaded at; None for a new part)."""
    if not report.is_editable:
        raise WorkflowError("Báo cáo đã gửi; không đóng góp thêm được nữa.")
    changed = 0
    with transaction.atomic():
        sections = {s.key: s for s in outline_sections(report)}
        existing = {c.section_id: c for c in SectionContribution.objects.filter(section__report=report, agency=agency)}
        for key, (text, version) in texts.items():
            section, text = sections.get(key), (text or "").strip()
            if section is None:
                continue
            found = existing.get(section.pk)
            if found is None:
                if text:
                    SectionContribution.objects.create(section=section, agency=agency, text=text, updated_by=user)
                    changed += 1
                continue
            if found.text == text:
                continue
            found.version = version if version is not None else found.version
            found.text, found.updated_by, found.merged_at, found.merged_by = text, user, None, None
            found.save()
            changed += 1
        if changed:
            record(
                user,
                "report.contribute",
                report,
                report.unit,
                after={"agency": agency.name, "sections": changed},
                summary=f"{agency.name} đóng góp báo cáo CCHC {report.period}",
            )
    return changed


def merge_contribution(report: Report, contribution_id: int, user) -> SectionContribution:
    """Append an agency's part to its section's text (the standing officer's step); called after the section's
    text was saved from the same form, so nothing the officer typed is lost."""
    if not report.is_editable:
        raise WorkflowError("Báo cáo đã gửi không sửa được nữa.")
    with transaction.atomic():
        contribution = (
            SectionContribution.objects.select_for_update()
            .select_related("section", "agency")
            .filter(pk=contribution_id, section__report=report)
            .first()
        )
        if contribution is None:
            raise WorkflowError("Không tìm thấy phần đóng góp này (có thể cơ quan đã xóa); hãy tải lại trang.")
        section = contribution.section
        section.text = f"{section.text.rstrip()}\n{contribution.text}".strip()
        section.save(update_fields=["text"])
        contribution.merged_at, contribution.merged_by = timezone.now(), user
        SectionContribution.objects.filter(pk=contribution.pk).update(merged_at=contribution.merged_at, merged_by=user)
        claim(report)
        record(
            user,
            "report.merge",
            report,
            report.unit,
            after={"agency": contribution.agency.name, "section": section.key},
            summary=f"Gộp phần của {contribution.agency.name} vào báo cáo CCHC {report.period}",
        )
    return contribution
