"""The adapter between the importer library and the database: runs, drafts, publishing."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import logging
import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

import importer
from apps.audit.models import record, snapshot
from apps.imports.models import ImportRun, RunStatus
from apps.plans.indicators import bind_indicator
from apps.plans.models import Area, Comparator, Plan, PlanReference, PlanStatus, ReferenceKind, Target, Task
from apps.tracking import notify
from apps.units.matching import match_agency, match_many, names_unit, split_names
from apps.units.models import Unit
from cchc import jobs
from cchc.numbers import num
from importer import pipeline
from importer.areas import area_of
from importer.deadlines import parse_deadline
from importer.model import Block, Document, Location
from importer.readers import read

logger = logging.getLogger(__name__)

UNEXPECTED = (
    "Đã có lỗi ngoài dự kiến khi đọc tệp. Lỗi đã được ghi lại; hãy thử lại sau ít phút "
    "hoặc báo cho quản trị hệ thống kèm tên tệp."
)
# readers that need no OCR: cheap enough to run inline and to re-read for the review screen
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx")
LOW_COVERAGE = 0.5  # below this share of the words read in some field, the whole draft is to be checked
# the order of areas in the Government's programme (76/NQ-CP) and the city's templates
STANDARD_SECTIONS = {
    "I": Area.THE_CHE,
    "II": Area.TTHC,
    "III": Area.BO_MAY,
    "IV": Area.CONG_VU,
    "V": Area.TAI_CHINH_CONG,
    "VI": Area.CHINH_PHU_SO,
    "VII": Area.CHI_DAO_DIEU_HANH,
}


# --- running an import --------------------------------------------------------------------


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def needs_ocr(path: Path) -> bool:
    """Images always; a PDF when its first pages carry (almost) no text layer."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return False
    if suffix != ".pdf":
        return True
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            chars = 0
            for index in range(min(len(pdf), 3)):
                textpage = pdf[index].get_textpage()
                chars += len(textpage.get_text_range().strip())
            return chars < 100
        finally:
            pdf.close()
    except Exception:  # a broken PDF: let the importer say what is wrong, in the background
        return True


class WrongUnit(ValidationError):
    """A plan was imported into an agency instead of the unit that issues plans."""


def refuse_agency(unit: Unit, user, name: str) -> None:
    """Plans belong to a commune, ward, department or the city, never to one of its agencies."""
    if not unit.is_agency:
        return
    governing = unit.governing_unit
    message = (
        f"{unit.name} là một cơ quan thuộc {governing.name}; kế hoạch CCHC là của {governing.name}, không của riêng "
        f"cơ quan. Hãy nhập tệp ở trang nhập kế hoạch của {governing.name}."
    )
    record(user, "import_refused", unit, unit, after={"file": name, "unit_to_use": governing.pk}, summary=message)
    raise WrongUnit(message)


def coverage_note(result: dict | None) -> str:
    """What the review screen says first about how much of the document reached the draft: the share of the words
    read that ended in some field and the pages that gave none, which are where the reviewer looks first."""
    coverage = (result or {}).get("coverage") or {}
    if not coverage.get("words"):
        return ""
    share = num(Decimal(str(coverage["share"])) * 100, "%", places=0)
    note = f"Khoảng {share} nội dung đọc được đã vào bản nháp (thông tin chung, chỉ tiêu, nhiệm vụ)."
    if coverage["share"] < LOW_COVERAGE:
        note += " Phần lớn văn bản chưa được đưa vào: hãy đối chiếu toàn bộ với bản gốc."
    pages = coverage.get("pages_without_fields") or []
    if pages:
        shown = ", ".join(str(p) for p in pages[:12]) + (" …" if len(pages) > 12 else "")
        note += f" Trang {shown} không có nội dung nào được đưa vào: hãy đối chiếu các trang này với bản gốc trước."
    return note


