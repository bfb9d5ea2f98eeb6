"""The city's consolidated report of a period: its content drafted from the consolidation, its .docx (the same
Nghị định 30/2020 document as a unit's, with the units' table as appendix) and .xlsx, rendered on the job queue.

``request(period, user)`` queues a rendering (or returns the one already under way); the worker calls
``render(pk)``, which builds both files from the accepted unit reports only and records which versions it read.
"""

from __future__ import annotations

import datetime as dt
import io
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.audit.models import record
from apps.plans.models import Area, ReportStatus
from apps.reports import word
from apps.reports.consolidation import Consolidation, consolidate, has_accepted
from apps.reports.content import ATTAINMENTS, BUCKETS, current_guidance
from apps.reports.models import CityDocument, CityReport, CityState, RenderState, SectionKind
from apps.tracking.models import Period
from apps.tracking.uploads import validate_upload
from apps.units.models import BLOCK_LABELS, Unit, UnitKind
from cchc import jobs, xlsx
from cchc.numbers import num
from cchc.versioning import claim

logger = logging.getLogger(__name__)

NO_CITY = "Chưa có đơn vị cấp thành phố trong danh mục đơn vị; hãy thêm đơn vị loại 'Thành phố' rồi lập lại."
FAILED = "Không lập được báo cáo tổng hợp do lỗi hệ thống; hãy bấm lập lại, nếu vẫn lỗi hãy báo quản trị hệ thống."
INTERRUPTED = "Việc lập báo cáo bị gián đoạn (tiến trình nền dừng giữa chừng); hãy bấm lập lại."


def city_unit() -> Unit | None:
    return Unit.objects.filter(kind=UnitKind.CITY).order_by("pk").first()


def _names(rows, limit: int = 5) -> str:
    names = [row.unit.name for row in rows]
    shown = ", ".join(names[:limit])
    return shown + (f" và {len(names) - limit} đơn vị khác" if len(names) > limit else "")


def _pct(rate) -> str:
    value = rate.percent
    return "–" if value is None else num(value, "%")


def draft_sections(c: Consolidation) -> list[dict]:
    """The narrative of the city's report, written from the consolidated figures (editable once downloaded)."""
    areas = {row["area"]: row for row in c.areas}
    total = len(c.rows)
    sections = []
    lead = (
        f"Trong kỳ, {c.submitted}/{total} đơn vị đã gửi báo cáo; {c.city.units} báo cáo được Sở Nội vụ chấp nhận "
        f"và được tổng hợp."
    )
    if c.late:
        lead += f" Có {len(c.late)} đơn vị gửi chậm hoặc chưa gửi: {_names(c.late)}."
    if c.returned:
        lead += f" {len(c.returned)} báo cáo bị trả lại để bổ sung: {_names(c.returned)}."
    for area in Area:
        counts = areas[area.value]["tasks"]
        n = sum(counts.values())
        if area == Area.CHI_DAO_DIEU_HANH:
            text = lead + " "
        else:
            text = ""
        if n:
            done = counts[ReportStatus.DONE_ON_TIME] + counts[ReportStatus.DONE_LATE]
            text += (
                f"Các đơn vị triển khai {n} nhiệm vụ thuộc lĩnh vực này; đã hoàn thành {done} nhiệm vụ "
                f"({counts[ReportStatus.DONE_ON_TIME]} đúng hạn, {counts[ReportStatus.DONE_LATE]} quá hạn), "
                f"{counts[ReportStatus.IN_PROGRESS]} nhiệm vụ đang thực hiện trong hạn, "
                f"{counts[ReportStatus.OVERDUE]} nhiệm vụ quá hạn chưa hoàn thành."
            )
        else:
            text += "Các báo cáo đã chấp nhận không có nhiệm vụ thuộc lĩnh vực này."
        sections.append(
            {"key": f"results-{area.value}", "kind": "results", "area": area.value, "title": area.label, "text": text}
        )
    behind = sorted(
        (row for row in c.rows if row.figures and row.figures.tasks[ReportStatus.OVERDUE]),
        key=lambda row: -row.figures.tasks[ReportStatus.OVERDUE],
    )
    shortcomings = []
    if behind:
        shortcomings.append(
            f"Còn {c.city.tasks[ReportStatus.OVERDUE]} nhiệm vụ quá hạn chưa hoàn thành ở {len(behind)} đơn vị, "
            f"nhiều nhất: {_names(behind, 3)}."
        )
    missed = [i for i in c.indicators if i.attainment in ("missed", "at_risk")]
    if missed:
        shortcomings.append("Chỉ tiêu của thành phố chưa đạt: " + "; ".join(i.label for i in missed) + ".")
    shortcomings.append("Nguyên nhân: (nêu nguyên nhân khách quan, chủ quan).")
    sections += [
        {
            "key": "shortcomings",
            "kind": "shortcomings",
            "area": "",
            "title": SectionKind.SHORTCOMINGS.label,
            "text": " ".join(shortcomings),
        },
        {
            "key": "next_tasks",
            "kind": "next_tasks",
            "area": "",
            "title": SectionKind.NEXT_TASKS.label,
            "text": "Đôn đốc các đơn vị hoàn thành các nhiệm vụ quá hạn; các đơn vị chưa gửi hoặc bị trả lại "
            "hoàn thiện báo cáo; tiếp tục triển khai kế hoạch CCHC năm.",
        },
        {
            "key": "proposals",
            "kind": "proposals",
            "area": "",
            "title": SectionKind.PROPOSALS.label,
            "text": "(Nêu đề xuất, kiến nghị với Bộ Nội vụ, nếu có.)",
        },
    ]
    sections += [  # the headings the city's outline adds, for Sở Nội vụ to write
        {"key": e["key"], "kind": SectionKind.FREE.value, "area": "", "title": e["title"], "text": ""}
        for e in current_guidance()[1]
        if e["part"] == "free"
    ]
    return sections


