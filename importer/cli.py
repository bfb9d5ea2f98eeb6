"""``cchc import PATH [--format json|text]``: import a plan without a database."""

from __future__ import annotations

import argparse
import json
import sys

from importer.errors import ImporterError
from importer.model import Plan
from importer.pipeline import Limits, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc", description="cchc – công cụ kế hoạch cải cách hành chính")
    commands = parser.add_subparsers(dest="command", required=True)
    imp = commands.add_parser("import", help="đọc một tệp kế hoạch và in ra dữ liệu có cấu trúc")
    imp.add_argument("path", help="tệp kế hoạch: .docx, .pdf, ảnh quét, .txt, .md")
    imp.add_argument("--format", choices=("json", "text"), default="text")
    imp.add_argument("--max-pages", type=int, default=Limits.max_pages, help="từ chối PDF dài hơn số trang này")
    imp.add_argument("--workers", type=int, default=None, help="số tiến trình OCR (mặc định: mọi lõi)")
    args = parser.parse_args(argv)

    limits = Limits(max_pages=args.max_pages, workers=args.workers)
    progress = _progress_line if sys.stderr.isatty() else None
    try:
        plan = run(args.path, limits, progress)
    except ImporterError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        json.dump(plan.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(summary(plan))
    return 0


def _progress_line(done: int, total: int) -> None:
    end = "\n" if done >= total else ""
    print(f"\rĐang nhận dạng chữ (OCR): trang {done}/{total}", end=end, file=sys.stderr, flush=True)


def summary(plan: Plan) -> str:
    """A readable account of the import for a person at a terminal."""
    m = plan.meta
    lines = [
        f"Tệp: {plan.doc}  (trạng thái: {plan.status.value}{', văn bản mất dấu' if plan.low_fidelity else ''})",
        f"Số: {m.number or '—'}   Cơ quan ban hành: {m.issuer or '—'}   Ngày: {m.date or '—'}",
        f"Tiêu đề: {m.title or '—'}",
        f"Giai đoạn: {m.period_start or '?'} → {m.period_end or '?'}",
        f"Căn cứ: {', '.join(m.bases) or '—'}   Thay thế: {', '.join(m.supersedes) or '—'}",
        f"Người ký: {m.signer or '—'} ({m.signer_title or '—'})",
        "",
        f"Chỉ tiêu ({len(plan.targets)}):",
    ]
    lines += [
        f"  {t.comparator} {t.value:g}{t.unit}  [{t.area or '?'}; {t.phase or '?'}]  {t.text[:90]}"
        for t in plan.targets
    ]
    lines += ["", f"Nhiệm vụ ({len(plan.tasks)}):"]
    lines += [
        f"  {t.section or ''}.{t.no or ''}  {t.content[:70]}  | chủ trì: {t.lead or '—'} | hạn: {t.deadline or '—'}"
        for t in plan.tasks
    ]
    lines += ["", f"Cơ quan có nhiệm vụ: {', '.join(plan.agencies) or '—'}"]
    lines += [f"Báo cáo: {r.frequency} → {r.to or '—'} ({r.deadline or 'không nêu hạn'})" for r in plan.reporting]
    if plan.problems:
        lines += ["", f"Cảnh báo ({len(plan.problems)}):"]
        lines += [f"  [{p.location.describe()}] {p.message}" for p in plan.problems]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
