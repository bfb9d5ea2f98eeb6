"""End to end: each seed plan, typed into Word, printed to PDF and scanned, imports as well as its gold says.

The .docx and text .pdf variants are committed (tests/fixtures/generated, made by
scripts/make_fixtures.py); the scanned variants are made here from the text PDF (300 dpi, 1-bit):
one fed straight, one fed askew (every other plan turned 1.5° one way, the rest 2° the other).
Every variant is scored against the seed's gold with the scorer's own logic (tests/scoring.py).

The issue's bars: overall ≥ 0.90 with targets_f1 ≥ 0.90 and tasks_f1 ≥ 0.90 on the .txt seeds and
on the .docx and text-.pdf variants; overall ≥ 0.80 on the scanned variant. BARS below are those
bars, except where the importer does not reach them yet (the scanned variant): there the bar is what
it reaches today, to be raised as it improves, never lowered.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from importer.pipeline import run
from tests.scoring import score_doc, summarize

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
GENERATED = ROOT / "tests" / "fixtures" / "generated"
GOLDS = sorted((SEEDS / "gold").glob("*.json"))

# variant -> (overall, targets_f1, tasks_f1) that must hold; the issue asks 0.90/0.90/0.90 (scanned 0.80 overall)
BARS = {
    "txt": (0.90, 0.90, 0.90),
    "docx": (0.90, 0.90, 0.90),
    "pdf": (0.90, 0.90, 0.90),
    "scanned": (0.95, 0.95, 0.95),
    "askew": (0.94, 0.95, 0.95),
}


def _gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _score(files: dict[str, Path]) -> dict:
    scored = []
    for gold_path in GOLDS:
        gold = _gold(gold_path)
        plan = run(files[gold_path.stem])
        scored.append(score_doc(plan.to_dict(), gold))
    return summarize(scored)


def _assert_bars(variant: str, summary: dict) -> None:
    overall, targets, tasks = BARS[variant]
    shown = ", ".join(f"{k}={v:.3f}" for k, v in summary.items())
    assert summary["overall"] >= overall, shown
    assert summary["targets_f1"] >= targets, shown
    assert summary["tasks_f1"] >= tasks, shown


@pytest.mark.parametrize("variant", ["txt", "docx", "pdf"])
def test_it_imports_each_text_variant_as_well_as_the_bar(variant):
    if variant == "txt":
        files = {g.stem: SEEDS / _gold(g)["doc"] for g in GOLDS}
    else:
        files = {g.stem: GENERATED / f"{g.stem}.{variant}" for g in GOLDS}
    _assert_bars(variant, _score(files))


def test_it_reads_the_same_tasks_from_the_docx_and_the_pdf_tables():
    """The readers deliver every task row's content, whichever the format (the PDF splits rows at page breaks)."""
    from importer.pipeline import Limits
    from importer.readers import read

    for gold_path in GOLDS:
        tasks = _gold(gold_path)["tasks"]
        for ext in ("docx", "pdf"):
            document = read(GENERATED / f"{gold_path.stem}.{ext}", Limits())
            cells = " ".join(" ".join(" ".join(row) for row in table.rows) for table in document.tables)
            words = set(cells.split())
            for task in tasks:
                assert set(task["content_vi"].split()) <= words, (ext, task["content_vi"])


def _scanned(folder: Path, askew: bool) -> dict[str, Path]:
    spec = importlib.util.spec_from_file_location("make_fixtures", ROOT / "scripts" / "make_fixtures.py")
    make_fixtures = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_fixtures)
    return {
        g.stem: make_fixtures.scan_pdf(
            GENERATED / f"{g.stem}.pdf", folder / f"{g.stem}.pdf", skew=(1.5 if n % 2 else -2.0) if askew else 0.0
        )
        for n, g in enumerate(GOLDS)
    }


@pytest.mark.ocr
@pytest.mark.parametrize("variant", ["scanned", "askew"])
def test_it_imports_the_scanned_variants_as_well_as_the_bar(variant, tmp_path):
    _assert_bars(variant, _score(_scanned(tmp_path, askew=variant == "askew")))
