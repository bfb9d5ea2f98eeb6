"""End to end on plans of other provinces and ministries, in the shapes web sites and offices make them.

tests/fixtures/other holds two real plans as a legal-document site publishes them (Đồng Nai 179/KH-UBND,
Đồng Tháp 597/KH-UBND, copied from /work/shared/real) and five plans written for these tests in other
bodies' styles (a ministry plan flattened between '|' lines, a province plan pasted as tab-separated tables,
a ward plan with prose task blocks, a department plan saved as HTML from a site, a commune plan in TCVN3),
each with gold written by reading the document. Scored with the scorer's own logic (tests/scoring.py).

The issue's bar for real plans of other bodies is overall ≥ 0.80 with tasks_f1 ≥ 0.80. BARS are what the
importer reaches today where that is higher: raise them as it improves, never lower them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from importer.pipeline import run
from tests.scoring import score_doc, summarize

OTHER = Path(__file__).resolve().parents[1] / "fixtures" / "other"
REAL = ("dongnai_kh179_kinhteso_2026_2030", "dongthap_kh597_cds_giaothong_2025")
GOLDS = sorted((OTHER / "gold").glob("*.json"))

# group -> (overall, targets_f1, tasks_f1) that must hold
BARS = {
    "real": (0.90, 0.95, 0.95),  # 0.959 today; below it only for the header fields, read by header.py
    "written": (0.95, 0.95, 0.95),
}


def _summary(names: list[Path]) -> dict:
    scored = []
    for gold_path in names:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        scored.append(score_doc(run(OTHER / gold["doc"]).to_dict(), gold))
    return summarize(scored)


@pytest.mark.parametrize("group", ["real", "written"])
def test_it_imports_plans_of_other_bodies_as_well_as_the_bar(group):
    names = [g for g in GOLDS if (g.stem in REAL) == (group == "real")]
    assert len(names) == (2 if group == "real" else 5)
    summary = _summary(names)
    overall, targets, tasks = BARS[group]
    shown = ", ".join(f"{k}={v:.3f}" for k, v in summary.items())
    assert summary["overall"] >= overall, shown
    assert summary["targets_f1"] >= targets, shown
    assert summary["tasks_f1"] >= tasks, shown