def import_file(
    unit: Unit, path: Path, user, *, background: bool = False, original_name: str | None = None
) -> ImportRun:
    """Store the file and run the importer (in the worker when asked), building the draft plan.

    The same document sent again while a run of it is queued or reading gets that run back: one upload of a
    document at a time per unit (the unit row is locked), so two at once never make two drafts."""
    path = Path(path)
    name = Path(original_name or path.name).name
    refuse_agency(unit, user, name)
    digest = sha256_of(path)
    with transaction.atomic():
        Unit.objects.select_for_update().get(pk=unit.pk)
        active = ImportRun.objects.filter(
            unit=unit, sha256=digest, status__in=(RunStatus.QUEUED, RunStatus.RUNNING)
        ).first()
        if active is not None:
            return active
        run = ImportRun(unit=unit, uploaded_by=user, original_name=name[:255], sha256=digest)
        with open(path, "rb") as handle:
            run.file.save(name, File(handle), save=False)
        run.save()
        record(user, "import", run, unit, after={"file": name, "sha256": run.sha256}, summary=f"Tải lên tệp {name}")
        if background:
            jobs.enqueue(jobs.run_import, run.pk)
    if background:
        run.refresh_from_db()
        return run
    return execute(run)


def run_queued(run_id: int) -> str:
    """The worker's side of a queued run; a worker stopped in the middle puts the run back in the queue."""
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None:
        return "gone"
    try:
        return execute(run).status
    except BaseException:  # the worker is being stopped (Ctrl-C, SIGTERM): the next worker takes the run again
        retry_or_fail(run)
        raise


def execute(run: ImportRun) -> ImportRun:
    """Run the importer on a stored run's file; a bad file fails the run and changes nothing else.

    The run is claimed from the queue with one conditional update; one already taken, finished or failed is
    left alone."""
    claimed = ImportRun.objects.filter(pk=run.pk, status=RunStatus.QUEUED).update(
        status=RunStatus.RUNNING, worker=jobs.worker_name(), heartbeat_at=timezone.now(), attempts=F("attempts") + 1
    )
    run.refresh_from_db()
    if not claimed:
        return run

    def progress(done: int, total: int) -> None:
        ImportRun.objects.filter(pk=run.pk).update(pages_done=done, pages_total=total, heartbeat_at=timezone.now())

    limits = pipeline.Limits(max_pages=settings.IMPORT_MAX_PAGES, workers=settings.IMPORT_OCR_PROCESSES)
    try:
        result = pipeline.run(Path(run.file.path), limits, progress)
    except importer.ImporterError as exc:
        return _fail(run, str(exc))
    except Exception:
        logger.exception("import run %s crashed in the importer", run.pk)
        return _fail(run, UNEXPECTED)
    try:
        with transaction.atomic():
            # drafts of one unit are replaced one at a time, so two runs of a document leave one draft
            Unit.objects.select_for_update().get(pk=run.unit_id)
            plan = build_draft(run, result)
            run.refresh_from_db(fields=["pages_done", "pages_total"])
            run.status = RunStatus.DONE
            run.result = result.to_dict()
            run.plan = plan
            run.finished_at = timezone.now()
            run.save()
    except Exception:
        logger.exception("import run %s crashed building its draft", run.pk)
        return _fail(run, UNEXPECTED)
    return run


def _fail(run: ImportRun, message: str) -> ImportRun:
    run.refresh_from_db(fields=["pages_done", "pages_total"])
    run.status = RunStatus.FAILED
    run.error = message
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "error", "finished_at"])
    return run


RUN_DIED = (
    "Việc đọc tệp bị dừng giữa chừng (máy chủ khởi động lại hoặc tiến trình nền bị tắt) và đã thử {attempts} lần "
    "mà không xong. Hãy tải tệp lên lại; nếu lỗi lặp lại, hãy báo quản trị hệ thống (kiểm tra tiến trình nền "
    "“manage.py run_worker”)."
)


def retry_or_fail(run: ImportRun) -> None:
    """A run whose worker stopped: queued again while it has attempts left, else failed with what to do."""
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if run.status != RunStatus.RUNNING:
            return
        before = {"status": run.status, "worker": run.worker, "attempts": run.attempts}
        if run.attempts < settings.JOBS_MAX_ATTEMPTS:
            run.status, summary = RunStatus.QUEUED, f"Đọc lại tệp {run.original_name}: tiến trình nền đã dừng"
            jobs.enqueue(jobs.run_import, run.pk)
        else:
            run.status, run.finished_at = RunStatus.FAILED, timezone.now()
            run.error = RUN_DIED.format(attempts=run.attempts)
            summary = f"Không đọc xong tệp {run.original_name}: tiến trình nền đã dừng"
        run.worker = ""
        run.save(update_fields=["status", "worker", "error", "finished_at"])
        record(None, "import_" + run.status, run, run.unit, before, {"status": run.status}, summary)