def build_content(city: Unit, c: Consolidation, narrative: dict | None = None) -> dict:
    """The city's report in the shape of a unit's content (what word.build_docx reads), plus its units' table; its
    narrative as Sở Nội vụ wrote it (``CityDocument.narrative``), else drafted from the figures."""
    period = c.period
    narrative = narrative or {}
    return {
        "unit": {"id": city.pk, "name": city.name, "kind": city.kind},
        "period": {
            "code": period.code,
            "label": str(period),
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "due_on": period.due_on.isoformat(),
        },
        "generated_at": timezone.now().isoformat(),
        "tasks": [],
        "tasks_total": c.city.total_tasks,
        "targets": [],
        "areas": c.areas,
        "statistics": c.statistics,
        "outline": current_guidance()[1],
        "sections": narrative.get("sections") or draft_sections(c),
        "number": narrative.get("number", ""),
        "signer": narrative.get("signer", ""),
        "units": [
            {
                "name": row.unit.name,
                "block": BLOCK_LABELS[row.block],
                "state": row.state_label + (" (chậm)" if row.late else ""),
                "tasks": dict(row.figures.tasks) if row.figures else None,
                "completion": row.figures.completion.percent if row.figures else None,
                "targets_met": f"{row.figures.targets_met.numerator:g}/{row.figures.targets_met.denominator:g}"
                if row.figures
                else "",
                "rank": row.rank,
            }
            for row in c.rows
        ],
        "indicators": [
            {
                "label": i.label,
                "goal": i.goal,
                "value": i.value,
                "unit": i.unit,
                "numerator": i.numerator,
                "denominator": i.denominator,
                "units_counted": i.units_counted,
                "attainment": ATTAINMENTS.get(i.attainment, ""),
            }
            for i in c.indicators
        ],
    }


