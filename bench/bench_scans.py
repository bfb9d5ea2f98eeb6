#!/usr/bin/env python3
"""Scans, faxes and photos: how well and how fast they are read (OpenCV's page preparation, ``page_cv``).

Every text PDF of another producer with gold (``tests/fixtures/other-pdf``: LibreOffice, Chromium, fpdf2) is damaged
by each maker of ``tests/degrade.py`` (200 and 150 dpi office scans, fax, phone photos, two pages on one sheet,
4.5° askew), then imported. Prints a Markdown row per document with the scorer's figures (``tests/scoring.py``,
the logic of the shared scorer) and the wall time and the CPU time (this process and its OCR workers,
``time.process_time`` and ``getrusage``) per page, then the means per variant and per producer; last, the CPU
time of the page preparation alone (no Tesseract) per page, which a busy machine disturbs far less.

    .venv/bin/python bench/bench_scans.py [--workers N] [--only office-200,fax-200] [--sources DIR,DIR]

``--sources`` damages the text PDFs with gold of other fixture folders instead (their producer is read from the
file name: ``_lo``, ``_chromium``, ``_reportlab``, ``_fpdf2``).

Target: scans, faxes and photos >= 0.85 overall with tasks_f1 >= 0.85; OCR under 0.7 s per A4 page with two
cores (the machine may be shared: say its load with the figures).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from importer.pipeline import Limits, run  # noqa: E402
from tests.degrade import MAKERS, make  # noqa: E402
from tests.scoring import score_doc, summarize  # noqa: E402

SOURCES = ROOT / "tests" / "fixtures" / "other-pdf"
PRODUCERS = {"lo": "LibreOffice", "chromium": "Chromium", "fpdf2": "fpdf2", "reportlab": "ReportLab"}
FIGURES = ("overall", "meta", "targets_f1", "target_fields", "tasks_f1", "task_fields")


def _producer(stem: str) -> str:
    """The producer a fixture's name ends with (``…_lo``, ``…_chromium``), or ``?``."""
    return PRODUCERS.get(stem.rsplit("_", 1)[-1], "?")


def _golds(folders: list[Path]) -> list[tuple[Path, dict]]:
    """(source PDF, gold) of every gold of the folders whose document is a PDF."""
    found = []
    for folder in folders:
        for gold_path in sorted((folder / "gold").glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            if gold["doc"].endswith(".pdf"):
                found.append((folder / gold["doc"], gold))
    return found


def _pages(path: Path) -> int:
    if path.suffix == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            return len(pdf)
        finally:
            pdf.close()
    from PIL import Image

    with Image.open(path) as image:
        return getattr(image, "n_frames", 1)


def _cpu() -> float:
    """CPU seconds so far of this process and of its finished children (the OCR workers)."""
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _mean(rows: list[dict], key: str) -> float:
    return sum(row[key] for row in rows) / len(rows)


def _preparation(folder: Path, variants: list[str]) -> float:
    """CPU seconds per page of making the pages of every made document fit to read, Tesseract left out."""
    from importer.readers.ocr import load_frame, prepare, render_page, scanned_at

    seconds = pages = 0.0
    for path in sorted(folder.iterdir()):
        if "." not in path.stem or path.stem.split(".", 1)[1] not in variants:
            continue
        for number in range(_pages(path)):
            if path.suffix == ".pdf":
                dpi = min(300, scanned_at(str(path), number) or 300)  # as the OCR reader renders it
                image = render_page(str(path), number, dpi)
            else:
                image, dpi = load_frame(str(path), number, 300)
            start = time.process_time()
            prepare(image, dpi)
            seconds += time.process_time() - start
            pages += 1
    return seconds / max(1, pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=0, help="OCR processes (0: every core)")
    parser.add_argument("--only", default=",".join(MAKERS), help="variants to make")
    parser.add_argument("--sources", default=str(SOURCES), help="fixture folders (a,b) whose PDFs to damage")
    args = parser.parse_args()
    sources = [Path(name) if Path(name).is_absolute() else ROOT / name for name in args.sources.split(",")]
    folder = Path(tempfile.mkdtemp(prefix="bench-scans-"))
    print(f"cores: {os.cpu_count()}, OCR workers: {args.workers or os.cpu_count()}, load: {os.getloadavg()[0]:.1f}")
    print()
    print("| document | producer | variant | pages | s/page | cpu s/page | " + " | ".join(FIGURES) + " |")
    print("|---|---|---|---:|---:|---:|" + "---:|" * len(FIGURES))
    results = []
    for source, gold in _golds(sources):
        for variant in args.only.split(","):
            path = make(variant, source, folder)
            pages = _pages(path)
            start, cpu = time.perf_counter(), _cpu()
            plan = run(path, Limits(workers=args.workers or None))
            wall, cpu = time.perf_counter() - start, _cpu() - cpu
            score = summarize([score_doc(plan.to_dict(), gold)])
            row = {
                "doc": source.stem,
                "producer": _producer(source.stem),
                "variant": variant,
                "per_page": wall / pages,
                "cpu_per_page": cpu / pages,
                **{key: score[key] for key in FIGURES},
            }
            results.append(row)
            print(
                f"| {row['doc'][:24]} | {row['producer']} | {variant} | {pages} | {row['per_page']:.2f} | "
                f"{row['cpu_per_page']:.2f} | " + " | ".join(f"{row[key]:.3f}" for key in FIGURES) + " |",
                flush=True,
            )
    for group in ("variant", "producer"):
        print()
        print(f"| {group} | s/page | cpu s/page | " + " | ".join(FIGURES) + " |")
        print("|---|---:|---:|" + "---:|" * len(FIGURES))
        for name in dict.fromkeys(row[group] for row in results):
            rows = [row for row in results if row[group] == name]
            print(
                f"| {name} | {_mean(rows, 'per_page'):.2f} | {_mean(rows, 'cpu_per_page'):.2f} | "
                + " | ".join(f"{_mean(rows, key):.3f}" for key in FIGURES)
                + " |"
            )
    print()
    print(f"page preparation alone (render excluded), CPU s per page: {_preparation(folder, args.only.split(',')):.3f}")
    print(
        f"all: overall {_mean(results, 'overall'):.3f}, tasks_f1 {_mean(results, 'tasks_f1'):.3f}, "
        f"{_mean(results, 'per_page'):.2f} s per page wall, {_mean(results, 'cpu_per_page'):.2f} s of CPU, "
        f"load {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