def sweep(runs=None) -> int:
    """Runs shown as reading whose worker died (its process ended, or silent for JOBS_STALE_AFTER seconds) are
    queued again or failed; returns how many. Called when a worker starts and when a run's page is looked at."""
    stale = timezone.now() - dt.timedelta(seconds=settings.JOBS_STALE_AFTER)
    runs = (runs if runs is not None else ImportRun.objects.all()).filter(status=RunStatus.RUNNING)
    swept = 0
    for run in runs:
        if jobs.worker_is_gone(run.worker) or run.heartbeat_at is None or run.heartbeat_at < stale:
            logger.warning("import run %s: its worker %s is gone or silent", run.pk, run.worker)
            retry_or_fail(run)
            swept += 1
    return swept


# --- the draft ------------------------------------------------------------------------------


def _month_start(text: str | None) -> dt.date | None:
    match = re.match(r"^(\d{4})(?:-(\d{1,2}))?", text or "")
    if not match:
        return None
    year, month = int(match[1]), int(match[2] or 1)
    return dt.date(year, month, 1) if 1 <= month <= 12 else None


def _month_end(text: str | None) -> dt.date | None:
    match = re.match(r"^(\d{4})(?:-(\d{1,2}))?", text or "")
    if not match:
        return None
    year, month = int(match[1]), int(match[2] or 12)
    return dt.date(year, month, calendar.monthrange(year, month)[1]) if 1 <= month <= 12 else None


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def read_source(path: Path) -> Document | None:
    """The document as the reader sees it, for files that need no OCR; None otherwise or when unreadable."""
    if path.suffix.lower() not in TEXT_SUFFIXES:
        return None
    try:
        return read(path, pipeline.Limits())
    except Exception:
        return None


def plan_document(plan: Plan) -> Document | None:
    """A plan's stored file as the reader sees it (see ``read_source``); None without one."""
    if not plan.source_file:
        return None
    try:
        path = Path(plan.source_file.path)
    except (ValueError, NotImplementedError):
        return None
    return read_source(path) if path.exists() else None


def source_lines(document: Document) -> list[tuple[str, str]]:
    """(where, text) per block or table row, for showing the source beside the review form."""
    lines = []
    for item in document.items:
        if isinstance(item, Block):
            if item.text.strip():
                # a Word paragraph has no page to point at: show the text alone
                lines.append((item.location.describe() if item.location != Location() else "", item.text))
        else:
            for index, row in enumerate(item.rows):
                cells = [cell for cell in row if cell.strip()]
                if cells:
                    where = (
                        f"bảng {item.location.table + 1 if item.location.table is not None else '?'}, dòng {index + 1}"
                    )
                    lines.append((where, " | ".join(cells)))
    return lines


def area_for_section(section: str | None) -> str:
    """The area of a task catalogue section whose heading named none the importer knew: named in the section
    itself, or by the programme's usual order."""
    if not section:
        return ""
    named = area_of(section) if re.search(r"[^\WIVXivx\d]", section) else None
    if named is not None:
        return named.value
    return STANDARD_SECTIONS.get(section.strip().rstrip(".").upper(), "")


def _decimal(value) -> Decimal:
    try:
        return Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return Decimal(0)


def _drafts_replaced_by(unit: Unit, sha256: str, number: str):
    same = Q(import_runs__sha256=sha256)
    if number:
        same |= Q(number__iexact=number)
    return Plan.objects.filter(unit=unit, status=PlanStatus.DRAFT).filter(same).distinct()


