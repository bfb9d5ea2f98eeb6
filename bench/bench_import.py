#!/usr/bin/env python3
"""How fast and how lean the importer is, per document and format.

For each seed plan and each of its variants (the seed .txt, the generated .docx and text .pdf, and
a scanned .pdf made on the fly from the text PDF at 300 dpi), runs ``importer.pipeline.run()`` in a
fresh child process and prints a Markdown table: pages, time of the reader alone and of the whole
import (interpreter start excluded), OCR seconds per page (wall, and CPU seconds of the OCR
processes), peak memory of the importing process and of its largest child (an OCR worker or
Tesseract), and the score against the seed's gold.

    .venv/bin/python bench/bench_import.py [--workers N] [--only txt,docx,pdf,scanned,other]

``other``: the documents not made from any gold (tests/fixtures/other, other-pdf, other-offices,
other-producers), one row each with the producer that made it, then the scorer's summary per producer.

Targets: text, .docx and text .pdf plans under 0.5 s; OCR under 0.7 s per A4 page at 300 dpi with
every core busy; memory under 500 MB.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
GENERATED = ROOT / "tests" / "fixtures" / "generated"
OTHERS = [ROOT / "tests" / "fixtures" / name for name in ("other", "other-pdf", "other-offices", "other-producers")]

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from importer.pipeline import Limits, run
from importer.readers import read
from tests.scoring import score_doc, summarize
limits = Limits(workers=int(sys.argv[4]) or None)
start = time.perf_counter()
if sys.argv[5] == "1":
    read(Path(sys.argv[2]), limits)
reading = time.perf_counter() - start
start = time.perf_counter()
plan = run(sys.argv[2], limits)
wall = time.perf_counter() - start
gold = json.load(open(sys.argv[3], encoding="utf-8"))
score = summarize([score_doc(plan.to_dict(), gold)])
print(json.dumps({
    "wall": wall,
    "read": reading,
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over fork and exec, so it would report this bench's
    # own size (it holds the scanned pages) instead of the import's
    "rss_self": int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]) / 1024,
    "rss_child": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "cpu_child": resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    + resource.getrusage(resource.RUSAGE_CHILDREN).ru_stime,
    "overall": score["overall"],
    "scored": score_doc(plan.to_dict(), gold),
}))
"""


def _make_fixtures():
    spec = importlib.util.spec_from_file_location("make_fixtures", ROOT / "scripts" / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pages(path: Path) -> int:
    if path.suffix != ".pdf":
        return 0
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=0, help="OCR processes (0: every core)")
    parser.add_argument("--only", default="txt,docx,pdf,scanned,other", help="variants to run")
    args = parser.parse_args()
    variants = args.only.split(",")
    golds = sorted((SEEDS / "gold").glob("*.json"))
    tmp = Path(tempfile.mkdtemp(prefix="bench-scanned-"))
    fixtures = _make_fixtures() if "scanned" in variants else None

    seeds = [variant for variant in variants if variant != "other"]
    print(f"cores: {os.cpu_count()}, OCR workers: {args.workers or os.cpu_count()}, load: {os.getloadavg()[0]:.1f}")
    if seeds:
        print()
        print(
            "| document | variant | pages | read s | import s | OCR s/page | peak MB (import) | peak MB (child) "
            "| overall |"
        )
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    ocr_pages = ocr_seconds = 0.0
    for gold_path in golds if seeds else ():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        files = {
            "txt": SEEDS / gold["doc"],
            "docx": GENERATED / f"{gold_path.stem}.docx",
            "pdf": GENERATED / f"{gold_path.stem}.pdf",
        }
        for variant in seeds:
            if variant == "scanned":
                path = fixtures.scan_pdf(files["pdf"], tmp / f"{gold_path.stem}.scanned.pdf")
            else:
                path = files[variant]
            time_reader = "0" if variant == "scanned" else "1"  # OCR is the whole of a scanned import's time
            argv = [sys.executable, "-c", CHILD, str(ROOT), str(path), str(gold_path), str(args.workers), time_reader]
            done = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)
            if done.returncode != 0:
                print(f"| {gold_path.stem[:3]} | {variant} | failed: {done.stderr.strip()[-200:]} |")
                continue
            result = json.loads(done.stdout.strip().splitlines()[-1])
            pages = _pages(path)
            per_page = ""
            if variant == "scanned" and pages:
                per_page = f"{result['wall'] / pages:.2f} ({result['cpu_child'] / pages:.2f} CPU)"
                ocr_pages += pages
                ocr_seconds += result["wall"]
            print(
                f"| {gold_path.stem[:3]} | {variant} | {pages or ''} | {result['read'] or float('nan'):.2f} "
                f"| {result['wall']:.2f} | {per_page} "
                f"| {result['rss_self']:.0f} | {result['rss_child']:.0f} | {result['overall']:.3f} |"
            )
    if ocr_pages:
        print()
        print(f"OCR: {ocr_pages:.0f} pages in {ocr_seconds:.1f} s, {ocr_seconds / ocr_pages:.2f} s per page")
    if "other" in variants:
        _bench_others(args.workers)


def producer_of(path: Path) -> str:
    """Who made a document of another body, as its name and format tell."""
    if path.suffix == ".pdf":
        return {"_chromium": "Chromium", "_fpdf2": "fpdf2", "_reportlab": "reportlab"}.get(
            path.stem[path.stem.rfind("_") :], "LibreOffice"
        )
    if path.suffix == ".docx" and path.stem.endswith("_lo"):
        return "LibreOffice Writer"
    return {".docx": "python-docx", ".md": "Markdown", ".html": "HTML"}.get(path.suffix, "text")


def _bench_others(workers: int) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.scoring import summarize

    print()
    print("| document not made from the gold | producer | import s | peak MB | overall | tasks_f1 |")
    print("|---|---|---:|---:|---:|---:|")
    by_producer: dict[str, list[dict]] = {}
    for gold_path in sorted(g for folder in OTHERS for g in (folder / "gold").glob("*.json")):
        path = gold_path.parents[1] / json.loads(gold_path.read_text(encoding="utf-8"))["doc"]
        argv = [sys.executable, "-c", CHILD, str(ROOT), str(path), str(gold_path), str(workers), "0"]
        done = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)
        if done.returncode != 0:
            print(f"| {path.name} | {producer_of(path)} | failed: {done.stderr.strip()[-200:]} |")
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        by_producer.setdefault(producer_of(path), []).append(result["scored"])
        tasks = summarize([result["scored"]])["tasks_f1"]
        print(
            f"| {path.name} | {producer_of(path)} | {result['wall']:.2f} | {result['rss_self']:.0f} "
            f"| {result['overall']:.3f} | {tasks:.3f} |"
        )
    print()
    for producer, scored in sorted(by_producer.items()):
        summary = summarize(scored)
        print(
            f"{producer}: {len(scored)} documents, overall {summary['overall']:.3f}, targets_f1 "
            f"{summary['targets_f1']:.3f}, tasks_f1 {summary['tasks_f1']:.3f}, task_fields {summary['task_fields']:.3f}"
        )


if __name__ == "__main__":
    main()
