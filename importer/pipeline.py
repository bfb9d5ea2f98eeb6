"""The importer's stages, in the order they run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from importer.coverage import measure_coverage
from importer.deadlines import period_dates, readable
from importer.duties import extract_agencies, extract_reporting
from importer.errors import NotAPlan
from importer.header import extract_meta, is_report, review_meta
from importer.model import Meta, Plan, Problem, Status, Task
from importer.readers import read
from importer.tables import recover_tables
from importer.targets import extract_targets
from importer.tasks import extract_tasks
from importer.text import looks_like_plan, normalize
from importer.unmarked import flag_lost_diacritics

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Limits:
    """Refusal thresholds for bad input; callers may tighten or loosen them."""

    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 300
    max_unzipped_bytes: int = 200 * 1024 * 1024
    ocr_dpi: int = 300
    workers: int | None = None  # OCR processes; None = all cores


def run(path: str | Path, limits: Limits = Limits(), progress: Progress | None = None) -> Plan:
    """Import one plan document. Raises ``ImporterError`` for input that cannot be a plan."""
    path = Path(path)
    document = read(path, limits, progress)
    document = normalize(document)
    document = flag_lost_diacritics(document)
    if not looks_like_plan(document):
        raise NotAPlan(
            f"Tệp {path.name} không giống một kế hoạch CCHC (không thấy tiêu đề “KẾ HOẠCH” hay các mục "
            "mục tiêu, nhiệm vụ). Hãy kiểm tra lại đã chọn đúng tệp kế hoạch chưa."
        )
    if is_report(document):
        raise NotAPlan(
            f"Tệp {path.name} là một báo cáo (BÁO CÁO), không phải kế hoạch: báo cáo kể lại kết quả đã làm, "
            "không đặt ra nhiệm vụ. Hãy kiểm tra lại đã chọn đúng tệp kế hoạch chưa."
        )
    document = recover_tables(document)
    meta = extract_meta(document)
    targets, target_problems = extract_targets(document, meta)
    tasks, task_problems = extract_tasks(document)
    agencies = extract_agencies(document, tasks)
    reporting = extract_reporting(document)
    problems = document.problems + review_meta(meta, document) + target_problems + task_problems
    problems += review_deadlines(tasks, meta)
    plan = Plan(
        doc=path.name,
        status=Status.SUCCESS,
        meta=meta,
        targets=targets,
        tasks=tasks,
        agencies=agencies,
        reporting=reporting,
        low_fidelity=document.low_fidelity,
        problems=problems,
    )
    plan = replace(plan, coverage=measure_coverage(document, plan))
    return validate(plan)


def review_deadlines(tasks: tuple[Task, ...], meta: Meta) -> tuple[Problem, ...]:
    """A printed deadline that names no date, even with the plan's period ('Quý II' of a plan for 2026 is
    read), is a doubt for the reviewer, not the plan's end date."""
    period = period_dates(meta.period_start, meta.period_end)
    problems = []
    for task in tasks:
        if task.deadline and not readable(task.deadline, *period):
            number = ".".join(part for part in (task.section, task.no) if part)
            problems.append(
                Problem(
                    "deadline_unreadable",
                    f"Không đọc được thời hạn “{task.deadline}” của nhiệm vụ{f' {number}' if number else ''}; "
                    "hãy nhập hạn hoàn thành cho nhiệm vụ này.",
                    task.location,
                )
            )
    return tuple(problems)


def validate(plan: Plan) -> Plan:
    """Mark the plan partial when anything is doubtful or missing."""
    doubtful = bool(plan.problems) or plan.low_fidelity or not plan.meta.title
    return replace(plan, status=Status.PARTIAL if doubtful else Status.SUCCESS)