def build_draft(run: ImportRun, result: importer.Plan) -> Plan:
    """Turn an importer result into a draft plan, replacing the draft of the same document."""
    unit, user, meta = run.unit, run.uploaded_by, result.meta
    number = (meta.number or "").strip()[:60]
    for old in _drafts_replaced_by(unit, run.sha256, number):
        record(
            user,
            "replace_draft",
            old,
            unit,
            before=plan_snapshot(old),
            summary=f"Thay bản nháp bằng tệp {run.original_name}",
        )
        old.delete()

    plan = Plan.objects.create(
        unit=unit,
        status=PlanStatus.DRAFT,
        number=number,
        title=(meta.title or f"Kế hoạch (chưa đọc được trích yếu) – {run.original_name}")[:500],
        issuer=(meta.issuer or "")[:200],
        issued_on=_date(meta.date),
        period_start=_month_start(meta.period_start),
        period_end=_month_end(meta.period_end),
        signer=(meta.signer or "")[:120],
        signer_title=(meta.signer_title or "")[:120],
        source_file=run.file.name,
        source_name=run.original_name,
        low_fidelity=result.low_fidelity,
        created_by=user,
    )
    for kind, numbers in ((ReferenceKind.IMPLEMENTS, meta.bases), (ReferenceKind.SUPERSEDES, meta.supersedes)):
        for ref in dict.fromkeys(n.strip()[:60] for n in numbers if n and n.strip()):
            PlanReference.objects.create(plan=plan, kind=kind, number=ref)
    for position, target in enumerate(result.targets, start=1):
        Target.objects.create(
            plan=plan,
            position=position,
            text=target.text,
            value=_decimal(target.value),
            unit=(target.unit or "%")[:30],
            comparator=target.comparator if target.comparator in Comparator.values else Comparator.EQUAL,
            area=target.area if target.area in Area.values else "",
            phase=(target.phase or "")[:60],
        )
    for position, item in enumerate(result.tasks, start=1):
        lead_names = split_names(item.lead or "")
        lead = match_agency(unit, lead_names[0])[0] if lead_names else None
        task = Task.objects.create(
            plan=plan,
            position=position,
            section=(item.section or "")[:20],
            no=(item.no or "")[:20],
            area=item.area or area_for_section(item.section),
            content=item.content,
            lead=lead,
            lead_text=(item.lead or "")[:300],
            partners_text=(item.partners or "")[:500],
            deadline_text=(item.deadline or "")[:200],
            output=(item.output or "")[:500],
        )
        partners = [u for u in match_many(unit, item.partners or "") if u != lead]
        if partners:
            task.partners.set(partners)
    record(
        user,
        "create_draft",
        plan,
        unit,
        after=plan_snapshot(plan),
        summary=f"Bản nháp từ tệp {run.original_name}: {len(result.targets)} chỉ tiêu, {len(result.tasks)} nhiệm vụ",
    )
    return plan


def plan_snapshot(plan: Plan) -> dict:
    """``snapshot`` of a plan, with its file by name (a file is not JSON)."""
    names = [f.attname for f in Plan._meta.concrete_fields if f.name != "source_file"]
    return {**snapshot(plan, names), "source_file": plan.source_file.name or ""}


# --- publishing -----------------------------------------------------------------------------


def normalize_number(number: str) -> str:
    """'94 /KH- UBND' and '094/kh-ubnd' are the same number."""
    text = re.sub(r"\s+", "", number or "").upper().replace("Đ", "D")
    return re.sub(r"^0+(?=\d)", "", text)


def find_plan_by_number(number: str, unit: Unit, *, same_unit_only: bool = False, exclude: Plan | None = None):
    """A plan in the system (not a draft) with this number: of the same unit first, then of a unit
    above it, then the only one anywhere."""
    wanted = normalize_number(number)
    if not wanted:
        return None
    plans = Plan.objects.exclude(status=PlanStatus.DRAFT).exclude(number="").select_related("unit")
    if exclude is not None:
        plans = plans.exclude(pk=exclude.pk)
    matches = [p for p in plans if normalize_number(p.number) == wanted]
    governing = unit.governing_unit
    for plan in matches:
        if plan.unit.governing_unit.pk == governing.pk:
            return plan
    if same_unit_only:
        return None
    above = {u.pk for u in governing.ancestors()}
    for plan in matches:
        if plan.unit_id in above:
            return plan
    return matches[0] if len(matches) == 1 else None


class PublishMode:
    """How a draft that is a new version of a published plan is published."""

    REPLACE = "replace"  # the old plan is superseded; its tasks, updates and figures stay with it, linked
    AMEND = "amend"  # the old plan stays published; the draft is published as its amendment (a reference)


def predecessor(plan: Plan) -> Plan | None:
    """The published plan of the same unit this draft is a new version of: the same number, or the plan it
    says it replaces."""
    numbers = [plan.number] if plan.number else []
    numbers += [r.number for r in plan.references.all() if r.kind == ReferenceKind.SUPERSEDES]
    for number in numbers:
        old = find_plan_by_number(number, plan.unit, same_unit_only=True, exclude=plan)
        if old is not None and old.status == PlanStatus.PUBLISHED:
            return old
    return None