def build_xlsx(content: dict) -> bytes:
    book = xlsx.workbook()
    xlsx.add_table(
        book,
        "Thống kê",
        [("TT", 6), ("Nội dung", 55), ("Đơn vị tính", 12), ("Kết quả", 12), ("Tử số", 12), ("Mẫu số", 12)],
        [
            [i, r["label"], r["unit"], r["value"], r["numerator"], r["denominator"]]
            for i, r in enumerate(content["statistics"], start=1)
        ],
    )
    xlsx.add_table(
        book,
        "Đơn vị",
        [("TT", 6), ("Khối", 16), ("Đơn vị", 34), ("Báo cáo", 24)]
        + [(label, 14) for label in BUCKETS.values()]
        + [("Tỷ lệ hoàn thành (%)", 14), ("Chỉ tiêu đạt / có số liệu", 14), ("Xếp hạng trong khối", 12)],
        [
            [i, u["block"], u["name"], u["state"]]
            + [u["tasks"][key] if u["tasks"] else None for key in BUCKETS]
            + [u["completion"], u["targets_met"], u["rank"]]
            for i, u in enumerate(content["units"], start=1)
        ],
    )
    xlsx.add_table(
        book,
        "Chỉ tiêu thành phố",
        [
            ("TT", 6),
            ("Chỉ tiêu / chỉ số", 60),
            ("Mục tiêu", 16),
            ("Kết quả toàn TP", 14),
            ("Đơn vị tính", 10),
            ("Tử số", 12),
            ("Mẫu số", 12),
            ("Số đơn vị tính vào", 12),
            ("Mức độ đạt", 22),
        ],
        [
            [i, r["label"], r["goal"], r["value"], r["unit"], r["numerator"], r["denominator"], r["units_counted"]]
            + [r["attainment"]]
            for i, r in enumerate(content["indicators"], start=1)
        ],
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def file_name(period: Period, extension: str) -> str:
    return f"bao-cao-tong-hop-cchc-{period.file_part}.{extension}"


def is_stale(job: CityReport, now: dt.datetime | None = None) -> bool:
    """A rendering shown as under way for longer than a worker could take: its worker died."""
    if not job.is_working:
        return False
    since = job.started_at or job.requested_at
    return (now or timezone.now()) - since > dt.timedelta(seconds=settings.JOBS_STALE_AFTER)


def latest(period: Period) -> CityReport | None:
    return CityReport.objects.filter(period=period).select_related("requested_by").first()


ISSUED = "Báo cáo tổng hợp kỳ này đã ký, ban hành; không lập lại hay sửa được nữa."
NOTHING_ACCEPTED = (
    "Chưa lập được báo cáo tổng hợp: kỳ này chưa có báo cáo nào của đơn vị được chấp nhận. "
    "Hãy duyệt các báo cáo đã gửi trước (số liệu tổng hợp chỉ lấy từ báo cáo đã được chấp nhận)."
)


class WorkflowError(ValueError):
    """A step the city document's state does not allow, or missing issue details; the message says what to do."""


def open_document(period: Period, user) -> CityDocument:
    """The city's document of the period, created as a draft with its narrative prefilled from the figures;
    ``WorkflowError`` when there is none yet and no unit's report of the period is accepted."""
    found = CityDocument.objects.filter(period=period).first()
    if found is not None:
        return found
    if not has_accepted(period):
        raise WorkflowError(NOTHING_ACCEPTED)
    sections = draft_sections(consolidate(period))
    try:
        with transaction.atomic():
            document = CityDocument.objects.create(period=period, sections=sections, created_by=user)
            record(user, "report.city.open", document, city_unit(), summary=f"Tạo dự thảo {document}")
    except IntegrityError:  # opened meanwhile by another tab
        return CityDocument.objects.get(period=period)
    return document


def save_document(document: CityDocument, user, texts: dict[str, str], number: str, signer: str, expected: int):
    """Write Sở Nội vụ's text of the sections (by key), the number and the signer, from the version it was loaded
    at (``Conflict`` when changed meanwhile)."""
    if not document.is_editable:
        raise WorkflowError(ISSUED)
    with transaction.atomic():
        before = document.narrative
        sections = [{**s, "text": texts.get(s["key"], s["text"]).strip()} for s in document.sections]
        document.sections, document.number, document.signer = sections, number.strip()[:20], signer.strip()[:120]
        document.version = expected
        document.save()
        changed = [s["key"] for s, was in zip(sections, before["sections"], strict=True) if s["text"] != was["text"]]
        record(
            user,
            "report.city.edit",
            document,
            city_unit(),
            before={"number": before["number"], "signer": before["signer"]},
            after={"number": document.number, "signer": document.signer, "sections": changed},
            summary=f"Sửa dự thảo {document}",
        )
    return document


def is_current(job: CityReport | None, document: CityDocument) -> bool:
    """The rendering is done and was built with the document's narrative as it now is."""
    return job is not None and job.state == RenderState.DONE and job.narrative == document.narrative


def issue(document: CityDocument, user, issued_on: dt.date | None, signed, expected: int | None = None):
    """Record the signed report: its date and the signed file (a scan: PDF or image, checked as evidence files
    are), against the latest rendering built from the document as it now is. Nothing of it changes afterwards."""
    if not document.is_editable:
        raise WorkflowError(ISSUED)
    job = latest(document.period)
    if not is_current(job, document):
        raise WorkflowError("Hãy lập lại báo cáo theo nội dung đã lưu, chờ lập xong rồi mới ký, ban hành.")
    missing = [name for name, value in (("số báo cáo", document.number), ("người ký", document.signer)) if not value]
    if issued_on is None:
        missing.append("ngày ban hành")
    if signed is None:
        missing.append("bản đã ký (PDF hoặc ảnh chụp)")
    if missing:
        raise WorkflowError("Chưa ban hành được: thiếu " + ", ".join(missing) + ".")
    try:
        kind = validate_upload(signed)
    except ValidationError as exc:
        raise WorkflowError(" ".join(exc.messages)) from None
    if kind.extension not in ("pdf", "jpg", "jpeg", "png"):
        raise WorkflowError(f"Bản đã ký “{signed.name}” phải là tệp PDF hoặc ảnh chụp (JPG, PNG).")
    with transaction.atomic():
        claim(document, expected)
        document.signed_file.save(f"tong-hop-{document.period.code}-{signed.name[-60:]}", signed, save=False)
        document.signed_name = signed.name[:255]
        document.state, document.issued_on, document.issued_report = CityState.ISSUED, issued_on, job
        document.issued_at, document.issued_by = timezone.now(), user
        CityDocument.objects.filter(pk=document.pk).update(
            signed_file=document.signed_file.name,
            signed_name=document.signed_name,
            state=document.state,
            issued_on=issued_on,
            issued_report=job,
            issued_at=document.issued_at,
            issued_by=user,
        )
        record(
            user,
            "report.city.issue",
            document,
            city_unit(),
            after={"number": document.number, "issued_on": issued_on.isoformat(), "rendering": job.pk},
            summary=f"Ban hành {document}, số {document.number}",
        )
    return document


def request(period: Period, user) -> tuple[CityReport, bool]:
    """Queue the city's report of the period, built with its document's narrative; a rendering already under way
    is returned instead of a second one. ``WorkflowError`` once the report is issued, or while no unit's report of
    the period is accepted."""
    document = open_document(period, user)
    if not document.is_editable:
        raise WorkflowError(ISSUED)
    if not has_accepted(period):
        raise WorkflowError(NOTHING_ACCEPTED)
    with transaction.atomic():
        under_way = CityReport.objects.filter(period=period, state__in=(RenderState.QUEUED, RenderState.RUNNING))
        for job in under_way.select_for_update():
            if not is_stale(job):
                return job, False
            CityReport.objects.filter(pk=job.pk).update(state=RenderState.FAILED, error=INTERRUPTED)
        job = CityReport.objects.create(period=period, requested_by=user, narrative=document.narrative)
        record(
            user,
            "report.city.request",
            job,
            city_unit(),
            after={"period": period.code},
            summary=f"Lập báo cáo tổng hợp CCHC {period} của thành phố",
        )
        jobs.enqueue(jobs.render_city_report, job.pk)
    return job, True


def render(pk: int) -> str:
    """Build the city's .docx and .xlsx of the job's period from the accepted reports (the worker's part)."""
    claimed = CityReport.objects.filter(pk=pk, state=RenderState.QUEUED).update(
        state=RenderState.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return "skipped"
    job = CityReport.objects.select_related("period").get(pk=pk)
    city = city_unit()
    if city is None:
        CityReport.objects.filter(pk=pk).update(state=RenderState.FAILED, error=NO_CITY, finished_at=timezone.now())
        return "failed"
    try:
        today = timezone.localdate()
        c = consolidate(job.period, today)
        content = build_content(city, c, job.narrative)
        docx = word.build_docx(city, content, today, appendix=word.city_appendix)
        xlsx = build_xlsx(content)
    except Exception:
        logger.exception("city report %s failed", pk)
        CityReport.objects.filter(pk=pk).update(state=RenderState.FAILED, error=FAILED, finished_at=timezone.now())
        raise
    job.docx.save(file_name(job.period, "docx"), ContentFile(docx), save=False)
    job.xlsx.save(file_name(job.period, "xlsx"), ContentFile(xlsx), save=False)
    job.built_from, job.state, job.finished_at = c.version_ids, RenderState.DONE, timezone.now()
    job.save(update_fields=["docx", "xlsx", "built_from", "state", "finished_at"])
    return "done"