def publish_problems(plan: Plan, mode: str | None = None) -> list[str]:
    """What stops a draft from being published, in words the officer can act on."""
    problems = []
    if plan.status != PlanStatus.DRAFT:
        problems.append("Kế hoạch này đã được ban hành, không ban hành lại được.")
    if not plan.title.strip():
        problems.append("Chưa có trích yếu của kế hoạch.")
    if plan.period_start is None or plan.period_end is None:
        problems.append("Hãy nhập thời gian thực hiện (từ ngày … đến ngày …) để tính hạn của các nhiệm vụ.")
    elif plan.period_start > plan.period_end:
        problems.append("Ngày bắt đầu thực hiện đang sau ngày kết thúc.")
    if mode is None and plan.number and find_plan_by_number(plan.number, plan.unit, same_unit_only=True, exclude=plan):
        problems.append(
            f"Đã có kế hoạch số {plan.number} được ban hành ở đơn vị này. Nếu đây là bản mới của kế hoạch đó, hãy bấm "
            "“Ban hành thay thế” (kế hoạch cũ hết hiệu lực, lịch sử theo dõi được giữ và liên kết) hoặc “Ban hành "
            "sửa đổi, bổ sung” (kế hoạch cũ vẫn hiệu lực); nếu không, hãy sửa số ký hiệu."
        )
    if mode is not None and predecessor(plan) is None:
        problems.append(
            "Không còn kế hoạch đã ban hành nào để thay thế hoặc sửa đổi, bổ sung; hãy bấm “Lưu và ban hành”."
        )
    return problems


def task_dates(task: Task, plan: Plan) -> None:
    """Set the task's dates from its printed deadline (does not save)."""
    deadline = parse_deadline(task.deadline_text or None, plan.period_start, plan.period_end)
    task.due_start, task.due_on, task.recurring = deadline.start, deadline.end, deadline.recurring


def publish(plan: Plan, user, mode: str | None = None) -> Plan:
    """Publish a reviewed draft in one transaction: dates from deadlines, agencies, indicators, links.

    With a ``mode`` the draft is a new version of a published plan (``predecessor``): REPLACE supersedes it,
    AMEND publishes the draft beside it as its amendment."""
    with transaction.atomic():
        plan = Plan.objects.select_for_update().select_related("unit").get(pk=plan.pk)
        problems = publish_problems(plan, mode)
        if problems:
            raise ValidationError(problems)
        before = plan_snapshot(plan)
        if mode is not None:
            old = predecessor(plan)
            kind = ReferenceKind.SUPERSEDES if mode == PublishMode.REPLACE else ReferenceKind.AMENDS
            for ref in plan.references.exclude(kind=ReferenceKind.IMPLEMENTS):
                if normalize_number(ref.number) == normalize_number(old.number):
                    ref.delete()
            PlanReference.objects.create(plan=plan, kind=kind, number=old.number or str(old), linked_plan=old)
        for task in plan.tasks.all():
            task_dates(task, plan)
            if not task.area:
                task.area = area_for_section(task.section)
            task.save(update_fields=["due_start", "due_on", "recurring", "area"])
        for target in plan.targets.all():
            if target.indicator_id is None:
                target.indicator = bind_indicator(target.text)
                if target.indicator is not None:
                    target.save(update_fields=["indicator"])
        for ref in plan.references.all():
            same_unit = ref.kind != ReferenceKind.IMPLEMENTS
            if ref.linked_plan_id is None:
                ref.linked_plan = find_plan_by_number(ref.number, plan.unit, same_unit_only=same_unit, exclude=plan)
                ref.save(update_fields=["linked_plan"])
            old = ref.linked_plan
            if ref.kind == ReferenceKind.SUPERSEDES and old is not None and old.status == PlanStatus.PUBLISHED:
                old_before = plan_snapshot(old)
                old.status, old.superseded_by = PlanStatus.SUPERSEDED, plan
                old.save(update_fields=["status", "superseded_by"])
                record(user, "supersede", old, old.unit, old_before, plan_snapshot(old), f"Được thay thế bởi {plan}")
            elif ref.kind == ReferenceKind.AMENDS and old is not None:
                record(user, "amend", old, old.unit, None, {"amended_by": plan.pk}, f"Được sửa đổi, bổ sung bởi {plan}")
        plan.status = PlanStatus.PUBLISHED
        plan.published_at = timezone.now()
        plan.published_by = user
        plan.save(update_fields=["status", "published_at", "published_by"])
        record(user, "publish", plan, plan.unit, before, plan_snapshot(plan), f"Ban hành {plan}")
        replaced = plan.references.filter(kind=ReferenceKind.SUPERSEDES, linked_plan__superseded_by=plan).first()
        notify.plan_published(plan, user, replaced.linked_plan if replaced else None)
    return plan


ONE_STOP = "Trung tâm Phục vụ hành chính công"


def tracking_suggestions(plan: Plan) -> dict[int, tuple[Unit, str]]:
    """For each target without a tracking agency, the agency to suggest and why: the agency leading most of the
    plan's tasks of the target's area; for procedures (TTHC) without such tasks, the one-stop centre, which holds
    those figures; otherwise the unit's standing body."""
    leads: dict[str, Counter] = {}
    for area, lead_id in plan.tasks.exclude(lead=None).values_list("area", "lead_id"):
        leads.setdefault(area, Counter())[lead_id] += 1
    agencies = {u.pk: u for u in plan.unit.governing_unit.agencies()}
    agencies |= {u.pk: u for u in Unit.objects.filter(pk__in={i for c in leads.values() for i in c})}
    standing = next((u for u in agencies.values() if u.is_standing_body), None)
    one_stop = None
    out = {}
    for target in plan.targets.filter(agency__isnull=True).select_related("indicator"):
        area = target.area or (target.indicator.area if target.indicator else "")
        if leads.get(area):
            lead_id, n = leads[area].most_common(1)[0]
            out[target.pk] = (agencies[lead_id], f"chủ trì {n} nhiệm vụ cùng lĩnh vực trong kế hoạch")
            continue
        if area == Area.TTHC:
            one_stop = one_stop or match_agency(plan.unit, ONE_STOP)[0]
            if one_stop is not None:
                out[target.pk] = (one_stop, "bộ phận một cửa nắm số liệu thủ tục hành chính")
                continue
        if standing is not None:
            out[target.pk] = (standing, "cơ quan thường trực CCHC")
    return out


def publish_warnings(plan: Plan) -> list[str]:
    """What publishing allows but leaves untracked or doubtful: a plan whose printed issuer is another body than
    its unit, targets without the agency that tracks them, tasks without a lead; each says where to fix it."""
    warnings = []
    if plan.issuer and not names_unit(plan.issuer, plan.unit):
        warnings.append(
            f"Cơ quan ban hành ghi “{plan.issuer}”, không phải {plan.unit.name}: kiểm tra lại đã chọn đúng tệp "
            "kế hoạch của đơn vị mình chưa, hoặc sửa ô “Cơ quan ban hành” nếu đọc sai."
        )
    targets = plan.targets.filter(agency__isnull=True).count()
    tasks = plan.tasks.filter(lead__isnull=True).count()
    if targets:
        warnings.append(
            f"{targets} chỉ tiêu chưa có cơ quan theo dõi: không ai ngoài cán bộ thường trực nhập được số liệu. "
            "Chọn “Cơ quan theo dõi” ở phần Chỉ tiêu trên trang này."
        )
    if tasks:
        warnings.append(
            f"{tasks} nhiệm vụ chưa có cơ quan chủ trì: không cơ quan nào được nhắc hạn hay cập nhật. "
            "Chọn “Cơ quan chủ trì” ở phần Nhiệm vụ trên trang này."
        )
    return warnings


def delete_draft(plan: Plan, user) -> bool:
    """Delete a draft with its targets and tasks, audited; the import run and its uploaded file are kept (the
    run's page says its draft is gone). False when the plan is no longer a draft."""
    with transaction.atomic():
        plan = Plan.objects.select_for_update().filter(pk=plan.pk, status=PlanStatus.DRAFT).first()
        if plan is None:
            return False
        summary = f"Xóa bản nháp {plan} ({plan.targets.count()} chỉ tiêu, {plan.tasks.count()} nhiệm vụ)"
        record(user, "delete_draft", plan, plan.unit, plan_snapshot(plan), None, summary)
        plan.delete()
    return True
